package event

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/nlp"
)

// parsed builds a one-sentence document from hand-parsed rows
// "form UPOS lemma head dep" (head 1-based, 0 root), and mentions from
// "first last code country sector" rows (token indices 0-based, last
// exclusive; country "-" for none).
func parsed(t *testing.T, rows []string, mentions ...string) Input {
	t.Helper()
	var b strings.Builder
	var toks []nlp.Token
	for i, r := range rows {
		f := strings.Fields(r)
		if len(f) != 5 {
			t.Fatalf("row %q", r)
		}
		if i > 0 && f[0] != "." && f[0] != "," && f[0] != "'s" {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(f[0])
		head, _ := strconv.Atoi(f[3])
		pos, xpos, _ := strings.Cut(f[1], "/") // "VERB/VBG": UPOS and XPOS
		toks = append(toks, nlp.Token{Text: f[0], Span: nlp.Span{Start: start, End: b.Len()}, POS: pos, XPOS: xpos, Lemma: f[2], Head: head, Dep: f[4]})
	}
	d := &nlp.Doc{Text: b.String(), Sentences: []nlp.Sentence{{Span: nlp.Span{Start: 0, End: b.Len()}, Tokens: toks}}}
	in := Input{Article: ArticleRef{ID: "test"}, Published: time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC), Doc: d}
	for _, m := range mentions {
		f := strings.Fields(m)
		a, _ := strconv.Atoi(f[0])
		z, _ := strconv.Atoi(f[1])
		sector := ""
		if len(f) > 4 {
			sector = f[4]
		}
		if f[3] == "-" {
			f[3] = "" // a mention the knowledge base cannot place
		}
		in.Mentions = append(in.Mentions, actor.Mention{Tokens: [2]int{a, z},
			Span:  nlp.Span{Start: toks[a].Span.Start, End: toks[z-1].Span.End},
			Text:  d.Text[toks[a].Span.Start:toks[z-1].Span.End],
			Actor: actor.Actor{Code: f[2], Country: f[3], Sector: sector}})
	}
	return in
}

func testCoder(t *testing.T) *Coder {
	t.Helper()
	c, err := NewCoder()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// summary renders events as "TYPE ACTOR>RECIPIENT DATE" for comparison.
func summary(evs []Event) []string {
	var out []string
	for _, e := range evs {
		r := "-"
		if e.Recipient != nil {
			r = e.Recipient.Code
		}
		out = append(out, e.Type+" "+e.Actor.Code+">"+r+" "+e.Date)
	}
	return out
}

func TestCoderGrammar(t *testing.T) {
	tests := []struct {
		name     string
		rows     []string
		mentions []string
		want     []string
	}{
		{
			name: "active with oblique recipient and date",
			rows: []string{
				"Turkey PROPN Turkey 2 nsubj", "signed VERB sign 0 root", "an DET a 4 det", "agreement NOUN agreement 2 obj",
				"with ADP with 6 case", "Azerbaijan PROPN Azerbaijan 2 obl", "on ADP on 9 case", "1 NUM 1 9 nummod",
				"March PROPN March 2 obl", ". PUNCT . 2 punct",
			},
			mentions: []string{"0 1 TUR TUR", "5 6 AZE AZE"},
			want:     []string{"AGREE TUR>AZE 2021-03-01"},
		},
		{
			name: "passive: the agent is the actor",
			rows: []string{
				"Armenia PROPN Armenia 3 nsubj:pass", "was AUX be 3 aux:pass", "attacked VERB attack 0 root",
				"by ADP by 5 case", "Azerbaijan PROPN Azerbaijan 3 obl:agent", ". PUNCT . 3 punct",
			},
			mentions: []string{"0 1 ARM ARM", "4 5 AZE AZE"},
			want:     []string{"ASSAULT AZE>ARM 2021-03-05"},
		},
		{
			name: "negation is not coded",
			rows: []string{
				"Turkey PROPN Turkey 4 nsubj", "did AUX do 4 aux", "not PART not 4 advmod", "attack VERB attack 0 root",
				"Armenia PROPN Armenia 4 obj", ". PUNCT . 4 punct",
			},
			mentions: []string{"0 1 TUR TUR", "4 5 ARM ARM"},
		},
		{
			name: "hypothetical modal is not coded",
			rows: []string{
				"Turkey PROPN Turkey 3 nsubj", "could AUX could 3 aux", "attack VERB attack 0 root",
				"Armenia PROPN Armenia 3 obj", ". PUNCT . 3 punct",
			},
			mentions: []string{"0 1 TUR TUR", "3 4 ARM ARM"},
		},
		{
			name: "reported speech codes the reported act",
			rows: []string{
				"Russia PROPN Russia 2 nsubj", "said VERB say 0 root", "Turkey PROPN Turkey 5 nsubj", "had AUX have 5 aux",
				"attacked VERB attack 2 ccomp", "Armenia PROPN Armenia 5 obj", ". PUNCT . 2 punct",
			},
			mentions: []string{"0 1 RUS RUS", "2 3 TUR TUR", "5 6 ARM ARM"},
			want:     []string{"ASSAULT TUR>ARM 2021-03-05"},
		},
		{
			name: "compound actor: both sides",
			rows: []string{
				"Georgia PROPN Georgia 4 nsubj", "and CCONJ and 3 cc", "Armenia PROPN Armenia 1 conj", "visited VERB visit 0 root",
				"Turkey PROPN Turkey 4 obj", ". PUNCT . 4 punct",
			},
			mentions: []string{"0 1 GEO GEO", "2 3 ARM ARM", "4 5 TUR TUR"},
			want:     []string{"CONSULT GEO>TUR 2021-03-05", "CONSULT ARM>TUR 2021-03-05"},
		},
		{
			name: "compound actor with no recipient: each coded, no recipient (as PLOVER's gold records do)",
			rows: []string{
				"Georgia PROPN Georgia 4 nsubj", "and CCONJ and 3 cc", "Armenia PROPN Armenia 1 conj", "signed VERB sign 0 root",
				"a DET a 6 det", "treaty NOUN treaty 4 obj", ". PUNCT . 4 punct",
			},
			mentions: []string{"0 1 GEO GEO", "2 3 ARM ARM"},
			want:     []string{"AGREE GEO>- 2021-03-05", "AGREE ARM>- 2021-03-05"},
		},
		{
			name: "nominal: possessor is the actor",
			rows: []string{
				"Turkey PROPN Turkey 3 nmod:poss", "'s PART 's 1 case", "support NOUN support 6 nsubj", "to ADP to 5 case",
				"Azerbaijan PROPN Azerbaijan 3 nmod", "grew VERB grow 0 root", ". PUNCT . 6 punct",
			},
			mentions: []string{"0 1 TUR TUR", "4 5 AZE AZE"},
			want:     []string{"SUPPORT TUR>AZE 2021-03-05"},
		},
		{
			name: "intention: agreeing to visit is AGREE, the visit is not coded",
			rows: []string{
				"Turkey PROPN Turkey 2 nsubj", "agreed VERB agree 0 root", "to PART to 4 mark", "visit VERB visit 2 xcomp",
				"Georgia PROPN Georgia 4 obj", ". PUNCT . 2 punct",
			},
			mentions: []string{"0 1 TUR TUR", "4 5 GEO GEO"},
			want:     []string{"AGREE TUR>GEO 2021-03-05"},
		},
		{
			name: "control: a coordinated verb shares the subject",
			rows: []string{
				"Turkey PROPN Turkey 2 nsubj", "met VERB meet 0 root", "and CCONJ and 4 cc", "praised VERB praise 2 conj",
				"Georgia PROPN Georgia 4 obj", ". PUNCT . 2 punct",
			},
			mentions: []string{"0 1 TUR TUR", "4 5 GEO GEO"},
			want:     []string{"CONSULT TUR>GEO 2021-03-05", "SUPPORT TUR>GEO 2021-03-05"},
		},
	}
	tests = append(tests, []struct {
		name     string
		rows     []string
		mentions []string
		want     []string
	}{
		{
			name: "future: an announced visit is AGREE",
			rows: []string{
				"Turkey PROPN Turkey 3 nsubj", "will AUX will 3 aux", "visit VERB visit 0 root",
				"Georgia PROPN Georgia 3 obj", ". PUNCT . 3 punct",
			},
			mentions: []string{"0 1 TUR TUR", "3 4 GEO GEO"},
			want:     []string{"AGREE TUR>GEO 2021-03-05"},
		},
		{
			name: "unknown victims make a domestic event",
			rows: []string{
				"Egyptian ADJ Egyptian 2 amod", "police NOUN police 3 nsubj", "arrested VERB arrest 0 root",
				"twelve NUM twelve 5 nummod", "protesters NOUN protester 3 obj", ". PUNCT . 3 punct",
			},
			mentions: []string{"0 2 EGYCOP EGY COP"},
			want:     []string{"COERCE EGYCOP>EGY 2021-03-05"},
		},
		{
			name: "demanded that X act: X is the recipient",
			rows: []string{
				"Poland PROPN Poland 2 nsubj", "demanded VERB demand 0 root", "that SCONJ that 5 mark",
				"Russia PROPN Russia 5 nsubj", "apologize VERB apologize 2 ccomp", ". PUNCT . 2 punct",
			},
			mentions: []string{"0 1 POL POL", "3 4 RUS RUS"},
			want:     []string{"REQUEST POL>RUS 2021-03-05"},
		},
		{
			name: "a second subject after the verb is its object",
			rows: []string{
				"Israeli ADJ Israeli 2 amod", "police NOUN police 3 nsubj", "arrested VERB arrest 0 root",
				"100 NUM 100 5 nummod", "Palestinians PROPN Palestinian 3 nsubj", ". PUNCT . 3 punct",
			},
			mentions: []string{"0 2 ISRCOP ISR COP", "4 5 PSE PSE"},
			want:     []string{"COERCE ISRCOP>PSE 2021-03-05"},
		},
		{
			name: "a gerund under 'because of' is the reason, not an event",
			rows: []string{
				"Canada PROPN Canada 2 nsubj", "expelled VERB expel 0 root", "envoys NOUN envoy 2 obj",
				"because SCONJ because 6 mark", "of ADP of 4 fixed", "killing VERB/VBG kill 2 advcl",
				"protesters NOUN protester 6 obj", "in ADP in 9 case", "Iran PROPN Iran 7 nmod", ". PUNCT . 2 punct",
			},
			mentions: []string{"0 1 CAN CAN", "8 9 IRN IRN"},
			want:     []string{"SANCTION CAN>IRN 2021-03-05"},
		},
		{
			name: "the purpose the parser hung on a time phrase still gives the recipient",
			rows: []string{
				"Uzbekistan PROPN Uzbekistan 2 nsubj", "opened VERB open 0 root", "the DET the 4 det", "border NOUN border 2 obj",
				"after ADP after 7 case", "four NUM four 7 nummod", "years NOUN year 2 obl", "to PART to 9 mark",
				"allow VERB allow 7 acl", "aid NOUN aid 9 obj", "to ADP to 12 case", "Afghanistan PROPN Afghanistan 9 obl",
				". PUNCT . 2 punct",
			},
			mentions: []string{"0 1 UZB UZB", "11 12 AFG AFG"},
			want:     []string{"RETREAT UZB>AFG 2021-03-05"},
		},
		{
			name: "what a demand puts off with 'before' has not happened",
			rows: []string{
				"Serbs PROPN Serb 2 nsubj", "demanded VERB demand 0 root", "a DET a 4 det", "truce NOUN truce 2 obj",
				"before SCONJ before 6 mark", "allowing VERB allow 4 acl", "UN PROPN UN 8 compound", "aid NOUN aid 6 obj",
				"to ADP to 10 case", "Bosnia PROPN Bosnia 8 nmod", ". PUNCT . 2 punct",
			},
			mentions: []string{"0 1 SRB SRB", "6 7 UN UN", "9 10 BIH BIH"},
			want:     []string{"REQUEST SRB>UN 2021-03-05"},
		},
	}...)
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summary(c.Code(parsed(t, tt.rows, tt.mentions...)))
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFindDates(t *testing.T) {
	pub := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC) // a Friday
	tests := []struct {
		text, date, prec string
	}{
		{"with Erdogan's attendance on 10 December.", "2020-12-10", PrecisionDay},
		{"an agreement that came into force on 1 March will", "2021-03-01", PrecisionDay},
		{"This was on display in 2009, when", "2009-01-01", PrecisionYear},
		{"In December, along with several other parties", "2020-12-01", PrecisionMonth},
		{"on December 10, 2019 the", "2019-12-10", PrecisionDay},
		{"talks in March 2020 ended", "2020-03-01", PrecisionMonth},
		{"the minister said on Tuesday", "2021-03-02", PrecisionDay},
		{"they met last Friday", "2021-02-26", PrecisionDay},
		{"ministers met yesterday", "2021-03-04", PrecisionDay},
		{"on 2021-01-15 they", "2021-01-15", PrecisionDay},
		{"May we ask", "", ""},
		{"on 31 February", "", ""},
	}
	for _, tt := range tests {
		ds := findDates(tt.text, 0, pub)
		date, prec := "", ""
		if len(ds) > 0 {
			date, prec = ds[0].date.Format("2006-01-02"), ds[0].precision
		}
		if date != tt.date || prec != tt.prec {
			t.Errorf("findDates(%q) = %s %s, want %s %s", tt.text, date, prec, tt.date, tt.prec)
		}
	}
}

// TestFindDatesAhead checks where a date with no year or week of its own
// falls for an act announced for later.
func TestFindDatesAhead(t *testing.T) {
	pub := time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC) // a Friday
	tests := []struct {
		text, back, ahead string // ahead "" when the expression is fixed
	}{
		{"will meet in June", "2020-06-01", "2021-06-01"},
		{"will meet in March", "2021-03-01", "2021-03-01"},
		{"will meet in February", "2021-02-01", "2022-02-01"},
		{"will sign on 10 December", "2020-12-10", "2021-12-10"},
		{"will sign on 7 March", "2021-03-07", "2021-03-07"},
		{"will visit on Tuesday", "2021-03-02", "2021-03-09"},
		{"will visit next Tuesday", "2021-03-09", ""},
		{"met last Tuesday", "2021-03-02", ""},
		{"will sign on 10 December 2021", "2021-12-10", ""},
	}
	for _, tt := range tests {
		ds := findDates(tt.text, 0, pub)
		if len(ds) == 0 {
			t.Errorf("findDates(%q): no date", tt.text)
			continue
		}
		ahead := ""
		if !ds[0].ahead.IsZero() {
			ahead = ds[0].ahead.Format("2006-01-02")
		}
		if back := ds[0].date.Format("2006-01-02"); back != tt.back || ahead != tt.ahead {
			t.Errorf("findDates(%q) = %s, ahead %q; want %s, ahead %q", tt.text, back, ahead, tt.back, tt.ahead)
		}
	}
}
