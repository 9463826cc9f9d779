package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The embedded models, read from their files with --*-model, give the
// same output as the embedded ones; a file that is not a model is an
// error naming the flag and the file.
func TestModelFlags(t *testing.T) {
	files := []string{
		"--tagger-model", filepath.Join("..", "..", "nlp", "tag", "model", "en_ewt.tag.gz"),
		"--parser-model", filepath.Join("..", "..", "nlp", "parse", "model", "parser.gz"),
		"--ner-model", filepath.Join("..", "..", "nlp", "ner", "model", "ner.model.gz"),
	}
	const text = "Georgia's prime minister met the Armenian envoy in Tbilisi on Monday.\n\nTalks will resume in May.\n"
	for _, cmd := range [][]string{{"parse"}, {"code", "--published", "2024-05-02", "-"}} {
		_, want, stderr := runCLI(t, text, cmd...)
		code, got, stderr2 := runCLI(t, text, append(append([]string{}, cmd[0]), append(files, cmd[1:]...)...)...)
		if code != exitOK || got != want {
			t.Errorf("dyad %s with the model files: exit %d, output differs from the embedded models'\n%s\n---\n%s\n%s %s", cmd[0], code, got, want, stderr, stderr2)
		}
	}

	bad := filepath.Join(t.TempDir(), "not-a-model.gz")
	if err := os.WriteFile(bad, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, flag := range []string{"--tagger-model", "--parser-model", "--ner-model"} {
		for _, cmd := range []string{"parse", "code"} {
			code, _, stderr := runCLI(t, text, cmd, flag, bad, "-")
			if code == exitOK || !strings.Contains(stderr, flag) || !strings.Contains(stderr, "not-a-model.gz") {
				t.Errorf("dyad %s %s BAD: exit %d, stderr %q; want a failure naming the flag and the file", cmd, flag, code, stderr)
			}
		}
	}
}
