package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/geo/fold"
)

// Stats counts what Generate wrote.
type Stats struct {
	Places, AltsSeen, AltsKept, Admin1, Countries int
}

type country struct {
	iso2, iso3, name string
	id, pop          int
	aliases          []string
}

type place struct {
	id                int
	name, ascii, iso3 string
	admin1            string // "CC.code" or ""
	lat, lon, fcode   string
	pop               int
	alts              []string
}

// countryAliases are English names of countries that countryInfo.txt does
// not carry: short forms, former names in current use, acronyms. The
// project's own list.
var countryAliases = map[string][]string{
	"USA": {"United States of America", "America", "US", "U.S.", "USA", "U.S.A."},
	"GBR": {"Britain", "Great Britain", "UK", "U.K."},
	"NLD": {"Netherlands", "Holland"},
	"CIV": {"Côte d'Ivoire", "Cote d'Ivoire"},
	"CZE": {"Czech Republic"},
	"MKD": {"Macedonia"},
	"MMR": {"Burma"},
	"COD": {"DR Congo", "DRC", "Congo-Kinshasa"},
	"COG": {"Congo-Brazzaville"},
	"PSE": {"Palestine", "Palestinian Territories"},
	"PRK": {"DPRK"},
	"TUR": {"Türkiye", "Turkiye"},
	"RUS": {"Russian Federation"},
	"SWZ": {"Swaziland"},
	"CPV": {"Cape Verde"},
	"TLS": {"East Timor"},
	"VAT": {"Vatican", "Vatican City", "Holy See"},
	"BIH": {"Bosnia"},
	"VNM": {"Viet Nam"},
	"ARE": {"UAE", "Emirates"},
	"GMB": {"The Gambia"},
	"BHS": {"The Bahamas"},
	"KOR": {"Republic of Korea"},
	"MDA": {"Republic of Moldova"},
	"FSM": {"Federated States of Micronesia"},
}

// region is a place that GeoNames' cities and first-level divisions miss but
// news names often: contested regions and their seats. The project's own
// list; coordinates are those of the region's main town.
type region struct {
	name    string
	aliases []string
	iso3    string
	lat     string
	lon     string
	pop     int
	feature string // RGN for a region, PPLA for a town
}

var regions = []region{
	{"Nagorno-Karabakh", []string{"Karabakh", "Nagorny Karabakh", "Artsakh", "Upper Karabakh"}, "AZE", "39.8153", "46.7519", 150000, "RGN"},
	{"Khankendi", []string{"Stepanakert", "Xankendi", "Xankəndi", "Xankǝndi", "Khankandi"}, "AZE", "39.8153", "46.7519", 55000, "PPLA"},
	{"Donbas", []string{"Donbass"}, "UKR", "48.0159", "37.8029", 6500000, "RGN"},
	{"South Ossetia", []string{"Tskhinvali Region"}, "GEO", "42.2276", "43.9686", 53000, "RGN"},
	{"Transnistria", []string{"Transdniestria", "Pridnestrovie"}, "MDA", "46.8403", "29.6433", 470000, "RGN"},
	{"Iraqi Kurdistan", []string{"Kurdistan Region", "Kurdistan"}, "IRQ", "36.1901", "44.0091", 6000000, "RGN"},
	{"Darfur", nil, "SDN", "13.6279", "25.3494", 9000000, "RGN"},
	{"Sinai", []string{"Sinai Peninsula"}, "EGY", "31.1316", "33.7984", 600000, "RGN"},
	{"Golan Heights", []string{"Golan"}, "SYR", "32.9925", "35.6900", 50000, "RGN"},
	{"Zangezur", []string{"Zangezur corridor"}, "ARM", "39.2077", "46.4058", 140000, "RGN"},
}

// adminAffixes are the generic words GeoNames writes around division names
// ("Syunik Province", "Republic of Crimea"); a division is also known by
// its name without them.
var (
	adminSuffixes = []string{" Province", " Governorate", " Region", " Oblast", " Oblast'", " State", " Rayon",
		" Prefecture", " District", " County", " Department", " Voivodeship", " Municipality"}
	adminPrefixes = []string{"Republic of ", "Raionul ", "Mayorality of ", "Gorod ", "Provincia de ", "Province of ", "Departamento de "}
)

func adminAliases(name string) []string {
	short := name
	for _, s := range adminSuffixes {
		short = strings.TrimSuffix(short, s)
	}
	for _, p := range adminPrefixes {
		short = strings.TrimPrefix(short, p)
	}
	if short == name || len(fold.Key(short)) < 3 {
		return nil
	}
	return []string{short}
}

// Generate reads the sources under data and the project's list of common
// English words that are also place names (words: geo/data/common-words.txt)
// and returns the gzip'd gazetteer.
func Generate(data, words string) ([]byte, Stats, error) {
	var st Stats
	common, err := readWords(words)
	if err != nil {
		return nil, st, err
	}
	countries, err := readCountries(filepath.Join(data, "geonames", "countryInfo.txt"))
	if err != nil {
		return nil, st, err
	}
	admin1, err := readAdmin1(filepath.Join(data, "mordecai", "admin1CodesASCII.json"))
	if err != nil {
		return nil, st, err
	}
	iso3 := make(map[string]string, len(countries))
	for _, c := range countries {
		iso3[c.iso2] = c.iso3
	}
	demonyms, err := readDemonyms(filepath.Join(data, "mordecai", "nat_df.csv"))
	if err != nil {
		return nil, st, err
	}
	// An alternate name is dropped when it is a common English word, a
	// demonym ("Thai" for Alor Setar), a continent ("Africa" for Mahdia)
	// or another country's name.
	drop := map[string]string{}
	for k := range common {
		drop[k] = "*"
	}
	for k := range demonyms {
		drop[k] = "*"
	}
	for _, k := range []string{"africa", "asia", "europe", "america", "oceania", "antarctica", "arctic", "middle east"} {
		drop[k] = "*"
	}
	for _, c := range countries {
		drop[fold.Key(c.name)] = c.iso3
		for _, a := range c.aliases {
			drop[fold.Key(a)] = c.iso3
		}
	}
	places, err := readCities(filepath.Join(data, "geonames", "cities15000.zip"), iso3, drop, &st)
	if err != nil {
		return nil, st, err
	}

	var buf bytes.Buffer
	buf.WriteString("# dyad gazetteer, generated by cmd/geogen from GeoNames cities15000, countryInfo and admin1 names.\n")
	buf.WriteString("# Contains data from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.\n")
	buf.WriteString("# C iso3 iso2 geonameid name aliases(|) population\n")
	buf.WriteString("# A admin1key(CC.code) iso3 name aliases(|)\n")
	buf.WriteString("# R name aliases(|) iso3 lat lon population featurecode (the project's own list of regions)\n")
	buf.WriteString("# P geonameid name asciiname alternates(|) iso3 admin1key lat lon population featurecode\n")
	for _, c := range countries {
		fmt.Fprintf(&buf, "C\t%s\t%s\t%d\t%s\t%s\t%d\n", c.iso3, c.iso2, c.id, c.name, strings.Join(c.aliases, "|"), c.pop)
		st.Countries++
	}
	used := map[string]bool{}
	for _, p := range places {
		if p.admin1 != "" {
			used[p.admin1] = true
		}
	}
	keys := make([]string, 0, len(admin1))
	for k := range admin1 {
		if used[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		cc, _, _ := strings.Cut(k, ".")
		name := clean(admin1[k])
		fmt.Fprintf(&buf, "A\t%s\t%s\t%s\t%s\n", k, iso3[cc], name, strings.Join(adminAliases(name), "|"))
		st.Admin1++
	}
	for _, r := range regions {
		fmt.Fprintf(&buf, "R\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", r.name, strings.Join(r.aliases, "|"), r.iso3, r.lat, r.lon, r.pop, r.feature)
	}
	for _, p := range places {
		a1 := p.admin1
		if _, ok := admin1[a1]; !ok {
			a1 = ""
		}
		fmt.Fprintf(&buf, "P\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n",
			p.id, p.name, p.ascii, strings.Join(p.alts, "|"), p.iso3, a1, p.lat, p.lon, p.pop, p.fcode)
		st.Places++
	}

	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, st, err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return nil, st, err
	}
	if err := zw.Close(); err != nil {
		return nil, st, err
	}
	return out.Bytes(), st, nil
}

// clean removes the characters that would break the TSV format.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', '|':
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

func readCountries(path string) ([]country, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []country
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		col := strings.Split(s, "\t")
		if len(col) < 17 {
			return nil, fmt.Errorf("%s:%d: %d columns, want at least 17", path, line, len(col))
		}
		c := country{iso2: col[0], iso3: col[1], name: clean(col[4])}
		if len(c.iso2) != 2 || len(c.iso3) != 3 {
			return nil, fmt.Errorf("%s:%d: bad ISO codes %q %q", path, line, col[0], col[1])
		}
		if c.pop, err = atoi0(col[7]); err != nil {
			return nil, fmt.Errorf("%s:%d: population: %w", path, line, err)
		}
		if c.id, err = atoi0(col[16]); err != nil {
			return nil, fmt.Errorf("%s:%d: geonameid: %w", path, line, err)
		}
		// "The Netherlands" is also "Netherlands"; the article is optional.
		if rest, ok := strings.CutPrefix(c.name, "The "); ok {
			c.aliases = append(c.aliases, rest)
		}
		for _, a := range countryAliases[c.iso3] {
			if !slices.Contains(c.aliases, a) && a != c.name {
				c.aliases = append(c.aliases, a)
			}
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	slices.SortFunc(out, func(a, b country) int { return strings.Compare(a.iso3, b.iso3) })
	return out, nil
}

func atoi0(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

func readAdmin1(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// The file is written by pandas and has one bare NaN (MC.00), which is
	// not JSON: read it as null, a missing name.
	b = bytes.ReplaceAll(b, []byte(": NaN"), []byte(": null"))
	var m map[string]string
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	for k, v := range m {
		if strings.TrimSpace(v) == "" {
			delete(m, k)
		}
	}
	return m, nil
}

// readWords reads a list of folded keys, one a line, # comments.
func readWords(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m, nil
}

// readDemonyms reads Mordecai's nat_df.csv (nationality,alpha_3_code) and
// returns the folded demonyms.
func readDemonyms(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1 // one row lacks its comma ("BermudianBMU")
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	m := map[string]bool{}
	for i, r := range recs {
		if i == 0 || len(r) < 1 {
			continue
		}
		if k := fold.Key(r[0]); k != "" {
			m[k] = true
		}
	}
	return m, nil
}

func readCities(path string, iso3 map[string]string, drop map[string]string, st *Stats) ([]place, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var zf *zip.File
	for _, f := range zr.File {
		if f.Name == "cities15000.txt" {
			zf = f
		}
	}
	if zf == nil {
		return nil, fmt.Errorf("%s: no cities15000.txt inside", path)
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s in %s: %w", zf.Name, path, err)
	}
	defer rc.Close()
	return parseCities(rc, path, iso3, drop, st)
}

func parseCities(r io.Reader, name string, iso3 map[string]string, drop map[string]string, st *Stats) ([]place, error) {
	var out []place
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		col := strings.Split(sc.Text(), "\t")
		if len(col) != 19 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 19", name, line, len(col))
		}
		var p place
		var err error
		if p.id, err = strconv.Atoi(col[0]); err != nil {
			return nil, fmt.Errorf("%s:%d: geonameid: %w", name, line, err)
		}
		p.name, p.ascii = clean(col[1]), clean(col[2])
		if p.ascii == p.name {
			p.ascii = ""
		}
		if _, err := strconv.ParseFloat(col[4], 64); err != nil {
			return nil, fmt.Errorf("%s:%d: latitude: %w", name, line, err)
		}
		if _, err := strconv.ParseFloat(col[5], 64); err != nil {
			return nil, fmt.Errorf("%s:%d: longitude: %w", name, line, err)
		}
		p.lat, p.lon, p.fcode = col[4], col[5], col[7]
		c, ok := iso3[col[8]]
		if !ok {
			return nil, fmt.Errorf("%s:%d: country code %q not in countryInfo", name, line, col[8])
		}
		p.iso3 = c
		if col[10] != "" {
			p.admin1 = col[8] + "." + col[10]
		}
		if p.pop, err = atoi0(col[14]); err != nil {
			return nil, fmt.Errorf("%s:%d: population: %w", name, line, err)
		}
		seen := map[string]bool{fold.Key(p.name): true, fold.Key(p.ascii): true}
		for _, a := range strings.Split(col[3], ",") {
			if a == "" {
				continue
			}
			st.AltsSeen++
			a = clean(a)
			if !keepAlt(a) {
				continue
			}
			k := fold.Key(a)
			if d, ok := drop[k]; k == "" || seen[k] || (ok && d != p.iso3) {
				continue
			}
			seen[k] = true
			p.alts = append(p.alts, a)
			st.AltsKept++
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	slices.SortFunc(out, func(a, b place) int { return a.id - b.id })
	return out, nil
}

// keepAlt reports whether an alternate name is worth keeping for English
// text: Latin script only, starting with a capital letter, at least three
// letters, no digits, and not an all-capitals code (airport codes like
// "BAK", abbreviations). The long tail of other scripts and lower-case
// romanisations ("ba ku") is dropped to keep the file small.
func keepAlt(s string) bool {
	letters, upper := 0, 0
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			if i == 0 && !unicode.IsUpper(r) {
				return false
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.Is(unicode.Mn, r):
		case r == ' ' || r == '-' || r == '.' || fold.IsApostrophe(r) || r == '(' || r == ')':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return letters >= 3 && upper < letters
}
