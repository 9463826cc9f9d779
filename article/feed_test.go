package article

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// feedResult is one element of a ReadFeed sequence.
type feedResult struct {
	a   *Article
	err error
}

func readFeedFixture(t testing.TB, name string) []feedResult {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "feed", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []feedResult
	for a, err := range ReadFeed(context.Background(), name, bytes.NewReader(b)) {
		out = append(out, feedResult{a, err})
	}
	return out
}

func TestReadFeed(t *testing.T) {
	date := func(s string) time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	type want struct {
		title, url, author, site, lang string
		published                      time.Time
		topics, links                  []string
		paras                          []Paragraph
		errHas                         string // a per-item error instead of an article
	}
	tests := []struct {
		file string
		want []want
	}{
		{"rss2.xml", []want{
			{
				title: "Harbour council agrees ferry deal", url: "https://courier.example.com/news/2024/harbour-council-ferry-deal",
				author: "Mira Olsen", site: "The Lakeside Courier: Politics", lang: "en",
				published: date("2024-04-07T07:30:00Z"), topics: []string{"Transport", "Local politics"},
				links: []string{"https://example.org/budget"},
				paras: []Paragraph{
					// The repeated title heading is dropped; content wins over description.
					{Text: "The Lakeside harbour council voted on Tuesday to sign a ten-year ferry agreement with three island towns."},
					{Text: "Cost concerns", Heading: true},
					{Text: "Opposition councillors asked for the full estimate to be published before the contract is signed."},
				},
			},
			{
				title: "Mayor of Sulvik & island towns welcome vote", url: "https://courier.example.com/news/2024/sulvik-welcomes-vote",
				site: "The Lakeside Courier: Politics", lang: "en", published: date("2024-04-08T07:00:00Z"),
				paras: []Paragraph{
					// Plain-text description: split at the blank line; escaped markup read as HTML.
					{Text: "The mayor of Sulvik said the timetable would help pupils."},
					{Text: "Shops on the island expect more visitors in summer, the chamber of commerce said."},
				},
			},
			{
				// No text: the title is the only paragraph, as a heading.
				title: "Regional assembly elects new speaker", url: "https://courier.example.com/news/2024/new-speaker",
				site: "The Lakeside Courier: Politics", lang: "en", published: date("2024-04-09T12:00:00Z"),
				paras: []Paragraph{{Text: "Regional assembly elects new speaker", Heading: true}},
			},
			{errHas: "rss2.xml: item 4: no title and no text"},
		}},
		{"atom.xml", []want{
			{
				title: "Fishing quota talks resume", url: "https://fjordposten.example.no/2024/05/quota-talks",
				author: "Kari Dahl", site: "Fjordposten", lang: "nb", published: date("2024-05-01T06:15:00Z"),
				topics: []string{"fisheries", "diplomacy"},
				paras: []Paragraph{
					{Text: "Negotiators from the two coastal states met again on Wednesday to discuss next year's fishing quotas."},
					{Text: "Cod quota: unchanged"},
					{Text: "Herring quota: cut by a tenth"},
				},
			},
			{
				// Relative link, updated date only, feed author, summary as text.
				title: "Ministers to meet in June", url: "https://fjordposten.example.no/2024/05/ministers-june",
				author: "Fjordposten desk", site: "Fjordposten", lang: "nb", published: date("2024-05-02T10:00:00Z"),
				paras: []Paragraph{{Text: "The fisheries ministers will meet in June to sign the agreement."}},
			},
		}},
		{"malformed.xml", []want{{errHas: "malformed.xml:9: malformed feed"}}},
		{"not-a-feed.xml", []want{{errHas: "not-a-feed.xml: not an RSS, Atom or JSON feed"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := readFeedFixture(t, tt.file)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d results, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				a, err := got[i].a, got[i].err
				if w.errHas != "" {
					var ie *InputError
					if !errors.As(err, &ie) || !strings.Contains(err.Error(), w.errHas) {
						t.Errorf("result %d: err = %v, want *InputError containing %q", i, err, w.errHas)
					}
					continue
				}
				if err != nil {
					t.Errorf("result %d: %v", i, err)
					continue
				}
				if a.Title != w.title || a.URL != w.url || a.Author != w.author || a.Site != w.site || a.Lang != w.lang {
					t.Errorf("result %d: title/url/author/site/lang = %q %q %q %q %q, want %q %q %q %q %q", i,
						a.Title, a.URL, a.Author, a.Site, a.Lang, w.title, w.url, w.author, w.site, w.lang)
				}
				if !a.Published.Equal(w.published) {
					t.Errorf("result %d: Published = %v, want %v", i, a.Published, w.published)
				}
				if !slices.Equal(a.Topics, w.topics) || !slices.Equal(a.Links, w.links) {
					t.Errorf("result %d: Topics %q Links %q, want %q %q", i, a.Topics, a.Links, w.topics, w.links)
				}
				if !slices.Equal(a.Paragraphs, w.paras) {
					t.Errorf("result %d: Paragraphs\n got %+v\nwant %+v", i, a.Paragraphs, w.paras)
				}
				if a.ID == "" || !strings.HasPrefix(a.Source, tt.file+"#") {
					t.Errorf("result %d: ID %q Source %q", i, a.ID, a.Source)
				}
			}
		})
	}
}

func TestReadFeedStopsEarly(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "feed", "rss2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for range ReadFeed(context.Background(), "rss2.xml", bytes.NewReader(b)) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("loop ran %d times after break", n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for a, err := range ReadFeed(ctx, "rss2.xml", bytes.NewReader(b)) {
		if a != nil || !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled read gave %v, %v", a, err)
		}
	}
}

func FuzzReadFeed(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "malformed.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", "feed", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"j","items":[{"id":"1","content_text":"a\n\nb"}]}`))
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;x</description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for a, err := range ReadFeed(context.Background(), "fuzz.xml", bytes.NewReader(b)) {
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.Name != "fuzz.xml" {
					t.Fatalf("error does not name the input: %v", err)
				}
				continue
			}
			if len(a.Paragraphs) == 0 || a.ID == "" {
				t.Fatalf("article without text or ID: %+v", a)
			}
			for _, p := range a.Paragraphs {
				if p.Text == "" || strings.TrimSpace(p.Text) != p.Text {
					t.Fatalf("bad paragraph %q", p.Text)
				}
			}
		}
	})
}

func BenchmarkReadFeed(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "feed", "rss2.xml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for a := range ReadFeed(context.Background(), "rss2.xml", bytes.NewReader(page)) {
			if a != nil {
				n++
			}
		}
		if n != 3 {
			b.Fatalf("read %d articles, want 3", n)
		}
	}
}
