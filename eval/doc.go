// Package eval scores dyad against gold data: the main-text extraction
// metric of the article-extraction benchmark, and the scorers for the later
// stages (sentence splitting, CoNLL-U, spans, event records).
//
// Scorers take text and gold values and return plain numbers; reading the
// benchmark files and printing the figures is the job of 'dyad eval'.
package eval
