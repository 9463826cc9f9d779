// Command kbgen generates the actor knowledge base (actor/data/actors.tsv,
// actor/data/names.tsv and actor/data/persons.tsv) from the third-party sources in ../shared/data
// and the project's own curated rows in cmd/kbgen/curated. The output is a
// function of the input alone: the same input gives the same bytes.
//
// Usage, from the repository root:
//
//	go run ./cmd/kbgen -data ../shared/data -out actor/data
//	go run ./cmd/kbgen -stats [-date 2026-11-25]   # office holders and groups counts, offices with no holder
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad/actor"
)

func main() {
	data := flag.String("data", "../shared/data", "directory of the third-party sources")
	curated := flag.String("curated", "cmd/kbgen/curated", "directory of the curated actors.tsv and names.tsv")
	out := flag.String("out", "actor/data", "output directory")
	stats := flag.Bool("stats", false, "print the embedded knowledge base's office holders and groups, and the offices with no holder at -date; generate nothing")
	date := flag.String("date", time.Now().UTC().Format("2006-01-02"), "with -stats: the date of the missing-holder report")
	flag.Parse()
	if *stats {
		kb, err := actor.Default()
		if err == nil {
			var d time.Time
			if d, err = time.Parse("2006-01-02", *date); err == nil {
				printStats(os.Stdout, kb, d)
				return
			}
		}
		fmt.Fprintln(os.Stderr, "kbgen:", err)
		os.Exit(1)
	}
	if err := run(*data, *curated, *out); err != nil {
		fmt.Fprintln(os.Stderr, "kbgen:", err)
		os.Exit(1)
	}
}

func run(data, curated, out string) error {
	actors, names, persons, err := GenerateAll(data, curated)
	if err != nil {
		return err
	}
	var ab, nb, pb bytes.Buffer
	if err := writeTables(&ab, &nb, actors, names); err != nil {
		return err
	}
	if err := actor.WritePersons(&pb, personsHeader, persons); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		b    []byte
	}{{"actors.tsv", ab.Bytes()}, {"names.tsv", nb.Bytes()}, {"persons.tsv", pb.Bytes()}} {
		p := filepath.Join(out, f.name)
		if err := os.WriteFile(p, f.b, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", p, err)
		}
		fmt.Fprintf(os.Stderr, "kbgen: wrote %s (%d bytes)\n", p, len(f.b))
	}
	return nil
}
