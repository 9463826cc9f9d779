package event

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Event is one coded interaction: who did what to whom, when and where,
// with the sentence and spans that prove it. Field names follow PLOVER;
// CAMEO, Goldstein and quad class stand alongside for GDELT users.
type Event struct {
	ID            string       `json:"id"`
	Article       ArticleRef   `json:"article"`
	Date          string       `json:"date"`                     // YYYY-MM-DD, when the event happened
	DatePrecision string       `json:"date_precision,omitempty"` // day, month or year: how much of Date the text gave
	Type          string       `json:"event_type"`
	Mode          string       `json:"mode"`
	Context       []string     `json:"context"`
	CAMEO         string       `json:"cameo"`
	Goldstein     float64      `json:"goldstein"`
	QuadClass     int          `json:"quad_class"`
	Actor         *Participant `json:"actor"`
	Recipient     *Participant `json:"recipient"`
	Location      *Place       `json:"location"`
	Sentence      string       `json:"sentence"`
	SentenceIndex int          `json:"sentence_index"`
	Evidence      Evidence     `json:"evidence"`
	Confidence    float64      `json:"confidence"`
	// Negated marks an event the text denies ("did not attack"); coders
	// leave such events out unless asked to keep them flagged.
	Negated bool `json:"negated,omitempty"`
	// Pattern is the lexicon entry (file:line) that coded the event.
	Pattern string `json:"pattern,omitempty"`
}

// ArticleRef names the article an event was coded from.
type ArticleRef struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD
	Site      string `json:"site,omitempty"`
}

// Participant is an actor or recipient as the text names it and as the
// knowledge base resolves it.
type Participant struct {
	Text     string `json:"text"`
	Code     string `json:"code"`               // CAMEO-style actor code, e.g. TURGOV
	Country  string `json:"country"`            // ISO 3166-1 alpha-3, or an organisation's code (NATO, UN)
	Sector   string `json:"sector"`             // GOV, MIL, COP, OPP, ... or ""
	Name     string `json:"name,omitempty"`     // canonical name of a known person or body
	Wikidata string `json:"wikidata,omitempty"` // Q-id when known
}

// Place is where an event happened, resolved to a GeoNames entry.
type Place struct {
	Name     string  `json:"name"`
	Country  string  `json:"country"` // ISO 3166-1 alpha-3
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
	GeoNames int     `json:"geonames,omitempty"`
}

// Evidence points into the article body: byte offsets [start, end).
type Evidence struct {
	Trigger       string `json:"trigger"`
	TriggerSpan   [2]int `json:"trigger_span"`
	ActorSpan     [2]int `json:"actor_span"`
	RecipientSpan [2]int `json:"recipient_span"`
}

// StableID derives an event's ID from what makes it this event: the
// article, the sentence, the trigger and the two actors. Coding the same
// article twice gives the same IDs, which is what makes storing idempotent.
func StableID(articleID string, sentenceIndex int, trigger [2]int, actorCode, recipientCode string) string {
	h := sha256.New()
	for _, s := range []string{articleID, strconv.Itoa(sentenceIndex), strconv.Itoa(trigger[0]), strconv.Itoa(trigger[1]), actorCode, recipientCode} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
