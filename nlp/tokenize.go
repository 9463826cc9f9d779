package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenizer holds the scratch state of one Segment call.
type tokenizer struct {
	text string
	out  []Token
	suf  []Span // pending suffix tokens of the current chunk, innermost last
}

func (t *tokenizer) emit(s, e int) {
	t.out = append(t.out, Token{Text: t.text[s:e], Span: Span{s, e}, Head: -1})
}

// isSpace reports whether r separates tokens.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isAlnum(r rune) bool { return isDigit(r) || isLetter(r) }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func first(s string) rune {
	if s == "" {
		return utf8.RuneError
	}
	if s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func last(s string) (rune, int) {
	if s == "" {
		return utf8.RuneError, 0
	}
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s)
}

// chunk tokenizes the whitespace-free text[s:e].
func (t *tokenizer) chunk(s, e int) {
	base := len(t.suf)
	for s < e {
		// Each split may bare a joiner ("Wikinews\u200d's" leaves
		// "Wikinews\u200d" once the clitic is off).
		if t.text[s] == 0xe2 || t.text[e-1] >= utf8.RuneSelf { // see trimJoiners
			if s, e = trimJoiners(t.text, s, e); s >= e {
				break
			}
		}
		w := t.text[s:e]
		if n := specialLen(w); n > 0 {
			t.emit(s, s+n)
			s += n
			continue
		}
		if n := prefixLen(w); n > 0 && n < len(w) {
			t.emit(s, s+n)
			s += n
			continue
		}
		if n := suffixLen(w); n > 0 && n < len(w) {
			t.suf = append(t.suf, Span{e - n, e})
			e -= n
			continue
		}
		t.infix(s, e)
		break
	}
	for i := len(t.suf) - 1; i >= base; i-- {
		t.emit(t.suf[i].Start, t.suf[i].End)
	}
	t.suf = t.suf[:base]
}

// trimJoiners narrows text[s:e] past the zero-width joiners and word
// joiners (U+200D, U+2060) at its ends, the chunk's and those a split
// leaves bare. Pasted web text has them before
// words, as in a quotation's "\u200dParis"; with nothing to join there,
// they belong to no token, and a word that kept one would be unknown to
// every model and list. A joiner inside a chunk is left alone: in an emoji
// sequence or an Indic word it does join.
func trimJoiners(text string, s, e int) (int, int) {
	// Both joiners are three bytes opening with 0xE2, so an ASCII end,
	// nearly every chunk's, is settled by one comparison.
	for s < e && text[s] == 0xe2 {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if r != '\u200d' && r != '\u2060' {
			break
		}
		s += n
	}
	return s, s + len(trimJoinersRight(text[s:e]))
}

// trimJoinersRight returns w without the joiners at its end.
func trimJoinersRight(w string) string {
	for w != "" && w[len(w)-1] >= utf8.RuneSelf {
		r, n := utf8.DecodeLastRuneInString(w)
		if r != '\u200d' && r != '\u2060' {
			break
		}
		w = w[:len(w)-n]
	}
	return w
}

// specialLen returns the length of a URL, e-mail address or emoticon at the
// start of w, without trailing punctuation, or 0.
func specialLen(w string) int {
	if len(w) < 5 {
		if len(w) >= 2 && emoticons[w] {
			return len(w)
		}
		return 0
	}
	c := w[0] | 0x20
	isURL := false
	switch c {
	case 'h':
		isURL = hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://")
	case 'w':
		isURL = hasPrefixFold(w, "www.") && len(w) > 6
	case 'f':
		isURL = hasPrefixFold(w, "ftp://")
	case 'm':
		isURL = hasPrefixFold(w, "mailto:")
	}
	if !isURL {
		at := strings.IndexByte(w, '@')
		if at <= 0 || at == len(w)-1 {
			return 0
		}
		for i := 0; i < at; i++ {
			if !isEmailLocal(w[i]) {
				return 0
			}
		}
		dot := strings.LastIndexByte(w, '.')
		if dot < at+2 {
			return 0
		}
	}
	// Trim trailing punctuation, keeping a closing bracket whose opener is inside.
	n := len(w)
	for n > 0 {
		r, size := last(w[:n])
		if r == ')' && strings.Count(w[:n], "(") >= strings.Count(w[:n], ")") {
			break
		}
		if r == '/' || isAlnum(r) {
			break
		}
		if !strings.ContainsRune(".,;:!?)]}\"'”’»>*", r) {
			break
		}
		n -= size
	}
	return n
}

func isEmailLocal(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-' || c == '+'
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

// prefixLen returns the length of a token split off the front of w, or 0.
func prefixLen(w string) int {
	c := w[0]
	switch c {
	case '(', '[', '{', '"', '¿', '¡':
		return 1
	case '@':
		if len(w) > 1 && (isAlnum(rune(w[1])) || w[1] == '_') {
			return 0 // a handle, "@AzeMFA", one token as in EWT
		}
		return runLen(w, c)
	case '<', '*', '~', '|', '=', '+', '^', '&', '_', '>', '!', '?', ',', ';', ':', '%', '/', '\\':
		return runLen(w, c)
	case '`':
		if len(w) > 1 && w[1] == '`' {
			return 2
		}
		return 1
	case '\'':
		if len(w) > 1 && w[1] == '\'' {
			return 2
		}
		if isClitic(w) >= 0 {
			return 0
		}
		if len(w) >= 3 && isDigit(rune(w[1])) && isDigit(rune(w[2])) { // '90s
			return 0
		}
		return 1
	case '$', '#':
		if len(w) > 1 && (isDigit(rune(w[1])) || w[1] == '.') {
			return 1
		}
		return 0
	case '.':
		n := 1
		for n < len(w) && w[n] == '.' {
			n++
		}
		if n == 1 && len(w) > 1 && isDigit(rune(w[1])) { // .5
			return 0
		}
		return n
	case '-':
		n := 1
		for n < len(w) && w[n] == '-' {
			n++
		}
		return n
	}
	if n := currencyPrefix(w); n > 0 {
		return n
	}
	if c < utf8.RuneSelf {
		return 0
	}
	r, size := utf8.DecodeRuneInString(w)
	switch r {
	case '‘', '’':
		if strings.HasPrefix(w[size:], "’") || strings.HasPrefix(w[size:], "‘") {
			return 2 * size // ‘’ or ’’ used as a double quote
		}
		if r == '’' {
			return 0
		}
		if isClitic(w) >= 0 {
			return 0
		}
		return size
	case '“', '«', '‹', '„', '‚', '–', '—', '…', '£', '€', '¥', '•', '·', '′', '″', '¢', '§', '©', '®':
		if r == '‘' && isClitic(w) >= 0 {
			return 0
		}
		return size
	}
	if unicode.IsSymbol(r) || (unicode.IsPunct(r) && r != '’') || r == utf8.RuneError {
		return size
	}
	return 0
}

// currencyPrefix returns the length of a dollar sign with a country's
// letters before an amount ("US$500", "A$20", "HK$1.5": EWT writes "US$" as
// one token, a symbol), or 0.
func currencyPrefix(w string) int {
	i := 0
	for i < len(w) && i < 3 && 'A' <= w[i] && w[i] <= 'Z' {
		i++
	}
	if i == 0 || i+1 >= len(w) || w[i] != '$' || !isDigit(rune(w[i+1])) {
		return 0
	}
	return i + 1
}

// clitics that UD splits off the end of a word; n't is handled apart.
var clitics = [...]string{"'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m", "‘s", "`s"}

// isClitic returns the index of w in clitics (case-insensitively, n't and n’t
// as len(clitics)), or -1.
func isClitic(w string) int {
	for i, c := range clitics {
		if strings.EqualFold(w, c) {
			return i
		}
	}
	if strings.EqualFold(w, "n't") || strings.EqualFold(w, "n’t") {
		return len(clitics)
	}
	return -1
}

// suffixLen returns the length of a token split off the end of w, or 0.
func suffixLen(w string) int {
	r, size := last(w)
	switch r {
	case '.', '!', '?':
		n := size
		for n < len(w) {
			c := w[len(w)-n-1]
			if c != '.' && c != '!' && c != '?' {
				break
			}
			n++
		}
		if n == 1 && r == '.' && (isAbbrev(w) || listedAbbrevAfterHyphen(w)) {
			return 0
		}
		if r == '.' && (n == 2 || n >= 4) && len(w) > n && w[len(w)-n:] == strings.Repeat(".", n) && isAbbrev(w[:len(w)-n+1]) {
			// "Inc.." is "Inc." and "."; "etc...." is "etc." and "...".
			return n - 1
		}
		return n
	case '>', '*', '=', '_', '~', '^', '|', '+', '&':
		n := 1
		for n < len(w) && w[len(w)-n-1] == byte(r) {
			n++
		}
		return n
	case ',', ';', ':', ')', ']', '}', '"', '%', '…', '”', '»', '›':
		return size
	case '\'', '’', '`':
		if ls, ok := cliticSuffix(w); ok {
			return ls
		}
		if strings.HasSuffix(w, "’’") || strings.HasSuffix(w, "‘’") {
			return 6
		}
		if len(w) > size && w[len(w)-size-1] == '\'' { // ''
			return size + 1
		}
		return size
	case '-', '–', '—':
		n := size
		if r == '-' {
			for n < len(w) && w[len(w)-n-1] == '-' {
				n++
			}
		}
		return n
	}
	if strings.IndexByte(w, '\'') >= 0 || strings.IndexByte(w, '`') >= 0 || strings.Contains(w, "\u2019") || strings.Contains(w, "\u2018") {
		if ls, ok := cliticSuffix(w); ok {
			return ls
		}
	}
	if r >= utf8.RuneSelf && (unicode.IsPunct(r) || unicode.IsSymbol(r) || r == utf8.RuneError) {
		return size
	}
	return 0
}

// cliticSuffix finds a clitic at the end of w that follows a letter, a
// digit or an abbreviation's period.
func cliticSuffix(w string) (int, bool) {
	lw := len(w)
	for _, c := range clitics {
		if lw > len(c) && strings.EqualFold(w[lw-len(c):], c) {
			stem := trimJoinersRight(w[:lw-len(c)])
			if r, _ := last(stem); isAlnum(r) || r == '.' && isAbbrev(stem) { // "U.K.'s"
				return len(c), true
			}
		}
	}
	for _, c := range [...]string{"n't", "n’t"} {
		if lw > len(c) && strings.EqualFold(w[lw-len(c):], c) {
			if r, _ := last(w[:lw-len(c)]); isLetter(r) {
				return len(c), true
			}
		}
	}
	return 0, false
}

// listedAbbrevAfterHyphen reports whether w, which ends in ".", ends in a
// listed abbreviation after a hyphen ("Jan.-Feb."), whose period stays
// with it when hyphens splits the word.
func listedAbbrevAfterHyphen(w string) bool {
	h := strings.LastIndexByte(w, '-')
	if h <= 0 || h >= len(w)-2 {
		return false
	}
	_, ok := abbrevs[w[h+1:len(w)-1]]
	return ok
}

// isAbbrev reports whether w, which ends in ".", keeps its period.
func isAbbrev(w string) bool {
	stem := w[:len(w)-1]
	if stem == "" {
		return false
	}
	if _, ok := abbrevs[stem]; ok {
		return true
	}
	// Letters and periods: "U.S.", "e.g.", "a.m.", "J.", "Ph.D."
	letters, periods := 0, 0
	for _, r := range stem {
		switch {
		case r == '.':
			periods++
		case isLetter(r):
			letters++
		default:
			return false
		}
	}
	if periods == 0 {
		return letters == 1 && isUpper(first(stem))
	}
	return strings.Count(w, ".") >= 2 && !strings.Contains(w, "..") && letters <= 2*periods+2
}

// infix splits a chunk that has no prefix or suffix left to strip.
func (t *tokenizer) infix(s, e int) {
	w := t.text[s:e]
	if len(w) >= 2 && len(w) <= 8 && contractionFirst[w[0]|0x20] && lookupLowerInt(contractions, w) > 0 {
		n := lookupLowerInt(contractions, w)
		t.emit(s, s+n)
		t.emit(s+n, e)
		return
	}
	simple := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			simple = false
			break
		}
	}
	if simple {
		if n := unitSplit(w); n > 0 {
			t.emit(s, s+n)
			t.emit(s+n, e)
			return
		}
		t.emit(s, e)
		return
	}
	if n := unitSplit(w); n > 0 {
		t.emit(s, s+n)
		t.emit(s+n, e)
		return
	}
	if i := gluedPeriod(w); i > 0 {
		if isAbbrev(w[:i+1]) { // "Inc.One": the abbreviation keeps its period
			t.emit(s, s+i+1)
		} else {
			t.chunk(s, s+i)
			t.emit(s+i, s+i+1)
		}
		t.chunk(s+i+1, e)
		return
	}
	// An opening bracket inside or at the end of a word starts a token, as
	// UD English writes "word(s)" and "Ankara[1]": no EWT token has a
	// bracket after a letter or digit.
	if i := strings.IndexAny(w, "([{"); i > 0 {
		t.chunk(s, s+i)
		t.emit(s+i, s+i+1)
		if s+i+1 < e {
			t.chunk(s+i+1, e)
		}
		return
	}
	// Dashes, ellipses and doubled hyphens always split.
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRuneInString(w[i:])
		n := 0
		switch {
		case r == '–' || r == '—' || r == '…':
			n = size
		case r == '-' && i+1 < len(w) && w[i+1] == '-':
			n = 2
			for i+n < len(w) && w[i+n] == '-' {
				n++
			}
		case r == '.' && i+1 < len(w) && w[i+1] == '.':
			n = 2
			for i+n < len(w) && w[i+n] == '.' {
				n++
			}
		case r == '"' || r == '“' || r == '”':
			n = size
		}
		if n > 0 && i > 0 && i+n < len(w) {
			t.chunk(s, s+i)
			t.emit(s+i, s+i+n)
			t.chunk(s+i+n, e)
			return
		}
		i += size
	}
	if strings.IndexByte(w, '-') > 0 {
		t.hyphens(s, e)
		return
	}
	t.slashComma(s, e)
}

// gluedPeriod returns the index of a period in w that ends one sentence
// and starts the next with no space between ("ended.The", caption runs
// pasted together as in "North Carolina.Image:"), or -1. EWT writes
// "Sushi.They" as three tokens. See periodJoins for what counts; an
// e-mail address (no '@' may be in w) stays whole.
func gluedPeriod(w string) int {
	for i := 0; ; {
		k := strings.IndexByte(w[i:], '.')
		if k < 0 {
			return -1
		}
		i += k
		if i >= 2 && i+2 < len(w) && periodJoins(w[:i], w[i+1:]) {
			if strings.IndexByte(w, '@') >= 0 {
				return -1
			}
			return i
		}
		i++
	}
}

// periodJoins reports whether a period between before and after, with no
// space on either side, is a sentence's end glued to the next one: a
// word ending in two lowercase letters before it (not "St", "U.S" or a
// number), a capitalised word after it ("The", not "PDF" or "com") that
// is no web domain ending ("Newsfeed.Com").
func periodJoins(before, after string) bool {
	l1, n := last(before)
	l2, _ := last(before[:len(before)-n])
	if !isLower(l1) || !isLower(l2) {
		return false
	}
	r1, n := utf8.DecodeRuneInString(after)
	r2, _ := utf8.DecodeRuneInString(after[n:])
	if !isUpper(r1) || !isLower(r2) {
		return false
	}
	k := 0 // the ASCII letters after the period
	for k < len(after) && ('a' <= after[k]|0x20 && after[k]|0x20 <= 'z') {
		k++
	}
	if k < len(after) && isLetter(first(after[k:])) {
		return true // the word goes on past ASCII ("Égypte"): no domain
	}
	return !lookupLower(domainEnds, after[:k])
}

// hyphens splits hyphenated compounds as UD English does.
func (t *tokenizer) hyphens(s, e int) {
	w := t.text[s:e]
	parts := strings.Count(w, "-") + 1
	allDigits, mixed, other := true, false, false
	for p := range strings.SplitSeq(w, "-") {
		hasL, hasD := false, false
		if strings.HasSuffix(p, ".") && isAbbrev(p) { // "U.S.-led": EWT writes "U.S. - led"
			allDigits = false
			continue
		}
		for _, r := range p {
			switch {
			case isDigit(r):
				hasD = true
			case isLetter(r) || r == '\'' || r == '’':
				hasL = true
			case r == '.' || r == ',' || r == ':' || r == '/':
				if !hasD {
					other = true
				}
			default:
				other = true
			}
		}
		if hasL {
			allDigits = false
		}
		if hasL && hasD || p == "" {
			mixed = true
		}
	}
	if other || mixed || allDigits && (parts >= 3 || parts == 2 && len(w)-strings.IndexByte(w, '-') == 5 && strings.IndexByte(w, '-') <= 3) {
		// Phone numbers, codes, file names and dates stay whole.
		t.slashComma(s, e)
		return
	}
	start := s
	for i := s; i < e; i++ {
		if t.text[i] != '-' {
			continue
		}
		if start == s && lookupLower(prefixes, t.text[s:i]) {
			continue // "non-state": the prefix stays attached
		}
		t.slashComma(start, i)
		t.emit(i, i+1)
		start = i + 1
	}
	t.slashComma(start, e)
}

// slashComma splits "and/or" and "this,that", keeping dates ("9/11") and
// numbers ("400,000") whole.
func (t *tokenizer) slashComma(s, e int) {
	if s >= e {
		return
	}
	w := t.text[s:e]
	for i := 1; i+1 < len(w); i++ {
		c := w[i]
		if c != '/' && c != ',' && c != ';' && c != '!' && c != '?' {
			continue
		}
		l, _ := last(w[:i])
		r := first(w[i+1:])
		if !isLetter(l) || !isLetter(r) {
			continue
		}
		if c == '/' && (i < 2 || len(w)-i-1 < 2) { // "w/o", "l/c"
			continue
		}
		t.slashComma(s, s+i)
		t.emit(s+i, s+i+1)
		t.slashComma(s+i+1, e)
		return
	}
	t.emit(s, e)
}

// units are split off a number they are written against ("5pm", "$3bn").
var units = map[string]bool{
	"am": true, "pm": true, "AM": true, "PM": true, "k": true, "K": true, "m": true, "M": true, "b": true,
	"bn": true, "B": true, "mm": true, "cm": true, "km": true, "kg": true, "g": true, "lb": true, "lbs": true,
	"ft": true, "mph": true, "mg": true, "ml": true, "hrs": true, "hr": true, "min": true, "mins": true,
	"yr": true, "yrs": true, "mi": true, "oz": true, "GB": true, "MB": true, "kb": true, "KB": true, "gb": true,
	"mb": true, "sec": true, "secs": true, "kmh": true, "MW": true, "GW": true, "kW": true, "mln": true, "tn": true,
}

// unitSplit returns where a number ends and a unit begins in w, or 0.
func unitSplit(w string) int {
	i := 0
	for i < len(w) && (isDigit(rune(w[i])) || (i > 0 && (w[i] == '.' || w[i] == ',' || w[i] == ':') && i+1 < len(w) && isDigit(rune(w[i+1])))) {
		i++
	}
	if i == 0 || i == len(w) || !units[w[i:]] {
		return 0
	}
	return i
}

// runLen returns the length of the run of byte c at the start of w.
func runLen(w string, c byte) int {
	n := 1
	for n < len(w) && w[n] == c {
		n++
	}
	return n
}

// contractionFirst marks the (lowercase) first bytes of contractions.
var contractionFirst = func() (a [256]bool) {
	for w := range contractions {
		a[w[0]] = true
	}
	return a
}()

// lookupLower looks up w lowercased (ASCII) in m without allocating.
func lookupLower(m map[string]bool, w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}

func lookupLowerInt(m map[string]int, w string) int {
	var buf [16]byte
	if len(w) > len(buf) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}
