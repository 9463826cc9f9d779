package tag

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dyad-events/dyad/nlp/conllu"
)

// refGreedy tags the tokens described by info (as greedy left them, two
// padding entries on each side) the plain way: every feature of extract
// looked up in the Model's sorted keys and its weights added to one int32
// score per class, the first highest score winning. The Tagger's
// precomputed rows, hash table and paired scores must give the same
// classes.
func refGreedy(m *Model, info []tokInfo) []uint8 {
	n := len(info) - 4
	out := make([]uint8, n)
	scores := make([]int32, len(m.classes))
	p1, p2 := uint64(0), uint64(0)
	for i := range n {
		clear(scores)
		for _, f := range extract(nil, info, i+2, p1, p2) {
			k, ok := slices.BinarySearch(m.keys, f)
			if !ok {
				continue
			}
			for e := m.off[k]; e < m.off[k+1]; e++ {
				scores[m.cls[e]] += int32(m.w[e])
			}
		}
		best := 0
		for c, x := range scores {
			if x > scores[best] {
				best = c
			}
		}
		out[i] = uint8(best)
		p2, p1 = p1, uint64(best)+1
	}
	return out
}

// TestGreedyMatchesModel checks the tagger's scoring against refGreedy,
// for the embedded model on EWT dev (or the test sentences, without the
// treebank) and for a small model trained here, with its class count and
// with one class more (pairs of scores then end with a half).
func TestGreedyMatchesModel(t *testing.T) {
	small := readCoNLLU(t, filepath.Join("testdata", "small.conllu"))
	sm, err := ReadModel(bytes.NewReader(trainSmall(t, small)), "small")
	if err != nil {
		t.Fatal(err)
	}
	smallTagger, err := New(sm)
	if err != nil {
		t.Fatal(err)
	}
	// the same with one more class, one no feature votes for: an odd count
	odd := *sm
	odd.classes = append(slices.Clip(sm.classes), class{"X", "ODD"})
	oddTagger, err := New(&odd)
	if err != nil {
		t.Fatal(err)
	}
	corpus := small
	if ud := udDirOrEmpty(); ud != "" {
		corpus = readCoNLLU(t, filepath.Join(ud, "en_ewt-ud-dev.conllu"))
	} else {
		t.Log("../shared/data/ud-english absent: the embedded model is checked on testdata/small.conllu only")
	}
	for _, c := range []struct {
		name  string
		tg    *Tagger
		sents []*conllu.Sentence
	}{{"embedded", load(t), corpus}, {"small", smallTagger, small}, {"small+1", oddTagger, small}} {
		t.Run(c.name, func(t *testing.T) {
			t.Logf("%d classes", c.tg.nClasses)
			sc := c.tg.pool.Get().(*scratch)
			defer c.tg.pool.Put(sc)
			tokens := 0
			for si, s := range c.sents {
				info, _, cls := c.tg.greedy(sc, len(s.Words), func(i int) string { return s.Words[i].Form })
				want := refGreedy(c.tg.m, info)
				if !slices.Equal(cls, want) {
					t.Fatalf("sentence %d: greedy classes %v, the model's plain scores give %v", si, cls, want)
				}
				tokens += len(cls)
			}
			t.Logf("%d tokens agree", tokens)
		})
	}
}

func TestPairs(t *testing.T) {
	for _, c := range []struct{ lo, hi int32 }{
		{0, 0}, {1, -1}, {-1, 1}, {-1, -1}, {32767, -32768}, {-38412, 87927},
		{1<<31 - 1, -1 << 31}, {-1 << 31, 1<<31 - 1},
	} {
		row := make([]int64, 1)
		// build the pair from int16 steps, the way rows are summed
		for _, v := range []struct {
			c uint8
			x int32
		}{{0, c.lo}, {1, c.hi}} {
			for x := v.x; x != 0; {
				step := int16(max(min(x, 1<<15-1), -1<<15))
				addPair(row, v.c, step)
				x -= int32(step)
			}
		}
		if lo, hi := unpair(row[0]); lo != c.lo || hi != c.hi {
			t.Errorf("pair of (%d, %d) reads (%d, %d)", c.lo, c.hi, lo, hi)
		}
	}
}

func TestArgmax(t *testing.T) {
	for _, c := range []struct {
		scores []int32
		want   int
	}{
		{[]int32{5}, 0},
		{[]int32{-5}, 0},
		{[]int32{1, 2}, 1},
		{[]int32{2, 2}, 0},
		{[]int32{-3, -2, -2}, 1},
		{[]int32{0, 0, 0}, 0},
		{[]int32{-7, -8, -6}, 2},
		{[]int32{3, 9, 9, 9, 1}, 1},
		{[]int32{3, 1, 4, 1, 5, 9, 2, 6}, 5},
		{[]int32{-1 << 31, 1<<31 - 1, 1<<31 - 1}, 1},
	} {
		pairs := make([]int64, (len(c.scores)+1)/2)
		for i, x := range c.scores {
			for x != 0 {
				step := int16(max(min(x, 1<<15-1), -1<<15))
				addPair(pairs, uint8(i), step)
				x -= int32(step)
			}
		}
		if got := argmax(pairs, len(c.scores)); got != c.want {
			t.Errorf("argmax(%v) = %d, want %d", c.scores, got, c.want)
		}
	}
}

// TestKnownTable holds knownTable to a Go map's semantics, including a
// hash set twice (the later word wins), and to the embedded model's
// dictionary.
func TestKnownTable(t *testing.T) {
	sets := []uint64{11, 22, 33}
	k := newKnownTable(5, sets)
	want := map[uint64]known{}
	for i, c := range []struct {
		h   uint64
		set uint16
	}{{0, 0}, {7, 1}, {1 << 63, 2}, {7, 2}, {42, 1}} {
		k.set(c.h, int32(i), c.set)
		want[c.h] = known{sets[c.set], int32(i)}
	}
	for _, h := range []uint64{0, 7, 1 << 63, 42, 1, 8, 43, 1<<63 + 1} {
		got, ok := k.get(h)
		w, wok := want[h]
		if got != w || ok != wok {
			t.Errorf("get(%d) = %v, %v; want %v, %v", h, got, ok, w, wok)
		}
	}
	tg := load(t)
	m := tg.m
	for i, w := range m.ambigWords {
		got, ok := tg.ambig.get(fnv([]byte(w)))
		if !ok || m.ambigWords[got.row] != w && fnv([]byte(m.ambigWords[got.row])) != fnv([]byte(w)) {
			t.Fatalf("word %d %q: got %v, %v", i, w, got, ok)
		}
	}
}

// TestWordHashes holds the one-pass prefix hashes and the form hash shared
// with the lowercase one to the plain definitions.
func TestWordHashes(t *testing.T) {
	for _, text := range []string{"", "a", "ab", "abc", "abcd", "abcde", "Turkey", "UN", "iPhone", "naïve", "ÉCOLE", "x\xffy", "İstanbul", "3.5", "--"} {
		var ti tokInfo
		low := analyze(&ti, text, false, nil)
		if ti.form != fnvString(text) || ti.lower != fnv(low) {
			t.Errorf("%q: form %x lower %x, want %x %x", text, ti.form, ti.lower, fnvString(text), fnv(low))
		}
		for k := 0; k < 4; k++ {
			n := min(k+1, len(low))
			if ti.pre[k] != fnv(low[:n]) || ti.suf[k] != fnv(low[len(low)-n:]) {
				t.Errorf("%q: affix %d hashes differ", text, k)
			}
		}
	}
}
