package article

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// collect reads everything a ReadFunc yields.
func collect(read ReadFunc, name, in string) (arts []*Article, errs []error) {
	for a, err := range read(context.Background(), name, strings.NewReader(in)) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

func TestReadJSONL(t *testing.T) {
	in := `{"id":"a1","url":"https://example.org/1","title":"Talks resume","published":"2024-03-05","text":"Envoys met in Geneva on Monday.\n\nThey agreed to meet again."}
{"id": "a2", "headline": "Second story", "date": "March 6, 2024", "body": "The council voted on Tuesday.", "tags": ["votes", "council"]}
{this is not json}

{"id":"a4","title":"No text here"}
{"id":"a5","published":"someday","text":"A ministry said it would respond."}
`
	arts, errs := collect(ReadJSONL, "in.jsonl", in)
	if len(arts) != 3 {
		t.Fatalf("%d articles, want 3", len(arts))
	}
	if a := arts[0]; a.Title != "Talks resume" || a.URL != "https://example.org/1" || a.RecordID != "a1" ||
		a.Published.Format("2006-01-02") != "2024-03-05" || len(a.Paragraphs) != 2 || a.Source != "in.jsonl:1" {
		t.Errorf("first article %+v", a)
	}
	if a := arts[1]; a.Title != "Second story" || a.Published.Format("2006-01-02") != "2024-03-06" || len(a.Topics) != 2 {
		t.Errorf("aliased fields not read: %+v", a)
	}
	if a := arts[2]; !a.Published.IsZero() {
		t.Errorf("unreadable date kept: %v", a.Published)
	}
	want := []string{"in.jsonl:3: not a JSON object", "in.jsonl:5: record has no text", "in.jsonl:6: unrecognised published date"}
	if len(errs) != len(want) {
		t.Fatalf("errors %v, want %d", errs, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}
}

func TestReadJSONArray(t *testing.T) {
	arts, errs := collect(ReadJSONL, "in.json", `[{"title":"One","text":"First text."}, {"title":"Two","text":"Second text."}]`)
	if len(arts) != 2 || len(errs) != 0 || arts[1].Title != "Two" {
		t.Fatalf("arts %v errs %v", arts, errs)
	}
}

func TestReadCSV(t *testing.T) {
	in := "id,url,title,published,text\n" +
		"1,https://example.org/a,First,2023-01-02,\"Line one of the text.\n\nSecond paragraph.\"\n" +
		"2,https://example.org/b,Second,\"Jan 3, 2023\",Short text here.\n" +
		"3,https://example.org/c,Broken,2023-01-04,\"unterminated \"quote\" here\n" +
		"4,https://example.org/d,Fourth,2023-01-05,Fourth text.\n"
	arts, errs := collect(ReadCSV, "in.csv", in)
	if len(arts) < 2 || arts[0].Title != "First" || len(arts[0].Paragraphs) != 2 || arts[1].Published.Format("2006-01-02") != "2023-01-03" {
		t.Fatalf("arts %+v", arts)
	}
	if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), "in.csv:") {
		t.Errorf("malformed row not reported with its line: %v", errs)
	}
	tsv := "title\ttext\nTabbed\tA tab-separated record.\n"
	arts, errs = collect(ReadCSV, "in.tsv", tsv)
	if len(arts) != 1 || len(errs) != 0 || arts[0].Title != "Tabbed" {
		t.Errorf("TSV: arts %v errs %v", arts, errs)
	}
	_, errs = collect(ReadCSV, "bad.csv", "a,b\n1,2\n")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "no text column") {
		t.Errorf("header without text: %v", errs)
	}
}

// TestWikinewsCSV loads the Wikinews sample the way a user would.
func TestWikinewsCSV(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "data", "wikinews-sample")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("Wikinews sample not found at %s (the shared data is absent)", dir)
	}
	n, dated := 0, 0
	for a, err := range Read(context.Background(), []string{filepath.Join(dir, "wikinews_2019.csv"), filepath.Join(dir, "wikinews_2020.csv")}, Options{}) {
		if err != nil {
			t.Errorf("read: %v", err)
			continue
		}
		n++
		if !a.Published.IsZero() {
			dated++
		}
		if a.Title == "" || a.URL == "" {
			t.Errorf("%s: incomplete article %q", a.Source, a.Title)
		}
	}
	if n != 295 || dated != 295 {
		t.Errorf("%d articles (%d dated), want 295 with dates", n, dated)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head, want string
	}{
		{"a.txt", "Just some text.\nMore.", "text"},
		{"x", `{"text":"hi"}`, "jsonl"},
		{"x", `{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": []}`, "feed"},
		{"x.json", `[{"text":"hi"}]`, "jsonl"},
		{"x", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", "feed"},
		{"x", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "feed"},
		{"x", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"},
		{"x.txt", "<p>markup in a txt file is still html</p>", "html"},
		{"x", "url,date,title,text\nhttps://e.org,2020-01-01,T,Body", "csv"},
		{"x", "title\ttext\nT\tBody", "csv"},
		{"x", "name,age\nBob,4", "text"},
		{"x", "\x00\x01\x02binary", "binary"},
		{"x", "\ufeffWith a BOM.", "text"},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.head), tt.name).Name; got != tt.want {
			t.Errorf("Detect(%q, %q) = %s, want %s", tt.name, tt.head, got, tt.want)
		}
	}
}

// TestBadInput feeds each kind of bad input among good ones: each gets one
// error that names it, and the good inputs are still read.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("The ministers met on Monday and agreed to meet again.\n"))
	bad := map[string]string{
		write("empty.txt", nil): "empty input",
		write("binary.bin", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00")):         "binary data",
		write("bad-utf8.txt", []byte("Caf\xc3\xa9 talks \xff\xfe\xfd end\n")):      "invalid UTF-8",
		write("nobody.html", []byte("<html><head><title>x</title></head></html>")): "nobody.html",
		filepath.Join(dir, "missing.txt"):                                          "no such file",
	}
	paths := []string{good}
	for p := range bad {
		paths = append(paths, p)
	}
	paths = append(paths, good)
	var errs []error
	n := 0
	for _, err := range Read(context.Background(), paths, Options{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if n != 2 {
		t.Errorf("%d good articles read, want 2", n)
	}
	if len(errs) != len(bad) {
		t.Fatalf("errors %q, want one per bad input (%d)", errs, len(bad))
	}
	for _, err := range errs {
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("error %q is not an *InputError", err)
			continue
		}
		want, ok := bad[ie.Name]
		if !ok {
			t.Errorf("error names %q, not a bad input", ie.Name)
			continue
		}
		if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("error %q: want one line containing %q", err, want)
		}
	}
}

// TestHugeLine streams 100 MB with no newline through the text reader: it
// must fail fast with a located error and flat memory.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	r := io.LimitReader(byteRepeater('a'), 100<<20)
	_, errs := collectReader(ReadText, "huge.txt", r)
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "huge.txt:1: line longer than") {
		t.Fatalf("errors %v", errs)
	}
	_, errs = collectReader(ReadJSONL, "huge.jsonl", io.LimitReader(byteRepeater('{'), 100<<20))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "huge.jsonl:1:") {
		t.Fatalf("errors %v", errs)
	}
}

type byteRepeater byte

func (c byteRepeater) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(c)
	}
	return len(p), nil
}

func collectReader(read ReadFunc, name string, r io.Reader) (arts []*Article, errs []error) {
	for a, err := range read(context.Background(), name, r) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}
