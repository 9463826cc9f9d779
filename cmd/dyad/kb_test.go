package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runKBTest(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), env{strings.NewReader(stdin), &out, &errb}, append([]string{"kb"}, args...))
	return out.String(), errb.String(), code
}

func TestKBCommand(t *testing.T) {
	dir := t.TempDir()
	extra := filepath.Join(dir, "mine.tsv")
	if err := os.WriteFile(extra, []byte("phrase\tcode\tkind\tcase\tfrom\tuntil\tsource\nKarabakh Council\tAZEGOV\talt\ttitle\t\t\tmine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("phrase\tcode\tkind\tcase\tfrom\tuntil\tsource\nFoo\tAZE\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DYAD_KB_EXTRA", "")
	tests := []struct {
		stdin    string
		args     []string
		code     int
		contains []string
	}{
		{"", []string{"lookup", "the Turkish government", "Azeri"}, exitOK,
			[]string{"TURGOV", "Türkiye (government)", "composite", "AZE", "Q227", "mordecai"}},
		{"", []string{"lookup", "--format", "tsv", "NATO"}, exitOK, []string{"NATO\tNATO\tNATO\tNATO\tIGO\tNorth Atlantic Treaty Organization\tigo\tQ7184\t"}},
		{"Baku\nOrganization of Turkic States\n", []string{"lookup"}, exitOK, []string{"AZEGOV", "OTS"}},
		{"", []string{"lookup", "turkey"}, exitFailed, nil},
		{"", []string{"--extra", extra, "lookup", "Karabakh Council"}, exitOK, []string{"AZEGOV", "mine"}},
		{"", []string{"lookup", "Karabakh Council", "--extra", extra}, exitOK, []string{"AZEGOV"}},
		{"", []string{"--extra", bad, "lookup", "Baku"}, exitFailed, nil},
		{"", []string{"stats"}, exitOK, []string{"country", "igo", "sector", "demonym", "capital"}},
		{"", []string{"lookup", "--date", "2020-02-30", "Baku"}, exitUsage, nil},
		{"", []string{"lookup", "--format", "xml", "Baku"}, exitUsage, nil},
		{"", []string{"nope"}, exitUsage, nil},
		{"", nil, exitUsage, nil},
	}
	for _, tc := range tests {
		out, errs, code := runKBTest(t, tc.stdin, tc.args...)
		if code != tc.code {
			t.Errorf("kb %q: exit %d, want %d (stderr %q)", tc.args, code, tc.code, errs)
			continue
		}
		for _, c := range tc.contains {
			if !strings.Contains(out, c) {
				t.Errorf("kb %q: output lacks %q:\n%s", tc.args, c, out)
			}
		}
	}
	// errors name the file and line
	_, errs, _ := runKBTest(t, "", "--extra", bad, "lookup", "Baku")
	if !strings.Contains(errs, "bad.tsv:2:") {
		t.Errorf("error %q does not name bad.tsv:2", errs)
	}
	// the environment variable adds files too
	t.Setenv("DYAD_KB_EXTRA", extra)
	if out, errs, code := runKBTest(t, "", "lookup", "Karabakh Council"); code != exitOK || !strings.Contains(out, "AZEGOV") {
		t.Errorf("DYAD_KB_EXTRA: exit %d out %q err %q", code, out, errs)
	}
}

func TestKBLookupJSON(t *testing.T) {
	t.Setenv("DYAD_KB_EXTRA", "")
	out, errs, code := runKBTest(t, "", "lookup", "--format", "json", "Azerbaijan's Prime Minister")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []lookupJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Matches) != 1 {
		t.Fatalf("got %+v", got)
	}
	m := got[0].Matches[0]
	if m.Actor.Code != "AZEGOV" || m.Actor.Country != "AZE" || m.Actor.Sector != "GOV" || len(m.Names) != 2 || m.Start != 0 || m.End != len("Azerbaijan's Prime Minister") {
		t.Errorf("match %+v", m)
	}
}
