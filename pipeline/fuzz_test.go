package pipeline

import (
	"testing"
	"time"

	"github.com/dyad-events/dyad/article"
)

// FuzzProcess runs arbitrary text through every stage (segmenter, tagger,
// parser, recognizer, actors, coder): nothing may panic, and every event's
// evidence spans must lie inside the document text.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"Turkey and Azerbaijan signed a trade agreement on Monday.",
		"The Umma party said it will boycott Peru's multi-party talks unless the president resigns.",
		"Bosnian Croats blocked the highway. Ethnic Russians demonstrated in Estonia.",
		"Chile threatened to close the border unless Peru accepted its terms for ending the dispute.",
		"It said they (NUT) had called off a two-week strike in 1964, on 12 May, in the capital city of Lima.",
		"multi-party -party - -- 's 's ( ) Chile-Peru anti-Chile pro-",
		"",
	} {
		f.Add(s)
	}
	p := load(f)
	p.Published = time.Date(2005, 6, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 2000 {
			return
		}
		a := &article.Article{ID: "fuzz", Paragraphs: []article.Paragraph{{Text: text}}}
		res := p.Process(a)
		n := len(res.Doc.Text)
		for _, e := range res.Events {
			for _, sp := range [][2]int{e.Evidence.TriggerSpan, e.Evidence.ActorSpan, e.Evidence.RecipientSpan} {
				if sp[0] < 0 || sp[1] < sp[0] || sp[1] > n {
					t.Fatalf("span %v outside the %d-byte text %q (event %s %s)", sp, n, res.Doc.Text, e.Type, e.Evidence.Trigger)
				}
			}
		}
	})
}
