package nlp

import "testing"

func TestSpanHead(t *testing.T) {
	// "the Turkish government said": 1 det->3, 2 amod->3, 3 nsubj->4, 4 root.
	s := &Sentence{Tokens: []Token{{Head: 3}, {Head: 3}, {Head: 4}, {Head: 0}}}
	tests := []struct {
		first, end, want int
		ok               bool
	}{
		{0, 3, 2, true},  // "the Turkish government": government
		{1, 2, 1, true},  // "Turkish"
		{0, 4, 3, true},  // the whole sentence: the root
		{5, 7, 0, false}, // out of range
		{2, 2, 0, false}, // empty
	}
	for _, tt := range tests {
		got, ok := s.SpanHead(tt.first, tt.end)
		if got != tt.want || ok != tt.ok {
			t.Errorf("SpanHead(%d, %d) = %d, %v; want %d, %v", tt.first, tt.end, got, ok, tt.want, tt.ok)
		}
	}
}
