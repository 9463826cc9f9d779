package store

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	for _, tt := range []struct {
		in string
		ok bool
	}{
		{"2021-03-05", true}, {"2020-02-29", true}, {"2021-02-29", false}, {"2021-3-5", false},
		{"", false}, {"2021-03-05T00:00:00Z", false}, {"05/03/2021", false},
	} {
		_, err := ParseDate(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseDate(%q) error %v, want ok=%v", tt.in, err, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), tt.in) {
			t.Errorf("ParseDate(%q) error %q does not name the input", tt.in, err)
		}
	}
}

func TestPeriods(t *testing.T) {
	for _, tt := range []struct {
		date string
		by   Period
		want string
	}{
		{"2021-03-05", Day, "2021-03-05"}, {"2021-03-05", Month, "2021-03"}, {"2021-03-05", Year, "2021"},
		{"2021-03-05", Week, "2021-03-01"}, // a Friday: its Monday
		{"2021-03-01", Week, "2021-03-01"}, // a Monday
		{"2021-03-07", Week, "2021-03-01"}, // a Sunday ends the week
		{"2021-01-01", Week, "2020-12-28"}, // across the year
	} {
		got, err := PeriodOf(tt.date, tt.by)
		if err != nil || got != tt.want {
			t.Errorf("PeriodOf(%s, %s) = %q, %v; want %q", tt.date, tt.by, got, err, tt.want)
		}
	}
	for _, s := range []string{"", "DAY", "week", "month", "year"} {
		if _, err := ParsePeriod(s); err != nil {
			t.Errorf("ParsePeriod(%q): %v", s, err)
		}
	}
	if _, err := ParsePeriod("quarter"); err == nil {
		t.Error("ParsePeriod(quarter) accepted")
	}
}

func TestScheme(t *testing.T) {
	for dsn, want := range map[string]string{
		"dyad.db": "sqlite", "": "sqlite", "/tmp/x.db": "sqlite", "sqlite://x.db": "sqlite",
		"postgres://u@h/db": "postgres", "POSTGRESQL://h/db": "postgres", "host=localhost dbname=test": "postgres",
	} {
		if got := Scheme(dsn); got != want {
			t.Errorf("Scheme(%q) = %s, want %s", dsn, got, want)
		}
	}
	if got := redact("postgres://bob:secret@h/db"); strings.Contains(got, "secret") {
		t.Errorf("redact kept the password: %s", got)
	}
}

func TestValidate(t *testing.T) {
	bad := []RelationsQuery{{A: "AZE"}, {A: "AZE", B: "TUR", By: "fortnight"}, {A: "AZE", B: "TUR", Since: "2022-01-01", Until: "2021-01-01"}}
	for _, q := range bad {
		if q.Validate() == nil {
			t.Errorf("%+v accepted", q)
		}
	}
	if err := (RelationsQuery{A: "AZE", B: "TURGOV", Since: "2021-01-01"}).Validate(); err != nil {
		t.Error(err)
	}
}

// FuzzParseDate: dates come from command lines and URLs.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-03-05", "2021-02-29", "", "9999-12-31", "0000-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d != s {
			t.Fatalf("ParseDate(%q) = %q", s, d)
		}
		for _, by := range []Period{Day, Week, Month, Year} {
			p, err := PeriodOf(d, by)
			if err != nil || p > d || !strings.HasPrefix(d, p[:min(len(p), 4)]) && by != Week {
				t.Fatalf("PeriodOf(%q, %s) = %q, %v", d, by, p, err)
			}
		}
	})
}

// FuzzRelationsQuery: sides, period and dates from a command line or URL.
func FuzzRelationsQuery(f *testing.F) {
	f.Add("AZE", "TUR", "month", "2019-01-01", "")
	f.Add("code:TURGOV", "country:AZE", "week", "", "2020-12-31")
	f.Fuzz(func(t *testing.T, a, b, by, since, until string) {
		q := RelationsQuery{A: a, B: b, By: Period(by), Since: since, Until: until}
		if q.Validate() != nil {
			return
		}
		if _, err := ParsePeriod(by); err != nil {
			t.Fatalf("valid query with period %q", by)
		}
		if since != "" && until != "" && since > until {
			t.Fatal("valid query with since after until")
		}
	})
}
