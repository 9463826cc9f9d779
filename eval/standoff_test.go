package eval

import (
	"strings"
	"testing"
)

func TestReadMentions(t *testing.T) {
	in := "# a comment\n\ndoc1\tPER\tAda Brook\ndoc1\tO\tBrook\ndoc2\tLOC\tLake Vell\r\ndoc3\nPER\tCato\n\nLOC\tVell\n"
	ms, err := ReadMentions(strings.NewReader(in), "m.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Mention{{"doc1", "PER", "Ada Brook", 3}, {"doc1", "O", "Brook", 4}, {"doc2", "LOC", "Lake Vell", 5},
		{"doc3", "PER", "Cato", 7}, {"doc3", "LOC", "Vell", 9}}
	if len(ms) != len(want) {
		t.Fatalf("got %v, want %v", ms, want)
	}
	for i := range want {
		if ms[i] != want[i] {
			t.Errorf("mention %d: got %v, want %v", i, ms[i], want[i])
		}
	}
}

func TestReadMentionsErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"PER\tAda\n", "m.tsv:1: TYPE<TAB>TEXT before any document line"},
		{"doc\nPER\t\n", "m.tsv:2: want DOC"},
		{" doc\n", "m.tsv:1: want DOC"},
		{"doc\nB-PER\tA\n", "m.tsv:2: bad type"},
		{"a\tb\tc\td\n", "m.tsv:1: want DOC"},
		{"ok\tPER\tA\ndoc\tPER\t\n", "m.tsv:2: want DOC"},
		{"doc\tPER\t A\n", "m.tsv:1: want DOC"},
		{"doc\tB-PER\tA\n", "m.tsv:1: bad type"},
		{"doc\tPER\t\xff\n", "m.tsv:1: text is not UTF-8"},
		{"\tPER\tA\n", "m.tsv:1: want DOC"},
	} {
		_, err := ReadMentions(strings.NewReader(tc.in), "m.tsv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestStandoffSentences(t *testing.T) {
	text := "Ada Brook met the Vellish envoy in Port Arlen. Brook said the Arlen Council agreed.\n\nThe Brookside talks end today."
	ms := []Mention{
		{"d", "PER", "Ada Brook", 1},
		{"d", "LOC", "Port Arlen", 2},
		{"d", "PER", "Brook", 3}, // not inside "Brookside": whole words only
		{"d", "ORG", "Arlen Council", 4},
	}
	sents, problems := StandoffSentences("m.tsv", "d", text, ms)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	var got []string
	for _, s := range sents {
		for _, sp := range IOBSpans(s.Tags) {
			got = append(got, sp.Label+":"+strings.Join(s.Tokens[sp.Start:sp.End], " "))
		}
		if s.Doc != "d" {
			t.Errorf("sentence %q: doc %q", s.Text, s.Doc)
		}
	}
	want := "PER:Ada Brook LOC:Port Arlen PER:Brook ORG:Arlen Council"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	if len(sents) != 3 {
		t.Fatalf("%d sentences, want 3", len(sents))
	}
	if sents[0].Line != 1 || sents[1].Line != 3 || sents[2].Line != 1 {
		t.Errorf("lines %d %d %d, want 1 3 1", sents[0].Line, sents[1].Line, sents[2].Line)
	}
}

func TestStandoffProblems(t *testing.T) {
	text := "Ada Brook left. Then Vell rose."
	for _, tc := range []struct {
		m    Mention
		want string
	}{
		{Mention{"d", "PER", "Cato", 7}, `m.tsv:7: "Cato" not found`},
		{Mention{"d", "LOC", "left. Then", 8}, "crosses a sentence boundary"},
		{Mention{"d", "PER", "Brook left", 9}, ""},
	} {
		_, problems := StandoffSentences("m.tsv", "d", text, []Mention{tc.m})
		switch {
		case tc.want == "" && len(problems) != 0:
			t.Errorf("%v: problems %v", tc.m, problems)
		case tc.want != "" && (len(problems) != 1 || !strings.Contains(problems[0].Error(), tc.want)):
			t.Errorf("%v: problems %v, want %q", tc.m, problems, tc.want)
		}
	}
	// a mention inside a token covers the token and says so
	_, problems := StandoffSentences("m.tsv", "d", "The U.S.-led force", []Mention{{"d", "LOC", "U.S", 3}})
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "token boundaries") {
		t.Errorf("inside a token: %v", problems)
	}
}

func FuzzReadMentions(f *testing.F) {
	f.Add("doc\tPER\tAda Brook\n# c\ndoc\tO\tBrook\n")
	f.Add("doc\tLOC\t\xff\n")
	f.Add("doc\nPER\tAda\nO\tAda\n\ndoc2\nLOC\tVell\n")
	f.Fuzz(func(t *testing.T, in string) {
		ms, err := ReadMentions(strings.NewReader(in), "fuzz.tsv")
		if err != nil {
			return
		}
		for _, m := range ms {
			if m.Doc == "" || m.Text == "" || m.Line < 1 {
				t.Fatalf("bad mention %+v", m)
			}
		}
		// any text: no panic, tags well formed
		sents, _ := StandoffSentences("fuzz.tsv", "d", in, ms)
		for _, s := range sents {
			if len(s.Tags) != len(s.Tokens) {
				t.Fatalf("tags %d, tokens %d", len(s.Tags), len(s.Tokens))
			}
		}
	})
}
