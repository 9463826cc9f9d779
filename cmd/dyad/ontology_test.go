package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func runOntologyTest(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), env{strings.NewReader(""), &out, &errb}, append([]string{"ontology"}, args...))
	return out.String(), errb.String(), code
}

func TestOntologyCommand(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		contains []string
	}{
		{nil, exitOK, []string{"CONSULT", "visit, third-party, multilateral, phone", "16 PLOVER types", "314 CAMEO codes", "version plover-2021+cameo-1.1b3/goldstein-gdelt"}},
		{[]string{"cameo", "--format", "tsv"}, exitOK, []string{"code\tname\tgoldstein", "042\tMake a visit\t1.9\t\t1\tCONSULT\tvisit"}},
		{[]string{"--format=tsv", "map"}, exitOK, []string{"190\tASSAULT\t\tmilitary\tplover-2021"}},
		{[]string{"legacy"}, exitOK, []string{"DEMAND", "REQUEST", "INVESTIGATE", "FIGHT"}},
		{[]string{"defaults", "--format", "tsv"}, exitOK, []string{"CONSULT\tvisit\t042\tmapped"}},
		{[]string{"modes"}, exitOK, []string{"martial-law"}},
		{[]string{"contexts"}, exitOK, []string{"pro_autocracy"}},
		{[]string{"types"}, exitOK, []string{"lost minus sign"}},
		{[]string{"nope"}, exitUsage, nil},
		{[]string{"types", "extra"}, exitUsage, nil},
		{[]string{"--format", "xml"}, exitUsage, nil},
	}
	for _, tc := range tests {
		out, errs, code := runOntologyTest(t, tc.args...)
		if code != tc.code {
			t.Errorf("ontology %q: exit %d, want %d (stderr %q)", tc.args, code, tc.code, errs)
			continue
		}
		for _, s := range tc.contains {
			if !strings.Contains(out, s) {
				t.Errorf("ontology %q: output lacks %q", tc.args, s)
			}
		}
	}
}

func TestOntologyJSON(t *testing.T) {
	out, _, code := runOntologyTest(t, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var v struct {
		Version string `json:"version"`
		Types   []struct {
			Type  string `json:"event_type"`
			Modes []struct {
				Mode string `json:"mode"`
			} `json:"modes"`
		} `json:"types"`
		Counts struct{ CAMEO, Legacy int } `json:"counts"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Types) != 16 || v.Counts.CAMEO != 314 || v.Version == "" || len(v.Types[1].Modes) != 4 {
		t.Errorf("summary json = %+v", v)
	}
	out, _, _ = runOntologyTest(t, "cameo", "--format", "json")
	var codes []struct {
		Code      string  `json:"code"`
		Goldstein float64 `json:"goldstein"`
		Quad      int     `json:"quad_class"`
	}
	if err := json.Unmarshal([]byte(out), &codes); err != nil || len(codes) != 314 {
		t.Fatalf("cameo json: %d codes, %v", len(codes), err)
	}
}
