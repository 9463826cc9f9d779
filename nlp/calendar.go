package nlp

import (
	"strings"
	"time"
)

// weekdays are the English day names, lower case.
var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
	"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
}

// Weekday reports whether w is an English day name, in any case, and
// which day it names.
func Weekday(w string) (time.Weekday, bool) {
	d, ok := weekdays[strings.ToLower(w)]
	return d, ok
}

// IsWeekday reports whether w is an English day name, in any case.
func IsWeekday(w string) bool {
	_, ok := Weekday(w)
	return ok
}
