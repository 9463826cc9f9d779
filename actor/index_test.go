package actor

import (
	"slices"
	"testing"
)

// TestTokenIndex: the index gives every token key of the knowledge base
// its tokID id, and -1 to keys no name has; rootNext gives the root's
// edges.
func TestTokenIndex(t *testing.T) {
	kb := defaultKB(t)
	for k, id := range kb.tokID {
		if got := kb.index.id([]byte(k)); got != id {
			t.Fatalf("index.id(%q) = %d, want %d", k, got, id)
		}
		want, ok := kb.edges[edge(0, id)]
		if !ok {
			want = -1
		}
		if kb.rootNext[id] != want {
			t.Fatalf("rootNext[%d] (%q) = %d, want %d", id, k, kb.rootNext[id], want)
		}
	}
	for _, k := range []string{"", "zzqx", "azerbaijan ", "Azerbaijan", "the the", "\x00"} {
		if _, ok := kb.tokID[k]; ok {
			continue
		}
		if got := kb.index.id([]byte(k)); got != -1 {
			t.Errorf("index.id(%q) = %d, want -1", k, got)
		}
	}
	empty, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if got := empty.MatchTokens([]string{"Turkey", "and", "Azerbaijan"}, nil); len(got) != 0 {
		t.Errorf("empty knowledge base matched %v", got)
	}
}

// TestASCIIWord: a word asciiWord accepts is one token for tokenize.
func TestASCIIWord(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"Turkey", true}, {"G20", true}, {"1990s", true}, {"x", true},
		{"", false}, {"U.N.", false}, {"Turkey's", false}, {"pro-government", false},
		{"Côte", false}, {",", false}, {"a b", false}, {"@", false}, {"[", false}, {"`", false}, {"{", false},
	}
	for _, tt := range tests {
		if got := asciiWord(tt.w); got != tt.want {
			t.Errorf("asciiWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
		checkASCIIWord(t, tt.w)
	}
}

func checkASCIIWord(t *testing.T, w string) {
	t.Helper()
	if asciiWord(w) && !slices.Equal(tokenize(w, nil), []token{{end: int32(len(w))}}) {
		t.Fatalf("asciiWord(%q), but tokenize gives %v", w, tokenize(w, nil))
	}
}

// FuzzMatchParts checks the parts of MatchTokens' fast paths against
// what they replace: asciiWord against tokenize, the token index against
// tokID.
func FuzzMatchParts(f *testing.F) {
	for _, s := range []string{"Turkey", "azerbaijan", "U.S.", "Turkey's", "d'Ivoire", "pro-government", "Côte", "G20", "x"} {
		f.Add(s)
	}
	kb := defaultKB(f)
	f.Fuzz(func(t *testing.T, w string) {
		checkASCIIWord(t, w)
		for _, tok := range tokenize(w, nil) {
			key := tokenKey(nil, w, tok)
			want, ok := kb.tokID[string(key)]
			if !ok {
				want = -1
			}
			if got := kb.index.id(key); got != want {
				t.Fatalf("index.id(%q) = %d, want %d", key, got, want)
			}
		}
	})
}
