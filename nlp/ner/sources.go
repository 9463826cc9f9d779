package ner

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Readers for the third-party name lists the gazetteer is built from at
// training time (the model file carries only phrase hashes).

// ReadGeoNamesCities adds the names and ASCII names of the places in a
// GeoNames cities file (cities15000.txt: tab-separated, name in column 2,
// ASCII name in column 3) to the GazCity class. Errors name the line.
func ReadGeoNamesCities(r io.Reader, name string, b *GazetteerBuilder) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 {
			return fmt.Errorf("%s:%d: %d columns, want 19", name, line, len(f))
		}
		if _, err := strconv.Atoi(f[0]); err != nil {
			return fmt.Errorf("%s:%d: bad geonameid %q", name, line, f[0])
		}
		b.AddPhrase(f[1], GazCity)
		if f[2] != f[1] {
			b.AddPhrase(f[2], GazCity)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return nil
}

// ReadAdmin1JSON adds the first-level administrative divisions of a JSON
// object {"CC.ADM1": "name", ...} (GeoNames admin1CodesASCII, as mordecai
// ships it) to the GazAdmin class.
func ReadAdmin1JSON(r io.Reader, name string, b *GazetteerBuilder) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	// Python's json.dump writes NaN for missing names: read it as null.
	data = bytes.ReplaceAll(data, []byte(": NaN"), []byte(": null"))
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.AddPhrase(m[k], GazAdmin)
	}
	return nil
}

// ReadCountryInfoPeople adds the leaders and cabinet members of a
// CountryInfo file (names like ILHAM_ALIYEV_ inside <Leaders> and
// <Government> blocks) to GazPerson, their last words to GazSurname and
// their first words to GazGivenName.
func ReadCountryInfoPeople(r io.Reader, name string, b *GazetteerBuilder) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	in := false
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		switch {
		case s == "<Leaders>" || s == "<Government>":
			in = true
			continue
		case s == "</Leaders>" || s == "</Government>":
			in = false
			continue
		}
		if !in || s == "" || s[0] == '<' || s[0] == '#' {
			continue
		}
		f := strings.Fields(s)
		w := strings.Trim(f[0], "_+")
		if w == "" || !strings.Contains(w, "_") || strings.ContainsAny(w, "[]<>0123456789") {
			continue
		}
		parts := strings.Split(w, "_")
		for i, p := range parts {
			parts[i] = titleCase(p)
		}
		b.AddPhrase(strings.Join(parts, " "), GazPerson)
		if last := parts[len(parts)-1]; len(last) > 2 {
			b.AddPhrase(last, GazSurname)
		}
		if len(parts[0]) > 2 {
			b.AddPhrase(parts[0], GazGivenName)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return nil
}

// titleCase turns "ALIYEV" into "Aliyev" (the gazetteer folds case, but
// the tokenizer treats an all-capitals word differently).
func titleCase(s string) string {
	if s == "" {
		return s
	}
	l := strings.ToLower(s)
	for i, r := range l {
		return strings.ToUpper(string(r)) + l[i+len(string(r)):]
	}
	return l
}

// ReadPhoenixOrgs adds the organisations of a PETRARCH/TABARI actor
// dictionary (Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt)
// to GazOrg: every entry and "+" synonym of a block whose codes carry no
// dates (a dated code is an office holder, a person). Words are joined
// by underscores; a parenthesised acronym, "FRONT_(FLN)_", is added as a
// name of its own. Synonyms naming a role ("WORLD_BANK_PRESIDENT") are
// left out. Errors name the line.
func ReadPhoenixOrgs(r io.Reader, name string, b *GazetteerBuilder) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var block []string
	dated := false
	flush := func() {
		if !dated {
			for _, n := range block {
				addPhoenixName(n, b)
			}
		}
		block, dated = block[:0], false
	}
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Text()
		s := raw
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		codes := ""
		if i := strings.IndexByte(s, '['); i >= 0 {
			codes = s[i:]
			s = s[:i]
		}
		lineDated := strings.ContainsAny(codes, "0123456789>") || strings.Contains(raw, "rulers")
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			// a codes line of the current block
		case raw[0] == '+':
			block = append(block, s[1:])
		case raw[0] == ' ' || raw[0] == '\t':
			block = append(block, strings.TrimPrefix(s, "+"))
		default:
			flush()
			block = append(block, s)
		}
		dated = dated || lineDated
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	flush()
	return nil
}

// roleWords mark a Phoenix synonym that names a person by office.
var roleWords = map[string]bool{"PRESIDENT": true, "CHIEF": true, "SECRETARY": true, "SECRETARY-GENERAL": true,
	"DIRECTOR": true, "MINISTER": true, "SPOKESMAN": true, "SPOKESWOMAN": true, "OFFICIAL": true, "OFFICIALS": true,
	"HEAD": true, "LEADER": true, "LEADERS": true, "CHAIRMAN": true, "ENVOY": true, "AMBASSADOR": true, "COMMANDER": true,
	"MEMBER": true, "MEMBERS": true, "REPRESENTATIVE": true, "GENERAL": true, "STAFF": true}

func addPhoenixName(n string, b *GazetteerBuilder) {
	n = strings.Trim(strings.TrimSpace(n), "_")
	if n == "" || strings.ContainsAny(n, "{}<>") {
		return
	}
	if i := strings.IndexByte(n, '('); i >= 0 {
		if j := strings.IndexByte(n[i:], ')'); j > 0 {
			if acr := n[i+1 : i+j]; len(acr) >= 2 && !strings.Contains(acr, "_") {
				b.AddPhrase(acr, GazOrg)
			}
			n = strings.Trim(n[:i]+n[i+j+1:], "_")
		}
	}
	words := strings.FieldsFunc(n, func(r rune) bool { return r == '_' })
	for _, w := range words {
		if roleWords[w] {
			return
		}
	}
	if len(words) == 0 || len(words) == 1 && len(words[0]) < 2 {
		return
	}
	for i, w := range words {
		if len(w) > 5 || strings.ContainsAny(w, ".-&") {
			words[i] = titleCase(w) // the gazetteer folds case; keep acronyms as written
		}
	}
	b.AddPhrase(strings.Join(words, " "), GazOrg)
}
