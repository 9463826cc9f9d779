package dedup

import (
	"fmt"
	"strings"
	"testing"
)

// Made-up stories for the tests (no news text is copied).
const storyA = `The foreign ministers of Azerbaijan and Turkey met in Baku on Tuesday to discuss a new
agreement on energy transit and joint military exercises planned for the spring. Officials from both
governments said the talks covered gas pipelines, rail links across the Caucasus and a plan to expand
trade to fifteen billion dollars within three years. The ministers also signed a memorandum on
education exchanges and promised to meet again in Ankara before the end of the year.`

const storyB = `Farmers in the northern valley protested outside the regional parliament on Friday against
a proposed water tax that they say will ruin small producers. Police kept the crowd away from the main
entrance while union leaders handed a petition with twelve thousand signatures to the speaker, who promised
a debate next month. The agriculture minister called the protest understandable but said the tax was needed
to repair old irrigation canals.`

func fp(t *testing.T, s string) Signature {
	t.Helper()
	f, ok := Fingerprint(s)
	if !ok {
		t.Fatalf("Fingerprint(%.30q...) = not enough words", s)
	}
	return f
}

func TestNearDuplicates(t *testing.T) {
	a := fp(t, storyA)
	tests := []struct {
		name string
		text string
		near bool
	}{
		{"identical", storyA, true},
		{"reflowed and recased", strings.ToUpper(strings.Join(strings.Fields(storyA), "  ")), true},
		{"one word changed", strings.Replace(storyA, "Tuesday", "Wednesday", 1), true},
		{"outlet line added", "Baku Daily Wire - " + storyA + " Copyright the wire service.", true},
		{"last sentence dropped", storyA[:strings.LastIndex(storyA, "The ministers")], true},
		{"other story", storyB, false},
		{"half and half", storyA[:len(storyA)/2] + storyB[len(storyB)/2:], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := fp(t, tt.text)
			d := Similarity(a, b)
			if Near(a, b) != tt.near {
				t.Errorf("similarity %.2f: Near = %v, want %v", d, !tt.near, tt.near)
			}
			if tt.near {
				// The band lookup must find every near pair.
				ba, bb := Bands(a), Bands(b)
				shared := false
				for i := range ba {
					shared = shared || ba[i] == bb[i]
				}
				if !shared {
					t.Errorf("similarity %.2f but no band shared", d)
				}
			}
		})
	}
}

func TestShortText(t *testing.T) {
	if _, ok := Fingerprint("Turkey and Azerbaijan signed a deal."); ok {
		t.Error("short text fingerprinted")
	}
	if _, ok := Fingerprint(""); ok {
		t.Error("empty text fingerprinted")
	}
}

func TestMarshal(t *testing.T) {
	a := fp(t, storyA)
	b, ok := Unmarshal(a.Marshal())
	if !ok || b != a {
		t.Fatal("Unmarshal(Marshal(sig)) differs")
	}
	if _, ok := Unmarshal([]byte{1, 2, 3}); ok {
		t.Fatal("Unmarshal of 3 bytes succeeded")
	}
	// Band values of different bands differ even for a constant signature.
	seen := map[int64]bool{}
	for _, v := range Bands(Signature{}) {
		if seen[v] {
			t.Fatalf("band value %d repeats", v)
		}
		seen[v] = true
	}
}

// Unrelated generated texts stay far apart: the false-positive rate of the
// threshold on texts that share vocabulary but not sentences.
func TestUnrelatedFar(t *testing.T) {
	words := strings.Fields(storyA + " " + storyB)
	var fps []Signature
	for i := range 200 {
		var b strings.Builder
		x := uint64(i + 1)
		for range 80 {
			x = mix(x)
			fmt.Fprintf(&b, "%s ", words[x%uint64(len(words))])
		}
		fps = append(fps, fp(t, b.String()))
	}
	for i := range fps {
		for j := i + 1; j < len(fps); j++ {
			if Near(fps[i], fps[j]) {
				t.Errorf("texts %d and %d near (similarity %.2f)", i, j, Similarity(fps[i], fps[j]))
			}
		}
	}
}

func FuzzFingerprint(f *testing.F) {
	f.Add(storyA)
	f.Add("")
	f.Add("\xff\xfe one two")
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := Fingerprint(s)
		if !ok {
			return
		}
		if Similarity(a, a) != 1 {
			t.Fatal("a signature is not similar to itself")
		}
		// Separators do not matter: the same words joined by one space
		// fingerprint the same.
		var words []string
		forEachWord(s, func(w string) { words = append(words, w) })
		b, ok := Fingerprint(strings.Join(words, " "))
		if !ok || b != a {
			t.Fatalf("rejoined words fingerprint differently")
		}
		_ = Bands(a)
	})
}

func BenchmarkFingerprint(b *testing.B) {
	text := strings.Repeat(storyA+" "+storyB+" ", 35) // about 5,000 words
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Fingerprint(text)
	}
}
