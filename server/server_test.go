package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/store"
)

func get(t *testing.T, base, path string, wantStatus int, into any) []byte {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d: %s", path, resp.StatusCode, wantStatus, b)
	}
	if into != nil {
		if err := json.Unmarshal(b, into); err != nil {
			t.Fatalf("GET %s: %v: %s", path, err, b)
		}
	}
	return b
}

func TestAPI(t *testing.T) {
	st := testStore(t, 3000)
	ts := testServer(t, st, Options{})
	ctx := context.Background()

	t.Run("relations equal the store's", func(t *testing.T) {
		for _, q := range []string{"a=USA&b=RUS", "a=usa&b=rus&by=year", "a=USA&b=CHN&by=week&since=2018-01-01&until=2020-12-31", "a=code:TURGOV&b=AZE"} {
			v, _ := url.ParseQuery(q)
			rq, err := ParseRelations(v)
			if err != nil {
				t.Fatal(err)
			}
			want, err := st.Relations(ctx, rq)
			if err != nil {
				t.Fatal(err)
			}
			wb, _ := json.Marshal(want)
			got := get(t, ts.URL, "/api/relations?"+q, 200, nil)
			if !bytes.Equal(wb, got) && !(len(want.Periods) == 0 && strings.Contains(string(got), `"periods":[]`)) {
				t.Errorf("%s: API %s\nstore %s", q, got, wb)
			}
			if q == "a=code:TURGOV&b=AZE" && len(want.Periods) == 0 {
				t.Errorf("%s: the fixture article's period is missing", q)
			}
		}
	})

	t.Run("events pages add up to the relation's counts", func(t *testing.T) {
		var rel store.Relations
		get(t, ts.URL, "/api/relations?a=USA&b=RUS&by=year", 200, &rel)
		want := 0
		for _, p := range rel.Periods {
			want += p.AB.Events
		}
		if want == 0 {
			t.Fatal("no USA->RUS events in the synthetic store")
		}
		seen := map[string]bool{}
		cursor := ""
		for pages := 0; ; pages++ {
			var page eventPage
			get(t, ts.URL, "/api/events?actor=USA&recipient=RUS&limit=7&cursor="+url.QueryEscape(cursor), 200, &page)
			for _, e := range page.Events {
				if seen[e.ID] {
					t.Fatalf("event %s on two pages", e.ID)
				}
				seen[e.ID] = true
				if e.Actor.Country != "USA" || e.Recipient.Country != "RUS" {
					t.Fatalf("event %s: %s -> %s", e.ID, e.Actor.Code, e.Recipient.Code)
				}
				if e.Highlight == nil {
					t.Fatalf("event %s: no highlight for %q", e.ID, e.Sentence)
				}
				h := e.Highlight
				if got := e.Sentence[h.Actor[0]:h.Actor[1]]; !strings.EqualFold(got, e.Actor.Text) {
					t.Fatalf("event %s: actor highlight %q, want %q", e.ID, got, e.Actor.Text)
				}
			}
			if page.Next == "" {
				break
			}
			cursor = page.Next
		}
		if len(seen) != want {
			t.Errorf("paged %d events, relations count %d", len(seen), want)
		}
	})

	t.Run("event, article and highlights in UTF-8 text", func(t *testing.T) {
		a, evs := fixtureArticle()
		var ev apiEvent
		get(t, ts.URL, "/api/events/"+evs[0].ID, 200, &ev)
		h := ev.Highlight
		if h == nil {
			t.Fatal("no highlight")
		}
		for _, c := range []struct {
			span [2]int
			want string
		}{{h.Actor, "Türkiye’s government"}, {h.Trigger, "met"}, {h.Recipient, "Azerbaijan’s ministers"}} {
			if got := ev.Sentence[c.span[0]:c.span[1]]; got != c.want {
				t.Errorf("highlight %v = %q, want %q", c.span, got, c.want)
			}
		}
		var rec apiArticle
		get(t, ts.URL, "/api/articles/"+a.ID, 200, &rec)
		if rec.Body != a.Body() || len(rec.Events) != 2 {
			t.Fatalf("article: body %q, %d events", rec.Body, len(rec.Events))
		}
		for _, e := range rec.Events {
			sp := e.Evidence.TriggerSpan
			if rec.Body[sp[0]:sp[1]] != e.Evidence.Trigger {
				t.Errorf("trigger span %v: %q", sp, rec.Body[sp[0]:sp[1]])
			}
			if e.Highlight == nil || rec.Body[e.Highlight.SentenceStart:][:len(e.Sentence)] != e.Sentence {
				t.Errorf("event %s: sentence start %+v", e.ID, e.Highlight)
			}
		}
		get(t, ts.URL, "/api/events/nosuchevent", 404, nil)
		get(t, ts.URL, "/api/articles/nosucharticle", 404, nil)
	})

	t.Run("actors", func(t *testing.T) {
		var rk store.ActorRanking
		get(t, ts.URL, "/api/actors?limit=5", 200, &rk)
		if len(rk.Actors) != 5 || len(rk.Dyads) == 0 {
			t.Fatalf("actors %d, dyads %d", len(rk.Actors), len(rk.Dyads))
		}
		want, _ := st.Actors(ctx, store.ActorsQuery{Limit: 5})
		if rk.Actors[0] != want.Actors[0] {
			t.Errorf("top actor %+v, store says %+v", rk.Actors[0], want.Actors[0])
		}
	})

	t.Run("bad parameters name the parameter", func(t *testing.T) {
		for _, c := range []struct{ path, param string }{
			{"/api/relations?a=USA", `"b"`},
			{"/api/relations?a=USA&b=RUS&by=fortnight", `"by"`},
			{"/api/relations?a=USA&b=RUS&since=2020-13-01", `"since"`},
			{"/api/relations?a=USA&b=RUS&since=2021-01-01&until=2020-01-01", `"since"`},
			{"/api/relations?a=USA&b=RUS&top=x", `"top"`},
			{"/api/relations?a=US%20A&b=RUS", `"a"`},
			{"/api/relations?a=planet:EARTH&b=RUS", `"a"`},
			{"/api/events?limit=0", `"limit"`},
			{"/api/events?limit=100001", `"limit"`},
			{"/api/events?quad=5", `"quad"`},
			{"/api/events?reciepient=RUS", `"reciepient"`},
			{"/api/events?actor=USA&actor=RUS", `"actor"`},
			{"/api/events?cursor=garbage", `"cursor"`},
			{"/api/events?until=yesterday", `"until"`},
			{"/api/actors?limit=-1", `"limit"`},
			{"/api/actors?country=%3Cscript%3E", `"country"`},
		} {
			var e struct{ Error string }
			get(t, ts.URL, c.path, 400, &e)
			if !strings.Contains(e.Error, c.param) {
				t.Errorf("%s: error %q does not name %s", c.path, e.Error, c.param)
			}
		}
		var e struct{ Error string }
		get(t, ts.URL, "/api/nothing", 404, &e)
		if e.Error == "" {
			t.Error("404 without an error message")
		}
	})

	t.Run("UI is served", func(t *testing.T) {
		page := string(get(t, ts.URL, "/", 200, nil))
		if !strings.Contains(page, `<script src="app.js">`) {
			t.Errorf("index: %s", page)
		}
		for _, f := range []string{"/app.js", "/style.css"} {
			if b := get(t, ts.URL, f, 200, nil); len(b) < 1000 {
				t.Errorf("%s: %d bytes", f, len(b))
			}
		}
		if b := string(get(t, ts.URL, "/app.js", 200, nil)); strings.Contains(b, "http://") && !strings.Contains(b, "http://www.w3.org/2000/svg") {
			t.Error("app.js loads from another host")
		}
	})
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Parameters []struct {
				Name string `json:"name"`
				In   string `json:"in"`
				Ref  string `json:"$ref"`
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	params := map[string][]string{
		"/api/relations": relationsParams, "/api/events": eventsParams, "/api/actors": actorsParams,
		"/api/events/{id}": {"id"}, "/api/articles/{id}": {"id"},
	}
	for _, r := range Routes() {
		method, path, _ := strings.Cut(r.Pattern, " ")
		op, ok := doc.Paths[path][strings.ToLower(method)]
		if !ok {
			t.Errorf("route %s is not documented", r.Pattern)
			continue
		}
		if _, ok := op.Responses["200"]; !ok {
			t.Errorf("%s: no 200 response", r.Pattern)
		}
		var names []string
		for _, p := range op.Parameters {
			n := p.Name
			if p.Ref != "" {
				n = p.Ref[strings.LastIndex(p.Ref, "/")+1:]
			}
			names = append(names, n)
		}
		for _, want := range params[path] {
			if !slices.Contains(names, want) {
				t.Errorf("%s: parameter %q not documented", r.Pattern, want)
			}
		}
		if len(names) != len(params[path]) {
			t.Errorf("%s: documents %v, handler takes %v", r.Pattern, names, params[path])
		}
	}
	if len(doc.Paths) != len(Routes()) {
		t.Errorf("%d documented paths, %d routes", len(doc.Paths), len(Routes()))
	}
}

// faultyStore fails in chosen ways.
type faultyStore struct {
	store.Store
	panics bool
}

func (f faultyStore) Relations(ctx context.Context, q store.RelationsQuery) (*store.Relations, error) {
	if f.panics {
		panic("boom")
	}
	<-ctx.Done() // a query that outlives its deadline
	return nil, ctx.Err()
}

func (f faultyStore) Events(ctx context.Context, fl store.Filter, p store.Page) (*store.EventPage, error) {
	return nil, io.ErrUnexpectedEOF
}

func TestFaults(t *testing.T) {
	quiet := Options{Timeout: 50 * time.Millisecond, Log: discardLog()}
	ts := testServer(t, faultyStore{panics: true}, quiet)
	var e struct{ Error string }
	get(t, ts.URL, "/api/relations?a=USA&b=RUS", 500, &e)
	if e.Error != "internal error" {
		t.Errorf("panic answered %q", e.Error)
	}
	get(t, ts.URL, "/api/events", 500, &e)
	ts2 := testServer(t, faultyStore{}, quiet)
	get(t, ts2.URL, "/api/relations?a=USA&b=RUS", 503, &e)
	if !strings.Contains(e.Error, "longer than") {
		t.Errorf("timeout answered %q", e.Error)
	}
}

func TestServeShutsDownOnCancel(t *testing.T) {
	st := testStore(t, 50)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, l, New(st, Options{})) }()
	resp, err := http.Get("http://" + l.Addr().String() + "/api/actors?limit=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(6 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	if _, err := http.Get("http://" + l.Addr().String() + "/"); err == nil {
		t.Error("still answering after shutdown")
	}
}
