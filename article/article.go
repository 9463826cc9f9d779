// Package article defines the Article, dyad's unit of input, and the
// readers that turn outside formats into articles: plain-text dumps, HTML
// pages, JSONL and CSV record dumps, RSS/Atom feeds, directories and
// standard input. Detect picks the reader from an input's first bytes.
//
// Every reader is a function from an io.Reader to a sequence of
// (article, error) pairs: a record that cannot be read yields an error that
// names the input and line, and the sequence goes on with the next record.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// Article is one cleaned news article. Body offsets used by later stages
// are byte offsets into Body().
type Article struct {
	ID        string    `json:"id"`
	Source    string    `json:"source,omitempty"`    // input name and record, e.g. "feeds.csv:12"
	RecordID  string    `json:"record_id,omitempty"` // the id a record dump gave the article
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Author    string    `json:"author,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Site      string    `json:"site,omitempty"`
	Topics    []string  `json:"topics,omitempty"`
	Links     []string  `json:"links,omitempty"`
	Lang      string    `json:"lang,omitempty"`
	// Paragraphs holds the body in reading order: headings and text
	// paragraphs, each one block of reflowed text.
	Paragraphs []Paragraph `json:"paragraphs"`
}

// Paragraph is one block of the body: a text paragraph or a heading.
type Paragraph struct {
	Text    string `json:"text"`
	Heading bool   `json:"heading,omitempty"`
}

// ParagraphSep separates paragraphs in Body.
const ParagraphSep = "\n\n"

// Body returns the clean text: paragraphs (headings included) joined by
// ParagraphSep. Spans elsewhere in dyad are byte offsets into this string.
func (a *Article) Body() string {
	var b strings.Builder
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteString(ParagraphSep)
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// Headings returns the text of the heading paragraphs in order.
func (a *Article) Headings() []string {
	var hs []string
	for _, p := range a.Paragraphs {
		if p.Heading {
			hs = append(hs, p.Text)
		}
	}
	return hs
}

// SetID sets ID to a stable hash of the cleaned content: title and body.
// Two copies of one article read from different formats get the same ID
// when their cleaned text agrees.
func (a *Article) SetID() {
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(a.Title)))
	h.Write([]byte{0})
	for i, p := range a.Paragraphs {
		if i > 0 {
			h.Write([]byte(ParagraphSep))
		}
		h.Write([]byte(p.Text))
	}
	a.ID = hex.EncodeToString(h.Sum(nil)[:12])
}
