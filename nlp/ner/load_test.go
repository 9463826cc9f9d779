package ner

import (
	"bytes"
	"context"
	"testing"

	"github.com/dyad-events/dyad/internal/cputime"
)

// TestRecognizerModelMatchesReadModel: Load's path, the weights read
// straight into the scorer, gives every feature the weights that
// ReadModel's model and newScorer give it, and keeps the same transitions
// and lexicons.
func TestRecognizerModelMatchesReadModel(t *testing.T) {
	var tiny bytes.Buffer
	m, err := Train(context.Background(), tinyExamples(), TrainOptions{Epochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.WriteTo(&tiny); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"embedded", embedded},
		{"tiny", tiny.Bytes()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadModel(bytes.NewReader(tt.data), tt.name)
			if err != nil {
				t.Fatal(err)
			}
			want := newScorer(m, false)
			m2, got, err := readRecognizerModel(bytes.NewReader(tt.data), tt.name, false)
			if err != nil {
				t.Fatal(err)
			}
			if m2.feats != nil || m2.w != nil {
				t.Error("the recognizer's model keeps feature rows")
			}
			if m2.trans != m.trans {
				t.Error("transitions differ")
			}
			if m2.lex.n != m.lex.n || m2.gaz.t.n != m.gaz.t.n {
				t.Errorf("lexicons differ: %d/%d words, %d/%d gazetteer entries", m2.lex.n, m.lex.n, m2.gaz.t.n, m.gaz.t.n)
			}
			wantN, gotN := 0, 0
			for _, sl := range want.slots {
				if sl.key == 0 {
					continue
				}
				wantN++
				if g, ok := got.weights(sl.key); !ok || g != sl.w {
					t.Fatalf("feature %#x: weights %v, want %v", sl.key, g, sl.w)
				}
			}
			if got.q == nil {
				t.Fatal("the scorer of a model file is not quantized")
			}
			for _, sl := range got.q {
				if sl.key != 0 {
					gotN++
				}
			}
			if gotN != wantN || wantN == 0 {
				t.Errorf("%d features, want %d", gotN, wantN)
			}
		})
	}
}

// BenchmarkLoadEmbedded times what Load does once per process: the
// embedded model read into a recognizer with the embedded knowledge base.
func BenchmarkLoadEmbedded(b *testing.B) {
	cpu0 := cputime.Used()
	for b.Loop() {
		if _, err := loadEmbedded(false); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := (cputime.Used() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(cpu*1000/float64(b.N), "cpu-ms/op")
	}
}
