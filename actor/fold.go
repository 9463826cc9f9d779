package actor

import (
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a text, by byte offsets.
type token struct {
	start, end int32
	punct      bool // a punctuation mark (its own token); words and possessives are not
	poss       bool // a possessive clitic: 's or a bare apostrophe after s
}

func isApos(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' || r == '\u2013' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits s into words, possessive clitics and punctuation marks,
// appending to dst. Hyphens separate words and are dropped ("pro-government"
// is "pro government"); so is white space. A dot joins the single letters of
// an acronym ("U.N."); an apostrophe between letters stays in the word
// ("d'Ivoire") except a final "'s", which is a possessive token of its own.
func tokenize(s string, dst []token) []token {
	i := 0
	n := len(s)
	for i < n {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			start := i
			seg := 0 // letters in the current dot-separated segment
			dotted := false
			j := i
			for j < n {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					seg++
					j += sz
					continue
				}
				if r2 == '.' && seg == 1 {
					// U.N. / U.S.: a dot after a single letter, followed by a
					// letter, or ending an acronym already dotted.
					nr, _ := utf8.DecodeRuneInString(s[j+1:])
					if j+1 < n && unicode.IsLetter(nr) {
						dotted = true
						seg = 0
						j++
						continue
					}
					if dotted {
						j++
						break
					}
					break
				}
				if isApos(r2) && j+sz < n {
					nr, nsz := utf8.DecodeRuneInString(s[j+sz:])
					if isWordRune(nr) {
						// possessive 's: apostrophe, s, then no word rune
						if nr == 's' || nr == 'S' {
							after, _ := utf8.DecodeRuneInString(s[j+sz+nsz:])
							if j+sz+nsz >= n || !isWordRune(after) {
								break
							}
						}
						seg = 0
						j += sz
						continue
					}
				}
				break
			}
			dst = append(dst, token{start: int32(start), end: int32(j)})
			i = j
		case isApos(r):
			// 's after a word, or a bare apostrophe after a plural in s
			if len(dst) > 0 && !dst[len(dst)-1].punct && int(dst[len(dst)-1].end) == i {
				if i+size < n && (s[i+size] == 's' || s[i+size] == 'S') {
					after, _ := utf8.DecodeRuneInString(s[i+size+1:])
					if i+size+1 >= n || !isWordRune(after) {
						dst = append(dst, token{start: int32(i), end: int32(i + size + 1), poss: true})
						i += size + 1
						continue
					}
				}
				prev := s[dst[len(dst)-1].end-1]
				if prev == 's' || prev == 'S' {
					dst = append(dst, token{start: int32(i), end: int32(i + size), poss: true})
					i += size
					continue
				}
			}
			dst = append(dst, token{start: int32(i), end: int32(i + size), punct: true})
			i += size
		case unicode.IsSpace(r) || isHyphen(r):
			i += size
		default:
			dst = append(dst, token{start: int32(i), end: int32(i + size), punct: true})
			i += size
		}
	}
	return dst
}

// foldTable maps Latin letters with diacritics to their base letters, lower
// case; read-only after init.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]string {
	groups := map[string]string{
		"ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎ": "a", "Ææ": "ae", "ÇçĆćĈĉĊċČč": "c", "ÐðĎďĐđ": "d",
		"ÈÉÊËèéêëĒēĔĕĖėĘęĚěƏə": "e", "ĜĝĞğĠġĢģ": "g", "ĤĥĦħ": "h",
		"ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐ": "i", "Ĳĳ": "ij", "Ĵĵ": "j", "Ķķĸ": "k",
		"ĹĺĻļĽľĿŀŁł": "l", "ÑñŃńŅņŇňŉŊŋ": "n", "ÒÓÔÕÖØòóôõöøŌōŎŏŐőǑǒƠơ": "o",
		"Œœ": "oe", "ŔŕŖŗŘř": "r", "ŚśŜŝŞşŠšȘșſ": "s", "ß": "ss", "ŢţŤťŦŧȚț": "t",
		"Þþ": "th", "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųǓǔƯư": "u", "Ŵŵ": "w", "ÝýÿŶŷŸ": "y",
		"ŹźŻżŽž": "z", "\u2019\u02bc\u2018": "'",
	}
	m := make(map[rune]string, 300)
	for rs, base := range groups {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}

// appendFold appends the folded form of the word w to dst: diacritics
// removed, acronym dots dropped, and lower case unless keepCase.
func appendFold(dst []byte, w string, keepCase bool) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '.':
				continue
			case !keepCase && c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if b, ok := foldTable[r]; ok {
			if keepCase && unicode.IsUpper(r) && b != "'" {
				// keep the capital: upper-case the ASCII base
				for k := 0; k < len(b); k++ {
					dst = append(dst, b[k]-('a'-'A'))
				}
				continue
			}
			dst = append(dst, b...)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // combining accents
		}
		if !keepCase {
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// Fold returns the matching key of a phrase: its words folded (lower case,
// diacritics and acronym dots removed) and joined by single spaces, with
// possessives as "'s". Two phrases with the same key are the same name to
// a case-insensitive match: Fold("Türkiye") == Fold("TURKIYE") == "turkiye".
func Fold(s string) string {
	toks := tokenize(s, nil)
	var b []byte
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		if t.poss {
			b = append(b, "'s"...)
			continue
		}
		b = appendFold(b, s[t.start:t.end], false)
	}
	return string(b)
}

// firstUpper reports whether the first letter of w is upper case.
func firstUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r) || unicode.IsTitle(r)
		}
	}
	return false
}
