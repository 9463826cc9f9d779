package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/shareddata"
)

// The generator is reproducible: regenerating from ../shared/data gives
// the embedded actor/data byte for byte (and twice the same bytes).
func TestReproducible(t *testing.T) {
	root := shareddata.MustRoot(t)
	data, err := shareddata.Dir()
	if err != nil {
		t.Skipf("shared data: %v", err)
	}
	if _, err := os.Stat(filepath.Join(data, "mledoze-countries", "countries.json")); err != nil {
		t.Skipf("third-party data absent (%v): needs ../shared/data next to the repository", err)
	}
	for i := 0; i < 2; i++ {
		out := t.TempDir()
		if err := run(data, filepath.Join(root, "cmd", "kbgen", "curated"), out); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"actors.tsv", "names.tsv", "persons.tsv"} {
			got, err := os.ReadFile(filepath.Join(out, f))
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(filepath.Join(root, "actor", "data", f))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("run %d: regenerated %s (%d bytes) differs from actor/data/%s (%d bytes): run go run ./cmd/kbgen -data ../shared/data -out actor/data",
					i, f, len(got), f, len(want))
			}
		}
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"Azeri": "Azeris", "Azerbaijani": "Azerbaijanis", "Turk": "Turks",
		"Turkish": "", "Chinese": "", "Swiss": "", "Frenchman": "Frenchmen", "Malagasy": ""} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"rebel": "rebels", "police chief": "police chiefs", "army": "armies",
		"businessman": "businessmen", "witness": "witnesses", "u.n.": ""} {
		if got := nounPlural(in); got != want {
			t.Errorf("nounPlural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTitleCase(t *testing.T) {
	for in, want := range map[string]string{"BOSNIA AND HERZEGOVINA": "Bosnia and Herzegovina",
		"MAZAR-I-SHARIF": "Mazar-I-Sharif", "THE GAMBIA": "The Gambia"} {
		if got := titleCase(in); got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestYAMLScalar(t *testing.T) {
	for in, want := range map[string]string{"null": "", "'[No code found.]'": "", "'it''s'": "it's", `"a\"b"`: `a"b`, " Q7 ": "Q7"} {
		if got := yamlScalar(in); got != want {
			t.Errorf("yamlScalar(%q) = %q, want %q", in, got, want)
		}
	}
}
