package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

func readHTMLFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "html", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func bodyHas(a *Article, s string) bool { return strings.Contains(a.Body(), s) }

func TestExtractHTML(t *testing.T) {
	const frenchFirst = "Après trois jours de débats, le conseil régional a adopté mercredi"
	const frenchQuote = "« C’est un compromis honnête », a déclaré la présidente"
	french := func(t *testing.T, a *Article) {
		if a.Title != "Le conseil régional vote le budget" {
			t.Errorf("Title = %q", a.Title)
		}
		if !bodyHas(a, frenchFirst) || !bodyHas(a, frenchQuote) || !bodyHas(a, "dette de 4 % sur") {
			t.Errorf("body not decoded right:\n%s", a.Body())
		}
		if strings.ContainsRune(a.Body(), '\uFFFD') || strings.Contains(a.Body(), "Ã") {
			t.Errorf("mojibake in body:\n%s", a.Body())
		}
		if bodyHas(a, "Accueil") {
			t.Errorf("menu kept:\n%s", a.Body())
		}
		if a.Lang != "fr" {
			t.Errorf("Lang = %q, want fr", a.Lang)
		}
	}
	tests := []struct {
		file    string
		pageURL string
		check   func(t *testing.T, a *Article)
		wantErr error
	}{
		{file: "news.html", pageURL: "https://courier.example.com/some/path?utm=x", check: func(t *testing.T, a *Article) {
			if want := "Harbour council agrees ferry deal with island towns"; a.Title != want {
				t.Errorf("Title = %q, want %q", a.Title, want)
			}
			if want := "https://courier.example.com/news/2024/harbour-council-ferry-deal"; a.URL != want {
				t.Errorf("URL = %q, want canonical %q", a.URL, want)
			}
			if a.Author != "Mira Olsen" {
				t.Errorf("Author = %q", a.Author)
			}
			if y, m, d := a.Published.Date(); y != 2024 || m != time.April || d != 7 {
				t.Errorf("Published = %v, want 2024-04-07", a.Published)
			}
			if a.Site != "The Lakeside Courier" {
				t.Errorf("Site = %q", a.Site)
			}
			if a.Lang != "en" {
				t.Errorf("Lang = %q, want en", a.Lang)
			}
			for _, topic := range []string{"transport", "local politics", "ferries"} {
				if !slices.Contains(a.Topics, topic) {
					t.Errorf("Topics = %q, missing %q", a.Topics, topic)
				}
			}
			wantLinks := []string{
				"https://example.org/council/minutes/2024-04-06",
				"https://courier.example.com/news/2023/ferry-dispute-explained",
			}
			if !slices.Equal(a.Links, wantLinks) {
				t.Errorf("Links = %q, want %q", a.Links, wantLinks)
			}
			for _, s := range []string{
				"The Lakeside harbour council voted on Tuesday to sign a ten-year ferry agreement",
				"called the agreement a fair settlement for everyone who depends on the boats, and said",
				"The contract goes to a final vote next month.",
			} {
				if !bodyHas(a, s) {
					t.Errorf("body lacks %q:\n%s", s, a.Body())
				}
			}
			for _, s := range []string{"It took them long enough", "Related stories", "Bus fares",
				"Privacy policy", "All rights reserved", "Contact us", "do not read me", "font-family"} {
				if bodyHas(a, s) {
					t.Errorf("boilerplate %q kept:\n%s", s, a.Body())
				}
			}
			if len(a.Paragraphs) == 0 || a.Paragraphs[0].Heading || strings.Contains(a.Paragraphs[0].Text, "agrees ferry deal") {
				t.Errorf("first paragraph %+v: want the lead, not the repeated title", a.Paragraphs[:1])
			}
			if hs := a.Headings(); !slices.Equal(hs, []string{"Opposition raises cost concerns"}) {
				t.Errorf("Headings = %q", hs)
			}
			for _, p := range a.Paragraphs {
				if p.Text != strings.Join(strings.Fields(p.Text), " ") {
					t.Errorf("paragraph not reflowed: %q", p.Text)
				}
			}
		}},
		{file: "windows-1252.html", check: french},
		{file: "windows-1252-undeclared.html", check: french},
		{file: "utf8-stale-meta.html", check: french},
		{file: "nobody.html", wantErr: ErrNoText},
		{file: "empty-body.html", wantErr: ErrNoText},
		{file: "empty.html", wantErr: ErrNoText},
		{file: "nav-only.html", wantErr: ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a, err := ExtractHTML(bytes.NewReader(readHTMLFixture(t, tt.file)), tt.pageURL)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.ID == "" {
				t.Error("ID not set")
			}
			tt.check(t, a)
		})
	}
}

// The three encodings of the French page are one article.
func TestExtractHTMLCharsetsAgree(t *testing.T) {
	var ids []string
	for _, f := range []string{"windows-1252.html", "windows-1252-undeclared.html", "utf8-stale-meta.html"} {
		a, err := ExtractHTML(bytes.NewReader(readHTMLFixture(t, f)), "")
		if err != nil {
			t.Fatal(f, err)
		}
		ids = append(ids, a.ID)
	}
	if ids[0] != ids[1] || ids[0] != ids[2] {
		t.Errorf("IDs differ across encodings: %v", ids)
	}
}

func TestReadHTML(t *testing.T) {
	ctx := context.Background()
	t.Run("url name", func(t *testing.T) {
		const name = "https://courier.example.com/politics/ferry"
		var got []*Article
		for a, err := range ReadHTML(ctx, name, bytes.NewReader(readHTMLFixture(t, "news.html"))) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, a)
		}
		if len(got) != 1 {
			t.Fatalf("got %d articles, want 1", len(got))
		}
		if got[0].Source != name {
			t.Errorf("Source = %q", got[0].Source)
		}
		// Relative links resolve against the canonical URL.
		if !slices.Contains(got[0].Links, "https://courier.example.com/news/2023/ferry-dispute-explained") {
			t.Errorf("Links = %q", got[0].Links)
		}
	})
	t.Run("no text names the input", func(t *testing.T) {
		n := 0
		for a, err := range ReadHTML(ctx, "pages/nobody.html", bytes.NewReader(readHTMLFixture(t, "nobody.html"))) {
			n++
			if a != nil {
				t.Errorf("got article %+v", a)
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Name != "pages/nobody.html" || !errors.Is(err, ErrNoText) {
				t.Errorf("err = %v, want *InputError for pages/nobody.html wrapping ErrNoText", err)
			}
			if !strings.Contains(err.Error(), "pages/nobody.html") || !strings.Contains(err.Error(), "no article text found") {
				t.Errorf("err text = %q", err)
			}
		}
		if n != 1 {
			t.Errorf("got %d results, want 1", n)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		for _, err := range ReadHTML(cctx, "x.html", bytes.NewReader(readHTMLFixture(t, "news.html"))) {
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
		}
	})
	t.Run("too large", func(t *testing.T) {
		r := &sizedRepeatReader{b: []byte("<p>aaaaaaaaaaaaaaaa</p>\n"), n: MaxHTMLSize + 100}
		_, err := ExtractHTML(r, "")
		if err == nil || !strings.Contains(err.Error(), "larger than") {
			t.Errorf("err = %v, want size error", err)
		}
	})
}

// sizedRepeatReader yields b over and over, n bytes in all.
type sizedRepeatReader struct {
	b   []byte
	n   int
	off int
}

func (r *sizedRepeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.n > 0 {
		c := copy(p[k:min(len(p), k+r.n)], r.b[r.off:])
		r.off = (r.off + c) % len(r.b)
		k += c
		r.n -= c
	}
	return k, nil
}

// When the primary extractor fails or panics, go-readability takes over;
// when both find nothing the error says so.
func TestExtractHTMLFallback(t *testing.T) {
	failing := func(*html.Node, *url.URL) (*trafilatura.ExtractResult, error) {
		return nil, errors.New("primary found nothing")
	}
	panicking := func(*html.Node, *url.URL) (*trafilatura.ExtractResult, error) {
		panic("primary blew up")
	}
	for name, primary := range map[string]primaryExtractor{"error": failing, "panic": panicking} {
		t.Run(name, func(t *testing.T) {
			doc, err := parseHTMLBytes(readHTMLFixture(t, "fallback.html"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := extractDocument(doc, "https://parliament.example.org/news/1", primary)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != "Fallback test" || len(a.Paragraphs) != 3 ||
				!strings.HasPrefix(a.Body(), "The regional parliament met on Thursday") ||
				!strings.HasSuffix(a.Body(), "and the water authority.") {
				t.Errorf("fallback article: title %q, %d paragraphs:\n%s", a.Title, len(a.Paragraphs), a.Body())
			}
			// Both fail: an error naming the primary's reason.
			doc, _ = parseHTMLBytes([]byte("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
			if _, err := extractDocument(doc, "", primary); !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "primary") {
				t.Errorf("err = %v, want ErrNoText with the primary's reason", err)
			}
		})
	}
}

// ExtractHTML is safe for concurrent use: run it from several goroutines
// (go test -race -run ExtractHTMLConcurrent checks the extractors too).
func TestExtractHTMLConcurrent(t *testing.T) {
	files := []string{"news.html", "windows-1252.html", "fallback.html", "utf8-stale-meta.html"}
	want := map[string]string{}
	for _, f := range files {
		a, err := ExtractHTML(bytes.NewReader(readHTMLFixture(t, f)), "")
		if err != nil {
			t.Fatal(err)
		}
		want[f] = a.ID
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(files))
	for range 4 {
		for _, f := range files {
			wg.Go(func() {
				a, err := ExtractHTML(bytes.NewReader(readHTMLFixture(t, f)), "")
				if err == nil && a.ID != want[f] {
					err = fmt.Errorf("%s: ID %s, want %s", f, a.ID, want[f])
				}
				if err != nil {
					errs <- err
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestHTMLBlocks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Paragraph
	}{
		{"inline joins", "<p>one <b>two</b>three<br>four</p>", []Paragraph{{Text: "one twothree four"}}},
		{"headings", "<h2>Head <i>line</i></h2><p>Text.</p>", []Paragraph{{Text: "Head line", Heading: true}, {Text: "Text."}}},
		{"list items", "<ul><li>a</li><li>b <a href='x'>c</a></li></ul>", []Paragraph{{Text: "a"}, {Text: "b c"}}},
		{"table rows", "<table><tr><td>1</td><td>2</td></tr><tr><th>3</th></tr></table>", []Paragraph{{Text: "1 2"}, {Text: "3"}}},
		{"skips", "<p>kept<script>x()</script><style>p{}</style></p>", []Paragraph{{Text: "kept"}}},
		{"nested blocks", "<div>lead<p>inner</p>tail</div>", []Paragraph{{Text: "lead"}, {Text: "inner"}, {Text: "tail"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := parseFragment(tt.in)
			got, _ := htmlBlocks(root, nil)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPrimaryLang(t *testing.T) {
	for in, want := range map[string]string{"en-US": "en", "EN_gb": "en", "fr": "fr", "": "", "english": "", "zh-Hant-TW": "zh", "12": ""} {
		if got := primaryLang(in); got != want {
			t.Errorf("primaryLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReadHTML(f *testing.F) {
	for _, name := range []string{"news.html", "windows-1252.html", "nobody.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", "html", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<html><body><p>short</p></body></html>"))
	f.Add([]byte("<table><tr><td><h1>x</td></tr>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for a, err := range ReadHTML(context.Background(), "fuzz.html", bytes.NewReader(b)) {
			if err != nil {
				var ie *InputError
				if !errors.As(err, &ie) || ie.Name != "fuzz.html" {
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

func BenchmarkExtractHTML(b *testing.B) {
	page := readHTMLFixture(b, "news.html")
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := ExtractHTML(bytes.NewReader(page), "https://courier.example.com/")
		if err != nil || len(a.Paragraphs) == 0 {
			b.Fatal(err)
		}
	}
}
