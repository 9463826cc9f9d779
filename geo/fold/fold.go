// Package fold turns place names into matching keys: lower case, Latin
// diacritics removed, every run of punctuation and space one separator. The
// gazetteer generator and the geo package share it so that the keys written
// and the keys looked up agree.
package fold

import (
	"unicode"
	"unicode/utf8"
)

// table maps Latin letters with diacritics (and a few letters without an
// NFD decomposition, such as ı, ø, ł, ǝ, ə) to ASCII, lower case.
var table = func() map[rune]string {
	groups := map[string]string{
		"ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎȀȁȂȃẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ": "a", "ÆæǼǽ": "ae",
		"ÇçĆćĈĉĊċČč": "c", "ÐðĎďĐđḌḍ": "d",
		"ÈÉÊËèéêëĒēĔĕĖėĘęĚěƏəǝƎȄȅȆȇẸẹẺẻẼẽẾếỀềỂểỄễỆệ": "e", "ĜĝĞğĠġĢģǦǧ": "g", "ĤĥĦħḤḥḪḫ": "h",
		"ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋỈỉỊị": "i", "Ĳĳ": "ij", "Ĵĵ": "j", "ĶķĸǨǩ": "k",
		"ĹĺĻļĽľĿŀŁł": "l", "ÑñŃńŅņŇňŉŊŋṆṇ": "n", "ÒÓÔÕÖØòóôõöøŌōŎŏŐőǑǒƠơǪǫȌȍȎȏỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ": "o",
		"Œœ": "oe", "ŔŕŖŗŘřȐȑȒȓṚṛ": "r", "ŚśŜŝŞşŠšȘșſṢṣ": "s", "ß": "ss", "ŢţŤťŦŧȚțṬṭ": "t",
		"Þþ": "th", "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųǓǔǕǖǗǘǙǚǛǜƯưȔȕȖȗỤụỦủỨứỪừỬửỮữỰự": "u", "Ŵŵ": "w",
		"ÝýÿŶŷŸỲỳỴỵỶỷỸỹ": "y", "ŹźŻżŽžẒẓ": "z",
	}
	m := make(map[rune]string, 512)
	for rs, base := range groups {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}()

// IsWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// IsApostrophe reports whether r is an apostrophe or a letter used as one
// (ʼ, ʻ, ʿ, ʾ in transliterations: "Ma'alot", "Sanʿaʾ").
func IsApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02bc', '\u02bb', '\u02bf', '\u02be', '`', '\u00b4':
		return true
	}
	return false
}

// AppendWord appends the folded form of one word to dst: lower case, Latin
// diacritics removed, combining marks and apostrophes dropped ("Ma'alot" is
// "maalot", "Sanʿaʾ" is "sanaa"). Other punctuation is dropped too.
func AppendWord(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				dst = append(dst, c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if b, ok := table[r]; ok {
			dst = append(dst, b...)
			continue
		}
		if !IsWordRune(r) || unicode.Is(unicode.Mn, r) || IsApostrophe(r) {
			continue
		}
		r = unicode.ToLower(r)
		if b, ok := table[r]; ok { // "Å" (the Ångström sign) lowers to "å"
			dst = append(dst, b...)
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// Words splits s into words: runs of word runes and apostrophes between
// word runes. Everything else (space, hyphens, dots, commas) separates.
func Words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		w := IsWordRune(r) || (start >= 0 && IsApostrophe(r))
		if w && start < 0 {
			start = i
		}
		if !w && start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// Key returns the matching key of a name: its words folded and joined by
// single spaces. Key("İstanbul") == Key("ISTANBUL") == "istanbul";
// Key("Nagorno-Karabakh") == "nagorno karabakh"; Key("St. John's") ==
// "st johns".
func Key(s string) string { return string(AppendKey(nil, s)) }

// AppendKey appends the key of s (see [Key]) to dst.
func AppendKey(dst []byte, s string) []byte {
	base := len(dst)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if IsWordRune(r2) {
				j += sz
				continue
			}
			if IsApostrophe(r2) && j+sz < len(s) {
				if r3, _ := utf8.DecodeRuneInString(s[j+sz:]); IsWordRune(r3) {
					j += sz
					continue
				}
			}
			break
		}
		n := len(dst)
		if n > base {
			dst = append(dst, ' ')
		}
		m := len(dst)
		dst = AppendWord(dst, s[i:j])
		if len(dst) == m { // the word folded to nothing
			dst = dst[:n]
		}
		i = j
	}
	return dst
}
