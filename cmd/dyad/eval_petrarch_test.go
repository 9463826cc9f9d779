package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

func petrarchDataDir(tb testing.TB, name string) string {
	dir := filepath.Join("..", "..", "..", "shared", "data", name)
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("%s not found at %s (third-party data, see ../shared/data/README.md)", name, dir)
	}
	return dir
}

// TestEvalPetrarchSuite runs the PETRARCH validation suite end to end and
// checks that it reports an exact-record count out of every record.
func TestEvalPetrarchSuite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the full pipeline over the suite")
	}
	dir := petrarchDataDir(t, "petrarch-validation")
	var out, errb bytes.Buffer
	code := evalPetrarch(context.Background(), env{nil, &out, &errb}, []string{dir})
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	m := regexp.MustCompile(`records coded exactly: (\d+) / (\d+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no exact-record count in:\n%s", out.String())
	}
	exact, _ := strconv.Atoi(m[1])
	total, _ := strconv.Atoi(m[2])
	if total < 280 || exact <= 0 || exact > total {
		t.Errorf("exact %d of %d records", exact, total)
	}
	// A regression floor, a little under what the coder reaches today
	// (127 of 284 with the parser and lexicon of this commit). A parser
	// retrain moves it by up to 8: the suite repeats some sentences five
	// times ("... ties with Libya almost crowds trashed its embassy"), so
	// one parse decides five records.
	if exact < 122 {
		t.Errorf("only %d of %d records coded exactly, below the floor of 122", exact, total)
	}
	t.Logf("\n%s", out.String())
}

func TestLoadPetrarchDirErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := loadPetrarchDir(dir); err == nil {
		t.Error("empty directory: no error")
	}
	os.WriteFile(filepath.Join(dir, "x.actors.txt"), []byte("VELDORIA [VEL]\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "x.verbs.txt"), []byte("- * X [010]\n"), 0o644)
	_, err := loadPetrarchDir(dir)
	if err == nil || !regexp.MustCompile(`x\.verbs\.txt:1: pattern`).MatchString(err.Error()) {
		t.Errorf("error %v, want the file and line of the bad pattern", err)
	}
}

// BenchmarkLoadPhoenixDictionaries loads the Phoenix actor, agent, verb
// and discard dictionaries as 'dyad code --dictionaries' does.
func BenchmarkLoadPhoenixDictionaries(b *testing.B) {
	dir := petrarchDataDir(b, "phoenix-dictionaries")
	b.ReportAllocs()
	for b.Loop() {
		d, err := loadPetrarchDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		if d.Lexicon.Len() < 10000 {
			b.Fatalf("only %d patterns", d.Lexicon.Len())
		}
	}
}
