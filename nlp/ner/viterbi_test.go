package ner

import (
	"math"
	"math/rand/v2"
	"testing"
)

// viterbiRef is the plain Viterbi under allowed, as viterbi was before
// its BIO constraint was unrolled.
func viterbiRef(trans []float32, sc []float32, n int, delta []float32, back []int8, out []int8) {
	neg := float32(math.Inf(-1))
	for y := 0; y < nLabels; y++ {
		if allowed(start, y) {
			delta[y] = trans[start*nLabels+y] + sc[y]
		} else {
			delta[y] = neg
		}
	}
	for i := 1; i < n; i++ {
		prev := delta[(i-1)*nLabels : i*nLabels]
		cur := delta[i*nLabels : (i+1)*nLabels]
		for y := 0; y < nLabels; y++ {
			best, arg := neg, int8(0)
			for p := 0; p < nLabels; p++ {
				if prev[p] == neg || !allowed(p, y) {
					continue
				}
				if v := prev[p] + trans[p*nLabels+y]; v > best {
					best, arg = v, int8(p)
				}
			}
			cur[y] = best + sc[i*nLabels+y]
			back[i*nLabels+y] = arg
		}
	}
	backtrace(delta, back, n, out)
}

// TestViterbiMatchesRef: the unrolled Viterbi gives the plain one's
// labels and scores to the bit, ties and infinite weights included.
func TestViterbiMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	val := func() float32 {
		switch rng.IntN(20) {
		case 0:
			return float32(math.Inf(-1))
		case 1:
			return float32(math.Inf(1))
		case 2, 3, 4:
			return float32(rng.IntN(3)) // ties
		}
		return float32(rng.NormFloat64() * 5)
	}
	for iter := range 20000 {
		n := 1 + rng.IntN(12)
		var trans [(nLabels + 1) * nLabels]float32
		for i := range trans {
			trans[i] = val()
			if iter%2 == 0 && math.IsInf(float64(trans[i]), 0) {
				trans[i] = 1
			}
		}
		sc := make([]float32, n*nLabels)
		for i := range sc {
			sc[i] = val()
		}
		d1, d2 := make([]float32, n*nLabels), make([]float32, n*nLabels)
		b1, b2 := make([]int8, n*nLabels), make([]int8, n*nLabels)
		o1, o2 := make([]int8, n), make([]int8, n)
		viterbi(trans[:], sc, n, d1, b1, o1)
		viterbiRef(trans[:], sc, n, d2, b2, o2)
		for i := range o1 {
			if o1[i] != o2[i] {
				t.Fatalf("case %d: labels %v, want %v", iter, o1, o2)
			}
		}
		for i := range d1 {
			if math.Float32bits(d1[i]) != math.Float32bits(d2[i]) && !(d1[i] != d1[i] && d2[i] != d2[i]) {
				t.Fatalf("case %d: delta %v, want %v", iter, d1, d2)
			}
		}
	}
}

// BenchmarkViterbi decodes a 25-token sentence of random scores.
func BenchmarkViterbi(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 25
	var trans [(nLabels + 1) * nLabels]float32
	for i := range trans {
		trans[i] = float32(rng.NormFloat64())
	}
	sc := make([]float32, n*nLabels)
	for i := range sc {
		sc[i] = float32(rng.NormFloat64() * 5)
	}
	delta, back, out := make([]float32, n*nLabels), make([]int8, n*nLabels), make([]int8, n)
	for b.Loop() {
		viterbi(trans[:], sc, n, delta, back, out)
	}
}
