package article

import (
	"bytes"
	"context"
	"io"
	"iter"
	"path/filepath"
	"strings"
)

// Formats by name, for users who want to force one (dyad read --as NAME).
func Formats() map[string]Format {
	return map[string]Format{
		"text":  {"text", ReadText},
		"html":  {"html", ReadHTML},
		"jsonl": {"jsonl", ReadJSONL},
		"csv":   {"csv", ReadCSV},
		"feed":  {"feed", ReadFeed},
	}
}

// binaryFormat reads nothing and reports that the input is not text.
var binaryFormat = Format{"binary", func(_ context.Context, name string, _ io.Reader) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) { yield(nil, inputErr(name, 0, errBinary)) }
}}

// Detect picks the format of an input from its first bytes (up to a few
// kilobytes), using the file name only where the content does not decide:
// JSON objects or arrays are record dumps, XML with an rss, feed or RDF root
// is a feed, markup is HTML, a delimited header naming a text column is CSV,
// anything else that is text is a plain-text article.
func Detect(head []byte, name string) Format {
	f := Formats()
	h := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if !sniffText(h) {
		return binaryFormat
	}
	h = utf16Head(h)
	t := bytes.TrimLeft(h, " \t\r\n")
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(name, ".gz")))
	switch {
	case len(t) == 0:
		return f["text"]
	case t[0] == '{' && bytes.Contains(t[:min(len(t), 512)], []byte("jsonfeed.org/version")):
		return f["feed"]
	case t[0] == '{' || (t[0] == '[' && (ext == ".json" || ext == ".jsonl" || looksJSONArray(t))):
		return f["jsonl"]
	case t[0] == '<':
		low := bytes.ToLower(t[:min(len(t), 2048)])
		if isFeed(low) {
			return f["feed"]
		}
		return f["html"]
	case looksCSVHeader(t):
		return f["csv"]
	}
	switch ext {
	case ".html", ".htm", ".xhtml":
		return f["html"]
	case ".rss", ".atom":
		return f["feed"]
	}
	return f["text"]
}

// utf16Head transcodes a UTF-16 head to UTF-8 for sniffing.
func utf16Head(h []byte) []byte {
	if len(h) < 2 || !(h[0] == 0xff && h[1] == 0xfe || h[0] == 0xfe && h[1] == 0xff) {
		return h
	}
	out, _ := io.ReadAll(utf16Aware(bytes.NewReader(h[:len(h)&^1])))
	return out
}

func isFeed(low []byte) bool {
	// Skip the XML declaration, comments and doctype to the root element.
	for _, root := range [][]byte{[]byte("<rss"), []byte("<feed"), []byte("<rdf:rdf")} {
		i := bytes.Index(low, root)
		if i < 0 {
			continue
		}
		if j := bytes.Index(low, []byte("<html")); j >= 0 && j < i {
			continue
		}
		return true
	}
	return false
}

func looksJSONArray(t []byte) bool {
	t = bytes.TrimLeft(t[1:], " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == ']')
}

// looksCSVHeader reports a first line that is a delimited list of column
// names of which one names the text.
func looksCSVHeader(t []byte) bool {
	line := t
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	if len(line) > 1024 {
		return false
	}
	d := sniffDelimiter(line)
	cols := strings.Split(strings.TrimRight(string(line), "\r"), string(d))
	if len(cols) < 2 {
		return false
	}
	text, known := false, 0
	for _, c := range cols {
		f, ok := fieldAlias[strings.ToLower(strings.Trim(strings.TrimSpace(c), `"`))]
		if ok {
			known++
		}
		text = text || f == "text"
	}
	return text && known >= 2
}
