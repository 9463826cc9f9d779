package sqlite

import (
	"context"
	"flag"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/store"
	"github.com/dyad-events/dyad/store/internal/sqlstore"
	"github.com/dyad-events/dyad/store/storetest"
)

func open(t *testing.T) store.Store {
	st, err := Open(t.Context(), filepath.Join(t.TempDir(), "test.db"))
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
	path := filepath.Join(t.TempDir(), "m.db")
	ms, err := sqlstore.Migrations(Dialect().Migrations)
	if err != nil || len(ms) == 0 {
		t.Fatalf("migrations: %v, %d", err, len(ms))
	}
	for range 2 { // the second open finds everything applied
		st, err := Open(context.Background(), path)
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
	path := filepath.Join(t.TempDir(), "x.db")
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, ok := st.(*Store); !ok {
		t.Fatalf("store.Open(%q) gave %T", path, st)
	}
}

var (
	benchEvents = flag.Int("dyad.events", 1_000_000, "events in the BenchmarkRelations store")
	benchDB     = flag.String("dyad.db", "", "SQLite file for BenchmarkRelations (reused when it holds events; default a temp file)")
)

// BenchmarkRelations measures Relations latency (p50-ms, p95-ms) on a store
// of -dyad.events synthetic events:
//
//	go test ./store/sqlite -run '^$' -bench Relations -benchtime 5x
func BenchmarkRelations(b *testing.B) {
	path := *benchDB
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	st, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	storetest.BenchRelations(b, st, *benchEvents)
}

// BenchmarkActors measures Actors latency (p50-ms, p95-ms) over the
// storetest query mix on the same store as BenchmarkRelations:
//
//	go test ./store/sqlite -run '^$' -bench Actors -benchtime 5x -dyad.db FILE
func BenchmarkActors(b *testing.B) {
	path := *benchDB
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	st, err := Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	storetest.BenchActors(b, st, *benchEvents)
}

// BenchmarkPutArticles: go test ./store/sqlite -run '^$' -bench PutArticles -benchtime 50x
func BenchmarkPutArticles(b *testing.B) {
	st, err := Open(context.Background(), filepath.Join(b.TempDir(), "put.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	storetest.BenchPut(b, st)
}
