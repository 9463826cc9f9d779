package geo

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/dyad-events/dyad/geo/fold"
	"github.com/dyad-events/dyad/internal/gunzip"
)

// Feature codes of the places that are not GeoNames populated places.
const (
	FeatureCountry = "PCLI" // a country: its name, placed at its capital
	FeatureAdmin1  = "ADM1" // a first-level division: placed at its seat
	FeatureRegion  = "RGN"  // a region the project lists (Nagorno-Karabakh, Donbas): placed at its main town
)

// Place is one gazetteer entry: a populated place, a first-level
// administrative division or a country.
type Place struct {
	GeoNames   int     // GeoNames id; a country's own id; 0 for a division
	Name       string  // the GeoNames name ("Şuşa", "Kyiv")
	ASCII      string  // the GeoNames ASCII name ("Susa")
	Country    string  // ISO 3166-1 alpha-3
	Admin1     string  // name of the first-level division it lies in, or ""
	Lat, Lon   float64 // WGS84 degrees
	Population int     // a division's is the sum of its places in the gazetteer
	Feature    string  // GeoNames feature code: PPLC capital, PPLA division seat, PPLA2..., PPL; or PCLI, ADM1
}

// IsCountry reports whether p stands for a whole country.
func (p Place) IsCountry() bool { return p.Feature == FeatureCountry }

// IsAdmin1 reports whether p stands for a first-level division.
func (p Place) IsAdmin1() bool { return p.Feature == FeatureAdmin1 }

// cand is one place a key names.
type cand struct {
	place int32
	alt   bool // by an alternate name, not the place's own name
	acro  bool // an acronym ("US", "UAE"): found in text only in capitals
}

// entry is everything one key names.
type entry struct {
	cands  []cand
	common bool // the key is a common English word (data/common-words.txt)
}

// Gazetteer is the set of places and the indexes over their names. It is
// immutable once built and safe for concurrent use.
type Gazetteer struct {
	places  []Place
	entries []entry
	keys    map[string]int32 // folded name -> entry
	country map[string]int32 // ISO3 -> the country's place

	// The matcher's hashed trie over folded words: every proper word
	// prefix of a multi-word key ("rio", "rio de") is in prefix; keys
	// holds the complete ones.
	prefix   map[string]bool
	maxDepth int

	pool sync.Pool // *scratch
}

//go:embed data/gazetteer.tsv.gz data/common-words.txt
var dataFS embed.FS

var loadDefault = sync.OnceValues(func() (*Gazetteer, error) {
	gz, err := dataFS.Open("data/gazetteer.tsv.gz")
	if err != nil {
		return nil, err
	}
	defer gz.Close()
	words, err := dataFS.Open("data/common-words.txt")
	if err != nil {
		return nil, err
	}
	defer words.Close()
	return Load(gz, words)
})

// Default returns the gazetteer embedded in the binary, loading it on first
// use. The error is only ever set if the embedded data is broken.
func Default() (*Gazetteer, error) { return loadDefault() }

// maxGazetteer bounds the decompressed size of a gazetteer (the embedded
// one is about 3 MB).
const maxGazetteer = 1 << 30

// Load reads a gazetteer in the format cmd/geogen writes (gzip'd) and a
// list of common English words (one folded key a line, # comments). Errors
// name the line.
func Load(gazetteer, commonWords io.Reader) (*Gazetteer, error) {
	common, err := readWords(commonWords)
	if err != nil {
		return nil, fmt.Errorf("read common words: %w", err)
	}
	data, err := gunzip.ReadAll(gazetteer, maxGazetteer)
	if err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	// Size the maps from the line count: about 3.5 names a place.
	lines := bytes.Count(data, []byte{'\n'}) + 1
	b := &builder{
		g: &Gazetteer{
			keys:    make(map[string]int32, lines*7/2),
			country: make(map[string]int32, 256),
			prefix:  make(map[string]bool, lines),
			places:  make([]Place, 0, lines+4096),
			entries: make([]entry, 0, lines*7/2),
		},
		cityAlts: make([][]string, 0, lines),
		common:   common,
		admins:   make(map[string]int32, 4096),
		pairs:    make([]pair, 0, lines*4),
	}
	if err := b.read(bytes.NewReader(data)); err != nil {
		return nil, err
	}
	b.finish()
	g := b.g
	g.pool.New = func() any { return new(scratch) }
	return g, nil
}

func readWords(r io.Reader) (map[string]bool, error) {
	m := map[string]bool{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.HasPrefix(l, "#") {
			m[fold.Key(l)] = true
		}
	}
	return m, sc.Err()
}

type countryRow struct {
	iso3, name string
	id, pop    int
	aliases    []string
}

type adminRow struct {
	iso3, name string
	aliases    []string
	pop        int
	seat       int32 // the largest PPLA, else the largest place; -1 none
	seatPPLA   bool
}

type builder struct {
	g         *Gazetteer
	common    map[string]bool
	countries []countryRow
	adminRows []adminRow
	admins    map[string]int32 // "CC.code" -> adminRows index
	cityAlts  [][]string
	buf       []byte
	pairs     []pair

	regions     []Place
	regionNames [][]string
}

func (b *builder) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	line := 0
	var col []string
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		col = col[:0]
		for f := range strings.SplitSeq(s, "\t") {
			col = append(col, f)
		}
		var err error
		switch col[0] {
		case "C":
			err = b.countryLine(col)
		case "A":
			err = b.adminLine(col)
		case "P":
			err = b.placeLine(col)
		case "R":
			err = b.regionLine(col)
		default:
			err = fmt.Errorf("unknown record kind %q", col[0])
		}
		if err != nil {
			return fmt.Errorf("gazetteer line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer line %d: %w", line+1, err)
	}
	return nil
}

func (b *builder) countryLine(col []string) error {
	if len(col) != 7 {
		return fmt.Errorf("country: %d columns, want 7", len(col))
	}
	id, err1 := strconv.Atoi(col[3])
	pop, err2 := strconv.Atoi(col[6])
	if err1 != nil || err2 != nil {
		return fmt.Errorf("country %s: bad number", col[1])
	}
	c := countryRow{iso3: col[1], name: col[4], id: id, pop: pop}
	if col[5] != "" {
		c.aliases = strings.Split(col[5], "|")
	}
	b.countries = append(b.countries, c)
	return nil
}

func (b *builder) adminLine(col []string) error {
	if len(col) != 5 {
		return fmt.Errorf("admin1: %d columns, want 5", len(col))
	}
	a := adminRow{iso3: col[2], name: col[3], seat: -1}
	if col[4] != "" {
		a.aliases = strings.Split(col[4], "|")
	}
	b.admins[col[1]] = int32(len(b.adminRows))
	b.adminRows = append(b.adminRows, a)
	return nil
}

func (b *builder) regionLine(col []string) error {
	if len(col) != 8 {
		return fmt.Errorf("region: %d columns, want 8", len(col))
	}
	lat, err1 := strconv.ParseFloat(col[4], 64)
	lon, err2 := strconv.ParseFloat(col[5], 64)
	pop, err3 := strconv.Atoi(col[6])
	if err1 != nil || err2 != nil || err3 != nil {
		return fmt.Errorf("region %s: bad number", col[1])
	}
	p := Place{Name: col[1], ASCII: col[1], Country: col[3], Lat: lat, Lon: lon, Population: pop, Feature: col[7]}
	var names []string
	if col[2] != "" {
		names = strings.Split(col[2], "|")
	}
	b.regions = append(b.regions, p)
	b.regionNames = append(b.regionNames, names)
	return nil
}

func (b *builder) placeLine(col []string) error {
	if len(col) != 11 {
		return fmt.Errorf("place: %d columns, want 11", len(col))
	}
	id, err := strconv.Atoi(col[1])
	if err != nil {
		return fmt.Errorf("place id %q: %w", col[1], err)
	}
	lat, err1 := strconv.ParseFloat(col[7], 64)
	lon, err2 := strconv.ParseFloat(col[8], 64)
	pop, err3 := strconv.Atoi(col[9])
	if err1 != nil || err2 != nil || err3 != nil {
		return fmt.Errorf("place %d: bad number", id)
	}
	p := Place{GeoNames: id, Name: col[2], ASCII: col[3], Country: col[5], Lat: lat, Lon: lon, Population: pop, Feature: col[10]}
	if p.ASCII == "" {
		p.ASCII = p.Name
	}
	idx := int32(len(b.g.places))
	if col[6] != "" {
		ai, ok := b.admins[col[6]]
		if !ok {
			return fmt.Errorf("place %d: unknown admin1 %q", id, col[6])
		}
		a := &b.adminRows[ai]
		p.Admin1 = a.name
		a.pop += pop
		isSeat := p.Feature == "PPLA" || p.Feature == "PPLC"
		if a.seat < 0 || (isSeat && !a.seatPPLA) || (isSeat == a.seatPPLA && pop > b.g.places[a.seat].Population) {
			a.seat, a.seatPPLA = idx, isSeat
		}
	}
	b.g.places = append(b.g.places, p)
	var alts []string
	if col[4] != "" {
		alts = strings.Split(col[4], "|")
	}
	b.cityAlts = append(b.cityAlts, alts)
	return nil
}

// finish adds the divisions and countries as places and indexes all names.
func (b *builder) finish() {
	g := b.g
	nCities := len(g.places)
	// A country is placed at its capital (the most populous PPLC), else
	// at its most populous place; countries without places are left out.
	capital := map[string]int32{}
	for i := range nCities {
		p := &g.places[i]
		c, ok := capital[p.Country]
		if !ok {
			capital[p.Country] = int32(i)
			continue
		}
		q := &g.places[c]
		if (p.Feature == "PPLC") != (q.Feature == "PPLC") {
			if p.Feature == "PPLC" {
				capital[p.Country] = int32(i)
			}
		} else if p.Population > q.Population {
			capital[p.Country] = int32(i)
		}
	}
	for i := range nCities {
		p := g.places[i]
		b.index(p.Name, int32(i), false)
		if p.ASCII != p.Name {
			b.index(p.ASCII, int32(i), false)
		}
		for _, a := range b.cityAlts[i] {
			b.index(a, int32(i), true)
		}
	}
	for _, a := range b.adminRows {
		if a.seat < 0 {
			continue
		}
		s := g.places[a.seat]
		idx := int32(len(g.places))
		g.places = append(g.places, Place{Name: a.name, ASCII: a.name, Country: a.iso3, Admin1: a.name,
			Lat: s.Lat, Lon: s.Lon, Population: a.pop, Feature: FeatureAdmin1})
		b.index(a.name, idx, false)
		for _, al := range a.aliases {
			b.index(al, idx, false)
		}
	}
	for i, r := range b.regions {
		idx := int32(len(g.places))
		g.places = append(g.places, r)
		b.index(r.Name, idx, false)
		for _, n := range b.regionNames[i] {
			b.index(n, idx, false)
		}
	}
	for _, c := range b.countries {
		ci, ok := capital[c.iso3]
		if !ok {
			continue
		}
		s := g.places[ci]
		idx := int32(len(g.places))
		g.places = append(g.places, Place{GeoNames: c.id, Name: c.name, ASCII: c.name, Country: c.iso3,
			Lat: s.Lat, Lon: s.Lon, Population: c.pop, Feature: FeatureCountry})
		g.country[c.iso3] = idx
		b.index(c.name, idx, false)
		for _, a := range c.aliases {
			b.index(a, idx, false)
		}
	}
	b.fill()
	// A division named like a place inside it is that place: "Istanbul",
	// "New York", "Baki" are the cities.
	for ei := range g.entries {
		e := &g.entries[ei]
		kept := e.cands[:0]
		for _, c := range e.cands {
			p := &g.places[c.place]
			if p.IsAdmin1() && b.hasCityIn(e.cands, p) {
				continue
			}
			kept = append(kept, c)
		}
		e.cands = kept
	}
	b.cityAlts = nil
}

func (b *builder) hasCityIn(cands []cand, a *Place) bool {
	for _, c := range cands {
		p := &b.g.places[c.place]
		if !p.IsAdmin1() && !p.IsCountry() && p.Country == a.Country && p.Admin1 == a.Name {
			return true
		}
	}
	return false
}

// index adds one name of a place to the key map and the trie.
func (b *builder) index(name string, place int32, alt bool) {
	g := b.g
	b.buf = fold.AppendKey(b.buf[:0], name)
	if len(b.buf) == 0 {
		return
	}
	ei, ok := g.keys[string(b.buf)]
	if !ok {
		key := string(b.buf)
		ei = int32(len(g.entries))
		g.keys[key] = ei
		g.entries = append(g.entries, entry{common: b.common[key]})
		b.insert(key)
	}
	b.pairs = append(b.pairs, pair{ei, cand{place: place, alt: alt, acro: isAcronym(name)}})
}

// pair is one (name, place) of the index before the candidates are laid
// out, all entries' in one backing array.
type pair struct {
	entry int32
	c     cand
}

// fill lays out the candidates of every entry in one array, in the order
// they were indexed, each place once (by its own name if it has both).
func (b *builder) fill() {
	g := b.g
	count := make([]int32, len(g.entries))
	for _, p := range b.pairs {
		count[p.entry]++
	}
	backing := make([]cand, len(b.pairs))
	off := int32(0)
	for i := range g.entries {
		g.entries[i].cands = backing[off : off : off+count[i]]
		off += count[i]
	}
next:
	for _, p := range b.pairs {
		e := &g.entries[p.entry]
		for i, c := range e.cands {
			if c.place == p.c.place {
				if c.alt && !p.c.alt {
					e.cands[i].alt = false
				}
				continue next
			}
		}
		e.cands = append(e.cands, p.c)
	}
	b.pairs = nil
}

// isAcronym reports whether a name is written in capitals only ("US",
// "U.S.", "UAE").
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 0 && n <= 4
}

// insert adds the proper word prefixes of key to the matcher's trie.
func (b *builder) insert(key string) {
	depth := 1
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			depth++
			b.g.prefix[key[:i]] = true
		}
	}
	b.g.maxDepth = max(b.g.maxDepth, depth)
}

// Len returns the number of places: populated places, divisions, countries.
func (g *Gazetteer) Len() int { return len(g.places) }

// Names returns the number of distinct folded names.
func (g *Gazetteer) Names() int { return len(g.entries) }

// Country returns the place of a country by its ISO 3166-1 alpha-3 code.
func (g *Gazetteer) Country(iso3 string) (Place, bool) {
	i, ok := g.country[strings.ToUpper(iso3)]
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}
