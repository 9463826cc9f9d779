// Package event holds the event ontology (PLOVER event types, modes and
// contexts; CAMEO codes with Goldstein scores and quad classes; the mappings
// between them and from older PLOVER names), the lexicon of event
// patterns, and the coder ([Coder]: its doc lists the grammar it knows).
//
// # Ontology
//
// The ontology is one pinned, versioned set of tables (see [Version]) kept in
// the project's own readable TSV files under data/, embedded in the binary
// and generated reproducibly from the third-party sources by
//
//	go run ./cmd/ontogen -data ../shared/data -out event/data
//
// [Ontology] loads and validates them once; the returned [*Tables] is
// read-only and safe for concurrent use. Its lookups ([Tables.PloverType],
// [Tables.NormalizeType], [Tables.CAMEO], [Tables.CAMEOFor],
// [Tables.QuadClass], [Tables.Goldstein]) are map reads that do not allocate.
//
// Goldstein scores are GDELT's (CAMEO.goldsteinscale.txt), so that dyad's
// CAMEO output splices with GDELT 2.0 series. Quad classes of CAMEO codes
// follow GDELT: roots 01-05 verbal cooperation (1), 06-08 material
// cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
// PLOVER types carry their own quad category from the PLOVER codebook, which
// differs from the CAMEO root's for some codes (CAMEO 08x "yield" is quad 2,
// PLOVER CONCEDE is verbal cooperation).
//
// Licences: the tables derived from PLOVER are CC BY-SA 4.0 (Open Event Data
// Alliance); Goldstein weights and code names are from the GDELT Project's
// lookups; code descriptions from the ICEWS CAMEO codebook (MIT, andybega/icews).
package event
