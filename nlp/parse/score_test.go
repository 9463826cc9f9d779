package parse

import (
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

// recordTransKeys parses EWT dev (gold tags) and returns the transition
// feature hashes of every configuration, numFeatures per configuration,
// in parsing order.
func recordTransKeys(tb testing.TB, p *Parser) []uint64 {
	tb.Helper()
	m := p.m
	var keys []uint64
	st := p.pool.Get().(*state)
	defer p.pool.Put(st)
	for _, s := range readTB(tb, "en_ewt-ud-dev.conllu") {
		toks := append([]nlp.Token(nil), s.Tokens...)
		st.reset(toks, len(m.labels)-1)
		for !st.terminal() {
			f := st.features()
			keys = append(keys, f...)
			m.scoreTrans(f, st.scores, &st.sink)
			m.step(st)
		}
	}
	return keys
}

// BenchmarkScoreTrans times looking up all 111 transition features of
// a configuration the plain way (scoreTrans), on the feature hashes of
// parsing EWT dev replayed in order, so that the table is as cold as when
// parsing; "home" only loads each feature's home slot. In session 12 (2
// shared Xeon cores) lookup took 1,500-1,700 ns a configuration and home
// 350-500: the probing past the home slot, not the cache misses alone,
// is most of the cost. Branch-free variants of the probing (a bucketed
// table, a perfect hash, two slots compared with masks) measured no
// faster; what helped was looking up fewer features (see scoreConfig).
// Any other table layout must give the same weights for every key,
// absent ones included: the 32-bit fingerprints match a few absent
// features (5 of 5.6 million lookups on EWT dev), and those matches are
// part of today's parses.
func BenchmarkScoreTrans(b *testing.B) {
	p, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	keys := recordTransKeys(b, p)
	m := p.m
	b.Run("lookup", func(b *testing.B) {
		var s [3]float32
		var sink uint32
		n := 0
		for b.Loop() {
			for i := 0; i+numFeatures <= len(keys); i += numFeatures {
				m.scoreTrans(keys[i:i+numFeatures], s[:], &sink)
				n++
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/config")
	})
	b.Run("home", func(b *testing.B) {
		var sink uint32
		n := 0
		for b.Loop() {
			for i := 0; i+numFeatures <= len(keys); i += numFeatures {
				for _, k := range keys[i : i+numFeatures] {
					sink += m.trans[k&m.tmask].fp
				}
				n++
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/config")
		_ = sink
	})
}

// scoreTrans sums the transition weights of feats into s, in order: the
// plain scoring that scoreConfig must reproduce to the bit. The weights
// come from lookup (an absent feature's are +0, which changes no sum).
func (m *tables) scoreTrans(feats []uint64, s []float32, sink *uint32) {
	var w [numFeatures]uint64
	m.lookup(feats, w[:], sink)
	var a, b, c float32
	for _, x := range w[:len(feats)] {
		a += fromBF16(uint16(x))
		b += fromBF16(uint16(x >> 16))
		c += fromBF16(uint16(x >> 32))
	}
	s[0], s[1], s[2] = a, b, c
}
