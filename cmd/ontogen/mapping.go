package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/event"
)

type mapping struct {
	cameo, typ, mode string
	srcMode          string // the mode as the source wrote it
	ctx              []string
	source           string
	notes            []string
}

type modeRule struct {
	mode    string // the current mode ("" drops it)
	context string // a context to add instead (the source put a context in the mode column)
	reason  string
}

// modeRules translate modes that the 2021 codebook does not list for that
// type: those CAMEO2PLOVER-2021 uses, and those of the PLOVER 0.5b1 GSR.
var modeRules = map[[2]string]modeRule{
	{"RETREAT", "return"}:        {"", "", "'return' (property) is commented out of the codebook's RETREAT modes"},
	{"RETREAT", "ease"}:          {"", "", "CAMEO2PLOVER-2021 itself notes (21.09.17) that 'ease' is no longer a mode"},
	{"THREATEN", "ban"}:          {"restrict", "", "codebook: THREATEN restrict covers the banning of political activities of parties or individuals"},
	{"THREATEN", "political"}:    {"restrict", "", "not a codebook mode; threats to restrict freedoms fall under THREATEN restrict"},
	{"COERCE", "ban"}:            {"restrict", "", "codebook: COERCE restrict includes banning individuals or organizations from political life"},
	{"ASSAULT", "seize"}:         {"destroy", "", "CAMEO 1712 destroy property; codebook: ASSAULT destroy is intentional destruction of property"},
	{"ASSAULT", "assassinate"}:   {"targeted", "", "codebook: ASSAULT targeted covers successful and attempted assassinations"},
	{"ASSAULT", "massacre"}:      {"targeted", "", "'massacre' is commented out of the codebook; targeted covers deliberate mass killings of defenseless actors"},
	{"ASSAULT", "cleansing"}:     {"", "", "'cleansing' is commented out of the codebook's ASSAULT modes; the religion_ethnicity context carries it"},
	{"ASSAULT", "pro_autocracy"}: {"", "pro_autocracy", "pro_autocracy is a context that the source wrote in the mode column; moved to contexts"},
	{"CONSULT", "host"}:          {"visit", "", "the codebook has no host mode: a hosted visit is CONSULT visit with the visitor as actor and the host as recipient"},
	{"PROTEST", "demo-org"}:      {"demo", "", "0.5b1 split organized/spontaneous demonstrations; the codebook has one demo mode"},
	{"PROTEST", "demo-spon"}:     {"demo", "", "0.5b1 split organized/spontaneous demonstrations; the codebook has one demo mode"},
	{"PROTEST", "riot-spon"}:     {"riot", "", "0.5b1 spontaneous riot; the codebook has one riot mode"},
	{"PROTEST", "strike-gen"}:    {"strike", "", "0.5b1 general strike; the codebook's strike mode"},
	{"PROTEST", "strike-hun"}:    {"hunger", "", "0.5b1 hunger strike; the codebook's hunger mode"},
	{"THREATEN", "curfew"}:       {"restrict", "", "codebook: THREATEN restrict includes curfews (CAMEO 1323 -> THREATEN restrict)"},
	{"THREATEN", "martial-law"}:  {"restrict", "", "CAMEO2PLOVER-2021 maps 1324 threaten martial law to THREATEN restrict"},
	{"ASSAULT", "other"}:         {"", "", "unspecified mode"},
	{"ASSAULT", "deport"}:        {"", "", "0.5b1 FIGHT deport was mass expulsion (CAMEO 201); CAMEO2PLOVER-2021 codes 201 ASSAULT, its cleansing mode left the codebook"},
}

// contextRules translate CAMEO2PLOVER-2021 contexts the codebook does not list.
var contextRules = map[string][2]string{
	"democracy":    {"pro_democracy", "not a codebook context; easing restrictions on political freedoms is democratization (pro_democracy)"},
	"humanitarian": {"human_security", "not a codebook context; closest is human_security (access to food, water, housing, energy)"},
}

// extraMappings are mappings dyad adds for codes CAMEO2PLOVER-2021 does not know.
var extraMappings = []mapping{
	{cameo: "176", typ: "COERCE", mode: "cyber", ctx: []string{"cyber"}, source: "dyad",
		notes: []string{"Phoenix CAMEO 2.0 code (hacking) under CAMEO 17 COERCE; codebook: COERCE cyber covers hacking, security breaches, website attacks"}},
}

var c2pLine = regexp.MustCompile(`^(\d{2,4}):\s*(.*)$`)

// parseC2P reads CAMEO2PLOVER-2021.txt lines "CODE: TYPE, mode, context # text".
func parseC2P(txt string, cb *codebook, codes map[string]*code) (map[string]*mapping, error) {
	maps := map[string]*mapping{}
	for n, line := range strings.Split(txt, "\n") {
		m := c2pLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		c := m[1]
		body, _, _ := strings.Cut(m[2], "#")
		f := strings.Split(body, ",")
		x := &mapping{cameo: c, typ: strings.TrimSpace(f[0]), source: "plover-2021"}
		if len(f) > 1 {
			x.mode = strings.ToLower(strings.TrimSpace(f[1]))
			x.srcMode = x.mode
		}
		if len(f) > 2 {
			for _, ctx := range strings.Split(f[2], ";") {
				if ctx = strings.TrimSpace(ctx); ctx != "" {
					x.ctx = append(x.ctx, ctx)
				}
			}
		}
		if len(f) > 3 {
			return nil, fmt.Errorf("line %d: %d comma-separated fields, want at most 3", n+1, len(f))
		}
		if codes[c] == nil {
			return nil, fmt.Errorf("line %d: CAMEO code %s is not in the code table", n+1, c)
		}
		if err := normalize(x, cb); err != nil {
			return nil, fmt.Errorf("line %d: %w", n+1, err)
		}
		if old := maps[c]; old != nil {
			if old.typ == x.typ && old.mode == x.mode && strings.Join(old.ctx, ";") == strings.Join(x.ctx, ";") {
				old.notes = append(old.notes, fmt.Sprintf("listed twice in the source (line %d too)", n+1))
			} else {
				old.notes = append(old.notes, fmt.Sprintf("the source also maps it to %s at line %d; the first line is kept (codebook table: 08 YIELD is CONCEDE for 081-083, RETREAT for 084-087)", x.typ, n+1))
			}
			continue
		}
		maps[c] = x
	}
	for _, x := range extraMappings {
		x := x
		if maps[x.cameo] != nil {
			return nil, fmt.Errorf("extra mapping for %s: the source maps it already", x.cameo)
		}
		if err := normalize(&x, cb); err != nil {
			return nil, err
		}
		maps[x.cameo] = &x
	}
	return maps, nil
}

// normalize checks a mapping against the codebook, applying modeRules and
// contextRules and recording each change in the mapping's notes.
func normalize(x *mapping, cb *codebook) error {
	t := cb.byName[x.typ]
	if t == nil {
		return fmt.Errorf("CAMEO %s: unknown PLOVER type %q", x.cameo, x.typ)
	}
	if x.mode != "" && !t.modeNames[x.mode] {
		r, ok := modeRules[[2]string{x.typ, x.mode}]
		if !ok {
			return fmt.Errorf("CAMEO %s: mode %q is not a codebook mode of %s and has no rule", x.cameo, x.mode, x.typ)
		}
		to := r.mode
		if to == "" {
			to = "(none)"
		}
		x.notes = append(x.notes, fmt.Sprintf("source mode %q -> %s: %s", x.mode, to, r.reason))
		x.mode = r.mode
		if r.context != "" {
			x.ctx = append([]string{r.context}, x.ctx...)
		}
	}
	var ctx []string
	seen := map[string]bool{}
	for _, c := range x.ctx {
		if !cb.ctxNames[c] {
			r, ok := contextRules[c]
			if !ok {
				return fmt.Errorf("CAMEO %s: context %q is not a codebook context and has no rule", x.cameo, c)
			}
			x.notes = append(x.notes, fmt.Sprintf("source context %q -> %s: %s", c, r[0], r[1]))
			c = r[0]
		}
		if !seen[c] {
			seen[c] = true
			ctx = append(ctx, c)
		}
	}
	x.ctx = ctx
	return nil
}

func mapsFile(maps map[string]*mapping) file {
	t := table{name: event.FileCAMEOPlover, comment: []string{
		"CAMEO -> PLOVER, from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, 17-Sep-2021, Philip Schrodt).",
		"CAMEO 01x (statements) and 02x (appeals) are dropped by PLOVER and have no row. Modes and contexts the codebook",
		"does not list are translated to codebook ones; the note column says which and why. source 'dyad' marks rows dyad adds.",
		"Licence: " + licencePLOV,
	}}
	for _, c := range sortedKeys(maps) {
		x := maps[c]
		t.rows = append(t.rows, []string{c, x.typ, x.mode, strings.Join(x.ctx, ";"), x.source, strings.Join(x.notes, "; ")})
	}
	return t.file()
}

// ---------------------------------------------------------------- PLOVER -> CAMEO defaults

type deflt struct{ typ, mode, cameo, how, note string }

// defaultOverrides replace the rule's choice where a better-known code exists.
var defaultOverrides = map[[2]string][2]string{
	{"ACCUSE", "allege"}:         {"112", "CAMEO 112 'Accuse' is the general accusation; the rule would pick 114 'Complain officially'"},
	{"THREATEN", "violence"}:     {"138", "CAMEO 138 'Threaten with military force' is the general violent threat; the rule would pick 137 (violent repression)"},
	{"THREATEN", "relations"}:    {"131", "CAMEO 131 'Threaten non-force' heads the threats to cut relations"},
	{"ACCUSE", ""}:               {"112", "CAMEO 112 'Accuse, not specified below'; no 3-digit code maps to ACCUSE without a mode, the rule would pick root 09 (investigate)"},
	{"PROTEST", "strike"}:        {"143", "CAMEO 143 'Conduct strike or boycott' (CAMEO2PLOVER-2021 maps it to boycott); no code maps to strike"},
	{"COERCE", "censor"}:         {"1721", "CAMEO 1721 'Impose restrictions on political freedoms' (speech, expression); no code maps to censor"},
	{"ASSAULT", "targeted"}:      {"186", "CAMEO 186 'Assassinate'; the rule would pick 200 (unconventional mass violence)"},
	{"ASSAULT", "aerial"}:        {"195", "CAMEO 195 'Employ aerial weapons' (CAMEO2PLOVER-2021 maps it to heavy-weapons); no code maps to aerial"},
	{"ASSAULT", "drone"}:         {"195", "CAMEO 195 'Employ aerial weapons' (drones are unmanned aerial weapons); no code maps to drone"},
	{"ASSAULT", "crowd-control"}: {"175", "CAMEO 175 'Use tactics of violent repression' (crowd control tactics); no code maps to crowd-control"},
}

// defaults picks, for each PLOVER type and mode, the most representative
// CAMEO code mapping to it: a 3-digit code before a 4-digit one before a root,
// a code ending in 0 ("not specified below") first, fewer contexts first, then
// the lowest code. Types and modes no code maps to fall back to the type's
// default.
func defaults(cb *codebook, maps map[string]*mapping) ([]deflt, error) {
	cands := map[[2]string][]*mapping{}
	for _, c := range sortedKeys(maps) {
		x := maps[c]
		k := [2]string{x.typ, x.mode}
		cands[k] = append(cands[k], x)
	}
	rank := func(m *mapping) [3]int {
		depth := map[int]int{3: 0, 4: 1, 2: 2}[len(m.cameo)]
		zero := 1
		if len(m.cameo) == 3 && m.cameo[2] == '0' {
			zero = 0
		}
		return [3]int{depth, zero, len(m.ctx)}
	}
	var out []deflt
	for _, t := range cb.types {
		modes := append([]string{""}, modeList(t)...)
		var typeDefault string
		for _, mode := range modes {
			k := [2]string{t.name, mode}
			d := deflt{typ: t.name, mode: mode}
			if o, ok := defaultOverrides[k]; ok {
				if m := maps[o[0]]; m == nil || m.typ != t.name {
					return nil, fmt.Errorf("default override %s/%s: CAMEO %s does not map to %s", t.name, mode, o[0], t.name)
				}
				d.cameo, d.how, d.note = o[0], "override", o[1]
			} else if cs := cands[k]; len(cs) > 0 {
				sort.SliceStable(cs, func(i, j int) bool {
					a, b := rank(cs[i]), rank(cs[j])
					if a != b {
						for n := range a {
							if a[n] != b[n] {
								return a[n] < b[n]
							}
						}
					}
					return cs[i].cameo < cs[j].cameo
				})
				d.cameo, d.how = cs[0].cameo, "mapped"
				if len(cs) > 1 {
					var others []string
					for _, c := range cs[1:] {
						others = append(others, c.cameo)
					}
					d.note = "also mapped here: " + strings.Join(others, " ")
				}
			} else if mode == "" {
				return nil, fmt.Errorf("no CAMEO code maps to %s without a mode", t.name)
			} else {
				d.cameo, d.how = typeDefault, "fallback"
				d.note = fmt.Sprintf("no CAMEO code maps to %s %s; the type's default stands in", t.name, mode)
			}
			if mode == "" {
				typeDefault = d.cameo
			}
			out = append(out, d)
		}
	}
	return out, nil
}

func modeList(t *ptype) []string {
	var ms []string
	for _, m := range t.modes {
		ms = append(ms, m.name)
	}
	return ms
}

func defaultsFile(ds []deflt) file {
	t := table{name: event.FilePloverCAMEO, comment: []string{
		"PLOVER -> CAMEO default: for each type and mode (empty = type-level) the CAMEO code a coder that assigns PLOVER",
		"first should emit. Rule (dyad's): among the codes cameo_plover.tsv maps to that type and mode, a 3-digit code before",
		"a 4-digit one before a root, a code ending in 0 first, fewer contexts first, lowest code. how: mapped (by the rule),",
		"override (dyad's choice, reason in note), fallback (no code maps to the mode; the type's default stands in).",
	}}
	for _, d := range ds {
		t.rows = append(t.rows, []string{d.typ, d.mode, d.cameo, d.how, d.note})
	}
	return t.file()
}
