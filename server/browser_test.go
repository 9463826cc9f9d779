package server

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dyad-events/dyad/store"
)

// go test ./server -run TestBrowser -screenshots rewrites docs/screenshots.
var screenshots = flag.Bool("screenshots", os.Getenv("DYAD_SCREENSHOTS") != "", "write docs/screenshots/*.png from the browser test")

// chromium finds a Chromium or Chrome binary: $DYAD_CHROMIUM, then the usual
// names on PATH.
func chromium() string {
	if p := os.Getenv("DYAD_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser uses the web UI as a person would: picks two actors in the
// relations view, checks the chart, clicks a period, reads the highlighted
// sentences, follows an article link and checks the marked text.
func TestBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium binary found (install Debian's chromium or set DYAD_CHROMIUM); CI=true, so this fails")
		}
		t.Skip("no chromium binary found: install Debian's chromium package (or set DYAD_CHROMIUM) to run the browser test")
	}
	st := testStore(t, 4000)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(sctx, l, New(st, Options{Log: discardLog()})) }()
	t.Cleanup(func() {
		stop()
		if err := <-served; err != nil {
			t.Error(err)
		}
	})
	base := "http://" + l.Addr().String() + "/"

	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(what, js string, into any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage]("JSON.stringify("+js+")"))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatalf("%s: %v (%s)", what, err, raw)
		}
		if err := json.Unmarshal([]byte(s), into); err != nil {
			t.Fatalf("%s: %v (%s)", what, err, s)
		}
	}
	shot := func(name string) {
		t.Helper()
		if !*screenshots {
			return
		}
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if len(png) > 300<<10 {
			t.Errorf("screenshot %s: %d KB, want < 300 KB", name, len(png)>>10)
		}
		dir := filepath.Join("..", "docs", "screenshots")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// What the API says, to check the page against.
	var rel store.Relations
	apiGet(t, base+"api/relations?a=USA&b=CHN&by=year", &rel)
	if len(rel.Periods) < 3 {
		t.Fatalf("USA-CHN: %d periods in the synthetic store", len(rel.Periods))
	}

	// 1. Relations view: pick two actors, choose years, show.
	do("open relations view",
		chromedp.Navigate(base+"#/relations"),
		chromedp.WaitVisible("#relations-form"),
		chromedp.SetValue("#actor-a", "usa"),
		chromedp.SetValue("#actor-b", "CHN"),
		chromedp.SetValue("#by", "year"),
		chromedp.Click("#show"),
		chromedp.WaitVisible("svg.chart path.goldstein"),
	)
	var chart struct {
		Periods []string
		Bars    []int // bars per period
		Heights []int // sum of bar heights per period, rounded
		Line    int   // points in the Goldstein path
		Dots    int
		Quads   []string
	}
	eval("read chart", `(() => {
		const gs = [...document.querySelectorAll("svg.chart g.period")];
		const d = document.querySelector("svg.chart path.goldstein").getAttribute("d");
		return {
			Periods: gs.map(g => g.dataset.period),
			Bars: gs.map(g => g.querySelectorAll("rect.bar").length),
			Heights: gs.map(g => Math.round([...g.querySelectorAll("rect.bar")].reduce((s, r) => s + +r.getAttribute("height"), 0))),
			Line: (d.match(/[ML]/g) || []).length,
			Dots: document.querySelectorAll("svg.chart circle.gpoint").length,
			Quads: [...new Set([...document.querySelectorAll("svg.chart rect.bar")].map(r => getComputedStyle(r).fill + " q" + r.dataset.quad))],
		};
	})()`, &chart)
	if len(chart.Periods) != len(rel.Periods) || chart.Line != len(rel.Periods) || chart.Dots != len(rel.Periods) {
		t.Fatalf("chart: %d periods, line of %d points, %d dots; the API has %d periods", len(chart.Periods), chart.Line, chart.Dots, len(rel.Periods))
	}
	busiest, most := 0, 0
	for i, p := range rel.Periods {
		if chart.Periods[i] != p.Period {
			t.Errorf("period %d: chart %s, API %s", i, chart.Periods[i], p.Period)
		}
		nq := 0
		for q := range 4 {
			if p.AB.Quad[q]+p.BA.Quad[q] > 0 {
				nq++
			}
		}
		if chart.Bars[i] != nq {
			t.Errorf("period %s: %d bars, %d quad classes with events", p.Period, chart.Bars[i], nq)
		}
		if n := p.AB.Events + p.BA.Events; n > most {
			busiest, most = i, n
		}
	}
	// Bars scale with events: the busiest period is the tallest.
	for i, h := range chart.Heights {
		if h > chart.Heights[busiest] {
			t.Errorf("period %s (%d px) taller than the busiest %s (%d px)", chart.Periods[i], h, chart.Periods[busiest], chart.Heights[busiest])
		}
	}
	if len(chart.Quads) != 4 {
		t.Errorf("quad colours: %v, want four classes in four colours", chart.Quads)
	}
	shot("relations")

	// 2. Click the busiest period: its events in both directions.
	p := rel.Periods[busiest]
	do("click period "+p.Period,
		chromedp.Click(fmt.Sprintf(`svg.chart g.period[data-period="%s"] rect.bar`, p.Period)),
		chromedp.WaitVisible("#period-events .direction li.event"),
		chromedp.Sleep(300*time.Millisecond), // the second direction's page
	)
	var listed []struct {
		ID, Actor, Trigger, Recipient, Sentence, Link string
	}
	eval("read period events", `[...document.querySelectorAll("#period-events li.event")].map(li => ({
		ID: li.dataset.id,
		Actor: li.querySelector(".sentence mark.actor")?.textContent ?? "",
		Trigger: li.querySelector(".sentence mark.trigger")?.textContent ?? "",
		Recipient: li.querySelector(".sentence mark.recipient")?.textContent ?? "",
		Sentence: li.querySelector(".sentence").textContent,
		Link: li.querySelector("a.article-link").getAttribute("href"),
	}))`, &listed)
	want := min(p.AB.Events, 20) + min(p.BA.Events, 20)
	if len(listed) != want {
		t.Errorf("period %s lists %d events, want %d (first page of each direction)", p.Period, len(listed), want)
	}
	for _, ev := range listed {
		var e apiEvent
		apiGet(t, base+"api/events/"+url.PathEscape(ev.ID), &e)
		h := e.Highlight
		if h == nil {
			t.Fatalf("event %s: no highlight", ev.ID)
		}
		s := e.Sentence
		if ev.Sentence != s || ev.Actor != s[h.Actor[0]:h.Actor[1]] || ev.Trigger != e.Evidence.Trigger || ev.Recipient != s[h.Recipient[0]:h.Recipient[1]] {
			t.Errorf("event %s shown as %+v; API: %q actor %q trigger %q recipient %q", ev.ID, ev, s, s[h.Actor[0]:h.Actor[1]], e.Evidence.Trigger, s[h.Recipient[0]:h.Recipient[1]])
		}
		if !strings.EqualFold(ev.Actor, e.Actor.Text) || e.Date[:4] != p.Period {
			t.Errorf("event %s: actor %q (%q), date %s in period %s", ev.ID, ev.Actor, e.Actor.Text, e.Date, p.Period)
		}
		if ev.Link != "#/article/"+e.Article.ID {
			t.Errorf("event %s links to %s", ev.ID, ev.Link)
		}
	}
	do("scroll to the chart", chromedp.Evaluate[chromedp.Void]("window.scrollTo(0, 260)"))
	shot("period-events")

	// 3. Follow the first event's article link: every event marked.
	do("follow article link",
		chromedp.Click("#period-events li.event a.article-link"),
		chromedp.WaitVisible("#article-body mark.trigger"),
	)
	checkArticle := func(id string) []string {
		t.Helper()
		var rec apiArticle
		apiGet(t, base+"api/articles/"+url.PathEscape(id), &rec)
		var marks struct {
			Title    string
			Body     string
			Triggers []string
			Actors   []string
		}
		eval("read article", `({
			Title: document.querySelector("#article-title").textContent,
			Body: document.querySelector("#article-body").textContent,
			Triggers: [...document.querySelectorAll("#article-body mark.trigger")].map(m => m.textContent),
			Actors: [...document.querySelectorAll("#article-body mark.actor")].map(m => m.textContent),
		})`, &marks)
		if marks.Title != rec.Article.Title || marks.Body != rec.Body {
			t.Errorf("article %s: title %q body %q; API %q %q", id, marks.Title, marks.Body, rec.Article.Title, rec.Body)
		}
		var trig []string
		for _, e := range rec.Events {
			trig = append(trig, rec.Body[e.Evidence.TriggerSpan[0]:e.Evidence.TriggerSpan[1]])
		}
		if strings.Join(marks.Triggers, "|") != strings.Join(trig, "|") {
			t.Errorf("article %s: marked triggers %q, want %q", id, marks.Triggers, trig)
		}
		return marks.Actors
	}
	var loc string
	eval("location", "location.hash", &loc)
	checkArticle(strings.TrimPrefix(loc, "#/article/"))

	// 4. The UTF-8 article: byte spans after multi-byte characters must
	// mark the same words in JavaScript's UTF-16 string.
	a, _ := fixtureArticle()
	do("open UTF-8 article", chromedp.Navigate(base+"#/article/"+a.ID), chromedp.WaitVisible("#article-body mark.trigger"))
	do("reload", chromedp.Reload(), chromedp.WaitVisible("#article-body mark.trigger"))
	if got := checkArticle(a.ID); strings.Join(got, "|") != "Türkiye’s government|Azerbaijan’s army" {
		t.Errorf("UTF-8 article: actors marked %q", got)
	}
	shot("article")

	// 5. The event list and the actor view draw too.
	do("events view", chromedp.Navigate(base+"#/events?country=AZE"), chromedp.WaitVisible("li.event mark.trigger"))
	var n int
	eval("count events", `document.querySelectorAll("li.event").length`, &n)
	if n == 0 {
		t.Error("events view lists nothing")
	}
	shot("events")
	do("actor view", chromedp.Navigate(base+"#/actor/USA"), chromedp.WaitVisible("svg.network circle.center"))
	var nodes, partners int
	eval("count nodes", `document.querySelectorAll("svg.network circle").length`, &nodes)
	eval("count partners", `document.querySelectorAll("#partners tr").length - 1`, &partners)
	if partners == 0 || nodes != partners+1 {
		t.Errorf("actor view: %d partners, %d nodes", partners, nodes)
	}
	shot("actor")
}

func apiGet(t *testing.T, u string, into any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}
