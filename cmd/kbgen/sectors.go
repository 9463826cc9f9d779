package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/dyad-events/dyad/actor"
)

var agentRE = regexp.MustCompile(`^([^\[{]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)[\]}]`)

// sectors reads Phoenix.agents.txt: sector words to CAMEO agent codes. It
// returns the three-letter sector codes seen, for the IGO code analysis.
func (b *builder) sectors(data string, cur *actor.Table) (map[string]bool, error) {
	desc := map[string]string{}
	for _, a := range cur.Actors {
		if a.Type == actor.TypeSector {
			desc[a.Code] = a.Name
			b.addActor(a, srcDyad)
		}
	}
	p := filepath.Join(data, "phoenix-dictionaries", "Phoenix.agents.txt")
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	subst := map[string][]string{}
	codes := map[string]bool{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if i := strings.Index(s, "#"); i >= 0 {
			s = strings.TrimSpace(s[:i])
		}
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "!") && strings.Contains(s, "=") {
			k, v, _ := strings.Cut(s, "=")
			for _, w := range strings.Split(v, ",") {
				subst[strings.TrimSpace(k)] = append(subst[strings.TrimSpace(k)], strings.TrimSpace(w))
			}
			continue
		}
		m := agentRE.FindStringSubmatch(s)
		if m == nil {
			fmt.Fprintf(os.Stderr, "kbgen: %s:%d: skipped, not an agent line: %q\n", p, line, s)
			continue
		}
		code := m[3]
		if len(code)%3 != 0 {
			continue
		}
		for i := 0; i < len(code); i += 3 {
			codes[code[i:i+3]] = true
		}
		if _, ok := b.actors[actorKey(code, actor.TypeSector)]; !ok {
			var parts []string
			for i := 0; i < len(code); i += 3 {
				d := desc[code[i:i+3]]
				if d == "" {
					d = code[i : i+3]
				}
				parts = append(parts, d)
			}
			b.addActor(actor.Actor{Code: code, Type: actor.TypeSector, Sector: code, Name: strings.Join(parts, ", ")}, srcPhoenix)
		} else {
			b.addActor(actor.Actor{Code: code, Type: actor.TypeSector}, srcPhoenix)
		}
		phrase := strings.TrimSpace(m[1])
		if strings.Contains(phrase, ",") {
			continue
		}
		var plurals []string
		explicit := m[2] != ""
		if explicit {
			for _, w := range strings.Split(strings.Trim(m[2], "{}"), ",") {
				if w = strings.TrimSpace(w); w != "" {
					plurals = append(plurals, w)
				}
			}
		}
		if rankWords[strings.ToLower(dictName(phrase))] {
			continue
		}
		for _, ph := range expand(phrase, subst) {
			words := strings.ToLower(dictName(ph))
			b.addName(words, radicalCode(words, code), actor.KindSector, srcPhoenix)
			if !explicit && !strings.Contains(ph, "!") {
				if pl := nounPlural(words); pl != "" {
					b.addName(pl, radicalCode(pl, code), actor.KindSector, srcPhoenix)
				}
			}
		}
		for _, pl := range plurals {
			for _, ph := range expand(pl, subst) {
				words := strings.ToLower(dictName(ph))
				b.addName(words, radicalCode(words, code), actor.KindSector, srcPhoenix)
			}
		}
	}
	return codes, sc.Err()
}

// rankWords name a rank within an office, not a sector: "the deputy
// chief", "the deputy governor" are the office that follows. Phoenix reads
// the bare word DEPUTY as a sheriff's deputy (police); alone it is
// skipped, and its phrases ("deputy prime minister") stay.
var rankWords = map[string]bool{"deputy": true, "vice": true, "assistant": true, "acting": true}

// radicalHeads are nouns of radicals; a phrase they head names radicals
// whatever else it says of them: Phoenix's ISLAMIC_FUNDAMENTALIST is
// MUS alone, its MUSLIM_EXTREMIST MUSRAD.
var radicalHeads = map[string]bool{
	"fundamentalist": true, "fundamentalists": true, "extremist": true, "extremists": true,
	"radical": true, "radicals": true,
}

// radicalCode adds RAD to the code of a phrase headed by a noun of
// radicals ("islamic fundamentalists": MUS -> MUSRAD) when the code names
// no radical or armed sector already (REBMUS, MUSUAF stay).
func radicalCode(phrase, code string) string {
	words := strings.Fields(phrase)
	if len(words) < 2 || !radicalHeads[words[len(words)-1]] {
		return code
	}
	for i := 0; i+3 <= len(code); i += 3 {
		switch code[i : i+3] {
		case "RAD", "REB", "UAF", "INS":
			return code
		}
	}
	return code + "RAD"
}

// expand replaces the dictionary's substitution sets (!PERSON! -> man,
// men, woman...) and completes the stem MINIST.
func expand(phrase string, subst map[string][]string) []string {
	out := []string{phrase}
	for k, vs := range subst {
		var next []string
		for _, p := range out {
			if !strings.Contains(p, k) {
				next = append(next, p)
				continue
			}
			for _, v := range vs {
				next = append(next, strings.ReplaceAll(p, k, v))
			}
		}
		out = next
	}
	var fin []string
	for _, p := range out {
		t := strings.TrimRight(p, "_ ")
		if strings.HasSuffix(t, "MINIST") && !strings.HasSuffix(p, "_") {
			for _, v := range subst["!MINIST!"] {
				fin = append(fin, strings.TrimSuffix(t, "MINIST")+v)
			}
			continue
		}
		fin = append(fin, p)
	}
	return fin
}

// nounPlural is the regular plural of a phrase's last word, the rule
// PETRARCH applies to agents ("rebel" -> "rebels").
func nounPlural(phrase string) string {
	i := strings.LastIndex(phrase, " ")
	head, w := phrase[:i+1], phrase[i+1:]
	if len(w) < 3 || strings.ContainsAny(w, ".'") {
		return ""
	}
	switch {
	case strings.HasSuffix(w, "man"):
		return head + w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		if strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") {
			return head + w + "es"
		}
		return ""
	case strings.HasSuffix(w, "y") && !strings.ContainsAny(w[len(w)-2:len(w)-1], "aeiou"):
		return head + w[:len(w)-1] + "ies"
	}
	return head + w + "s"
}
