package event

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/nlp"
)

// Date precisions.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// dateMention is a date expression found in a sentence.
type dateMention struct {
	start, end int // bytes in the document
	date       time.Time
	precision  string
	// ahead is the date an expression with no year or week of its own
	// names when it looks forward, as under "will" ("will host talks in
	// June", "will visit on Tuesday"): the first such day or month on or
	// after the publication date. Zero when the expression fixes the
	// date ("10 December 2020", "yesterday") or already looks forward.
	ahead time.Time
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

const monthRe = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

var (
	reISO       = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reDayMonth  = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+` + monthRe + `(?:,?\s+(\d{4}))?\b`)
	reMonthDay  = regexp.MustCompile(`\b` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`)
	reMonthYear = regexp.MustCompile(`\b` + monthRe + `,?\s+(\d{4})\b`)
	reInMonth   = regexp.MustCompile(`\b(?i:in|since|until|by|during|early|late|mid-?|last|this|next)\s+` + monthRe + `\b`)
	reYear      = regexp.MustCompile(`\b(?i:in|since|until|by|during|of|from|early|late|mid-?)\s+(?:the\s+(?:year\s+)?)?((?:19|20)\d{2})\b`)
	reWeekday   = regexp.MustCompile(`\b(?i:(last|on|this|next)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	reRelative  = regexp.MustCompile(`\b(?i:(yesterday|today|tonight|last week|last month|last year|this week|this month|this year|a week ago|a year ago))\b`)
)

// findDates returns the date expressions of one sentence, resolved against
// the publication date (zero: only expressions that carry their year).
func findDates(text string, base int, pub time.Time) []dateMention {
	var out []dateMention
	taken := func(a, b int) bool {
		for _, d := range out {
			if a < d.end-base && d.start-base < b {
				return true
			}
		}
		return false
	}
	// addAhead adds an expression whose year or week was inferred looking
	// back; ahead is where it falls looking forward (zero: fixed).
	addAhead := func(a, b int, t time.Time, p string, ahead time.Time) {
		if !taken(a, b) {
			out = append(out, dateMention{start: base + a, end: base + b, date: t, precision: p, ahead: ahead})
		}
	}
	add := func(a, b int, t time.Time, p string) { addAhead(a, b, t, p, time.Time{}) }
	// Most sentences hold no date at all: skip the expressions whose
	// cue (a digit, a month or day name, a relative word) is absent.
	low := strings.ToLower(text)
	hasDigit := strings.ContainsAny(text, "0123456789")
	hasMonth := false
	for m := range months {
		if len(m) > 3 && strings.Contains(low, m) || len(m) == 3 && strings.Contains(low, m+" ") || strings.Contains(low, m+".") {
			hasMonth = true
			break
		}
	}
	hasDay := strings.Contains(low, "day") || strings.Contains(low, "tonight") || strings.Contains(low, "week") ||
		strings.Contains(low, "month") || strings.Contains(low, "year") || strings.Contains(low, "ago")
	if !hasDigit && !hasMonth && !hasDay {
		return nil
	}
	// Each expression below runs only when the text holds what every
	// match of it must contain, which is cheap to test and spares the
	// regular expressions (the costliest part of coding a sentence) on
	// most sentences. These are necessary conditions, not heuristics: a
	// skipped expression would have found nothing.
	//   - every monthRe match starts with a capitalised month abbreviation
	//     (case-sensitive: only the words around it are (?i));
	//   - \d is ASCII [0-9];
	//   - a reYear match holds "19" or "20";
	//   - every weekday name holds "day" (case-sensitive in reWeekday).
	hasMonthCap := hasMonthAbbrev(text)
	hasCentury := hasDigit && (strings.Contains(text, "19") || strings.Contains(text, "20"))
	for _, m := range findAll(hasDigit, reISO, text) {
		y, mo, d := atoi(text, m[2], m[3]), atoi(text, m[4], m[5]), atoi(text, m[6], m[7])
		if t, ok := civil(y, time.Month(mo), d); ok {
			add(m[0], m[1], t, PrecisionDay)
		}
	}
	dayMonth := func(m []int, dayG, monG, yearG int) {
		day := atoi(text, m[dayG], m[dayG+1])
		mon := months[strings.ToLower(text[m[monG]:m[monG+1]])]
		if m[yearG] >= 0 {
			if t, ok := civil(atoi(text, m[yearG], m[yearG+1]), mon, day); ok {
				add(m[0], m[1], t, PrecisionDay)
			}
			return
		}
		if pub.IsZero() {
			return
		}
		if t, ok := civil(pub.Year(), mon, day); ok {
			ahead := t
			if ahead.Before(pub) {
				ahead, _ = civil(pub.Year()+1, mon, day)
			}
			if t.After(pub.AddDate(0, 0, 7)) {
				t, ok = civil(pub.Year()-1, mon, day)
			}
			if ok {
				addAhead(m[0], m[1], t, PrecisionDay, ahead)
			}
		}
	}
	for _, m := range findAll(hasDigit && hasMonthCap, reDayMonth, text) {
		dayMonth(m, 2, 4, 6)
	}
	for _, m := range findAll(hasDigit && hasMonthCap, reMonthDay, text) {
		dayMonth(m, 4, 2, 6)
	}
	for _, m := range findAll(hasDigit && hasMonthCap, reMonthYear, text) {
		mon := months[strings.ToLower(text[m[2]:m[3]])]
		add(m[0], m[1], time.Date(atoi(text, m[4], m[5]), mon, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
	}
	if !pub.IsZero() {
		for _, m := range findAll(hasMonthCap, reInMonth, text) {
			mon := months[strings.ToLower(text[m[2]:m[3]])]
			y, ay := pub.Year(), pub.Year()
			if mon > pub.Month() {
				y--
			}
			if mon < pub.Month() {
				ay++
			}
			addAhead(m[0], m[1], time.Date(y, mon, 1, 0, 0, 0, 0, time.UTC), PrecisionMonth, time.Date(ay, mon, 1, 0, 0, 0, 0, time.UTC))
		}
	}
	for _, m := range findAll(hasCentury, reYear, text) {
		add(m[0], m[1], time.Date(atoi(text, m[2], m[3]), 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear)
	}
	if pub.IsZero() {
		return out
	}
	for _, m := range findAll(strings.Contains(text, "day"), reWeekday, text) {
		wd := weekdays[strings.ToLower(text[m[4]:m[5]])]
		back := (int(pub.Weekday()) - int(wd) + 7) % 7
		if m[2] >= 0 && strings.EqualFold(text[m[2]:m[3]], "last") && back == 0 {
			back = 7
		}
		forward := (int(wd) - int(pub.Weekday()) + 7) % 7
		if m[2] >= 0 && strings.EqualFold(text[m[2]:m[3]], "next") {
			back = -forward
		}
		if m[2] >= 0 && (strings.EqualFold(text[m[2]:m[3]], "last") || strings.EqualFold(text[m[2]:m[3]], "next")) {
			add(m[0], m[1], pub.AddDate(0, 0, -back), PrecisionDay) // "last Tuesday", "next Tuesday": fixed
		} else {
			addAhead(m[0], m[1], pub.AddDate(0, 0, -back), PrecisionDay, pub.AddDate(0, 0, forward))
		}
	}
	for _, m := range findAll(hasDay, reRelative, text) {
		switch strings.ToLower(text[m[2]:m[3]]) {
		case "yesterday":
			add(m[0], m[1], pub.AddDate(0, 0, -1), PrecisionDay)
		case "today", "tonight":
			add(m[0], m[1], pub, PrecisionDay)
		case "last week", "a week ago":
			add(m[0], m[1], pub.AddDate(0, 0, -7), PrecisionDay)
		case "this week":
			add(m[0], m[1], pub, PrecisionDay)
		case "last month":
			t := pub.AddDate(0, -1, 0)
			add(m[0], m[1], time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
		case "this month":
			add(m[0], m[1], time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC), PrecisionMonth)
		case "last year", "a year ago":
			add(m[0], m[1], time.Date(pub.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear)
		case "this year":
			add(m[0], m[1], time.Date(pub.Year(), 1, 1, 0, 0, 0, 0, time.UTC), PrecisionYear)
		}
	}
	return out
}

// findAll returns re's matches in text (submatch indexes), or none
// without running re when may is false.
func findAll(may bool, re *regexp.Regexp, text string) [][]int {
	if !may {
		return nil
	}
	return re.FindAllStringSubmatchIndex(text, -1)
}

// monthAbbrevs are the first three letters of the month names monthRe
// matches; "Sept" and every full name start with one of them.
var monthAbbrevs = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// hasMonthAbbrev reports whether text holds a capitalised month
// abbreviation anywhere, which every match of monthRe does.
func hasMonthAbbrev(text string) bool {
	for i := 0; i+3 <= len(text); i++ {
		switch text[i] {
		case 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D':
			for _, m := range monthAbbrevs {
				if text[i:i+3] == m {
					return true
				}
			}
		}
	}
	return false
}

func atoi(s string, a, b int) int {
	n, _ := strconv.Atoi(s[a:b])
	return n
}

// civil builds a date, rejecting days the month does not have.
func civil(y int, m time.Month, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

// eventDate picks the date of an event: the date expression of its
// sentence nearest the trigger, else the publication date (precision day),
// else nothing. ahead marks an event announced for later ("will host talks
// in June"), whose expression with no year of its own looks forward.
func eventDate(dates []dateMention, trigger int, pub time.Time, ahead bool) (string, string) {
	if best := nearestDate(dates, trigger); best >= 0 {
		if d := dates[best]; ahead && !d.ahead.IsZero() {
			return d.ahead.Format("2006-01-02"), d.precision
		}
		return dates[best].date.Format("2006-01-02"), dates[best].precision
	}
	if pub.IsZero() {
		return "", ""
	}
	return pub.Format("2006-01-02"), PrecisionDay
}

// nearestDate returns the index of the date expression nearest byte
// offset trigger, or -1 when there is none.
func nearestDate(dates []dateMention, trigger int) int {
	best, bestDist := -1, 1<<30
	for i, d := range dates {
		dist := d.start - trigger
		if dist < 0 {
			dist = trigger - d.end
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	return best
}

// sentenceDates finds the date expressions of sentence s of d.
func sentenceDates(d *nlp.Doc, s *nlp.Sentence, pub time.Time) []dateMention {
	return findDates(d.Text[s.Start:s.End], s.Start, pub)
}
