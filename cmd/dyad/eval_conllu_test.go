package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalConlluCommand(t *testing.T) {
	gold := filepath.Join("testdata", "parse-gold.conllu")
	tests := []struct {
		args     []string
		code     int
		contains []string
	}{
		{[]string{"--gold-tags", gold}, exitOK, []string{"tags: gold", "parse-gold.conllu", "2      10  100.00  100.00  100.00"}},
		{[]string{gold}, exitOK, []string{"tags: predicted", "parse-gold.conllu"}},
		// subtypes count under their universal relation: nsubj and nsubj:pass
		{[]string{"--gold-tags", "--relations", "20", gold}, exitOK, []string{"  nsubj        wrong head     0 of     2 (  0.0%),  0.00 UAS points"}},
		{[]string{"testdata/missing.conllu"}, exitFailed, nil},
		{[]string{"--nope"}, exitUsage, nil},
	}
	for _, tc := range tests {
		var out, errb bytes.Buffer
		code := run(context.Background(), env{strings.NewReader(""), &out, &errb}, append([]string{"eval", "conllu"}, tc.args...))
		if code != tc.code {
			t.Errorf("eval conllu %q: exit %d, want %d (stderr %q)", tc.args, code, tc.code, errb.String())
			continue
		}
		for _, want := range tc.contains {
			if !strings.Contains(out.String(), want) {
				t.Errorf("eval conllu %q: output lacks %q:\n%s", tc.args, want, out.String())
			}
		}
	}
}
