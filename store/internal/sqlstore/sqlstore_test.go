package sqlstore

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseCursor(t *testing.T) {
	d, seq, err := ParseCursor("2021-03-05_42")
	if err != nil || d != "2021-03-05" || seq != 42 {
		t.Fatalf("ParseCursor = %s %d %v", d, seq, err)
	}
	for _, bad := range []string{"", "x", "2021-03-05", "2021-03-05_", "2021-03-05_-1", "2021-13-05_4", "_4", "2021-03-05_4x"} {
		if _, _, err := ParseCursor(bad); err == nil {
			t.Errorf("ParseCursor(%q) accepted", bad)
		}
	}
}

func TestMigrationsList(t *testing.T) {
	ok := fstest.MapFS{"0002_b.sql": {Data: []byte("B;")}, "0001_a.sql": {Data: []byte("A;")}}
	ms, err := Migrations(ok)
	if err != nil || len(ms) != 2 || ms[0].Name != "a" || ms[1].Version != 2 {
		t.Fatalf("Migrations = %+v, %v", ms, err)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"no number": {"init.sql": {Data: []byte("x;")}},
		"duplicate": {"0001_a.sql": {Data: []byte("x;")}, "0001_b.sql": {Data: []byte("y;")}},
	} {
		if _, err := Migrations(fsys); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestStatements(t *testing.T) {
	got := statements("-- comment\nCREATE TABLE a (\n x INT\n);\n\nCREATE INDEX i ON a (x);\n")
	if len(got) != 2 || !strings.Contains(got[0], "x INT") {
		t.Fatalf("statements = %q", got)
	}
}

func TestRebind(t *testing.T) {
	s := &DB{d: Dialect{Numbered: true}}
	if got := s.q("a = ? AND b IN (?, ?)"); got != "a = $1 AND b IN ($2, $3)" {
		t.Fatalf("rebind: %s", got)
	}
}

// FuzzParseCursor: cursors come back from API clients.
func FuzzParseCursor(f *testing.F) {
	f.Add("2021-03-05_42")
	f.Add("")
	f.Add("2021-03-05_99999999999999999999")
	f.Fuzz(func(t *testing.T, s string) {
		d, seq, err := ParseCursor(s)
		if err != nil {
			return
		}
		if seq <= 0 || len(d) != 10 {
			t.Fatalf("ParseCursor(%q) = %q %d", s, d, seq)
		}
	})
}
