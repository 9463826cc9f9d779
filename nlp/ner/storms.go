package ner

import (
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// Named storms are events, which UNER does not tag, but their names are
// people's names ("Hurricane Dorian", "Typhoon Hagibis"), and the model
// reads "Dorian" alone as a person, every time the story repeats it
// (six times in one Wikinews article of dyad's NER set; UNER EWT dev
// leaves "Rita" untagged in "... said Rita was extremely dangerous").
// dropStorms finds the names a document gives storms and takes out every
// name entity made only of storm words and those names.

// stormWords name a storm before its name; "Tropical Storm" and
// "Tropical Depression" end in one.
var stormWords = map[string]bool{"hurricane": true, "typhoon": true, "cyclone": true, "storm": true, "depression": true, "tropical": true}

// notStormNames follow a storm word in the names of things that are not
// storms ("National Hurricane Center", "Storm Prediction Center").
var notStormNames = map[string]bool{"center": true, "centre": true, "season": true, "prediction": true, "warning": true, "watch": true, "hunters": true}

func dropStorms(d *nlp.Doc) {
	var names map[string]bool
	for _, s := range d.Sentences {
		for i := 0; i+1 < len(s.Tokens); i++ {
			w, x := s.Tokens[i].Text, s.Tokens[i+1].Text
			if !stormWords[strings.ToLower(w)] || !properName(w) || !properName(x) || stormWords[strings.ToLower(x)] || notStormNames[strings.ToLower(x)] {
				continue
			}
			if names == nil {
				names = map[string]bool{}
			}
			names[x] = true
		}
	}
	if names == nil {
		return
	}
	keep := d.Entities[:0]
	for _, e := range d.Entities {
		if isName(e.Label) && stormOnly(d.Sentences[e.Sentence].Tokens[e.Tokens[0]:e.Tokens[1]], names) {
			continue
		}
		keep = append(keep, e)
	}
	d.Entities = keep
}

// stormOnly reports whether toks are storm words and storm names only,
// with at least one name.
func stormOnly(toks []nlp.Token, names map[string]bool) bool {
	named := false
	for _, t := range toks {
		switch {
		case names[t.Text]:
			named = true
		case stormWords[strings.ToLower(t.Text)]:
		default:
			return false
		}
	}
	return named
}
