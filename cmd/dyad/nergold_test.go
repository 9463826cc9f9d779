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

// TestWikinewsDevSet checks that the news NER set's mentions still line
// up with the articles in ../shared/data and with the tokenizer's tokens:
// every mention found, none inside a token.
func TestWikinewsDevSet(t *testing.T) {
	dir := filepath.Dir(filepath.Dir(shareddata.Require(t, "wikinews-sample", "wikinews_2019.csv")))
	t.Setenv("DYAD_DATA", dir)
	var warn bytes.Buffer
	sents, err := readNERGold(context.Background(), filepath.Join("..", "..", wikinewsDev), &warn)
	if err != nil {
		t.Fatal(err)
	}
	docs, ents := map[string]bool{}, 0
	for _, s := range sents {
		docs[s.Doc] = true
		ents += len(eval.IOBSpans(s.Tags))
	}
	t.Logf("%d articles, %d sentences, %d entities", len(docs), len(sents), ents)
	if len(docs) != 28 || ents < 790 {
		t.Errorf("%d articles and %d entities, want 28 and about 800", len(docs), ents)
	}
	if warn.Len() > 0 {
		t.Errorf("alignment problems:\n%s", warn.String())
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
