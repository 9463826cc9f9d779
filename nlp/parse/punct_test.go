package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/shareddata"
	"github.com/dyad-events/dyad/nlp/conllu"
)

// TestFrontedCommaConvention measures where each treebank attaches the
// comma after a fronted adverbial (obl, advcl, advmod whose head follows
// the comma: "In 2009, X did Y"): to the fronted unit, as EWT does and as
// the parser learns, or to the clause head, as PUD does; and the same for
// a comma after any unit whose head follows it. The counts are the
// package doc's; run with -v to see them.
func TestFrontedCommaConvention(t *testing.T) {
	dir := filepath.Dir(shareddata.Require(t, "ud-english", "en_ewt-ud-train.conllu"))
	for _, tc := range []struct {
		file     string
		wantUnit bool // most such commas attach to the unit
	}{
		{"en_ewt-ud-train.conllu", true},
		{"en_pud-ud-test.conllu", false},
	} {
		f, err := os.Open(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		sents, err := conllu.ReadAll(f, tc.file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		unit, clause, other := 0, 0, 0
		anyUnit, anyHead, anyOther := 0, 0, 0
		for _, s := range sents {
			u, c, o := frontedCommas(s, true)
			unit, clause, other = unit+u, clause+c, other+o
			u, c, o = frontedCommas(s, false)
			anyUnit, anyHead, anyOther = anyUnit+u, anyHead+c, anyOther+o
		}
		t.Logf("%s: fronted-adverbial commas on the unit %d, on the clause head %d, elsewhere %d", tc.file, unit, clause, other)
		t.Logf("%s: commas after any unit whose head follows them: on the unit %d, on its head %d, elsewhere %d", tc.file, anyUnit, anyHead, anyOther)
		if (unit > clause) != tc.wantUnit || (anyUnit > anyHead) != tc.wantUnit {
			t.Errorf("%s: unit %d, clause head %d; any unit %d, its head %d: convention changed", tc.file, unit, clause, anyUnit, anyHead)
		}
	}
}

// frontedCommas counts the commas right after a fronted unit (one whose
// head follows the comma) by where they attach; with adverbial, only
// after an obl, advcl or advmod.
func frontedCommas(s *conllu.Sentence, adverbial bool) (unit, clause, other int) {
	n := len(s.Words)
	head := make([]int, n+1) // 1-based ids
	for _, w := range s.Words {
		if w.ID < 1 || w.ID > n {
			return 0, 0, 0 // multiword or empty nodes: skip the sentence
		}
		head[w.ID] = w.Head
	}
	lo, hi := make([]int, n+1), make([]int, n+1)
	for i := 1; i <= n; i++ {
		lo[i], hi[i] = i, i
	}
	for d := 1; d <= n; d++ {
		for h, k := head[d], 0; h > 0 && k < n; h, k = head[h], k+1 {
			lo[h], hi[h] = min(lo[h], d), max(hi[h], d)
		}
	}
	for _, w := range s.Words {
		prev := w.ID - 1
		if w.Form != "," || w.Deprel != "punct" || prev < 1 {
			continue
		}
		x := prev // the largest phrase ending right before the comma
		for head[x] > 0 && hi[head[x]] == prev {
			x = head[x]
		}
		rel := s.Words[x-1].Deprel
		if r, _, _ := strings.Cut(rel, ":"); adverbial && r != "obl" && r != "advcl" && r != "advmod" || head[x] <= w.ID {
			continue
		}
		switch h := w.Head; {
		case lo[x] <= h && h <= hi[x]:
			unit++
		case h == head[x]:
			clause++
		default:
			other++
		}
	}
	return unit, clause, other
}

// TestSpeechVerbConvention measures how each treebank attaches a speech
// verb that follows what was said ("The talks failed, he said."): as the
// root with the said clause as its ccomp (PUD's way), or as parataxis of
// the said clause's verb. EWT train has both; run with -v for the counts.
func TestSpeechVerbConvention(t *testing.T) {
	dir := filepath.Dir(shareddata.Require(t, "ud-english", "en_ewt-ud-train.conllu"))
	speech := map[string]bool{"say": true, "add": true, "tell": true, "write": true, "explain": true, "note": true, "state": true, "claim": true}
	for _, file := range []string{"en_ewt-ud-train.conllu", "en_pud-ud-test.conllu"} {
		f, err := os.Open(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		sents, err := conllu.ReadAll(f, file)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		rootCcomp, parataxis := 0, 0
		for _, s := range sents {
			for _, w := range s.Words {
				if !speech[w.Lemma] || w.ID < 2 || w.ID > len(s.Words) {
					continue
				}
				for _, d := range s.Words {
					if d.Head == w.ID && d.Deprel == "ccomp" && d.ID < w.ID && w.Head == 0 {
						rootCcomp++
					}
				}
				if w.Deprel == "parataxis" && w.Head > 0 && w.Head < w.ID {
					parataxis++
				}
			}
		}
		t.Logf("%s: speech verb after what was said: root with a ccomp before it %d, parataxis of the said clause %d", file, rootCcomp, parataxis)
		if rootCcomp+parataxis == 0 {
			t.Errorf("%s: no speech verb after what was said found", file)
		}
	}
}
