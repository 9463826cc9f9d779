package ner

import (
	"strings"
	"testing"
)

// Own entries, in the Phoenix dictionary format, for fictional actors.
const phoenixSample = `# a comment line
VANTOR_RELIEF_FUND_  # NGO_Actors
+THE_VANTOR_FUND_
+VANTOR_FUND_PRESIDENT
	[NGOHLH] # charity
KESSA_LIBERATION_FRONT_(KLF)_ [KSSREB] #  made up

ORLEN_MARKOV_	[IGOXYZ 970101-061231] # IGOrulers.txt
ACME_WIDGETS_	[MNCXYZ]
`

func TestReadPhoenixOrgs(t *testing.T) {
	b := NewGazetteerBuilder()
	if err := ReadPhoenixOrgs(strings.NewReader(phoenixSample), "sample", b); err != nil {
		t.Fatal(err)
	}
	org := func(phrase string) bool {
		return b.m[b.key(strings.Fields(phrase))]&(1<<GazOrg) != 0
	}
	for _, tt := range []struct {
		phrase string
		want   bool
	}{
		{"Vantor Relief Fund", true},
		{"the Vantor Fund", true},
		{"Vantor Fund President", false}, // a role, not the organisation
		{"Kessa Liberation Front", true},
		{"KLF", true},
		{"Orlen Markov", false}, // dated code: an office holder
		{"Acme Widgets", true},
	} {
		if got := org(tt.phrase); got != tt.want {
			t.Errorf("%q in GazOrg = %v, want %v", tt.phrase, got, tt.want)
		}
	}
}

func FuzzReadPhoenixOrgs(f *testing.F) {
	f.Add(phoenixSample)
	f.Add("+\n\t[\n(\n_(_)_\n")
	f.Fuzz(func(t *testing.T, in string) {
		b := NewGazetteerBuilder()
		_ = ReadPhoenixOrgs(strings.NewReader(in), "fuzz", b)
	})
}
