package actor

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// The two table formats. A file holds one table: UTF-8, one row a line,
// fields separated by one tab, the header line below first (after any
// comment lines starting with '#' and blank lines, which are ignored).
// Empty fields are empty strings; dates are YYYY-MM-DD; lists (aliases,
// source) are comma-separated.
const (
	// FormatActors is the header of an actors table: one actor a row.
	FormatActors = "code\ttype\tcountry\tsector\tname\twikidata\talpha2\taliases\tfrom\tuntil\tsource"
	// FormatNames is the header of a names table: one phrase -> code a row.
	FormatNames = "phrase\tcode\tkind\tcase\tfrom\tuntil\tsource"
)

const dateLayout = "2006-01-02"

// Table is the content of one or more knowledge-base files.
type Table struct {
	Actors  []Actor
	Names   []Name
	Persons []Term // office holders' terms, see [FormatPersons]
}

// LoadExtra reads one knowledge-base file (an actors, a names or a persons
// table, see [FormatActors], [FormatNames] and [FormatPersons]) for [KB.With]. Errors name the file
// (when r has a Name method, as *os.File does) and the line.
func LoadExtra(r io.Reader) (*Table, error) {
	name := "extra"
	if n, ok := r.(interface{ Name() string }); ok {
		name = n.Name()
	}
	return ReadTable(name, r)
}

// maxLine bounds one row; longer lines are an error, not a crash.
const maxLine = 1 << 20

// ReadTable reads one table from r; name is used in errors.
func ReadTable(name string, r io.Reader) (*Table, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	t := &Table{}
	var header string
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		s = strings.TrimSuffix(s, "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if header == "" {
			if s != FormatActors && s != FormatNames && s != FormatPersons {
				return nil, fmt.Errorf("%s:%d: header is %q, want the actors header %q, the names header %q or the persons header %q",
					name, line, clip(s), FormatActors, FormatNames, FormatPersons)
			}
			header = s
			continue
		}
		f := strings.Split(s, "\t")
		var err error
		switch header {
		case FormatPersons:
			var p Term
			p, err = parseTerm(f)
			if err == nil {
				t.Persons = append(t.Persons, p)
			}
		case FormatActors:
			var a Actor
			a, err = parseActor(f)
			if err == nil {
				t.Actors = append(t.Actors, a)
			}
		default:
			var n Name
			n, err = parseName(f)
			if err == nil {
				t.Names = append(t.Names, n)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if header == "" {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	return t, nil
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

func parseActor(f []string) (Actor, error) {
	if len(f) != 11 {
		return Actor{}, fmt.Errorf("%d fields, want 11 (%s)", len(f), strings.ReplaceAll(FormatActors, "\t", " "))
	}
	a := Actor{
		Code: f[0], Type: Type(f[1]), Country: f[2], Sector: f[3], Name: f[4],
		WikidataID: f[5], Alpha2: f[6], Source: f[10],
	}
	if err := checkCode("code", a.Code, false); err != nil {
		return a, err
	}
	if !validType(a.Type) {
		return a, fmt.Errorf("type %q: want country, igo, sector, group, person or composite", f[1])
	}
	if err := checkCode("country", a.Country, true); err != nil {
		return a, err
	}
	if err := checkCode("sector", a.Sector, true); err != nil {
		return a, err
	}
	if a.Name == "" {
		return a, errors.New("empty name")
	}
	if a.WikidataID != "" && !isQID(a.WikidataID) {
		return a, fmt.Errorf("wikidata %q: want Q followed by digits", a.WikidataID)
	}
	if f[7] != "" {
		a.Aliases = strings.Split(f[7], ",")
		for _, al := range a.Aliases {
			if err := checkCode("alias", al, false); err != nil {
				return a, err
			}
		}
	}
	var err error
	if a.From, a.Until, err = parseRange(f[8], f[9]); err != nil {
		return a, err
	}
	if a.Source == "" {
		return a, errors.New("empty source")
	}
	return a, nil
}

func parseName(f []string) (Name, error) {
	if len(f) != 7 {
		return Name{}, fmt.Errorf("%d fields, want 7 (%s)", len(f), strings.ReplaceAll(FormatNames, "\t", " "))
	}
	n := Name{Phrase: f[0], Code: f[1], Kind: Kind(f[2]), Case: Case(f[3]), Source: f[6]}
	if strings.TrimSpace(n.Phrase) == "" {
		return n, errors.New("empty phrase")
	}
	if !hasWord(tokenize(n.Phrase, nil)) {
		return n, fmt.Errorf("phrase %q has no words", n.Phrase)
	}
	if err := checkCode("code", n.Code, false); err != nil {
		return n, err
	}
	if _, ok := kindRank[n.Kind]; !ok {
		return n, fmt.Errorf("kind %q: want name, official, abbr, demonym, capital, alt, former, nationality, sector or person", f[2])
	}
	switch n.Case {
	case CaseFold, CaseTitle, CaseExact:
	default:
		return n, fmt.Errorf("case %q: want fold, title or exact", f[3])
	}
	var err error
	if n.From, n.Until, err = parseRange(f[4], f[5]); err != nil {
		return n, err
	}
	if n.Source == "" {
		return n, errors.New("empty source")
	}
	return n, nil
}

func hasWord(toks []token) bool {
	for _, t := range toks {
		if !t.punct && !t.poss {
			return true
		}
	}
	return false
}

func checkCode(field, s string, empty bool) error {
	if s == "" {
		if empty {
			return nil
		}
		return fmt.Errorf("empty %s", field)
	}
	if len(s) > 64 {
		return fmt.Errorf("%s %q: longer than 64 bytes", field, clip(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return fmt.Errorf("%s %q: want upper-case ASCII letters, digits, '_' or '-'", field, s)
		}
	}
	return nil
}

func isQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func parseRange(from, until string) (f, u time.Time, err error) {
	if from != "" {
		if f, err = time.Parse(dateLayout, from); err != nil {
			return f, u, fmt.Errorf("from %q: want YYYY-MM-DD", from)
		}
	}
	if until != "" {
		if u, err = time.Parse(dateLayout, until); err != nil {
			return f, u, fmt.Errorf("until %q: want YYYY-MM-DD", until)
		}
	}
	if !f.IsZero() && !u.IsZero() && u.Before(f) {
		return f, u, fmt.Errorf("until %s is before from %s", until, from)
	}
	return f, u, nil
}

func fmtDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// WriteActors writes the actors table, each comment line prefixed by "# ",
// rows in the order given.
func WriteActors(w io.Writer, comments []string, actors []Actor) error {
	bw := bufio.NewWriter(w)
	writeComments(bw, comments)
	bw.WriteString(FormatActors + "\n")
	for _, a := range actors {
		bw.WriteString(strings.Join([]string{a.Code, string(a.Type), a.Country, a.Sector, clean(a.Name),
			a.WikidataID, a.Alpha2, strings.Join(a.Aliases, ","), fmtDate(a.From), fmtDate(a.Until), a.Source}, "\t"))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// WriteNames writes the names table, rows in the order given.
func WriteNames(w io.Writer, comments []string, names []Name) error {
	bw := bufio.NewWriter(w)
	writeComments(bw, comments)
	bw.WriteString(FormatNames + "\n")
	for _, n := range names {
		bw.WriteString(strings.Join([]string{clean(n.Phrase), n.Code, string(n.Kind), string(n.Case),
			fmtDate(n.From), fmtDate(n.Until), n.Source}, "\t"))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func writeComments(bw *bufio.Writer, comments []string) {
	for _, c := range comments {
		bw.WriteString("# " + clean(c) + "\n")
	}
}

// clean keeps a field on one line and free of tabs.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// joinSet returns the distinct non-empty elements sorted and comma-joined.
func joinSet(xs []string) string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return strings.Join(slices.Compact(out), ",")
}
