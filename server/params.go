package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/store"
)

// paramError is a bad query parameter; handlers answer it with 400.
type paramError struct {
	Param string
	Err   error
}

func (e *paramError) Error() string { return fmt.Sprintf("parameter %q: %v", e.Param, e.Err) }
func (e *paramError) Unwrap() error { return e.Err }

func badParam(name string, format string, args ...any) error {
	return &paramError{Param: name, Err: fmt.Errorf(format, args...)}
}

// Query parameters each endpoint accepts; anything else is a 400, so that a
// misspelt filter ("reciepient") is not silently ignored.
var (
	relationsParams = []string{"a", "b", "by", "since", "until", "top"}
	eventsParams    = []string{"actor", "recipient", "country", "sector", "type", "quad", "since", "until", "q", "story", "limit", "cursor"}
	actorsParams    = []string{"limit", "since", "until", "country"}
)

// checkParams rejects unknown and repeated parameters.
func checkParams(v url.Values, allowed []string) error {
	for k, vs := range v {
		known := false
		for _, a := range allowed {
			if k == a {
				known = true
				break
			}
		}
		if !known {
			return badParam(k, "unknown parameter (want one of %s)", strings.Join(allowed, ", "))
		}
		if len(vs) > 1 {
			return badParam(k, "given %d times", len(vs))
		}
	}
	return nil
}

func date(v url.Values, name string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return "", nil
	}
	if _, err := store.ParseDate(s); err != nil {
		return "", &paramError{Param: name, Err: err}
	}
	return s, nil
}

func dateRange(v url.Values) (since, until string, err error) {
	if since, err = date(v, "since"); err != nil {
		return "", "", err
	}
	if until, err = date(v, "until"); err != nil {
		return "", "", err
	}
	if since != "" && until != "" && since > until {
		return "", "", badParam("since", "%s is after until %s", since, until)
	}
	return since, until, nil
}

func intParam(v url.Values, name string, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "%q: want an integer %d..%d", s, lo, hi)
	}
	return n, nil
}

// code reads an actor code or country parameter: letters, digits and a few
// separators, upper-cased as the store keeps them.
func code(v url.Values, name string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if len(s) > 64 {
		return "", badParam(name, "longer than 64 bytes")
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.' || r == ':') {
			return "", badParam(name, "%q: want an actor code or country such as TUR or TURGOV", s)
		}
	}
	return strings.ToUpper(s), nil
}

// ParseRelations reads the query of GET /api/relations.
func ParseRelations(v url.Values) (store.RelationsQuery, error) {
	var q store.RelationsQuery
	if err := checkParams(v, relationsParams); err != nil {
		return q, err
	}
	var err error
	for _, side := range []struct {
		name string
		dst  *string
	}{{"a", &q.A}, {"b", &q.B}} {
		s, err := code(v, side.name)
		if err != nil {
			return q, err
		}
		if s == "" {
			return q, badParam(side.name, "missing: give an actor code or country, e.g. a=AZE&b=TUR")
		}
		// The store reads lower-case prefixes only.
		if p, rest, ok := strings.Cut(s, ":"); ok {
			switch p {
			case "COUNTRY", "CODE":
				s = strings.ToLower(p) + ":" + rest
			default:
				return q, badParam(side.name, "%q: prefix must be country: or code:", s)
			}
			if rest == "" {
				return q, badParam(side.name, "%q: empty after the prefix", s)
			}
		}
		*side.dst = s
	}
	if q.By, err = store.ParsePeriod(v.Get("by")); err != nil {
		return q, &paramError{Param: "by", Err: err}
	}
	if q.Since, q.Until, err = dateRange(v); err != nil {
		return q, err
	}
	if q.TopTypes, err = intParam(v, "top", 0, 20); err != nil {
		return q, err
	}
	if q.TopTypes == 0 {
		q.TopTypes = 3
	}
	if err := q.Validate(); err != nil {
		return q, &paramError{Param: "a", Err: err}
	}
	return q, nil
}

// ParseEvents reads the query of GET /api/events.
func ParseEvents(v url.Values) (store.Filter, store.Page, error) {
	var f store.Filter
	var p store.Page
	if err := checkParams(v, eventsParams); err != nil {
		return f, p, err
	}
	var err error
	for _, c := range []struct {
		name string
		dst  *string
	}{{"actor", &f.Actor}, {"recipient", &f.Recipient}, {"country", &f.Country}, {"sector", &f.Sector}, {"type", &f.Type}} {
		if *c.dst, err = code(v, c.name); err != nil {
			return f, p, err
		}
	}
	if f.QuadClass, err = intParam(v, "quad", 0, 4); err != nil {
		return f, p, err
	}
	if f.Since, f.Until, err = dateRange(v); err != nil {
		return f, p, err
	}
	if f.Text = strings.TrimSpace(v.Get("q")); len(f.Text) > 200 {
		return f, p, badParam("q", "longer than 200 bytes")
	}
	if f.StoryID = strings.TrimSpace(v.Get("story")); len(f.StoryID) > 128 {
		return f, p, badParam("story", "longer than 128 bytes")
	}
	if p.Limit, err = intParam(v, "limit", 1, store.MaxLimit); err != nil {
		return f, p, err
	}
	if p.After = strings.TrimSpace(v.Get("cursor")); len(p.After) > 128 {
		return f, p, badParam("cursor", "longer than 128 bytes")
	}
	if err := f.Validate(); err != nil {
		return f, p, &paramError{Param: "quad", Err: err}
	}
	return f, p, nil
}

// ParseActors reads the query of GET /api/actors.
func ParseActors(v url.Values) (store.ActorsQuery, error) {
	var q store.ActorsQuery
	if err := checkParams(v, actorsParams); err != nil {
		return q, err
	}
	var err error
	if q.Limit, err = intParam(v, "limit", 1, 1000); err != nil {
		return q, err
	}
	if q.Since, q.Until, err = dateRange(v); err != nil {
		return q, err
	}
	if q.Country, err = code(v, "country"); err != nil {
		return q, err
	}
	return q, nil
}
