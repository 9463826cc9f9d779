package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/actor"
)

// codeFix maps the non-ISO codes some sources use for Kosovo to GeoNames'
// XKX, dyad's code; CAMEO's KSV stays an alias.
var codeFix = map[string]string{"UNK": "XKX", "KSV": "XKX", "KOS": "XKX"}

func fixCode(c string) string {
	c = strings.TrimSpace(c)
	if f, ok := codeFix[c]; ok {
		return f
	}
	return c
}

// countries reads the country sources: the ISO universe from
// datasets-country-codes (plus Kosovo from GeoNames), names, demonyms and
// capitals from all of them.
func (b *builder) countries(data string) error {
	independent := map[string]bool{}
	if err := b.dcc(data, independent); err != nil {
		return err
	}
	if err := b.geonames(data, independent); err != nil {
		return err
	}
	if err := b.mledoze(data, independent); err != nil {
		return err
	}
	if err := b.mordecai(data); err != nil {
		return err
	}
	return b.countryInfo(data, independent)
}

func readCSV(p string) ([]map[string]string, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("read %s: empty", p)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			if i < len(rec) {
				m[strings.TrimSpace(h)] = strings.TrimSpace(strings.ReplaceAll(rec[i], "\u00a0", " "))
			}
		}
		out = append(out, m)
	}
	return out, nil
}

var parenRE = regexp.MustCompile(`\s*\([^)]*\)`)

func (b *builder) isCountry(code string) bool {
	a, ok := b.actors[code]
	return ok && a.Type == actor.TypeCountry
}

func (b *builder) capital(code, capital string, independent map[string]bool, src string) {
	if independent[code] && capital != "" {
		b.addName(capital, code+"GOV", actor.KindCapital, src)
	}
}

func (b *builder) dcc(data string, independent map[string]bool) error {
	rows, err := readCSV(filepath.Join(data, "datasets-country-codes", "country-codes.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows {
		a3 := r["ISO3166-1-Alpha-3"]
		if len(a3) != 3 {
			continue
		}
		name := r["CLDR display name"]
		if name == "" {
			name = r["official_name_en"]
		}
		wd := r["wikidata_id"]
		if i := strings.LastIndex(wd, "/"); i >= 0 {
			wd = wd[i+1:]
		}
		b.addActor(actor.Actor{Code: a3, Type: actor.TypeCountry, Country: a3, Name: name,
			WikidataID: wd, Alpha2: r["ISO3166-1-Alpha-2"]}, srcDCC)
		independent[a3] = r["is_independent"] == "Yes"
		for _, n := range []string{r["CLDR display name"], r["official_name_en"]} {
			if !strings.Contains(n, " - ") { // CLDR's "Congo - Kinshasa" style is not news usage
				b.addName(n, a3, actor.KindName, srcDCC)
			}
		}
		short := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r["UNTERM English Short"]), "*"))
		short = strings.TrimSpace(strings.TrimSuffix(short, "(the)"))
		if short != "" && !strings.Contains(short, "(") {
			b.addName(short, a3, actor.KindName, srcDCC)
		}
		formal := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(r["UNTERM English Formal"]), "*"))
		formal = strings.TrimPrefix(formal, "the ")
		if formal != "" && !strings.Contains(formal, "(") {
			b.addName(formal, a3, actor.KindOfficial, srcDCC)
		}
		b.capital(a3, r["Capital"], independent, srcDCC)
	}
	return nil
}

func (b *builder) geonames(data string, independent map[string]bool) error {
	p := filepath.Join(data, "geonames", "countryInfo.txt")
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.HasPrefix(s, "#") || strings.TrimSpace(s) == "" {
			continue
		}
		fs := strings.Split(s, "\t")
		if len(fs) < 17 {
			return fmt.Errorf("%s:%d: %d fields, want >= 17", p, line, len(fs))
		}
		a2, a3, name, capital := fs[0], fs[1], fs[4], fs[5]
		if a3 == "XKX" && !b.isCountry(a3) {
			// Kosovo: not in ISO 3166, but a state in the news.
			b.addActor(actor.Actor{Code: "XKX", Type: actor.TypeCountry, Country: "XKX", Name: name,
				Alpha2: a2, Aliases: []string{"KSV", "UNK"}}, srcGeoNames)
			independent["XKX"] = true
		}
		if !b.isCountry(a3) {
			continue // former countries (ANT, SCG)
		}
		b.addActor(actor.Actor{Code: a3}, srcGeoNames)
		b.addName(name, a3, actor.KindName, srcGeoNames)
		b.capital(a3, capital, independent, srcGeoNames)
	}
	return sc.Err()
}

func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func (b *builder) mledoze(data string, independent map[string]bool) error {
	p := filepath.Join(data, "mledoze-countries", "countries.json")
	raw, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var cs []struct {
		Name struct {
			Common, Official string
			Native           map[string]struct{ Common, Official string }
		}
		CCA2, CCA3   string
		AltSpellings []string
		Capital      []string
		Demonyms     map[string]struct{ F, M string }
	}
	if err := json.Unmarshal(raw, &cs); err != nil {
		return fmt.Errorf("read %s: %w", p, err)
	}
	for _, c := range cs {
		code := fixCode(c.CCA3)
		if !b.isCountry(code) {
			continue
		}
		b.addActor(actor.Actor{Code: code}, srcMledoze).Name = c.Name.Common // "United States", not CLDR's "US"
		b.addName(c.Name.Common, code, actor.KindName, srcMledoze)
		b.addName(c.Name.Official, code, actor.KindOfficial, srcMledoze)
		var langs []string
		for l := range c.Name.Native {
			langs = append(langs, l)
		}
		slices.Sort(langs)
		for _, l := range langs {
			n := c.Name.Native[l]
			for _, s := range []string{n.Common, n.Official} {
				if isLatin(s) {
					b.addName(s, code, actor.KindAlt, srcMledoze)
				}
			}
		}
		for _, s := range c.AltSpellings {
			// two-letter codes (AZ, TR, IT, IN) are words or noise in text
			if len([]rune(s)) <= 2 || !isLatin(s) {
				continue
			}
			kind := actor.KindAlt
			if s == strings.ToUpper(s) && !strings.Contains(s, " ") {
				kind = actor.KindAbbr
			}
			b.addName(s, code, kind, srcMledoze)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			b.addName(d.M, code, actor.KindDemonym, srcMledoze)
			b.addName(d.F, code, actor.KindDemonym, srcMledoze)
		}
		for _, capital := range c.Capital {
			b.capital(code, capital, independent, srcMledoze)
		}
	}
	return nil
}

func (b *builder) mordecai(data string) error {
	rows, err := readCSV(filepath.Join(data, "mordecai", "nat_df.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows {
		code := fixCode(r["alpha_3_code"])
		if b.isCountry(code) {
			b.addActor(actor.Actor{Code: code}, srcMordecai)
			b.addName(r["nationality"], code, actor.KindDemonym, srcMordecai)
		}
	}
	return nil
}

// countryInfo reads CountryInfo's country names, <Nationality> lists
// (adjectives, synonyms, misspellings) and capitals.
func (b *builder) countryInfo(data string, independent map[string]bool) error {
	p := filepath.Join(data, "countryinfo", "CountryInfo.120116.txt")
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	tagRE := regexp.MustCompile(`^<([A-Za-z0-9 -]+)>(.*?)(</[^>]*>)?$`)
	code, section := "", ""
	inDoc := false
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(s, "<!--") {
			inDoc = true
		}
		if inDoc {
			if strings.Contains(s, "-->") {
				inDoc = false
			}
			continue
		}
		if i := strings.Index(s, "#"); i >= 0 {
			s = strings.TrimSpace(s[:i])
		}
		if s == "" {
			continue
		}
		if m := tagRE.FindStringSubmatch(s); m != nil {
			tag, val := m[1], strings.TrimSpace(m[2])
			switch tag {
			case "CountryCode":
				code = fixCode(val)
				section = ""
			case "CountryName":
				if b.isCountry(code) {
					b.addActor(actor.Actor{Code: code}, srcCountryInfo)
					b.addName(titleCase(dictName(val)), code, actor.KindName, srcCountryInfo)
				}
			default:
				section = tag
			}
			continue
		}
		if strings.HasPrefix(s, "</") {
			section = ""
			continue
		}
		if !b.isCountry(code) || strings.ContainsAny(s, "(),[") {
			continue
		}
		name := titleCase(dictName(s))
		switch section {
		case "Nationality":
			if acr := dictName(s); isAcronym(acr) {
				b.addName(acr, code, actor.KindAbbr, srcCountryInfo)
				continue
			}
			b.addName(name, code, actor.KindNationality, srcCountryInfo)
		case "Capital":
			b.capital(code, name, independent, srcCountryInfo)
		}
	}
	return sc.Err()
}

// isAcronym tells an acronym in an all-capitals dictionary: dotted, three
// letters or fewer, or without vowels (US, U.K., DPRK, TRNC).
func isAcronym(s string) bool {
	if strings.Contains(s, " ") {
		return false
	}
	return strings.Contains(s, ".") || len(s) <= 3 || !strings.ContainsAny(s, "AEIOU")
}

// plurals adds the plural of every demonym ("Azeris", "Azerbaijanis") and
// of CountryInfo nouns that begin a demonym of the same country ("Turk" of
// "Turkish": "Turks"), unless the plural names another actor already.
func (b *builder) plurals() {
	byCode := map[string][]string{}
	owner := map[string]map[string]bool{}
	var keys []nameKey
	for k, v := range b.names {
		keys = append(keys, k)
		if v.kind == actor.KindDemonym {
			byCode[k.code] = append(byCode[k.code], k.phrase)
		}
		f := actor.Fold(k.phrase)
		if owner[f] == nil {
			owner[f] = map[string]bool{}
		}
		owner[f][k.code] = true
	}
	slices.SortFunc(keys, func(x, y nameKey) int {
		if c := strings.Compare(x.phrase, y.phrase); c != 0 {
			return c
		}
		return strings.Compare(x.code, y.code)
	})
	for _, k := range keys {
		v := b.names[k]
		if strings.Contains(k.phrase, " ") {
			continue
		}
		noun := v.kind == actor.KindDemonym
		if v.kind == actor.KindNationality && len(k.phrase) >= 4 {
			for _, d := range byCode[k.code] {
				if len(d) > len(k.phrase) && strings.HasPrefix(d, k.phrase) {
					noun = true
				}
			}
		}
		if !noun {
			continue
		}
		pl := plural(k.phrase)
		if pl == "" {
			continue
		}
		others := false
		for c := range owner[actor.Fold(pl)] {
			if c != k.code {
				others = true
			}
		}
		if others {
			continue
		}
		for src := range v.srcs {
			b.addName(pl, k.code, actor.KindDemonym, src)
		}
	}
}

// plural is the English plural of a demonym noun, "" where the word is an
// adjective only (Turkish, Chinese, Swiss) or irregular.
func plural(w string) string {
	l := strings.ToLower(w)
	for _, suf := range []string{"ese", "ish", "ch", "sh", "s", "x", "z", "y"} {
		if strings.HasSuffix(l, suf) {
			return ""
		}
	}
	if strings.HasSuffix(l, "man") {
		return w[:len(w)-3] + "men"
	}
	return w + "s"
}
