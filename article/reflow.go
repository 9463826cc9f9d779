package article

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rawLine is one input line after whitespace normalisation, with the layout
// cues the reflow needs.
type rawLine struct {
	text    string // trimmed, inner whitespace runs folded to one space
	indent  bool   // began with white space
	nbspEnd bool   // ended with a no-break space (a paragraph-end mark in many page dumps)
	n       int    // length in runes
}

// block is a reflowed paragraph candidate before classification.
type block struct {
	text  string
	lines int
}

func normLine(s string) rawLine {
	var l rawLine
	if s != "" {
		r, _ := utf8.DecodeRuneInString(s)
		l.indent = unicode.IsSpace(r)
		r, _ = utf8.DecodeLastRuneInString(s)
		l.nbspEnd = r == '\u00a0' || r == '\u202f'
	}
	l.text = foldSpace(s)
	l.n = utf8.RuneCountInString(l.text)
	return l
}

// foldSpace trims s and folds every run of white space (no-break spaces
// included) to one ASCII space; it also drops zero-width characters and
// soft hyphens, which page dumps carry but text does not need.
func foldSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// reflow turns lines into paragraph blocks. It finds out how the text was
// laid out before deciding what a line end means:
//
//   - Blank lines separate paragraphs, unless the text is "double spaced"
//     (a blank line after nearly every line, as page-to-text dumps make):
//     then one blank line is a soft line end and two or more are a break.
//   - When lines are hard-wrapped at a width, a line end inside a block is
//     a paragraph end only if the line is short (the next word would have
//     fitted), the next line is indented after a sentence end, or the
//     line ends with a no-break space after a sentence end; otherwise the
//     lines are joined. Unwrapped text keeps each line as a paragraph.
func reflow(raw []string) []block {
	lines := make([]rawLine, len(raw))
	for i, s := range raw {
		lines[i] = normLine(s)
	}
	// Count the blank-line gaps between non-blank lines.
	type gapLine struct {
		rawLine
		gap int // blank lines before this one
	}
	var gl []gapLine
	blanks := 0
	for _, l := range lines {
		if l.text == "" {
			blanks++
			continue
		}
		gl = append(gl, gapLine{l, blanks})
		blanks = 0
	}
	if len(gl) == 0 {
		return nil
	}
	// Double spacing shows where a sentence runs on from one line to the
	// next: such a line end has a blank line after it in a double-spaced
	// dump and none in ordinary wrapped text.
	soft, tight := 0, 0
	for i := 1; i < len(gl); i++ {
		prev := gl[i-1]
		if prev.n < 30 || endsSentence(prev.text) || isURLLine(prev.text) {
			continue
		}
		switch gl[i].gap {
		case 0:
			tight++
		case 1:
			soft++
		}
	}
	doubleSpaced := soft > tight
	hard := func(gap int) bool {
		if doubleSpaced {
			return gap >= 2
		}
		return gap >= 1
	}
	// Group lines between hard breaks.
	var groups [][]rawLine
	for i, g := range gl {
		if i == 0 || hard(g.gap) {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], g.rawLine)
	}
	width, wrapped := wrapWidth(groups)
	var out []block
	for _, g := range groups {
		cur := block{}
		flush := func() {
			if cur.text != "" {
				out = append(out, cur)
			}
			cur = block{}
		}
		for i, l := range g {
			if i > 0 && (!wrapped || lineBreak(g[i-1], l, width)) {
				flush()
			}
			cur.text = joinLine(cur.text, l.text)
			cur.lines++
		}
		flush()
	}
	return out
}

// wrapWidth estimates the width lines were wrapped at, and whether the
// text is hard-wrapped at all. Wrapped text breaks most long lines in the
// middle of a sentence; text with one paragraph a line ends nearly every
// long line with a sentence end, so even a fifth of long lines ending
// mid-sentence shows wrapping.
func wrapWidth(groups [][]rawLine) (int, bool) {
	var ns []int
	for _, g := range groups {
		for _, l := range g {
			if !isURLLine(l.text) {
				ns = append(ns, l.n)
			}
		}
	}
	if len(ns) < 3 {
		return 0, false
	}
	sorted := append([]int(nil), ns...)
	sort.Ints(sorted)
	w := sorted[len(sorted)*9/10]
	if w < 30 {
		return w, false
	}
	long, mid := 0, 0
	for _, g := range groups {
		for _, l := range g[:len(g)-1] {
			if l.n*2 < w || isURLLine(l.text) {
				continue
			}
			long++
			if !endsSentence(l.text) {
				mid++
			}
		}
	}
	return w, mid >= 2 && mid*5 >= long
}

// lineBreak reports whether the end of prev, followed by next, ends a
// paragraph in hard-wrapped text of the given width.
func lineBreak(prev, next rawLine, width int) bool {
	if isURLLine(prev.text) || isURLLine(next.text) || isListItem(next.text) {
		return true
	}
	if isMarkerLine(next.text) || isMarkerLine(prev.text) {
		return true
	}
	// A line far longer than the width was not wrapped with the text
	// around it: a block pasted in whole.
	if prev.n*100 > width*115 || next.n*100 > width*115 {
		return true
	}
	first := next.text
	if i := strings.IndexByte(first, ' '); i >= 0 {
		first = first[:i]
	}
	fits := prev.n + 1 + utf8.RuneCountInString(first)
	// The next word would have fitted on this line: the break was meant.
	if fits*100 < width*92 {
		return true
	}
	if endsSentence(prev.text) && startsSentence(next.text) && (next.indent || prev.nbspEnd || fits*100 < width*95) {
		return true
	}
	return false
}

// joinLine appends a wrapped line to a paragraph, mending words that were
// hyphenated across the break ("inter-" + "national" keeps the hyphen,
// since compounds like "pro-" + "Turkish" are far more common in news).
func joinLine(par, line string) string {
	if par == "" {
		return line
	}
	if strings.HasSuffix(par, "-") && !strings.HasSuffix(par, " -") && !strings.HasSuffix(par, "--") {
		return par + line
	}
	return par + " " + line
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'’”»)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':'
}

func startsSentence(s string) bool {
	s = strings.TrimLeft(s, "\"'‘“«([-—–•* ")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isURLLine reports whether s is one bare link or a run of them.
func isURLLine(s string) bool {
	if s == "" {
		return false
	}
	for _, f := range strings.Fields(s) {
		if !looksURL(f) {
			return false
		}
	}
	return true
}

func looksURL(f string) bool {
	f = strings.Trim(f, "<>()[]\"'")
	return strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") ||
		(strings.HasPrefix(f, "www.") && strings.Count(f, ".") >= 2)
}

func isListItem(s string) bool {
	if strings.HasPrefix(s, "• ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "– ") {
		return true
	}
	// "1. " or "12) ", but not a year ending a wrapped sentence ("2009. ").
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i <= 2 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}
