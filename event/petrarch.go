package event

// PETRARCH/TABARI verb dictionaries and discard lists, converted to dyad
// lexicon patterns.

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
)

// PetrarchVerbs is a PETRARCH verb dictionary converted to patterns.
//
// A PETRARCH verb dictionary has synsets ("&CURRENCY" then "+DOLLARS"
// lines), verb blocks ("--- VERB [code] ---", then the verbs of the block
// with irregular forms in braces, then pattern lines) and patterns
//
//   - * DIPLOMATIC TIES [064]
//   - + * FROM $ [066]
//   - SAID * PLEASED [041]
//
// where '*' is the verb, '$' the source, '+' the target, '%' a compound
// actor, '^' any word, '&NAME' a synset and '_' joins adjacent words. Each
// verb of a block becomes a [Pattern] for its lemma with the block's code
// (actor: subject; recipient: object, then the usual obliques), and each
// pattern line a more specific Pattern for every verb of the block:
//
//   - the words after the verb become required dependents: the noun
//     phrase right after it is obj=HEAD (its last word, or a synset's
//     members), a phrase after a preposition obl:PREP=HEAD, "to" followed
//     by a word xcomp=WORD or obl:to=WORD (two patterns), a particle
//     ("out", "up", "down") prt=WORD, an adverb advmod=WORD; modifiers
//     before a head ("DIPLOMATIC" in "DIPLOMATIC TIES") cannot be required,
//     since patterns constrain the trigger's own dependents only, but a
//     one-word phrase matches the dependent or a compound before it, as
//     PETRARCH reads it ("* ARTILLERY" codes "fired artillery shells");
//   - '$' and '+' after a preposition make that oblique the actor or the
//     recipient; '+' before the verb makes the object (the passive
//     subject of a passive verb) the recipient;
//   - auxiliaries and adverbs before the verb become aux= and advmod=
//     constraints.
//
// Patterns that need what dyad's patterns cannot say are skipped and
// listed in Skipped with the reason: words before the verb that govern it
// ("SAID *", "FAILED TO *"), negation ("NOT *": dyad drops negated
// events), modals ("WOULD *": not coded as fact), null codes ([---]).
// Paired codes "[032:033]" keep the first (actor to recipient) code: the
// coder fires one pattern per trigger, so the reverse event is not coded.
//
// CAMEO codes the ontology knows set CAMEO, type and mode; any other code
// (WEIS-era codes like 345, test codes like 903) leaves them empty. The
// raw code is on the Note ("petrarch CODE"; see [PetrarchCode]).
type PetrarchVerbs struct {
	Patterns []*Pattern
	Synsets  map[string][]string // "&CURRENCY" -> member phrases, lower case
	Skipped  []string            // "file:line: reason"
}

// Lexicon returns the patterns as a lexicon.
func (v *PetrarchVerbs) Lexicon() *Lexicon { return newLexicon(v.Patterns) }

// PetrarchCode returns the raw PETRARCH code of a pattern converted by
// [ReadPetrarchVerbs], "" for other patterns.
func PetrarchCode(p *Pattern) string {
	if c, ok := strings.CutPrefix(p.Note, "petrarch "); ok {
		return c
	}
	return ""
}

type petrVerb struct {
	words  []string // the verb and the words after it ("break", "down")
	before []string // words before the verb (WIRE_+TAP)
	forms  []string // irregular forms given in braces
	code   string   // the verb's own code, "" for the block's
	line   int
}

type petrPattern struct {
	text string
	code string
	line int
}

// ReadPetrarchVerbs reads a PETRARCH verb dictionary (PETR.Validate.verbs,
// Phoenix CAMEO.2.0). Errors name the file and line: a pattern or synonym
// outside a block, a block header without a code, an unclosed bracket, an
// unterminated comment, an undefined synset.
func ReadPetrarchVerbs(name string, r io.Reader) (*PetrarchVerbs, error) {
	ont, err := Ontology()
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	out := &PetrarchVerbs{Synsets: map[string][]string{}}
	type block struct {
		code     string
		verbs    []petrVerb
		patterns []petrPattern
		line     int
	}
	var blocks []*block
	var cur *block
	synset := "" // the synset being read, "" when none
	line := 0
	inComment := false
	for sc.Scan() {
		line++
		raw := sc.Text()
		if line == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		var s string
		s, inComment = stripComments(raw, inComment)
		t := strings.TrimSpace(s)
		if t == "" {
			continue // a synset runs on to the next header
		}
		where := fmt.Sprintf("%s:%d", name, line)
		switch {
		case strings.HasPrefix(t, "---"):
			synset = ""
			body := strings.Trim(t, "- \t")
			i := strings.IndexByte(body, '[')
			if i < 0 {
				return nil, fmt.Errorf("%s: block %q: no [code]", where, clip(t))
			}
			j := strings.IndexByte(body[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("%s: block %q: unclosed [", where, clip(t))
			}
			cur = &block{code: strings.TrimSpace(body[i+1 : i+j]), line: line}
			blocks = append(blocks, cur)
		case t[0] == '&':
			synset = strings.ToUpper(strings.TrimRight(strings.Fields(t)[0], "_"))
			if _, dup := out.Synsets[synset]; !dup {
				out.Synsets[synset] = nil
			}
		case t[0] == '+' && synset != "":
			out.Synsets[synset] = append(out.Synsets[synset], strings.ToLower(strings.TrimSpace(t[1:])))
		case t[0] == '-':
			if cur == nil {
				return nil, fmt.Errorf("%s: pattern %q outside a verb block", where, clip(t))
			}
			body := strings.TrimSpace(t[1:])
			i := strings.LastIndexByte(body, '[')
			if i < 0 {
				return nil, fmt.Errorf("%s: pattern %q: no [code]", where, clip(t))
			}
			j := strings.IndexByte(body[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("%s: pattern %q: unclosed [", where, clip(t))
			}
			cur.patterns = append(cur.patterns, petrPattern{text: strings.TrimSpace(body[:i]), code: strings.TrimSpace(body[i+1 : i+j]), line: line})
		default:
			if cur == nil {
				return nil, fmt.Errorf("%s: verb %q outside a verb block", where, clip(t))
			}
			v, err := parsePetrVerb(t)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			v.line = line
			cur.verbs = append(cur.verbs, v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if inComment {
		return nil, fmt.Errorf("%s:%d: unterminated <!-- comment", name, line)
	}
	c := &petrConverter{name: name, ont: ont, synsets: out.Synsets, out: out}
	for _, b := range blocks {
		if len(b.verbs) == 0 {
			out.Skipped = append(out.Skipped, fmt.Sprintf("%s:%d: block without verbs", name, b.line))
			continue
		}
		for _, v := range b.verbs {
			code := b.code
			if v.code != "" {
				code = v.code
			}
			c.verb(v, code)
			for _, p := range b.patterns {
				if err := c.pattern(v, p); err != nil {
					return nil, err
				}
			}
		}
	}
	return out, nil
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// stripComments removes '#' comments and <!-- --> comments (which may span
// lines); inComment carries the state to the next line.
func stripComments(s string, inComment bool) (string, bool) {
	var b strings.Builder
	for len(s) > 0 {
		if inComment {
			i := strings.Index(s, "-->")
			if i < 0 {
				return b.String(), true
			}
			s, inComment = s[i+3:], false
			continue
		}
		i := strings.IndexAny(s, "#<")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		if s[i] == '#' {
			if inBracket(b.String()) { // "[###]": a code, not a comment
				b.WriteByte('#')
				s = s[i+1:]
				continue
			}
			break
		}
		if strings.HasPrefix(s[i:], "<!--") {
			inComment, s = true, s[i+4:]
			continue
		}
		if strings.TrimSpace(b.String()) == "" {
			return "", false // a markup line such as "<! -- ... -->"
		}
		b.WriteByte('<')
		s = s[i+1:]
	}
	return b.String(), inComment
}

// inBracket reports an unclosed '[' in s.
func inBracket(s string) bool { return strings.LastIndexByte(s, '[') > strings.LastIndexByte(s, ']') }

// parsePetrVerb reads "BAN {BANS BANNED}", "DOWNPLAY [014]",
// "+BREAK_DOWN {+BREAKS_DOWN}", "WIRE_+TAP", "LASH OUT".
func parsePetrVerb(t string) (petrVerb, error) {
	var v petrVerb
	t = strings.TrimPrefix(t, "+")
	if i := strings.IndexByte(t, '['); i >= 0 {
		j := strings.IndexByte(t[i:], ']')
		if j < 0 {
			return v, fmt.Errorf("verb %q: unclosed [", clip(t))
		}
		v.code = strings.TrimSpace(t[i+1 : i+j])
		t = t[:i] + t[i+j+1:]
	}
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return v, fmt.Errorf("verb %q: unclosed {", clip(t))
		}
		for _, f := range strings.Fields(t[i+1 : i+j]) {
			f = strings.ReplaceAll(strings.TrimPrefix(f, "+"), "+", "")
			if w := strings.Fields(strings.ReplaceAll(f, "_", " ")); len(w) > 0 {
				v.forms = append(v.forms, strings.ToLower(w[0]))
			}
		}
		t = t[:i] + t[i+j+1:]
	}
	words := strings.Fields(strings.ReplaceAll(t, "_", " "))
	if len(words) == 0 {
		return v, fmt.Errorf("verb line has no verb")
	}
	verbAt := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			verbAt = i
		}
	}
	for i, w := range words {
		w = strings.ToLower(strings.Trim(w, "+"))
		if w == "" {
			continue
		}
		if i < verbAt {
			v.before = append(v.before, w)
		} else {
			v.words = append(v.words, w)
		}
	}
	if len(v.words) == 0 {
		return v, fmt.Errorf("verb line has no verb")
	}
	return v, nil
}

type petrConverter struct {
	name    string
	ont     *Tables
	synsets map[string][]string
	out     *PetrarchVerbs
}

var defaultRecipients = []Role{{Rel: "obj"}, {Rel: "obl", Prep: "with"}, {Rel: "obl", Prep: "to"}, {Rel: "obl", Prep: "against"},
	{Rel: "obl", Prep: "at"}, {Rel: "obl", Prep: "on"}, {Rel: "obl", Prep: "for"}, {Rel: "obl", Prep: "from"},
	{Rel: "obl", Prep: "toward"}, {Rel: "obl", Prep: "towards"}, {Rel: "obl", Prep: "into"}, {Rel: "obl", Prep: "over"},
	{Rel: "obl", Prep: "about"}, {Rel: "obl", Prep: "of"}, {Rel: "obl", Prep: "in"}, {Rel: "iobj"}}

func (c *petrConverter) skip(line int, format string, args ...any) {
	c.out.Skipped = append(c.out.Skipped, fmt.Sprintf("%s:%d: ", c.name, line)+fmt.Sprintf(format, args...))
}

// base fills a pattern's code, type and mode; ok is false for null codes.
func (c *petrConverter) base(p *Pattern, raw string, line int) bool {
	code := raw
	if i := strings.IndexByte(code, ':'); i >= 0 {
		code = code[:i]
	}
	code = strings.TrimSpace(code)
	switch code {
	case "", "---", "+++", "###":
		return false
	}
	p.Note = "petrarch " + raw
	p.Weight = 1
	if cc, ok := c.ont.CAMEO(code); ok {
		p.CAMEO = cc.Code
		p.Type, p.Mode = cc.Plover, cc.Mode
	}
	return true
}

// verb adds the block-level pattern of one verb.
func (c *petrConverter) verb(v petrVerb, code string) {
	if len(v.before) > 0 {
		c.skip(v.line, "verb %q: words before the verb cannot be required", strings.Join(append(v.before, v.words...), " "))
		return
	}
	p := &Pattern{POS: "V", Actor: []Role{{Rel: "subj"}}, Recipient: defaultRecipients}
	if !c.base(p, code, v.line) {
		return // a null-coded verb codes only through its patterns
	}
	req, ok := c.after(v.words[1:], nil)
	if !ok {
		c.skip(v.line, "verb %q: words after the verb cannot be expressed", strings.Join(v.words, " "))
		return
	}
	p.Require = req
	c.emit(p, v, v.line, "")
}

// emit adds p once for each lemma of the verb.
func (c *petrConverter) emit(p *Pattern, v petrVerb, line int, suffix string) {
	seen := map[string]bool{}
	lemmas := verbLemmas(v.words[0])
	for _, f := range v.forms {
		lemmas = append(lemmas, verbLemmas(f)...)
	}
	for _, l := range lemmas {
		if seen[l] {
			continue
		}
		seen[l] = true
		q := *p
		q.Lemma = l
		q.Source = fmt.Sprintf("%s:%d%s", c.name, line, suffix)
		c.out.Patterns = append(c.out.Patterns, &q)
	}
}

var auxLemma = map[string]string{
	"has": "have", "have": "have", "had": "have", "having": "have",
	"is": "be", "are": "be", "was": "be", "were": "be", "be": "be", "been": "be", "being": "be", "am": "be",
	"will": "will", "shall": "shall", "do": "do", "does": "do", "did": "do",
}

var modals = map[string]bool{"would": true, "should": true, "could": true, "may": true, "might": true, "must": true, "can": true, "ought": true}

var negations = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "neither": true, "nor": true,
	"won't": true, "don't": true, "didn't": true, "can't": true, "cannot": true}

var prepositions = map[string]bool{"with": true, "to": true, "from": true, "for": true, "against": true, "on": true,
	"in": true, "into": true, "at": true, "of": true, "over": true, "about": true, "by": true, "toward": true,
	"towards": true, "between": true, "upon": true, "through": true, "near": true, "under": true, "after": true,
	"before": true, "during": true, "across": true, "onto": true, "within": true, "without": true}

var particles = map[string]bool{"up": true, "down": true, "out": true, "off": true, "back": true, "away": true}

var adverbs = map[string]bool{"now": true, "again": true, "also": true, "still": true, "ever": true, "even": true, "soon": true}

// pattern converts one pattern line for one verb of its block.
func (c *petrConverter) pattern(v petrVerb, pp petrPattern) error {
	toks := petrTokens(pp.text)
	star := -1
	for i, t := range toks {
		if t == "*" {
			star = i
			break
		}
	}
	if star < 0 {
		c.skip(pp.line, "pattern %q: no verb marker *", pp.text)
		return nil
	}
	p := &Pattern{POS: "V", Actor: []Role{{Rel: "subj"}}, Recipient: defaultRecipients}
	if !c.base(p, pp.code, pp.line) {
		c.skip(pp.line, "pattern %q: null code [%s]", pp.text, pp.code)
		return nil
	}
	if len(v.before) > 0 {
		c.skip(pp.line, "pattern %q for verb %q: words before the verb cannot be required", pp.text, strings.Join(append(v.before, v.words...), " "))
		return nil
	}
	var req []Constraint
	for _, t := range toks[:star] {
		switch {
		case t == "$" || t == "%" || t == "^":
		case t == "+":
			p.Recipient = []Role{{Rel: "obj"}}
		case t == "to":
		case negations[t] || strings.HasPrefix(t, "&neg"):
			c.skip(pp.line, "pattern %q: negation (dyad drops negated events)", pp.text)
			return nil
		case modals[t]:
			c.skip(pp.line, "pattern %q: modal %q (dyad does not code hypotheticals)", pp.text, t)
			return nil
		case auxLemma[t] != "":
			req = append(req, Constraint{Role: Role{Rel: "aux"}, Lemmas: []string{t, auxLemma[t]}})
		case strings.HasSuffix(t, "ly") || adverbs[t]:
			req = append(req, Constraint{Role: Role{Rel: "advmod"}, Lemmas: []string{t}})
		default:
			c.skip(pp.line, "pattern %q: word %q before the verb (governing or preceding words cannot be required)", pp.text, t)
			return nil
		}
	}
	roles := &petrRoles{}
	after, ok := c.after(append(v.words[1:], toks[star+1:]...), roles)
	if !ok {
		c.skip(pp.line, "pattern %q: words after the verb cannot be expressed", pp.text)
		return nil
	}
	if roles.actor != nil {
		p.Actor = []Role{*roles.actor}
	}
	if roles.recipient != nil {
		p.Recipient = []Role{*roles.recipient}
	}
	p.Require = append(req, after...)
	c.emit(p, v, pp.line, "")
	if roles.toAlt >= 0 {
		// "TO X": X may be an infinitive (xcomp) or a noun (obl:to).
		q := *p
		q.Require = append([]Constraint(nil), p.Require...)
		k := len(req) + roles.toAlt
		q.Require[k] = Constraint{Role: Role{Rel: "obl", Prep: "to"}, Lemmas: nounLemmas(roles.toWord)}
		c.emit(&q, v, pp.line, ":to")
	}
	return nil
}

// petrRoles collects the roles markers after the verb give.
type petrRoles struct {
	actor, recipient *Role
	toAlt            int // index in the returned constraints of an xcomp from "to X", -1 if none
	toWord           string
}

// petrTokens splits a pattern into lower-case words and markers.
func petrTokens(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for _, w := range strings.Split(f, "_") {
			if w == "" {
				continue
			}
			// "*" glued to nothing else after the split; "+"/"$" as words
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// after converts the words following the verb into constraints (see
// [PetrarchVerbs]). roles may be nil when markers are not expected.
func (c *petrConverter) after(toks []string, roles *petrRoles) ([]Constraint, bool) {
	if roles != nil {
		roles.toAlt = -1
	}
	var out []Constraint
	type group struct {
		prep  string
		words []string
	}
	var groups []group
	g := group{}
	first := true
	flush := func() {
		if g.prep != "" || len(g.words) > 0 {
			groups = append(groups, g)
		}
		g = group{}
	}
	for _, t := range toks {
		switch {
		case t == "^" || t == "%" || t == "the" || t == "a" || t == "an" || t == "its" || t == "their" || t == "his" || t == "her":
			if t == "^" || t == "%" {
				first = false
			}
			continue
		case t == "$" || t == "+":
			if roles == nil {
				return nil, false
			}
			r := Role{Rel: "obj"}
			if g.prep != "" {
				r = Role{Rel: "obl", Prep: g.prep}
			}
			if t == "$" {
				roles.actor = &r
			} else {
				roles.recipient = &r
			}
			first = false
			continue
		case first && len(g.words) == 0 && g.prep == "" && particles[t]:
			out = append(out, Constraint{Role: Role{Rel: "prt"}, Lemmas: []string{t}})
			continue
		case prepositions[t]:
			flush()
			g.prep = t
		case negations[t] || modals[t] || strings.HasPrefix(t, "&neg"):
			return nil, false
		case strings.HasSuffix(t, "ly") || adverbs[t]:
			out = append(out, Constraint{Role: Role{Rel: "advmod"}, Lemmas: []string{t}})
		default:
			if strings.HasPrefix(t, "&") {
				if _, ok := c.synsets[strings.ToUpper(t)]; !ok {
					return nil, false
				}
			}
			g.words = append(g.words, t)
		}
		first = false
	}
	flush()
	for _, g := range groups {
		if len(g.words) == 0 {
			continue // "WITH %", "IN $": roles only
		}
		head := g.words[len(g.words)-1]
		lemmas := c.headLemmas(head)
		if len(lemmas) == 0 {
			return nil, false
		}
		// A one-word phrase may be the head or a word before it, as
		// PETRARCH matches it ("* ARTILLERY": "fired artillery shells").
		loose := len(g.words) == 1 && !strings.HasPrefix(head, "&")
		switch g.prep {
		case "":
			out = append(out, Constraint{Role: Role{Rel: "obj"}, Lemmas: lemmas, Modifier: loose})
		case "to":
			if roles != nil && roles.toAlt < 0 && !strings.HasPrefix(head, "&") {
				roles.toAlt, roles.toWord = len(out), head
			}
			ls := verbLemmas(head)
			if !slices.Contains(ls, head) {
				ls = append(ls, head)
			}
			out = append(out, Constraint{Role: Role{Rel: "xcomp"}, Lemmas: ls})
		default:
			out = append(out, Constraint{Role: Role{Rel: "obl", Prep: g.prep}, Lemmas: lemmas, Modifier: loose})
		}
	}
	return out, true
}

// headLemmas returns the lemmas a head word or synset allows.
func (c *petrConverter) headLemmas(head string) []string {
	if !strings.HasPrefix(head, "&") {
		return nounLemmas(head)
	}
	var out []string
	seen := map[string]bool{}
	visited := map[string]bool{} // each synset once: self- and cross-references would explode
	var expand func(name string, depth int)
	expand = func(name string, depth int) {
		key := strings.ToUpper(name)
		if depth > 8 || visited[key] {
			return
		}
		visited[key] = true
		for _, m := range c.synsets[key] {
			w := strings.Fields(strings.ReplaceAll(m, "_", " "))
			if len(w) == 0 {
				continue
			}
			last := w[len(w)-1]
			if strings.HasPrefix(last, "&") {
				expand(last, depth+1)
				continue
			}
			for _, l := range nounLemmas(last) {
				if !seen[l] {
					seen[l] = true
					out = append(out, l)
				}
			}
		}
	}
	expand(head, 0)
	return out
}

// nounLemmas returns a word and its singular candidates.
func nounLemmas(w string) []string {
	w = strings.ToLower(w)
	out := []string{w}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		out = append(out, w[:len(w)-3]+"y")
	case strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		out = append(out, w[:len(w)-2], w[:len(w)-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		out = append(out, w[:len(w)-1])
	}
	return out
}

// irregularVerbs maps past and participle forms to the base form.
var irregularVerbs = map[string]string{
	"said": "say", "says": "say", "left": "leave", "met": "meet", "held": "hold", "broke": "break", "broken": "break",
	"began": "begin", "begun": "begin", "fought": "fight", "found": "find", "made": "make", "making": "make", "paid": "pay",
	"sank": "sink", "sunk": "sink", "shot": "shoot", "sought": "seek", "lent": "lend", "won": "win", "drawn": "draw",
	"drew": "draw", "risen": "rise", "rose": "rise", "has": "have", "had": "have", "took": "take", "taken": "take",
	"gave": "give", "given": "give", "went": "go", "gone": "go", "came": "come", "sent": "send", "brought": "bring",
	"bought": "buy", "sold": "sell", "told": "tell", "thought": "think", "kept": "keep", "led": "lead", "fled": "flee",
	"struck": "strike", "stricken": "strike", "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write",
	"chose": "choose", "chosen": "choose", "froze": "freeze", "frozen": "freeze", "stole": "steal", "stolen": "steal",
	"withdrew": "withdraw", "withdrawn": "withdraw", "overcame": "overcome", "undertook": "undertake", "forgave": "forgive",
	"forgiven": "forgive", "sat": "sit", "stood": "stand", "understood": "understand", "hit": "hit", "cut": "cut",
	"set": "set", "put": "put", "let": "let", "quit": "quit", "shut": "shut", "spread": "spread", "bid": "bid",
	"fell": "fall", "fallen": "fall", "felt": "feel", "lost": "lose", "meant": "mean", "heard": "hear", "ran": "run",
	"slew": "slay", "slain": "slay", "swore": "swear", "sworn": "swear", "tore": "tear", "torn": "tear", "beat": "beat",
	"beaten": "beat", "bore": "bear", "borne": "bear", "rode": "ride", "ridden": "ride", "drove": "drive", "driven": "drive",
	"is": "be", "was": "be", "were": "be", "been": "be", "are": "be", "did": "do", "done": "do", "does": "do",
	"defie": "defy", "stabbed": "stab", "steopped": "stop",
}

// verbLemmas returns lemma candidates of a verb form: the irregular base,
// else the form itself and what stripping -s, -es, -ed, -d, -ing (with an
// undoubled consonant or a restored e) leaves. A pattern is registered
// under each; lemmas no tagger produces never match.
func verbLemmas(w string) []string {
	w = strings.ToLower(w)
	if b, ok := irregularVerbs[w]; ok {
		return []string{b}
	}
	out := []string{w}
	add := func(s string) {
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	undouble := func(s string) {
		n := len(s)
		if n >= 3 && s[n-1] == s[n-2] && !strings.ContainsRune("aeiouls", rune(s[n-1])) {
			add(s[:n-1])
		}
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ied"):
		add(w[:len(w)-3] + "y")
	case strings.HasSuffix(w, "ing"):
		s := w[:len(w)-3]
		add(s)
		add(s + "e")
		undouble(s)
	case strings.HasSuffix(w, "ed"):
		add(w[:len(w)-2])
		add(w[:len(w)-1])
		undouble(w[:len(w)-2])
		if strings.HasSuffix(w, "lled") {
			add(w[:len(w)-3])
		}
	case strings.HasSuffix(w, "es"):
		add(w[:len(w)-2])
		add(w[:len(w)-1])
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		add(w[:len(w)-1])
	default:
		if last := rune(w[len(w)-1]); !strings.ContainsRune("aeiouy", last) && unicode.IsLetter(last) {
			// TABARI stems ("EXCHANG"): the full verb may end in e
			add(w + "e")
		}
	}
	return out
}

// PetrarchDiscards is a PETRARCH discard list: phrases whose presence
// discards a sentence, or (marked '+' in the file) the whole story.
type PetrarchDiscards struct {
	Sentence []string // normalised phrases: lower case, words joined by one space
	Story    []string
}

// ReadPetrarchDiscards reads a discard list, one phrase a line ('_' or
// spaces between words), '+' first for story-level discards, '#' comments.
func ReadPetrarchDiscards(name string, r io.Reader) (*PetrarchDiscards, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	d := &PetrarchDiscards{}
	line := 0
	inComment := false
	for sc.Scan() {
		line++
		var s string
		s, inComment = stripComments(sc.Text(), inComment)
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		story := strings.HasPrefix(s, "+")
		ph := normWords(strings.ReplaceAll(strings.TrimPrefix(s, "+"), "_", " "))
		if ph == "" {
			return nil, fmt.Errorf("%s:%d: discard %q has no words", name, line, clip(s))
		}
		if story {
			d.Story = append(d.Story, ph)
		} else {
			d.Sentence = append(d.Sentence, ph)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if inComment {
		return nil, fmt.Errorf("%s:%d: unterminated <!-- comment", name, line)
	}
	return d, nil
}

// Match reports the first discard phrase found in text as whole words,
// case ignored, and whether it discards the story.
func (d *PetrarchDiscards) Match(text string) (phrase string, story, ok bool) {
	if d == nil {
		return "", false, false
	}
	t := " " + normWords(text) + " "
	for _, p := range d.Story {
		if strings.Contains(t, " "+p+" ") {
			return p, true, true
		}
	}
	for _, p := range d.Sentence {
		if strings.Contains(t, " "+p+" ") {
			return p, false, true
		}
	}
	return "", false, false
}

// normWords lower-cases s and joins its words (letters, digits, inner
// apostrophes, hyphens and dots) with single spaces.
func normWords(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-' || r == '.' || r == '&')
	})
	out := f[:0]
	for _, w := range f {
		if w = strings.Trim(w, ".'-"); w != "" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}
