package actor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readPetrarchFixture(t testing.TB) *KB {
	t.Helper()
	var ds []*PetrarchDict
	for _, f := range []string{"test.actors.txt", "test.agents.txt"} {
		path := filepath.Join("testdata", "petrarch", f)
		r, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var d *PetrarchDict
		if strings.Contains(f, "agents") {
			d, err = ReadPetrarchAgents(path, r)
		} else {
			d, err = ReadPetrarchActors(path, r)
		}
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	kb, err := LoadPetrarch(ds...)
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

func TestReadPetrarchActors(t *testing.T) {
	kb := readPetrarchFixture(t)
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		text string
		date time.Time
		want string // codes of the matches, space-separated
	}{
		{"Veldoria protested.", time.Time{}, "VEL"},
		{"The Veldorian harbour master spoke.", time.Time{}, "VELGOV"},
		{"New Veldoria City and the Amber League", time.Time{}, "VEL IGOAMB"},
		{"AL said", time.Time{}, "IGOAMB"},
		{"al said", time.Time{}, ""},                           // short acronyms keep their case
		{"Korvan Brusk spoke", day("2001-06-01"), "VELELI"},    // before 020101
		{"President Brusk spoke", day("2003-06-01"), "VELGOV"}, // in 020101-051231
		{"Korvan Brusk spoke", day("2010-06-01"), "VELELI"},    // after 051231
		{"Veldoria river police and millhands", time.Time{}, "VELCOP LAB"},
		{"Veldoria goose herds", time.Time{}, "VELAGR"},   // regular plural
		{"Veldoria geese herders", time.Time{}, "VELAGR"}, // listed plural
		{"Veldoria millclerks", time.Time{}, "VELLAB"},    // substitution
		{"Tarnish Front", time.Time{}, "VELREB"},          // first of two codes
		{"Ghost Entity", time.Time{}, ""},                 // null code
		{"Pale Council", time.Time{}, "VEL"},              // lower-case code
		{"Veldoria charity board", time.Time{}, "VELNGO"}, // prefix agent appended
	}
	for _, tt := range tests {
		var got []string
		for _, m := range kb.LookupAt(tt.text, tt.date) {
			got = append(got, m.Actor.Code)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q at %v: got %q, want %q", tt.text, tt.date.Format("2006-01-02"), g, tt.want)
		}
	}
	a, ok := kb.Actor("VELGOV")
	if !ok || a.Country != "VEL" || a.Sector != "GOV" {
		t.Errorf("VELGOV = %+v, %v", a, ok)
	}
	if a, ok := kb.Actor("IGOAMB"); !ok || a.Type != TypeIGO || a.Country != "IGOAMB" {
		t.Errorf("IGOAMB = %+v, %v", a, ok)
	}
}

func TestReadPetrarchSkipped(t *testing.T) {
	in := "ALPHA [ALP]\nBETA [---]\nGAMMA\n\t[GAM 991301-000101]\nDELTA [DEL 20000101-19990101]\nEPSILON [EP$]\nZETA\n"
	d, err := ReadPetrarchActors("x.actors.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"x.actors.txt:2:", "x.actors.txt:4:", "x.actors.txt:5:", "x.actors.txt:6:", "x.actors.txt:7:"}
	if len(d.Skipped) != len(want) {
		t.Fatalf("skipped %q, want lines %q", d.Skipped, want)
	}
	for i, w := range want {
		if !strings.HasPrefix(d.Skipped[i], w) {
			t.Errorf("skipped[%d] = %q, want prefix %q", i, d.Skipped[i], w)
		}
	}
	if len(d.Table.Actors) != 1 || d.Table.Actors[0].Code != "ALP" {
		t.Errorf("actors %+v", d.Table.Actors)
	}
}

func TestReadPetrarchErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
		agents         bool
	}{
		{"syn", "# c\n+ORPHAN\n", "a.txt:2: synonym", false},
		{"code", "\n\t[ABC]\n", "a.txt:2: code", false},
		{"comment", "X [X]\n<!-- open\n", "a.txt:2: unterminated", false},
		{"subst", "!EMPTY! = ,\n", "a.txt:1: substitution", true},
		{"agentcomment", "<!--\nX [~GOV]\n", "a.txt:2: unterminated", true},
	}
	for _, tt := range tests {
		var err error
		if tt.agents {
			_, err = ReadPetrarchAgents("a.txt", strings.NewReader(tt.in))
		} else {
			_, err = ReadPetrarchActors("a.txt", strings.NewReader(tt.in))
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func FuzzReadPetrarchActors(f *testing.F) {
	for _, name := range []string{"test.actors.txt", "test.agents.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", "petrarch", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("X_ [ABC <9901]\n+Y\n\t[ABC 20200101-]\n")
	f.Fuzz(func(t *testing.T, s string) {
		a, err1 := ReadPetrarchActors("fuzz", strings.NewReader(s))
		g, err2 := ReadPetrarchAgents("fuzz", strings.NewReader(s))
		var ds []*PetrarchDict
		if err1 == nil {
			ds = append(ds, a)
		}
		if err2 == nil {
			ds = append(ds, g)
		}
		kb, err := LoadPetrarch(ds...)
		if err != nil {
			return // e.g. a code that is both a sector and an actor: reported, not a crash
		}
		kb.LookupAt("X Y abc", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
	})
}

// phoenixDir finds ../shared/data/phoenix-dictionaries from the repository.
func phoenixDir(tb testing.TB) string {
	dir := filepath.Join("..", "..", "shared", "data", "phoenix-dictionaries")
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("Phoenix dictionaries not found at %s (third-party data, see ../shared/data/README.md)", dir)
	}
	return dir
}

func BenchmarkLoadPhoenixActors(b *testing.B) {
	dir := phoenixDir(b)
	files := []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"}
	var data [][]byte
	for _, f := range files {
		d, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
	}
	b.ReportAllocs()
	for b.Loop() {
		var ds []*PetrarchDict
		for i, f := range files {
			var d *PetrarchDict
			var err error
			if strings.Contains(f, "agents") {
				d, err = ReadPetrarchAgents(f, strings.NewReader(string(data[i])))
			} else {
				d, err = ReadPetrarchActors(f, strings.NewReader(string(data[i])))
			}
			if err != nil {
				b.Fatal(err)
			}
			ds = append(ds, d)
		}
		kb, err := LoadPetrarch(ds...)
		if err != nil {
			b.Fatal(err)
		}
		if len(kb.Names()) < 10000 {
			b.Fatalf("only %d names", len(kb.Names()))
		}
	}
}
