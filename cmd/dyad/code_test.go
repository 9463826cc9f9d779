package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestCodeFormats(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "baku-talks.txt")
	code, out, stderr := runCLI(t, "", "code", example)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines {
		var ev struct {
			ID, Date, EventType string
			Actor               struct{ Code, Country string }
			Sentence            string
			Evidence            struct{ Trigger string }
		}
		if err := json.Unmarshal([]byte(l), &ev); err != nil {
			t.Fatalf("jsonl line is not JSON: %v: %s", err, l)
		}
		if ev.ID == "" || ev.Actor.Code == "" || ev.Sentence == "" || ev.Evidence.Trigger == "" || !strings.HasPrefix(ev.Date, "2025-05") {
			t.Errorf("incomplete event: %s", l)
		}
	}
	if len(lines) == 0 || lines[0] == "" {
		t.Fatal("no events coded from the README example")
	}

	code, out, _ = runCLI(t, "", "code", "--format", "json", example)
	var art struct {
		Article  struct{ ID, Title string }
		Entities []struct{ Label string }
		Events   []json.RawMessage
	}
	if code != exitOK || json.Unmarshal([]byte(out), &art) != nil || art.Article.ID == "" || len(art.Entities) == 0 || len(art.Events) != len(lines) {
		t.Errorf("json output: exit %d, %d events (jsonl had %d):\n%.400s", code, len(art.Events), len(lines), out)
	}

	code, out, _ = runCLI(t, "", "code", "--format", "gdelt", example)
	rows := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if code != exitOK || len(rows) != len(lines) || strings.Count(rows[0], "\t") != 60 {
		t.Errorf("gdelt output: exit %d, %d rows, %d fields in the first", code, len(rows), strings.Count(rows[0], "\t")+1)
	}

	code, out, _ = runCLI(t, "", "code", "--format", "table", example)
	if code != exitOK || !strings.HasPrefix(out, "DATE") {
		t.Errorf("table output: exit %d:\n%s", code, out)
	}
}
