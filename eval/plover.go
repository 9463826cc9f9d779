package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// PloverRecord is one gold record of the PLOVER GSR files: a sentence and
// the event a human coder found in it.
type PloverRecord struct {
	ID      string
	Text    string
	Event   string // as written in the file (PLOVER 0.5b1 names)
	Mode    string
	Source  []string // actor codes (ISO alpha-3, IGO, NGO...)
	Target  []string // recipient codes; empty when the event has none
	Sectors []string
}

// Tuple is what the PLOVER score compares: event type and the two
// countries (or organisation classes).
type Tuple struct {
	Type, Actor, Recipient string
}

// LoadPloverGSR reads a PLOVER GSR JSON array, skipping the DOCUMENT
// header record.
func LoadPloverGSR(path string) ([]PloverRecord, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var out []PloverRecord
	for i, r := range raw {
		var rec PloverRecord
		str := func(k string) string {
			var s string
			_ = json.Unmarshal(r[k], &s)
			return s
		}
		rec.ID, rec.Text, rec.Event, rec.Mode = str("id"), str("text"), str("event"), str("mode")
		if rec.Event == "DOCUMENT" || rec.Event == "" {
			continue
		}
		if rec.Text == "" {
			return nil, fmt.Errorf("%s: record %d (%s) has no text", path, i, rec.ID)
		}
		rec.Source = actorCodes(r["source"])
		rec.Target = actorCodes(r["target"])
		out = append(out, rec)
	}
	return out, nil
}

// actorCodes reads a source/target field: a list of {actorText, code,
// sector}, or null, or "".
func actorCodes(v json.RawMessage) []string {
	var list []struct {
		Code string `json:"code"`
	}
	if json.Unmarshal(v, &list) != nil {
		return nil
	}
	var out []string
	for _, a := range list {
		if a.Code != "" {
			out = append(out, a.Code)
		}
	}
	return out
}

// Gold returns the record's tuples with its event type mapped by
// normType (old names to current ones): one per source x target pair.
func (r PloverRecord) Gold(normType func(string) string) []Tuple {
	typ := normType(r.Event)
	var out []Tuple
	targets := r.Target
	if len(targets) == 0 {
		targets = []string{""}
	}
	for _, s := range r.Source {
		for _, t := range targets {
			out = append(out, Tuple{typ, normCode(s), normCode(t)})
		}
	}
	return out
}

// normCode folds the GSR's code quirks onto ISO: JAP is Japan.
func normCode(c string) string {
	switch c {
	case "JAP":
		return "JPN"
	}
	return c
}

// PloverScore is the outcome of scoring a coder on gold records.
type PloverScore struct {
	Records   int
	Tuples    SpanCounts // (type, actor, recipient) matches
	TypeRight int        // records whose top predicted type is the gold type
	Confusion map[string]map[string]int
}

// TypeAccuracy is the share of records whose top predicted event type is
// the gold type.
func (s PloverScore) TypeAccuracy() float64 { return segRatio(s.TypeRight, s.Records) }

// ScorePlover runs code on each record's sentence and compares tuples.
// code returns the predicted tuples, best first (the first gives the
// record's predicted type for type accuracy and the confusion table).
func ScorePlover(recs []PloverRecord, normType func(string) string, code func(PloverRecord) []Tuple) PloverScore {
	sc := PloverScore{Confusion: map[string]map[string]int{}}
	for _, r := range recs {
		gold := r.Gold(normType)
		pred := dedupTuples(code(r))
		sc.Records++
		sc.Tuples.Gold += len(gold)
		sc.Tuples.System += len(pred)
		left := map[Tuple]int{}
		for _, g := range gold {
			left[g]++
		}
		for _, p := range pred {
			if left[p] > 0 {
				left[p]--
				sc.Tuples.Correct++
			}
		}
		goldType := normType(r.Event)
		predType := "NONE"
		if len(pred) > 0 {
			predType = pred[0].Type
		}
		if predType == goldType {
			sc.TypeRight++
		}
		if sc.Confusion[goldType] == nil {
			sc.Confusion[goldType] = map[string]int{}
		}
		sc.Confusion[goldType][predType]++
	}
	return sc
}

func dedupTuples(ts []Tuple) []Tuple {
	seen := map[Tuple]bool{}
	out := ts[:0:0]
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// ConfusionTable renders the confusion counts: gold types as rows,
// predicted types as columns (NONE: nothing coded).
func (s PloverScore) ConfusionTable() string {
	rows := make([]string, 0, len(s.Confusion))
	colSet := map[string]bool{}
	for g, m := range s.Confusion {
		rows = append(rows, g)
		for p := range m {
			colSet[p] = true
		}
	}
	sort.Strings(rows)
	cols := make([]string, 0, len(colSet))
	for c := range colSet {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s", "gold\\pred")
	for _, c := range cols {
		fmt.Fprintf(&b, " %5.5s", c)
	}
	b.WriteByte('\n')
	for _, g := range rows {
		fmt.Fprintf(&b, "%-10s", g)
		for _, c := range cols {
			if n := s.Confusion[g][c]; n > 0 {
				fmt.Fprintf(&b, " %5d", n)
			} else {
				fmt.Fprintf(&b, " %5s", ".")
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}
