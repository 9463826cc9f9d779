package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/shareddata"
)

// TestReproducible regenerates the tables into a temporary directory and
// compares them byte for byte with the committed event/data, twice.
func TestReproducible(t *testing.T) {
	root := shareddata.MustRoot(t)
	data, err := shareddata.Dir()
	if err != nil {
		t.Skipf("shared data: %v", err)
	}
	if _, err := os.Stat(data); err != nil {
		t.Skipf("third-party data not present at %s (needs ../shared/data beside the repo): %v", data, err)
	}
	first, err := generate(data)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	if err := writeFiles(tmp, first); err != nil {
		t.Fatal(err)
	}
	second, err := generate(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 7 || len(second) != len(first) {
		t.Fatalf("%d and %d files, want 7", len(first), len(second))
	}
	for i, f := range first {
		if !bytes.Equal(f.data, second[i].data) {
			t.Errorf("%s differs between two runs", f.name)
		}
		got, err := os.ReadFile(filepath.Join(tmp, f.name))
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(filepath.Join(root, "event", "data", f.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, committed) {
			t.Errorf("event/data/%s is stale: rerun go run ./cmd/ontogen -data ../shared/data -out event/data", f.name)
		}
	}
}

func TestDetex(t *testing.T) {
	tests := []struct{ in, want string }{
		{`\plcat{AGREE} and \txt{actor}`, "AGREE and actor"},
		{"``quoted'' text---dash", `"quoted" text—dash`},
		{`\hyperref[context:pro-democracy]{pro\_democracy}`, "pro_democracy"},
		{"Examples:\n\\begin{itemize}\n\\item one\n\\item two\n\\end{itemize}", "Examples: one; two"},
		{`cost \$5 \ldots done\footnote{gone}`, "cost $5 ... done"},
	}
	for _, tc := range tests {
		if got := detex(tc.in); got != tc.want {
			t.Errorf("detex(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTabularRows(t *testing.T) {
	tab := "{|l|p{13cm}|}\n\\hline\nName & Content \\\\\n\\hline\nvisit & A \\& B\\\\\n& more\\\\\n\\hline\n"
	rows := tabularRows(tab)
	want := [][]string{{"Name", "Content"}, {"visit", `A \& B`}, {"", "more"}}
	if len(rows) != len(want) {
		t.Fatalf("rows %q, want %q", rows, want)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}

// A codebook without the 16 types is refused.
func TestParseManualRejects(t *testing.T) {
	tex := "\\chapter{Event Categories}\n\\section{AGREE}\nAgree.\n\\subsection{Requires recipient: No}\n\\subsection{Quad category: VERBAL COOPERATION}\n\\chapter{Contexts}\n"
	if _, err := parseManual(tex); err == nil || !strings.Contains(err.Error(), "want the 16") {
		t.Fatalf("err = %v", err)
	}
}
