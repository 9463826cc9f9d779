package ner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/internal/shareddata"
)

// TestKBConventions checks relabelKB's premise on the training data:
// wherever a knowledge-base name with a kbLabel is a whole gold entity
// in UNER EWT dev or wikigold, its gold type is that label, nearly
// always (-v prints the counts).
func TestKBConventions(t *testing.T) {
	dir := shareddata.Require(t, "ner")
	kb, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	names := kb.Names()
	type count struct{ agree, other int }
	counts := map[string]*count{}
	for _, f := range []string{"uner-ewt-en_ewt-ud-dev.iob2", filepath.Join("wikigold", "wikigold.conll.txt")} {
		r, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			t.Skipf("training file absent: %v", err)
		}
		sents, err := eval.ReadIOB(r, f)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		var hits []actor.Hit
		for _, s := range sents {
			spans := map[[2]int]string{}
			for _, sp := range eval.IOBSpans(s.Tags) {
				spans[[2]int{sp.Start, sp.End}] = sp.Label
			}
			hits = kb.MatchTokens(s.Tokens, hits[:0])
			for _, h := range hits {
				want := kbLabel(kb, names[h.Name])
				gold, whole := spans[[2]int{h.Start, h.End}]
				if want == 0 || !whole || !properName(s.Tokens[h.Start]) {
					continue
				}
				class := labels[want][2:]
				if counts[class] == nil {
					counts[class] = &count{}
				}
				if gold == class {
					counts[class].agree++
				} else {
					counts[class].other++
					t.Logf("%s: %q is %s", class, strings.Join(s.Tokens[h.Start:h.End], " "), gold)
				}
			}
		}
	}
	for _, class := range []string{"LOC", "ORG", "PER"} {
		c := counts[class]
		if c == nil {
			t.Errorf("no whole-entity %s names found", class)
			continue
		}
		t.Logf("%s names as whole entities: %d of type %s, %d of another", class, c.agree, class, c.other)
		if c.other*20 > c.agree {
			t.Errorf("%s: %d of %d whole-entity names have another type; relabelKB's premise fails", class, c.other, c.agree+c.other)
		}
	}
}

func TestRelabelKB(t *testing.T) {
	loc, org, per := int8(labelIndex("B-LOC")), int8(labelIndex("B-ORG")), int8(labelIndex("B-PER"))
	r := &Recognizer{kbl: []int8{loc, org, per}} // names 0: a country, 1: a group, 2: a person
	for _, c := range []struct {
		name  string
		words string
		hit   [3]int // start, end, name
		pred  string // one letter per token: O, B/I of P(ER), G (ORG), L(OC): "bg ig" -> B-ORG I-ORG
		want  string
	}{
		{"country read as ORG", "Greece , Cyprus and Israel", [3]int{2, 3, 0}, "BL O BG O BL", "BL O BL O BL"},
		{"country inside a longer ORG", "the Cyprus Mail reported", [3]int{1, 2, 0}, "O BG IG O", "O BG IG O"},
		{"country read as a person stays", "Chad said", [3]int{0, 1, 0}, "BP O", "BP O"},
		{"group read as LOC", "Hamas fired", [3]int{0, 1, 1}, "BL O", "BG O"},
		{"person read as ORG", "Mahmoud Abbas said", [3]int{0, 2, 2}, "BG IG O", "BP IP O"},
		{"no entity: nothing forced", "Hamas fired", [3]int{0, 1, 1}, "O O", "O O"},
		{"lower case is no name", "cyprus signed", [3]int{0, 1, 0}, "BG O", "BG O"},
	} {
		t.Run(c.name, func(t *testing.T) {
			words := strings.Fields(c.words)
			sc := &scratch{}
			sc.s.hits = []actor.Hit{{Start: c.hit[0], End: c.hit[1], Name: int32(c.hit[2])}}
			for _, p := range strings.Fields(c.pred) {
				sc.pred = append(sc.pred, predCode(p))
			}
			r.relabelKB(sc, words)
			var got []string
			for _, y := range sc.pred {
				got = append(got, labelCode(y))
			}
			if strings.Join(got, " ") != c.want {
				t.Errorf("got %s, want %s", strings.Join(got, " "), c.want)
			}
		})
	}
}

var typeLetters = map[string]string{"P": "PER", "G": "ORG", "L": "LOC"}

func predCode(p string) int8 {
	if p == "O" {
		return 0
	}
	return int8(labelIndex(strings.ToUpper(p[:1]) + "-" + typeLetters[p[1:]]))
}

func labelCode(y int8) string {
	l := labels[y]
	if l == "O" {
		return "O"
	}
	for k, v := range typeLetters {
		if v == l[2:] {
			return l[:1] + k
		}
	}
	return "?"
}
