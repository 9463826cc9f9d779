package server

import (
	"strings"

	"github.com/dyad-events/dyad/store"
)

// Highlight places an event's evidence inside its sentence. Spans are byte
// offsets [start, end) into the sentence (UTF-8), as the article spans are
// into the body; [0, 0] when the part is absent. The web UI converts them to
// JavaScript's UTF-16 indices.
type Highlight struct {
	// SentenceStart is the byte offset of the sentence in the article body.
	SentenceStart int    `json:"sentence_start"`
	Actor         [2]int `json:"actor"`
	Trigger       [2]int `json:"trigger"`
	Recipient     [2]int `json:"recipient"`
}

// apiEvent is a stored event as the API returns it: the record plus where
// its evidence sits in its sentence (omitted when the spans do not fit the
// sentence).
type apiEvent struct {
	store.StoredEvent
	Highlight *Highlight `json:"highlight,omitempty"`
}

func withHighlight(e store.StoredEvent) apiEvent {
	return apiEvent{StoredEvent: e, Highlight: Locate(&e)}
}

// Locate finds where an event's sentence starts in its article body from
// the evidence alone (the body is not needed): the trigger's text must sit
// at its span, and where the actor's text is known it must sit at its span
// too. It returns nil when no placement fits.
func Locate(e *store.StoredEvent) *Highlight {
	ev := e.Evidence
	trig := ev.Trigger
	if trig == "" || ev.TriggerSpan[1]-ev.TriggerSpan[0] != len(trig) {
		// A trigger given as a lemma: place by the actor text instead.
		if e.Actor == nil || e.Actor.Text == "" || ev.ActorSpan[1]-ev.ActorSpan[0] != len(e.Actor.Text) {
			return nil
		}
		return locateBy(e, e.Actor.Text, ev.ActorSpan[0])
	}
	return locateBy(e, trig, ev.TriggerSpan[0])
}

// locateBy tries each occurrence of needle in the sentence as the one at
// body offset at, keeping the first placement where every span fits.
func locateBy(e *store.StoredEvent, needle string, at int) *Highlight {
	s := e.Sentence
	for from := 0; from <= len(s); {
		i := strings.Index(s[from:], needle)
		if i < 0 {
			return nil
		}
		i += from
		if h := place(e, at-i); h != nil {
			return h
		}
		from = i + 1
	}
	return nil
}

// place checks a sentence start: every present span inside the sentence,
// the actor's and recipient's texts (when given, ignoring case) where their spans say.
func place(e *store.StoredEvent, start int) *Highlight {
	if start < 0 {
		return nil
	}
	s := e.Sentence
	ev := e.Evidence
	rel := func(sp [2]int, text string, present bool) ([2]int, bool) {
		if !present || sp == [2]int{} {
			return [2]int{}, true
		}
		a, b := sp[0]-start, sp[1]-start
		if a < 0 || b < a || b > len(s) {
			return [2]int{}, false
		}
		if text != "" && b-a == len(text) && !strings.EqualFold(s[a:b], text) {
			return [2]int{}, false
		}
		return [2]int{a, b}, true
	}
	h := &Highlight{SentenceStart: start}
	var ok bool
	if h.Trigger, ok = rel(ev.TriggerSpan, ev.Trigger, true); !ok {
		return nil
	}
	at := ""
	if e.Actor != nil {
		at = e.Actor.Text
	}
	if h.Actor, ok = rel(ev.ActorSpan, at, e.Actor != nil); !ok {
		return nil
	}
	rt := ""
	if e.Recipient != nil {
		rt = e.Recipient.Text
	}
	if h.Recipient, ok = rel(ev.RecipientSpan, rt, e.Recipient != nil); !ok {
		return nil
	}
	return h
}
