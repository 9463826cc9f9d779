package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestPrintSeedSummary: each file's line gives the mean of the seeds'
// F1 and their lowest and highest, per bias.
func TestPrintSeedSummary(t *testing.T) {
	runs := [][][]float64{ // seed, bias, file (uner, wikigold, wikinews, all)
		{{0.70, 0.80, 0.90, 0.75}},
		{{0.72, 0.80, 0.84, 0.77}},
	}
	var b bytes.Buffer
	printSeedSummary(&b, []uint64{1, 2}, []nerBias{{org: 3, per: -8}}, runs)
	out := b.String()
	for _, want := range []string{
		"F1 over seeds [1 2], bias 0/3/-8/0",
		"uner-ewt-en_ewt-ud-dev.iob2       0.7100  0.7000  0.7200",
		"wikigold.conll.txt                0.8000  0.8000  0.8000",
		"wikinews-dev.tsv                  0.8700  0.8400  0.9000",
		"all files                         0.7600  0.7500  0.7700",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

// TestTrainNERBadSeeds: a --cv-seeds value that is not a number is a
// usage error naming the flag, before any training.
func TestTrainNERBadSeeds(t *testing.T) {
	var stdout, stderr bytes.Buffer
	e := env{stdout: &stdout, stderr: &stderr}
	if code := trainNER(t.Context(), e, []string{"--cv", "5", "--cv-seeds", "1,x", "--data", t.TempDir()}); code == exitOK {
		t.Fatalf("exit %d, want failure", code)
	}
	if !strings.Contains(stderr.String(), "--cv-seeds") {
		t.Errorf("stderr %q does not name --cv-seeds", stderr.String())
	}
}
