package article

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func readOne(t *testing.T, path string) *Article {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []*Article
	for a, err := range ReadText(context.Background(), path, f) {
		if err != nil {
			t.Fatalf("ReadText(%s): %v", path, err)
		}
		got = append(got, a)
	}
	if len(got) != 1 {
		t.Fatalf("ReadText(%s): %d articles, want 1", path, len(got))
	}
	return got[0]
}

func texts(a *Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		s := p.Text
		if p.Heading {
			s = "## " + s
		}
		out = append(out, s)
	}
	return out
}

func TestReadTextFixtures(t *testing.T) {
	tests := []struct {
		file   string
		title  string
		paras  []string
		author string
		topics []string
		site   string
	}{
		{
			file:  "unwrapped.txt",
			title: "Parliament approves new budget after long debate",
			paras: []string{
				"The national parliament approved the budget for next year on Thursday, ending three weeks of debate between the governing coalition and the opposition.",
				"The finance minister said the plan would cut the deficit by a third while raising spending on schools.",
				"Opposition leaders called the vote rushed and said they would challenge parts of it in court.",
			},
		},
		{
			file: "wrapped-single.txt",
			paras: []string{
				"Officials from the two neighbouring states met at the border crossing on Monday to discuss the reopening of the road, closed since the spring floods.",
				"Both delegations said the talks had gone well.",
				"The road carries most of the trade between the two countries, and local traders have complained for months about the cost of the detour through the mountains. A second round of talks is planned for next month.",
			},
		},
		{
			file: "furniture.txt",
			paras: []string{
				"Envoys agree to resume talks on fishing rights after a year-long pause in the dispute over the northern waters, the foreign ministry said in a statement.",
				"The talks will resume in March, the statement said, and will cover quotas for the next five years.",
				"Fishermen in the northern ports welcomed the news but said they had heard such promises before.",
			},
			author: "Marta Kowalczyk and Idris Bello",
			topics: []string{"diplomacy", "trade"},
			site:   "Sample Coast Gazette",
		},
		{
			file: "crlf-nbsp.txt",
			paras: []string{
				"Ministers met in Oslo on Friday and agreed to extend the grain deal by another six months.",
				"The deal had been due to expire at the end of the year, and traders had warned that prices would rise without it.",
			},
		},
		{
			// the last paragraph lacks its full stop: still text, not a
			// heading over nothing
			file: "unfinished-last.txt",
			paras: []string{
				"The Harbour Town rugby club beat Westfield 24-10 on Saturday in the third round of the coastal league.",
				"The home side led from the first minute, and their coach said the forwards had done the work.",
				"In other results, Northpoint defeated Eastvale 31-7, and Southbay edged Millbrook 12-11",
			},
		},
		{
			file: "windows-1252.txt",
			paras: []string{
				"The minister’s visit to São Paulo was cut short, aides said.",
				"Talks will resume “soon”, the ministry said.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := readOne(t, filepath.Join("testdata", "text", tt.file))
			if got := texts(a); !slices.Equal(got, tt.paras) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tt.paras)
			}
			if a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if a.Author != tt.author {
				t.Errorf("author %q, want %q", a.Author, tt.author)
			}
			if !slices.Equal(a.Topics, tt.topics) {
				t.Errorf("topics %q, want %q", a.Topics, tt.topics)
			}
			if a.Site != tt.site {
				t.Errorf("site %q, want %q", a.Site, tt.site)
			}
			if a.ID == "" {
				t.Error("no ID")
			}
		})
	}
}

// TestExampleArticle checks the README's example, a double-spaced dump with
// furniture in the middle.
func TestExampleArticle(t *testing.T) {
	a := readOne(t, filepath.Join("..", "examples", "baku-talks.txt"))
	if a.Title != "Baku talks: Azerbaijan and Turkey push trade corridor" {
		t.Errorf("title %q", a.Title)
	}
	if want := time.Date(2025, 5, 14, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published %v, want %v", a.Published, want)
	}
	if a.Author != "Leyla Aliyeva-Demir" || a.Site != "Example News" || len(a.Links) != 2 {
		t.Errorf("author %q site %q links %q", a.Author, a.Site, a.Links)
	}
	if got := a.Headings(); !slices.Equal(got, []string{"Trade and transport"}) {
		t.Errorf("headings %q", got)
	}
	body := a.Body()
	for _, furniture := range []string{"Related Posts", "Leyla is a", "#AZERBAIJAN", "views expressed", "https://"} {
		if strings.Contains(body, furniture) {
			t.Errorf("body keeps furniture %q", furniture)
		}
	}
	// Text after the furniture block is kept.
	if !strings.Contains(body, "Analysts in Tbilisi expect Georgia to join the next round, planned for the autumn in Ankara.") {
		t.Error("text after the furniture block was lost")
	}
	if n := len(a.Paragraphs); n != 8 {
		t.Errorf("%d paragraphs, want 8:\n%s", n, strings.Join(texts(a), "\n"))
	}
}

// TestSeedArticle reads the article the project started from, the way an
// analyst would. The seed lives in ../shared beside the repository.
func TestSeedArticle(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seed", "article-azerbaijan-turkey.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("seed article not found at %s (the shared folder is absent): %v", path, err)
	}
	a := readOne(t, path)
	if got := a.Headings(); !slices.Equal(got, []string{"A pro-Turkish consensus", "A new phase in relations"}) {
		t.Errorf("headings %q", got)
	}
	if a.Author != "Rovshan Mammadli" || a.Site != "OC Media" {
		t.Errorf("author %q site %q", a.Author, a.Site)
	}
	if !slices.Equal(a.Topics, []string{"2020 NAGORNO-KARABAKH CONFLICT", "AZERBAIJAN", "TURKEY"}) {
		t.Errorf("topics %q", a.Topics)
	}
	if len(a.Links) != 6 {
		t.Errorf("%d links, want 6: %q", len(a.Links), a.Links)
	}
	body := a.Body()
	for _, furniture := range []string{"Related Posts", "Rovshan is", "RELATED TOPICS", "#AZERBAIJAN", "opinions expressed", "https://", "By Rovshan"} {
		if strings.Contains(body, furniture) {
			t.Errorf("body keeps furniture %q", furniture)
		}
	}
	first := a.Paragraphs[0].Text
	if !strings.HasPrefix(first, "Since the Second Nagorno-Karabakh War") || !strings.HasSuffix(first, "an even closer union?") {
		t.Errorf("first paragraph not rejoined: %q", first)
	}
	wantWhole := []string{
		"Unsurprisingly, Azerbaijan’s victory parade turned into a festival with Turkish President Recep Tayyip Erdogan’s attendance on 10 December.",
		"Ankara’s attempt to restore relations with Armenia was received as an act of treachery in Baku.",
		"In January and February alone, posts on his official Facebook were liked almost 400,000 times, on Instagram he gained around 340,000 likes.",
		"Diyanet, the official directorate that manages religious issues in Turkey, has developed several programmes to train religious cadres in Azerbaijan.",
		"this current tendency in Azerbaijani society does not bode well.",
	}
	for _, w := range wantWhole {
		if !strings.Contains(body, w) {
			t.Errorf("body lacks %q", w)
		}
	}
	for _, p := range a.Paragraphs {
		if strings.Contains(p.Text, "\n") || strings.Contains(p.Text, "  ") || strings.Contains(p.Text, "\u00a0") {
			t.Errorf("paragraph not reflowed: %q", p.Text)
		}
	}
	if n := len(a.Paragraphs); n < 34 || n > 40 {
		t.Errorf("%d paragraphs, want about 36", n)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2021-03-05", "2021-03-05T00:00:00Z", true},
		{"2021-03-05T10:30:00+04:00", "2021-03-05T10:30:00+04:00", true},
		{"5 March 2021", "2021-03-05T00:00:00Z", true},
		{"March 5, 2021", "2021-03-05T00:00:00Z", true},
		{"Friday, March 5, 2021", "2021-03-05T00:00:00Z", true},
		{"Fri, 05 Mar 2021 10:00:00 +0000", "2021-03-05T10:00:00Z", true},
		{"Published: 5th March 2021", "2021-03-05T00:00:00Z", true},
		{"5 MARCH 2021", "2021-03-05T00:00:00Z", true},
		{"Updated 5 Mar 2021 at 14:20", "2021-03-05T14:20:00Z", true},
		{"2021/03/05", "2021-03-05T00:00:00Z", true},
		{"yesterday", "", false},
		{"The talks ended on 5 March 2021.", "", false},
		{"", "", false},
		{"31 February 2021", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if ok != tt.ok || (ok && got.Format(time.RFC3339) != tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %s, %v", tt.in, got.Format(time.RFC3339), ok, tt.want, tt.ok)
		}
	}
}

func BenchmarkParseText(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "examples", "baku-talks.txt"))
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if a := ParseText(lines); len(a.Paragraphs) == 0 {
			b.Fatal("no paragraphs")
		}
	}
}
