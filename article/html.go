package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// ErrNoText is returned (wrapped) when a page has no main text to extract.
var ErrNoText = errors.New("no article text found")

// MaxHTMLSize is the largest HTML page ReadHTML and ExtractHTML accept, in
// bytes before charset decoding. Real news pages are well under 5 MB.
const MaxHTMLSize = 64 << 20

// ReadHTML is the ReadFunc for one HTML page. It yields a single article
// extracted by ExtractHTML, or a single *InputError naming the input. When
// name is an absolute http(s) URL it also serves as the page URL, so that
// relative links resolve.
func ReadHTML(ctx context.Context, name string, r io.Reader) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(nil, &InputError{Name: name, Offset: -1, Err: err})
			return
		}
		a, err := ExtractHTML(r, pageURLFromName(name))
		if err != nil {
			yield(nil, &InputError{Name: name, Offset: -1, Err: err})
			return
		}
		a.Source = name
		yield(a, nil)
	}
}

// pageURLFromName returns name when it is an absolute http(s) URL.
func pageURLFromName(name string) string {
	u, err := url.Parse(name)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return name
}

// ExtractHTML extracts the main text and metadata of one HTML page.
//
// The page is decoded from its declared or sniffed charset, parsed, and
// handed to go-trafilatura; when trafilatura finds no text, go-readability
// is tried. Title, Author, Published, Site, Topics (categories and tags)
// and Lang come from the page metadata; URL is the page's canonical URL
// (link rel=canonical, og:url) or else pageURL. Paragraphs hold one block
// of reflowed text per paragraph, list item, table row or heading of the
// main content, headings marked; a first heading that repeats the title
// is dropped. Links are the absolute http(s) targets of the anchors in the
// main content, in order, without duplicates. ID is set.
//
// A page without main text (an empty body, nothing but the title, fewer
// than ten words) gives an error wrapping ErrNoText. Panics in the third-party extractors are recovered and
// returned as errors.
func ExtractHTML(r io.Reader, pageURL string) (*Article, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxHTMLSize+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxHTMLSize {
		return nil, fmt.Errorf("page larger than %d bytes", MaxHTMLSize)
	}
	doc, err := parseHTMLBytes(raw)
	if err != nil {
		return nil, err
	}
	return extractDocument(doc, pageURL, runTrafilatura)
}

// parseHTMLBytes decodes raw by its charset and parses it. The charset is
// the one HTML5 prescribes (byte-order mark, <meta> declaration, else UTF-8
// when valid, else Windows-1252) with one exception: a page that is valid
// UTF-8 and has non-ASCII bytes is read as UTF-8 whatever its <meta> says.
// Saved and re-served pages often keep a stale declaration (a page
// re-encoded to UTF-8 still saying iso-8859-1), while legacy-encoded text
// with accented letters is almost never valid UTF-8 by accident.
func parseHTMLBytes(raw []byte) (*html.Node, error) {
	var src io.Reader = bytes.NewReader(raw)
	enc, name, _ := charset.DetermineEncoding(raw, "")
	if name != "utf-8" && !(hasNonASCII(raw) && utf8.Valid(raw)) {
		src = transform.NewReader(src, enc.NewDecoder())
	}
	doc, err := html.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return doc, nil
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// primaryExtractor is the first extractor tried: runTrafilatura, or a
// stand-in in tests.
type primaryExtractor func(doc *html.Node, base *url.URL) (*trafilatura.ExtractResult, error)

// extractDocument runs the extractors over a parsed page.
func extractDocument(doc *html.Node, pageURL string, primary primaryExtractor) (*Article, error) {
	var base *url.URL
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
			base = u
		}
	}

	if !hasBodyText(doc) {
		return nil, fmt.Errorf("%w: the page body is empty", ErrNoText)
	}

	a := &Article{URL: pageURL}
	var content *html.Node
	res, trafErr := callPrimary(primary, doc, base)
	if res != nil {
		content = res.ContentNode
		m := res.Metadata
		a.Title = oneLine(m.Title)
		a.Author = oneLine(m.Author)
		a.Published = m.Date
		a.Site = oneLine(m.Sitename)
		if a.Site == "" {
			a.Site = m.Hostname
		}
		a.Topics = uniqueClean(append(slices.Clip(m.Categories), m.Tags...))
		a.Lang = primaryLang(m.Language)
		if u := absHTTPURL(base, m.URL); u != "" {
			a.URL = u
		}
	}
	a.Paragraphs, _ = htmlBlocks(content, base)
	if len(a.Paragraphs) > 0 {
		a.Links = contentLinks(doc, a.Paragraphs, base)
	}

	if wordCount(a.Paragraphs) < minArticleWords {
		// Fallback: go-readability, which scores the DOM differently.
		// (trafilatura's own last resort, the whole body text, gives a
		// few words of navigation on pages without an article.)
		ra, err := runReadability(doc, base)
		if err != nil {
			return nil, errors.Join(noTextErr(trafErr), err)
		}
		a.Paragraphs, _ = htmlBlocks(ra.Node, nil)
		if wordCount(a.Paragraphs) < minArticleWords {
			// go-readability returns its best guess even for a page of
			// navigation links; a few words are not an article.
			return nil, noTextErr(trafErr)
		}
		a.Links = contentLinks(doc, a.Paragraphs, base)
		if res == nil {
			a.Title = oneLine(ra.Title())
			a.Author = oneLine(ra.Byline())
			a.Site = oneLine(ra.SiteName())
			a.Lang = primaryLang(ra.Language())
			if t, err := ra.PublishedTime(); err == nil {
				a.Published = t
			}
		}
	}
	if a.Title == "" {
		a.Title = firstHeading(a.Paragraphs)
	}
	a.Paragraphs = dropTitleHeading(a.Paragraphs, a.Title)
	if len(a.Paragraphs) == 0 || (len(a.Paragraphs) == 1 && sameWords(a.Paragraphs[0].Text, a.Title)) {
		// Nothing but the title: the extractors fell back to the
		// <title> of a page without text.
		return nil, noTextErr(trafErr)
	}
	a.SetID()
	return a, nil
}

// hasBodyText reports whether the <body> of doc has any readable text.
func hasBodyText(doc *html.Node) bool {
	var find func(n *html.Node, inBody bool) bool
	find = func(n *html.Node, inBody bool) bool {
		switch n.Type {
		case html.TextNode:
			return inBody && strings.TrimSpace(n.Data) != ""
		case html.ElementNode:
			if n.Data == "body" {
				inBody = true
			} else if htmlSkipTags[n.Data] {
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if find(c, inBody) {
				return true
			}
		}
		return false
	}
	return find(doc, false)
}

// noTextErr wraps ErrNoText with the primary extractor's reason, if any.
func noTextErr(reason error) error {
	if reason != nil {
		return fmt.Errorf("%w (%v)", ErrNoText, reason)
	}
	return ErrNoText
}

// minArticleWords is the least text, in words, that makes an article: one
// sentence of news. Less from trafilatura sends the page to the fallback;
// less from the fallback is ErrNoText.
const minArticleWords = 10

func wordCount(ps []Paragraph) int {
	n := 0
	for _, p := range ps {
		n += len(strings.Fields(p.Text))
	}
	return n
}

// callPrimary calls the primary extractor, turning a panic into an error.
func callPrimary(primary primaryExtractor, doc *html.Node, base *url.URL) (res *trafilatura.ExtractResult, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("trafilatura panicked: %v", p)
		}
	}()
	res, err = primary(doc, base)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// runTrafilatura calls go-trafilatura with dyad's options.
func runTrafilatura(doc *html.Node, base *url.URL) (*trafilatura.ExtractResult, error) {
	return trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL: base,
		// Comments are never article text; not extracting them is faster.
		ExcludeComments: true,
		// IncludeLinks would keep <a> in ContentNode, but it changes
		// trafilatura's choices (F1 0.960 against 0.964 without on the
		// benchmark); contentLinks finds the links afterwards instead.
	})
}

// runReadability calls go-readability, turning a panic into an error.
func runReadability(doc *html.Node, base *url.URL) (a readability.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("readability panicked: %v", p)
		}
	}()
	p := readability.NewParser()
	if base == nil {
		// go-readability resolves relative URIs and needs a base.
		base = &url.URL{Scheme: "http", Host: "localhost", Path: "/"}
	}
	a, err = p.ParseDocument(doc, base)
	if err != nil {
		return a, fmt.Errorf("readability: %w", err)
	}
	return a, nil
}

// contentLinks returns the absolute links of the anchors in doc whose
// enclosing block (paragraph, list item, heading, cell...) is one of the
// extracted paragraphs: the links of the main text, found in the original
// page because trafilatura strips anchors from its output.
func contentLinks(doc *html.Node, paras []Paragraph, base *url.URL) []string {
	texts := make(map[string]bool, len(paras))
	for _, p := range paras {
		texts[p.Text] = true
	}
	blockText := map[*html.Node]string{}
	seen := map[string]bool{}
	var links []string
	var walk func(n *html.Node, block *html.Node)
	walk = func(n *html.Node, block *html.Node) {
		if n.Type == html.ElementNode {
			if htmlSkipTags[n.Data] {
				return
			}
			if htmlBlockTags[n.Data] {
				block = n
			}
			if n.Data == "a" && block != nil {
				t, ok := blockText[block]
				if !ok {
					t = nodeText(block)
					blockText[block] = t
				}
				if texts[t] {
					for _, at := range n.Attr {
						if at.Key == "href" {
							if u := absHTTPURL(base, at.Val); u != "" && !seen[u] {
								seen[u] = true
								links = append(links, u)
							}
							break
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, block)
		}
	}
	walk(doc, nil)
	return links
}

// nodeText is the text of n as htmlBlocks would write it, reflowed, when
// n holds a single block; else "".
func nodeText(n *html.Node) string {
	ps, _ := htmlBlocks(n, nil)
	if len(ps) != 1 {
		return ""
	}
	return ps[0].Text
}

// firstHeading returns the text of the first heading paragraph, if any.
func firstHeading(ps []Paragraph) string {
	for _, p := range ps {
		if p.Heading {
			return p.Text
		}
	}
	return ""
}

// dropTitleHeading removes a leading heading that repeats the title: the
// title is kept in Article.Title, and the body should not say it twice.
func dropTitleHeading(ps []Paragraph, title string) []Paragraph {
	if len(ps) > 0 && ps[0].Heading && title != "" && sameWords(ps[0].Text, title) {
		return ps[1:]
	}
	return ps
}

// sameWords reports whether a and b agree up to case and spacing.
func sameWords(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// oneLine collapses white space and drops invalid UTF-8.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
}

// uniqueClean cleans every entry and drops empty ones and duplicates
// (case-insensitively), keeping the first spelling.
func uniqueClean(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		s = oneLine(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// primaryLang reduces a language tag ("en-US", "en_GB") to its lower-case
// primary subtag ("en").
func primaryLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	tag = strings.ToLower(tag)
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, c := range tag {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return tag
}

// absHTTPURL resolves ref against base and returns it when it is an absolute
// http(s) URL, else "".
func absHTTPURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// htmlBlockTags start and end a paragraph.
var htmlBlockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "dd": true, "details": true, "dialog": true, "div": true, "dl": true,
	"dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hr": true, "html": true, "legend": true, "li": true, "main": true,
	"nav": true, "ol": true, "p": true, "pre": true, "section": true, "summary": true,
	"table": true, "tbody": true, "tfoot": true, "thead": true, "tr": true, "ul": true,
}

// htmlSkipTags hold no readable text.
var htmlSkipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true,
	"svg": true, "math": true, "iframe": true, "object": true, "embed": true,
	"button": true, "select": true, "textarea": true, "input": true, "canvas": true,
}

// blockWriter turns a DOM subtree into paragraphs and links.
type blockWriter struct {
	base    *url.URL
	paras   []Paragraph
	buf     strings.Builder
	heading int // depth of open h1-h6 elements
	links   []string
	seen    map[string]bool
	// splitBlank ends a paragraph at each blank line in text, for
	// fragments of plain text that have no block markup.
	splitBlank bool
}

// htmlBlocks returns the paragraphs and the absolute links of the subtree n.
func htmlBlocks(n *html.Node, base *url.URL) ([]Paragraph, []string) {
	if n == nil {
		return nil, nil
	}
	w := &blockWriter{base: base, seen: map[string]bool{}}
	w.walk(n)
	w.flush()
	return w.paras, w.links
}

func isHeadingTag(tag string) bool {
	return len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'
}

func (w *blockWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		if w.splitBlank {
			w.writeSplitting(n.Data)
		} else {
			w.buf.WriteString(n.Data)
		}
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	tag := n.Data
	if htmlSkipTags[tag] {
		return
	}
	switch tag {
	case "br":
		w.buf.WriteByte(' ')
		return
	case "td", "th":
		w.buf.WriteByte(' ')
	case "a":
		w.addLink(n)
	}
	block := htmlBlockTags[tag]
	head := isHeadingTag(tag)
	if block {
		w.flush()
	}
	if head {
		w.heading++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.flush()
	}
	if head {
		w.heading--
	}
	if tag == "td" || tag == "th" {
		w.buf.WriteByte(' ')
	}
}

// writeSplitting writes text, ending the paragraph at blank lines.
func (w *blockWriter) writeSplitting(s string) {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if i > 0 {
			if i < len(lines)-1 && strings.TrimSpace(line) == "" {
				w.flush()
				continue
			}
			w.buf.WriteByte('\n')
		}
		w.buf.WriteString(line)
	}
}

func (w *blockWriter) addLink(n *html.Node) {
	for _, at := range n.Attr {
		if at.Key != "href" {
			continue
		}
		if u := absHTTPURL(w.base, at.Val); u != "" && !w.seen[u] {
			w.seen[u] = true
			w.links = append(w.links, u)
		}
		return
	}
}

// flush ends the current paragraph.
func (w *blockWriter) flush() {
	if w.buf.Len() == 0 {
		return
	}
	s := w.buf.String()
	w.buf.Reset()
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return
	}
	w.paras = append(w.paras, Paragraph{Text: s, Heading: w.heading > 0})
}
