// Package sqlstore is the SQL engine behind store/sqlite and store/postgres:
// both speak database/sql and the same schema, so the put, dedup and query
// logic is written once here and each backend supplies a Dialect (its
// placeholder style, its migrations, its case-insensitive LIKE).
package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/article"
	"github.com/dyad-events/dyad/dedup"
	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/store"
)

// Dialect is what differs between backends.
type Dialect struct {
	Name string
	// Numbered is true for $1, $2 placeholders (PostgreSQL), false for ?.
	Numbered bool
	// ILike is the case-insensitive LIKE operator.
	ILike string
	// Migrations holds NNNN_name.sql files applied in order.
	Migrations fs.FS
	// MaxParams bounds the placeholders of one statement.
	MaxParams int
	// Analyze refreshes planner statistics after a bulk load (may be "").
	Analyze string
	// PutSetup runs first in every put transaction (may be "").
	PutSetup string
}

// DB is a store over a database/sql handle. It implements store.Store and
// store.BatchPutter.
type DB struct {
	db *sql.DB
	d  Dialect
	// now is the clock for Added; tests may replace it.
	now func() time.Time
}

// New wraps an open handle and brings its schema up to date.
func New(ctx context.Context, db *sql.DB, d Dialect) (*DB, error) {
	s := &DB{db: db, d: d, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// SQL returns the underlying handle (for tests and tools).
func (s *DB) SQL() *sql.DB { return s.db }

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// q rewrites ? placeholders for the dialect.
func (s *DB) q(query string) string {
	if !s.d.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// ---- migrations ----

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations lists a dialect's migrations in order; file names must be
// NNNN_name.sql with distinct numbers.
func Migrations(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	var ms []Migration
	seen := map[int]string{}
	for _, n := range names {
		num, rest, ok := strings.Cut(n, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", n)
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrations %s and %s: same number %d", prev, n, v)
		}
		seen[v] = n
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", n, err)
		}
		ms = append(ms, Migration{Version: v, Name: strings.TrimSuffix(rest, ".sql"), SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	return ms, nil
}

// statements splits a migration into statements at lines ending in ';'.
func statements(src string) []string {
	var out []string
	var cur strings.Builder
	for line := range strings.SplitSeq(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if strings.TrimSpace(cur.String()) != "" {
		out = append(out, cur.String())
	}
	return out
}

func (s *DB) migrate(ctx context.Context) error {
	ms, err := Migrations(s.d.Migrations)
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_unix BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range ms {
		if err := s.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one migration in its own transaction unless it is recorded.
func (s *DB) apply(ctx context.Context, m Migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM schema_migrations WHERE version = ?`), m.Version).Scan(&n); err != nil {
		return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
	}
	if n > 0 {
		return nil
	}
	for i, st := range statements(m.SQL) {
		if _, err := tx.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("migration %04d_%s statement %d: %w", m.Version, m.Name, i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, name, applied_unix) VALUES (?, ?, ?)`),
		m.Version, m.Name, s.now().Unix()); err != nil {
		return fmt.Errorf("migration %04d_%s: record: %w", m.Version, m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %04d_%s: commit: %w", m.Version, m.Name, err)
	}
	return nil
}

// Version returns the highest applied migration.
func (s *DB) Version(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

// ---- put ----

// PutArticle stores one article and its events in one transaction.
func (s *DB) PutArticle(ctx context.Context, a *article.Article, events []event.Event) error {
	return s.PutArticles(ctx, []store.Batch{{Article: a, Events: events}})
}

// prepared is one article ready to write.
type prepared struct {
	a       *article.Article
	doc     []byte
	source  string
	sig     dedup.Signature
	hasSig  bool
	bands   [dedup.NumBands]int64
	story   string
	seq     int64
	events  []row
	replace bool // the article was stored before
}

// row is one events row, as it will be written.
type row struct {
	seq        int64 // 0 for rows not yet inserted
	id         string
	articleSeq int64
	ord        int
	source     string
	key        string
	ev         *event.Event
	doc        []byte
	week       string
	// derived by settle
	canon    bool
	dupOf    string
	mentions int
	articles int
	sources  int
	// count is what the row adds to the Actors counts (stored rows; fresh
	// rows take it from ev)
	count countKey
	// as read from the database, to skip unchanged updates
	old struct {
		canon                       bool
		dupOf                       string
		mentions, articles, sources int
	}
}

// PutArticles stores the batch in one transaction, as if PutArticle were
// called for each item in order. A later item with the same article id as
// an earlier one replaces it.
func (s *DB) PutArticles(ctx context.Context, batch []store.Batch) error {
	if len(batch) == 0 {
		return nil
	}
	items, err := prepare(batch)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback()
	if s.d.PutSetup != "" {
		if _, err := tx.ExecContext(ctx, s.d.PutSetup); err != nil {
			return fmt.Errorf("put: %w", err)
		}
	}
	if err := s.put(ctx, tx, items); err != nil {
		if cerr := context.Cause(ctx); cerr != nil && !errors.Is(err, cerr) {
			// Drivers report a query cut short by cancellation in their
			// own words (pgx: bad connection); say why.
			return fmt.Errorf("%w (%v)", cerr, err)
		}
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("put: commit: %w", err)
	}
	return nil
}

// prepare validates and encodes the batch outside the transaction.
func prepare(batch []store.Batch) ([]*prepared, error) {
	last := map[string]int{}
	for i, b := range batch {
		if b.Article == nil || b.Article.ID == "" {
			return nil, fmt.Errorf("put: batch item %d: article without id", i)
		}
		last[b.Article.ID] = i
	}
	var items []*prepared
	for i, b := range batch {
		if last[b.Article.ID] != i {
			continue
		}
		p, err := prepareOne(b)
		if err != nil {
			return nil, err
		}
		items = append(items, p)
	}
	return items, nil
}

func prepareOne(b store.Batch) (*prepared, error) {
	a := b.Article
	doc, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("put article %s: %w", a.ID, err)
	}
	p := &prepared{a: a, doc: doc, source: sourceOf(a)}
	p.sig, p.hasSig = dedup.Fingerprint(a.Body())
	if p.hasSig {
		p.bands = dedup.Bands(p.sig)
	}
	ref := event.ArticleRef{ID: a.ID, URL: a.URL, Title: a.Title, Site: a.Site}
	if !a.Published.IsZero() {
		ref.Published = a.Published.UTC().Format(time.DateOnly)
	}
	ids := map[string]bool{}
	for i := range b.Events {
		ev := b.Events[i] // a copy: the caller's slice is not modified
		ev.Article = ref
		if ev.ID == "" {
			ev.ID = event.StableID(a.ID, ev.SentenceIndex, ev.Evidence.TriggerSpan, code(ev.Actor), code(ev.Recipient))
		}
		if ids[ev.ID] {
			return nil, fmt.Errorf("put article %s: event %d: duplicate event id %s", a.ID, i, ev.ID)
		}
		ids[ev.ID] = true
		if _, err := store.ParseDate(ev.Date); err != nil {
			return nil, fmt.Errorf("put article %s: event %s: %w", a.ID, ev.ID, err)
		}
		if ev.QuadClass < 0 || ev.QuadClass > 4 {
			return nil, fmt.Errorf("put article %s: event %s: quad class %d", a.ID, ev.ID, ev.QuadClass)
		}
		week, _ := store.WeekOf(ev.Date)
		d, err := json.Marshal(&ev)
		if err != nil {
			return nil, fmt.Errorf("put article %s: event %s: %w", a.ID, ev.ID, err)
		}
		p.events = append(p.events, row{id: ev.ID, ord: i, source: p.source, ev: &ev, doc: d, week: week})
	}
	return p, nil
}

// sourceOf names the outlet an article came from, for NumSources: its site,
// else its URL's host, else its id (each unknown outlet counts once).
func sourceOf(a *article.Article) string {
	if a.Site != "" {
		return strings.ToLower(a.Site)
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	return "article:" + a.ID
}

func code(p *event.Participant) string {
	if p == nil {
		return ""
	}
	return p.Code
}

func part(p *event.Participant) (code, country, sector string) {
	if p == nil {
		return "", "", ""
	}
	return p.Code, p.Country, p.Sector
}

// storyKey identifies "the same event" within a story.
func storyKey(story string, ev *event.Event) string {
	h := sha256.New()
	for _, s := range []string{story, ev.Date, ev.Type, code(ev.Actor), code(ev.Recipient)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func (s *DB) put(ctx context.Context, tx *sql.Tx, items []*prepared) error {
	ids := make([]any, len(items))
	for i, p := range items {
		ids[i] = p.a.ID
	}
	// 1. Which articles are stored already, and their old event keys.
	existing := map[string]int64{}
	if err := s.inChunks(ids, 1, func(args []any) error {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT id, seq FROM articles WHERE id IN (`+marks(len(args))+`)`), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var seq int64
			if err := rows.Scan(&id, &seq); err != nil {
				return err
			}
			existing[id] = seq
		}
		return rows.Err()
	}); err != nil {
		return fmt.Errorf("put: look up articles: %w", err)
	}
	var oldSeqs []any
	for _, p := range items {
		if seq, ok := existing[p.a.ID]; ok {
			p.replace = true
			p.seq = seq
			oldSeqs = append(oldSeqs, seq)
		}
	}
	keys := map[string]bool{}
	// deltas changes the Actors counts: -1 for every event (not mention)
	// that goes, +1 for every one that comes, so they stay exact.
	deltas := map[countKey]int{}
	if len(oldSeqs) > 0 {
		if err := s.inChunks(oldSeqs, 1, func(args []any) error {
			rows, err := tx.QueryContext(ctx, s.q(`SELECT story_key, canon, date, a_code, a_country, r_code, r_country
				FROM events WHERE article_seq IN (`+marks(len(args))+`)`), args...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var k string
				var canon int
				var ck countKey
				if err := rows.Scan(&k, &canon, &ck.date, &ck.aCode, &ck.aCountry, &ck.rCode, &ck.rCountry); err != nil {
					return err
				}
				keys[k] = true
				if canon == 1 {
					deltas[ck]--
				}
			}
			return rows.Err()
		}); err != nil {
			return fmt.Errorf("put: old events: %w", err)
		}
		for _, stmt := range []string{`DELETE FROM events WHERE article_seq IN (%s)`, `DELETE FROM article_bands WHERE article_seq IN (%s)`} {
			if err := s.inChunks(oldSeqs, 1, func(args []any) error {
				_, err := tx.ExecContext(ctx, s.q(fmt.Sprintf(stmt, marks(len(args)))), args...)
				return err
			}); err != nil {
				return fmt.Errorf("put: remove old events: %w", err)
			}
		}
	}
	// 2. Stories: the most similar stored (or earlier in this batch)
	// near-duplicate's story, else the article's own id.
	if err := s.assignStories(ctx, tx, items); err != nil {
		return err
	}
	// 3. Upsert the articles.
	now := s.now().UnixMicro()
	for _, p := range items {
		err := tx.QueryRowContext(ctx, s.q(`INSERT INTO articles (id, url, title, published, site, source, story_id, minhash, added_unix_us, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, published = excluded.published,
				site = excluded.site, source = excluded.source, story_id = excluded.story_id, minhash = excluded.minhash, doc = excluded.doc
			RETURNING seq`),
			p.a.ID, p.a.URL, p.a.Title, published(p.a), p.a.Site, p.source, p.story, sigBytes(p), now, string(p.doc)).Scan(&p.seq)
		if err != nil {
			return fmt.Errorf("put article %s: %w", p.a.ID, err)
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("put article %s: %w", p.a.ID, err)
		}
	}
	// 4. Bands for later lookups.
	var bandRows [][]any
	for _, p := range items {
		if !p.hasSig {
			continue
		}
		for _, b := range p.bands {
			bandRows = append(bandRows, []any{b, p.seq})
		}
	}
	if err := s.insertRows(ctx, tx, `INSERT INTO article_bands (band, article_seq) VALUES `, 2, bandRows, ` ON CONFLICT DO NOTHING`); err != nil {
		return fmt.Errorf("put: bands: %w", err)
	}
	// 5. Keys of the new events, and the stored reports sharing them.
	var fresh []*row
	for _, p := range items {
		for i := range p.events {
			r := &p.events[i]
			r.articleSeq = p.seq
			r.key = storyKey(p.story, r.ev)
			keys[r.key] = true
			fresh = append(fresh, r)
		}
	}
	stored, err := s.rowsByKey(ctx, tx, keys)
	if err != nil {
		return err
	}
	all := append(stored, fresh...)
	settle(all)
	for _, r := range fresh {
		if r.canon {
			ac, acy, _ := part(r.ev.Actor)
			rc, rcy, _ := part(r.ev.Recipient)
			deltas[countKey{r.ev.Date, ac, acy, rc, rcy}]++
		}
	}
	for _, r := range stored { // promotions and demotions
		switch {
		case r.canon && !r.old.canon:
			deltas[r.count]++
		case !r.canon && r.old.canon:
			deltas[r.count]--
		}
	}
	// 6. Write: new rows inserted, stored rows updated where changed.
	var evRows [][]any
	for _, r := range fresh {
		ac, acy, as := part(r.ev.Actor)
		rc, rcy, rs := part(r.ev.Recipient)
		evRows = append(evRows, []any{r.id, r.articleSeq, r.ord, r.ev.Date, r.week, r.ev.Type, r.ev.Mode, r.ev.CAMEO,
			r.ev.Goldstein, r.ev.QuadClass, ac, acy, as, rc, rcy, rs, r.ev.Sentence, r.key,
			boolInt(r.canon), nullStr(r.dupOf), r.mentions, r.articles, r.sources, string(r.doc)})
	}
	if err := s.insertRows(ctx, tx, `INSERT INTO events (id, article_seq, ord, date, week, type, mode, cameo, goldstein, quad_class,
		a_code, a_country, a_sector, r_code, r_country, r_sector, sentence, story_key, canon, dup_of, num_mentions, num_articles, num_sources, doc) VALUES `,
		24, evRows, ""); err != nil {
		return fmt.Errorf("put: events: %w", err)
	}
	for _, r := range stored {
		if r.canon == r.old.canon && r.dupOf == r.old.dupOf && r.mentions == r.old.mentions &&
			r.articles == r.old.articles && r.sources == r.old.sources {
			continue
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE events SET canon = ?, dup_of = ?, num_mentions = ?, num_articles = ?, num_sources = ? WHERE seq = ?`),
			boolInt(r.canon), nullStr(r.dupOf), r.mentions, r.articles, r.sources, r.seq); err != nil {
			return fmt.Errorf("put: update mentions of %s: %w", r.id, err)
		}
	}
	if err := s.applyCounts(ctx, tx, deltas); err != nil {
		return fmt.Errorf("put: actor counts: %w", err)
	}
	return nil
}

func published(a *article.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.UTC().Format(time.DateOnly)
}

func sigBytes(p *prepared) any {
	if !p.hasSig {
		return nil
	}
	return p.sig.Marshal()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// settle decides, per story key, which report is the event (the first
// stored: lowest article seq, then position in the article) and counts the
// mentions, articles and sources.
func settle(all []*row) {
	groups := map[string][]*row{}
	for _, r := range all {
		groups[r.key] = append(groups[r.key], r)
	}
	for _, g := range groups {
		first := g[0]
		arts := map[int64]bool{}
		srcs := map[string]bool{}
		for _, r := range g {
			if r.articleSeq < first.articleSeq || (r.articleSeq == first.articleSeq && r.ord < first.ord) {
				first = r
			}
			arts[r.articleSeq] = true
			srcs[r.source] = true
		}
		for _, r := range g {
			r.canon = r == first
			r.dupOf = ""
			if !r.canon {
				r.dupOf = first.id
			}
			r.mentions, r.articles, r.sources = len(g), len(arts), len(srcs)
		}
	}
}

// rowsByKey reads the stored reports with the given story keys. Like every
// lookup of a put, it reads one table per query by an indexed column: a
// join would leave the plan to table statistics, which lag behind during a
// bulk load (PostgreSQL then hashed the whole articles table per batch).
func (s *DB) rowsByKey(ctx context.Context, tx *sql.Tx, keys map[string]bool) ([]*row, error) {
	args := make([]any, 0, len(keys))
	for k := range keys {
		args = append(args, k)
	}
	var out []*row
	err := s.inChunks(args, 1, func(args []any) error {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT seq, id, article_seq, ord, story_key, canon, dup_of,
			num_mentions, num_articles, num_sources, date, a_code, a_country, r_code, r_country
			FROM events WHERE story_key IN (`+marks(len(args))+`)`), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r := &row{}
			var canon int
			var dup sql.NullString
			if err := rows.Scan(&r.seq, &r.id, &r.articleSeq, &r.ord, &r.key, &canon, &dup,
				&r.old.mentions, &r.old.articles, &r.old.sources,
				&r.count.date, &r.count.aCode, &r.count.aCountry, &r.count.rCode, &r.count.rCountry); err != nil {
				return err
			}
			r.old.canon, r.old.dupOf = canon == 1, dup.String
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("put: stored reports: %w", err)
	}
	seqs := map[int64]bool{}
	for _, r := range out {
		seqs[r.articleSeq] = true
	}
	sources := map[int64]string{}
	if err := s.articlesBySeq(ctx, tx, seqs, "source", func(rows *sql.Rows) error {
		var seq int64
		var src string
		if err := rows.Scan(&seq, &src); err != nil {
			return err
		}
		sources[seq] = src
		return nil
	}); err != nil {
		return nil, fmt.Errorf("put: sources of stored reports: %w", err)
	}
	for _, r := range out {
		r.source = sources[r.articleSeq]
	}
	return out, nil
}

// articlesBySeq runs SELECT seq, cols FROM articles for the given seqs and
// calls f for each row to scan it.
func (s *DB) articlesBySeq(ctx context.Context, tx *sql.Tx, seqs map[int64]bool, cols string, f func(rows *sql.Rows) error) error {
	args := make([]any, 0, len(seqs))
	for seq := range seqs {
		args = append(args, seq)
	}
	return s.inChunks(args, 1, func(args []any) error {
		rows, err := tx.QueryContext(ctx, s.q(`SELECT seq, `+cols+` FROM articles WHERE seq IN (`+marks(len(args))+`)`), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := f(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

// assignStories sets each item's story id.
func (s *DB) assignStories(ctx context.Context, tx *sql.Tx, items []*prepared) error {
	type cand struct {
		seq   int64
		story string
		sig   dedup.Signature
	}
	var bands []any
	for _, p := range items {
		if p.hasSig {
			for _, b := range p.bands {
				bands = append(bands, b)
			}
		}
	}
	byBand := map[int64][]cand{}
	self := map[int64]bool{}
	for _, p := range items {
		if p.replace {
			self[p.seq] = true
		}
	}
	if len(bands) > 0 {
		seqBands := map[int64][]int64{}
		err := s.inChunks(bands, 1, func(args []any) error {
			rows, err := tx.QueryContext(ctx, s.q(`SELECT band, article_seq FROM article_bands WHERE band IN (`+marks(len(args))+`)`), args...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var band, seq int64
				if err := rows.Scan(&band, &seq); err != nil {
					return err
				}
				if !self[seq] { // an article being replaced is not its own duplicate
					seqBands[seq] = append(seqBands[seq], band)
				}
			}
			return rows.Err()
		})
		if err != nil {
			return fmt.Errorf("put: near-duplicate lookup: %w", err)
		}
		seqs := map[int64]bool{}
		for seq := range seqBands {
			seqs[seq] = true
		}
		err = s.articlesBySeq(ctx, tx, seqs, "story_id, minhash", func(rows *sql.Rows) error {
			var c cand
			var mh []byte
			if err := rows.Scan(&c.seq, &c.story, &mh); err != nil {
				return err
			}
			sig, ok := dedup.Unmarshal(mh)
			if !ok {
				return nil
			}
			c.sig = sig
			for _, band := range seqBands[c.seq] {
				byBand[band] = append(byBand[band], c)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("put: near-duplicate candidates: %w", err)
		}
	}
	// Earlier items of this batch are candidates for later ones.
	batchCands := map[int64][]cand{}
	for i, p := range items {
		p.story = p.a.ID
		if !p.hasSig {
			continue
		}
		best, bestSim := cand{}, -1.0
		for _, b := range p.bands {
			for _, list := range [][]cand{byBand[b], batchCands[b]} {
				for _, c := range list {
					sim := dedup.Similarity(p.sig, c.sig)
					if sim < dedup.MinSimilarity {
						continue
					}
					if sim > bestSim || (sim == bestSim && c.seq < best.seq) {
						best, bestSim = c, sim
					}
				}
			}
		}
		if bestSim >= 0 {
			p.story = best.story
		}
		// A batch item's seq is unknown until insert; order by position,
		// after every stored article.
		c := cand{seq: 1<<62 + int64(i), story: p.story, sig: p.sig}
		for _, b := range p.bands {
			batchCands[b] = append(batchCands[b], c)
		}
	}
	return nil
}

// marks returns n comma-separated placeholders.
func marks(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// inChunks calls f with args cut into pieces that fit the dialect's
// placeholder limit (perRow placeholders per item).
func (s *DB) inChunks(args []any, perRow int, f func([]any) error) error {
	size := max(1, (s.d.MaxParams/perRow)/perRow*perRow)
	if size > 500 {
		size = 500 // long IN lists make planners slow
	}
	for len(args) > 0 {
		n := min(size, len(args))
		if err := f(args[:n]); err != nil {
			return err
		}
		args = args[n:]
	}
	return nil
}

// insertRows writes rows with multi-row INSERT statements.
func (s *DB) insertRows(ctx context.Context, tx *sql.Tx, head string, cols int, rows [][]any, tail string) error {
	per := max(1, min(s.d.MaxParams/cols, 1000))
	one := "(" + marks(cols) + ")"
	for len(rows) > 0 {
		n := min(per, len(rows))
		args := make([]any, 0, n*cols)
		var b strings.Builder
		b.WriteString(head)
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(one)
			args = append(args, r...)
		}
		b.WriteString(tail)
		if _, err := tx.ExecContext(ctx, s.q(b.String()), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// Analyze refreshes planner statistics; call it after a bulk load.
func (s *DB) Analyze(ctx context.Context) error {
	if s.d.Analyze == "" {
		return nil
	}
	_, err := s.db.ExecContext(ctx, s.d.Analyze)
	return err
}

// ---- reads ----

// HasArticle reports whether the article is stored.
func (s *DB) HasArticle(ctx context.Context, id string) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT count(*) FROM articles WHERE id = ?`), id).Scan(&n); err != nil {
		return false, fmt.Errorf("has article %s: %w", id, err)
	}
	return n > 0, nil
}

const eventCols = `e.doc, e.dup_of, e.num_mentions, e.num_articles, e.num_sources, a.story_id, a.added_unix_us`

func scanEvent(sc interface{ Scan(...any) error }) (store.StoredEvent, error) {
	var se store.StoredEvent
	var doc string
	var dup sql.NullString
	var added int64
	if err := sc.Scan(&doc, &dup, &se.Mentions, &se.Articles, &se.Sources, &se.StoryID, &added); err != nil {
		return se, err
	}
	if err := json.Unmarshal([]byte(doc), &se.Event); err != nil {
		return se, fmt.Errorf("decode stored event: %w", err)
	}
	se.EventID = se.ID
	if dup.Valid {
		se.EventID = dup.String
	}
	se.Added = time.UnixMicro(added).UTC()
	return se, nil
}

// Event returns one report by id.
func (s *DB) Event(ctx context.Context, id string) (*store.StoredEvent, error) {
	se, err := scanEvent(s.db.QueryRowContext(ctx, s.q(`SELECT `+eventCols+` FROM events e JOIN articles a ON a.seq = e.article_seq WHERE e.id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("event %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	return &se, nil
}

// Article returns an article and its reports.
func (s *DB) Article(ctx context.Context, id string) (*store.ArticleRecord, error) {
	var doc string
	var seq, added int64
	rec := &store.ArticleRecord{}
	err := s.db.QueryRowContext(ctx, s.q(`SELECT seq, doc, story_id, added_unix_us FROM articles WHERE id = ?`), id).Scan(&seq, &doc, &rec.StoryID, &added)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(doc), &rec.Article); err != nil {
		return nil, fmt.Errorf("article %s: decode: %w", id, err)
	}
	rec.Added = time.UnixMicro(added).UTC()
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+eventCols+` FROM events e JOIN articles a ON a.seq = e.article_seq
		WHERE e.article_seq = ? ORDER BY e.ord`), seq)
	if err != nil {
		return nil, fmt.Errorf("article %s: events: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		se, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("article %s: events: %w", id, err)
		}
		rec.Events = append(rec.Events, se)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %s: events: %w", id, err)
	}
	return rec, nil
}

// ParseCursor reads a cursor Events returned as Next: the date and seq of
// the last event of the page (events are listed by date, then seq, both
// descending).
func ParseCursor(s string) (date string, seq int64, err error) {
	d, n, ok := strings.Cut(s, "_")
	if !ok {
		return "", 0, fmt.Errorf("cursor %q: want DATE_SEQ: %w", s, store.ErrBadCursor)
	}
	if _, err := store.ParseDate(d); err != nil {
		return "", 0, fmt.Errorf("cursor %q: %w: %w", s, store.ErrBadCursor, err)
	}
	seq, err = strconv.ParseInt(n, 10, 64)
	if err != nil || seq <= 0 {
		return "", 0, fmt.Errorf("cursor %q: bad position: %w", s, store.ErrBadCursor)
	}
	return d, seq, nil
}

// likeEscape escapes LIKE wildcards with backslash.
func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// where builds the WHERE clause of a filter over events e.
func (s *DB) where(f store.Filter) (string, []any) {
	conds := []string{"e.canon = 1"}
	var args []any
	add := func(c string, a ...any) {
		conds = append(conds, c)
		args = append(args, a...)
	}
	if f.Actor != "" {
		add("(e.a_code = ? OR e.a_country = ?)", f.Actor, f.Actor)
	}
	if f.Recipient != "" {
		add("(e.r_code = ? OR e.r_country = ?)", f.Recipient, f.Recipient)
	}
	if f.Country != "" {
		add("(e.a_country = ? OR e.r_country = ?)", f.Country, f.Country)
	}
	if f.Sector != "" {
		add("(e.a_sector = ? OR e.r_sector = ?)", f.Sector, f.Sector)
	}
	if f.Type != "" {
		add("e.type = ?", strings.ToUpper(f.Type))
	}
	if f.QuadClass != 0 {
		add("e.quad_class = ?", f.QuadClass)
	}
	if f.Since != "" {
		add("e.date >= ?", f.Since)
	}
	if f.Until != "" {
		add("e.date <= ?", f.Until)
	}
	for _, w := range strings.Fields(f.Text) {
		add("e.sentence "+s.d.ILike+` ? ESCAPE '\'`, "%"+likeEscape(w)+"%")
	}
	if f.StoryID != "" {
		add("e.article_seq IN (SELECT seq FROM articles WHERE story_id = ?)", f.StoryID)
	}
	return strings.Join(conds, " AND "), args
}

// Events lists events matching f, newest first.
func (s *DB) Events(ctx context.Context, f store.Filter, p store.Page) (*store.EventPage, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	limit := p.Limit
	if limit <= 0 {
		limit = store.DefaultLimit
	}
	limit = min(limit, store.MaxLimit)
	where, args := s.where(f)
	if p.After != "" {
		d, seq, err := ParseCursor(p.After)
		if err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		where += " AND (e.date < ? OR (e.date = ? AND e.seq < ?))"
		args = append(args, d, d, seq)
	}
	args = append(args, limit+1)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT `+eventCols+`, e.seq FROM events e JOIN articles a ON a.seq = e.article_seq
		WHERE `+where+` ORDER BY e.date DESC, e.seq DESC LIMIT ?`), args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	page := &store.EventPage{}
	var lastSeq int64
	for rows.Next() {
		var se store.StoredEvent
		var doc string
		var dup sql.NullString
		var added, seq int64
		if err := rows.Scan(&doc, &dup, &se.Mentions, &se.Articles, &se.Sources, &se.StoryID, &added, &seq); err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		if len(page.Events) == limit {
			last := page.Events[len(page.Events)-1]
			page.Next = last.Date + "_" + strconv.FormatInt(lastSeq, 10)
			break
		}
		if err := json.Unmarshal([]byte(doc), &se.Event); err != nil {
			return nil, fmt.Errorf("events: decode: %w", err)
		}
		se.EventID = se.ID
		if dup.Valid {
			se.EventID = dup.String
		}
		se.Added = time.UnixMicro(added).UTC()
		page.Events = append(page.Events, se)
		lastSeq = seq
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return page, nil
}

// resolveSide turns "country:X", "code:X" or a bare X into a Side: a bare X
// is a country when some event has it as a country.
func (s *DB) resolveSide(ctx context.Context, v string) (store.Side, error) {
	v = strings.TrimSpace(v)
	if c, ok := strings.CutPrefix(v, "country:"); ok {
		return store.Side{Value: strings.ToUpper(c), Country: true}, nil
	}
	if c, ok := strings.CutPrefix(v, "code:"); ok {
		return store.Side{Value: strings.ToUpper(c)}, nil
	}
	v = strings.ToUpper(v)
	var n int
	err := s.db.QueryRowContext(ctx, s.q(`SELECT CASE WHEN EXISTS (SELECT 1 FROM events WHERE a_country = ?)
		OR EXISTS (SELECT 1 FROM events WHERE r_country = ?) THEN 1 ELSE 0 END`), v, v).Scan(&n)
	if err != nil {
		return store.Side{}, fmt.Errorf("side %s: %w", v, err)
	}
	return store.Side{Value: v, Country: n > 0}, nil
}

func sideCols(sd store.Side) (actor, recipient string) {
	if sd.Country {
		return "a_country", "r_country"
	}
	return "a_code", "r_code"
}

// Relations counts the events between A and B per period, both ways.
func (s *DB) Relations(ctx context.Context, q store.RelationsQuery) (*store.Relations, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	by, _ := store.ParsePeriod(string(q.By))
	top := q.TopTypes
	if top <= 0 {
		top = 3
	}
	a, err := s.resolveSide(ctx, q.A)
	if err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}
	b, err := s.resolveSide(ctx, q.B)
	if err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}
	var bucket string
	switch by {
	case store.Day:
		bucket = "date"
	case store.Week:
		bucket = "week"
	case store.Month:
		bucket = "substr(date, 1, 7)"
	case store.Year:
		bucket = "substr(date, 1, 4)"
	}
	// One grouped scan per direction, each served by the dyad index of
	// the sides' kinds (see the migrations); canon splits events from
	// mentions in the same pass.
	part := func(dir int, from, to store.Side) (string, []any) {
		fa, _ := sideCols(from)
		_, tr := sideCols(to)
		sql := fmt.Sprintf(`SELECT %d AS dir, %s AS period, quad_class, type,
			sum(canon) AS events, count(*) AS mentions, sum(CASE WHEN canon = 1 THEN goldstein ELSE 0 END) AS gsum
			FROM events WHERE %s = ? AND %s = ?`, dir, bucket, fa, tr)
		args := []any{from.Value, to.Value}
		if q.Since != "" {
			sql += " AND date >= ?"
			args = append(args, q.Since)
		}
		if q.Until != "" {
			sql += " AND date <= ?"
			args = append(args, q.Until)
		}
		return sql + " GROUP BY period, quad_class, type", args
	}
	q1, a1 := part(0, a, b)
	q2, a2 := part(1, b, a)
	rows, err := s.db.QueryContext(ctx, s.q(q1+" UNION ALL "+q2), append(a1, a2...)...)
	if err != nil {
		return nil, fmt.Errorf("relations %s %s: %w", a, b, err)
	}
	defer rows.Close()
	type acc struct {
		stats [2]store.DirectionStats
		types [2]map[string]int
	}
	periods := map[string]*acc{}
	for rows.Next() {
		var dir, quad, events, mentions int
		var period, typ string
		var gsum float64
		if err := rows.Scan(&dir, &period, &quad, &typ, &events, &mentions, &gsum); err != nil {
			return nil, fmt.Errorf("relations: %w", err)
		}
		p := periods[period]
		if p == nil {
			p = &acc{types: [2]map[string]int{{}, {}}}
			periods[period] = p
		}
		st := &p.stats[dir]
		st.Events += events
		st.Mentions += mentions
		st.GoldsteinSum += gsum
		if quad >= 1 && quad <= 4 {
			st.Quad[quad-1] += events
		}
		if events > 0 {
			p.types[dir][typ] += events
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("relations: %w", err)
	}
	out := &store.Relations{A: a, B: b, By: by, Periods: []store.PeriodRelation{}}
	for period, p := range periods {
		pr := store.PeriodRelation{Period: period}
		for dir := range 2 {
			st := p.stats[dir]
			if st.Events > 0 {
				st.GoldsteinMean = st.GoldsteinSum / float64(st.Events)
			}
			st.TopTypes = []store.TypeCount{}
			for t, n := range p.types[dir] {
				st.TopTypes = append(st.TopTypes, store.TypeCount{Type: t, Events: n})
			}
			st.TopTypes = store.SortTypes(st.TopTypes, top)
			if dir == 0 {
				pr.AB = st
			} else {
				pr.BA = st
			}
		}
		out.Periods = append(out.Periods, pr)
	}
	sort.Slice(out.Periods, func(i, j int) bool { return out.Periods[i].Period < out.Periods[j].Period })
	return out, nil
}
