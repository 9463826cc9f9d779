package nlp

import "strings"

// FromWords lays out given tokens as a document, for running the later
// stages on gold tokenization (CoNLL-U, IOB files): words are joined by
// spaces and sentences by newlines, one Sentence per slice, every token
// unparsed (Head -1).
func FromWords(sentences [][]string) *Doc {
	var b strings.Builder
	d := &Doc{Sentences: make([]Sentence, 0, len(sentences))}
	for si, words := range sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		s := Sentence{Tokens: make([]Token, len(words))}
		s.Start = b.Len()
		for i, w := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			s.Tokens[i] = Token{Span: Span{Start: start, End: b.Len()}, Head: -1, SpaceAfter: i+1 < len(words)}
		}
		s.End = b.Len()
		d.Sentences = append(d.Sentences, s)
	}
	d.Text = b.String()
	for si := range d.Sentences {
		for i := range d.Sentences[si].Tokens {
			t := &d.Sentences[si].Tokens[i]
			t.Text = d.Text[t.Span.Start:t.Span.End]
		}
	}
	return d
}
