package actor

// PETRARCH/TABARI dictionary import: the actor and agent dictionaries of
// PETRARCH2 and the Phoenix pipeline, read into a [Table] that [New] or
// [KB.With] turns into a knowledge base.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// PetrarchDict is what a PETRARCH dictionary file yields: knowledge-base
// rows, and the entries that could not be expressed (each "file:line:
// reason"), which a caller may report.
type PetrarchDict struct {
	Table   *Table
	Skipped []string
}

// petrarchScanner reads a PETRARCH dictionary line by line, dropping
// comments: '#' to the end of the line and XML comments "<!-- ... -->",
// which may span lines (PETRARCH itself only knows one-line ones; TABARI
// files use both). A line starting with '<' that opens no comment ("<!
// -- ...") is a comment line too.
type petrarchScanner struct {
	sc        *bufio.Scanner
	name      string
	line      int
	inComment bool
	text      string
	raw       string // the line before comments were removed
}

func newPetrarchScanner(name string, r io.Reader) *petrarchScanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	return &petrarchScanner{sc: sc, name: name}
}

// scan advances to the next line; text is the line without comments and
// trailing space (leading space kept: it marks code lines).
func (p *petrarchScanner) scan() bool {
	if !p.sc.Scan() {
		return false
	}
	p.line++
	s := p.sc.Text()
	if p.line == 1 {
		s = strings.TrimPrefix(s, "\ufeff")
	}
	p.raw = s
	var b strings.Builder
	for len(s) > 0 {
		if p.inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				s = ""
				break
			}
			s = s[i+3:]
			p.inComment = false
			continue
		}
		i := strings.IndexAny(s, "#<")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		if s[i] == '#' {
			if w := b.String(); strings.LastIndexByte(w, '[') > strings.LastIndexByte(w, ']') {
				b.WriteByte('#') // "[###]": a code, not a comment
				s = s[i+1:]
				continue
			}
			break
		}
		if strings.HasPrefix(s[i:], "<!--") {
			p.inComment = true
			s = s[i+4:]
			continue
		}
		if strings.TrimSpace(b.String()) == "" {
			// "<! -- ... -->" and other markup lines
			s = ""
			b.Reset()
			break
		}
		b.WriteByte('<')
		s = s[i+1:]
	}
	p.text = strings.TrimRight(b.String(), " \t\r")
	return true
}

func (p *petrarchScanner) err() error {
	if err := p.sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", p.name, p.line+1, err)
	}
	if p.inComment {
		return fmt.Errorf("%s:%d: unterminated <!-- comment", p.name, p.line)
	}
	return nil
}

func (p *petrarchScanner) where() string { return fmt.Sprintf("%s:%d", p.name, p.line) }

// petrarchCode is one code of an actor entry, with its date restriction.
type petrarchCode struct {
	codes       []string // "ELR/GAL" is two; empty for the null codes ---, +++, ###
	from, until time.Time
	dated       bool
}

// ReadPetrarchActors reads a PETRARCH actor dictionary. An entry is a
// phrase on a line of its own, words joined by '_' or spaces, optionally
// followed by its code in brackets; "+PHRASE" lines add synonyms; indented
// "[CODE]" lines give codes, optionally restricted to dates:
//
//	ARNOR_  [ARN]
//	DAGOLATH  [DAG]
//	+TELEMAR
//	GOLLUM
//	+SMEAGOL
//		[HOB < 950601]
//		[HOBGOV 19950601 - 19990815]
//		[HOBREB > 990816]
//
// Dates are YYMMDD (00-30 is 20YY, else 19YY) or YYYYMMDD; "<D" is before
// D, ">D" after D, "A-B" from A to B inclusive. A phrase without a code
// takes the codes of the next entry that has some (PETRARCH reads
// "U.N._" followed by "UN_SECRETARY_GENERAL ... [IGOUNO]" that way).
//
// Each distinct code becomes an actor: a three-letter code a country, a
// code starting IGO an organisation, NGO/NGM/IMG/MNC... a group, a longer
// code a country (its first three letters) with sectors (the rest), as
// CAMEO builds codes. Dated codes rank before the undated default, in the
// order the file lists them. Null codes (---, +++, ###) and codes that are
// not upper-case letters and digits are skipped and reported in Skipped;
// so are malformed dates. Errors (I/O, an unterminated comment, a synonym
// or code line before any entry, an unclosed bracket) name the file and
// line.
func ReadPetrarchActors(name string, r io.Reader) (*PetrarchDict, error) {
	p := newPetrarchScanner(name, r)
	out := &PetrarchDict{Table: &Table{}}
	b := newPetrarchBuilder(name)
	var phrases []string // the open entry's phrases
	var codes []petrarchCode
	var firstLine int
	nulled := false // the open entry had a code line that was skipped
	flush := func() {
		if len(codes) == 0 && !nulled {
			return // phrases wait for the next entry's codes
		}
		if len(codes) > 0 {
			b.addEntry(phrases, codes, firstLine)
		}
		phrases, codes, nulled = nil, nil, false
	}
	for p.scan() {
		s := p.text
		t := strings.TrimSpace(s)
		if t == "" {
			continue
		}
		switch {
		case t[0] == '[':
			if len(phrases) == 0 {
				return nil, fmt.Errorf("%s: code %q before any actor phrase", p.where(), clip(t))
			}
			c, err := parsePetrarchCode(t)
			if err != nil {
				var skip skipError
				if errors.As(err, &skip) {
					out.Skipped = append(out.Skipped, p.where()+": "+err.Error())
					nulled = true
					continue
				}
				return nil, fmt.Errorf("%s: %w", p.where(), err)
			}
			codes = append(codes, c)
		case t[0] == '+':
			if len(phrases) == 0 {
				return nil, fmt.Errorf("%s: synonym %q before any actor phrase", p.where(), clip(t))
			}
			ph, rest := splitCode(t[1:])
			if ph = strings.TrimSpace(ph); ph != "" {
				phrases = append(phrases, ph)
			}
			if rest != "" {
				c, err := parsePetrarchCode(rest)
				if err != nil {
					out.Skipped = append(out.Skipped, p.where()+": "+err.Error())
					nulled = true
					continue
				}
				codes = append(codes, c)
			}
		default:
			if s[0] == ' ' || s[0] == '\t' {
				// an indented line that is no code: a continuation phrase
				// in some files; treat as a synonym
				if len(phrases) == 0 {
					return nil, fmt.Errorf("%s: indented %q before any actor phrase", p.where(), clip(t))
				}
				phrases = append(phrases, t)
				continue
			}
			flush()
			ph, rest := splitCode(t)
			if len(phrases) == 0 {
				firstLine = p.line
			}
			if ph = strings.TrimSpace(ph); ph != "" {
				phrases = append(phrases, ph)
			}
			if rest != "" {
				c, err := parsePetrarchCode(rest)
				if err != nil {
					var skip skipError
					if errors.As(err, &skip) {
						out.Skipped = append(out.Skipped, p.where()+": "+err.Error())
						nulled = true
						continue
					}
					return nil, fmt.Errorf("%s: %w", p.where(), err)
				}
				codes = append(codes, c)
			}
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	flush()
	if len(phrases) > 0 {
		out.Skipped = append(out.Skipped, fmt.Sprintf("%s:%d: %q: no code", name, firstLine, phrases[0]))
	}
	b.finish(out)
	return out, nil
}

// skipError marks an entry that is read but cannot be expressed.
type skipError struct{ msg string }

func (e skipError) Error() string { return e.msg }

// splitCode splits "PHRASE [CODE ...] trailing" at the first '['.
func splitCode(s string) (phrase, code string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// parsePetrarchCode reads "[CODE]", "[CODE <D]", "[CODE >D]", "[CODE A-B]".
func parsePetrarchCode(s string) (petrarchCode, error) {
	var c petrarchCode
	end := strings.IndexByte(s, ']')
	if !strings.HasPrefix(s, "[") || end < 0 {
		return c, skipError{fmt.Sprintf("code %q: want [CODE] or [CODE DATES]", clip(s))}
	}
	body := strings.TrimSpace(s[1:end])
	code, dates := body, ""
	if i := strings.IndexAny(body, " \t<>"); i >= 0 {
		code, dates = strings.TrimSpace(body[:i]), strings.TrimSpace(body[i:])
	}
	if dates != "" {
		c.dated = true
		var err error
		switch dates[0] {
		case '<':
			var d time.Time
			if d, err = petrarchDate(strings.TrimSpace(dates[1:])); err == nil {
				c.until = d.AddDate(0, 0, -1)
			}
		case '>':
			var d time.Time
			if d, err = petrarchDate(strings.TrimSpace(dates[1:])); err == nil {
				c.from = d.AddDate(0, 0, 1)
			}
		default:
			a, z, ok := strings.Cut(dates, "-")
			if !ok {
				return c, skipError{fmt.Sprintf("code %q: date restriction %q: want <D, >D or A-B", clip(s), dates)}
			}
			if c.from, err = petrarchDate(strings.TrimSpace(a)); err == nil {
				c.until, err = petrarchDate(strings.TrimSpace(z))
			}
			if err == nil && c.until.Before(c.from) {
				err = fmt.Errorf("ends before it starts")
			}
		}
		if err != nil {
			return c, skipError{fmt.Sprintf("code %q: %v", clip(s), err)}
		}
	}
	if code == "" && dates != "" {
		return c, skipError{fmt.Sprintf("code %q: dates without a code", clip(s))}
	}
	for _, part := range strings.Split(code, "/") {
		part = strings.ToUpper(strings.TrimSpace(part))
		switch part {
		case "", "---", "+++", "###":
			continue
		}
		if err := checkCode("code", part, false); err != nil || strings.ContainsAny(part, "-") {
			return c, skipError{fmt.Sprintf("code %q: not a CAMEO actor code", clip(s))}
		}
		c.codes = append(c.codes, part)
	}
	if len(c.codes) == 0 {
		return c, skipError{fmt.Sprintf("code %q: null or discard code", clip(s))}
	}
	return c, nil
}

// petrarchDate parses YYMMDD (00-30: 20YY) or YYYYMMDD, as PETRARCH does:
// up to 7 characters is YYMMDD, else the first 8 are YYYYMMDD.
func petrarchDate(s string) (time.Time, error) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return time.Time{}, fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", s)
		}
	}
	var y, m, d int
	switch {
	case len(s) == 6:
		y, m, d = atoi(s[:2]), atoi(s[2:4]), atoi(s[4:6])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	case len(s) == 8:
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	default:
		return time.Time{}, fmt.Errorf("date %q: want YYMMDD or YYYYMMDD", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d {
		return time.Time{}, fmt.Errorf("date %q: no such day", s)
	}
	return t, nil
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// petrarchBuilder collects actors (one per code) and names.
type petrarchBuilder struct {
	source string
	actors map[string]int // code -> index in tab.Actors
	tab    Table
}

func newPetrarchBuilder(name string) *petrarchBuilder {
	return &petrarchBuilder{source: "petrarch:" + baseName(name), actors: map[string]int{}}
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// datedKinds rank a phrase's dated codes (in file order) before its
// undated default: [KB] orders a phrase's candidates by kind.
var datedKinds = []Kind{KindName, KindOfficial, KindAbbr}

func (b *petrarchBuilder) addEntry(phrases []string, codes []petrarchCode, line int) {
	var dn []petrarchCode
	var def []petrarchCode
	for _, c := range codes {
		if c.dated {
			dn = append(dn, c)
		} else {
			def = append(def, c)
		}
	}
	display := ""
	for _, ph := range phrases {
		if display = petrarchPhrase(ph); display != "" {
			break
		}
	}
	if display == "" {
		return
	}
	var clean []string
	for _, ph := range phrases {
		if phrase := petrarchPhrase(ph); phrase != "" && hasWord(tokenize(phrase, nil)) {
			clean = append(clean, phrase)
		}
	}
	add := func(c petrarchCode, kind Kind) {
		for _, code := range c.codes {
			b.actor(code, display)
			for _, phrase := range clean {
				b.tab.Names = append(b.tab.Names, Name{Phrase: phrase, Code: code, Kind: kind, Case: petrarchCase(phrase),
					From: c.from, Until: c.until, Source: b.source})
			}
		}
	}
	for i, c := range dn {
		add(c, datedKinds[min(i, len(datedKinds)-1)])
	}
	for _, c := range def {
		// the first of several codes ("ELR/GAL") ranks first
		kind := KindAlt
		for i, code := range c.codes {
			add(petrarchCode{codes: []string{code}}, kind)
			if i == 0 {
				kind = KindFormer
			}
		}
	}
}

// actor adds the actor of a code once.
func (b *petrarchBuilder) actor(code, name string) {
	if _, ok := b.actors[code]; ok {
		return
	}
	a := Actor{Code: code, Name: titleCase(name), Source: b.source}
	switch {
	case strings.HasPrefix(code, "IGO"):
		a.Type, a.Country = TypeIGO, code
	case len(code) > 3 && petrarchGroupPrefix[code[:3]]:
		a.Type, a.Country = TypeGroup, code
	case len(code) <= 3:
		a.Type, a.Country = TypeCountry, code
	default:
		a.Type, a.Country, a.Sector = TypeComposite, code[:3], code[3:]
	}
	b.actors[code] = len(b.tab.Actors)
	b.tab.Actors = append(b.tab.Actors, a)
}

// petrarchGroupPrefix are CAMEO code heads that are no country: NGOs,
// militant groups, multinationals, unidentified actors.
var petrarchGroupPrefix = map[string]bool{"NGO": true, "NGM": true, "IMG": true, "MNC": true, "UIS": true, "INT": true}

func (b *petrarchBuilder) finish(out *PetrarchDict) {
	out.Table.Actors, out.Table.Names = b.tab.Actors, b.tab.Names
}

// petrarchPhrase turns a dictionary phrase into text: '_' is a space, a
// final '_' (TABARI's "no stemming") and a leading "THE" are dropped.
func petrarchPhrase(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	f := strings.Fields(s)
	if len(f) > 1 && strings.EqualFold(f[0], "the") {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// petrarchCase: short acronyms (UN, U.S., AU) keep their case, other
// phrases are proper names (first letter upper case).
func petrarchCase(phrase string) Case {
	if strings.ContainsRune(phrase, ' ') {
		return CaseTitle
	}
	letters := 0
	for _, r := range phrase {
		if r != '.' {
			letters++
		}
	}
	if letters <= 3 {
		return CaseExact
	}
	return CaseTitle
}

func titleCase(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		if w != "" {
			f[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(f, " ")
}

// ReadPetrarchAgents reads a PETRARCH agent dictionary: sector words with
// their agent codes, "WORD {PLURAL PLURAL} [~CODE]" (a code "~GOV" is
// appended to the actor's, "NGO~" prefixed in PETRARCH; dyad appends
// both), with substitution sets "!PERSON! = MAN, MEN, WOMAN" used inside
// phrases ("CONGRESS!PERSON!" is congressman, congressmen...). Regular
// plurals are generated (PETRARCH 0.5 does the same); "{}" adds none
// beyond them. Each code becomes a sector actor, each phrase a sector name
// matched in any case.
func ReadPetrarchAgents(name string, r io.Reader) (*PetrarchDict, error) {
	p := newPetrarchScanner(name, r)
	out := &PetrarchDict{Table: &Table{}}
	source := "petrarch:" + baseName(name)
	subst := map[string][]string{}
	sectors := map[string]bool{}
	seen := map[string]bool{}
	for p.scan() {
		t := strings.TrimSpace(p.text)
		if t == "" {
			continue
		}
		if t[0] == '!' {
			if key, vals, ok := strings.Cut(t, "="); ok && strings.Count(strings.TrimSpace(key), "!") == 2 {
				k := strings.TrimSpace(key)
				for _, v := range strings.Split(vals, ",") {
					if v = strings.TrimSpace(v); v != "" {
						subst[k] = append(subst[k], v)
					}
				}
				if len(subst[k]) == 0 {
					return nil, fmt.Errorf("%s: substitution %s has no values", p.where(), k)
				}
				continue
			}
		}
		i := strings.IndexByte(t, '[')
		if i < 0 {
			out.Skipped = append(out.Skipped, p.where()+fmt.Sprintf(": %q: no [~CODE]", clip(t)))
			continue
		}
		j := strings.IndexByte(t[i:], ']')
		if j < 0 {
			out.Skipped = append(out.Skipped, p.where()+fmt.Sprintf(": %q: unclosed [", clip(t)))
			continue
		}
		code := strings.ToUpper(strings.Join(strings.Fields(t[i+1:i+j]), ""))
		if !strings.Contains(code, "~") {
			out.Skipped = append(out.Skipped, p.where()+fmt.Sprintf(": code %q: want ~CODE or CODE~", code))
			continue
		}
		code = strings.Trim(code, "~")
		if err := checkCode("agent code", code, false); err != nil || strings.Contains(code, "-") || strings.Contains(code, "~") {
			out.Skipped = append(out.Skipped, p.where()+fmt.Sprintf(": agent code %q: not a CAMEO sector code", code))
			continue
		}
		head := t[:i]
		var plurals []string
		if k := strings.IndexByte(head, '{'); k >= 0 {
			e := strings.IndexByte(head[k:], '}')
			if e < 0 {
				out.Skipped = append(out.Skipped, p.where()+fmt.Sprintf(": %q: unclosed {", clip(t)))
				continue
			}
			plurals = strings.Fields(head[k+1 : k+e])
			head = head[:k]
		}
		phrase := strings.TrimSpace(head)
		if phrase == "" {
			out.Skipped = append(out.Skipped, p.where()+": empty agent phrase")
			continue
		}
		forms := expandSubst(phrase, subst)
		if forms == nil {
			out.Skipped = append(out.Skipped, p.where()+fmt.Sprintf(": %q: unknown substitution set", clip(phrase)))
			continue
		}
		var all []string
		for _, f := range forms {
			f = agentPhrase(f)
			all = append(all, f, pluralPhrase(f))
		}
		for _, pl := range plurals {
			for _, f := range expandSubst(pl, subst) {
				all = append(all, agentPhrase(strings.TrimPrefix(f, "+")))
			}
		}
		if !sectors[code] {
			sectors[code] = true
			out.Table.Actors = append(out.Table.Actors, Actor{Code: code, Type: TypeSector, Sector: code,
				Name: strings.ToLower(agentPhrase(forms[0])), Source: source})
		}
		for _, f := range all {
			if f == "" || !hasWord(tokenize(f, nil)) || seen[f+"\x00"+code] {
				continue
			}
			seen[f+"\x00"+code] = true
			out.Table.Names = append(out.Table.Names, Name{Phrase: strings.ToLower(f), Code: code, Kind: KindSector,
				Case: CaseFold, Source: source})
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// expandSubst replaces each !SET! in s by each of its values; nil when s
// names an unknown set.
func expandSubst(s string, subst map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}
	}
	key := s[i : i+j+2]
	vals, ok := subst[key]
	if !ok {
		return nil
	}
	var out []string
	for _, v := range vals {
		rest := expandSubst(s[i+j+2:], subst)
		if rest == nil {
			return nil
		}
		for _, r := range rest {
			out = append(out, s[:i]+v+r)
		}
	}
	return out
}

func agentPhrase(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// pluralPhrase makes the regular plural of a phrase's last word.
func pluralPhrase(s string) string {
	if s == "" {
		return ""
	}
	i := strings.LastIndexByte(s, ' ')
	return s[:i+1] + pluralWord(s[i+1:])
}

func pluralWord(w string) string {
	lw := strings.ToLower(w)
	switch {
	case lw == "":
		return w
	case strings.HasSuffix(lw, "man") && !notMan[lw]:
		return w[:len(w)-3] + matchCase(w, "men")
	case strings.HasSuffix(lw, "y") && len(lw) > 1 && !strings.ContainsRune("aeiou", rune(lw[len(lw)-2])):
		return w[:len(w)-1] + matchCase(w, "ies")
	case strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "x") || strings.HasSuffix(lw, "z") ||
		strings.HasSuffix(lw, "ch") || strings.HasSuffix(lw, "sh"):
		return w + matchCase(w, "es")
	}
	return w + matchCase(w, "s")
}

var notMan = map[string]bool{"human": true, "german": true, "roman": true, "ottoman": true, "shaman": true, "talisman": true}

func matchCase(w, suffix string) string {
	if w != "" && w == strings.ToUpper(w) {
		return strings.ToUpper(suffix)
	}
	return suffix
}

// LoadPetrarch builds a knowledge base from PETRARCH dictionaries (actor
// and agent dictionaries read with [ReadPetrarchActors] and
// [ReadPetrarchAgents]), instead of dyad's own.
func LoadPetrarch(dicts ...*PetrarchDict) (*KB, error) {
	var tabs []*Table
	for _, d := range dicts {
		tabs = append(tabs, d.Table)
	}
	return New(tabs...)
}
