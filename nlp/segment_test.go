package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// words returns the token texts of d, sentences separated by "|".
func words(d *Doc) string {
	var b strings.Builder
	for i, s := range d.Sentences {
		if i > 0 {
			b.WriteString(" | ")
		}
		for k, t := range s.Tokens {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

func TestTokenize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Baku doesn't agree.", "Baku does n't agree ."},
		{"They can't, won't and ain't.", "They ca n't , wo n't and ai n't ."},
		{"Ankara's envoy", "Ankara 's envoy"},
		{"Ankara’s envoy we’ll see", "Ankara ’s envoy we ’ll see"},
		{"the ministers' talks", "the ministers ' talks"},
		{"I'm sure they'd say we've gone", "I 'm sure they 'd say we 've gone"},
		{"I cannot say, dont ask", "I can not say , do nt ask"},
		{"a well-known long-term deal", "a well - known long - term deal"},
		{"non-state actors e-mail co-operate", "non-state actors e-mail co-operate"},
		{"Call 555-123-4567 or 555-1234", "Call 555-123-4567 or 555-1234"},
		{"the 1990-1995 war, 3-4 times", "the 1990 - 1995 war , 3 - 4 times"},
		{"400,000 troops and 3.5 tanks at 10:30", "400,000 troops and 3.5 tanks at 10:30"},
		{"Turnout was 91% ($5 each).", "Turnout was 91 % ( $ 5 each ) ."},
		{"The U.S. and Dr. Aliyev met on Jan. 5", "The U.S. and Dr. Aliyev met on Jan. 5"},
		{"see http://example.org/a-b?c=1.", "see http://example.org/a-b?c=1 ."},
		{"(www.example.com)", "( www.example.com )"},
		{"mail envoy@example.org, now", "mail envoy@example.org , now"},
		{"great :) really", "great :) really"},
		{"Wait... what?! No…", "Wait ... what ?! | No …"},
		{"“Peace,” he said. 'Yes.'", "“ Peace , ” he said . | ' Yes . '"},
		{"``quoted'' text", "`` quoted '' text"},
		{"and/or he/she on 9/11", "and / or he / she on 9/11"},
		{"war--peace -- now", "war -- peace -- now"},
		{"at 5pm for $3bn", "at 5 pm for $ 3 bn"},
		{"fined US$500 and HK$1.5 million, not USA$ or U$5", "fined US$ 500 and HK$ 1.5 million , not USA$ or U$ 5"},
		{"the status of Vellmar[...] and friend(s), see note[2] or x{1}", "the status of Vellmar [ ... ] and friend ( s ) , see note [ 2 ] or x { 1 }"},
		{"the U.S.-Mexican border, a Va.-based firm", "the U.S. - Mexican border , a Va. - based firm"},
		{"the 21st century in the 1990s", "the 21st century in the 1990s"},
		{"=========== notes", "=========== notes"},
		{"in English: \u200dParis fell. \u2060\u200d", "in English : Paris fell ."},
		{"Inc.. Next", "Inc. . | Next"},
		{"on Wikinews\u200d's page, Paris\u200d.", "on Wikinews 's page , Paris ."},
		{"Floods hit North Carolina.Image: a road", "Floods hit North Carolina . | Image : a road"},
		{"It ended.The talks", "It ended . | The talks"},
		{"It ended.In 2009 it began", "It ended . | In 2009 it began"},
		{"via Newsfeed.Com, report.PDF, ASP.NET, St.Petersburg", "via Newsfeed.Com , report.PDF , ASP.NET , St.Petersburg"},
		{"mail Kyle.Jones@ra or Amazon.com", "mail Kyle.Jones@ra or Amazon.com"},
		{"the U.K.'s envoy and the U.S.’s", "the U.K. 's envoy and the U.S. ’s"},
		{"follow @AzeMFA, #Karabakh @ 5", "follow @AzeMFA , #Karabakh @ 5"},
		{"deployed Jan.-Feb. 2020, a well-known.", "deployed Jan. - Feb. 2020 , a well - known ."},
	} {
		if got := words(Segment(tc.in)); got != tc.want {
			t.Errorf("Segment(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The talks ended. Both sides left.", "The talks ended . | Both sides left ."},
		{"Did they agree? No! They did not.", "Did they agree ? | No ! | They did not ."},
		{"He said: \"We will stay.\" Then he left.", "He said : \" We will stay . \" | Then he left ."},
		{"\"Why?\" he asked.", "\" Why ? \" he asked ."},
		{"Dr. Aliyev met Mr. Erdogan in Baku.", "Dr. Aliyev met Mr. Erdogan in Baku ."},
		{"Pfc. Lynn Ames met Spc. Carl Grady and the Rt. Hon. Ada Brook.", "Pfc. Lynn Ames met Spc. Carl Grady and the Rt. Hon. Ada Brook ."},
		{"J. R. R. Tolkien wrote it. George W. Bush read it.", "J. R. R. Tolkien wrote it . | George W. Bush read it ."},
		{"Resolution No. 5 passed. It was late.", "Resolution No. 5 passed . | It was late ."},
		{"They met in the U.S. The talks failed.", "They met in the U.S . | The talks failed ."},
		{"The U.S. Army moved in.", "The U.S. Army moved in ."},
		{"Rates rose 2.5 per cent. Shares fell.", "Rates rose 2.5 per cent . | Shares fell ."},
		{"Headline Without Period\n\nThe body starts here. It goes on.", "Headline Without Period | The body starts here . | It goes on ."},
		{"First paragraph ends\n  \n\nsecond one", "First paragraph ends | second one"},
		{"1. The first point. 2. The second point.", "1 . The first point . | 2 . The second point ."},
		{"It rose (by 5%). Then it fell.", "It rose ( by 5 % ) . | Then it fell ."},
		{"The army attacked at 5 a.m. on Monday.", "The army attacked at 5 a.m. on Monday ."},
		{"He was born c. 1900 (c. €1bn) in Baku. Take vitamin c. The rest.", "He was born c. 1900 ( c. € 1 bn ) in Baku . | Take vitamin c . | The rest ."},
		{"where did you go? home? ok.", "where did you go ? | home ? | ok ."},
		{"Talks with Apple Inc. and others", "Talks with Apple Inc. and others"},
		{"They made tea, bread, etc. Then they ate.", "They made tea , bread , etc . | Then they ate ."},
		{"line one\nline two", "line one line two"},
		{"Pledges made\n• Turkey pledged support\n• Armenia objected", "Pledges made | • Turkey pledged support | • Armenia objected"},
		{"a list of •items\n•not bullets", "a list of • items • not bullets"},
		{"", ""},
		{"   \n\n  ", ""},
	} {
		if got := words(Segment(tc.in)); got != tc.want {
			t.Errorf("Segment(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	text := "  The envoy’s visit—brief—ended.\n\nBaku didn't comment. "
	d := Segment(text)
	if len(d.Sentences) != 2 {
		t.Fatalf("%d sentences, want 2: %s", len(d.Sentences), words(d))
	}
	for _, s := range d.Sentences {
		if got := s.Text(d); got != text[s.Start:s.End] || strings.TrimSpace(got) != got {
			t.Errorf("sentence span %v = %q", s.Span, got)
		}
		for _, tok := range s.Tokens {
			if tok.Text != text[tok.Span.Start:tok.Span.End] || tok.Head != -1 {
				t.Errorf("token %+v", tok)
			}
		}
	}
	last := d.Sentences[1].Tokens
	if last[len(last)-1].SpaceAfter != true || last[1].SpaceAfter != false || last[0].SpaceAfter != true {
		t.Errorf("SpaceAfter wrong: %+v", last)
	}
}

// checkDoc verifies the invariants every Segment result must hold.
func checkDoc(t *testing.T, text string, d *Doc) {
	t.Helper()
	covered := make([]bool, len(text))
	prev := 0
	for si, s := range d.Sentences {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d is empty", si)
		}
		if s.Start != s.Tokens[0].Span.Start || s.End != s.Tokens[len(s.Tokens)-1].Span.End {
			t.Fatalf("sentence %d span %v does not match its tokens", si, s.Span)
		}
		for _, tok := range s.Tokens {
			sp := tok.Span
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("bad token span %v after %d in %q", sp, prev, text)
			}
			if tok.Text != text[sp.Start:sp.End] {
				t.Fatalf("token text %q != text at %v", tok.Text, sp)
			}
			for i := sp.Start; i < sp.End; i++ {
				covered[i] = true
			}
			prev = sp.End
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		// Spaces and joiners with nothing to join (see trimJoiners)
		// belong to no token; every other byte to one.
		if !covered[i] && !(r != utf8.RuneError && (isSpace(r) || r == '\u200d' || r == '\u2060')) {
			t.Fatalf("byte %d (%q) of %q is not covered by a token", i, text[i:i+size], text)
		}
		if covered[i] && r != utf8.RuneError && unicode.IsSpace(r) && r != '\u00a0' {
			t.Fatalf("space at byte %d is inside a token of %q", i, text)
		}
		i += size
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"The envoy's visit ended. Baku didn't comment.",
		"“Quote,” he said... (U.S.) http://x.org/a.b).",
		"a\xffb \xe2\x80 don’t 5pm--now :) ''x''",
		"J. R. R. Tolkien\n\nNo. 5 etc.. Inc. The",
		"non-state 555-123-4567 9/11 and/or ‘’Why’’",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkDoc(t, text, Segment(text))
	})
}

func TestSegmentInvariantsOnTreebank(t *testing.T) {
	text := readTreebankText(t, "en_ewt-ud-dev.conllu")
	checkDoc(t, text, Segment(text))
}

// readTreebankText rebuilds raw text from a UD file's "# text" lines, a
// blank line between documents, or skips when the data is absent.
func readTreebankText(tb testing.TB, name string) string {
	p := filepath.Join("..", "..", "shared", "data", "ud-english", name)
	data, err := os.ReadFile(p)
	if err != nil {
		tb.Skipf("UD English data absent (%v): see /work/shared/data/README.md", err)
	}
	var b strings.Builder
	for line := range strings.Lines(string(data)) {
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			b.WriteString("\n\n")
		case strings.HasPrefix(line, "# text = "):
			b.WriteString(strings.TrimSpace(line[len("# text = "):]))
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkSegment segments the raw text of EWT dev (web text: e-mail,
// reviews, blogs) and the PUD news sentences, and reports sentences per second.
func BenchmarkSegment(b *testing.B) {
	text := readTreebankText(b, "en_ewt-ud-dev.conllu") + "\n\n" + readTreebankText(b, "en_pud-ud-test.conllu")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	sents, toks := 0, 0
	for b.Loop() {
		d := Segment(text)
		sents += len(d.Sentences)
		for _, s := range d.Sentences {
			toks += len(s.Tokens)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)/sec, "sentences/s")
	b.ReportMetric(float64(toks)/sec, "tokens/s")
}
