package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/dyad-events/dyad/actor"
)

// regions are the office-holder coverage the knowledge base promises
// (issue 4): the G20 with the EU, NATO and UN heads, the South Caucasus,
// Central Asia and the Middle East.
var regions = []struct {
	name      string
	countries []string
}{
	{"G20", []string{"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "EU"}},
	{"IGO heads", []string{"EU", "NATO", "UN"}},
	{"South Caucasus", []string{"ARM", "AZE", "GEO"}},
	{"Central Asia", []string{"KAZ", "KGZ", "TJK", "TKM", "UZB"}},
	{"Middle East", []string{"TUR", "IRN", "IRQ", "SYR", "ISR", "PSE", "LBN", "JOR", "SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM", "EGY"}},
}

var statRoles = []actor.Role{actor.RoleHOS, actor.RoleHOG, actor.RoleFM, actor.RoleDM, actor.RoleCHIEF, actor.RoleHead}

// printStats writes the counts of the embedded knowledge base's office
// holders and groups, and the offices with no known holder at date: what
// the data lacks.
func printStats(w io.Writer, kb *actor.KB, date time.Time) {
	terms := kb.Persons()
	ids := map[string]bool{}
	byRole := map[actor.Role]int{}
	curated, since2000 := 0, 0
	for _, t := range terms {
		ids[t.ID] = true
		byRole[t.Role]++
		if strings.Contains(t.Source, "dyad") {
			curated++
		}
		if t.Until.IsZero() || !t.Until.Before(since) {
			since2000++
		}
	}
	fmt.Fprintf(w, "persons\t%d\nterms\t%d\nterms curated\t%d\nterms in 2000 or later\t%d\n", len(ids), len(terms), curated, since2000)
	for _, r := range statRoles {
		fmt.Fprintf(w, "terms %s\t%d\n", r, byRole[r])
	}
	groups := map[string]int{}
	for _, a := range kb.Actors() {
		if a.Type == actor.TypeGroup {
			groups[a.Sector]++
		}
	}
	var sectors []string
	for s := range groups {
		sectors = append(sectors, s)
	}
	slices.Sort(sectors)
	for _, s := range sectors {
		fmt.Fprintf(w, "groups %s\t%d\n", s, groups[s])
	}
	for _, reg := range regions {
		in := map[actor.Role]int{}
		n := 0
		for _, t := range terms {
			if slices.Contains(reg.countries, t.Country) && (t.Until.IsZero() || !t.Until.Before(since)) {
				in[t.Role]++
				n++
			}
		}
		var parts []string
		for _, r := range statRoles {
			if in[r] > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", r, in[r]))
			}
		}
		fmt.Fprintf(w, "region %s\t%d terms since 2000: %s\n", reg.name, n, strings.Join(parts, ", "))
	}
	// what is missing: offices without a holder at date
	var missing []string
	seen := map[string]bool{}
	for _, reg := range regions {
		for _, c := range reg.countries {
			if seen[c] {
				continue
			}
			seen[c] = true
			roles := []actor.Role{actor.RoleHOS, actor.RoleHOG, actor.RoleFM, actor.RoleDM, actor.RoleCHIEF}
			if c == "EU" || c == "NATO" || c == "UN" {
				roles = []actor.Role{actor.RoleHead}
			}
			var lack []string
			for _, r := range roles {
				if _, ok := kb.HolderOf(c, r, date); !ok {
					lack = append(lack, string(r))
				}
			}
			if len(lack) > 0 {
				missing = append(missing, c+" "+strings.Join(lack, "/"))
			}
		}
	}
	fmt.Fprintf(w, "no holder on %s\t%d offices: %s\n", date.Format("2006-01-02"), len(missing), strings.Join(missing, "; "))
}
