package actor

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func defaultKB(t testing.TB) *KB {
	t.Helper()
	kb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

func TestLookup(t *testing.T) {
	kb := defaultKB(t)
	tests := []struct {
		phrase  string
		code    string // first match's code; "" for no match
		country string
		sector  string
		text    string // the span matched; "" means the whole phrase
	}{
		{"Azeri", "AZE", "AZE", "", ""},
		{"Azerbaijani", "AZE", "AZE", "", ""},
		{"Azerbaijanis", "AZE", "AZE", "", ""},
		{"Azerbaijan", "AZE", "AZE", "", ""},
		{"Republic of Azerbaijan", "AZE", "AZE", "", ""},
		{"Turkish", "TUR", "TUR", "", ""},
		{"Turks", "TUR", "TUR", "", ""},
		{"Turkey", "TUR", "TUR", "", ""},
		{"TURKEY", "TUR", "TUR", "", ""},
		{"Türkiye", "TUR", "TUR", "", ""},
		{"Turkiye", "TUR", "TUR", "", ""},
		{"Burma", "MMR", "MMR", "", ""},
		{"Ankara", "TURGOV", "TUR", "GOV", ""},
		{"Baku", "AZEGOV", "AZE", "GOV", ""},
		{"UN", "UN", "UN", "IGO", ""},
		{"U.N.", "UN", "UN", "IGO", ""},
		{"United Nations", "UN", "UN", "IGO", ""},
		{"the United Nations", "UN", "UN", "IGO", "United Nations"},
		{"EU", "EU", "EU", "IGO", ""},
		{"European Union", "EU", "EU", "IGO", ""},
		{"NATO", "NATO", "NATO", "IGO", ""},
		{"Nato", "NATO", "NATO", "IGO", ""},
		{"North Atlantic Treaty Organization", "NATO", "NATO", "IGO", ""},
		{"OSCE", "OSCE", "OSCE", "IGO", ""},
		{"Turksoy", "TURKSOY", "TURKSOY", "IGO", ""},
		{"TÜRKSOY", "TURKSOY", "TURKSOY", "IGO", ""},
		{"Organization of Turkic States", "OTS", "OTS", "IGO", ""},
		{"Turkic Council", "OTS", "OTS", "IGO", ""},
		{"CSTO", "CSTO", "CSTO", "IGO", ""},
		{"Shanghai Cooperation Organisation", "SCO", "SCO", "IGO", ""},
		{"OIC", "OIC", "OIC", "IGO", ""},
		{"ASEAN", "ASEAN", "ASEAN", "IGO", ""},
		{"African Union", "AU", "AU", "IGO", ""},
		{"the Turkish military", "TURMIL", "TUR", "MIL", "Turkish military"},
		{"the Turkish government", "TURGOV", "TUR", "GOV", "Turkish government"},
		{"Armenian opposition", "ARMOPP", "ARM", "OPP", ""},
		{"Russian police", "RUSCOP", "RUS", "COP", ""},
		{"Turkish President", "TURGOV", "TUR", "GOV", ""},
		{"Azerbaijan's Prime Minister", "AZEGOV", "AZE", "GOV", ""},
		{"Azerbaijan’s army", "AZEMIL", "AZE", "MIL", ""},
		{"President of Azerbaijan", "AZEGOV", "AZE", "GOV", ""},
		// the country owns the next noun: the commander is no army of Chile's
		{"commander of Chile's allies", "MIL", "", "MIL", "commander"},
		{"Minister of Foreign Affairs of Turkey", "TURGOV", "TUR", "GOV", ""},
		{"Turkish Defence Minister", "TURGOVMIL", "TUR", "GOVMIL", ""},
		{"pro-government newspaper", "GOVMED", "", "GOVMED", ""},
		{"the government", "GOV", "", "GOV", "government"},
		{"rebels", "REB", "", "REB", ""},
		{"NATO military", "NATOMIL", "NATO", "MIL", ""},
		// the sector MUS (Muslim) is not the country MUS (Mauritius)
		{"imam", "MUS", "", "MUS", ""},
		{"Iraqi imam", "IRQMUS", "IRQ", "MUS", ""},
		{"Mauritius", "MUS", "MUS", "", ""},
		{"US", "USA", "USA", "", ""},
		{"U.S.", "USA", "USA", "", ""},
		{"Georgia", "GEO", "GEO", "", ""},
		{"Georgian", "GEO", "GEO", "", ""},
		{"Chad", "TCD", "TCD", "", ""},
		{"Jordan", "JOR", "JOR", "", ""},
		{"China", "CHN", "CHN", "", ""},
		{"New Zealand", "NZL", "NZL", "", ""},
		{"Kosovo", "XKX", "XKX", "", ""},
		// capitalisation: common words are not countries
		{"turkey", "", "", "", ""},
		{"chad", "", "", "", ""},
		{"china", "", "", "", ""},
		{"polish", "", "", "", ""},
		{"us", "", "", "", ""},
		{"New Jersey", "", "", "", ""},
		{"Male", "", "", "", ""},
		// A rank is no sector: "the deputy chief" names no police; a
		// chamber's deputies are legislators.
		{"the deputy chief", "", "", "", ""},
		{"the deputies", "LEG", "", "LEG", "deputies"},
		// A phrase headed by a noun of radicals names radicals.
		{"Islamic fundamentalists", "MUSRAD", "", "MUSRAD", ""},
		{"Hindu radicals", "HINRAD", "", "HINRAD", ""},
		// Sector words after a group's name describe its members.
		{"the Taliban religious faction", "AFGREBTAL", "AFG", "REB", "Taliban religious"},
		{"Hamas officials", "PSEREBHMS", "PSE", "REB", ""},
		{"FARC rebels", "COLREBFRC", "COL", "REB", ""},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			ms := kb.Lookup(tt.phrase)
			if tt.code == "" {
				if len(ms) > 0 {
					t.Fatalf("Lookup(%q) = %s (%q), want no match", tt.phrase, ms[0].Actor.Code, ms[0].Text)
				}
				return
			}
			if len(ms) == 0 {
				t.Fatalf("Lookup(%q): no match, want %s", tt.phrase, tt.code)
			}
			m := ms[0]
			want := tt.text
			if want == "" {
				want = tt.phrase
			}
			if m.Actor.Code != tt.code || m.Actor.Country != tt.country || m.Actor.Sector != tt.sector || m.Text != want {
				t.Errorf("Lookup(%q) = %s country %q sector %q text %q, want %s %q %q %q",
					tt.phrase, m.Actor.Code, m.Actor.Country, m.Actor.Sector, m.Text, tt.code, tt.country, tt.sector, want)
			}
			if tt.phrase[m.Start:m.End] != m.Text {
				t.Errorf("span [%d,%d) is %q, text %q", m.Start, m.End, tt.phrase[m.Start:m.End], m.Text)
			}
			if m.Sources() == "" || len(m.Names) == 0 {
				t.Errorf("Lookup(%q): no provenance", tt.phrase)
			}
		})
	}
}

// Every country resolves by its canonical name to its own code.
func TestEveryCountryByName(t *testing.T) {
	kb := defaultKB(t)
	n := 0
	for _, a := range kb.Actors() {
		if a.Type != TypeCountry {
			continue
		}
		n++
		ms := kb.Lookup(a.Name)
		if len(ms) != 1 || ms[0].Actor.Code != a.Code || ms[0].Text != a.Name {
			var got []string
			for _, m := range ms {
				got = append(got, m.Actor.Code+" "+m.Text)
			}
			t.Errorf("Lookup(%q) = %v, want one match %s", a.Name, got, a.Code)
		}
		if len(a.Code) != 3 || a.Alpha2 == "" {
			t.Errorf("%s %q: code or alpha-2 missing", a.Code, a.Name)
		}
	}
	if n < 249 {
		t.Errorf("%d countries, want the 249 ISO 3166 entries and Kosovo", n)
	}
}

func TestSentence(t *testing.T) {
	kb := defaultKB(t)
	text := "Turkish President met Azerbaijan's Prime Minister in Baku; the OSCE and Turkic Council observers, the Armenian opposition and U.S. officials watched."
	var got []string
	for _, m := range kb.Lookup(text) {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("bad span for %q", m.Text)
		}
		got = append(got, m.Actor.Code+"="+m.Text)
	}
	want := []string{"TURGOV=Turkish President", "AZEGOV=Azerbaijan's Prime Minister", "AZEGOV=Baku",
		"OSCE=OSCE", "OTS=Turkic Council", "ARMOPP=Armenian opposition", "USAGOV=U.S. officials"}
	if !slices.Equal(got, want) {
		t.Errorf("Lookup(sentence)\n got %q\nwant %q", got, want)
	}
}

func TestAmbiguity(t *testing.T) {
	kb := defaultKB(t)
	ms := kb.Lookup("Dominican")
	if len(ms) != 1 || len(ms[0].Alternatives) == 0 {
		t.Fatalf("Dominican: %+v, want DOM with an alternative", ms)
	}
	codes := []string{ms[0].Actor.Code}
	for _, a := range ms[0].Alternatives {
		codes = append(codes, a.Code)
	}
	slices.Sort(codes)
	if !slices.Equal(codes, []string{"DMA", "DOM"}) {
		t.Errorf("Dominican candidates %v, want DMA and DOM", codes)
	}
}

func TestActorByCode(t *testing.T) {
	kb := defaultKB(t)
	for code, want := range map[string]string{"IGOWSTNAT": "NATO", "IGOUNO": "UN", "KSV": "XKX", "AZE": "AZE", "TURGOV": "TURGOV", "AZEGOVMIL": "AZEGOVMIL", "GOV": "GOV"} {
		a, ok := kb.Actor(code)
		if !ok || a.Code != want {
			t.Errorf("Actor(%q) = %q %v, want %q", code, a.Code, ok, want)
		}
	}
	if a, ok := kb.Actor("NOPE"); ok {
		t.Errorf("Actor(NOPE) = %+v", a)
	}
	a, _ := kb.Actor("AZE")
	if a.WikidataID != "Q227" || a.Alpha2 != "AZ" || !strings.Contains(a.Source, "mledoze-countries") {
		t.Errorf("AZE = %+v", a)
	}
}

func TestMatchText(t *testing.T) {
	kb := defaultKB(t)
	text := "Ankara and Baku signed; the Turkish government said NATO was told."
	hits := kb.MatchText(text, nil)
	var got []string
	for _, h := range hits {
		got = append(got, text[h.Start:h.End]+"="+kb.Name(int(h.Name)).Code)
	}
	want := []string{"Ankara=TURGOV", "Baku=AZEGOV", "Turkish=TUR", "government=GOV", "NATO=NATO"}
	if !slices.Equal(got, want) {
		t.Errorf("MatchText\n got %q\nwant %q", got, want)
	}
	toks := []string{"Turkey", "'s", "pro-government", "media", "and", "the", "United", "Nations"}
	hits = kb.MatchTokens(toks, hits[:0])
	got = got[:0]
	for _, h := range hits {
		got = append(got, strings.Join(toks[h.Start:h.End], " ")+"="+kb.Name(int(h.Name)).Code)
	}
	want = []string{"Turkey=TUR", "pro-government=GOV", "media=MED", "United Nations=UN"}
	if !slices.Equal(got, want) {
		t.Errorf("MatchTokens\n got %q\nwant %q", got, want)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Türkiye": "turkiye", "TURKIYE": "turkiye", "Azərbaycan": "azerbaycan", "U.N.": "un",
		"Turkey's": "turkey 's", "Côte d’Ivoire": "cote d'ivoire", "pro-government": "pro government",
		"Ελλάδα": "ελλάδα", "Turks'": "turks 's",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

const extraActors = "# my additions\n" + FormatActors + "\n" +
	"QQQ\tgroup\tAZE\tREB\tExample Front\tQ1\t\t\t2019-01-01\t2020-12-31\tmine\n"

const extraNames = FormatNames + "\n" +
	"Example Front\tQQQ\tname\ttitle\t\t\tmine\n" +
	"Karabakh Council\tAZEGOV\talt\ttitle\t2020-01-01\t\tmine\n"

func TestWithExtra(t *testing.T) {
	kb := defaultKB(t)
	ta, err := LoadExtra(strings.NewReader(extraActors))
	if err != nil {
		t.Fatal(err)
	}
	tn, err := LoadExtra(strings.NewReader(extraNames))
	if err != nil {
		t.Fatal(err)
	}
	kb2, err := kb.With(ta, tn)
	if err != nil {
		t.Fatal(err)
	}
	if ms := kb.Lookup("Example Front"); len(ms) != 0 {
		t.Errorf("With changed the receiver: %+v", ms)
	}
	ms := kb2.Lookup("Example Front")
	if len(ms) != 1 || ms[0].Actor.Code != "QQQ" || ms[0].Actor.Type != TypeGroup || ms[0].Sources() != "mine" {
		t.Fatalf("Example Front: %+v", ms)
	}
	// dates: the actor is valid 2019-2020, the name from 2020
	in := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	out := time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	if ms := kb2.LookupAt("Example Front", in); len(ms) != 1 {
		t.Errorf("LookupAt(in range) = %d matches, want 1", len(ms))
	}
	if ms := kb2.LookupAt("Example Front", out); len(ms) != 0 {
		t.Errorf("LookupAt(after until) = %+v, want none", ms)
	}
	if ms := kb2.LookupAt("Karabakh Council", time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)); len(ms) != 0 {
		t.Errorf("LookupAt(before from) = %+v, want none", ms)
	}
	if ms := kb2.LookupAt("Karabakh Council", in); len(ms) != 1 || ms[0].Actor.Code != "AZEGOV" {
		t.Errorf("LookupAt(Karabakh Council) = %+v", ms)
	}
	// a name whose code is unknown is an error
	bad, err := LoadExtra(strings.NewReader(FormatNames + "\nFoo\tZZZZZ\tname\ttitle\t\t\tmine\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := kb.With(bad); err == nil || !strings.Contains(err.Error(), "ZZZZZ") {
		t.Errorf("With(unknown code) error %v", err)
	}
}

func TestLoadExtraErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ content, want string }{
		{"", "no header"},
		{"code\tname\n", ":1: header"},
		{FormatNames + "\nFoo\tAZE\tname\n", ":2: 3 fields"},
		{FormatNames + "\n\nFoo\tAZE\tnickname\ttitle\t\t\tx\n", ":3: kind \"nickname\""},
		{FormatNames + "\nFoo\tAZE\tname\tloud\t\t\tx\n", ":2: case \"loud\""},
		{FormatNames + "\nFoo\taze\tname\ttitle\t\t\tx\n", ":2: code \"aze\""},
		{FormatNames + "\nFoo\tAZE\tname\ttitle\t2020-13-01\t\tx\n", ":2: from"},
		{FormatNames + "\nFoo\tAZE\tname\ttitle\t2020-01-01\t2019-01-01\tx\n", "before"},
		{FormatNames + "\n...\tAZE\tname\ttitle\t\t\tx\n", "no words"},
		{FormatActors + "\nQQ\tplanet\t\t\tX\t\t\t\t\t\tx\n", ":2: type"},
		{FormatActors + "\nQQ\tgroup\t\t\tX\tP12\t\t\t\t\tx\n", "wikidata"},
		{FormatActors + "\nQQ\tgroup\t\t\tX\t\t\t\t\t\t\n", "empty source"},
	}
	for i, tt := range tests {
		p := filepath.Join(dir, "extra.tsv")
		if err := os.WriteFile(p, []byte(tt.content), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		_, err = LoadExtra(f)
		f.Close()
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "extra.tsv") {
			t.Errorf("%d: LoadExtra error %v, want one naming extra.tsv and containing %q", i, err, tt.want)
		}
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestLoadExtraReadError(t *testing.T) {
	if _, err := LoadExtra(errReader{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("error %v", err)
	}
}

// The embedded tables round-trip through the writer byte for byte.
func TestRoundTrip(t *testing.T) {
	for _, f := range []string{"data/actors.tsv", "data/names.tsv"} {
		b, err := dataFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tab, err := ReadTable(f, strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		var comments []string
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(l, "# ") {
				break
			}
			comments = append(comments, l[2:])
		}
		var sb strings.Builder
		if len(tab.Actors) > 0 {
			err = WriteActors(&sb, comments, tab.Actors)
		} else {
			err = WriteNames(&sb, comments, tab.Names)
		}
		if err != nil {
			t.Fatal(err)
		}
		if sb.String() != string(b) {
			t.Errorf("%s does not round-trip", f)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	kb := defaultKB(t)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var hits []Hit
			for i := 0; i < 200; i++ {
				if ms := kb.Lookup("the Turkish military and Azerbaijan's army"); len(ms) != 2 || ms[1].Actor.Code != "AZEMIL" {
					t.Errorf("concurrent Lookup: %+v", ms)
					return
				}
				hits = kb.MatchText("NATO and the OSCE in Baku", hits[:0])
				if len(hits) != 3 {
					t.Errorf("concurrent MatchText: %d hits", len(hits))
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzLoadExtra(f *testing.F) {
	f.Add(extraActors)
	f.Add(extraNames)
	f.Add(FormatNames + "\nFoo\tAZE\tname\ttitle\t\t\tx\n")
	f.Add("\ufeff" + FormatActors + "\r\nQQ\tgroup\t\t\tX\t\t\t\t\t\tx\r\n")
	f.Add("# c\n\n" + FormatNames + "\n\t\t\t\t\t\t\n")
	kb, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tab, err := LoadExtra(strings.NewReader(s))
		if err != nil {
			if tab != nil {
				t.Fatal("table and error")
			}
			return
		}
		kb2, err := kb.With(tab)
		if err != nil {
			return
		}
		for _, n := range tab.Names {
			kb2.Lookup(n.Phrase)
		}
		kb2.MatchText(s, nil)
	})
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"Turkey's", "U.S.-led", "Turks' 's '", "d'Ivoire", "President of the", "A.B.C.", "ʼs’s", "N.A.T.O"} {
		f.Add(s)
	}
	kb, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range kb.Lookup(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %d %d for %q", m.Start, m.End, s)
			}
		}
		toks := strings.Fields(s)
		for _, h := range kb.MatchTokens(toks, nil) {
			if h.Start < 0 || h.End > len(toks) || h.Start >= h.End {
				t.Fatalf("bad token span %d %d", h.Start, h.End)
			}
		}
	})
}

// Every proper name of the main kinds, written as the sources write it,
// resolves to its own actor (or has it among the alternatives): no name is
// shadowed by a longer or better-supported one.
func TestEveryNameResolves(t *testing.T) {
	kb := defaultKB(t)
	for _, n := range kb.Names() {
		switch n.Kind {
		case KindName, KindOfficial, KindDemonym, KindAbbr:
		default:
			continue
		}
		ms := kb.Lookup(n.Phrase)
		if len(ms) == 1 && ms[0].Text == n.Phrase {
			if ms[0].Actor.Code == n.Code || slices.ContainsFunc(ms[0].Alternatives, func(a Actor) bool { return a.Code == n.Code }) {
				continue
			}
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Actor.Code+"="+m.Text)
		}
		t.Errorf("Lookup(%q) = %v, want %s (%s, %s)", n.Phrase, got, n.Code, n.Kind, n.Source)
	}
}
