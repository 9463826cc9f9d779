package nlp

import (
	"strings"
	"unicode/utf8"
)

// Segment tokenizes text and splits it into sentences. Paragraphs are
// separated by blank lines; a paragraph break always ends a sentence, and
// so does a line that opens with a bullet ("• Armenia objected").
func Segment(text string) *Doc {
	d := &Doc{Text: text}
	t := tokenizer{text: text, out: make([]Token, 0, len(text)/5+4)}
	var sufBuf [16]Span
	t.suf = sufBuf[:0]
	var bounds []int // token index where each sentence ends (exclusive)
	i, n := 0, len(text)
	paraStart := 0
	for i < n {
		// Whitespace, watching for a blank line.
		newlines := 0
		for i < n {
			c := text[i]
			var r rune = rune(c)
			size := 1
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if !isSpace(r) {
				break
			}
			if c == '\n' {
				newlines++
			}
			i += size
		}
		if (newlines >= 2 || newlines == 1 && startsBullet(text[i:])) && len(t.out) > paraStart {
			bounds = t.split(bounds, paraStart)
			paraStart = len(t.out)
		}
		s := i
		for i < n {
			c := text[i]
			if c < utf8.RuneSelf {
				if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if isSpace(r) {
				break
			}
			i += size
		}
		if i > s {
			t.chunk(s, i)
		}
	}
	if len(t.out) > paraStart {
		bounds = t.split(bounds, paraStart)
	}
	toks := t.out
	for k := range toks {
		end := toks[k].Span.End
		toks[k].SpaceAfter = end < n && startsWithSpace(text[end:])
	}
	d.Sentences = make([]Sentence, len(bounds))
	start := 0
	for k, b := range bounds {
		st := toks[start:b:b]
		d.Sentences[k] = Sentence{Span: Span{st[0].Span.Start, st[len(st)-1].Span.End}, Tokens: st}
		start = b
	}
	return d
}

func startsWithSpace(s string) bool {
	if s[0] < utf8.RuneSelf {
		return isSpace(rune(s[0]))
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isSpace(r)
}

// split finds the sentence ends among the paragraph's tokens t.out[from:]
// and appends them to bounds; the paragraph's end is always one. It may
// split an abbreviation's final period into a token of its own.
func (t *tokenizer) split(bounds []int, from int) []int {
	for i := from; i < len(t.out); i++ {
		tok := t.out[i].Text
		j := i + 1
		if j == len(t.out) {
			if len(tok) > 1 && tok[len(tok)-1] == '.' && tok[len(tok)-2] != '.' {
				// An abbreviation ends the paragraph: "in the U.S." gives "U.S" ".".
				t.splitPeriod(i)
			}
			break
		}
		switch {
		case isTerminal(tok):
			for j < len(t.out) && t.isCloser(j) {
				j++
			}
			if j == len(t.out) {
				i = j - 1
				continue
			}
			if t.startsSentence(i, j, from) {
				bounds = append(bounds, j)
				i = j - 1
			}
		case len(tok) > 1 && tok[len(tok)-1] == '.':
			if t.abbrevEnds(i, j) {
				t.splitPeriod(i)
				bounds = append(bounds, i+2)
				i++
			}
		}
	}
	return append(bounds, len(t.out))
}

// splitPeriod gives an abbreviation's period back as a token of its own.
func (t *tokenizer) splitPeriod(i int) {
	sp := t.out[i].Span
	t.out = append(t.out, Token{})
	copy(t.out[i+2:], t.out[i+1:])
	t.out[i] = Token{Text: t.text[sp.Start : sp.End-1], Span: Span{sp.Start, sp.End - 1}, Head: -1}
	t.out[i+1] = Token{Text: t.text[sp.End-1 : sp.End], Span: Span{sp.End - 1, sp.End}, Head: -1}
}

// isTerminal reports whether tok ends a sentence when a sentence start follows.
func isTerminal(tok string) bool {
	switch tok {
	case ".", "!", "?", "…":
		return true
	}
	if len(tok) < 2 {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; c != '.' && c != '!' && c != '?' {
			return false
		}
	}
	return true
}

// isCloser reports whether token j closes what the sentence before it
// opened: a closing bracket or quote attached to the token before it.
func (t *tokenizer) isCloser(j int) bool {
	switch t.out[j].Text {
	case ")", "]", "}", "”", "’", "»", "''":
		return true
	case "\"", "'":
		// A straight quote closes when it is attached to what precedes it.
		return t.out[j].Span.Start == t.out[j-1].Span.End
	}
	return false
}

// startsSentence decides whether token j starts a new sentence after the
// terminal token i.
func (t *tokenizer) startsSentence(i, j, from int) bool {
	next := t.out[j].Text
	r := first(next)
	term := t.out[i].Text
	if term == "." && i > from {
		prev := t.out[i-1].Text
		// List numbers at the start of a sentence: "2. The ..."
		if isNumber(prev) && (i-1 == from || t.isBoundary(i-1)) && len(prev) <= 2 {
			return false
		}
		// A period with no space on either side ends a sentence only
		// when it glues two together ("ended.The"; see periodJoins),
		// not in "1.5" split oddly.
		if t.out[i].Span.Start == t.out[i-1].Span.End && t.out[j].Span.Start == t.out[i].Span.End {
			return j == i+1 && periodJoins(prev, next)
		}
	}
	switch {
	case isUpper(r), isDigit(r):
		return true
	case isLower(r):
		// Chat-style text: "where did you grow up? india?"
		return next == "i" || (j == i+1 && strings.ContainsAny(term, "?!") && t.out[j].Span.Start > t.out[i].Span.End) || (term == "." && j == i+1 && t.plainWordBefore(i))
	}
	switch next {
	case "\"", "“", "‘", "'", "(", "[", "``", "`", "«", "-", "--", "*", "•", "–", "—", "#", "$", "£", "€":
		return true
	}
	return false
}

// plainWordBefore reports whether the token before the period i is an
// ordinary lowercase word, so that a lowercase word after the period starts
// a new, carelessly written sentence.
func (t *tokenizer) plainWordBefore(i int) bool {
	if i == 0 {
		return false
	}
	w := t.out[i-1].Text
	if len(w) < 2 || t.out[i-1].Span.End != t.out[i].Span.Start {
		return false
	}
	for k := 0; k < len(w); k++ {
		if c := w[k]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// isBoundary reports whether a sentence was found to end just before token k.
func (t *tokenizer) isBoundary(k int) bool {
	if k == 0 {
		return true
	}
	return isTerminal(t.out[k-1].Text)
}

// abbrevEnds decides whether the abbreviation token i (ending in a period)
// also ends its sentence, given the next token j.
func (t *tokenizer) abbrevEnds(i, j int) bool {
	tok := t.out[i].Text
	stem := tok[:len(tok)-1]
	next := t.out[j].Text
	r := first(next)
	if title, ok := abbrevs[stem]; ok && title {
		return false
	}
	if ambiguousAbbrevs[stem] {
		return !(isLower(r) || isDigit(r)) && (isUpper(r) || next == "\"" || next == "“")
	}
	if len(stem) > 1 && starters[next] {
		return true
	}
	if len(stem) == 1 || (len(stem) == 3 && stem[1] == '.') {
		// Initials: "J. R. R. Tolkien", "George W. Bush".
		if isUpper(first(stem)) {
			return false
		}
	}
	if stem == "etc" && isUpper(r) {
		return true
	}
	if starters[next] {
		return true
	}
	if next == "\"" || next == "“" {
		return t.out[j].Span.Start > t.out[i].Span.End
	}
	return false
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// startsBullet reports whether s opens with a list bullet and a space.
// Hyphens and asterisks are left out: at a line's start in hard-wrapped
// text they are as often a dash or a footnote mark.
func startsBullet(s string) bool {
	if s == "" || s[0] < utf8.RuneSelf {
		return false
	}
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '•', '◦', '▪', '‣', '●', '■', '►', '▸', '○', '□', '➢', '✓':
		return n < len(s) && startsWithSpace(s[n:])
	}
	return false
}
