// Package ner is dyad's named-entity recognizer: it fills nlp.Doc.Entities
// with PER, ORG and LOC names from a statistical model, and DATE, TIME,
// MONEY, PERCENT and CARDINAL expressions from rules.
//
// # Labels
//
// The model predicts BIO tags over PER, ORG and LOC. GPE is folded into
// LOC, as Universal NER does: countries, cities and regions are LOC. An
// honorific or a title of office opening a person's name ("Mr Osborne",
// "Vice President Pence") is left out of the PER span, as in UNER (the
// training corpora's spans are cut the same way; a title alone is no
// name), and so is "the" opening an organisation's or a
// place's name that ends in a head word ("the Democratic Party"; UNER
// EWT dev leaves it out 23 times in 26, wikigold 144 in 152). The rule labels (see rules.go) never overlap a
// name and are not part of the PER/ORG/LOC score.
//
// # Model
//
// A linear-chain model trained with the averaged perceptron and decoded
// with Viterbi under BIO constraints; its weights are the mean of five
// such perceptrons trained over different shuffles of the data
// ([TrainOptions.Bags]), which depends less on the order of the data than
// one. Features of a token: the word
// (lower-cased, digits as 0) and its form, the words and shapes of a
// window of two tokens each side, prefixes and suffixes, capitalisation
// flags, sentence-initial position, the capitalised run it belongs to
// (its length, first and last word, across "of" and "and", the words
// just before and after it and the two words before it, the token's word
// with its position in the run, whether its last word is an organisation
// head like "Party" or "Inc" or a place head like "River", and the head
// classes of all its words and of its first, as in "University of
// Texas"),
// the sentence's case regime (all lower case, title case, mixed), the
// UPOS and Penn Treebank tags of package nlp/tag when the tokens are
// tagged (the tag of the token and of its neighbours, and with its shape
// and the previous word), and four kinds of lists:
//
//   - the actor knowledge base (package actor): country names, demonyms,
//     capitals, IGO names and acronyms, sector words, matched over the
//     sentence with its own matcher;
//   - gazetteers built at training time from GeoNames (cities of 15,000+
//     people, first-level divisions), CountryInfo (leaders and cabinet
//     members: full names, given names, surnames) and the Phoenix
//     international and non-state actor dictionaries (organisations:
//     IGOs, NGOs, companies, media, armed groups; see ReadPhoenixOrgs);
//   - names from the training data, built jackknife-style (each fold sees
//     the names of the others only) so the model learns how far to trust
//     the list for names it has not seen;
//   - a word-class lexicon from UD English EWT train: how often a word is
//     a proper noun and how often it is written in lower case.
//
// Gazetteers and the lexicon are stored in the model as hashes of
// tokenized phrases; the knowledge base is the one embedded in package
// actor, which the model must be trained with.
//
// # After decoding
//
// The knowledge base's multi-word IGO names are ORG entities whatever the
// model said; an entity that is exactly a country's name or a capital is
// LOC, a non-state group's name ORG and a person's full name PER, whatever
// type the model gave it (UNER folds a country that acts, "Cyprus signed",
// into LOC; TestKBConventions checks these types on the training data);
// and a one-word demonym the model tagged alone ("Iraqi
// officials") is dropped: UNER does not tag demonyms. Names are then made
// consistent within the document (consistency.go): every name votes for
// its type under its text, a person's name also under its last word, and
// a name followed by its acronym in parentheses ("Asia-Pacific Economic
// Cooperation (APEC)") under the acronym, which becomes an entity of the
// name's type; a capitalised word or run of words elsewhere in the
// document that repeats a voted name and stands alone becomes an entity
// of the type with the most votes, and a one-word entity takes that
// type. Last, a storm's name ("Hurricane Dorian", then "Dorian") is no
// entity anywhere in the document: storms are events (storms.go).
//
// Train and [Model.WriteTo] build the model; 'dyad train ner' runs them on
// the data in ../shared/data (BTC, wikigold, WNUT17 train/dev, UNER EWT
// dev; never a test file) and on news: dyad's own standoff annotations of
// 245 Wikinews sample articles under UNER's conventions
// (testdata/wikinews-dev.tsv, read with the articles' text from
// ../shared/data; 27 more in testdata/wikinews-test.tsv are held out
// from training), all POS-tagged by nlp/tag as the pipeline tags
// text, with a fixed seed, so the same data give the same bytes. The
// epochs, the weight of each corpus and the features were chosen with
// 'dyad train ner --cv 5', which trains on all but one block of UNER EWT
// dev, wikigold and the Wikinews set and scores that block, in turn
// (wikigold's -DOCSTART- documents and the Wikinews articles are
// recognized as documents, as UNER's are). A
// constant added to the B- labels' scores ([TrainOptions.EntityBias], and
// per type ORGBias, PERBias, LOCBias) trades precision for recall, type
// by type: the training data (tweets especially) make the perceptron
// find too many persons and too few organisations, and cross-validation
// over three seeds chose +3 for ORG and -8 for PER ('dyad train ner'
// defaults; none overall).
//
// # Performance
//
// Features are 64-bit hashes mixed from per-token hashes computed once, so
// no strings are built per feature; a feature's weights sit beside its
// key in an open-addressing table, as the model file stores them (int16
// times one scale, 32-byte slots; the sums are those of float weights to
// the bit). The rules find each token's classes once, with one map
// lookup. Per-sentence scratch comes from a sync.Pool. See
// BenchmarkRecognize and BenchmarkRecognizeNews for sentences per second.
//
// # Concurrency
//
// [Load] reads the embedded model once (sync.OnceValues); a Recognizer is
// immutable and Recognize may be called from many goroutines.
package ner
