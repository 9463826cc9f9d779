// Command geogen generates dyad's gazetteer (geo/data/gazetteer.tsv.gz) from
// the GeoNames files in ../shared/data: cities15000.zip (read in place with
// archive/zip), countryInfo.txt, and the GeoNames admin1 names that
// Mordecai ships (mordecai/admin1CodesASCII.json). The output is a function
// of the input alone: the same input gives the same bytes.
//
// Usage, from the repository root:
//
//	go run ./cmd/geogen -data ../shared/data -out geo/data
//
// The data is GeoNames' (https://www.geonames.org/), CC BY 4.0; the file
// format is described in the geo package documentation.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// OutName is the generated file's name inside the output directory.
const OutName = "gazetteer.tsv.gz"

func main() {
	data := flag.String("data", "../shared/data", "directory of the third-party sources (holds geonames/ and mordecai/)")
	out := flag.String("out", "geo/data", "output directory")
	words := flag.String("words", "geo/data/common-words.txt", "the project's list of common English words that are also place names")
	flag.Parse()
	if err := run(*data, *words, *out); err != nil {
		fmt.Fprintln(os.Stderr, "geogen:", err)
		os.Exit(1)
	}
}

func run(data, words, out string) error {
	b, st, err := Generate(data, words)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	p := filepath.Join(out, OutName)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	fmt.Fprintf(os.Stderr, "geogen: wrote %s (%d bytes): %d places, %d alternate names kept of %d, %d admin1 divisions, %d countries\n",
		p, len(b), st.Places, st.AltsKept, st.AltsSeen, st.Admin1, st.Countries)
	return nil
}
