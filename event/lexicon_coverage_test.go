package event

import (
	"strconv"
	"strings"
	"testing"
)

// coverageSkip lists CAMEO codes of the CAMEO->PLOVER map that the default
// lexicon deliberately has no pattern for, with the reason.
var coverageSkip = map[string]string{
	// Two-digit roots are category headers; their x0 codes ("030", "190")
	// stand for them in the lexicon.
	"03": "root", "04": "root", "05": "root", "06": "root", "07": "root", "08": "root",
	"09": "root", "10": "root", "11": "root", "12": "root", "13": "root", "14": "root",
	"15": "root", "16": "root", "17": "root", "18": "root", "19": "root", "20": "root",
	// The purpose of a protest (leadership, policy, rights, regime) is not
	// in the trigger: PLOVER carries it as a context, and the coder codes
	// the parent 142/143/144/145. Demonstrations (141x) have patterns where
	// an oblique names the purpose.
	"1421": "protest purpose", "1422": "protest purpose", "1423": "protest purpose", "1424": "protest purpose",
	"1431": "protest purpose", "1433": "protest purpose",
	"1441": "protest purpose", "1442": "protest purpose", "1443": "protest purpose", "1444": "protest purpose",
	"1451": "protest purpose", "1453": "protest purpose", "1454": "protest purpose",
}

func TestLexiconCoverage(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	ont, err := Ontology()
	if err != nil {
		t.Fatal(err)
	}
	pats := lex.Patterns()
	byType := map[string]int{}
	byMode := map[[2]string]int{}
	byCode := map[string]int{}
	for _, p := range pats {
		byType[p.Type]++
		byMode[[2]string{p.Type, p.Mode}]++
		byCode[p.CAMEO]++
	}

	var types, modes, modesCovered int
	for _, ty := range ont.Types() {
		types++
		if byType[ty.Name] == 0 {
			t.Errorf("PLOVER type %s has no pattern", ty.Name)
		}
		for _, m := range ty.Modes {
			if m.Name == "" {
				continue
			}
			modes++
			if byMode[[2]string{ty.Name, m.Name}] == 0 {
				t.Errorf("PLOVER mode %s/%s has no pattern", ty.Name, m.Name)
			} else {
				modesCovered++
			}
		}
	}

	var mapped, covered, skipped int
	for _, m := range ont.Mappings() {
		mapped++
		switch {
		case byCode[m.CAMEO] > 0:
			covered++
			if _, ok := coverageSkip[m.CAMEO]; ok {
				t.Errorf("CAMEO %s has patterns but is in the skip list", m.CAMEO)
			}
		case coverageSkip[m.CAMEO] != "":
			skipped++
		default:
			t.Errorf("CAMEO %s (%s %s) has no pattern and is not in the skip list", m.CAMEO, m.Type, m.Mode)
		}
	}

	counts := make([]string, 0, len(byType))
	for _, ty := range ont.Types() {
		counts = append(counts, ty.Name+"="+strconv.Itoa(byType[ty.Name]))
	}
	t.Logf("lexicon: %d patterns; per type: %s", len(pats), strings.Join(counts, " "))
	t.Logf("coverage: types %d/%d, modes %d/%d, CAMEO codes of the PLOVER map %d/%d with a pattern (%d skipped on purpose)",
		len(byType), types, modesCovered, modes, covered, mapped, skipped)
}

func TestLexiconRowsConsistent(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	ont, err := Ontology()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	var crossType, modeDiff int
	for _, p := range lex.Patterns() {
		req := make([]string, 0, len(p.Require))
		for _, c := range p.Require {
			s := c.Role.String()
			if c.Negate {
				s = "!" + s
			}
			if len(c.Lemmas) > 0 {
				s += "=" + strings.Join(c.Lemmas, "|")
			}
			req = append(req, s)
		}
		key := p.POS + "\t" + p.Lemma + "\t" + strings.Join(req, " ")
		if prev, ok := seen[key]; ok {
			t.Errorf("%s: duplicate of %s (pos, lemma, require %q)", p.Source, prev, strings.Join(req, " "))
		}
		seen[key] = p.Source

		if p.Weight < 0.3 || p.Weight > 1 {
			t.Errorf("%s: weight %v outside [0.3, 1]", p.Source, p.Weight)
		}
		if p.Lemma != strings.ToLower(p.Lemma) {
			t.Errorf("%s: lemma %q is not lower case", p.Source, p.Lemma)
		}
		code, ok := ont.CAMEO(p.CAMEO)
		if !ok {
			t.Errorf("%s: CAMEO %q unknown", p.Source, p.CAMEO)
			continue
		}
		if code.Plover != p.Type {
			// The row must say why: its note names the type the map gives
			// (or the code has no PLOVER mapping at all).
			crossType++
			if code.Plover != "" && !strings.Contains(p.Note, code.Plover) {
				t.Errorf("%s: CAMEO %s maps to %s, row says %s, and the note does not say why (%q)",
					p.Source, p.CAMEO, code.Plover, p.Type, p.Note)
			}
		} else if code.Mode != p.Mode {
			modeDiff++
		}
		if len(p.Actor) == 0 && len(p.Recipient) == 0 {
			t.Errorf("%s: pattern takes neither actor nor recipient", p.Source)
		}
	}
	t.Logf("rows whose CAMEO code maps to another PLOVER type (explained in the note): %d; same type, other mode: %d",
		crossType, modeDiff)
}

// TestLexiconFileOrder checks the file reads as documented: a comment line
// before each group, groups in ontology order (type, then mode), rows
// alphabetical by lemma within a group.
func TestLexiconFileOrder(t *testing.T) {
	ont, err := Ontology()
	if err != nil {
		t.Fatal(err)
	}
	rank := map[[2]string]int{}
	for _, ty := range ont.Types() {
		for _, m := range ty.Modes {
			rank[[2]string{ty.Name, m.Name}] = len(rank)
		}
	}
	lastRank, lastLemma := -1, ""
	commented := false
	for i, line := range strings.Split(lexiconTSV, "\n") {
		if strings.HasPrefix(line, "#") {
			commented = true
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(LexiconColumns) || f[0] == "pos" {
			continue
		}
		r, ok := rank[[2]string{f[5], f[6]}]
		if !ok {
			t.Errorf("line %d: type %q mode %q not in the ontology", i+1, f[5], f[6])
			continue
		}
		switch {
		case r < lastRank:
			t.Errorf("line %d: group %s/%s out of ontology order", i+1, f[5], f[6])
		case r > lastRank:
			if !commented {
				t.Errorf("line %d: group %s/%s has no comment line before it", i+1, f[5], f[6])
			}
			lastLemma = ""
		case f[1] < lastLemma:
			t.Errorf("line %d: %q after %q: not alphabetical within the group", i+1, f[1], lastLemma)
		}
		lastRank, lastLemma, commented = r, f[1], false
	}
}
