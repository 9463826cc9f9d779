package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/actor"
)

// A small CountryInfo-format fixture, written for these tests (invented
// country QQQ and people; the format is CountryInfo's).
const ciFixture = `<Country>
<CountryCode>QQQ</CountryCode>
<CountryName>QUUXLAND</CountryName>
<Leaders>
	<Presidents>
		ANNA_ALPHA_				[19950101 - 20050301]  [B:19400101]
		BORIS_BETA_				[>20050301]  [B:19500101]
	</Presidents>
	<Prime ministers>
		CARL_GAMMA_				[19990101 - 19991231]
		DORA_DELTA_				[>20060101]
	</Prime ministers>
	<Kings>
		OLD_KING_				[19000101 - 19500101]
	</Kings>
</Leaders>
<Government>
	{EVA_EPSILON_}{EVA_EPSILONOVA_}	[QQQGOV <20040331][QQQGOV 20040501 - 20060430]	# Minister of Foreign Affairs
	FRED_ZETA_	[QQQGOV 20030101 - 20050131][QQQGOVMIL 20050201 - 20090630]	# Prime Minister & Minister of Defense
	GINA_ETA_	[QQQGOV >20090101]	# Deputy Minister of Defense
	HUGO_THETA_	[QQQGOV 20080101 - 20100131]	# Prime Minister
	IDA_IOTA_	[QQQGOV 20040101 - 20050101][QQQGOV 20060101 - 20070101][QQQGOV >20080101]	# Minister of Defense & Minister of Foreign Affairs
	JAN_KAPPA_	[QQQGOVMIL >20090931]	# Chief of the General Staff
</Government>
</Country>
`

const phxFixture = `# a comment
BORIS_BETA_  # CountryInfo.txt
+BORIS_BETAEV
+PRESIDENT_BORIS_BETA
	[QQQGOV 050301-090615]
	[QQQELI]
EVA_EPSILON_  # CountryInfo.txt
+EVA_EPSILONOVA_
	[QQQGOV 040501-060430]
`

func TestParseCountryInfo(t *testing.T) {
	terms, err := parseCountryInfo("fixture", strings.NewReader(ciFixture))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, st := range terms {
		got[st.ID+" "+string(st.Role)+" "+st.From.Format("2006-01-02")+" "+st.Until.Format("2006-01-02")] = true
	}
	for _, want := range []string{
		"ANNA_ALPHA HOS 1995-01-01 2005-03-01",
		"BORIS_BETA HOS 2005-03-01 2012-01-16", // open at the <Leaders> update: cut at the file's date
		"DORA_DELTA HOG 2006-01-01 2008-01-01", // closed where <Government> shows another prime minister
		"EVA_EPSILON FM 2003-01-01 2004-03-31", // "<": from the coverage start
		"EVA_EPSILON FM 2004-05-01 2006-04-30",
		"FRED_ZETA DM 2005-02-01 2009-06-30", // the second title goes with the second range
		"JAN_KAPPA CHIEF 2009-09-30 2011-02-28",
	} {
		if !got[want] {
			t.Errorf("missing term %s; have %v", want, got)
		}
	}
	for _, bad := range []string{
		"CARL_GAMMA HOG 1999-01-01 1999-12-31", // before 2000
		"FRED_ZETA DM 2003-01-01 2005-01-31",   // that range was prime minister
		"GINA_ETA DM 2009-01-01 2011-02-28",    // a deputy minister
	} {
		if got[bad] {
			t.Errorf("unexpected term %s", bad)
		}
	}
	for _, st := range terms {
		if st.ID == "IDA_IOTA" {
			t.Errorf("ambiguous line (3 ranges, 2 titles) imported: %+v", st.Term)
		}
		if st.ID == "EVA_EPSILON" && (len(st.Aliases) != 1 || st.Aliases[0] != "Eva Epsilonova") {
			t.Errorf("EVA_EPSILON aliases = %v", st.Aliases)
		}
		if st.ID == "EVA_EPSILON" && st.From.Year() == 2003 && !strings.Contains(st.Source, srcFromCover) {
			t.Errorf("coverage start not marked: %s", st.Source)
		}
	}
}

func TestRefineWithPhoenix(t *testing.T) {
	terms, err := parseCountryInfo("fixture", strings.NewReader(ciFixture))
	if err != nil {
		t.Fatal(err)
	}
	phx, err := parsePhoenixPersons("phx", strings.NewReader(phxFixture))
	if err != nil {
		t.Fatal(err)
	}
	for i := range terms {
		st := &terms[i]
		refine(st, phx)
		if st.ID != "BORIS_BETA" {
			continue
		}
		if got := st.Until.Format("2006-01-02"); got != "2009-06-15" || strings.Contains(st.Source, srcToCover) {
			t.Errorf("BORIS_BETA until %s (%s), want 2009-06-15 from Phoenix, no coverage mark", got, st.Source)
		}
		if strings.Join(st.Aliases, "|") != "Boris Betaev" {
			t.Errorf("BORIS_BETA aliases %v, want the Phoenix spelling without the title", st.Aliases)
		}
	}
}

func TestYMD(t *testing.T) {
	for in, want := range map[string]string{"20030931": "2003-09-30", "20040231": "2004-02-29", "20050101": "2005-01-01"} {
		if got := ymd(in).Format("2006-01-02"); got != want {
			t.Errorf("ymd(%s) = %s, want %s", in, got, want)
		}
	}
	for _, in := range []string{"2003", "20031301", "2003x101", "20030100"} {
		if !ymd(in).IsZero() {
			t.Errorf("ymd(%s) = %v, want zero", in, ymd(in))
		}
	}
	if got := yymmdd("140827").Format("2006-01-02"); got != "2014-08-27" {
		t.Errorf("yymmdd(140827) = %s", got)
	}
	if got := yymmdd("720101").Format("2006-01-02"); got != "1972-01-01" {
		t.Errorf("yymmdd(720101) = %s", got)
	}
}

// A curated term replaces the overlapping source terms of its country and
// role, keeps the others, and gives its name and Q-id to the person's rows.
func TestPersonsTableCurated(t *testing.T) {
	data := t.TempDir()
	for p, s := range map[string]string{
		"countryinfo/CountryInfo.120116.txt":                ciFixture,
		"phoenix-dictionaries/Phoenix.Countries.actors.txt": phxFixture,
	} {
		if err := os.MkdirAll(filepath.Join(data, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(data, p), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d := func(s string) time.Time { v, _ := time.Parse("2006-01-02", s); return v }
	curated := []actor.Term{
		{ID: "BORIS_BETA", Name: "Borís Beta", Role: actor.RoleHOS, Title: "president", Country: "QQQ", Sector: "GOV",
			From: d("2005-03-01"), Until: d("2015-01-01"), WikidataID: "Q1", Source: "dyad-curated; test"},
		{ID: "ANNA_ALPHA", Name: "Anna Alpha", Role: actor.RoleHOG, Title: "prime minister", Country: "QQQ", Sector: "GOV",
			From: d("2010-01-01"), Source: "dyad-curated; test"},
	}
	terms, err := personsTable(data, curated)
	if err != nil {
		t.Fatal(err)
	}
	var boris, hos, dora int
	for _, tm := range terms {
		if tm.ID == "BORIS_BETA" {
			boris++
			if tm.Until.Format("2006-01-02") != "2015-01-01" || tm.Name != "Borís Beta" {
				t.Errorf("Boris Beta's source term not replaced: %+v", tm)
			}
			if !strings.Contains(strings.Join(tm.Aliases, "|"), "Boris Betaev") {
				t.Errorf("curated term lacks the source spellings: %v", tm.Aliases)
			}
		}
		if tm.Country == "QQQ" && tm.Role == actor.RoleHOS {
			hos++
		}
		if tm.ID == "DORA_DELTA" {
			dora++ // 2006-2008, before the curated HOG term: kept
		}
		if tm.ID == "ANNA_ALPHA" && tm.Role == actor.RoleHOS && tm.WikidataID != "" {
			t.Errorf("Q-id leaked: %+v", tm)
		}
	}
	if boris != 1 || hos != 2 || dora != 1 {
		t.Errorf("Boris rows %d (want 1), QQQ HOS rows %d (want 2), Dora rows %d (want 1): %+v", boris, hos, dora, terms)
	}
}

func FuzzParseCountryInfo(f *testing.F) {
	f.Add(ciFixture)
	f.Add("<CountryCode>QQQ</CountryCode>\n<Government>\n\tA_ [QQQGOV <20031399]\t# Minister of Defense & x\n")
	f.Add("<CountryCode>Q\n<Leaders>\n<Kings>\nA_ [>99999999]\n")
	f.Fuzz(func(t *testing.T, s string) {
		terms, err := parseCountryInfo("fuzz", strings.NewReader(s))
		if err != nil {
			return
		}
		for _, st := range terms {
			if st.From.IsZero() || st.Until.Before(st.From) || st.ID == "" {
				t.Fatalf("bad term %+v from %q", st.Term, s)
			}
		}
	})
}

func FuzzParsePhoenixPersons(f *testing.F) {
	f.Add(phxFixture)
	f.Add("A_\n\t[QQ 999999-]\n+\n[")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parsePhoenixPersons("fuzz", strings.NewReader(s))
		if err != nil {
			return
		}
		for k, p := range m {
			if len(p.ranges) == 0 || !strings.Contains(k, "/") {
				t.Fatalf("bad entry %q %+v", k, p)
			}
		}
	})
}
