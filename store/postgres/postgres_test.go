package postgres

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/internal/sqlstore"
	"github.com/dyad-events/dyad/store/storetest"
)

// TestDSN returns the server the tests use: $DYAD_TEST_POSTGRES, else the
// machine's service (trust auth, database test).
func testDSN() string {
	if d := os.Getenv("DYAD_TEST_POSTGRES"); d != "" {
		return d
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

var schemaSeq atomic.Int64

// schema creates a fresh schema for one test, drops it afterwards, and
// returns a DSN whose search_path points at it. Without a server it skips,
// unless CI is set: in CI the PostgreSQL tests must run.
func schema(t testing.TB) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	admin, err := sql.Open("pgx", testDSN())
	if err == nil {
		err = admin.PingContext(ctx)
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL at %s unreachable and CI is set: %v", testDSN(), err)
		}
		t.Skipf("PostgreSQL at %s unreachable (set DYAD_TEST_POSTGRES; in CI this fails): %v", testDSN(), err)
	}
	name := fmt.Sprintf("dyadtest_%d_%d", os.Getpid(), schemaSeq.Add(1))
	if _, err := admin.ExecContext(ctx, "DROP SCHEMA IF EXISTS "+name+" CASCADE; CREATE SCHEMA "+name); err != nil {
		t.Fatalf("create schema %s: %v", name, err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", name, err)
		}
		admin.Close()
	})
	sep := "?"
	if containsQuery(testDSN()) {
		sep = "&"
	}
	return testDSN() + sep + "search_path=" + name
}

func containsQuery(dsn string) bool {
	for i := range dsn {
		if dsn[i] == '?' {
			return true
		}
	}
	return false
}

func open(t *testing.T) store.Store {
	st, err := Open(t.Context(), schema(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

func TestActorsCancel(t *testing.T) {
	st := open(t).(*Store)
	storetest.ActorsCancel(t, st, st.SQL())
}

func TestMigrateFromEmpty(t *testing.T) {
	dsn := schema(t)
	ms, err := sqlstore.Migrations(Dialect().Migrations)
	if err != nil || len(ms) == 0 {
		t.Fatalf("migrations: %v, %d", err, len(ms))
	}
	for range 2 {
		st, err := Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		v, err := st.Version(context.Background())
		if err != nil || v != ms[len(ms)-1].Version {
			t.Fatalf("version %d, %v; want %d", v, err, ms[len(ms)-1].Version)
		}
		st.Close()
	}
}

func TestOpenByDSN(t *testing.T) {
	dsn := schema(t)
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, ok := st.(*Store); !ok {
		t.Fatalf("store.Open(postgres DSN) gave %T", st)
	}
}

var (
	benchEvents = flag.Int("dyad.events", 1_000_000, "events in the BenchmarkRelations store")
	benchSchema = flag.String("dyad.schema", "", "schema for BenchmarkRelations, kept and reused when it holds events (default a fresh schema dropped afterwards)")
)

// BenchmarkRelations measures Relations latency (p50-ms, p95-ms) on a store
// of -dyad.events synthetic events:
//
//	go test ./store/postgres -run '^$' -bench Relations -benchtime 5x
func BenchmarkRelations(b *testing.B) {
	st := benchStore(b)
	defer st.Close()
	storetest.BenchRelations(b, st, *benchEvents)
}

// BenchmarkActors measures Actors latency (p50-ms, p95-ms) over the
// storetest query mix on the same store as BenchmarkRelations:
//
//	go test ./store/postgres -run '^$' -bench Actors -benchtime 5x -dyad.schema NAME
func BenchmarkActors(b *testing.B) {
	st := benchStore(b)
	defer st.Close()
	storetest.BenchActors(b, st, *benchEvents)
}

// benchStore opens the -dyad.schema store, or a fresh schema.
func benchStore(b *testing.B) *Store {
	dsn := ""
	if *benchSchema != "" {
		admin, err := sql.Open("pgx", testDSN())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := admin.Exec("CREATE SCHEMA IF NOT EXISTS " + *benchSchema); err != nil {
			b.Skipf("PostgreSQL unavailable: %v", err)
		}
		admin.Close()
		dsn = testDSN() + "&search_path=" + *benchSchema
	} else {
		dsn = schema(b)
	}
	st, err := Open(context.Background(), dsn)
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkPutArticles: go test ./store/postgres -run '^$' -bench PutArticles -benchtime 50x
func BenchmarkPutArticles(b *testing.B) {
	st, err := Open(context.Background(), schema(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	storetest.BenchPut(b, st)
}
