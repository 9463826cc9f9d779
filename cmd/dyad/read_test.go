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

// runCLI runs dyad in-process and returns its exit status and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), env{strings.NewReader(stdin), &out, &errb}, args)
	return code, out.String(), errb.String()
}

func TestReadExample(t *testing.T) {
	code, out, stderr := runCLI(t, "", "read", filepath.Join("..", "..", "examples", "baku-talks.txt"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		ID, Title, Author, Published, Site, Lang string
		Topics, Links, Headings                  []string
		Paragraphs                               []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	if got.Published != "2025-05-14" || got.Author != "Leyla Aliyeva-Demir" || got.Lang != "en" ||
		len(got.Headings) != 1 || len(got.Paragraphs) != 8 || len(got.Links) != 2 || len(got.Topics) != 3 || got.ID == "" {
		t.Errorf("unexpected article: %+v", got)
	}

	code, out, _ = runCLI(t, "", "read", "--format", "text", filepath.Join("..", "..", "examples", "baku-talks.txt"))
	if code != exitOK || !strings.Contains(out, "## Trade and transport\n") || !strings.Contains(out, "published: 2025-05-14") {
		t.Errorf("text output:\n%s", out)
	}
}

func TestReadStdinAndErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"title":"ok","text":"Fine text."}`+"\n{oops\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "Text from standard input, one short paragraph.\n",
		"read", "-", bad, filepath.Join(dir, "missing.txt"))
	if code != exitFailed {
		t.Errorf("exit %d, want %d when an input failed", code, exitFailed)
	}
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("%d articles printed, want 2:\n%s", n, out)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "bad.jsonl:2:") || !strings.Contains(lines[1], "missing.txt: no such file") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

func TestUsage(t *testing.T) {
	if code, _, _ := runCLI(t, ""); code != exitUsage {
		t.Errorf("no arguments: exit %d", code)
	}
	if code, _, stderr := runCLI(t, "", "nope"); code != exitUsage || !strings.Contains(stderr, "unknown command") {
		t.Errorf("unknown command: exit %d %s", code, stderr)
	}
	if code, _, _ := runCLI(t, "", "read", "--format", "xml", "x"); code != exitUsage {
		t.Errorf("bad format: exit %d", code)
	}
}
