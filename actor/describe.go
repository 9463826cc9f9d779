package actor

import (
	"slices"
	"strings"
	"time"
)

// Description is what the words before an unknown person's name say about
// them: "Azerbaijani billionaire" is country AZE and sector BUS (code
// AZEBUS), "opposition leader" sector OPP, "Turkish journalist" TURMED.
type Description struct {
	Code    string // Country followed by Sector: AZEBUS; "" when neither is known
	Country string // alpha-3 or organisation code; "" when no modifier names one
	Sector  string // CAMEO agent code(s) in text order: BUS, OPP, GOVMIL
	// Names are the knowledge-base names the description was built from.
	Names []Name
}

// modifierWords are person modifiers that are not sector words of the
// knowledge base because they are too ambiguous in running text ("general
// election", "the official said"), but that before a name say the sector.
var modifierWords = map[string]string{
	"billionaire": "BUS", "billionaires": "BUS", "oligarch": "BUS", "oligarchs": "BUS",
	"magnate": "BUS", "banker": "BUS", "bankers": "BUS", "businessmen": "BUS", "industrialist": "BUS",
	"general": "MIL", "lieutenant": "MIL", "major": "MIL", "admiral": "MIL", "officer": "MIL",
	"brigadier": "MIL", "captain": "MIL", "sergeant": "MIL", "marshal": "MIL",
	"official": "GOV", "officials": "GOV", "governor": "GOV", "deputy minister": "GOV",
	"editor": "MED", "blogger": "MED", "columnist": "MED", "correspondent": "MED", "anchor": "MED",
	"dissident": "OPP", "critic": "OPP",
	"mufti": "REL", "priest": "REL", "bishop": "REL", "patriarch": "REL", "rabbi": "REL", "sheikh": "",
}

// Describe reads the tokens before a name ("Azerbaijani", "billionaire")
// and returns the country and sector they imply, with the knowledge base's
// names as of date (capitals count as their country, people are skipped).
// The coder gives an unknown person ("Azerbaijani billionaire Ilham
// Rahimov") that actor; the knowledge base's sector words decide the
// sector, and a few modifiers too ambiguous to be sector words in running
// text (billionaire, general, official) are known here.
func (kb *KB) Describe(tokens []string, date time.Time) Description {
	var d Description
	hits := kb.MatchTokensAt(tokens, date, nil)
	covered := make([]bool, len(tokens))
	var sectors []string
	addSector := func(code string) {
		for _, s := range splitSectors(code) {
			if s != "ELI" && !slices.Contains(sectors, s) {
				sectors = append(sectors, s)
			}
		}
	}
	type at struct {
		pos  int
		code string
	}
	var extra []at
	for _, h := range hits {
		for k := h.Start; k < h.End && k < len(covered); k++ {
			covered[k] = true
		}
		n := kb.names[h.Name]
		switch n.Kind {
		case KindPerson:
			continue
		case KindSector:
			extra = append(extra, at{h.Start, n.Code})
			d.Names = append(d.Names, n)
			continue
		}
		a, ok := kb.resolve(n)
		if !ok {
			continue
		}
		if d.Country == "" {
			switch a.Type {
			case TypeCountry, TypeIGO:
				d.Country = a.Code
			case TypeComposite, TypeGroup:
				d.Country = a.Country
				extra = append(extra, at{h.Start, a.Sector})
			default:
				continue
			}
			d.Names = append(d.Names, n)
		}
	}
	for i, w := range tokens {
		if covered[i] {
			continue
		}
		if code, ok := modifierWords[Fold(w)]; ok && code != "" {
			extra = append(extra, at{i, code})
		}
	}
	slices.SortStableFunc(extra, func(x, y at) int { return x.pos - y.pos })
	for _, e := range extra {
		addSector(e.code)
	}
	d.Sector = strings.Join(sectors, "")
	d.Code = d.Country + d.Sector
	return d
}
