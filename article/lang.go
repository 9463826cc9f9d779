package article

import (
	"github.com/RadhiFadlillah/whatlanggo"
)

// langSample bounds the text handed to language detection: a few
// paragraphs decide the language and the cost stays flat in article size.
const langSample = 4096

// detectLang returns the ISO 639-1 code of the article's language, or ""
// when the detector is not confident.
func detectLang(a *Article) string {
	var sample []byte
	for _, p := range a.Paragraphs {
		if len(sample) >= langSample {
			break
		}
		sample = append(sample, p.Text...)
		sample = append(sample, ' ')
	}
	if len(sample) < 20 {
		return ""
	}
	info := whatlanggo.Detect(string(sample))
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
