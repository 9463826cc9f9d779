package geo

import (
	"bytes"
	"compress/gzip"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatalf("load embedded gazetteer: %v", err)
	}
	return g
}

func TestResolve(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name     string
		prefer   []string
		country  string
		place    string // expected Place.Name
		feature  string
		lat, lon float64 // 0, 0: not checked
		id       int     // 0: not checked
	}{
		{"Baku", nil, "AZE", "Baku", "PPLC", 40.38, 49.89, 587084},
		{"baku", nil, "AZE", "Baku", "PPLC", 40.38, 49.89, 587084},
		{"Bakı", nil, "AZE", "Baku", "PPLC", 40.38, 49.89, 587084},
		{"Ankara", nil, "TUR", "Ankara", "PPLC", 39.92, 32.85, 323786},
		{"Shusha", nil, "AZE", "Şuşa", "PPLA", 39.76, 46.75, 147105},
		{"Şuşa", nil, "AZE", "Şuşa", "PPLA", 39.76, 46.75, 147105},
		{"Tbilisi", nil, "GEO", "Tbilisi", "PPLC", 41.69, 44.83, 611717},
		{"Kyiv", nil, "UKR", "Kyiv", "PPLC", 50.45, 30.52, 703448},
		{"Kiev", nil, "UKR", "Kyiv", "PPLC", 50.45, 30.52, 703448},
		{"Istanbul", nil, "TUR", "Istanbul", "PPLA", 41.01, 28.95, 745044},
		{"İSTANBUL", nil, "TUR", "Istanbul", "PPLA", 41.01, 28.95, 745044},
		{"Yerevan", nil, "ARM", "Yerevan", "PPLC", 40.18, 44.51, 0},
		{"Cologne", nil, "DEU", "Köln", "PPLA2", 0, 0, 0}, // an English exonym kept though "cologne" is a word
		// Paris: the French capital, even when the actors are American; a
		// Texan county seat of 25,000 is no match for a capital of 2.1 million.
		{"Paris", nil, "FRA", "Paris", "PPLC", 48.85, 2.35, 2988507},
		{"Paris", []string{"USA"}, "FRA", "Paris", "PPLC", 48.85, 2.35, 2988507},
		{"Paris, Texas", nil, "USA", "Paris", "PPLA2", 33.66, -95.56, 4717560},
		{"Paris, United States", nil, "USA", "Paris", "PPLA2", 33.66, -95.56, 4717560},
		// Georgia: the country, unless the actors are American.
		{"Georgia", nil, "GEO", "Georgia", FeatureCountry, 41.69, 44.83, 614540},
		{"Georgia", []string{"GEO", "USA"}, "GEO", "Georgia", FeatureCountry, 41.69, 44.83, 614540},
		{"Georgia", []string{"USA"}, "USA", "Georgia", FeatureAdmin1, 33.75, -84.39, 0},
		// Oklahoma is never a town in Pennsylvania: GeoNames gives
		// "Oklahoma" as a name of Oklahoma City, the seat of the state.
		{"Oklahoma", nil, "USA", "Oklahoma City", "PPLA", 35.47, -97.52, 4544349},
		{"Oklahoma", []string{"USA"}, "USA", "Oklahoma City", "PPLA", 35.47, -97.52, 4544349},
		{"Texas", nil, "USA", "Texas", FeatureAdmin1, 30.27, -97.74, 0}, // placed at Austin, its seat
		{"New York", nil, "USA", "New York City", "PPL", 40.71, -74.01, 0},
		{"Washington", nil, "USA", "Washington", "PPLC", 38.90, -77.04, 0},
		{"Moscow", []string{"USA"}, "RUS", "Moscow", "PPLC", 55.75, 37.62, 0},
		{"Tripoli", nil, "LBY", "Tripoli", "PPLC", 0, 0, 0},
		{"Tripoli", []string{"LBN"}, "LBN", "Tripoli", "PPLA", 0, 0, 0},
		// Countries resolve to the country, placed at the capital.
		{"Azerbaijan", nil, "AZE", "Azerbaijan", FeatureCountry, 40.38, 49.89, 587116},
		{"Turkey", nil, "TUR", "Turkey", FeatureCountry, 39.92, 32.85, 0},
		{"Türkiye", nil, "TUR", "Turkey", FeatureCountry, 39.92, 32.85, 0},
		{"US", nil, "USA", "United States", FeatureCountry, 38.90, -77.04, 6252001},
		{"United States of America", nil, "USA", "United States", FeatureCountry, 0, 0, 0},
		{"Netherlands", nil, "NLD", "The Netherlands", FeatureCountry, 0, 0, 0},
		{"Nakhchivan", nil, "AZE", "Naxçıvan", "PPLA", 0, 0, 0},
		// Regions of the project's own list, and divisions by their short name.
		{"Nagorno-Karabakh", nil, "AZE", "Nagorno-Karabakh", FeatureRegion, 39.82, 46.75, 0},
		{"Karabakh", []string{"ARM"}, "AZE", "Nagorno-Karabakh", FeatureRegion, 39.82, 46.75, 0},
		{"Stepanakert", nil, "AZE", "Khankendi", "PPLA", 39.82, 46.75, 0},
		{"Crimea", nil, "UKR", "Republic of Crimea", FeatureAdmin1, 0, 0, 0},
		{"Syunik", nil, "ARM", "Syunik Province", FeatureAdmin1, 0, 0, 0},
	}
	for _, tt := range tests {
		p, ok := g.Resolve(tt.name, tt.prefer)
		if !ok {
			t.Errorf("Resolve(%q, %v): not found", tt.name, tt.prefer)
			continue
		}
		if p.Country != tt.country || p.Name != tt.place || p.Feature != tt.feature {
			t.Errorf("Resolve(%q, %v) = %s %s %s, want %s %s %s", tt.name, tt.prefer, p.Name, p.Country, p.Feature, tt.place, tt.country, tt.feature)
		}
		if tt.lat != 0 && (math.Abs(p.Lat-tt.lat) > 0.01 || math.Abs(p.Lon-tt.lon) > 0.01) {
			t.Errorf("Resolve(%q, %v) at %.4f,%.4f, want %.2f,%.2f", tt.name, tt.prefer, p.Lat, p.Lon, tt.lat, tt.lon)
		}
		if tt.id != 0 && p.GeoNames != tt.id {
			t.Errorf("Resolve(%q, %v) GeoNames id %d, want %d", tt.name, tt.prefer, p.GeoNames, tt.id)
		}
	}
}

func TestResolveMissing(t *testing.T) {
	g := gaz(t)
	for _, s := range []string{"", "   ", "Xyzzyville", ",", "Paris,", "Erdogan"} {
		if p, ok := g.Resolve(s, nil); ok && s != "Paris," {
			t.Errorf("Resolve(%q) = %+v, want not found", s, p)
		}
	}
	// An unknown qualifier is ignored.
	if p, ok := g.Resolve("Baku, Narnia", nil); !ok || p.GeoNames != 587084 {
		t.Errorf("Resolve(Baku, Narnia) = %+v %v", p, ok)
	}
	// A qualifier that contains none of the candidates is ignored too.
	if p, ok := g.Resolve("Baku, France", nil); !ok || p.GeoNames != 587084 {
		t.Errorf("Resolve(Baku, France) = %+v %v", p, ok)
	}
}

func TestCandidates(t *testing.T) {
	g := gaz(t)
	cs := g.Candidates("Paris", []string{"USA"})
	if len(cs) < 2 || cs[0].Country != "FRA" {
		t.Fatalf("Candidates(Paris) = %v", cs)
	}
	us := 0
	for _, c := range cs {
		if c.Country == "USA" {
			us++
		}
	}
	if us == 0 {
		t.Errorf("Candidates(Paris) has no American Paris: %v", cs)
	}
	if p, _ := g.Resolve("Paris", []string{"USA"}); p != cs[0] {
		t.Errorf("Resolve and Candidates disagree: %v vs %v", p, cs[0])
	}
}

func TestCountry(t *testing.T) {
	g := gaz(t)
	p, ok := g.Country("aze")
	if !ok || p.Name != "Azerbaijan" || !p.IsCountry() || p.GeoNames != 587116 {
		t.Errorf("Country(aze) = %+v %v", p, ok)
	}
	if _, ok := g.Country("ZZZ"); ok {
		t.Error("Country(ZZZ) found")
	}
	// Every country with places in the gazetteer resolves by its own name,
	// except where a bigger place has the same name.
	n := 0
	for _, iso := range []string{"AZE", "TUR", "ARM", "GEO", "RUS", "IRN", "USA", "FRA", "CHN", "KAZ", "UZB", "TKM", "KGZ", "TJK", "ISR", "SYR", "IRQ", "EGY"} {
		c, ok := g.Country(iso)
		if !ok {
			t.Errorf("Country(%s) missing", iso)
			continue
		}
		if p, ok := g.Resolve(c.Name, nil); !ok || p.Country != iso {
			t.Errorf("Resolve(%q) = %+v, want country %s", c.Name, p, iso)
		}
		n++
	}
	if g.Len() < 35000 || g.Names() < 100000 {
		t.Errorf("gazetteer has %d places and %d names; want at least 35,000 and 100,000", g.Len(), g.Names())
	}
}

func TestPackageFuncs(t *testing.T) {
	if p, ok := Resolve("Baku", nil); !ok || p.Country != "AZE" {
		t.Errorf("geo.Resolve(Baku) = %+v %v", p, ok)
	}
	if ms := Find("They met in Baku.", nil); len(ms) != 1 || ms[0].Place.Country != "AZE" {
		t.Errorf("geo.Find = %+v", ms)
	}
}

func TestFind(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		text   string
		prefer []string
		want   []string // "surface=ISO3/feature"
	}{
		{"Erdogan arrived in Baku on Tuesday.", nil, []string{"Baku=AZE/PPLC"}},
		{"The leaders met at the border town of Shusha last week.", nil, []string{"Shusha=AZE/PPLA"}},
		{"Talks moved from Kiev to Tbilisi and then to Istanbul.", nil, []string{"Kiev=UKR/PPLC", "Tbilisi=GEO/PPLC", "Istanbul=TUR/PPLA"}},
		{"Turkey's president flew to Baku.", nil, []string{"Turkey=TUR/PCLI", "Baku=AZE/PPLC"}},
		{"Fighting resumed near Nagorno-Karabakh's Shusha.", nil, []string{"Nagorno-Karabakh=AZE/RGN", "Shusha=AZE/PPLA"}},
		{"Carnival crowds filled Rio de Janeiro.", nil, []string{"Rio de Janeiro=BRA/PPLA"}},
		{"A storm hit Paris, Texas on Monday.", nil, []string{"Paris, Texas=USA/PPLA2"}},
		{"The summit in Baku, Azerbaijan ended.", nil, []string{"Baku, Azerbaijan=AZE/PPLC"}},
		{"Voters in Atlanta, Georgia queued.", nil, []string{"Atlanta, Georgia=USA/PPLA"}},
		{"Talks in Baku, Georgia and Armenia.", nil, []string{"Baku=AZE/PPLC", "Georgia=GEO/PCLI", "Armenia=ARM/PCLI"}},
		{"Protesters gathered in Georgia.", nil, []string{"Georgia=GEO/PCLI"}},
		{"Protesters gathered in Georgia.", []string{"USA"}, []string{"Georgia=USA/ADM1"}},
		{"The U.S. and the UK signed it in Washington.", nil, []string{"U.S.=USA/PCLI", "UK=GBR/PCLI", "Washington=USA/PPLC"}},
		// Common words: only after a locative preposition, never at the start.
		{"Nice weather helped the talks.", nil, nil},
		{"The festival in Nice drew crowds.", nil, []string{"Nice=FRA/PPLA2"}},
		{"Reading the statement, he paused.", nil, nil},
		{"Split decisions were made in Split.", nil, []string{"Split=HRV/PPLA"}},
		// Deny list and capitalisation.
		{"Mobile phones and Male voters of Police unions.", nil, nil},
		{"Most of the ministers said March would be busy.", nil, nil},
		{"us and them in paris", nil, nil},
		{"Us and them.", nil, nil},
		// An alternate name that is a common word is gone ("Terminus" for Atlanta).
		{"The Terminus of the line.", nil, nil},
		// A capitalised neighbour makes a longer proper name.
		{"Barack Obama spoke to Mike Pompeo.", nil, nil},
		{"The New York Times and Ankara University reported it.", nil, nil},
		{"In Baku, talks began.", nil, []string{"Baku=AZE/PPLC"}},
		{"Talks resume in Baku Monday.", nil, []string{"Baku=AZE/PPLC"}},
		// A capitalised acronym is not a town ("Un" in India).
		{"The UN met.", nil, nil},
		// A small place that is neither capital nor seat needs a locative
		// preposition or a preferred country: surnames outnumber towns.
		{"Officials told Mendez about it.", nil, nil},
		{"Officials travelled to Mendez.", nil, []string{"Mendez=PHL/PPLA3"}},
		{"Officials told Mendez about it.", []string{"PHL"}, []string{"Mendez=PHL/PPLA3"}},
		{"A levee broke near Marrero, Louisiana.", nil, []string{"Marrero, Louisiana=USA/PPL"}},
		{"Flooding hit Marrero, Louisiana.", nil, []string{"Marrero, Louisiana=USA/PPL"}},
		{"Flooding hit Marrero, France.", nil, []string{"France=FRA/PCLI"}},
		// A possessive does not extend a name.
		{"Baku's mayor spoke.", nil, []string{"Baku=AZE/PPLC"}},
		{"", nil, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range g.Find(tt.text, tt.prefer) {
			got = append(got, tt.text[m.Start:m.End]+"="+m.Place.Country+"/"+m.Place.Feature)
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("Find(%q, %v) = %q, want %q", tt.text, tt.prefer, got, tt.want)
		}
	}
}

func TestFindTokensOffsets(t *testing.T) {
	g := gaz(t)
	text := "First line.\n\nThe minister visited Baku and Ankara."
	ms := g.Find(text, nil)
	if len(ms) != 2 {
		t.Fatalf("Find = %+v", ms)
	}
	for _, m := range ms {
		if s := text[m.Start:m.End]; s != m.Place.Name {
			t.Errorf("span %d-%d is %q, want %q", m.Start, m.End, s, m.Place.Name)
		}
		if m.Tokens[0] >= m.Tokens[1] {
			t.Errorf("token range %v", m.Tokens)
		}
	}
}

func TestConcurrent(t *testing.T) {
	g := gaz(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if p, ok := g.Resolve("Kiev", nil); !ok || p.GeoNames != 703448 {
					t.Errorf("Resolve(Kiev) = %+v", p)
					return
				}
				if ms := g.Find("He flew from Baku to Ankara via Tbilisi.", nil); len(ms) != 3 {
					t.Errorf("Find = %+v", ms)
					return
				}
			}
		})
	}
	wg.Wait()
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestLoadSmall(t *testing.T) {
	data := "# test\n" +
		"C\tAZE\tAZ\t587116\tAzerbaijan\tAzerbaijan Republic\t10000000\n" +
		"A\tAZ.09\tAZE\tBaki\t\n" +
		"P\t587084\tBaku\t\tBakou|Bacu\tAZE\tAZ.09\t40.37767\t49.89201\t1116513\tPPLC\n"
	g, err := Load(bytes.NewReader(gzipped(data)), strings.NewReader("# none\n"))
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 3 {
		t.Errorf("Len = %d, want 3 (place, division, country)", g.Len())
	}
	if p, ok := g.Resolve("Bakou", nil); !ok || p.GeoNames != 587084 {
		t.Errorf("Resolve(Bakou) = %+v %v", p, ok)
	}
	if p, ok := g.Resolve("Azerbaijan Republic", nil); !ok || !p.IsCountry() || p.Lat != 40.37767 {
		t.Errorf("Resolve(Azerbaijan Republic) = %+v %v", p, ok)
	}
	// The division is placed at its seat, with its places' population.
	if p, ok := g.Resolve("Baki", nil); !ok || !p.IsAdmin1() || p.Lat != 40.37767 || p.Population != 1116513 {
		t.Errorf("Resolve(Baki) = %+v %v", p, ok)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"kind", "X\t1\n", "line 1: unknown record kind"},
		{"columns", "# c\nP\t1\tBaku\n", "line 2: place: 3 columns"},
		{"number", "P\tx\tBaku\t\t\tAZE\t\t40\t49\t1\tPPL\n", `line 1: place id "x"`},
		{"latitude", "P\t1\tBaku\t\t\tAZE\t\tnorth\t49\t1\tPPL\n", "line 1: place 1: bad number"},
		{"admin", "P\t1\tBaku\t\t\tAZE\tAZ.09\t40\t49\t1\tPPL\n", `line 1: place 1: unknown admin1 "AZ.09"`},
		{"country", "C\tAZE\tAZ\n", "line 1: country: 3 columns"},
	}
	for _, tt := range tests {
		_, err := Load(bytes.NewReader(gzipped(tt.data)), strings.NewReader(""))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Load error %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := Load(strings.NewReader("not gzip"), strings.NewReader("")); err == nil {
		t.Error("Load of non-gzip data succeeded")
	}
}

func TestLocate(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		text   string
		prefer []string
		want   string // "surface=ISO3", "" for none
	}{
		{"Erdogan arrived in Baku on Tuesday.", nil, "Baku=AZE"},
		{"Ankara said the talks would continue.", nil, ""},
		{"Turkey and Azerbaijan signed the deal in Shusha.", nil, "Shusha=AZE"},
		{"The leaders met at the border town of Shusha.", nil, "Shusha=AZE"},
		{"Turkey sent troops to Azerbaijan.", nil, "Azerbaijan=AZE"},
		{"In Azerbaijan, talks in Ganja went well.", nil, "Ganja=AZE"},
		{"Aliyev flew to Tbilisi after talks in Baku.", nil, "Tbilisi=GEO"},
		{"Protesters gathered in Georgia.", []string{"USA"}, "Georgia=USA"},
		{"Officials said nothing.", nil, ""},
		{"A tanker sank in the Red Sea.", nil, ""},
	}
	for _, tt := range tests {
		doc := nlp.Segment(tt.text)
		m, ok := g.Locate(doc.Sentences[0].Tokens, tt.prefer)
		got := ""
		if ok {
			got = tt.text[m.Start:m.End] + "=" + m.Place.Country
		}
		if got != tt.want {
			t.Errorf("Locate(%q, %v) = %q, want %q", tt.text, tt.prefer, got, tt.want)
		}
	}
	if _, ok := Locate(nil, nil); ok {
		t.Error("Locate(nil) found a place")
	}
}

// TestLocateAtMalformedTree checks that a parse with a cycle or heads out
// of range neither hangs nor panics, and that with no path from the
// trigger there is no place.
func TestLocateAtMalformedTree(t *testing.T) {
	g := gaz(t)
	doc := nlp.Segment("Talks went well in Baku.")
	toks := doc.Sentences[0].Tokens
	heads := [][]int{
		{2, 1, 2, 5, 4, 2},   // a cycle between "Talks" and "went", "in" and "Baku"
		{9, -3, 0, 99, 4, 2}, // heads outside the sentence
	}
	for _, hs := range heads {
		for i := range toks {
			toks[i].Head = hs[i]
		}
		for at := -1; at <= len(toks); at++ {
			g.LocateAt(toks, nil, at)
		}
	}
	// A sound tree: "Baku" hangs from "went", whose subject "Talks" is
	// the trigger; the climb stops at the subject.
	for i, h := range []int{2, 0, 2, 5, 2, 2} {
		toks[i].Head, toks[i].Dep = h, []string{"nsubj", "root", "advmod", "case", "obl", "punct"}[i]
	}
	if m, ok := g.LocateAt(toks, nil, 0); ok {
		t.Errorf("place of the subject's event = %s, want none", m.Place.Name)
	}
	if m, ok := g.LocateAt(toks, nil, 1); !ok || m.Place.Name != "Baku" {
		t.Errorf("place of the verb's event = %v %v, want Baku", m.Place.Name, ok)
	}
}
