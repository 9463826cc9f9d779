package eval

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// Dirtied is a clean article turned into a messy text dump, with what a
// perfect cleaner would recover from it.
type Dirtied struct {
	Text   string // the dump
	Author string // the byline's name, "" when no byline was injected
	Links  int    // bare links injected
	Topics int    // tags injected
	Kinds  []string
}

// Dirty lays clean paragraphs out as page-to-text dumps do, with the
// randomness of r: hard-wrapped at a width that wanders like a rendered
// page's, with a blank line after every line or between paragraphs only,
// paragraph ends sometimes marked by a trailing no-break space or by an
// indent, CRLF line ends, and one to four blocks of page furniture (link
// lists, "Related Posts" with titles, byline and author bio, tag lines,
// share bars, adverts, newsletter prompts, disclaimers) put between
// paragraphs anywhere, the middle included. Every furniture text is made
// up here from templates, so no outside prose is involved.
func Dirty(paras []string, r *rand.Rand) Dirtied {
	var d Dirtied
	width := 60 + r.IntN(61)
	double := r.IntN(2) == 0
	nbsp := r.IntN(3) == 0
	indent := !double && r.IntN(5) == 0
	crlf := r.IntN(5) == 0

	// Where furniture goes: before paragraph i (len(paras) = at the end).
	inserts := map[int][]string{}
	for n := 1 + r.IntN(4); n > 0; n-- {
		at := r.IntN(len(paras) + 1)
		if at == 0 && len(paras) > 1 {
			at = 1 // a dump rarely opens with furniture before any text
		}
		block, kind := furniture(r, &d)
		inserts[at] = append(inserts[at], block...)
		d.Kinds = append(d.Kinds, kind)
	}
	var lines []string
	blank := func() {
		if double || len(lines) == 0 || lines[len(lines)-1] != "" {
			lines = append(lines, "")
		}
	}
	emitBlock := func(ls []string) {
		for _, l := range ls {
			lines = append(lines, l)
			if double {
				lines = append(lines, "")
			}
		}
		if !double {
			lines = append(lines, "")
		}
	}
	for i := 0; i <= len(paras); i++ {
		if fb := inserts[i]; len(fb) > 0 {
			emitBlock(fb)
		}
		if i == len(paras) {
			break
		}
		w := wrapJitter(paras[i], width, r)
		if nbsp {
			w[len(w)-1] += "\u00a0"
		}
		if indent {
			w[0] = "   " + w[0]
			for _, l := range w {
				lines = append(lines, l)
			}
			continue
		}
		for _, l := range w {
			lines = append(lines, l)
			if double {
				lines = append(lines, "")
			}
		}
		if !double {
			blank()
		}
	}
	nl := "\n"
	if crlf {
		nl = "\r\n"
	}
	d.Text = strings.Join(lines, nl) + nl
	return d
}

// wrapJitter wraps text at about width runes, each line's limit wandering
// by up to a tenth, as proportional fonts make rendered pages do.
func wrapJitter(text string, width int, r *rand.Rand) []string {
	var lines []string
	var cur strings.Builder
	limit := jitter(width, r)
	for _, w := range strings.Fields(text) {
		n := utf8.RuneCountInString(cur.String())
		if n > 0 && n+1+utf8.RuneCountInString(w) > limit {
			lines = append(lines, cur.String())
			cur.Reset()
			limit = jitter(width, r)
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

func jitter(width int, r *rand.Rand) int {
	return width - width/20 + r.IntN(width/10+1)
}

var (
	fakeFirst  = []string{"Amira", "Tomas", "Leyla", "Jonas", "Mariam", "Viktor", "Nadia", "Ethan", "Zara", "Oskar"}
	fakeLast   = []string{"Karimova", "Lindqvist", "Haddad", "Novak", "Okafor", "Brennan", "Petrosyan", "Sato", "Moreau"}
	fakeCity   = []string{"Tbilisi", "Nairobi", "Lisbon", "Almaty", "Quito", "Hanoi", "Oslo", "Accra"}
	fakeJob    = []string{"reporter", "freelance journalist", "columnist", "editor", "correspondent", "analyst and writer"}
	fakeBeat   = []string{"energy policy", "elections", "courts and justice", "regional security", "trade and migration"}
	fakeTitle  = []string{"Ministers meet again as talks stall", "What the new budget means for farmers", "Protests continue in the capital", "Court delays ruling on media law", "Five things to know about the vote", "Opinion: the long road to a deal"}
	fakeTopics = []string{"POLITICS", "ECONOMY", "ELECTIONS", "SECURITY", "DIPLOMACY", "HUMAN RIGHTS", "ENERGY"}
	fakeOutlet = []string{"Example Herald", "The Sample Times", "Demo Daily", "Placeholder News"}
)

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// furniture makes one block of page furniture and records what a cleaner
// should lift from it.
func furniture(r *rand.Rand, d *Dirtied) ([]string, string) {
	switch r.IntN(9) {
	case 0:
		n := 1 + r.IntN(4)
		var ls []string
		for i := 0; i < n; i++ {
			ls = append(ls, fmt.Sprintf("https://news.example.%s/%d/%s-%d", pick(r, []string{"org", "com", "net"}), 2019+r.IntN(4), strings.ToLower(pick(r, fakeLast)), r.IntN(99999)))
		}
		d.Links += n
		return ls, "links"
	case 1:
		ls := []string{pick(r, []string{"Related Posts", "Related Articles", "Read more", "You may also like", "Most read"})}
		for n := 1 + r.IntN(3); n > 0; n-- {
			ls = append(ls, pick(r, fakeTitle))
		}
		return ls, "related"
	case 2:
		first, last := pick(r, fakeFirst), pick(r, fakeLast)
		if d.Author == "" {
			d.Author = first + " " + last
		} else if !strings.Contains(d.Author, first+" "+last) {
			d.Author += ", " + first + " " + last
		}
		return []string{"By " + first + " " + last,
			fmt.Sprintf("%s is a %s-based %s who covers %s.", first, pick(r, fakeCity), pick(r, fakeJob), pick(r, fakeBeat))}, "byline+bio"
	case 3:
		a, b := pick(r, fakeTopics), pick(r, fakeTopics)
		d.Topics += 2
		if r.IntN(2) == 0 {
			return []string{"RELATED TOPICS", "#" + a + "  #" + b}, "tags"
		}
		return []string{"Tags: " + strings.ToLower(a) + ", " + strings.ToLower(b)}, "tags"
	case 4:
		return []string{pick(r, []string{"Share this article", "Facebook Twitter WhatsApp Email", "Share on Facebook"})}, "share"
	case 5:
		return []string{"Advertisement"}, "advert"
	case 6:
		return []string{pick(r, []string{"Sign up for our newsletter to get the week's top stories.", "Subscribe to " + pick(r, fakeOutlet) + " for full access."})}, "newsletter"
	case 7:
		return []string{fmt.Sprintf("The opinions expressed in this article are the author's own and do not necessarily reflect the views of %s's editorial board.", pick(r, fakeOutlet))}, "disclaimer"
	default:
		return []string{fmt.Sprintf("© %d %s. All rights reserved.", 2015+r.IntN(10), pick(r, fakeOutlet))}, "copyright"
	}
}
