// Package nlp holds dyad's document model and its first stage: the
// tokenizer and sentence splitter.
//
// A Doc is the article body plus the annotations each stage adds: Segment
// fills Sentences and their Tokens; the tagger (nlp/tag) fills POS, XPOS and
// Lemma, the parser (nlp/parse) Head and Dep, the recogniser (nlp/ner)
// Entities. Every annotation points back into Doc.Text by byte offset, so
// evidence can always be shown in the original text.
//
// # Tokenization
//
// Tokens follow the Universal Dependencies English conventions (EWT, PUD):
// a token is a syntactic word. Clitics are split ("don't" -> "do" "n't",
// "Turkey's" -> "Turkey" "'s", "we’ll" -> "we" "’ll"), as are hyphenated
// compounds except after bound prefixes ("well-known" -> "well" "-"
// "known", but "co-operate", "e-mail", "non-state"), punctuation, "$" and
// "%" ("91%" -> "91" "%"). Numbers with separators ("400,000", "3.5",
// "10:30", "9/11"), abbreviations ("U.S.", "Dr.", "Jan."; "U.S.'s" is
// "U.S." "'s"), URLs, e-mail addresses, handles and hashtags ("@AzeMFA",
// "#Karabakh", one token each as in EWT) and emoticons stay whole. A UD multiword token is produced as
// its words, each spanning its part of the surface form ("can't" -> "ca"
// "n't"), which is how UD writes them too. Zero-width and word joiners
// belong to no token where nothing follows them to join ("\u200dParis",
// "Wikinews\u200d's"). Two sentences pasted together with no space after
// the period ("ended.The", captions run together as in "North
// Carolina.Image:") are split at it, as EWT splits "Sushi.They"; web
// domains ("Newsfeed.Com"), file names ("report.PDF") and "St.Petersburg"
// stay whole.
//
// # Sentences
//
// A paragraph break (a blank line) always ends a sentence, so headings are
// sentences of their own; so does a line break before a bullet ("•", "▪",
// "►" and the like, then a space), so list items are too. Within a paragraph a sentence ends at ".", "!",
// "?" or an ellipsis (with any closing quotes and brackets after it) when
// what follows looks like a sentence start: a capital letter, a digit, an
// opening quote or bracket. Abbreviations, initials ("J. R. R."), titles
// ("Dr. Aliyev"), "No. 5" and list numbers do not end sentences; an
// abbreviation that does end one ("in the U.S. The") gives up its period
// as a token of its own, as UD does. A period with no space on either side
// ends a sentence only where the tokenizer split two glued sentences.
//
// # Performance
//
// Segment scans the text once, byte by byte with UTF-8 decoding only off
// the ASCII path, and makes no per-token allocation: token texts are
// substrings of Doc.Text and all tokens of a document share one backing
// array. See BenchmarkSegment.
//
// # Concurrency
//
// Segment is a pure function over read-only tables; call it from any
// number of goroutines.
package nlp

// Span is a half-open range [Start, End) of byte offsets into Doc.Text.
type Span struct {
	Start, End int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Doc is one document (an article body) and its annotations.
type Doc struct {
	Text      string
	Sentences []Sentence
	Entities  []Entity
}

// Sentence is a run of tokens; its Span runs from its first token's start
// to its last token's end.
type Sentence struct {
	Span
	Tokens []Token
}

// SpanHead returns the head of the tokens [first, end): the first whose
// syntactic head lies outside them. ok is false when none does (an
// unparsed or out-of-range span).
func (s *Sentence) SpanHead(first, end int) (head int, ok bool) {
	for t := first; t < end && t < len(s.Tokens); t++ {
		if h := s.Tokens[t].Head - 1; h < first || h >= end {
			return t, true
		}
	}
	return 0, false
}

// Token is one syntactic word.
type Token struct {
	Text       string // Doc.Text[Span.Start:Span.End]
	Span       Span
	POS        string // Universal POS tag (UPOS), set by the tagger
	XPOS       string // Penn Treebank tag, set by the tagger
	Lemma      string // set by the tagger
	Head       int    // 1-based index of the head token in the sentence, 0 for the root, -1 until parsed
	Dep        string // dependency relation to Head, set by the parser
	SpaceAfter bool   // whether whitespace follows the token in Doc.Text
}

// Entity is a named entity mention: a run of whole tokens in one sentence.
type Entity struct {
	Span            // bytes from the first token's start to the last token's end
	Label    string // PER, ORG, LOC, GPE, ... (the recogniser's label set)
	Sentence int    // index in Doc.Sentences
	Tokens   [2]int // token range [first, last+1) within the sentence
}

// Text returns the entity's text as it stands in d.
func (e Entity) Text(d *Doc) string { return d.Text[e.Start:e.End] }

// Text returns the sentence's text as it stands in d.
func (s Sentence) Text(d *Doc) string { return d.Text[s.Start:s.End] }
