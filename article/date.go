package article

import (
	"strings"
	"time"
	"unicode"
)

// dateLayouts are the forms news dumps and record files write dates in,
// tried in order after weekday names, ordinal suffixes ("4th") and "at"
// are removed and white space is folded.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	"2006.01.02",
	time.RFC1123Z,
	time.RFC1123,
	"02 Jan 2006 15:04:05 -0700",
	"02 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04",
	"2 January 2006 15:04 MST",
	"2 January 2006 15:04",
	"2 January 2006",
	"2 Jan 2006",
	"2 Jan. 2006",
	"January 2, 2006 15:04 MST",
	"January 2, 2006 3:04 PM MST",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006 15:04 MST",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"Jan 2 2006",
	"2.1.2006",
	"02.01.2006",
	"January 2006",
}

var weekdayNames = []string{
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}

// ParseDate reads a date in one of the common forms of news pages, feeds
// and record dumps ("2021-03-05", "5 March 2021", "March 5, 2021",
// "Friday, March 5, 2021", RFC 3339 and RFC 1123 with times and zones,
// "5th March 2021"). Dates without a zone are taken as UTC.
func ParseDate(s string) (time.Time, bool) {
	s = cleanDate(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1800 || t.Year() > 2200 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	// Month names in capitals ("5 MARCH 2021") or lower case.
	if t, ok := parseTitled(s); ok {
		return t, true
	}
	return time.Time{}, false
}

func parseTitled(s string) (time.Time, bool) {
	titled := []byte(strings.ToLower(s))
	up := true
	for i, c := range titled {
		if up && c >= 'a' && c <= 'z' {
			titled[i] = c - 'a' + 'A'
		}
		up = !(c >= 'a' && c <= 'z')
	}
	t := string(titled)
	if t == s {
		return time.Time{}, false
	}
	for _, layout := range dateLayouts {
		if d, err := time.Parse(layout, t); err == nil && d.Year() >= 1800 && d.Year() <= 2200 {
			return d, true
		}
	}
	return time.Time{}, false
}

// cleanDate normalises the surface of a date string: labels such as
// "Published:", weekday names, ordinal suffixes, "at", commas after
// weekday names and folded white space.
func cleanDate(s string) string {
	s = foldSpace(s)
	low := strings.ToLower(s)
	for _, label := range []string{"published on", "published:", "published", "updated on", "updated:", "updated",
		"posted on", "posted:", "posted", "last modified:", "date:", "dated"} {
		if strings.HasPrefix(low, label) {
			s = strings.TrimSpace(s[len(label):])
			low = strings.ToLower(s)
			break
		}
	}
	for _, w := range weekdayNames {
		if strings.HasPrefix(low, w) {
			rest := s[len(w):]
			if rest == "" || rest[0] == ',' || rest[0] == ' ' || rest[0] == '.' {
				s = strings.TrimLeft(rest, ", .")
				break
			}
		}
	}
	fields := strings.Fields(s)
	out := fields[:0]
	for _, f := range fields {
		if strings.EqualFold(f, "at") || f == "-" || f == "|" || f == "·" {
			continue
		}
		out = append(out, stripOrdinal(f))
	}
	return strings.Join(out, " ")
}

// stripOrdinal turns "4th" or "4th," into "4" or "4,".
func stripOrdinal(f string) string {
	core := strings.TrimRight(f, ",")
	tail := f[len(core):]
	if len(core) >= 3 && unicode.IsDigit(rune(core[0])) {
		suf := strings.ToLower(core[len(core)-2:])
		if suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
			num := core[:len(core)-2]
			if strings.Trim(num, "0123456789") == "" {
				return num + tail
			}
		}
	}
	return f
}
