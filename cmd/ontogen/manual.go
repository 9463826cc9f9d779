package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/event"
)

// The 16 PLOVER types the 2021 codebook defines, in its order.
var wantTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

type pmode struct {
	name, desc string
	score      float64
	fromType   bool // the codebook has no score for this mode
}

type ptype struct {
	name      string
	quad      int
	req       bool
	score     float64
	desc      string
	notes     []string
	modes     []pmode
	modeNames map[string]bool
}

type codebook struct {
	types    []*ptype
	byName   map[string]*ptype
	contexts [][2]string
	ctxNames map[string]bool
}

var quadNames = map[string]int{
	"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4,
}

// parseManual reads the PLOVER codebook's LaTeX source.
func parseManual(tex string) (*codebook, error) {
	tex = stripComments(tex)
	cb := &codebook{byName: map[string]*ptype{}, ctxNames: map[string]bool{}}

	chapter, err := between(tex, `\chapter{Event Categories}`, `\chapter{Contexts}`)
	if err != nil {
		return nil, err
	}
	for _, sec := range strings.Split(chapter, `\section{`)[1:] {
		name, body, _ := strings.Cut(sec, "}")
		t := &ptype{name: name, modeNames: map[string]bool{}}
		desc, _, _ := strings.Cut(body, `\subsection`)
		t.desc = detex(desc)
		m := regexp.MustCompile(`\\subsection\{Requires recipient: (Yes|No)\}`).FindStringSubmatch(body)
		if m == nil {
			return nil, fmt.Errorf("type %s: no \"Requires recipient\" subsection", name)
		}
		t.req = m[1] == "Yes"
		m = regexp.MustCompile(`\\subsection\{Quad category: ([A-Z ]+)\}`).FindStringSubmatch(body)
		if m == nil || quadNames[m[1]] == 0 {
			return nil, fmt.Errorf("type %s: no known \"Quad category\" subsection", name)
		}
		t.quad = quadNames[m[1]]
		if i := strings.Index(body, `\caption{`); i >= 0 {
			tab, err := between(body[i:], `\begin{tabular}`, `\end{tabular}`)
			if err != nil {
				return nil, fmt.Errorf("type %s modes: %w", name, err)
			}
			for _, row := range tabularRows(tab) {
				if len(row) != 2 {
					return nil, fmt.Errorf("type %s modes: row %q has %d cells", name, row, len(row))
				}
				mode, content := detex(row[0]), detex(row[1])
				switch {
				case mode == "Name":
					continue
				case mode == "" && len(t.modes) > 0: // continuation of the previous row
					t.modes[len(t.modes)-1].desc += " " + content
					continue
				case mode == "" || strings.ToLower(mode) != mode:
					return nil, fmt.Errorf("type %s: bad mode name %q", name, mode)
				}
				t.modes = append(t.modes, pmode{name: mode, desc: content})
				t.modeNames[mode] = true
			}
		}
		cb.types = append(cb.types, t)
		cb.byName[name] = t
	}
	var got []string
	for _, t := range cb.types {
		got = append(got, t.name)
	}
	if strings.Join(got, " ") != strings.Join(wantTypes, " ") {
		return nil, fmt.Errorf("event types %v, want the 16 of the 2021 codebook %v", got, wantTypes)
	}
	if err := cb.parseScores(tex); err != nil {
		return nil, err
	}
	if err := cb.parseQuadTable(tex); err != nil {
		return nil, err
	}
	if err := cb.parseContexts(tex); err != nil {
		return nil, err
	}
	return cb, nil
}

// parseScores reads the "PLOVER conflict--cooperation scores" table: cells
// "TYPE" or "TYPE: Mode" followed by their score, three pairs a row.
func (cb *codebook) parseScores(tex string) error {
	i := strings.Index(tex, `\caption{PLOVER conflict--cooperation scores}`)
	if i < 0 {
		return fmt.Errorf("no scores table")
	}
	tab, err := between(tex[i:], `\begin{tabular}`, `\end{tabular}`)
	if err != nil {
		return fmt.Errorf("scores table: %w", err)
	}
	scores := map[[2]string]float64{}
	for _, row := range tabularRows(tab) {
		for j := 0; j+1 < len(row); j += 2 {
			label := strings.TrimSpace(strings.ReplaceAll(row[j], `\cellcolor{gray!25}`, ""))
			val := strings.TrimSpace(strings.ReplaceAll(row[j+1], `\cellcolor{gray!25}`, ""))
			if label == "" || strings.HasPrefix(label, `\textbf`) {
				continue
			}
			v, err := strconv.ParseFloat(val, 64)
			if err != nil {
				return fmt.Errorf("scores table: %s: %w", label, err)
			}
			typ, mode, _ := strings.Cut(label, ":")
			typ, mode = strings.TrimSpace(typ), strings.ToLower(strings.TrimSpace(mode))
			t := cb.byName[typ]
			if t == nil {
				return fmt.Errorf("scores table: unknown type %q", typ)
			}
			if mode != "" && !t.modeNames[mode] {
				return fmt.Errorf("scores table: %s has no mode %q in its mode table", typ, mode)
			}
			k := [2]string{typ, mode}
			if _, dup := scores[k]; dup {
				return fmt.Errorf("scores table: %s listed twice", label)
			}
			scores[k] = v
		}
	}
	for _, t := range cb.types {
		v, ok := scores[[2]string{t.name, ""}]
		if !ok {
			return fmt.Errorf("scores table: no score for type %s", t.name)
		}
		t.score = v
		allOpposite := len(t.modes) > 0
		for i := range t.modes {
			m := &t.modes[i]
			if mv, ok := scores[[2]string{t.name, m.name}]; ok {
				m.score = mv
			} else {
				m.score, m.fromType = v, true
			}
			if (m.score < 0) == (v < 0) || m.fromType {
				allOpposite = false
			}
		}
		conflict := t.quad >= 3
		if (conflict && v > 0) || (!conflict && v < 0) || allOpposite {
			t.notes = append(t.notes, fmt.Sprintf("codebook prints the type score as %s although %s is %s and all its modes score the other sign: probably a lost minus sign; kept as printed",
				strconv.FormatFloat(v, 'f', -1, 64), t.name, event.QuadClass(t.quad)))
		}
	}
	return nil
}

// parseQuadTable cross-checks the section quad categories against the
// summary table "Quad categories in PLOVER" and notes disagreements.
func (cb *codebook) parseQuadTable(tex string) error {
	i := strings.Index(tex, `\caption{Quad categories in PLOVER}`)
	if i < 0 {
		return fmt.Errorf("no quad categories table")
	}
	tab, err := between(tex[i:], `\begin{tabular}`, `\end{tabular}`)
	if err != nil {
		return fmt.Errorf("quad table: %w", err)
	}
	for _, row := range tabularRows(tab) {
		if len(row) != 3 {
			continue
		}
		q, err := strconv.Atoi(strings.TrimSpace(row[2]))
		if err != nil {
			continue // header
		}
		for _, n := range strings.Split(row[1], ",") {
			t := cb.byName[strings.TrimSpace(n)]
			if t == nil {
				return fmt.Errorf("quad table: unknown type %q", n)
			}
			if t.quad != q {
				t.notes = append(t.notes, fmt.Sprintf("the type's section says %s (%d), the summary table 'Quad categories in PLOVER' says %d; the section is kept",
					event.QuadClass(t.quad), t.quad, q))
			}
		}
	}
	return nil
}

// parseContexts reads the "General contexts" longtable.
func (cb *codebook) parseContexts(tex string) error {
	i := strings.Index(tex, `\caption{General contexts`)
	if i < 0 {
		return fmt.Errorf("no general contexts table")
	}
	tab, err := between(tex[i:], `\endlastfoot`, `\end{longtable}`)
	if err != nil {
		return fmt.Errorf("contexts table: %w", err)
	}
	for _, row := range tabularRows(tab) {
		if len(row) != 2 {
			return fmt.Errorf("contexts table: row %q has %d cells", row, len(row))
		}
		name, desc := detex(row[0]), detex(row[1])
		if name == "" || strings.ContainsAny(name, " ") || strings.ToLower(name) != name || cb.ctxNames[name] {
			return fmt.Errorf("contexts table: bad or duplicate context name %q", name)
		}
		cb.ctxNames[name] = true
		cb.contexts = append(cb.contexts, [2]string{name, desc})
	}
	return nil
}

func (cb *codebook) typesFile() file {
	t := table{name: event.FileTypes, comment: []string{
		"The 16 PLOVER event types of the PLOVER codebook (PLOVER_MANUAL.tex, 2021 draft, commit 2024-02-04):",
		"quad category and 'Requires recipient' from each type's section, score from the table",
		"'PLOVER conflict-cooperation scores' (-10..+10), description from the section's opening text.",
		"Licence: " + licencePLOV,
	}}
	for _, p := range cb.types {
		req := "no"
		if p.req {
			req = "yes"
		}
		t.rows = append(t.rows, []string{p.name, strconv.Itoa(p.quad), req, score(p.score), p.desc, strings.Join(p.notes, "; ")})
	}
	return t.file()
}

func (cb *codebook) modesFile() file {
	t := table{name: event.FileModes, comment: []string{
		"PLOVER modes per type (how an event was done), from the codebook's mode tables. Each type first has a",
		"type-level row with an empty mode (the type with no mode; AGREE, SUPPORT, CONCEDE, COOPERATE and AID have no",
		"modes in the codebook). score_source 'type' marks modes the scores table leaves out (they take the type's score).",
		"Licence: " + licencePLOV,
	}}
	for _, p := range cb.types {
		t.rows = append(t.rows, []string{p.name, "", score(p.score), "codebook", "(no mode)"})
		for _, m := range p.modes {
			src := "codebook"
			if m.fromType {
				src = "type"
			}
			t.rows = append(t.rows, []string{p.name, m.name, score(m.score), src, m.desc})
		}
	}
	return t.file()
}

func (cb *codebook) contextsFile() file {
	t := table{name: event.FileContexts, comment: []string{
		"PLOVER general contexts (what an event is about; usable with any type), codebook table 'General contexts'.",
		"Licence: " + licencePLOV,
	}}
	for _, c := range cb.contexts {
		t.rows = append(t.rows, []string{c[0], c[1]})
	}
	return t.file()
}

// ---------------------------------------------------------------- LaTeX helpers

// stripComments drops LaTeX comments: from an unescaped % to the end of line.
func stripComments(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		for j := 0; j < len(l); j++ {
			if l[j] == '%' && (j == 0 || l[j-1] != '\\') {
				l = l[:j]
				break
			}
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

func between(s, start, end string) (string, error) {
	i := strings.Index(s, start)
	if i < 0 {
		return "", fmt.Errorf("%q not found", start)
	}
	s = s[i+len(start):]
	j := strings.Index(s, end)
	if j < 0 {
		return "", fmt.Errorf("%q not found after %q", end, start)
	}
	return s[:j], nil
}

// tabularRows splits a tabular body into rows of cells (split on \\ and &).
func tabularRows(tab string) [][]string {
	tab = strings.ReplaceAll(tab, `\&`, "\x00")
	var rows [][]string
	for _, r := range strings.Split(tab, `\\`) {
		r = strings.ReplaceAll(r, `\hline`, "")
		r = strings.ReplaceAll(r, `\cline{1-2}`, "")
		if strings.TrimSpace(r) == "" {
			continue
		}
		// Drop a leading column spec like {|l|p{13cm}|}.
		r = strings.TrimSpace(r)
		if strings.HasPrefix(r, "{") {
			depth := 0
			for i, c := range r {
				if c == '{' {
					depth++
				} else if c == '}' {
					depth--
					if depth == 0 {
						r = r[i+1:]
						break
					}
				}
			}
		}
		if strings.TrimSpace(r) == "" {
			continue
		}
		cells := strings.Split(r, "&")
		for i := range cells {
			cells[i] = strings.TrimSpace(strings.ReplaceAll(cells[i], "\x00", `\&`))
		}
		rows = append(rows, cells)
	}
	return rows
}

var (
	texKeep   = regexp.MustCompile(`\\(?:plcat|plcon|plmod|ti|txt|textit|emph|textbf|texttt|textsf|sout|hyperref\[[^\]]*\])\{([^{}]*)\}`)
	texDrop   = regexp.MustCompile(`\\(?:autoref|ref|label|cite|citet|citep|footnote|fn|url)\{[^{}]*\}`)
	texEnv    = regexp.MustCompile(`\\(?:begin|end)\{[^{}]*\}(?:\[[^\]]*\])?`)
	texBare   = regexp.MustCompile(`\\(?:newpage|clearpage|noindent|bigskip|centering|raggedright|hline|item)\b`)
	texSpaces = regexp.MustCompile(`\s+`)
)

// detex turns a bit of codebook LaTeX into plain one-line text.
func detex(s string) string {
	for {
		t := texKeep.ReplaceAllString(s, "$1")
		if t == s {
			break
		}
		s = t
	}
	s = texDrop.ReplaceAllString(s, "")
	s = texEnv.ReplaceAllString(s, " ")
	s = strings.ReplaceAll(s, `\item`, "\x01")
	s = texBare.ReplaceAllString(s, " ")
	r := strings.NewReplacer("``", `"`, "''", `"`, "---", "—", "--", "–", `\ldots`, "...", `\_`, "_", `\&`, "&",
		`\%`, "%", `\$`, "$", "~", " ", `\\`, " ", "$", "", `\`, "")
	s = r.Replace(s)
	// Itemized text becomes one line of "; "-separated items.
	parts := strings.Split(s, "\x01")
	for i := range parts {
		parts[i] = strings.TrimSpace(texSpaces.ReplaceAllString(parts[i], " "))
	}
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	var b strings.Builder
	for i, p := range out {
		if i > 0 {
			if strings.HasSuffix(out[i-1], ":") || strings.HasSuffix(out[i-1], ".") {
				b.WriteString(" ")
			} else {
				b.WriteString("; ")
			}
		}
		b.WriteString(p)
	}
	return b.String()
}
