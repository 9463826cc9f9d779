package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-events/dyad/actor"
)

// The persons step: office holders (heads of state and government, foreign
// and defence ministers, chiefs of general staff) with their terms, from
// CountryInfo's <Leaders> and <Government> blocks, refined by the Phoenix
// country dictionary (a later CountryInfo, 2014: more spellings, closed
// terms), and the project's curated rows (cmd/kbgen/curated/persons.tsv)
// for the years after the sources and for what they lack. A curated term
// replaces the source terms of the same country and role that overlap it.

// since: terms ending before this date are left out.
var since = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Coverage dates of the sources. CountryInfo's <Government> block runs
// from Jan-2003 ("<date": in office when coding began) to Feb-2011 (">":
// still in office); its <Leaders> were last updated, country by country,
// up to the file's date (16-Jan-2012). The Phoenix dictionary was built from
// CountryInfo.140130 (30-Jan-2014). An open end is cut at the coverage end
// and the row's source says so ("until-coverage"), as a start at the
// coverage start does ("from-coverage"): the knowledge base does not claim
// someone is in office after its sources stop.
var (
	govStart     = time.Date(2003, 1, 1, 0, 0, 0, 0, time.UTC)
	govEnd       = time.Date(2011, 2, 28, 0, 0, 0, 0, time.UTC)
	leadersEnd   = time.Date(2012, 1, 16, 0, 0, 0, 0, time.UTC)
	phoenixEnd   = time.Date(2014, 1, 30, 0, 0, 0, 0, time.UTC)
	srcFromCover = "from-coverage"
	srcToCover   = "until-coverage"
)

// leaderTitles maps CountryInfo's <Leaders> sub-tags to role and title.
var leaderTitles = map[string][2]string{
	"presidents": {"HOS", "president"}, "president": {"HOS", "president"},
	"interim president": {"HOS", "president"}, "heads of state": {"HOS", "head of state"},
	"head of state":   {"HOS", "head of state"},
	"prime ministers": {"HOG", "prime minister"}, "prime minister": {"HOG", "prime minister"},
	"co-prime_ministers": {"HOG", "prime minister"}, "premiers": {"HOG", "premier"}, "premier": {"HOG", "premier"},
	"heads of government": {"HOG", "head of government"}, "chiefs of government": {"HOG", "head of government"},
	"chancellors": {"HOG", "chancellor"},
	"kings":       {"HOS", "king"}, "king": {"HOS", "king"}, "emirs": {"HOS", "emir"}, "sultans": {"HOS", "sultan"},
	"leader of the revolution": {"HOS", "supreme leader"},
}

// leaderOverride: countries whose sub-tag means another role: Iran's
// president heads the government under the Supreme Leader; Kuwait's
// "rulers" are its emirs; the British block holds territories' officers.
var leaderOverride = map[string][2]string{
	"IRN/presidents": {"HOG", "president"},
	"KWT/rulers":     {"HOS", "emir"},
}

var (
	fmRE    = regexp.MustCompile(`^(Minister (of|for) (Foreign Affairs|Foreign Relations|External Relations|External Affairs)( and (International )?Cooperation| and Trade| and Worship| and Foreign Trade| and External Trade)?|Secretary of State for Foreign (and Commonwealth )?(Affairs|Relations)|Foreign Minister)$`)
	usFMRE  = regexp.MustCompile(`^Secretary of State$`)
	dmRE    = regexp.MustCompile(`^(Minister (of|for) (National )?Defen[cs]e( and National Security)?|Secretary of (National )?Defen[cs]e|Secretary of State for Defen[cs]e|Defen[cs]e Minister)$`)
	chiefRE = regexp.MustCompile(`^(Chief of (the )?(General|Defen[cs]e) Staff|Chairman of the Joint Chiefs of Staff|Chief of Staff of the Armed Forces)$`)
	rangeRE = regexp.MustCompile(`\[\s*(?:([A-Z]{3,})\s+)?([<>]?)\s*(\d{8})\s*(?:-\s*(\d{8}))?\s*\]`)
)

// honorifics are dropped from the start of a source name (kept as an alias).
var honorifics = map[string]bool{"SHEIKH": true, "HOJATOLISLAM": true, "HOJJATOLESLAM": true, "AYATOLLAH": true,
	"GENERAL": true, "GEN.": true, "DR.": true, "DR": true, "SIR": true}

type srcTerm struct {
	actor.Term
	open bool // the source says "still in office" at its coverage end
}

// govHead is a head of state or government in CountryInfo's <Government>
// block (2003-2011): dated more carefully than the <Leaders> block, whose
// last update differs from country to country.
type govHead struct {
	country, title, id string
	from, until        time.Time
	open               bool
}

// govHeadTitles: <Government> titles of heads, as <Leaders> titles.
var govHeadTitles = map[string]string{"prime minister": "prime minister", "president": "president",
	"premier": "premier", "chancellor": "chancellor", "king": "king", "emir": "emir", "amir": "emir",
	"sultan": "sultan", "supreme leader": "supreme leader"}

// personsFromCountryInfo parses the <Leaders> and <Government> blocks. A
// leader still in office at the <Leaders> update is closed where the
// <Government> block says otherwise (see closeStale).
func personsFromCountryInfo(path string) ([]srcTerm, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseCountryInfo(path, f)
}

// parseCountryInfo reads CountryInfo text from r; name is used in messages.
func parseCountryInfo(path string, r io.Reader) ([]srcTerm, error) {
	var out []srcTerm
	var heads []govHead
	ambiguous := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var country, block, sub string
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(s, "<CountryCode>"):
			country, _, _ = strings.Cut(strings.TrimPrefix(s, "<CountryCode>"), "<")
			country = strings.TrimSpace(country)
			continue
		case s == "<Leaders>" || s == "<Government>":
			block, sub = s, ""
			continue
		case s == "</Leaders>" || s == "</Government>":
			block = ""
			continue
		case strings.HasPrefix(s, "</"):
			sub = ""
			continue
		case strings.HasPrefix(s, "<") && block == "<Leaders>":
			sub = strings.ToLower(strings.Trim(s, "<>"))
			continue
		}
		if block == "" || s == "" || strings.HasPrefix(s, "#") || country == "" {
			continue
		}
		body, comment, _ := strings.Cut(s, "#")
		names := ciNames(body)
		if len(names) == 0 {
			continue
		}
		if block == "<Leaders>" {
			rt, ok := leaderOverride[country+"/"+sub]
			if !ok {
				rt, ok = leaderTitles[sub]
			}
			if !ok || (country == "GBR" && sub != "prime ministers") {
				continue
			}
			for _, m := range rangeRE.FindAllStringSubmatch(body, -1) {
				t, ok := ciRange(m, leadersEnd)
				if !ok {
					continue
				}
				t.Role, t.Title, t.Country, t.Sector = actor.Role(rt[0]), rt[1], country, "GOV"
				t.Source = addSrc(t.Source, srcCountryInfo)
				out = append(out, withNames(t, names))
			}
			continue
		}
		// <Government>: the title after '#' says the office; several
		// offices ("Prime Minister & Minister of Defense") go with the
		// bracketed ranges in order; one title goes with every range, several
		// with one range were all held then; other lines are ambiguous and
		// left out.
		parts := strings.Split(strings.TrimSpace(comment), "&")
		ranges := rangeRE.FindAllStringSubmatch(body, -1)
		type pair struct {
			m    []string
			part string
		}
		var pairs []pair
		switch {
		case len(parts) == len(ranges):
			for i := range ranges {
				pairs = append(pairs, pair{ranges[i], parts[i]})
			}
		case len(parts) == 1 || len(ranges) == 1: // one office throughout, or several offices in one period
			for _, m := range ranges {
				for _, p := range parts {
					pairs = append(pairs, pair{m, p})
				}
			}
		default:
			if slices.ContainsFunc(parts, relevantTitle) {
				ambiguous++
			}
			continue
		}
		for _, pr := range pairs {
			m := pr.m
			part := strings.TrimSpace(strings.Trim(strings.TrimSpace(pr.part), `"`))
			var role actor.Role
			var title, sector string
			switch {
			case fmRE.MatchString(part) || (country == "USA" && usFMRE.MatchString(part)):
				role, title, sector = actor.RoleFM, "foreign minister", "GOV"
			case dmRE.MatchString(part):
				role, title, sector = actor.RoleDM, "defence minister", "GOV"
			case chiefRE.MatchString(part):
				role, title, sector = actor.RoleCHIEF, "chief of general staff", "MIL"
			default:
				if h, ok := govHeadTitles[strings.ToLower(part)]; ok {
					if t, ok := ciRange(m, govEnd); ok {
						heads = append(heads, govHead{country: country, title: h, id: withNames(t, names).ID,
							from: t.From, until: t.Until, open: strings.Contains(t.Source, srcToCover)})
					}
				}
				continue
			}
			t, ok := ciRange(m, govEnd)
			if !ok {
				continue
			}
			t.Role, t.Title, t.Country, t.Sector = role, title, country, sector
			t.Source = addSrc(t.Source, srcCountryInfo)
			out = append(out, withNames(t, names))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	if ambiguous > 0 {
		fmt.Fprintf(os.Stderr, "kbgen: %s: %d <Government> lines of heads, foreign or defence ministers or chiefs left out: titles and date ranges do not pair\n", path, ambiguous)
	}
	closeStale(out, heads)
	return out, nil
}

// closeStale ends a <Leaders> term left open at the file's update where the
// <Government> block (2003-2011) shows the same office closed for that
// person, or another person in it later.
func closeStale(terms []srcTerm, heads []govHead) {
	for i := range terms {
		t := &terms[i]
		if !t.open || (t.Role != actor.RoleHOS && t.Role != actor.RoleHOG) {
			continue
		}
		end := time.Time{}
		sameOpen := false
		var sameClosed time.Time
		for _, h := range heads {
			if h.country != t.Country || h.title != t.Title {
				continue
			}
			if h.id == t.ID {
				if h.open {
					sameOpen = true
				} else if h.until.After(t.From) && h.until.After(sameClosed) {
					sameClosed = h.until
				}
				continue
			}
			if h.from.After(t.From.AddDate(0, 0, 30)) && (end.IsZero() || h.from.Before(end)) {
				end = h.from
			}
		}
		if !sameOpen && !sameClosed.IsZero() && (end.IsZero() || sameClosed.Before(end)) {
			end = sameClosed
		}
		if end.IsZero() {
			continue
		}
		t.Until, t.open = end, false
		t.Source = dropSrc(t.Source, srcToCover)
	}
}

func dropSrc(src, drop string) string {
	return strings.Join(slices.DeleteFunc(strings.Split(src, ","), func(s string) bool { return s == drop }), ",")
}

// relevantTitle: a <Government> title this step imports.
func relevantTitle(p string) bool {
	p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), `"`))
	_, head := govHeadTitles[strings.ToLower(p)]
	return head || fmRE.MatchString(p) || dmRE.MatchString(p) || chiefRE.MatchString(p)
}

// ciNames reads the names of a CountryInfo person line: NAME_ or
// {NAME_}{OTHER_} before the first '['.
func ciNames(body string) []string {
	head, _, _ := strings.Cut(body, "[")
	head = strings.TrimSpace(head)
	var raw []string
	if strings.Contains(head, "{") {
		for _, p := range strings.Split(head, "{") {
			if p, _, _ = strings.Cut(p, "}"); strings.TrimSpace(p) != "" {
				raw = append(raw, p)
			}
		}
	} else if head != "" {
		raw = []string{head}
	}
	var out []string
	for _, r := range raw {
		if n := personName(r); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// personName turns a dictionary name into words: RECEP_TAYYIP_ERDOGAN_ ->
// Recep Tayyip Erdogan; "" for anything with no letters.
func personName(raw string) string {
	raw = strings.ReplaceAll(raw, "`", "'")
	w := strings.Fields(strings.ReplaceAll(raw, "_", " "))
	if len(w) == 0 || personID(strings.Join(w, " ")) == "" || !strings.ContainsFunc(raw, unicode.IsLetter) {
		return ""
	}
	return titleCase(strings.Join(w, " "))
}

// ciRange reads one [CODE from - until], [>from], [<until] of CountryInfo.
func ciRange(m []string, coverEnd time.Time) (actor.Term, bool) {
	var t actor.Term
	var srcs []string
	d1 := ymd(m[3])
	switch {
	case m[2] == "<": // in office at coverage start until d1
		t.From, t.Until = govStart, d1
		srcs = append(srcs, srcFromCover)
	case m[2] == ">": // from d1, in office at coverage end
		t.From, t.Until = d1, coverEnd
		srcs = append(srcs, srcToCover)
	case m[4] != "":
		t.From, t.Until = d1, ymd(m[4])
	default:
		return t, false
	}
	if t.From.IsZero() || t.Until.IsZero() || t.Until.Before(since) || t.Until.Before(t.From) {
		return t, false
	}
	t.Source = strings.Join(srcs, ",")
	return t, true
}

// ymd parses YYYYMMDD, clamping impossible days (20030931 -> 20030930).
func ymd(s string) time.Time {
	if len(s) != 8 {
		return time.Time{}
	}
	var y, mo, d int
	if _, err := fmt.Sscanf(s, "%4d%2d%2d", &y, &mo, &d); err != nil || y < 1000 || mo < 1 || mo > 12 || d < 1 {
		return time.Time{}
	}
	last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return time.Date(y, time.Month(mo), min(d, last), 0, 0, 0, 0, time.UTC)
}

// withNames sets the canonical name (honorifics dropped) and aliases.
func withNames(t actor.Term, names []string) srcTerm {
	var all []string
	for _, n := range names {
		w := strings.Fields(n)
		for len(w) > 2 && honorifics[strings.ToUpper(w[0])] {
			w = w[1:]
		}
		all = append(all, strings.Join(w, " "))
		if len(w) != len(strings.Fields(n)) {
			all = append(all, n)
		}
	}
	t.Name = all[0]
	for _, a := range all[1:] {
		if !slices.Contains(t.Aliases, a) && a != t.Name {
			t.Aliases = append(t.Aliases, a)
		}
	}
	t.ID = personID(t.Name)
	return srcTerm{Term: t, open: strings.Contains(t.Source, srcToCover)}
}

// personID is the person code: the folded name in capitals, words joined
// by '_' (Recep Tayyip Erdoğan -> RECEP_TAYYIP_ERDOGAN).
func personID(name string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(strings.Join(strings.Fields(actor.Fold(name)), "_")) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// phoenixPerson is one entry of Phoenix.Countries.actors.txt.
type phoenixPerson struct {
	names  []string
	ranges []phoenixRange
}

type phoenixRange struct {
	code        string
	from, until time.Time // zero: open
}

var phxRangeRE = regexp.MustCompile(`\[([A-Z]+)\s+([<>]?)(\d{6})(?:-(\d{6}))?\]`)

// phoenixPersons reads the Phoenix country dictionary's entries that have
// dated codes, keyed by country code + folded name.
func phoenixPersons(path string) (map[string]*phoenixPerson, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parsePhoenixPersons(path, f)
}

// parsePhoenixPersons reads a Phoenix actor dictionary from r.
func parsePhoenixPersons(path string, r io.Reader) (map[string]*phoenixPerson, error) {
	out := map[string]*phoenixPerson{}
	var cur *phoenixPerson
	flush := func() {
		if cur == nil || len(cur.ranges) == 0 {
			return
		}
		seen := map[string]bool{}
		for _, r := range cur.ranges {
			c := r.code[:3]
			if seen[c] {
				continue
			}
			seen[c] = true
			for _, n := range cur.names {
				k := c + "/" + actor.Fold(n)
				if _, ok := out[k]; !ok {
					out[k] = cur
				}
			}
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Text()
		s := strings.TrimSpace(raw)
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if body, _, _ := strings.Cut(s, "#"); strings.TrimSpace(body) == "" {
			continue
		}
		switch {
		case strings.HasPrefix(s, "+"):
			if cur != nil {
				if n := personName(strings.TrimPrefix(strings.Fields(s)[0], "+")); n != "" {
					cur.names = append(cur.names, n)
				}
			}
		case strings.HasPrefix(s, "["):
			if cur == nil {
				continue
			}
			for _, m := range phxRangeRE.FindAllStringSubmatch(s, -1) {
				r := phoenixRange{code: m[1]}
				d1 := yymmdd(m[3])
				switch {
				case m[2] == ">":
					r.from = d1
				case m[2] == "<":
					r.until = d1
				case m[4] != "":
					r.from, r.until = d1, yymmdd(m[4])
				}
				if len(r.code) >= 3 {
					cur.ranges = append(cur.ranges, r)
				}
			}
		case raw != "" && raw[0] != ' ' && raw[0] != '\t':
			flush()
			cur = &phoenixPerson{}
			head := strings.Fields(s)[0]
			head, _, _ = strings.Cut(head, "[")
			if n := personName(head); n != "" {
				cur.names = append(cur.names, n)
			}
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	return out, nil
}

// yymmdd parses the dictionary's two-digit years: 00-30 are 20xx.
func yymmdd(s string) time.Time {
	if len(s) != 6 {
		return time.Time{}
	}
	c := "19"
	if s[:2] <= "30" {
		c = "20"
	}
	return ymd(c + s)
}

// titleWords mark a Phoenix alias that includes an office ("PRIME MINISTER
// RECEP ERDOGAN"): not a name.
var titleWords = []string{"president", "minister", "premier", "king", "prince", "emir", "general", "chancellor",
	"secretary", "chairman", "leader", "sheikh", "ayatollah", "sultan", "spokesman", "mr", "mrs", "dr"}

func nameOnly(n string) bool {
	for _, w := range strings.Fields(actor.Fold(n)) {
		if slices.Contains(titleWords, w) {
			return false
		}
	}
	return true
}

// refine adds the Phoenix spellings of a person, and closes a term left
// open at CountryInfo's coverage end when Phoenix has the same office
// (a dated code of the country, not ELI) starting within 45 days.
func refine(t *srcTerm, phx map[string]*phoenixPerson) {
	var p *phoenixPerson
	for _, n := range append([]string{t.Name}, t.Aliases...) {
		if p = phx[t.Country+"/"+actor.Fold(n)]; p != nil {
			break
		}
	}
	if p == nil {
		return
	}
	for _, n := range p.names {
		if nameOnly(n) && actor.Fold(n) != actor.Fold(t.Name) && !slices.ContainsFunc(t.Aliases, func(a string) bool { return actor.Fold(a) == actor.Fold(n) }) {
			t.Aliases = append(t.Aliases, n)
		}
	}
	t.Source = addSrc(t.Source, srcPhoenix)
	if !t.open {
		return
	}
	// the same office begun within 45 days: a closed range ends the
	// term; only open ranges: still in office in 2014
	var closed time.Time
	open := false
	for _, r := range p.ranges {
		if !strings.HasPrefix(r.code, t.Country) || strings.HasSuffix(r.code, "ELI") || r.from.IsZero() {
			continue
		}
		if d := r.from.Sub(t.From); d < -45*24*time.Hour || d > 45*24*time.Hour {
			continue
		}
		switch {
		case !r.until.IsZero() && !r.until.Before(t.From):
			if r.until.After(closed) {
				closed = r.until
			}
		case r.until.IsZero():
			open = true
		}
	}
	switch {
	case !closed.IsZero():
		t.Until, t.open = closed, false
		t.Source = dropSrc(t.Source, srcToCover)
	case open && phoenixEnd.After(t.Until):
		t.Until = phoenixEnd // still open in 2014: coverage end moves on
	}
}

func addSrc(src, add string) string {
	parts := strings.Split(src, ",")
	if !slices.Contains(parts, add) {
		parts = append(parts, add)
	}
	slices.Sort(parts)
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), ",")
}

// persons builds the persons table: source terms refined by Phoenix, then
// curated terms replacing the overlapping source terms of their country
// and role. Curated ids, names and Q-ids win for every row of a person.
func personsTable(data string, curated []actor.Term) ([]actor.Term, error) {
	ci, err := personsFromCountryInfo(filepath.Join(data, "countryinfo", "CountryInfo.120116.txt"))
	if err != nil {
		return nil, fmt.Errorf("persons: %w", err)
	}
	phx, err := phoenixPersons(filepath.Join(data, "phoenix-dictionaries", "Phoenix.Countries.actors.txt"))
	if err != nil {
		return nil, fmt.Errorf("persons: %w", err)
	}
	type office struct{ country, role string }
	cur := map[office][]actor.Term{}
	byID := map[string]actor.Term{}
	for _, t := range curated {
		cur[office{t.Country, string(t.Role)}] = append(cur[office{t.Country, string(t.Role)}], t)
		if _, ok := byID[t.ID]; !ok || t.WikidataID != "" {
			byID[t.ID] = t
		}
	}
	overlaps := func(a, b actor.Term) bool {
		au, bu := a.Until, b.Until
		if au.IsZero() {
			au = farFuture
		}
		if bu.IsZero() {
			bu = farFuture
		}
		return a.From.Before(bu) && b.From.Before(au) // a handover day (until = next from) is no overlap
	}
	var out []actor.Term
	for i := range ci {
		t := &ci[i]
		refine(t, phx)
		if slices.ContainsFunc(cur[office{t.Country, string(t.Role)}], func(c actor.Term) bool { return overlaps(c, t.Term) }) {
			continue
		}
		if c, ok := byID[t.ID]; ok {
			for _, a := range append([]string{t.Name}, t.Aliases...) {
				if actor.Fold(a) != actor.Fold(c.Name) && !slices.Contains(t.Aliases, a) {
					t.Aliases = append(t.Aliases, a)
				}
			}
			t.Name, t.WikidataID = c.Name, c.WikidataID
			t.Aliases = slices.DeleteFunc(t.Aliases, func(a string) bool { return a == c.Name })
		}
		out = append(out, t.Term)
	}
	// curated rows gather the sources' spellings of their person too
	spell := map[string][]string{}
	for _, t := range ci {
		spell[t.ID] = append(spell[t.ID], append([]string{t.Name}, t.Aliases...)...)
	}
	for _, t := range curated {
		for _, a := range spell[t.ID] {
			if actor.Fold(a) != actor.Fold(t.Name) && !slices.ContainsFunc(t.Aliases, func(x string) bool { return actor.Fold(x) == actor.Fold(a) }) {
				t.Aliases = append(t.Aliases, a)
			}
		}
		out = append(out, t)
	}
	// one row per (id, role, country, from): the first wins (curated last
	// only when no source row had that start)
	slices.SortStableFunc(out, func(a, b actor.Term) int {
		return cmp.Or(strings.Compare(a.Country, b.Country), strings.Compare(string(a.Role), string(b.Role)),
			a.From.Compare(b.From), strings.Compare(a.ID, b.ID))
	})
	out = slices.CompactFunc(out, func(a, b actor.Term) bool {
		return a.ID == b.ID && a.Role == b.Role && a.Country == b.Country && a.From.Equal(b.From)
	})
	for i := range out {
		slices.Sort(out[i].Aliases)
		out[i].Aliases = slices.Compact(out[i].Aliases)
	}
	return out, nil
}

var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// personsHeader: provenance and licences of persons.tsv.
var personsHeader = []string{
	"Generated by cmd/kbgen (go run ./cmd/kbgen -data ../shared/data -out actor/data); do not edit, edit the generator or cmd/kbgen/curated/persons.tsv.",
	"Office holders' terms: HOS, HOG, FM, DM, CHIEF (chief of general staff), HEAD (of an organisation); one term a row; until empty: in office.",
	"Sources: countryinfo, CountryInfo.120116.txt by P. A. Schrodt (CC BY-SA 3.0): <Leaders> and <Government> (2003-01 to 2011-02);",
	"phoenix-dictionaries, Open Event Data Alliance (MIT): spellings and terms closed by 2014; dyad-curated: the project's rows, each citing its source",
	"(Wikidata Q-ids are CC0). from-coverage / until-coverage in the source column: the date is the source's coverage start / end, not the term's.",
	"This data file is distributed under CC BY-SA 4.0 (share-alike of CountryInfo); see NOTICE.",
}
