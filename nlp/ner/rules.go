package ner

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// Rule-based entities: dates, times, amounts of money, percentages and
// other numbers, in the OntoNotes sense. No NER training set here labels
// them, so they come from patterns over tokens:
//
//	DATE      10 December, December 10, 2020, in 2009, last Tuesday, next week, the 1990s, today, three years ago
//	TIME      10:30, 10:30 a.m., 9 pm, noon, midnight
//	MONEY     $5 million, €20, 300 dollars, 2.5 billion manat, USD 40
//	PERCENT   91%, 12.5 percent, 3 per cent
//	CARDINAL  400,000, 3.5 million, two, dozens of (the number word only)

// Rule labels.
const (
	DATE     = "DATE"
	TIME     = "TIME"
	MONEY    = "MONEY"
	PERCENT  = "PERCENT"
	CARDINAL = "CARDINAL"
)

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan.": true, "feb.": true, "mar.": true, "apr.": true, "jun.": true, "jul.": true, "aug.": true,
	"sep.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
	"jan": true, "feb": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
}

var dateWords = map[string]bool{"today": true, "yesterday": true, "tomorrow": true}

var dateMods = map[string]bool{
	"last": true, "next": true, "this": true, "past": true, "coming": true, "previous": true,
	"early": true, "late": true, "mid": true, "earlier": true, "later": true,
}

var dateUnits = map[string]bool{
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"weekend": true, "decade": true, "decades": true, "century": true, "day": true, "days": true,
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true, "quarter": true,
}

var yearPreps = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "of": true,
	"during": true, "before": true, "after": true, "to": true, "between": true, "and": true,
	"early": true, "late": true, "mid": true, "-": true, "–": true, "through": true, "around": true,
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true, "circa": true,
}

var scales = map[string]bool{
	"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true,
	"bn": true, "m": true, "mn": true, "k": true,
}

var numberWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true,
	"fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true,
	"nineteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "sixty": true,
	"seventy": true, "eighty": true, "ninety": true, "hundred": true, "thousand": true,
	"million": true, "billion": true, "trillion": true, "dozen": true, "dozens": true,
	"hundreds": true, "thousands": true, "millions": true, "billions": true,
}

var currencySymbols = map[string]bool{
	"$": true, "€": true, "£": true, "¥": true, "us$": true, "usd": true, "eur": true, "gbp": true,
	"a$": true, "c$": true, "hk$": true, "nz$": true, "s$": true, "r$": true, "₺": true, "₽": true, "₼": true, "rs": true, "rs.": true,
}

var currencyWords = map[string]bool{
	"dollar": true, "dollars": true, "euro": true, "euros": true, "pound": true, "pounds": true,
	"manat": true, "lira": true, "liras": true, "rouble": true, "roubles": true, "ruble": true,
	"rubles": true, "yuan": true, "yen": true, "rupee": true, "rupees": true, "cents": true,
	"francs": true, "dinars": true, "riyals": true, "rials": true, "dirhams": true, "pesos": true,
	"sterling": true, "usd": true, "eur": true, "tenge": true, "lari": true, "dram": true,
}

var timeSuffix = map[string]bool{"a.m.": true, "p.m.": true, "am": true, "pm": true, "a.m": true, "p.m": true}

// timeZones are the zone abbreviations a clock time may end with ("7:49
// a.m. UTC").
var timeZones = map[string]bool{
	"utc": true, "gmt": true, "est": true, "edt": true, "cst": true, "cdt": true, "mst": true,
	"mdt": true, "pst": true, "pdt": true, "cet": true, "cest": true, "eet": true, "eest": true,
	"bst": true, "ist": true, "jst": true, "kst": true, "hkt": true, "sgt": true, "aest": true,
	"aedt": true, "msk": true, "wib": true, "pht": true, "akst": true, "hst": true, "ast": true,
}

// isNumber reports whether w is a numeral written with digits: 10,
// 400,000, 3.5, 1/2.
func isNumber(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	last := w[len(w)-1]
	if last < '0' || last > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < '0' || c > '9') && c != ',' && c != '.' && c != '/' {
			return false
		}
	}
	return true
}

func isYear(w string) bool {
	if len(w) != 4 || !isNumber(w) {
		return false
	}
	y, err := strconv.Atoi(w)
	return err == nil && y >= 1800 && y <= 2100
}

func isDecade(w string) bool {
	// 1990s, '90s
	if strings.HasSuffix(w, "s") {
		b := strings.TrimSuffix(w, "s")
		if len(b) == 4 && isNumber(b) && b[3] == '0' {
			return true
		}
	}
	return false
}

func isDay(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd")
	if len(w) == 0 || len(w) > 2 || !isNumber(w) {
		return false
	}
	d, _ := strconv.Atoi(w)
	return d >= 1 && d <= 31
}

func isClock(w string) bool {
	// 10:30, 9:05:10
	parts := strings.Split(w, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for i, p := range parts {
		if len(p) == 0 || len(p) > 2 || (i > 0 && len(p) != 2) {
			return false
		}
		for j := 0; j < len(p); j++ {
			if p[j] < '0' || p[j] > '9' {
				return false
			}
		}
	}
	h, _ := strconv.Atoi(parts[0])
	return h <= 24
}

func capitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// Token classes of the rules: what the rules ask of a token, found once
// per token (one map lookup for all the word lists, the numeral tests for
// tokens opening with a digit only) instead of at every rule that asks.
const (
	cMonth = 1 << iota
	cDateWord
	cDateMod
	cDateUnit
	cYearPrep
	cScale
	cNumberWord
	cCurrencySymbol
	cCurrencyWord
	cTimeSuffix
	cNoon // "noon", "midnight"
	cWeekday
	cNumber
	cYear
	cDecade
	cDay
	cClock
	cCapital  // written with a capital A-Z first
	cTimeZone // "UTC", "GMT"
)

// ruleWords maps the words of the rules' lists to their classes.
var ruleWords = func() map[string]uint32 {
	m := map[string]uint32{}
	for _, l := range []struct {
		words map[string]bool
		c     uint32
	}{
		{months, cMonth}, {dateWords, cDateWord}, {dateMods, cDateMod}, {dateUnits, cDateUnit},
		{yearPreps, cYearPrep}, {scales, cScale}, {numberWords, cNumberWord},
		{currencySymbols, cCurrencySymbol}, {currencyWords, cCurrencyWord}, {timeSuffix, cTimeSuffix},
		{timeZones, cTimeZone},
	} {
		for w, ok := range l.words {
			if ok {
				m[w] |= l.c
			}
		}
	}
	m["noon"] |= cNoon
	m["midnight"] |= cNoon
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		m[d] |= cWeekday
	}
	return m
}()

// ruleClass returns the classes of a token: its lower-cased text w and
// its text as written.
func ruleClass(w, text string) uint32 {
	c := ruleWords[w]
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		// every numeral test needs a digit first
		if isNumber(w) {
			c |= cNumber
		}
		if isYear(w) {
			c |= cYear
		}
		if isDecade(w) {
			c |= cDecade
		}
		if isDay(w) {
			c |= cDay
		}
		if isClock(w) {
			c |= cClock
		}
	}
	if capitalised(text) {
		c |= cCapital
	}
	return c
}

// ruleMatcher scans one sentence's tokens.
type ruleMatcher struct {
	toks  []nlp.Token
	lower []string
	cls   []uint32 // per token, its classes
}

func (m *ruleMatcher) at(i int) string {
	if i < 0 || i >= len(m.lower) {
		return ""
	}
	return m.lower[i]
}

// is reports whether token i (0 outside the sentence, as "" is) has one
// of the classes c.
func (m *ruleMatcher) is(i int, c uint32) bool {
	return i >= 0 && i < len(m.cls) && m.cls[i]&c != 0
}

func (m *ruleMatcher) isMonth(i int) bool {
	return m.is(i, cMonth) && m.cls[i]&cCapital != 0 &&
		// "May" and "March" as words: need a number or date context next to them
		(m.lower[i] != "may" && m.lower[i] != "march" || m.is(i+1, cDay) || m.is(i+1, cYear) || m.is(i-1, cDay) || m.at(i-1) == "of" && m.is(i-2, cDay))
}

// number returns the end of a number phrase starting at i: digits or
// number words, with scale words after ("3.5 million").
func (m *ruleMatcher) number(i int) int {
	if !m.is(i, cNumber|cNumberWord) {
		return i
	}
	j := i + 1
	for j < len(m.lower) && m.cls[j]&(cScale|cNumberWord) != 0 && m.lower[j] != "dozens" {
		j++
	}
	return j
}

// date returns the end of a date starting at i, or i.
func (m *ruleMatcher) date(i int) int {
	w := m.at(i)
	switch {
	case m.is(i, cDateWord):
		return i + 1
	case m.is(i, cDateMod) && i+1 < len(m.lower):
		if m.is(i+1, cWeekday|cDateUnit) || m.isMonth(i+1) {
			return i + 2
		}
		if w == "early" || w == "late" || w == "mid" {
			if m.is(i+1, cYear|cDecade) {
				return i + 2
			}
		}
	case m.is(i, cWeekday) && m.cls[i]&cCapital != 0:
		j := i + 1
		if m.at(j) == "," && m.isMonth(j+1) {
			j++
		}
		if k := m.core(j); k > j {
			return k
		}
		return i + 1
	case m.is(i, cDecade):
		return i + 1
	case m.is(i, cYear):
		p := m.at(i - 1)
		if m.is(i-1, cYearPrep) || p == "" || p == "," && i >= 2 || m.isMonth(i-1) {
			return i + 1
		}
		return i
	}
	if k := m.core(i); k > i {
		return k
	}
	// "three years ago"
	if j := m.number(i); j > i && m.is(j, cDateUnit) && m.at(j+1) == "ago" {
		return j + 2
	}
	return i
}

// core matches "10 December [2020]", "December 10[, 2020]", "December
// 2020", "December".
func (m *ruleMatcher) core(i int) int {
	switch {
	case m.is(i, cDay) && m.isMonth(i+1):
		j := i + 2
		if m.is(j, cYear) {
			j++
		} else if m.at(j) == "," && m.is(j+1, cYear) {
			j += 2
		}
		return j
	case m.is(i, cDay) && m.at(i+1) == "of" && m.isMonth(i+2):
		j := i + 3
		if m.is(j, cYear) {
			j++
		}
		return j
	case m.isMonth(i):
		j := i + 1
		if m.is(j, cDay) {
			j++
			if m.at(j) == "," && m.is(j+1, cYear) {
				j += 2
			} else if m.is(j, cYear) {
				j++
			}
		} else if m.is(j, cYear) {
			j++
		}
		return j
	}
	return i
}

func (m *ruleMatcher) time(i int) int {
	j := i
	switch {
	case m.is(i, cNoon):
		return i + 1
	case m.is(i, cClock):
		j = i + 1
		if m.is(j, cTimeSuffix) {
			j++
		}
	case m.is(i, cNumber) && len(m.at(i)) <= 2 && m.is(i+1, cTimeSuffix):
		j = i + 2
	case m.is(i, cNumber) && len(m.at(i)) == 4 && m.is(i+1, cTimeZone):
		j = i + 1 // "0040 UTC"
	}
	if j > i && m.is(j, cTimeZone) {
		j++
	}
	return j
}

func (m *ruleMatcher) money(i int) int {
	if m.is(i, cCurrencySymbol) {
		if j := m.number(i + 1); j > i+1 && m.is(i+1, cNumber) {
			return j
		}
		return i
	}
	if j := m.number(i); j > i && m.is(i, cNumber) {
		if m.is(j, cCurrencyWord) {
			return j + 1
		}
		// "5 million US dollars"
		if (m.at(j) == "us" || m.at(j) == "u.s.") && m.is(j+1, cCurrencyWord) {
			return j + 2
		}
	}
	return i
}

func (m *ruleMatcher) percent(i int) int {
	if j := m.number(i); j > i && m.is(i, cNumber) || m.is(i, cNumberWord) && j > i {
		switch {
		case m.at(j) == "%" || m.at(j) == "percent":
			return j + 1
		case m.at(j) == "per" && m.at(j+1) == "cent":
			return j + 2
		case m.at(j) == "percentage" && m.at(j+1) == "points":
			return j + 2
		}
	}
	return i
}

func (m *ruleMatcher) cardinal(i int) int {
	w := m.at(i)
	if w == "dozens" || w == "hundreds" || w == "thousands" || w == "millions" || w == "billions" {
		return i + 1
	}
	return m.number(i)
}

// appendRules adds rule entities for sentence s to dst where they overlap
// no entity in dst[from:], then sorts dst[from:] by position.
func appendRules(dst []nlp.Entity, from int, s *nlp.Sentence, si int) []nlp.Entity {
	var m ruleMatcher
	return m.appendRules(dst, from, s, si, nil)
}

// appendRules is the function appendRules with m's slices as scratch.
// info, if not nil, is what prepare found of s's tokens: their texts
// lower-cased, which are not lower-cased again.
func (m *ruleMatcher) appendRules(dst []nlp.Entity, from int, s *nlp.Sentence, si int, info []tokInfo) []nlp.Entity {
	n := len(s.Tokens)
	if n == 0 {
		return dst
	}
	taken := func(i, j int) bool {
		for _, e := range dst[from:] {
			if e.Tokens[0] < j && i < e.Tokens[1] {
				return true
			}
		}
		return false
	}
	m.toks = s.Tokens
	m.lower = grow(m.lower, n)
	m.cls = grow(m.cls, n)
	maybe := false
	for i := range s.Tokens {
		t := s.Tokens[i].Text
		if t == "" {
			m.lower[i], m.cls[i] = "", 0
			continue
		}
		c := t[0]
		if c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '$' || c >= 0x80 {
			maybe = true
		}
		if info != nil {
			m.lower[i] = info[i].lower
		} else {
			m.lower[i] = strings.ToLower(t)
		}
		m.cls[i] = ruleClass(m.lower[i], t)
		// every rule needs a digit, a capital (months, days), a currency
		// sign or one of these lower-case words
		maybe = maybe || m.cls[i]&(cDateWord|cNumberWord|cDateMod|cNoon) != 0
	}
	defer clear(m.lower) // drop the strings
	if !maybe {
		return dst
	}
	added := false
	for i := 0; i < n; {
		label, j := "", i
		if k := m.money(i); k > i {
			label, j = MONEY, k
		} else if k := m.percent(i); k > i {
			label, j = PERCENT, k
		} else if k := m.time(i); k > i {
			label, j = TIME, k
		} else if k := m.date(i); k > i {
			label, j = DATE, k
		} else if k := m.cardinal(i); k > i {
			label, j = CARDINAL, k
		}
		if label == "" || taken(i, j) {
			i++
			continue
		}
		dst = append(dst, nlp.Entity{
			Span:     nlp.Span{Start: s.Tokens[i].Span.Start, End: s.Tokens[j-1].Span.End},
			Label:    label,
			Sentence: si,
			Tokens:   [2]int{i, j},
		})
		added = true
		i = j
	}
	if added {
		slices.SortFunc(dst[from:], func(a, b nlp.Entity) int { return a.Tokens[0] - b.Tokens[0] })
	}
	return dst
}
