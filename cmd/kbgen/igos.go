package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/actor"
)

type org struct {
	key    string            // SupraVerden's key (English name)
	fields map[string]string // scalar fields
}

// readSupraVerden parses the subset of YAML that general_list.yaml uses:
// top-level keys (plain or "? key" / ": first: field"), two-space indented
// "Field: value" scalars, and "  - item" lists (ignored).
func readSupraVerden(p string) ([]org, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var orgs []org
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	fieldRE := regexp.MustCompile(`^  ([A-Za-z_0-9]+):(.*)$`)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case strings.HasPrefix(s, "? "):
			orgs = append(orgs, org{key: strings.TrimSpace(s[2:]), fields: map[string]string{}})
			continue
		case strings.HasPrefix(s, ": "):
			s = "  " + s[2:]
		case s != "" && s[0] != ' ' && s[0] != '#':
			if !strings.HasSuffix(s, ":") {
				return nil, fmt.Errorf("%s:%d: want a top-level key", p, line)
			}
			orgs = append(orgs, org{key: yamlScalar(strings.TrimSuffix(s, ":")), fields: map[string]string{}})
			continue
		}
		if m := fieldRE.FindStringSubmatch(s); m != nil {
			if len(orgs) == 0 {
				return nil, fmt.Errorf("%s:%d: field before any key", p, line)
			}
			orgs[len(orgs)-1].fields[m[1]] = yamlScalar(m[2])
		}
	}
	return orgs, sc.Err()
}

func yamlScalar(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		s = strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	} else if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		if u, err := strconv.Unquote(s); err == nil {
			s = u
		}
	}
	switch s {
	case "null", "~", "[No code found.]":
		return ""
	}
	return s
}

// matchKey normalises an organisation name for comparing sources:
// spelling variants (Organisation/Organization, Co-operation) and "the".
func matchKey(s string) string {
	f := " " + actor.Fold(s) + " "
	for _, r := range [][2]string{{" organisation ", " organization "}, {" co operation ", " cooperation "},
		{" defence ", " defense "}, {" the ", " "}, {" labour ", " labor "}, {" centre ", " center "}} {
		f = strings.ReplaceAll(f, r[0], r[1])
		f = strings.ReplaceAll(f, r[0], r[1])
	}
	return strings.TrimSpace(f)
}

// cameoRegions are CAMEO's regional codes: an IGO code ending in one (or
// in a sector code) names a class of organisations, not one organisation.
var cameoRegions = map[string]bool{}

func init() {
	for _, r := range strings.Fields("AFR ASA BLK BLN CAF CAS CAU CEU CRB EAF EEU EIN EUR LAM MDT MEA NAF NAM NMR PGS SAF SAM SAS SCN SEA WAF WEU WST ARB") {
		cameoRegions[r] = true
	}
}

func specificCode(code string, sectors map[string]bool) bool {
	if len(code) < 6 || len(code)%3 != 0 {
		return false
	}
	last := code[len(code)-3:]
	return !cameoRegions[last] && !sectors[last]
}

type phxEntry struct {
	names []string
	codes []string // "CODE" or "CODE dates"
}

var codeRE = regexp.MustCompile(`\[([^\]]*)\]`)

// readPhoenixActors parses a PETRARCH actor dictionary into entries: a name
// line, "+synonym" lines, and the codes on the name line or on indented
// lines after it.
func readPhoenixActors(p string) ([]phxEntry, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []phxEntry
	var cur *phxEntry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		raw := sc.Text()
		s := raw
		if i := strings.Index(s, "#"); i >= 0 {
			s = s[:i]
		}
		t := strings.TrimSpace(s)
		if t == "" {
			continue
		}
		codes := codeRE.FindAllStringSubmatch(t, -1)
		name := strings.TrimSpace(codeRE.ReplaceAllString(t, ""))
		switch {
		case strings.HasPrefix(t, "+"):
			if cur != nil {
				cur.names = append(cur.names, strings.TrimPrefix(name, "+"))
			}
			continue
		case strings.HasPrefix(t, "["):
			if cur != nil {
				for _, c := range codes {
					cur.codes = append(cur.codes, strings.TrimSpace(c[1]))
				}
			}
			continue
		}
		out = append(out, phxEntry{names: []string{name}})
		cur = &out[len(out)-1]
		for _, c := range codes {
			cur.codes = append(cur.codes, strings.TrimSpace(c[1]))
		}
	}
	return out, sc.Err()
}

var orgWords = regexp.MustCompile(`\b(ORGANI[SZ]ATION|UNION|COUNCIL|COMMISSION|FUND|BANK|AGENCY|ASSOCIATION|COMMUNITY|TREATY|ALLIANCE|NATIONS|LEAGUE|CONFERENCE|COURT|TRIBUNAL|PARLIAMENT|ASSEMBLY|SECRETARIAT|PROGRAMM?E?|FORUM|COMMITTEE|INSTITUTE|OFFICE|COOPERATION|AUTHORITY|CENTRE|CENTER|SECURITY COUNCIL)\b`)

// orgLike tells organisation names from the persons that share their codes
// in Phoenix.International.actors.txt.
func orgLike(n string) bool {
	if orgWords.MatchString(n) {
		return true
	}
	if !strings.Contains(n, " ") && (len(n) <= 5 || strings.Contains(n, ".")) {
		return true // an acronym: UN, NATO, U.N., ASEAN
	}
	return false
}

// igos builds the international organisations: SupraVerden's list with
// curated codes, then Phoenix's IGO names attached by name or by a specific
// CAMEO code, then Phoenix organisations nobody else knows, by CAMEO code.
func (b *builder) igos(data string, cur *actor.Table, sectors map[string]bool) error {
	orgs, err := readSupraVerden(filepath.Join(data, "supraverden-igos", "general_list.yaml"))
	if err != nil {
		return err
	}
	curByQ := map[string]actor.Actor{}
	for _, a := range cur.Actors {
		if a.Type == actor.TypeIGO {
			curByQ[a.WikidataID] = a
		}
	}
	qnum := func(o org) int {
		n, err := strconv.Atoi(strings.TrimPrefix(o.fields["Wikidata_code"], "Q"))
		if err != nil {
			return 1 << 30
		}
		return n
	}
	abbrOf := func(o org) string { return o.fields["Abbreviation_en"] }
	// claim order: curated, then with an acronym, then others; older
	// (lower) Wikidata ids first, then by name.
	slices.SortStableFunc(orgs, func(x, y org) int {
		cls := func(o org) int {
			if _, ok := curByQ[o.fields["Wikidata_code"]]; ok && o.fields["Wikidata_code"] != "" {
				return 0
			}
			if abbrOf(o) != "" {
				return 1
			}
			return 2
		}
		if c := cls(x) - cls(y); c != 0 {
			return c
		}
		if c := qnum(x) - qnum(y); c != 0 {
			return c
		}
		return strings.Compare(x.key, y.key)
	})
	index := map[string][]string{} // matchKey -> org codes
	for _, o := range orgs {
		q := o.fields["Wikidata_code"]
		if !strings.HasPrefix(q, "Q") {
			q = ""
		}
		name := o.fields["Name_en"]
		if name == "" {
			name = o.key
		}
		var code string
		var aliases []string
		if c, ok := curByQ[q]; ok && q != "" {
			code, aliases, name = c.Code, c.Aliases, c.Name
		} else {
			code = asciiCode(abbrOf(o))
			if code == "" {
				code = initials(name)
			}
			base := code
			for i := 2; b.actors[code] != nil || b.actors[actorKey(code, actor.TypeSector)] != nil; i++ {
				code = base + strconv.Itoa(i)
			}
		}
		b.addActor(actor.Actor{Code: code, Type: actor.TypeIGO, Country: code, Sector: "IGO", Name: name,
			WikidataID: q, Aliases: aliases}, srcSupraVerden)
		add := func(s string, kind actor.Kind) {
			if s == "" {
				return
			}
			b.addName(s, code, kind, srcSupraVerden)
			index[matchKey(s)] = append(index[matchKey(s)], code)
		}
		add(o.key, actor.KindName)
		add(o.fields["Name_en"], actor.KindName)
		for _, f := range []string{"Name_other_en", "Name_other_1_en", "Name_other_2_en", "Name_other_3_en", "Name_other_4_en"} {
			add(o.fields[f], actor.KindAlt)
		}
		add(o.fields["Name_former_en"], actor.KindFormer)
		for _, f := range []string{"Abbreviation_en", "Abbreviation_other_en", "Abbreviation_other_2_en"} {
			add(o.fields[f], actor.KindAbbr)
		}
		add(o.fields["Abbreviation_former_en"], actor.KindFormer)
	}
	for _, a := range cur.Actors { // curated IGOs SupraVerden lacks
		if a.Type == actor.TypeIGO && b.actors[a.Code] == nil {
			b.addActor(a, srcDyad)
		}
	}
	for _, n := range cur.Names {
		index[matchKey(n.Phrase)] = append(index[matchKey(n.Phrase)], n.Code)
	}

	entries, err := readPhoenixActors(filepath.Join(data, "phoenix-dictionaries", "Phoenix.International.actors.txt"))
	if err != nil {
		return err
	}
	// keep organisations: one undated IGO code, organisation-like names
	var igo []phxEntry
	for _, e := range entries {
		if len(e.codes) != 1 || strings.Contains(e.codes[0], " ") || !strings.HasPrefix(e.codes[0], "IGO") {
			continue
		}
		var names []string
		for _, n := range e.names {
			if n = dictName(n); n != "" && orgLike(n) && !strings.ContainsAny(n, "\t,") {
				names = append(names, n)
			}
		}
		if len(names) > 0 {
			igo = append(igo, phxEntry{names: names, codes: e.codes})
		}
	}
	// CAMEO code -> organisations, from curated aliases and name matches
	claims := map[string]map[string]bool{}
	claim := func(cameo, code string) {
		if claims[cameo] == nil {
			claims[cameo] = map[string]bool{}
		}
		claims[cameo][code] = true
	}
	for _, a := range cur.Actors {
		for _, al := range a.Aliases {
			claim(al, a.Code)
		}
	}
	matched := make([]string, len(igo)) // entry -> org code
	for i, e := range igo {
		for _, n := range e.names {
			if codes := index[matchKey(n)]; len(codes) > 0 {
				matched[i] = codes[0]
				if specificCode(e.codes[0], sectors) && len(claims[e.codes[0]]) == 0 {
					claim(e.codes[0], codes[0])
				}
				break
			}
		}
	}
	owner := map[string]string{}
	for cameo, orgs := range claims {
		if len(orgs) == 1 {
			for o := range orgs {
				owner[cameo] = o
				if a := b.actors[o]; a != nil && !slices.Contains(a.Aliases, cameo) {
					a.Aliases = append(a.Aliases, cameo)
					slices.Sort(a.Aliases)
				}
			}
		}
	}
	perCode := map[string]int{} // Phoenix-only code -> entries
	for i, e := range igo {
		cameo := e.codes[0]
		code := matched[i]
		if code == "" {
			code = owner[cameo]
		}
		if code == "" {
			if cameo == "IGO" || b.actors[cameo] != nil && b.actors[cameo].Type != actor.TypeIGO {
				continue // the bare class, or a code taken by a sector
			}
			code = cameo
			perCode[code]++
			if b.actors[code] == nil {
				name := e.names[0]
				if strings.Contains(name, " ") {
					name = titleCase(name)
				}
				b.addActor(actor.Actor{Code: code, Type: actor.TypeIGO, Country: code, Sector: "IGO", Name: name}, srcPhoenix)
			}
		}
		b.addActor(actor.Actor{Code: code}, srcPhoenix)
		for _, n := range e.names {
			kind := actor.KindAlt
			if !strings.Contains(n, " ") {
				kind = actor.KindAbbr
				b.addName(n, code, kind, srcPhoenix)
				continue
			}
			b.addName(titleCase(n), code, kind, srcPhoenix)
		}
	}
	// a Phoenix-only code shared by several organisations is a class
	for code, n := range perCode {
		if n > 1 {
			b.actors[code].Name = "IGO class " + code + " (CAMEO)"
		}
	}
	return nil
}

// asciiCode turns an acronym into a code: ASCII capitals and digits only
// (TÜRKSOY -> TURKSOY, eu-LISA -> EULISA).
func asciiCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(actor.Fold(s)) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// initials makes a code from the capitalised words of a name: Shanghai
// Cooperation Organisation -> SCO.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			b.WriteString(asciiCode(string(r) + "X")[:1])
		}
	}
	if b.Len() < 2 {
		return asciiCode(name)
	}
	return b.String()
}
