// Package store keeps articles and the events coded from them, recognises
// re-published stories, and answers the analyst's questions: which events
// match a filter, how two actors relate over time, who is most active.
//
// The domain types and the Store interface live here; each backend is a
// subpackage (store/sqlite, the embedded default, and store/postgres) that
// registers itself with Register when imported, the way database/sql
// drivers do. Open picks the backend from the DSN.
//
// # Events and mentions
//
// An article whose body is a near duplicate of a stored article (see package
// dedup) joins that article's story. Within one story, all reports of an
// event with the same date, event type, actor code and recipient code are
// one event: the first stored report is the event, every other report is a
// mention of it (GDELT's NumMentions; NumArticles counts the distinct
// articles, NumSources the distinct sites). Events, Relations' event counts
// and Actors count events, never mentions; Relations reports mentions
// alongside.
//
// # Consistency
//
// PutArticle stores an article and replaces its events in one transaction:
// a reader sees the old events or the new ones, never a mix, and a cancelled
// or crashed put leaves nothing behind. Putting the same article twice
// stores it once.
package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/event"
)

// ErrNotFound is returned by Article and Event for an unknown id.
var ErrNotFound = errors.New("not found")

// ErrBadCursor is returned (wrapped, for errors.Is) by Events for a
// Page.After that is not a cursor a previous page returned.
var ErrBadCursor = errors.New("bad cursor")

// Store is a place to keep articles and events. Implementations are safe for
// concurrent use.
type Store interface {
	// PutArticle stores the article and replaces its events, atomically.
	// Each event's Article reference is set from a; an event without an ID
	// gets event.StableID.
	PutArticle(ctx context.Context, a *article.Article, events []event.Event) error
	// HasArticle reports whether an article with this id is stored, so that
	// an interrupted ingest can skip what it already did.
	HasArticle(ctx context.Context, id string) (bool, error)
	// Article returns a stored article with all its own reports, mentions
	// included.
	Article(ctx context.Context, id string) (*ArticleRecord, error)
	// Event returns one stored event or mention by id.
	Event(ctx context.Context, id string) (*StoredEvent, error)
	// Events lists events (not mentions) matching f, newest first.
	Events(ctx context.Context, f Filter, p Page) (*EventPage, error)
	// Relations counts the events between two sides per period.
	Relations(ctx context.Context, q RelationsQuery) (*Relations, error)
	// Actors ranks actors and directed dyads by their number of events.
	Actors(ctx context.Context, q ActorsQuery) (*ActorRanking, error)
	Close() error
}

// Batch is one article and its events, for PutArticles.
type Batch struct {
	Article *article.Article
	Events  []event.Event
}

// BatchPutter is implemented by stores that can put many articles in one
// transaction: faster for bulk loads, with the same meaning as calling
// PutArticle for each in order (all or nothing for the batch).
type BatchPutter interface {
	PutArticles(ctx context.Context, batch []Batch) error
}

// StoredEvent is an event as stored: the coded record plus what the store
// knows about it.
type StoredEvent struct {
	event.Event
	// StoryID names the story (group of near-duplicate articles) the
	// event's article belongs to.
	StoryID string `json:"story_id"`
	// EventID is the id of the event this record reports: its own ID when
	// it is the event, the first report's ID when it is a mention.
	EventID string `json:"event_id"`
	// Mentions, Articles and Sources count the reports of the event, the
	// distinct articles and the distinct sites among them.
	Mentions int `json:"num_mentions"`
	Articles int `json:"num_articles"`
	Sources  int `json:"num_sources"`
	// Added is when the article was first stored.
	Added time.Time `json:"added"`
}

// IsMention reports whether the record is a further report of an event
// rather than the event itself.
func (e *StoredEvent) IsMention() bool { return e.EventID != e.ID }

// ArticleRecord is a stored article with its reports in text order.
type ArticleRecord struct {
	Article article.Article `json:"article"`
	StoryID string          `json:"story_id"`
	Added   time.Time       `json:"added"`
	Events  []StoredEvent   `json:"events"`
}

// Filter selects events. Empty fields match everything; all given fields
// must match.
type Filter struct {
	Actor     string // actor code or actor country
	Recipient string // recipient code or recipient country
	Country   string // actor or recipient country
	Sector    string // actor or recipient sector
	Type      string // PLOVER event type
	QuadClass int    // 1..4, 0 = any
	Since     string // YYYY-MM-DD, inclusive
	Until     string // YYYY-MM-DD, inclusive
	Text      string // every word must occur in the sentence (case-insensitive)
	StoryID   string
}

// Validate checks dates and the quad class, naming the bad field.
func (f Filter) Validate() error {
	if err := checkRange(f.Since, f.Until); err != nil {
		return err
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return fmt.Errorf("quad class %d: want 1..4", f.QuadClass)
	}
	return nil
}

// Page asks for one page of results: at most Limit (DefaultLimit when 0,
// at most MaxLimit), after the cursor a previous page returned as Next.
type Page struct {
	Limit int
	After string
}

// Page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 10000
)

// EventPage is one page of events; Next is the cursor of the following page,
// "" on the last.
type EventPage struct {
	Events []StoredEvent `json:"events"`
	Next   string        `json:"next,omitempty"`
}

// Period is the width of the buckets Relations counts in.
type Period string

// Periods. A week starts on Monday and is labelled by that day's date; a
// month is labelled YYYY-MM and a year YYYY.
const (
	Day   Period = "day"
	Week  Period = "week"
	Month Period = "month"
	Year  Period = "year"
)

// ParsePeriod checks a period name.
func ParsePeriod(s string) (Period, error) {
	switch p := Period(strings.ToLower(s)); p {
	case Day, Week, Month, Year:
		return p, nil
	case "":
		return Month, nil
	}
	return "", fmt.Errorf("period %q: want day, week, month or year", s)
}

// Side is one side of a relation: a country (matches the actor's or the
// recipient's country, e.g. AZE) or an actor code (e.g. TURGOV).
type Side struct {
	Value   string `json:"value"`
	Country bool   `json:"country"` // true: matches country, false: code
}

func (s Side) String() string {
	if s.Country {
		return "country:" + s.Value
	}
	return "code:" + s.Value
}

// RelationsQuery asks how A and B relate.
type RelationsQuery struct {
	// A and B are "country:X", "code:X" or a bare X: a country when some
	// stored event has X as a country, else an actor code.
	A, B         string
	By           Period // default Month
	Since, Until string // YYYY-MM-DD, inclusive
	TopTypes     int    // event types listed per period and direction; default 3
}

// Relations is the answer to a RelationsQuery. Periods without events in
// either direction are left out.
type Relations struct {
	A       Side             `json:"a"`
	B       Side             `json:"b"`
	By      Period           `json:"by"`
	Periods []PeriodRelation `json:"periods"`
}

// PeriodRelation is one period: what A did to B and what B did to A.
type PeriodRelation struct {
	Period string         `json:"period"`
	AB     DirectionStats `json:"a_to_b"`
	BA     DirectionStats `json:"b_to_a"`
}

// DirectionStats counts one direction of a dyad in one period. Events and
// the Goldstein figures count events (first reports); Mentions counts every
// report, so Mentions >= Events.
type DirectionStats struct {
	Events        int         `json:"events"`
	Mentions      int         `json:"mentions"`
	Quad          [4]int      `json:"quad"` // events per quad class 1..4
	GoldsteinSum  float64     `json:"goldstein_sum"`
	GoldsteinMean float64     `json:"goldstein_mean"`
	TopTypes      []TypeCount `json:"top_types"`
}

// TypeCount is an event type and its number of events.
type TypeCount struct {
	Type   string `json:"type"`
	Events int    `json:"events"`
}

// ActorsQuery asks for the most active actors and dyads.
type ActorsQuery struct {
	Limit        int    // per list; default 20
	Since, Until string // YYYY-MM-DD, inclusive
	Country      string // only actors of this country (either list)
}

// ActorRanking lists actors by events as actor or recipient, and directed
// dyads (actor code -> recipient code) by events.
type ActorRanking struct {
	Actors []ActorCount `json:"actors"`
	Dyads  []DyadCount  `json:"dyads"`
}

// ActorCount is one actor code's activity.
type ActorCount struct {
	Code        string `json:"code"`
	Country     string `json:"country"`
	Events      int    `json:"events"` // AsActor + AsRecipient
	AsActor     int    `json:"as_actor"`
	AsRecipient int    `json:"as_recipient"`
}

// DyadCount is one directed pair of actor codes.
type DyadCount struct {
	Actor     string `json:"actor"`
	Recipient string `json:"recipient"`
	Events    int    `json:"events"`
}

// Opener opens a store from a DSN.
type Opener func(ctx context.Context, dsn string) (Store, error)

var (
	registryMu sync.RWMutex
	registry   = map[string]Opener{}
)

// Register makes a backend available to Open under a scheme ("sqlite",
// "postgres"). Backends call it from init; registering a scheme twice
// panics, as database/sql.Register does.
func Register(scheme string, open Opener) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[scheme]; dup {
		panic("store: Register called twice for " + scheme)
	}
	registry[scheme] = open
}

// DefaultDSN is the store Open uses for an empty DSN: a SQLite file in the
// working directory.
const DefaultDSN = "dyad.db"

// Open opens the store a DSN names: postgres:// or postgresql:// URLs (and
// key=value strings starting host=) go to PostgreSQL, anything else is a
// SQLite file path (sqlite:// prefix optional). The backend's package must be
// imported (for its Register call).
func Open(ctx context.Context, dsn string) (Store, error) {
	scheme := Scheme(dsn)
	registryMu.RLock()
	open, ok := registry[scheme]
	registryMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("open store %q: no %s backend linked in (import github.com/dyad-events/dyad/store/%s)", redact(dsn), scheme, scheme)
	}
	if dsn == "" {
		dsn = DefaultDSN
	}
	st, err := open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %q: %w", redact(dsn), err)
	}
	return st, nil
}

// Scheme returns the backend a DSN names: "postgres" or "sqlite".
func Scheme(dsn string) string {
	l := strings.ToLower(dsn)
	if strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://") || strings.HasPrefix(l, "host=") {
		return "postgres"
	}
	return "sqlite"
}

// redact hides a password in a URL DSN.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	userinfo := dsn[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return dsn[:scheme+3] + userinfo[:i] + ":xxxxx" + dsn[at:]
	}
	return dsn
}

// ParseDate checks a YYYY-MM-DD date and returns it unchanged.
func ParseDate(s string) (string, error) {
	if len(s) != 10 {
		return "", fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return "", fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return s, nil
}

func checkRange(since, until string) error {
	for _, d := range []string{since, until} {
		if d == "" {
			continue
		}
		if _, err := ParseDate(d); err != nil {
			return err
		}
	}
	if since != "" && until != "" && since > until {
		return fmt.Errorf("date range %s..%s: since is after until", since, until)
	}
	return nil
}

// Validate checks the query's sides, period and dates.
func (q RelationsQuery) Validate() error {
	if strings.TrimSpace(q.A) == "" || strings.TrimSpace(q.B) == "" {
		return errors.New("relations: two sides needed (A and B)")
	}
	if _, err := ParsePeriod(string(q.By)); err != nil {
		return err
	}
	return checkRange(q.Since, q.Until)
}

// Validate checks the query's dates.
func (q ActorsQuery) Validate() error { return checkRange(q.Since, q.Until) }

// PeriodOf returns the label of the period a YYYY-MM-DD date falls in.
func PeriodOf(date string, by Period) (string, error) {
	switch by {
	case Day:
		return date, nil
	case Month:
		if len(date) < 7 {
			return "", fmt.Errorf("date %q: too short", date)
		}
		return date[:7], nil
	case Year:
		if len(date) < 4 {
			return "", fmt.Errorf("date %q: too short", date)
		}
		return date[:4], nil
	case Week:
		return WeekOf(date)
	}
	return "", fmt.Errorf("period %q: want day, week, month or year", by)
}

// WeekOf returns the Monday starting the week of a YYYY-MM-DD date.
func WeekOf(date string) (string, error) {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return "", fmt.Errorf("date %q: want YYYY-MM-DD", date)
	}
	back := (int(t.Weekday()) + 6) % 7 // Monday 0 ... Sunday 6
	return t.AddDate(0, 0, -back).Format(time.DateOnly), nil
}

// SortTypes orders type counts by events, then name, and keeps the first n.
func SortTypes(tc []TypeCount, n int) []TypeCount {
	sort.Slice(tc, func(i, j int) bool {
		if tc[i].Events != tc[j].Events {
			return tc[i].Events > tc[j].Events
		}
		return tc[i].Type < tc[j].Type
	})
	if len(tc) > n {
		tc = tc[:n]
	}
	return tc
}
