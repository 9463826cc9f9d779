// Package ner is dyad's named-entity recognizer: it fills nlp.Doc.Entities
// with PER, ORG and LOC names from a statistical model, and DATE, TIME,
// MONEY, PERCENT and CARDINAL expressions from rules.
//
// # Labels
//
// The model predicts BIO tags over PER, ORG and LOC. GPE is folded into
// LOC, as Universal NER does: countries, cities and regions are LOC. An
// honorific opening a person's name ("Mr Osborne") is left out of the
// PER span, as in UNER. The rule labels (see rules.go) never overlap a
// name and are not part of the PER/ORG/LOC score.
//
// # Model
//
// A linear-chain model trained with the averaged perceptron and decoded
// with Viterbi under BIO constraints. Features of a token: the word
// (lower-cased, digits as 0) and its form, the words and shapes of a
// window of two tokens each side, prefixes and suffixes, capitalisation
// flags, sentence-initial position, the capitalised run it belongs to
// (its length, first and last word, across "of" and "and", the words
// just before and after it, and whether its last word is an
// organisation head like "Party" or "Inc" or a place head like "River"),
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
// actor, which the model must be trained with. After decoding, names are
// made consistent within a document: a lone capitalised word repeating
// the surname of a person named earlier is that person.
//
// Train and [Model.WriteTo] build the model; 'dyad train ner' runs them on
// the data in ../shared/data (BTC, wikigold, WNUT17 train/dev, UNER EWT
// dev; never a test file), POS-tagged by nlp/tag as the pipeline tags
// text, with a fixed seed, so the same data give the same bytes. The
// epochs, the weight of each corpus and the features were chosen with
// 'dyad train ner --cv 5', which trains on all but one block of UNER EWT
// dev and wikigold and scores that block, in turn. A constant added to
// the B- labels' scores ([TrainOptions.EntityBias], ORGBias) trades the
// perceptron's precision for recall; cross-validation found no gain in
// it, so the shipped model uses none.
//
// # Performance
//
// Features are 64-bit hashes mixed from per-token hashes computed once, so
// no strings are built per feature; weights sit in one flat slice behind
// an open-addressing table of feature hashes. Per-sentence scratch comes
// from a sync.Pool. See BenchmarkRecognize for sentences per second.
//
// # Concurrency
//
// [Load] reads the embedded model once (sync.OnceValues); a Recognizer is
// immutable and Recognize may be called from many goroutines.
package ner
