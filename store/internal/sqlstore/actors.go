package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/dyad-events/dyad/store"
)

// Actors reads two pre-aggregated tables, dyad_counts and actor_counts
// (migration 0002), instead of grouping the events: each holds the number
// of events (not mentions) per actor code and country (and recipient, for
// dyads) at four grains, day ('D'), month ('M'), year ('Y') and all time
// ('T'). A query's date range, clamped to the stored days, becomes at most
// five index ranges (spans): the days of its partial first and last month,
// the months of its partial first and last year, and the whole years
// between; the whole store is the one 'T' range. Puts keep the tables
// exact in their own transaction (applyCounts).

// countKey is what one event adds to the Actors counts.
type countKey struct {
	date                             string
	aCode, aCountry, rCode, rCountry string
}

// grains returns the (grain, period) rows a day's count goes to.
func grains(date string) [4][2]string {
	return [4][2]string{{"D", date}, {"M", date[:7]}, {"Y", date[:4]}, {"T", ""}}
}

type dyadKey struct{ grain, period, aCode, aCountry, rCode, rCountry string }

type actorKey struct{ grain, period, code, country string }

type actorDelta struct{ asActor, asRecipient int }

// applyCounts adds the deltas to dyad_counts and actor_counts at every
// grain and deletes the rows that fall to zero. Rows are written in key
// order, so concurrent puts lock them in the same order.
func (s *DB) applyCounts(ctx context.Context, tx *sql.Tx, deltas map[countKey]int) error {
	dyads := map[dyadKey]int{}
	actors := map[actorKey]actorDelta{}
	for k, d := range deltas {
		if d == 0 {
			continue
		}
		for _, g := range grains(k.date) {
			if k.aCode != "" && k.rCode != "" {
				dyads[dyadKey{g[0], g[1], k.aCode, k.aCountry, k.rCode, k.rCountry}] += d
			}
			if k.aCode != "" {
				ak := actorKey{g[0], g[1], k.aCode, k.aCountry}
				v := actors[ak]
				v.asActor += d
				actors[ak] = v
			}
			if k.rCode != "" {
				ak := actorKey{g[0], g[1], k.rCode, k.rCountry}
				v := actors[ak]
				v.asRecipient += d
				actors[ak] = v
			}
		}
	}
	dkeys := make([]dyadKey, 0, len(dyads))
	for k, d := range dyads {
		if d != 0 {
			dkeys = append(dkeys, k)
		}
	}
	sort.Slice(dkeys, func(i, j int) bool { return dyadLess(dkeys[i], dkeys[j]) })
	var rows, gone [][]any
	for _, k := range dkeys {
		key := []any{k.grain, k.period, k.aCode, k.aCountry, k.rCode, k.rCountry}
		rows = append(rows, append(key, dyads[k]))
		if dyads[k] < 0 {
			gone = append(gone, key)
		}
	}
	if err := s.insertRows(ctx, tx, `INSERT INTO dyad_counts (grain, period, a_code, a_country, r_code, r_country, n) VALUES `, 7, rows,
		` ON CONFLICT (grain, period, a_code, a_country, r_code, r_country) DO UPDATE SET n = dyad_counts.n + excluded.n`); err != nil {
		return fmt.Errorf("dyads: %w", err)
	}
	if err := s.insertRows(ctx, tx, `DELETE FROM dyad_counts WHERE n = 0 AND (grain, period, a_code, a_country, r_code, r_country) IN (VALUES `, 6, gone, `)`); err != nil {
		return fmt.Errorf("dyads: delete zeros: %w", err)
	}
	akeys := make([]actorKey, 0, len(actors))
	for k, d := range actors {
		if d != (actorDelta{}) {
			akeys = append(akeys, k)
		}
	}
	sort.Slice(akeys, func(i, j int) bool {
		a, b := akeys[i], akeys[j]
		if a.grain != b.grain {
			return a.grain < b.grain
		}
		if a.period != b.period {
			return a.period < b.period
		}
		if a.code != b.code {
			return a.code < b.code
		}
		return a.country < b.country
	})
	rows, gone = rows[:0], gone[:0]
	for _, k := range akeys {
		d := actors[k]
		key := []any{k.grain, k.period, k.code, k.country}
		rows = append(rows, append(key, d.asActor, d.asRecipient))
		if d.asActor < 0 || d.asRecipient < 0 {
			gone = append(gone, key)
		}
	}
	if err := s.insertRows(ctx, tx, `INSERT INTO actor_counts (grain, period, code, country, as_actor, as_recipient) VALUES `, 6, rows,
		` ON CONFLICT (grain, period, code, country) DO UPDATE SET as_actor = actor_counts.as_actor + excluded.as_actor,
			as_recipient = actor_counts.as_recipient + excluded.as_recipient`); err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	if err := s.insertRows(ctx, tx, `DELETE FROM actor_counts WHERE as_actor = 0 AND as_recipient = 0 AND (grain, period, code, country) IN (VALUES `, 4, gone, `)`); err != nil {
		return fmt.Errorf("actors: delete zeros: %w", err)
	}
	return nil
}

func dyadLess(a, b dyadKey) bool {
	for _, p := range [][2]string{{a.grain, b.grain}, {a.period, b.period}, {a.aCode, b.aCode}, {a.aCountry, b.aCountry}, {a.rCode, b.rCode}} {
		if p[0] != p[1] {
			return p[0] < p[1]
		}
	}
	return a.rCountry < b.rCountry
}

// span is one index range of a grain: periods from..to, inclusive.
type span struct{ grain, from, to string }

// spans cuts the days lo..hi (YYYY-MM-DD, lo <= hi) into the fewest
// ranges of whole days, months and years that cover each day once.
func spans(lo, hi string) []span {
	if lo[:7] == hi[:7] { // one month
		if lo[8:] == "01" && hi == monthEnd(hi[:7]) {
			return []span{{"M", lo[:7], lo[:7]}}
		}
		return []span{{"D", lo, hi}}
	}
	var out []span
	m1, m2 := lo[:7], hi[:7]
	if lo[8:] != "01" {
		out = append(out, span{"D", lo, monthEnd(m1)})
		m1 = addMonths(m1, 1)
	}
	var tail []span
	if hi != monthEnd(m2) {
		tail = append(tail, span{"D", m2 + "-01", hi})
		m2 = addMonths(m2, -1)
	}
	if m1 <= m2 {
		y1, y2 := m1[:4], m2[:4]
		switch {
		case y1 == y2 && (m1[5:] != "01" || m2[5:] != "12"):
			out = append(out, span{"M", m1, m2})
		default:
			if m1[5:] != "01" {
				out = append(out, span{"M", m1, y1 + "-12"})
				y1 = addYears(y1, 1)
			}
			var last []span
			if m2[5:] != "12" {
				last = append(last, span{"M", y2 + "-01", m2})
				y2 = addYears(y2, -1)
			}
			if y1 <= y2 {
				out = append(out, span{"Y", y1, y2})
			}
			out = append(out, last...)
		}
	}
	return append(out, tail...)
}

func monthEnd(month string) string {
	t, _ := time.Parse("2006-01", month)
	return t.AddDate(0, 1, -1).Format(time.DateOnly)
}

func addMonths(month string, n int) string {
	t, _ := time.Parse("2006-01", month)
	return t.AddDate(0, n, 0).Format("2006-01")
}

func addYears(year string, n int) string {
	t, _ := time.Parse("2006", year)
	return t.AddDate(n, 0, 0).Format("2006")
}

// ctxErr says why a query failed when its context ended: drivers report a
// query cut short in their own words (pgx: bad connection; SQLite:
// interrupted).
func ctxErr(ctx context.Context, err error) error {
	if cerr := context.Cause(ctx); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w (%v)", cerr, err)
	}
	return err
}

// actorSpans returns the spans of the query's range clamped to the stored
// days, nil when no stored day is in range.
func (s *DB) actorSpans(ctx context.Context, since, until string) ([]span, error) {
	var first, last sql.NullString
	// Two subqueries: each min or max is one index probe.
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT min(period) FROM actor_counts WHERE grain = 'D'),
		(SELECT max(period) FROM actor_counts WHERE grain = 'D')`).Scan(&first, &last); err != nil {
		return nil, err
	}
	if !first.Valid || !last.Valid {
		return nil, nil
	}
	lo, hi := first.String, last.String
	if since > lo {
		lo = since
	}
	if until != "" && until < hi {
		hi = until
	}
	switch {
	case lo > hi:
		return nil, nil
	case lo == first.String && hi == last.String:
		return []span{{"T", "", ""}}, nil
	}
	return spans(lo, hi), nil
}

// Actors ranks actor codes and directed dyads by events.
func (s *DB) Actors(ctx context.Context, q store.ActorsQuery) (*store.ActorRanking, error) {
	if err := q.Validate(); err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	out := &store.ActorRanking{Actors: []store.ActorCount{}, Dyads: []store.DyadCount{}}
	sp, err := s.actorSpans(ctx, q.Since, q.Until)
	if err != nil {
		return nil, fmt.Errorf("actors: date range: %w", ctxErr(ctx, err))
	}
	if len(sp) == 0 {
		return out, nil
	}
	if out.Actors, err = s.rankActors(ctx, sp, q.Country, limit); err != nil {
		return nil, fmt.Errorf("actors: %w", ctxErr(ctx, err))
	}
	if out.Dyads, err = s.rankDyads(ctx, sp, q.Country, limit); err != nil {
		return nil, fmt.Errorf("actors: dyads: %w", ctxErr(ctx, err))
	}
	return out, nil
}

// rankActors sums actor_counts over the spans per code and country and
// ranks the codes. A code seen with several countries sums them all and is
// reported with its country of most events (the first by name on a tie).
func (s *DB) rankActors(ctx context.Context, sp []span, country string, limit int) ([]store.ActorCount, error) {
	var parts []string
	var args []any
	for _, x := range sp {
		part := `SELECT code, country, as_actor, as_recipient FROM actor_counts WHERE grain = ? AND period BETWEEN ? AND ?`
		args = append(args, x.grain, x.from, x.to)
		if country != "" {
			part += ` AND country = ?`
			args = append(args, country)
		}
		parts = append(parts, part)
	}
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT code, country, CAST(sum(as_actor) AS BIGINT), CAST(sum(as_recipient) AS BIGINT)
		FROM (`+unionAll(parts)+`) AS u GROUP BY code, country`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type acc struct {
		store.ActorCount
		best int // events under Country
	}
	byCode := map[string]*acc{}
	for rows.Next() {
		var code, cy string
		var aa, ar int
		if err := rows.Scan(&code, &cy, &aa, &ar); err != nil {
			return nil, err
		}
		n := aa + ar
		if n <= 0 {
			continue
		}
		a := byCode[code]
		if a == nil {
			a = &acc{ActorCount: store.ActorCount{Code: code, Country: cy}, best: n}
			byCode[code] = a
		} else if n > a.best || (n == a.best && cy < a.Country) {
			a.Country, a.best = cy, n
		}
		a.AsActor += aa
		a.AsRecipient += ar
		a.Events += n
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]store.ActorCount, 0, len(byCode))
	for _, a := range byCode {
		out = append(out, a.ActorCount)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Code < out[j].Code
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// rankDyads sums dyad_counts over the spans per pair of codes and returns
// the top limit. With a country, the pairs with that country on either
// side: its actor-side rows plus its recipient-side rows with another
// actor country, each by its own index.
func (s *DB) rankDyads(ctx context.Context, sp []span, country string, limit int) ([]store.DyadCount, error) {
	var parts []string
	var args []any
	for _, x := range sp {
		const part = `SELECT a_code, r_code, n FROM dyad_counts WHERE `
		if country == "" {
			parts = append(parts, part+`grain = ? AND period BETWEEN ? AND ?`)
			args = append(args, x.grain, x.from, x.to)
			continue
		}
		parts = append(parts, part+`a_country = ? AND grain = ? AND period BETWEEN ? AND ?`,
			part+`r_country = ? AND grain = ? AND period BETWEEN ? AND ? AND a_country <> ?`)
		args = append(args, country, x.grain, x.from, x.to, country, x.grain, x.from, x.to, country)
	}
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT a_code, r_code, CAST(sum(n) AS BIGINT) AS events
		FROM (`+unionAll(parts)+`) AS u GROUP BY a_code, r_code HAVING sum(n) > 0
		ORDER BY events DESC, a_code, r_code LIMIT ?`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.DyadCount{}
	for rows.Next() {
		var d store.DyadCount
		if err := rows.Scan(&d.Actor, &d.Recipient, &d.Events); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, ctx.Err()
}

func unionAll(parts []string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += " UNION ALL "
		}
		out += p
	}
	return out
}
