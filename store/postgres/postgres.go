// Package postgres is the PostgreSQL store backend, through pgx
// (github.com/jackc/pgx/v5, its database/sql driver), for stores shared by
// several users or larger than one machine's disk wants in one file.
//
// The schema is the SQLite one with PostgreSQL types: identity columns,
// byte-order ("C") collation on codes and dates, and covering indexes that
// INCLUDE the aggregated columns so Relations runs as an index-only scan.
// Importing the package registers it with store.Open for postgres:// and
// postgresql:// DSNs. The DSN may set search_path (…?search_path=myschema)
// to keep a store in its own schema.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

func init() {
	store.Register("postgres", func(ctx context.Context, dsn string) (store.Store, error) { return Open(ctx, dsn) })
}

// Store is a PostgreSQL-backed store.Store.
type Store = sqlstore.DB

// Dialect returns the PostgreSQL dialect (with its migrations).
func Dialect() sqlstore.Dialect {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded directory exists: a build error otherwise
	}
	return sqlstore.Dialect{
		Name:       "postgres",
		Numbered:   true,
		ILike:      "ILIKE",
		Migrations: sub,
		MaxParams:  65535,
		// VACUUM sets the visibility map that index-only scans need.
		Analyze: "VACUUM ANALYZE",
		// Every lookup of a put is an equality or IN list on an indexed
		// column. During a bulk load the table statistics lag (autovacuum
		// has not analysed the new rows), and the planner, guessing, chose
		// sequential scans of events for IN lists of story keys: a second
		// per query at 50,000 events. Forbidding them in put transactions
		// keeps puts on the indexes whatever the statistics say.
		PutSetup: "SET LOCAL enable_seqscan = off",
	}
}

// Open connects to the database a DSN names and migrates it.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db.SetMaxOpenConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s, err := sqlstore.New(ctx, db, Dialect())
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}
