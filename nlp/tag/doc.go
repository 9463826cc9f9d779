// Package tag is dyad's part-of-speech tagger and lemmatizer: it fills the
// POS (Universal POS), XPOS (Penn Treebank) and Lemma fields of the tokens
// of an nlp.Doc.
//
// The tagger is a greedy left-to-right averaged perceptron that predicts
// the (UPOS, XPOS) pair of each token jointly, from hashed features of the
// word, its lowercase form, prefixes and suffixes of one to four bytes, its
// shape and orthographic flags, the words two to the left and right, the
// two tags already predicted to the left, and ambiguity classes (the set of
// XPOS tags a word had in the training data) of the word and its right
// neighbours. Ambiguity classes of the training tokens are jackknifed (each
// tenth of the training set sees classes learned from the other nine), so
// the model learns to tag unseen words as it will meet them.
//
// A few deterministic rules then correct what the greedy pass cannot see
// from the left: a word read as a verb right after an article and a name
// or adjective ("a UN offer") is a noun, a word read as a noun after a
// modal or an infinitival "to" is a verb, a participle conjoined with a
// following past tense is a past tense ("donated and delivered"), and a
// sentence left with no finite verb gets one. Each context rule is kept only when EWT train's
// gold tags agree with it at least 97% of the time
// (TestContextRulesOnTrain).
//
// The lemmatizer applies edit scripts ("strip n bytes, append s") learned
// from the training data: an exception lexicon keyed by word form and XPOS,
// then one keyed by lowercase form and XPOS, then, for a past tense or
// participle, a table of English irregular verbs (irregular.go: "fled" ->
// "flee", "undertook" -> "undertake", which web text rarely holds), then
// the longest suffix rule for the XPOS. A word the training data knew only
// as a past form but tagged as a present ("Gunmen shot dead": shot/VBP) is
// lemmatized as that past. Whether a lemma keeps the word's capitals ("Turkey",
// "Americans" -> "American") or is lowercased ("Signed" -> "sign") is
// learned per XPOS and word shape.
//
// Train builds a Model from CoNLL-U sentences; `dyad train tagger` builds
// the embedded model from UD English EWT train (CC BY-SA 4.0), and Load
// returns a Tagger for it.
//
// # Performance
//
// Feature templates are combined by integer hashing: each token's string
// hashes (form, lowercase, affixes, shape) are computed once per sentence
// into pooled scratch, and every feature is a 32-bit mix of a template id
// and those hashes, found in an open-addressing table of interned feature
// keys. Weights are int16, stored flat and sparse (only the classes a
// feature ever voted for), so scoring a token is a few hundred integer
// additions; a known word's precomputed rows and the tag-history row are
// summed in one pass. Dense rows, precomputed rows and the scores hold two
// classes' scores in one int64 (hi<<32 + lo), so that one addition adds
// both: exact, since no score can leave the int32 range (checked when the
// Tagger is built). The five features of a token's and its neighbours'
// shapes and flags, mostly dense rows, are summed once per distinct
// combination and kept in the pooled scratch (a direct-mapped cache
// compared on the whole key), which spares most tokens four row
// additions. Within the pipeline the tables are mostly out of the cache
// when the tagger runs, so predict issues its loads in batches: every
// feature's first slot before the rows are summed, then every sparse
// feature's first entry before any is added, so that the cache misses
// overlap (prefetching the next token's word rows the same way was tried
// and was slower). Known words are found in an open-addressing table of
// 16-byte slots. The lemma tables carry a bit set of their keys, so
// that trying every suffix length mostly costs bit tests. Tags are the
// model's own strings; a lemma is a substring of
// the token text whenever it can be, otherwise all lemmas of a sentence
// share one allocation. Tagging makes no allocation per token; see
// BenchmarkTag.
//
// # Concurrency
//
// A Tagger and its Model are immutable after construction; Load builds the
// embedded one once (sync.OnceValues). Tag and TagDoc may be called from
// any number of goroutines; each call takes its scratch from a sync.Pool.
// A call mutates only the sentence or document it is given.
package tag
