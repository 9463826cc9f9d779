package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/store"
)

func TestIngestIdempotentAndResumable(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{
		"a.txt": "Published: 3 March 2021\n\nTurkey and Azerbaijan signed a trade agreement in Baku on Monday.\n",
		"b.txt": "Published: 4 March 2021\n\nArmenia accused Azerbaijan of shelling villages near the border.\n",
		"c.txt": "Published: 5 March 2021\n\nRussia sent humanitarian aid to Armenia on Friday.\n",
	}
	for name, s := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "test.db")
	code, _, stderr := runCLI(t, "", "ingest", "--db", db, "--progress", "off", dir)
	if code != exitOK || !strings.Contains(stderr, "3 articles stored") {
		t.Fatalf("first ingest: exit %d: %s", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "ingest", "--db", db, "--progress", "off", dir)
	if code != exitOK || !strings.Contains(stderr, "0 articles stored with 0 events, 3 already stored") {
		t.Fatalf("second ingest: exit %d: %s", code, stderr)
	}
	// A new file among stored ones: only it is coded.
	if err := os.WriteFile(filepath.Join(dir, "d.txt"), []byte("Published: 6 March 2021\n\nIran criticised Israel on Sunday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "", "ingest", "--db", db, "--progress", "off", dir)
	if code != exitOK || !strings.Contains(stderr, "1 articles stored") || !strings.Contains(stderr, "3 already stored") {
		t.Fatalf("resumed ingest: exit %d: %s", code, stderr)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	page, err := st.Events(context.Background(), store.Filter{}, store.Page{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Events) == 0 {
		t.Error("no events stored")
	}
}

func TestIngestCancelledLeavesWholeBatches(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 20; i++ {
		s := "Published: 3 March 2021\n\nGeorgia hosted talks with Armenia on trade, number " + strings.Repeat("x", i+1) + ".\n"
		if err := os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "test.db")
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // interrupted before anything could be stored
	var out, errb strings.Builder
	code := run(ctx, env{strings.NewReader(""), &out, &errb}, []string{"ingest", "--db", db, "--progress", "off", "--batch", "4", dir})
	if code != exitFailed {
		t.Fatalf("cancelled ingest: exit %d: %s", code, errb.String())
	}
	code, _, stderr := runCLI(t, "", "ingest", "--db", db, "--progress", "off", "--batch", "4", dir)
	if code != exitOK || !strings.Contains(stderr, "20 articles stored") && !strings.Contains(stderr, "already stored") {
		t.Fatalf("rerun: exit %d: %s", code, stderr)
	}
}
