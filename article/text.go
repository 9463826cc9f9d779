package article

import (
	"context"
	"io"
	"iter"
	"strings"
	"unicode/utf8"
)

// ReadText reads a plain-text article: a text dump of a page, an email, a
// wire story. See ParseText for what it recovers. The whole input is one
// article.
func ReadText(ctx context.Context, name string, r io.Reader) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		lines, err := readLines(ctx, name, r)
		if err != nil {
			yield(nil, err)
			return
		}
		a := ParseText(lines)
		if len(a.Paragraphs) == 0 {
			yield(nil, inputErr(name, 0, errEmpty))
			return
		}
		a.Source = name
		yield(a, nil)
	}
}

// readLines reads every line of r with the limits and charset handling of
// lineScanner.
func readLines(ctx context.Context, name string, r io.Reader) ([]string, error) {
	s := newLineScanner(name, r)
	var lines []string
	for {
		l, ok := s.next()
		if !ok {
			break
		}
		if len(lines)%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, inputErr(name, s.line, err)
			}
		}
		lines = append(lines, l)
	}
	if s.err != io.EOF {
		return nil, s.err
	}
	return lines, nil
}

// ParseText reads a text dump the way an analyst would. It joins
// hard-wrapped lines into whole paragraphs (also when the dump put a blank
// line after every line), keeps subheadings as headings, removes page
// furniture wherever it stands (bare link lists, "Related Posts" and the
// titles listed under it, bylines, author biographies, tag lines, share
// bars, editorial disclaimers, copyright lines) while keeping the article
// text that follows it, and lifts author, topics, links, the dateline and
// the site named in a disclaimer into metadata. The article's ID is set.
func ParseText(lines []string) *Article {
	a := &Article{}
	blocks := reflow(lines)
	cls := classify(blocks, a)
	keep := make([]Paragraph, 0, len(cls))
	for i, c := range cls {
		switch c.kind {
		case kProse:
			keep = append(keep, Paragraph{Text: c.text})
		case kHeading:
			// A heading stands over text: one followed by no prose before
			// the next heading or the end is furniture.
			if nextProse(cls, i) {
				keep = append(keep, Paragraph{Text: c.text, Heading: true})
			}
		}
	}
	// A text of headings alone (a one-line note, a list of titles) keeps
	// them as its text rather than coming out empty.
	if len(keep) == 0 {
		for _, c := range cls {
			if c.kind == kHeading {
				keep = append(keep, Paragraph{Text: c.text})
			}
		}
	}
	// A heading before any text is the title when the dump has none.
	if len(keep) > 1 && keep[0].Heading && a.Title == "" && firstContent(cls) {
		a.Title = keep[0].Text
		keep = keep[1:]
	}
	a.Paragraphs = keep
	a.Lang = detectLang(a)
	a.SetID()
	return a
}

// firstContent reports whether the first heading stands before every other
// content block (only metadata lines precede it).
func firstContent(cls []classified) bool {
	for _, c := range cls {
		switch c.kind {
		case kHeading:
			return true
		case kProse:
			return false
		}
	}
	return false
}

func nextProse(cls []classified, i int) bool {
	for _, c := range cls[i+1:] {
		switch c.kind {
		case kProse:
			return true
		case kHeading:
			return false
		}
	}
	return false
}

// classify decides what each block is and lifts metadata into a.
func classify(blocks []block, a *Article) []classified {
	out := make([]classified, len(blocks))
	listing := false // under a marker that lists items (related posts, tags)
	tagNext := false // the marker announced a tag list
	furniture := false
	for i, b := range blocks {
		k := kProse
		text := b.text
		p := normPhrase(text)
		switch {
		case isURLLine(text):
			k = kLinks
			for _, f := range strings.Fields(text) {
				a.Links = appendUnique(a.Links, strings.Trim(f, "<>()[]\"'"))
			}
		case isHashtagLine(text):
			k = kTags
			a.Topics = appendUniqueAll(a.Topics, hashtags(text))
		case tagLabelRe.MatchString(text) && utf8.RuneCountInString(text) < 300:
			k = kTags
			a.Topics = appendUniqueAll(a.Topics, splitTags(tagLabelRe.FindStringSubmatch(text)[1]))
		case bylineRe.MatchString(text):
			k = kByline
			m := bylineRe.FindStringSubmatch(text)
			a.Author = joinAuthor(a.Author, m[1])
			if t, ok := ParseDate(m[2]); ok && a.Published.IsZero() {
				a.Published = t
			}
		case markerPhrases[p] || hasMarkerPrefix(p) || isShareBar(p):
			k = kMarker
		case utf8.RuneCountInString(text) <= 64 && isDateLine(text):
			k = kDate
			if t, ok := ParseDate(text); ok && a.Published.IsZero() {
				a.Published = t
			}
		case isDisclaimer(text):
			k = kDisclaimer
			if a.Site == "" {
				a.Site = siteFrom(text)
			}
		case isBio(text, a.Author, furniture):
			k = kBio
		case tagNext && !endsSentence(text) && utf8.RuneCountInString(text) < 300:
			k = kTags
			a.Topics = appendUniqueAll(a.Topics, splitTags(text))
		case looksHeading(b):
			k = kHeading
			if listing {
				k = kListed
			}
		case listing && !isProse(text):
			k = kListed
		}
		out[i] = classified{b, k}
		// Track the furniture zone: a list marker lists items until prose.
		switch k {
		case kMarker:
			listing = true
			tagNext = isTagMarker(p)
			furniture = true
		case kByline, kTags, kLinks, kDate, kDisclaimer, kBio, kListed:
			furniture = k != kListed || furniture
			tagNext = false
		default:
			listing, tagNext, furniture = false, false, false
		}
	}
	return out
}

func isDateLine(s string) bool {
	_, ok := ParseDate(s)
	return ok
}

func hasMarkerPrefix(p string) bool {
	if utf8.RuneCountInString(p) > 160 {
		return false
	}
	for _, pre := range markerPrefixes {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return false
}

func isTagMarker(p string) bool {
	switch p {
	case "tags", "topics", "related topics", "categories", "filed under":
		return true
	}
	return false
}

// siteFrom finds the publication a disclaimer or copyright line names.
func siteFrom(s string) string {
	for _, re := range []interface {
		FindStringSubmatch(string) []string
	}{siteRe, siteRe3, siteRe2, copyRe} {
		if m := re.FindStringSubmatch(s); m != nil {
			name, _, _ := strings.Cut(m[1], ". ")
			return strings.TrimSpace(strings.TrimRight(name, ".,;"))
		}
	}
	return ""
}

func joinAuthor(cur, name string) string {
	name = strings.TrimSpace(name)
	switch {
	case cur == "":
		return name
	case strings.Contains(cur, name):
		return cur
	}
	return cur + ", " + name
}

func appendUnique(list []string, s string) []string {
	if s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func appendUniqueAll(list, add []string) []string {
	for _, s := range add {
		list = appendUnique(list, s)
	}
	return list
}
