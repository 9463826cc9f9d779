package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/shareddata"
)

// TestReproducible regenerates the gazetteer into a temporary directory
// and compares it byte for byte with the committed geo/data file.
func TestReproducible(t *testing.T) {
	root := shareddata.MustRoot(t)
	data, err := shareddata.Dir()
	if err != nil {
		t.Skipf("shared data: %v", err)
	}
	if _, err := os.Stat(filepath.Join(data, "geonames", "cities15000.zip")); err != nil {
		t.Skipf("GeoNames sources not found under %s (../shared/data from the repo root): %v", data, err)
	}
	out := t.TempDir()
	if err := run(data, filepath.Join(root, "geo", "data", "common-words.txt"), out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, OutName))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "geo", "data", OutName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("regenerated %s (%d bytes) differs from the committed one (%d bytes): run go run ./cmd/geogen -data ../shared/data -out geo/data", OutName, len(got), len(want))
	}
	if len(want) > 4<<20 {
		t.Errorf("%s is %d bytes, over the 4 MB budget", OutName, len(want))
	}
}

func TestKeepAlt(t *testing.T) {
	for s, want := range map[string]bool{
		"Kiev": true, "Bakou": true, "Şuşa": true, "Saint-Denis": true, "Ra's al Khaymah": true,
		"BAK": false, "ba ku": false, "Баку": false, "巴库": false, "Ba": false, "Baku 2": false, "-Baku": false,
	} {
		if got := keepAlt(s); got != want {
			t.Errorf("keepAlt(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestParseCitiesErrors(t *testing.T) {
	iso3 := map[string]string{"AZ": "AZE"}
	row := func(cols ...string) string { return strings.Join(cols, "\t") + "\n" }
	good := []string{"587084", "Baku", "Baku", "Bakou,BAK,Bacu", "40.37767", "49.89201", "P", "PPLC", "AZ", "", "09", "", "", "", "1116513", "", "-23", "Asia/Baku", "2024-12-12"}
	var st Stats
	ps, err := parseCities(strings.NewReader(row(good...)), "t", iso3, map[string]string{"bacu": "*"}, &st)
	if err != nil || len(ps) != 1 || ps[0].iso3 != "AZE" || ps[0].admin1 != "AZ.09" || strings.Join(ps[0].alts, "|") != "Bakou" {
		t.Fatalf("parseCities = %+v, %v", ps, err)
	}
	bad := func(i int, v string) string {
		c := append([]string(nil), good...)
		c[i] = v
		return row(c...)
	}
	for _, tt := range []struct{ in, want string }{
		{row(good[:5]...), "t:1: 5 columns"},
		{bad(0, "x"), "t:1: geonameid"},
		{bad(4, "north"), "t:1: latitude"},
		{bad(8, "ZZ"), `t:1: country code "ZZ"`},
		{bad(14, "many"), "t:1: population"},
	} {
		if _, err := parseCities(strings.NewReader(tt.in), "t", iso3, nil, &st); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseCities error %v, want %q", err, tt.want)
		}
	}
}
