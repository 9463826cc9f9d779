package sqlstore

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dyad-events/dyad/store"
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

func TestParseCursorErrBadCursor(t *testing.T) {
	for _, bad := range []string{"x", "2021-13-05_4", "2021-03-05_0"} {
		if _, _, err := ParseCursor(bad); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("ParseCursor(%q) = %v, want ErrBadCursor", bad, err)
		}
	}
}

// TestSpans checks the cut of a date range into day, month and year
// ranges against walking the days one by one: every day of lo..hi is
// covered exactly once and no other day is.
func TestSpans(t *testing.T) {
	days := func(from, to string) []string { // every day from..to
		var out []string
		a, _ := time.Parse(time.DateOnly, from)
		b, _ := time.Parse(time.DateOnly, to)
		for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
			out = append(out, d.Format(time.DateOnly))
		}
		return out
	}
	covers := func(x span, day string) bool {
		switch x.grain {
		case "D":
			return x.from <= day && day <= x.to
		case "M":
			return x.from <= day[:7] && day[:7] <= x.to
		case "Y":
			return x.from <= day[:4] && day[:4] <= x.to
		}
		return false
	}
	cases := [][2]string{
		{"2020-01-01", "2020-01-01"}, {"2020-01-01", "2020-01-31"}, {"2020-02-01", "2020-02-29"},
		{"2020-01-01", "2020-12-31"}, {"2019-12-31", "2020-01-01"}, {"2019-03-17", "2021-08-09"},
		{"2019-01-01", "2021-12-31"}, {"2019-02-01", "2021-11-30"}, {"2020-03-05", "2020-11-20"},
		{"2014-12-30", "2024-12-31"}, {"2020-01-15", "2020-02-14"}, {"2020-12-01", "2021-01-31"},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		a := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(1500))
		b := a.AddDate(0, 0, rng.IntN(900))
		cases = append(cases, [2]string{a.Format(time.DateOnly), b.Format(time.DateOnly)})
	}
	for _, c := range cases {
		sp := spans(c[0], c[1])
		if len(sp) > 5 {
			t.Errorf("spans(%s, %s) = %d ranges, want at most 5", c[0], c[1], len(sp))
		}
		in := map[string]bool{}
		for _, d := range days(c[0], c[1]) {
			in[d] = true
			n := 0
			for _, x := range sp {
				if covers(x, d) {
					n++
				}
			}
			if n != 1 {
				t.Fatalf("spans(%s, %s) = %v: day %s covered %d times", c[0], c[1], sp, d, n)
			}
		}
		// Nothing outside: each span's own days are in range.
		for _, x := range sp {
			from, to := x.from, x.to
			switch x.grain {
			case "M":
				from, to = from+"-01", monthEnd(to)
			case "Y":
				from, to = from+"-01-01", to+"-12-31"
			}
			for _, d := range days(from, to) {
				if !in[d] {
					t.Fatalf("spans(%s, %s) = %v: covers %s", c[0], c[1], sp, d)
				}
			}
		}
	}
}
