// Package sqlite is the embedded store backend: one SQLite file (default
// dyad.db) through modernc.org/sqlite, a pure-Go driver, so dyad stays a
// single binary without cgo.
//
// The database runs in WAL mode with synchronous=NORMAL: readers never wait
// for the writer, a commit is durable against a process crash (a power cut
// may lose the last commits but never corrupts the file), and write
// transactions begin IMMEDIATE so two writers queue on busy_timeout
// instead of failing on a lock upgrade. Importing the package registers it
// with store.Open for every DSN that is not a PostgreSQL URL.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/internal/sqlstore"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

//go:embed migrations/*.sql
var migrations embed.FS

func init() {
	store.Register("sqlite", func(ctx context.Context, dsn string) (store.Store, error) { return Open(ctx, dsn) })
}

// Store is a SQLite-backed store.Store.
type Store = sqlstore.DB

// Dialect returns the SQLite dialect (with its migrations).
func Dialect() sqlstore.Dialect {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory exists: a build error otherwise
	}
	return sqlstore.Dialect{
		Name:       "sqlite",
		ILike:      "LIKE", // SQLite's LIKE ignores ASCII case
		Migrations: sub,
		MaxParams:  32766,
		Analyze:    "ANALYZE",
	}
}

// Open opens (creating if needed) the SQLite file at path, which may carry
// a sqlite:// or file: prefix, and migrates it to the current schema.
func Open(ctx context.Context, path string) (*Store, error) {
	path = strings.TrimPrefix(path, "sqlite://")
	path = strings.TrimPrefix(path, "file:")
	if path == "" {
		path = store.DefaultDSN
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(NORMAL)", "busy_timeout(30000)", "foreign_keys(1)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	s, err := sqlstore.New(ctx, db, Dialect())
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return s, nil
}
