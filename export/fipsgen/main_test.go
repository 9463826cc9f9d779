package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The committed table is what the generator makes from the GeoNames file.
func TestReproducible(t *testing.T) {
	in := filepath.Join("..", "..", "..", "shared", "data", "geonames", "countryInfo.txt")
	f, err := os.Open(in)
	if err != nil {
		t.Skipf("GeoNames countryInfo.txt not found at %s: %v", in, err)
	}
	defer f.Close()
	var b strings.Builder
	if err := Generate(f, in, &b); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "data", "iso3_fips.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Fatal("export/data/iso3_fips.tsv differs from the generator's output: rerun go run ./export/fipsgen")
	}
}

func TestBadInput(t *testing.T) {
	for _, in := range []string{"AD\tANDORRA\n", "", "AD\tAND\t020\n"} {
		if err := Generate(strings.NewReader(in), "x", &strings.Builder{}); err == nil {
			t.Errorf("Generate(%q) succeeded", in)
		}
	}
}
