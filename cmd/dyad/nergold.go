package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dyad-events/dyad/eval"
)

// wikinewsDev is the news NER set: standoff PER/ORG/LOC annotations of
// 245 Wikinews sample articles (see eval.ReadMentions), written for dyad
// by reading the articles under UNER's conventions. 'dyad train ner'
// trains on it and, with --cv, scores it block by block as held-out news;
// the articles themselves stay in ../shared/data.
const wikinewsDev = "nlp/ner/testdata/wikinews-dev.tsv"

// wikinewsTest is the held-out news NER set: 27 other Wikinews sample
// articles annotated the same way, never trained on; 'dyad eval ner'
// scores it.
const wikinewsTest = "nlp/ner/testdata/wikinews-test.tsv"

// wikinewsTexts fills texts[url] with the text column of the Wikinews
// sample CSV at path for each url texts holds. The text is taken as the
// file has it, not through package article's cleaning: the dev set scores
// the recognizer, whatever a reader keeps of a page.
func wikinewsTexts(path string, texts map[string]string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	u, okU := col["url"]
	t, okT := col["text"]
	if !okU || !okT {
		return fmt.Errorf("%s: no url or text column", path)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if _, ok := texts[rec[u]]; ok {
			texts[rec[u]] = rec[t]
		}
	}
}

// readNERGold reads the gold sentences of an IOB file, or of a standoff
// file (.tsv) whose documents are Wikinews sample articles named by URL,
// segmented and tokenized as the pipeline does. Problems with single
// mentions of a standoff file go to warn, one a line; the mention is then
// left out or widened to whole tokens, as eval.StandoffSentences says.
func readNERGold(ctx context.Context, path string, warn io.Writer) ([]eval.IOBSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if !strings.HasSuffix(path, ".tsv") {
		return eval.ReadIOB(f, path)
	}
	ms, err := eval.ReadMentions(f, path)
	if err != nil {
		return nil, err
	}
	texts := map[string]string{}
	for i, m := range ms {
		if _, seen := texts[m.Doc]; seen && ms[i-1].Doc != m.Doc {
			return nil, fmt.Errorf("%s:%d: %s again after other documents: a document's mentions must be on consecutive lines", path, m.Line, m.Doc)
		}
		texts[m.Doc] = ""
	}
	paths := []string{dataPath("wikinews-sample", "wikinews_2019.csv"), dataPath("wikinews-sample", "wikinews_2020.csv")}
	for _, p := range paths {
		if err := wikinewsTexts(p, texts); err != nil {
			return nil, fmt.Errorf("%s: texts: %w", path, err)
		}
	}
	var out []eval.IOBSentence
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].Doc == ms[i].Doc {
			j++
		}
		text := texts[ms[i].Doc]
		if text == "" {
			return nil, fmt.Errorf("%s:%d: no article %s in %s", path, ms[i].Line, ms[i].Doc, strings.Join(paths, ", "))
		}
		sents, problems := eval.StandoffSentences(path, ms[i].Doc, text, ms[i:j])
		for _, p := range problems {
			fmt.Fprintf(warn, "warning: %v\n", p)
		}
		out = append(out, sents...)
		i = j
	}
	return out, nil
}
