package server

import (
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/store"
)

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }

func TestParseRelations(t *testing.T) {
	for _, c := range []struct {
		q       string
		a, b    string
		by      store.Period
		wantErr string
	}{
		{q: "a=aze&b=tur", a: "AZE", b: "TUR", by: store.Month},
		{q: "a=Country:aze&b=code:turgov&by=WEEK", a: "country:AZE", b: "code:TURGOV", by: store.Week},
		{q: "a=AZE&b=code:", wantErr: `"b"`},
		{q: "b=TUR", wantErr: `"a"`},
		{q: "a=AZE&b=TUR&by=decade", wantErr: `"by"`},
		{q: "a=AZE&b=TUR&x=1", wantErr: `"x"`},
	} {
		v, _ := url.ParseQuery(c.q)
		q, err := ParseRelations(v)
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("%s: error %v, want one naming %s", c.q, err, c.wantErr)
			}
			continue
		}
		if err != nil || q.A != c.a || q.B != c.b || q.By != c.by || q.TopTypes != 3 {
			t.Errorf("%s: %+v, %v", c.q, q, err)
		}
	}
}

func TestLocate(t *testing.T) {
	// The sentence starts at byte 100 of some body; "met" occurs twice and
	// only the actor's text tells the clauses apart.
	mk := func(actor, trig string, ts, as, rs [2]int) *store.StoredEvent {
		e := &store.StoredEvent{}
		e.Sentence = "Δ met Ω, and Σ met Ω again."
		e.Actor = &event.Participant{Text: actor}
		e.Recipient = &event.Participant{Text: "Ω"}
		e.Evidence = event.Evidence{Trigger: trig, TriggerSpan: ts, ActorSpan: as, RecipientSpan: rs}
		return e
	}
	// The second "met" (byte 18 of the sentence) is the trigger.
	h := Locate(mk("Σ", "met", [2]int{118, 121}, [2]int{115, 117}, [2]int{122, 124}))
	if h == nil || h.SentenceStart != 100 || h.Trigger != [2]int{18, 21} || h.Actor != [2]int{15, 17} {
		t.Errorf("second clause: %+v", h)
	}
	h = Locate(mk("Δ", "met", [2]int{103, 106}, [2]int{100, 102}, [2]int{107, 109}))
	if h == nil || h.SentenceStart != 100 || h.Recipient != [2]int{7, 9} {
		t.Errorf("first clause: %+v", h)
	}
	if h := Locate(mk("Δ", "met", [2]int{103, 106}, [2]int{100, 102}, [2]int{900, 902})); h != nil {
		t.Errorf("recipient outside the sentence placed: %+v", h)
	}
	if h := Locate(mk("Δ", "", [2]int{}, [2]int{}, [2]int{})); h != nil {
		t.Errorf("no evidence placed: %+v", h)
	}
}

// FuzzParseEvents: query strings come from any client.
func FuzzParseEvents(f *testing.F) {
	for _, s := range []string{"actor=USA&limit=5", "quad=9", "since=2020-01-01&until=2019-01-01", "cursor=2020-01-01_5", "q=%FF%FE", "limit=99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := url.ParseQuery(s)
		if err != nil {
			return
		}
		fl, p, err := ParseEvents(v)
		if err != nil {
			if _, ok := err.(*paramError); !ok {
				t.Fatalf("%q: error %T %v is not a parameter error", s, err, err)
			}
			return
		}
		if fl.Validate() != nil || p.Limit < 0 || p.Limit > store.MaxLimit {
			t.Fatalf("%q: accepted invalid %+v %+v", s, fl, p)
		}
	})
}

// FuzzParseRelations: every accepted query must pass the store's check.
func FuzzParseRelations(f *testing.F) {
	for _, s := range []string{"a=AZE&b=TUR", "a=code:X&b=country:Y&by=day", "a=:&b=:", "a=AZE&b=TUR&top=21"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := url.ParseQuery(s)
		if err != nil {
			return
		}
		q, err := ParseRelations(v)
		if err != nil {
			if _, ok := err.(*paramError); !ok {
				t.Fatalf("%q: error %T is not a parameter error", s, err)
			}
			return
		}
		if err := q.Validate(); err != nil {
			t.Fatalf("%q: accepted %+v the store rejects: %v", s, q, err)
		}
	})
}

// FuzzLocate: spans come from stored data; no placement may cut outside the
// sentence.
func FuzzLocate(f *testing.F) {
	f.Add("Türkiye met Azerbaijan.", "met", 108, 111, 100, 108, 112, 123)
	f.Add("a a a", "a", 2, 3, 0, 1, 4, 5)
	f.Fuzz(func(t *testing.T, sent, trig string, t0, t1, a0, a1, r0, r1 int) {
		e := &store.StoredEvent{}
		e.Sentence = sent
		e.Actor = &event.Participant{Text: "x"}
		e.Recipient = &event.Participant{}
		e.Evidence = event.Evidence{Trigger: trig, TriggerSpan: [2]int{t0, t1}, ActorSpan: [2]int{a0, a1}, RecipientSpan: [2]int{r0, r1}}
		h := Locate(e)
		if h == nil {
			return
		}
		for _, sp := range [][2]int{h.Actor, h.Trigger, h.Recipient} {
			if sp[0] < 0 || sp[1] < sp[0] || sp[1] > len(sent) {
				t.Fatalf("span %v outside %q", sp, sent)
			}
		}
		if trig != "" && sent[h.Trigger[0]:h.Trigger[1]] != trig {
			t.Fatalf("trigger at %v is %q, want %q", h.Trigger, sent[h.Trigger[0]:h.Trigger[1]], trig)
		}
		_ = utf8.ValidString
	})
}
