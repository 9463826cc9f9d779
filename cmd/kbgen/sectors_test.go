package main

import "testing"

func TestRadicalCode(t *testing.T) {
	for _, c := range []struct{ phrase, code, want string }{
		{"islamic fundamentalists", "MUS", "MUSRAD"},
		{"hindu extremist", "HIN", "HINRAD"},
		{"muslim extremists", "MUSRAD", "MUSRAD"},
		{"moslem extremist", "REBMUS", "REBMUS"}, // armed already
		{"islamic militants", "MUSUAF", "MUSUAF"},
		{"fundamentalists", "RAD", "RAD"},
		{"islamic cleric", "MUS", "MUS"},
	} {
		if got := radicalCode(c.phrase, c.code); got != c.want {
			t.Errorf("radicalCode(%q, %q) = %q, want %q", c.phrase, c.code, got, c.want)
		}
	}
}

func TestRankWordsNotSectors(t *testing.T) {
	for _, w := range []string{"deputy", "vice", "acting"} {
		if !rankWords[w] {
			t.Errorf("%q: a rank, not a sector, should be skipped", w)
		}
	}
}
