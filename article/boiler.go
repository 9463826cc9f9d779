package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind is what a block of a text dump turned out to be.
type kind int

const (
	kProse      kind = iota // article text
	kHeading                // a subheading of the article
	kLinks                  // bare links: lifted into Article.Links
	kByline                 // "By Jane Doe": lifted into Article.Author
	kTags                   // "Tags: ...", "#A #B": lifted into Article.Topics
	kMarker                 // "Related Posts", "Share this", "Advertisement" ...
	kDisclaimer             // editorial disclaimer, copyright, republication note
	kBio                    // the author's biography
	kDate                   // a dateline: lifted into Article.Published
	kListed                 // an item listed under a marker (a related post's title)
)

// markerPhrases are whole-block texts (lower case, end punctuation
// removed) that head or stand for page furniture rather than article text.
var markerPhrases = map[string]bool{
	"related posts": true, "related articles": true, "related stories": true, "related": true,
	"related news": true, "related content": true, "related coverage": true, "related reading": true,
	"read more": true, "read also": true, "also read": true, "see also": true, "more stories": true,
	"more from this author": true, "more on this story": true, "more news": true, "latest news": true,
	"you may also like": true, "you might also like": true, "recommended": true, "recommended for you": true,
	"most read": true, "most popular": true, "most viewed": true, "trending": true, "trending now": true,
	"popular posts": true, "recent posts": true, "editor's picks": true, "editors' picks": true, "top stories": true,
	"share": true, "share this": true, "share this article": true, "share this story": true, "share on": true,
	"advertisement": true, "sponsored": true, "sponsored content": true, "ad": true, "promoted": true,
	"subscribe": true, "subscribe now": true, "newsletter": true, "sign up": true, "log in": true, "login": true,
	"comments": true, "leave a comment": true, "leave a reply": true, "post a comment": true, "0 comments": true,
	"follow us": true, "print": true, "email": true, "back to top": true, "skip to content": true, "menu": true,
	"home": true, "tags": true, "topics": true, "related topics": true, "categories": true, "filed under": true,
	"about the author": true, "about us": true, "contact us": true, "privacy policy": true, "terms of use": true,
	"support our journalism": true, "donate": true, "listen to this article": true, "watch": true,
}

// markerPrefixes start blocks of page furniture.
var markerPrefixes = []string{
	"sign up for", "sign up to", "subscribe to", "follow us on", "share on ", "share this on", "click here",
	"read the full", "read more:", "read also:", "also read:", "see also:", "related:", "more:", "support our",
	"join our", "get our", "download our", "this story has been", "want to read more", "you are reading",
	"you have read", "login to", "log in to", "already a subscriber", "become a member", "skip to ",
}

var socialWords = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "whatsapp": true, "telegram": true, "linkedin": true,
	"email": true, "e-mail": true, "print": true, "reddit": true, "pinterest": true, "vk": true,
	"share": true, "tweet": true, "copy": true, "link": true, "messenger": true, "instagram": true,
	"youtube": true, "tiktok": true, "mail": true, "comments": true, "comment": true,
}

// disclaimerCues mark editorial disclaimers, copyright lines and
// republication notes.
var disclaimerCues = []string{
	"opinions expressed", "views expressed", "do not necessarily reflect", "does not necessarily reflect",
	"not necessarily those of", "originally published", "originally appeared", "republished with permission",
	"reprinted with permission", "all rights reserved", "copyright ©", "©", "(c) copyright",
	"this article was first published", "this story was first published", "this article first appeared",
	"this article is part of", "is reproduced with", "editorial standards", "may not be published, broadcast",
	"may not be reproduced", "without written permission", "for reprint rights",
}

// bioWords are occupations that author biographies state.
var bioWords = []string{
	"journalist", "columnist", "writer", "reporter", "correspondent", "editor", "analyst", "researcher",
	"fellow", "author", "freelance", "contributor", "fact-checker", "blogger", "photographer", "producer",
	"commentator", "academic", "professor", "lecturer", "phd", "graduate", "based in", "-based",
}

var (
	bylineRe   = regexp.MustCompile(`^(?i:by|written by|words by|author:|reporting by|story by)\s+(\p{Lu}[\p{L}.'’\-]*(?:\s+(?:\p{Lu}[\p{L}.'’\-]*|de|van|von|al|bin|el|da|di|la|le)){0,4}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3})*)(?:\s*[,|·–—-]\s*(.{0,60}))?$`)
	tagLabelRe = regexp.MustCompile(`^(?i:tags?|topics?|related topics|filed under|categor(?:y|ies)|keywords|subjects?)\s*[:\-–]\s*(.+)$`)
	siteRe     = regexp.MustCompile(`(?:views|position|policy|opinion)s? of (?:the )?([\p{Lu}][\p{L}\d&.\- ]{1,40}?)(?:’s|'s)? (?:editorial|editors|management|staff|board)`)
	siteRe2    = regexp.MustCompile(`(?:originally (?:published|appeared) (?:on|in|by|at)|first (?:published|appeared) (?:on|in|by|at)) (?:the )?([\p{Lu}][\p{L}\d&.\-]*(?: [\p{Lu}][\p{L}\d&.\-]*){0,4})`)
	siteRe3    = regexp.MustCompile(`necessarily (?:reflect|represent) (?:those|the views|the opinions|the position|the policy) of (?:the )?([\p{Lu}][\p{L}\d&.\-]*(?: [\p{Lu}][\p{L}\d&.\-]*){0,4})`)
	copyRe     = regexp.MustCompile(`(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([\p{Lu}][\p{L}\d&.\-]*(?: [\p{Lu}][\p{L}\d&.\-]*){0,4})`)
)

// classified is a block with its kind and what was lifted from it.
type classified struct {
	block
	kind kind
}

// normPhrase lowers s and strips surrounding punctuation for phrase tests.
func normPhrase(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Trim(s, " .:;!|»›>→-–—•*#")
}

func isMarkerLine(s string) bool {
	if utf8.RuneCountInString(s) > 80 {
		return false
	}
	p := normPhrase(s)
	if markerPhrases[p] {
		return true
	}
	for _, pre := range markerPrefixes {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return isShareBar(p) || bylineRe.MatchString(s) || isHashtagLine(s) || tagLabelRe.MatchString(s)
}

// isShareBar reports a run of social-network names ("Facebook Twitter Email").
func isShareBar(p string) bool {
	f := strings.FieldsFunc(p, func(r rune) bool { return unicode.IsSpace(r) || r == '|' || r == '/' || r == ',' })
	if len(f) < 2 {
		return false
	}
	for _, w := range f {
		if !socialWords[w] {
			return false
		}
	}
	return true
}

// isHashtagLine reports a line made of hashtags: "#AZERBAIJAN #TURKEY".
func isHashtagLine(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "#") || utf8.RuneCountInString(s) > 400 {
		return false
	}
	return len(hashtags(s)) > 0
}

// hashtags splits "#2020 NAGORNO-KARABAKH CONFLICT  #AZERBAIJAN" at each '#'.
func hashtags(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "#") {
		if t := strings.TrimSpace(strings.Trim(part, ",;|")); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// splitTags splits a tag list written with commas, semicolons, pipes or
// bullets.
func splitTags(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '•' || r == '·' }) {
		if t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "#")); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func isDisclaimer(s string) bool {
	if utf8.RuneCountInString(s) > 500 {
		return false
	}
	low := strings.ToLower(s)
	for _, c := range disclaimerCues {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}

// isBio reports whether s reads as a short author biography: it opens
// with the author's name (or, when author is unknown, with a name) and
// says what the person does.
func isBio(s, author string, nearByline bool) bool {
	if utf8.RuneCountInString(s) > 600 {
		return false
	}
	low := strings.ToLower(s)
	occupation := false
	for _, w := range bioWords {
		if strings.Contains(low, w) {
			occupation = true
			break
		}
	}
	if !occupation {
		return false
	}
	first := firstWords(s, 3)
	if author != "" {
		for _, name := range strings.Fields(author) {
			if len(name) > 2 && len(first) > 0 && strings.EqualFold(strings.TrimRight(first[0], "’'s,"), name) {
				return true
			}
		}
	}
	if !nearByline {
		return false
	}
	// "Jane is a ...", "Jane Doe is a ...", "He is a ...", "She writes ..."
	for i, w := range first {
		lw := strings.ToLower(w)
		if i > 0 && (lw == "is" || lw == "was" || lw == "has" || lw == "writes" || lw == "covers") {
			return true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			break
		}
	}
	return false
}

func firstWords(s string, n int) []string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return f
}

// looksHeading reports a short line with no sentence punctuation at its
// end, not starting in lower case: a subheading or a title.
func looksHeading(b block) bool {
	if b.lines > 2 || isURLLine(b.text) {
		return false
	}
	n := utf8.RuneCountInString(b.text)
	if n < 3 || n > 120 || len(strings.Fields(b.text)) > 16 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(b.text)
	switch r {
	case '.', ',', ';', ':', '!', '-', '–', '—', '…':
		return false
	}
	// A long line whose comma goes on in lower case is a sentence that
	// lacks its full stop ("In other results, Ayr beat Troon 3-1"), not
	// a title: headings run to a few words.
	if len(strings.Fields(b.text)) >= 10 && clauseComma(b.text) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(b.text, "\"'‘“«("))
	return unicode.IsUpper(first) || unicode.IsDigit(first)
}

// clauseComma reports whether s has a comma followed by a space and a
// lower-case word.
func clauseComma(s string) bool {
	for i := strings.Index(s, ", "); i >= 0; {
		r, _ := utf8.DecodeRuneInString(s[i+2:])
		if unicode.IsLower(r) {
			return true
		}
		j := strings.Index(s[i+2:], ", ")
		if j < 0 {
			return false
		}
		i += 2 + j
	}
	return false
}

// isProse reports text that reads as article prose: long enough and ending
// like a sentence.
func isProse(s string) bool {
	return utf8.RuneCountInString(s) >= 60 && len(strings.Fields(s)) >= 10 && endsSentence(s)
}
