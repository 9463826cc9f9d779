package article

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
)

// Record is one article as record dumps carry it. JSONL objects and CSV
// columns map onto it by name; common aliases are accepted (see fieldAlias).
type Record struct {
	ID        string
	URL       string
	Title     string
	Author    string
	Published string
	Site      string
	Lang      string
	Topics    []string
	Text      string
}

// fieldAlias maps the field names found in the wild to Record fields.
var fieldAlias = map[string]string{
	"id": "id", "doc_id": "id", "docid": "id", "article_id": "id", "uid": "id", "guid": "id",
	"url": "url", "link": "url", "source_url": "url", "sourceurl": "url", "href": "url",
	"title": "title", "headline": "title", "heading": "title",
	"author": "author", "authors": "author", "byline": "author", "creator": "author",
	"published": "published", "date": "published", "publish_date": "published", "published_at": "published",
	"pubdate": "published", "publication_date": "published", "datetime": "published", "timestamp": "published",
	"date_publish": "published", "story_date": "published", "time": "published",
	"site": "site", "source": "site", "publisher": "site", "outlet": "site", "site_name": "site", "domain": "site",
	"lang": "lang", "language": "lang",
	"topics": "topics", "tags": "topics", "keywords": "topics", "categories": "topics",
	"text": "text", "body": "text", "content": "text", "article": "text", "story": "text", "maintext": "text",
	"full_text": "text", "article_text": "text",
}

func (rec *Record) set(field, value string) {
	switch fieldAlias[strings.ToLower(strings.TrimSpace(field))] {
	case "id":
		rec.ID = value
	case "url":
		rec.URL = value
	case "title":
		rec.Title = value
	case "author":
		rec.Author = value
	case "published":
		rec.Published = value
	case "site":
		rec.Site = value
	case "lang":
		rec.Lang = value
	case "topics":
		rec.Topics = splitTags(value)
	case "text":
		rec.Text = value
	}
}

var errNoText = errors.New("record has no text field or it is empty")

// Article cleans the record's text with ParseText and fills the metadata
// from the record's fields, which win over what the text itself says.
// A published value that is present but unreadable is reported in the
// error while the article is still returned.
func (rec *Record) Article() (*Article, error) {
	if strings.TrimSpace(rec.Text) == "" {
		return nil, errNoText
	}
	if err := checkControl([]byte(rec.Text)); err != nil {
		return nil, err
	}
	a := ParseText(strings.Split(strings.ReplaceAll(rec.Text, "\r\n", "\n"), "\n"))
	if len(a.Paragraphs) == 0 && strings.TrimSpace(rec.Title) == "" {
		// Nothing but furniture or a dateline, and no title either.
		return nil, errNoText
	}
	if t := foldSpace(rec.Title); t != "" {
		// The text often repeats the title as its first line.
		if a.Title == "" && len(a.Paragraphs) > 1 && a.Paragraphs[0].Text == t {
			a.Paragraphs = a.Paragraphs[1:]
		}
		a.Title = t
	}
	setIf(&a.URL, rec.URL)
	setIf(&a.Author, rec.Author)
	setIf(&a.Site, rec.Site)
	setIf(&a.Lang, rec.Lang)
	if len(rec.Topics) > 0 {
		a.Topics = rec.Topics
	}
	a.RecordID = strings.TrimSpace(rec.ID)
	a.SetID()
	if p := strings.TrimSpace(rec.Published); p != "" {
		t, ok := ParseDate(p)
		if !ok {
			return a, fmt.Errorf("unrecognised published date %q", p)
		}
		a.Published = t
	}
	return a, nil
}

func setIf(dst *string, v string) {
	if v = strings.TrimSpace(v); v != "" {
		*dst = v
	}
}

// ReadJSONL reads one JSON object per line (JSON Lines), or a JSON array
// of objects. Each object is a Record; unknown fields are ignored. A line
// that is not a JSON object is reported with its line number and reading
// goes on.
func ReadJSONL(ctx context.Context, name string, r io.Reader) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		br := bufio.NewReaderSize(utf16Aware(r), 64<<10)
		if c, err := peekNonSpace(br); err == nil && c == '[' {
			readJSONArray(ctx, name, br, yield)
			return
		}
		line := 0
		for {
			b, err := readLimitedLine(br, MaxArticleBytes)
			if err == errTooBig {
				line++
				if !yield(nil, inputErr(name, line, err)) {
					return
				}
				continue
			}
			if err != nil && err != io.EOF {
				yield(nil, inputErr(name, line+1, err))
				return
			}
			if err == io.EOF && len(b) == 0 {
				return
			}
			line++
			if e := ctx.Err(); e != nil {
				yield(nil, inputErr(name, line, e))
				return
			}
			if t := bytes.TrimSpace(b); len(t) > 0 {
				a, rerr := recordFromJSON(t)
				if !yieldRecord(name, line, a, rerr, yield) {
					return
				}
			}
			if err == io.EOF {
				return
			}
		}
	}
}

// yieldRecord passes on a record's article and error, locating the error.
func yieldRecord(name string, line int, a *Article, err error, yield func(*Article, error) bool) bool {
	if a != nil {
		a.Source = fmt.Sprintf("%s:%d", name, line)
	}
	if err != nil && !yield(nil, inputErr(name, line, err)) {
		return false
	}
	if a != nil {
		return yield(a, nil)
	}
	return true
}

func readJSONArray(ctx context.Context, name string, br *bufio.Reader, yield func(*Article, error) bool) {
	dec := json.NewDecoder(br)
	if _, err := dec.Token(); err != nil {
		yield(nil, inputErr(name, 1, err))
		return
	}
	for i := 1; dec.More(); i++ {
		if err := ctx.Err(); err != nil {
			yield(nil, inputErr(name, 0, err))
			return
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The array is broken: nothing after this point can be trusted.
			yield(nil, &InputError{Name: name, Offset: dec.InputOffset(), Err: fmt.Errorf("element %d: %w", i, err)})
			return
		}
		a, err := recordFromJSON(raw)
		if a != nil {
			a.Source = fmt.Sprintf("%s#%d", name, i)
		}
		if err != nil && !yield(nil, &InputError{Name: name, Offset: dec.InputOffset(), Err: fmt.Errorf("element %d: %w", i, err)}) {
			return
		}
		if a != nil && !yield(a, nil) {
			return
		}
	}
}

// recordFromJSON decodes one JSON object into an Article. Field values may
// be strings, numbers or arrays of strings (topics, authors).
func recordFromJSON(b []byte) (*Article, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	var rec Record
	for k, v := range m {
		rec.set(k, jsonText(v))
	}
	return rec.Article()
}

// jsonText renders a JSON value as the text of a field: strings as they
// are, arrays of strings joined by commas, numbers as written.
func jsonText(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var list []string
	if json.Unmarshal(v, &list) == nil {
		return strings.Join(list, ", ")
	}
	if t := strings.TrimSpace(string(v)); t != "null" && len(t) > 0 && t[0] != '{' && t[0] != '[' {
		return t
	}
	return ""
}

func peekNonSpace(br *bufio.Reader) (byte, error) {
	for i := 1; ; i++ {
		b, err := br.Peek(i)
		if err != nil {
			return 0, err
		}
		c := b[i-1]
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c, nil
		}
		if i >= 4096 {
			return 0, io.EOF
		}
	}
}

// readLimitedLine reads one '\n'-terminated line. A line over max bytes is
// skipped to its end and reported with errTooBig, so that one huge line
// costs no memory and does not stop the rest of the input.
func readLimitedLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	tooBig := false
	for {
		frag, err := br.ReadSlice('\n')
		if !tooBig {
			if len(line)+len(frag) > max {
				tooBig, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooBig && (err == nil || err == io.EOF) {
			return nil, errTooBig
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

// ReadCSV reads a CSV (or tab- or semicolon-separated) file whose header
// names the columns: at least a text column (text, body, content...), and
// any of id, url, title, published/date, author, site, lang, topics. A
// malformed row is reported with its line and reading goes on.
func ReadCSV(ctx context.Context, name string, r io.Reader) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		br := bufio.NewReaderSize(utf16Aware(r), 64<<10)
		head, _ := br.Peek(4096)
		cr := csv.NewReader(br)
		cr.Comma = sniffDelimiter(head)
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = false
		header, err := cr.Read()
		if err != nil {
			yield(nil, inputErr(name, 1, fmt.Errorf("read CSV header: %w", err)))
			return
		}
		cols := make([]string, len(header))
		hasText := false
		for i, h := range header {
			cols[i] = strings.TrimPrefix(h, "\ufeff")
			if fieldAlias[strings.ToLower(strings.TrimSpace(cols[i]))] == "text" {
				hasText = true
			}
		}
		if !hasText {
			yield(nil, inputErr(name, 1, fmt.Errorf("CSV header %q has no text column (text, body or content)", strings.Join(header, string(cr.Comma)))))
			return
		}
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, inputErr(name, 0, err))
				return
			}
			row, err := cr.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					if !yield(nil, inputErr(name, pe.StartLine, pe.Err)) {
						return
					}
					continue
				}
				yield(nil, inputErr(name, 0, err))
				return
			}
			line, _ := cr.FieldPos(0)
			var rec Record
			for i, v := range row {
				if i < len(cols) {
					rec.set(cols[i], v)
				}
			}
			a, aerr := rec.Article()
			if !yieldRecord(name, line, a, aerr, yield) {
				return
			}
		}
	}
}

// sniffDelimiter picks the separator of the header line: comma, tab or
// semicolon, whichever occurs most outside quotes.
func sniffDelimiter(head []byte) rune {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	best, n := ',', 0
	for _, d := range []rune{',', '\t', ';'} {
		if c := bytes.Count(head, []byte(string(d))); c > n {
			best, n = d, c
		}
	}
	return best
}
