// Command ontogen regenerates dyad's event ontology tables (event/data/*.tsv)
// from the third-party sources in ../shared/data:
//
//	go run ./cmd/ontogen -data ../shared/data -out event/data
//
// The same input always gives the same bytes: rows are written in a fixed
// order and numbers in a fixed format. Every choice the generator makes that
// is not a plain copy (a renamed mode, a dropped duplicate, a default CAMEO
// code) is written into a note or reason column of the output, so the tables
// explain themselves.
//
// Sources (licences in each folder's SOURCE.txt):
//
//   - plover/PLOVER_MANUAL.tex: the 16 event types, their modes, contexts,
//     quad categories and conflict-cooperation scores (CC BY-SA 4.0, OEDA).
//   - plover/CAMEO2PLOVER-2021.txt: CAMEO code -> PLOVER type, mode, context.
//   - cameo/CAMEO.eventcodes.txt, cameo/CAMEO.goldsteinscale.txt: the GDELT
//     lookup tables (code names and the pinned Goldstein weights).
//   - cameo/icews-cameo-codes.utf8.csv: ICEWS CAMEO codebook (MIT): code
//     descriptions and code 1213.
//   - phoenix-dictionaries/CAMEO.2.0.txt: PETRARCH verb patterns (MIT); scanned
//     for codes the other lists lack.
//   - plover-gsr/PLOVER_GSR_CAMEO.dev.json, plover/plover_reference.html:
//     scanned for PLOVER 0.5b1 names that need mapping to current ones.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	data := flag.String("data", "../shared/data", "directory holding the third-party data (plover/, cameo/, ...)")
	out := flag.String("out", "event/data", "directory to write the TSV tables into")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: ontogen [-data DIR] [-out DIR]")
		os.Exit(2)
	}
	files, err := generate(*data)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ontogen: %v\n", err)
		os.Exit(1)
	}
	if err := writeFiles(*out, files); err != nil {
		fmt.Fprintf(os.Stderr, "ontogen: %v\n", err)
		os.Exit(1)
	}
	for _, f := range files {
		fmt.Printf("%s\t%d rows\t%d bytes\n", f.name, f.rows, len(f.data))
	}
}
