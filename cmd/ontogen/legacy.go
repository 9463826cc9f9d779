package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/event"
)

type legacyRow struct {
	oldType, oldMode, typ, mode, reason string
	seen                                map[string]bool
}

// legacyTypes map the PLOVER names of version 0.5b1 (the GSR) and of the
// stale plover_reference.html to the 2021 codebook's.
var legacyTypes = []legacyRow{
	{oldType: "DEMAND", typ: "REQUEST", reason: "renamed: CAMEO 10 DEMAND is REQUEST in CAMEO2PLOVER-2021 and the codebook (PLOVER commit 'replace incorrect DEMAND refs with REQUEST')"},
	{oldType: "DISAPPROVE", typ: "ACCUSE", mode: "disapprove", reason: "0.5b1 DISAPPROVE is CAMEO 11; CAMEO2PLOVER-2021 maps 110-113 to ACCUSE disapprove (1121-1125, 114, 115 to ACCUSE allege)"},
	{oldType: "INVESTIGATE", typ: "ACCUSE", mode: "investigate", reason: "0.5b1 INVESTIGATE is CAMEO 09; CAMEO2PLOVER-2021 maps 090-094 to ACCUSE investigate and the codebook lists all investigations under ACCUSE"},
	{oldType: "FIGHT", typ: "ASSAULT", reason: "0.5b1 FIGHT is CAMEO 19 and 20 (military force, mass violence); CAMEO2PLOVER-2021 maps both roots to ASSAULT"},
	{oldType: "CRIME", reason: "no current type: the codebook's 'A note on CRIME' removed it; code a crime as its act (usually ASSAULT or COERCE) with the crime or illegal_drugs context"},
}

// legacyCrossModes are old type+mode pairs whose current form is another type.
var legacyCrossModes = []legacyRow{
	{oldType: "COERCE", oldMode: "destroy", typ: "ASSAULT", mode: "destroy", reason: "destruction of property is ASSAULT destroy in the codebook (CAMEO 1712 -> ASSAULT in CAMEO2PLOVER-2021)"},
	{oldType: "COERCE", oldMode: "firearms", typ: "ASSAULT", mode: "firearms", reason: "firearms is an ASSAULT mode; violent repression (CAMEO 175) is ASSAULT in CAMEO2PLOVER-2021"},
}

// legacy builds the old-name table and checks that every event name and mode
// in the GSR and every type named by plover_reference.html resolves.
func legacy(cb *codebook, maps map[string]*mapping, gsrJSON []byte, refHTML string) ([]*legacyRow, error) {
	rows := map[[2]string]*legacyRow{}
	add := func(r legacyRow, seen string) *legacyRow {
		k := [2]string{r.oldType, r.oldMode}
		if x := rows[k]; x != nil {
			x.seen[seen] = true
			return x
		}
		r.seen = map[string]bool{}
		if seen != "" {
			r.seen[seen] = true
		}
		rows[k] = &r
		return &r
	}
	for _, r := range legacyTypes {
		add(r, "")
	}
	for _, r := range legacyCrossModes {
		add(r, "")
	}
	// Mode renames within a type (CAMEO2PLOVER-2021 and GSR modes).
	for _, k := range sortedModeRuleKeys() {
		r := modeRules[k]
		if r.context != "" {
			continue // a context in the mode column, not an old mode name
		}
		add(legacyRow{oldType: k[0], oldMode: k[1], typ: k[0], mode: r.mode, reason: r.reason}, "")
	}
	// Which names the sources use. Modes of CAMEO2PLOVER-2021:
	for _, c := range sortedKeys(maps) {
		if r := rows[[2]string{maps[c].typ, maps[c].srcMode}]; r != nil && maps[c].source == "plover-2021" {
			r.seen["CAMEO2PLOVER-2021"] = true
		}
	}
	// Type names of plover_reference.html:
	for _, m := range regexp.MustCompile(`<h2 id="([A-Z]+)">`).FindAllStringSubmatch(refHTML, -1) {
		if cb.byName[m[1]] != nil {
			continue
		}
		r := rows[[2]string{m[1], ""}]
		if r == nil {
			return nil, fmt.Errorf("%s: type %s is neither current nor in legacyTypes", srcRef, m[1])
		}
		r.seen["plover_reference.html"] = true
	}
	// Event names and modes of the GSR.
	var recs []struct {
		ID    string          `json:"id"`
		Event string          `json:"event"`
		Mode  json.RawMessage `json:"mode"`
	}
	if err := json.Unmarshal(gsrJSON, &recs); err != nil {
		return nil, fmt.Errorf("%s: %w", srcGSR, err)
	}
	for _, rec := range recs {
		if strings.Contains(rec.ID, "-DOCUMENT-") {
			continue // the file's licence header record, not an event
		}
		var mode string
		if len(rec.Mode) > 0 && string(rec.Mode) != "null" {
			if err := json.Unmarshal(rec.Mode, &mode); err != nil {
				return nil, fmt.Errorf("%s: record %s: mode: %w", srcGSR, rec.ID, err)
			}
		}
		typ := rec.Event
		if cb.byName[typ] == nil {
			r := rows[[2]string{typ, ""}]
			if r == nil || r.typ == "" {
				return nil, fmt.Errorf("%s: record %s: event %q is neither current nor in legacyTypes", srcGSR, rec.ID, typ)
			}
			r.seen["plover-gsr"] = true
			if mode == "" {
				continue
			}
			if r := rows[[2]string{typ, mode}]; r != nil {
				r.seen["plover-gsr"] = true
				continue
			}
			typ = r.typ
		}
		if mode == "" || cb.byName[typ].modeNames[mode] {
			continue
		}
		r := rows[[2]string{typ, mode}]
		if r == nil {
			return nil, fmt.Errorf("%s: record %s: mode %q of %s is not a codebook mode and has no rule", srcGSR, rec.ID, mode, typ)
		}
		r.seen["plover-gsr"] = true
	}
	var out []*legacyRow
	for _, r := range rows {
		if r.typ != "" {
			if t := cb.byName[r.typ]; t == nil || (r.mode != "" && !t.modeNames[r.mode]) {
				return nil, fmt.Errorf("legacy %s/%s -> %s/%s: target not in the codebook", r.oldType, r.oldMode, r.typ, r.mode)
			}
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].oldType != out[j].oldType {
			return out[i].oldType < out[j].oldType
		}
		return out[i].oldMode < out[j].oldMode
	})
	return out, nil
}

func sortedModeRuleKeys() [][2]string {
	var ks [][2]string
	for k := range modeRules {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i][0] != ks[j][0] {
			return ks[i][0] < ks[j][0]
		}
		return ks[i][1] < ks[j][1]
	})
	return ks
}

func legacyFile(rows []*legacyRow) file {
	t := table{name: event.FileLegacy, comment: []string{
		"Older PLOVER names -> current ones. Types of PLOVER 0.5b1 (used by the PLOVER GSR, PLOVER_GSR_CAMEO) and of the",
		"stale plover_reference.html; modes of 0.5b1 and of CAMEO2PLOVER-2021 that the 2021 codebook does not list.",
		"Empty old_mode: a type rename (with the mode it implies, if any). Empty type: no current equivalent.",
		"seen_in: which scanned source uses the old name (empty: used by none of them, kept for completeness).",
	}}
	for _, r := range rows {
		var seen []string
		for s := range r.seen {
			seen = append(seen, s)
		}
		sort.Strings(seen)
		t.rows = append(t.rows, []string{r.oldType, r.oldMode, r.typ, r.mode, strings.Join(seen, ";"), r.reason})
	}
	return t.file()
}
