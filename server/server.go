// Package server is dyad's HTTP side: a JSON API over a store.Store and the
// web UI that uses it, both served by one handler.
//
// # API
//
//	GET /api/relations?a=AZE&b=TUR&by=month&since=&until=&top=
//	GET /api/events?actor=&recipient=&country=&sector=&type=&quad=&since=&until=&q=&story=&limit=&cursor=
//	GET /api/events/{id}
//	GET /api/articles/{id}
//	GET /api/actors?limit=&since=&until=&country=
//	GET /api/openapi.json
//
// Answers are the store's own types as JSON, so the API gives the same
// numbers as `dyad query ... --format json`. Events come with a highlight
// placing actor, trigger and recipient in the sentence (byte offsets).
// Errors are {"error": "..."}: 400 for a bad parameter (the message names
// it), 404 for an unknown id or path, 503 when a request runs out of time,
// 500 otherwise; a panic in a handler is logged and answered with 500.
//
// # Web UI
//
// Everything else under / is the single-page UI embedded from ui/: plain
// JavaScript, CSS and SVG drawn by the page, no third-party code and no
// network access beyond this server. It never loads all events: charts come
// from /api/relations and /api/actors aggregates, lists are pages of
// /api/events.
//
// # Concurrency
//
// A Server holds no mutable state; it is safe for concurrent use as far as
// its store is.
package server

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/store"
)

//go:embed ui
var uiFS embed.FS

//go:embed openapi.json
var openAPI []byte

// Options tune a Server. The zero value is usable.
type Options struct {
	// Timeout bounds each API request's work (default 10s); past it the
	// store query is cancelled and the client gets 503.
	Timeout time.Duration
	// Log receives request errors and panics (default: slog.Default()).
	Log *slog.Logger
}

// Server answers the API and serves the UI.
type Server struct {
	st      store.Store
	timeout time.Duration
	log     *slog.Logger
	mux     *http.ServeMux
}

// New returns a server over st.
func New(st store.Store, opt Options) *Server {
	s := &Server{st: st, timeout: opt.Timeout, log: opt.Log, mux: http.NewServeMux()}
	if s.timeout <= 0 {
		s.timeout = 10 * time.Second
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	for _, r := range Routes() {
		s.mux.HandleFunc(r.Pattern, s.api(r.handler(s)))
	}
	s.mux.HandleFunc("/api/", s.api(func(w http.ResponseWriter, r *http.Request) error {
		return errNotFound(fmt.Errorf("no API endpoint %s %s", r.Method, r.URL.Path))
	}))
	ui, err := fs.Sub(uiFS, "ui")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(ui)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	})
	return s
}

// Route is one API endpoint, for documentation checks.
type Route struct {
	Pattern string // net/http pattern, e.g. "GET /api/events/{id}"
	handler func(s *Server) handlerFunc
}

type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// Routes lists the API endpoints.
func Routes() []Route {
	return []Route{
		{"GET /api/relations", func(s *Server) handlerFunc { return s.relations }},
		{"GET /api/events", func(s *Server) handlerFunc { return s.events }},
		{"GET /api/events/{id}", func(s *Server) handlerFunc { return s.event }},
		{"GET /api/articles/{id}", func(s *Server) handlerFunc { return s.article }},
		{"GET /api/actors", func(s *Server) handlerFunc { return s.actors }},
		{"GET /api/openapi.json", func(s *Server) handlerFunc { return s.openapi }},
	}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// httpError carries a status.
type httpError struct {
	status int
	err    error
}

func (e *httpError) Error() string { return e.err.Error() }
func (e *httpError) Unwrap() error { return e.err }

func errNotFound(err error) error { return &httpError{http.StatusNotFound, err} }

// api wraps a handler: timeout, panic recovery, errors as JSON.
func (s *Server) api(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
		defer cancel()
		r = r.WithContext(ctx)
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("panic in handler", "path", r.URL.Path, "panic", p)
				writeError(w, http.StatusInternalServerError, "internal error")
			}
		}()
		err := h(w, r)
		if err == nil {
			return
		}
		status := http.StatusInternalServerError
		var pe *paramError
		var he *httpError
		switch {
		case errors.As(err, &pe):
			status = http.StatusBadRequest
		case errors.As(err, &he):
			status = he.status
		case errors.Is(err, store.ErrNotFound):
			status = http.StatusNotFound
		case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
			status = http.StatusServiceUnavailable
			err = fmt.Errorf("request took longer than %v", s.timeout)
		case r.Context().Err() != nil:
			return // the client went away
		}
		if status == http.StatusInternalServerError {
			s.log.Error("request failed", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		}
		writeError(w, status, err.Error())
	}
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode answer: %w", err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
	return nil
}

// cursorError reports whether the store rejected a cursor.
func cursorError(err error) bool { return errors.Is(err, store.ErrBadCursor) }

func (s *Server) relations(w http.ResponseWriter, r *http.Request) error {
	q, err := ParseRelations(r.URL.Query())
	if err != nil {
		return err
	}
	rel, err := s.st.Relations(r.Context(), q)
	if err != nil {
		return fmt.Errorf("relations %s %s: %w", q.A, q.B, err)
	}
	if rel.Periods == nil {
		rel.Periods = []store.PeriodRelation{}
	}
	return writeJSON(w, rel)
}

// eventPage is GET /api/events' answer.
type eventPage struct {
	Events []apiEvent `json:"events"`
	Next   string     `json:"next,omitempty"`
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) error {
	f, p, err := ParseEvents(r.URL.Query())
	if err != nil {
		return err
	}
	page, err := s.st.Events(r.Context(), f, p)
	if err != nil {
		if p.After != "" && cursorError(err) {
			return &paramError{Param: "cursor", Err: err}
		}
		return fmt.Errorf("events: %w", err)
	}
	out := eventPage{Events: make([]apiEvent, len(page.Events)), Next: page.Next}
	for i, e := range page.Events {
		out.Events[i] = withHighlight(e)
	}
	return writeJSON(w, out)
}

func checkID(id string) error {
	if id == "" || len(id) > 128 {
		return badParam("id", "want 1..128 bytes")
	}
	return nil
}

func (s *Server) event(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if err := checkID(id); err != nil {
		return err
	}
	e, err := s.st.Event(r.Context(), id)
	if err != nil {
		return fmt.Errorf("event %s: %w", id, err)
	}
	return writeJSON(w, withHighlight(*e))
}

// apiArticle is GET /api/articles/{id}'s answer: the stored article, its
// body (the text the spans point into) and its reports with highlights.
type apiArticle struct {
	Article article.Article `json:"article"`
	StoryID string          `json:"story_id"`
	Added   time.Time       `json:"added"`
	Body    string          `json:"body"`
	Events  []apiEvent      `json:"events"`
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if err := checkID(id); err != nil {
		return err
	}
	rec, err := s.st.Article(r.Context(), id)
	if err != nil {
		return fmt.Errorf("article %s: %w", id, err)
	}
	out := apiArticle{Article: rec.Article, StoryID: rec.StoryID, Added: rec.Added, Body: rec.Article.Body(),
		Events: make([]apiEvent, len(rec.Events))}
	for i, e := range rec.Events {
		out.Events[i] = withHighlight(e)
	}
	return writeJSON(w, out)
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) error {
	q, err := ParseActors(r.URL.Query())
	if err != nil {
		return err
	}
	rk, err := s.st.Actors(r.Context(), q)
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	if rk.Actors == nil {
		rk.Actors = []store.ActorCount{}
	}
	if rk.Dyads == nil {
		rk.Dyads = []store.DyadCount{}
	}
	return writeJSON(w, rk)
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
	return nil
}

// Serve answers on l until ctx is cancelled, then stops accepting, lets
// requests in flight finish (up to 5 seconds) and returns nil.
func Serve(ctx context.Context, l net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", l.Addr(), err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shut down %s: %w", l.Addr(), err)
	}
	<-errc // http.ErrServerClosed
	return nil
}
