package fold

import "testing"

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"İstanbul": "istanbul", "ISTANBUL": "istanbul", "Şuşa": "susa", "Gǝncǝ": "gence",
		"Nagorno-Karabakh": "nagorno karabakh", "St. John's": "st johns", "Köln": "koln",
		"  Rio  de Janeiro ": "rio de janeiro", "Sanʿaʾ": "sana", "Łódź": "lodz", "Ærøskøbing": "aeroskobing",
		"U.S.": "u s", "": "", "--": "", "Kyïv": "kyiv", "Москва": "москва",
	} {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"İstanbul", "St. John's", "Nagorno-Karabakh", "Sanʿaʾ", "a''b", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key not idempotent: Key(%q) = %q, Key of that = %q", s, k, Key(k))
		}
		if len(k) > 0 && (k[0] == ' ' || k[len(k)-1] == ' ') {
			t.Errorf("Key(%q) = %q has outer spaces", s, k)
		}
	})
}
