package article

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxFeedSize is the largest feed document ReadFeed accepts, in bytes.
const MaxFeedSize = 64 << 20

// ReadFeed is the ReadFunc for RSS (0.9x, 1.0/RDF, 2.0), Atom and JSON
// Feed documents. Each item becomes one article:
//
//   - Title, URL (the item link, resolved against the feed link), Author
//     (the item's authors, else the feed's), Published (published date,
//     else updated date), Topics (the item categories), Site (the feed
//     title) and Lang (the feed language, primary subtag);
//   - Paragraphs from the item content, else its description, read as an
//     HTML fragment: one paragraph per block, headings marked; plain text
//     is split at blank lines. Links are the absolute links in that text;
//   - an item with no text keeps its title as its only paragraph, marked as
//     a heading, so that headline-only feeds still reach the later stages;
//   - Source is "name#N" for the Nth item (1-based).
//
// An item with neither title nor text yields an *InputError naming the
// item and the sequence goes on. A document that is not a well-formed feed
// yields one *InputError naming the input, and nothing else.
func ReadFeed(ctx context.Context, name string, r io.Reader) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		feed, err := parseFeed(r)
		if err != nil {
			ie := &InputError{Name: name, Offset: -1, Err: err}
			if se := (*xml.SyntaxError)(nil); errors.As(err, &se) {
				ie.Line = se.Line
			}
			yield(nil, ie)
			return
		}
		site := oneLine(feed.Title)
		lang := primaryLang(feed.Language)
		base := feedBase(feed)
		author := personNames(feed.Authors, feed.Author)
		for i, it := range feed.Items {
			if err := ctx.Err(); err != nil {
				yield(nil, &InputError{Name: name, Offset: -1, Err: err})
				return
			}
			if it == nil {
				continue
			}
			a, err := feedArticle(it, base)
			if err != nil {
				if !yield(nil, &InputError{Name: name, Offset: -1, Err: fmt.Errorf("item %d: %w", i+1, err)}) {
					return
				}
				continue
			}
			a.Source = fmt.Sprintf("%s#%d", name, i+1)
			a.Site = site
			a.Lang = lang
			if a.Author == "" {
				a.Author = author
			}
			a.SetID()
			if !yield(a, nil) {
				return
			}
		}
	}
}

// errEmptyItem is the error for a feed item with no title and no text.
var errEmptyItem = errors.New("no title and no text")

// parseFeed parses a feed document, turning a panic in the parser into an
// error.
func parseFeed(r io.Reader) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("feed parser panicked: %v", p)
		}
	}()
	lr := &io.LimitedReader{R: r, N: MaxFeedSize + 1}
	feed, err = gofeed.NewParser().Parse(lr)
	if lr.N <= 0 {
		return nil, fmt.Errorf("feed larger than %d bytes", MaxFeedSize)
	}
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, errors.New("not an RSS, Atom or JSON feed")
		}
		return nil, fmt.Errorf("malformed feed: %w", err)
	}
	return feed, nil
}

// feedBase is the URL relative item links resolve against: the feed's
// site link, else the feed's own address.
func feedBase(f *gofeed.Feed) *url.URL {
	for _, s := range []string{f.Link, f.FeedLink} {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && u.IsAbs() {
			return u
		}
	}
	return nil
}

// personNames joins the names (else e-mail addresses) of people.
func personNames(ps []*gofeed.Person, single *gofeed.Person) string {
	if len(ps) == 0 && single != nil {
		ps = []*gofeed.Person{single}
	}
	var names []string
	for _, p := range ps {
		if p == nil {
			continue
		}
		n := oneLine(p.Name)
		if n == "" {
			n = oneLine(p.Email)
		}
		if n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(uniqueClean(names), ", ")
}

// feedArticle builds the article of one item, without ID and feed fields.
func feedArticle(it *gofeed.Item, base *url.URL) (*Article, error) {
	a := &Article{
		Title:  fragmentText(it.Title),
		Author: personNames(it.Authors, it.Author),
		Topics: uniqueClean(it.Categories),
	}
	if u := absHTTPURL(base, it.Link); u != "" {
		a.URL = u
	} else if u := absHTTPURL(base, it.GUID); u != "" {
		a.URL = u
	}
	switch {
	case it.PublishedParsed != nil:
		a.Published = it.PublishedParsed.UTC()
	case it.UpdatedParsed != nil:
		a.Published = it.UpdatedParsed.UTC()
	}
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	var itemBase *url.URL
	if a.URL != "" {
		itemBase, _ = url.Parse(a.URL)
	} else {
		itemBase = base
	}
	a.Paragraphs, a.Links = fragmentBlocks(body, itemBase)
	a.Paragraphs = dropTitleHeading(a.Paragraphs, a.Title)
	if len(a.Paragraphs) == 0 {
		if a.Title == "" {
			return nil, errEmptyItem
		}
		a.Paragraphs = []Paragraph{{Text: a.Title, Heading: true}}
	}
	return a, nil
}

// fragmentBlocks reads an HTML fragment (or plain text) into paragraphs
// and absolute links. A fragment with no block markup (plain text, maybe
// with inline tags) is split into paragraphs at blank lines.
func fragmentBlocks(s string, base *url.URL) ([]Paragraph, []string) {
	root := parseFragment(s)
	if root == nil {
		return nil, nil
	}
	w := &blockWriter{base: base, seen: map[string]bool{}, splitBlank: !hasBlockMarkup(root)}
	w.walk(root)
	w.flush()
	return w.paras, w.links
}

// fragmentText is the text of an HTML fragment on one line.
func fragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return oneLine(s)
	}
	root := parseFragment(s)
	if root == nil {
		return oneLine(s)
	}
	w := &blockWriter{seen: map[string]bool{}}
	w.walk(root)
	w.flush()
	texts := make([]string, len(w.paras))
	for i, p := range w.paras {
		texts[i] = p.Text
	}
	return strings.Join(texts, " ")
}

// parseFragment parses s as the content of a <div> and returns that div,
// or nil when s is blank or cannot be parsed.
func parseFragment(s string) (root *html.Node) {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	defer func() {
		if p := recover(); p != nil {
			root = nil
		}
	}()
	root = &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), root)
	if err != nil {
		return nil
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}

// hasBlockMarkup reports whether n has a block or line-break element below
// it.
func hasBlockMarkup(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (htmlBlockTags[c.Data] || c.Data == "br") {
			return true
		}
		if hasBlockMarkup(c) {
			return true
		}
	}
	return false
}
