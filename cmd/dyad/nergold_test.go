package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/eval"
	"github.com/dyad-events/dyad/internal/shareddata"
)

// TestWikinewsSets checks that the news NER sets' mentions still line up
// with the articles in ../shared/data and with the tokenizer's tokens:
// every mention found, none inside a token.
func TestWikinewsSets(t *testing.T) {
	dir := filepath.Dir(filepath.Dir(shareddata.Require(t, "wikinews-sample", "wikinews_2019.csv")))
	t.Setenv("DYAD_DATA", dir)
	for _, tc := range []struct {
		path           string
		articles, ents int
	}{
		{wikinewsDev, 245, 6604},
		{wikinewsTest, 27, 707},
	} {
		var warn bytes.Buffer
		sents, err := readNERGold(context.Background(), filepath.Join("..", "..", tc.path), &warn)
		if err != nil {
			t.Fatal(err)
		}
		docs, ents := map[string]bool{}, 0
		for _, s := range sents {
			docs[s.Doc] = true
			ents += len(eval.IOBSpans(s.Tags))
		}
		t.Logf("%s: %d articles, %d sentences, %d entities", tc.path, len(docs), len(sents), ents)
		if len(docs) != tc.articles || ents != tc.ents {
			t.Errorf("%s: %d articles and %d entities, want %d and %d", tc.path, len(docs), ents, tc.articles, tc.ents)
		}
		if warn.Len() > 0 {
			t.Errorf("%s: alignment problems:\n%s", tc.path, warn.String())
		}
	}
}

// TestReadNERGoldErrors: a standoff file that names an article twice, apart,
// or one the sample does not have, is an error naming the file and line.
func TestReadNERGoldErrors(t *testing.T) {
	dir := filepath.Dir(filepath.Dir(shareddata.Require(t, "wikinews-sample", "wikinews_2019.csv")))
	t.Setenv("DYAD_DATA", dir)
	tmp := t.TempDir()
	for _, tc := range []struct{ in, want string }{
		{"https://example.org/none\tPER\tAda\n", "bad.tsv:1: no article https://example.org/none"},
		{"a\tPER\tA\nb\tPER\tB\na\tPER\tC\n", "bad.tsv:3: a again after other documents"},
		{"a\tXX-1\tA\n", "bad.tsv:1: bad type"},
	} {
		path := filepath.Join(tmp, "bad.tsv")
		if err := os.WriteFile(path, []byte(tc.in), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := readNERGold(context.Background(), path, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}
