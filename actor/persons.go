package actor

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Role is an office a person holds, the role column of the persons table.
type Role string

// Roles of office holders. The sector a term emits is GOV for the first
// four and MIL for CHIEF.
const (
	RoleHOS   Role = "HOS"   // head of state: president, king, emir, supreme leader
	RoleHOG   Role = "HOG"   // head of government: prime minister, chancellor, premier
	RoleFM    Role = "FM"    // foreign minister (US secretary of state)
	RoleDM    Role = "DM"    // defence minister
	RoleCHIEF Role = "CHIEF" // chief of the general staff (or equivalent: army chief)
	// RoleHead is the head of an international organisation: UN and NATO
	// secretaries-general, presidents of the European Commission and Council.
	RoleHead Role = "HEAD"
)

// roleRank orders the offices of one person at one date: a king who is
// also prime minister is looked up as the king.
var roleRank = map[Role]int{RoleHOS: 0, RoleHOG: 1, RoleHead: 2, RoleFM: 3, RoleDM: 4, RoleCHIEF: 5}

// FormatPersons is the header of a persons table: one term of office a row.
// id is the person's code (upper-case ASCII, the same on every row of one
// person), name the canonical name, role one of [Role], title the office as
// news names it in lower case ("president", "prime minister", "emir",
// "foreign minister"), country and sector the code the term emits
// (TUR + GOV = TURGOV), from and until the term (until empty: in office),
// wikidata the person's Q-id, aliases other spellings (comma-separated),
// source where the row comes from.
const FormatPersons = "id\tname\trole\ttitle\tcountry\tsector\tfrom\tuntil\twikidata\taliases\tsource"

// Term is one row of a persons table: a person in one office for one
// period.
type Term struct {
	ID         string    // person code: RECEP_TAYYIP_ERDOGAN
	Name       string    // Recep Tayyip Erdoğan
	Role       Role      // HOS, HOG, FM, DM, CHIEF, HEAD
	Title      string    // president, prime minister, foreign minister...
	Country    string    // TUR, or an organisation's code (UN, NATO, EU)
	Sector     string    // GOV, MIL, IGO
	From       time.Time // start of the term
	Until      time.Time // end of the term; zero: in office
	WikidataID string    // Q-id of the person
	Aliases    []string  // other spellings: Erdogan, Tayyip Erdogan
	Source     string    // where the row comes from
}

// ValidAt reports whether the term covers date d (a zero d: always).
func (t *Term) ValidAt(d time.Time) bool { return validAt(t.From, t.Until, d) }

func validRole(r Role) bool { _, ok := roleRank[r]; return ok }

func parseTerm(f []string) (Term, error) {
	if len(f) != 11 {
		return Term{}, fmt.Errorf("%d fields, want 11 (%s)", len(f), strings.ReplaceAll(FormatPersons, "\t", " "))
	}
	t := Term{ID: f[0], Name: f[1], Role: Role(f[2]), Title: f[3], Country: f[4], Sector: f[5],
		WikidataID: f[8], Source: f[10]}
	if err := checkCode("id", t.ID, false); err != nil {
		return t, err
	}
	if strings.TrimSpace(t.Name) == "" || !hasWord(tokenize(t.Name, nil)) {
		return t, fmt.Errorf("name %q has no words", t.Name)
	}
	if !validRole(t.Role) {
		return t, fmt.Errorf("role %q: want HOS, HOG, FM, DM, CHIEF or HEAD", f[2])
	}
	if t.Title != strings.ToLower(t.Title) || strings.TrimSpace(t.Title) == "" {
		return t, fmt.Errorf("title %q: want the office in lower case", t.Title)
	}
	if err := checkCode("country", t.Country, false); err != nil {
		return t, err
	}
	if err := checkCode("sector", t.Sector, t.Role == RoleHead); err != nil {
		return t, err // an organisation's head may be the organisation itself: UN
	}
	if t.WikidataID != "" && !isQID(t.WikidataID) {
		return t, fmt.Errorf("wikidata %q: want Q followed by digits", t.WikidataID)
	}
	if f[9] != "" {
		for _, a := range strings.Split(f[9], ",") {
			if a = strings.TrimSpace(a); a != "" && hasWord(tokenize(a, nil)) {
				t.Aliases = append(t.Aliases, a)
			}
		}
	}
	var err error
	if t.From, t.Until, err = parseRange(f[6], f[7]); err != nil {
		return t, err
	}
	if t.From.IsZero() {
		return t, errors.New("empty from: a term needs its start date")
	}
	if t.Source == "" {
		return t, errors.New("empty source")
	}
	return t, nil
}

// WritePersons writes a persons table, rows in the order given.
func WritePersons(w io.Writer, comments []string, terms []Term) error {
	bw := bufio.NewWriter(w)
	writeComments(bw, comments)
	bw.WriteString(FormatPersons + "\n")
	for _, t := range terms {
		bw.WriteString(strings.Join([]string{t.ID, clean(t.Name), string(t.Role), clean(t.Title), t.Country, t.Sector,
			fmtDate(t.From), fmtDate(t.Until), t.WikidataID, clean(strings.Join(t.Aliases, ",")), clean(t.Source)}, "\t"))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// office keys the terms of one country by title or role.
type office struct{ country, title string }

// persons is the KB's index of terms.
type persons struct {
	terms    []Term
	byID     map[string][]int32  // person id -> terms, by start date
	byOffice map[office][]int32  // country, title -> terms, by start date
	byRole   map[office][]int32  // country, role -> terms, by start date
	surname  map[string][]string // folded surname -> person ids, sorted
}

func newPersons(terms []Term) *persons {
	p := &persons{terms: terms, byID: map[string][]int32{}, byOffice: map[office][]int32{},
		byRole: map[office][]int32{}, surname: map[string][]string{}}
	for i, t := range terms {
		p.byID[t.ID] = append(p.byID[t.ID], int32(i))
		ko, kr := office{t.Country, t.Title}, office{t.Country, string(t.Role)}
		p.byOffice[ko] = append(p.byOffice[ko], int32(i))
		p.byRole[kr] = append(p.byRole[kr], int32(i))
		for _, n := range append([]string{t.Name}, t.Aliases...) {
			if s := surnameOf(n); s != "" && !slices.Contains(p.surname[s], t.ID) {
				p.surname[s] = append(p.surname[s], t.ID)
			}
		}
	}
	byFrom := func(a, b int32) int {
		return cmp.Or(terms[a].From.Compare(terms[b].From), cmp.Compare(roleRank[terms[a].Role], roleRank[terms[b].Role]))
	}
	for _, v := range p.byID {
		slices.SortStableFunc(v, byFrom)
	}
	for _, m := range []map[office][]int32{p.byOffice, p.byRole} {
		for _, v := range m {
			slices.SortStableFunc(v, byFrom)
		}
	}
	for _, v := range p.surname {
		slices.Sort(v)
	}
	return p
}

// surnameOf is the folded last word of a name of two words or more
// ("Ilham Aliyev" -> "aliyev"), "" for one-word names. Arabic
// patronymic chains keep their family name ("Tamim bin Hamad Al Thani" ->
// "al thani").
func surnameOf(name string) string {
	f := strings.Fields(Fold(name))
	if len(f) < 2 {
		return ""
	}
	last := f[len(f)-1]
	if len(f) >= 3 {
		switch f[len(f)-2] {
		case "al", "el", "von", "van", "de", "der":
			return f[len(f)-2] + " " + last
		}
	}
	return last
}

// termActor is the actor a term emits: country + sector, with the
// person's name and Q-id.
func termActor(t *Term) Actor {
	return Actor{Code: t.Country + t.Sector, Country: t.Country, Sector: t.Sector, Name: t.Name,
		WikidataID: t.WikidataID, Type: TypePerson, Role: t.Role, From: t.From, Until: t.Until, Source: t.Source, PersonID: t.ID}
}

// PersonAt returns the actor of the person with the given id (a
// [KindPerson] name's code) at date: the office held that day (TURGOV,
// Role HOS); after the end of the last term before date the person is
// country + ELI with Former set; before the first term, country + ELI.
// The zero date gives the latest office. ok is false for an unknown id.
func (kb *KB) PersonAt(id string, date time.Time) (Actor, bool) {
	ts := kb.persons.byID[id]
	if len(ts) == 0 {
		return Actor{}, false
	}
	terms := kb.persons.terms
	if date.IsZero() {
		return termActor(&terms[ts[len(ts)-1]]), true
	}
	best := int32(-1)
	var last int32 = -1 // last term ended before date
	for _, i := range ts {
		t := &terms[i]
		if t.ValidAt(date) {
			if best < 0 || roleRank[t.Role] < roleRank[terms[best].Role] {
				best = i
			}
			continue
		}
		if !t.Until.IsZero() && t.Until.Before(date) && (last < 0 || t.Until.After(terms[last].Until)) {
			last = i
		}
	}
	if best >= 0 {
		return termActor(&terms[best]), true
	}
	a := termActor(&terms[ts[0]])
	if last >= 0 {
		a = termActor(&terms[last])
		a.Former = true
	}
	a.Sector = "ELI"
	a.Code = a.Country + "ELI"
	a.From, a.Until = time.Time{}, time.Time{}
	return a, true
}

// Terms returns a copy of the terms of the person with the given id, by
// start date.
func (kb *KB) Terms(id string) []Term {
	var out []Term
	for _, i := range kb.persons.byID[id] {
		out = append(out, kb.persons.terms[i])
	}
	return out
}

// Persons returns a copy of all terms of office.
func (kb *KB) Persons() []Term { return slices.Clone(kb.persons.terms) }

// titles maps the folded office words of news ("prime minister",
// "defense secretary") to the offices of the persons table they may mean:
// titles of the table, or "@" and a role (any title of that role: the US
// secretary of state and the British foreign secretary are both FM).
var titles = map[string][]string{
	"president":      {"president"},
	"prime minister": {"prime minister", "premier", "chancellor"},
	"premier":        {"premier", "prime minister"},
	"pm":             {"prime minister"},
	"chancellor":     {"chancellor"},
	"king":           {"king", "monarch"},
	"queen":          {"queen", "monarch"},
	"monarch":        {"monarch", "king", "queen"},
	"emperor":        {"emperor"},
	"emir":           {"emir"},
	"amir":           {"emir"},
	"sultan":         {"sultan"},
	"supreme leader": {"supreme leader"},

	"foreign minister":                      {"@FM"},
	"foreign secretary":                     {"@FM"},
	"minister of foreign affairs":           {"@FM"},
	"secretary of state":                    {"@FM"},
	"external affairs minister":             {"@FM"},
	"defence minister":                      {"@DM"},
	"defense minister":                      {"@DM"},
	"minister of defence":                   {"@DM"},
	"minister of defense":                   {"@DM"},
	"defence secretary":                     {"@DM"},
	"defense secretary":                     {"@DM"},
	"secretary of defense":                  {"@DM"},
	"army chief":                            {"@CHIEF"},
	"chief of general staff":                {"@CHIEF"},
	"chief of the general staff":            {"@CHIEF"},
	"chief of staff of the army":            {"@CHIEF"},
	"chief of defence staff":                {"@CHIEF"},
	"chief of the defence staff":            {"@CHIEF"},
	"chairman of the joint chiefs":          {"@CHIEF"},
	"chairman of the joint chiefs of staff": {"@CHIEF"},

	"secretary general":           {"secretary-general"},
	"commission president":        {"commission president"},
	"president of the commission": {"commission president"},
	"council president":           {"council president"},
	"president of the council":    {"council president"},
}

// TitleOffices returns the persons-table offices an office phrase of news
// may mean ("Prime Minister" -> prime minister, premier, chancellor;
// "Secretary of State" -> @FM: any foreign minister), nil when the phrase
// names no office the table knows.
func TitleOffices(phrase string) []string {
	if t, ok := titles[phrase]; ok { // already folded: the sector names' phrases
		return t
	}
	return titles[Fold(phrase)]
}

// Holder returns the person holding the office named by title (a phrase
// of news: "President", "foreign minister", "Defense Secretary") in country
// (an alpha-3 or organisation code) on date: "TUR", "President",
// 2021-02-18 is Recep Tayyip Erdoğan as TURGOV. ok is false when the
// title is no office, the date is zero or no holder is known that day.
func (kb *KB) Holder(country, title string, date time.Time) (Actor, bool) {
	if date.IsZero() {
		return Actor{}, false
	}
	for _, off := range TitleOffices(title) {
		idx := kb.persons.byOffice[office{country, off}]
		if role, ok := strings.CutPrefix(off, "@"); ok {
			idx = kb.persons.byRole[office{country, role}]
		}
		if a, ok := kb.holder(idx, date); ok {
			return a, true
		}
	}
	return Actor{}, false
}

// HolderOf returns the holder of a role (HOS, HOG, FM, DM, CHIEF, HEAD) in
// country on date.
func (kb *KB) HolderOf(country string, role Role, date time.Time) (Actor, bool) {
	if date.IsZero() {
		return Actor{}, false
	}
	return kb.holder(kb.persons.byRole[office{country, string(role)}], date)
}

// holder is the term of ts valid at date, the one begun last when terms
// overlap (an acting holder's successor).
func (kb *KB) holder(ts []int32, date time.Time) (Actor, bool) {
	// ts is sorted by start: the last term begun on or before date
	k, _ := slices.BinarySearchFunc(ts, date, func(i int32, d time.Time) int {
		if kb.persons.terms[i].From.After(d) {
			return 1
		}
		return -1
	})
	for j := k - 1; j >= 0; j-- {
		t := &kb.persons.terms[ts[j]]
		if t.ValidAt(date) {
			return termActor(t), true
		}
	}
	return Actor{}, false
}

// Surname returns the persons whose surname (the last word of a name of
// two words or more: "Aliyev", "Rahimov", "Al Thani") is word, as actors
// at date: those in office that day first, then the most recent holders.
// The coder uses it for short names ("Aliyev said"). Nil when none.
func (kb *KB) Surname(word string, date time.Time) []Actor {
	ids := kb.persons.surname[Fold(word)]
	if len(ids) == 0 {
		return nil
	}
	type cand struct {
		a    Actor
		last time.Time // end of the latest term (far future: in office)
	}
	cs := make([]cand, 0, len(ids))
	for _, id := range ids {
		a, _ := kb.PersonAt(id, date)
		var last time.Time
		for _, i := range kb.persons.byID[id] {
			t := &kb.persons.terms[i]
			u := t.Until
			if u.IsZero() {
				u = farFuture
			}
			if !date.IsZero() && t.From.After(date) {
				continue // not yet in office: known only by later fame
			}
			if u.After(last) {
				last = u
			}
		}
		cs = append(cs, cand{a, last})
	}
	slices.SortStableFunc(cs, func(x, y cand) int {
		xin, yin := !date.IsZero() && x.a.Sector != "ELI", !date.IsZero() && y.a.Sector != "ELI"
		if xin != yin {
			if xin {
				return -1
			}
			return 1
		}
		return y.last.Compare(x.last)
	})
	out := make([]Actor, len(cs))
	for i, c := range cs {
		out[i] = c.a
	}
	return out
}

var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// personNames are the trie names of the persons table: every name and
// alias of two words or more, and one-word aliases of curated rows (the
// sources' one-word entries are often bare given names: "Abdullah").
func personNames(terms []Term) []Name {
	var out []Name
	seen := map[string]bool{}
	for _, t := range terms {
		for k, n := range append([]string{t.Name}, t.Aliases...) {
			key := t.ID + "\x00" + Fold(n)
			if seen[key] {
				continue
			}
			words := len(strings.Fields(Fold(n)))
			if words < 2 && (k == 0 || !strings.Contains(t.Source, "dyad")) {
				continue
			}
			seen[key] = true
			out = append(out, Name{Phrase: n, Code: t.ID, Kind: KindPerson, Case: CaseTitle, Source: t.Source})
		}
	}
	return out
}
