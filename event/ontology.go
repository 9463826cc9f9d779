package event

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Version names the pinned ontology: PLOVER codebook and CAMEO2PLOVER table
// of 2021, CAMEO 1.1b3 codes, Goldstein weights from GDELT's lookup table.
// Every data file carries it in a "# version:" line and [Ontology] refuses
// files of another version.
const Version = "plover-2021+cameo-1.1b3/goldstein-gdelt"

// Data file names under data/, in load order.
const (
	FileTypes       = "types.tsv"
	FileModes       = "modes.tsv"
	FileContexts    = "contexts.tsv"
	FileCAMEO       = "cameo.tsv"
	FileCAMEOPlover = "cameo_plover.tsv"
	FilePloverCAMEO = "plover_cameo.tsv"
	FileLegacy      = "legacy.tsv"
)

// columns of each data file, in order. The first non-comment line of a file
// must be exactly these names, tab-separated.
var columns = map[string][]string{
	FileTypes:       {"type", "quad_class", "requires_recipient", "score", "description", "note"},
	FileModes:       {"type", "mode", "score", "score_source", "description"},
	FileContexts:    {"context", "description"},
	FileCAMEO:       {"code", "name", "goldstein", "goldstein_source", "quad_class", "source", "description"},
	FileCAMEOPlover: {"cameo", "type", "mode", "contexts", "source", "note"},
	FilePloverCAMEO: {"type", "mode", "cameo", "how", "note"},
	FileLegacy:      {"old_type", "old_mode", "type", "mode", "seen_in", "reason"},
}

// TableColumns returns the column names of a data file (a copy), or nil for
// an unknown file name.
func TableColumns(file string) []string {
	c, ok := columns[file]
	if !ok {
		return nil
	}
	return append([]string(nil), c...)
}

//go:embed data/*.tsv
var dataFS embed.FS

// QuadClass is the four-way grouping of events used by GDELT and PLOVER.
type QuadClass uint8

// Quad classes. 0 means unknown.
const (
	VerbalCooperation   QuadClass = 1
	MaterialCooperation QuadClass = 2
	VerbalConflict      QuadClass = 3
	MaterialConflict    QuadClass = 4
)

func (q QuadClass) String() string {
	switch q {
	case VerbalCooperation:
		return "verbal cooperation"
	case MaterialCooperation:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return "unknown"
}

// RootQuadClass is the GDELT quad class of a CAMEO root code 1..20: 01-05
// verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict,
// 14-20 material conflict. It returns 0 outside 1..20.
func RootQuadClass(root int) QuadClass {
	switch {
	case root >= 1 && root <= 5:
		return VerbalCooperation
	case root >= 6 && root <= 8:
		return MaterialCooperation
	case root >= 9 && root <= 13:
		return VerbalConflict
	case root >= 14 && root <= 20:
		return MaterialConflict
	}
	return 0
}

// Type is a PLOVER event type.
type Type struct {
	Name              string    // AGREE, CONSULT, ...
	QuadClass         QuadClass // the codebook's quad category for the type
	RequiresRecipient bool
	Score             float64 // PLOVER conflict-cooperation score of the type (-10..+10)
	Description       string
	Note              string // generator's remarks on the codebook (inconsistencies)
	Modes             []Mode // first the type-level entry (Name ""), then the codebook's modes; read-only
}

// Mode is one mode of a PLOVER type. The entry with an empty Name stands for
// the type with no mode and carries the type's score.
type Mode struct {
	Type        string
	Name        string
	Score       float64
	ScoreSource string // "codebook", or "type" when the codebook gives the mode no score of its own
	Description string
}

// Context is a PLOVER context (what an event is about), usable with any type.
type Context struct {
	Name, Description string
}

// Code is a CAMEO event code with its Goldstein score, quad class and PLOVER
// mapping (empty Plover for the codes PLOVER drops: 01x, 02x).
type Code struct {
	Code        string // "042"
	Name        string // "Make a visit"
	Description string
	Goldstein   float64
	// GoldsteinFrom is "" when the pinned table has a score for the code
	// itself, else the code whose score it inherits.
	GoldsteinFrom string
	QuadClass     QuadClass
	Source        string // where the code comes from: gdelt, icews, plover-2021, phoenix-2.0
	Plover        string
	Mode          string
	Contexts      []string // read-only
}

// Mapping is one row of the CAMEO->PLOVER table.
type Mapping struct {
	CAMEO, Type, Mode string
	Contexts          []string
	Source, Note      string
}

// Default is the CAMEO code chosen to stand for a PLOVER type and mode.
type Default struct {
	Type, Mode, CAMEO string
	How               string // mapped, override or fallback
	Note              string
}

// Legacy maps an older PLOVER name (type, or type and mode) to the current one.
// An empty Type means the old name has no current equivalent.
type Legacy struct {
	OldType, OldMode string
	Type, Mode       string
	SeenIn, Reason   string
}

type typeMode struct{ t, m string }

// Tables is the loaded ontology. It is immutable after loading and safe for
// concurrent use; slices it returns must not be modified.
type Tables struct {
	types    []Type
	typeIdx  map[string]int
	modes    map[typeMode]Mode
	contexts []Context
	ctxIdx   map[string]int
	codes    []Code
	codeIdx  map[string]int
	mappings []Mapping
	defaults []Default
	defIdx   map[typeMode]int
	legacy   []Legacy
	legIdx   map[typeMode]int
}

// Ontology returns the embedded ontology, loaded and validated on first use.
func Ontology() (*Tables, error) { return loadEmbedded() }

var loadEmbedded = sync.OnceValues(func() (*Tables, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, fmt.Errorf("event ontology: %w", err)
	}
	t, err := Load(sub)
	if err != nil {
		return nil, fmt.Errorf("event ontology (embedded): %w", err)
	}
	return t, nil
})

// Load reads and validates the ontology tables from fsys (a directory laid
// out like event/data). Errors name the file and line.
func Load(fsys fs.FS) (*Tables, error) {
	read := func(name string) ([][]string, error) {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", name, err)
		}
		defer f.Close()
		return parseTable(f, name, columns[name])
	}
	t := &Tables{
		typeIdx: map[string]int{}, modes: map[typeMode]Mode{}, ctxIdx: map[string]int{},
		codeIdx: map[string]int{}, defIdx: map[typeMode]int{}, legIdx: map[typeMode]int{},
	}
	steps := []struct {
		file string
		add  func(r []string) error
	}{
		{FileTypes, t.addType}, {FileModes, t.addMode}, {FileContexts, t.addContext},
		{FileCAMEO, t.addCode}, {FileCAMEOPlover, t.addMapping}, {FilePloverCAMEO, t.addDefault},
		{FileLegacy, t.addLegacy},
	}
	for _, s := range steps {
		rows, err := read(s.file)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			// Each row carries its source line number in the extra last field.
			line, _ := strconv.Atoi(r[len(r)-1])
			if err := s.add(r[:len(r)-1]); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", s.file, line, err)
			}
		}
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	return t, nil
}

// parseTable reads a dyad TSV table: comment lines starting with '#', then a
// header line equal to cols, then rows with exactly len(cols) fields. A
// "# version:" comment must name [Version]. Each returned row has one extra
// last field: its line number. Fields may not contain tabs or newlines; there
// is no quoting.
func parseTable(r io.Reader, name string, cols []string) ([][]string, error) {
	if len(cols) == 0 {
		return nil, fmt.Errorf("%s: unknown table", name)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var rows [][]string
	header, version := false, false
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if !utf8.ValidString(s) {
			return nil, fmt.Errorf("%s:%d: invalid UTF-8", name, line)
		}
		s = strings.TrimSuffix(s, "\r")
		if !header {
			if strings.HasPrefix(s, "#") {
				if v, ok := strings.CutPrefix(s, "# version:"); ok {
					if v = strings.TrimSpace(v); v != Version {
						return nil, fmt.Errorf("%s:%d: version %q, want %q", name, line, v, Version)
					}
					version = true
				}
				continue
			}
			if got := strings.Split(s, "\t"); !equal(got, cols) {
				return nil, fmt.Errorf("%s:%d: header %q, want %q", name, line, got, cols)
			}
			header = true
			continue
		}
		if s == "" {
			return nil, fmt.Errorf("%s:%d: empty line", name, line)
		}
		f := strings.Split(s, "\t")
		if len(f) != len(cols) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", name, line, len(f), len(cols))
		}
		rows = append(rows, append(f, strconv.Itoa(line)))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	if !version {
		return nil, fmt.Errorf("%s: no \"# version:\" line", name)
	}
	return rows, nil
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func parseScore(s string, lo, hi float64) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("score %q: %w", s, err)
	}
	if !(v >= lo && v <= hi) {
		return 0, fmt.Errorf("score %q outside [%g, %g]", s, lo, hi)
	}
	return v, nil
}

func parseQuad(s string) (QuadClass, error) {
	if len(s) == 1 && s[0] >= '1' && s[0] <= '4' {
		return QuadClass(s[0] - '0'), nil
	}
	return 0, fmt.Errorf("quad class %q, want 1..4", s)
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

func isUpperName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

func (t *Tables) addType(r []string) error {
	name := r[0]
	if !isUpperName(name) {
		return fmt.Errorf("type name %q: want A-Z", name)
	}
	if _, dup := t.typeIdx[name]; dup {
		return fmt.Errorf("duplicate type %s", name)
	}
	q, err := parseQuad(r[1])
	if err != nil {
		return err
	}
	var req bool
	switch r[2] {
	case "yes":
		req = true
	case "no":
	default:
		return fmt.Errorf("requires_recipient %q, want yes or no", r[2])
	}
	score, err := parseScore(r[3], -10, 10)
	if err != nil {
		return err
	}
	if r[4] == "" {
		return fmt.Errorf("type %s has no description", name)
	}
	t.typeIdx[name] = len(t.types)
	t.types = append(t.types, Type{Name: name, QuadClass: q, RequiresRecipient: req, Score: score, Description: r[4], Note: r[5]})
	return nil
}

func (t *Tables) addMode(r []string) error {
	i, ok := t.typeIdx[r[0]]
	if !ok {
		return fmt.Errorf("mode of unknown type %q", r[0])
	}
	k := typeMode{r[0], r[1]}
	if _, dup := t.modes[k]; dup {
		return fmt.Errorf("duplicate mode %s/%s", r[0], r[1])
	}
	if r[1] != strings.TrimSpace(r[1]) || strings.ToLower(r[1]) != r[1] {
		return fmt.Errorf("mode name %q: want lower case, no spaces around", r[1])
	}
	score, err := parseScore(r[2], -10, 10)
	if err != nil {
		return err
	}
	if r[3] != "codebook" && r[3] != "type" {
		return fmt.Errorf("score_source %q, want codebook or type", r[3])
	}
	ty := &t.types[i]
	if r[1] == "" {
		if len(ty.Modes) != 0 {
			return fmt.Errorf("type-level mode row of %s must come first", r[0])
		}
		if score != ty.Score {
			return fmt.Errorf("type-level score %g of %s differs from types.tsv %g", score, r[0], ty.Score)
		}
	} else if len(ty.Modes) == 0 {
		return fmt.Errorf("type %s: the type-level row (empty mode) must come first", r[0])
	}
	m := Mode{Type: r[0], Name: r[1], Score: score, ScoreSource: r[3], Description: r[4]}
	t.modes[k] = m
	ty.Modes = append(ty.Modes, m)
	return nil
}

func (t *Tables) addContext(r []string) error {
	if r[0] == "" || strings.ToLower(r[0]) != r[0] {
		return fmt.Errorf("context name %q: want lower case", r[0])
	}
	if _, dup := t.ctxIdx[r[0]]; dup {
		return fmt.Errorf("duplicate context %s", r[0])
	}
	t.ctxIdx[r[0]] = len(t.contexts)
	t.contexts = append(t.contexts, Context{Name: r[0], Description: r[1]})
	return nil
}

func (t *Tables) addCode(r []string) error {
	code := r[0]
	if len(code) < 2 || len(code) > 4 || strings.Trim(code, "0123456789") != "" {
		return fmt.Errorf("CAMEO code %q: want 2 to 4 digits", code)
	}
	if _, dup := t.codeIdx[code]; dup {
		return fmt.Errorf("duplicate CAMEO code %s", code)
	}
	root, _ := strconv.Atoi(code[:2])
	if root < 1 || root > 20 {
		return fmt.Errorf("CAMEO code %s: root %02d outside 01..20", code, root)
	}
	var parent string
	if len(code) > 2 {
		parent = code[:len(code)-1]
		if len(code) == 3 {
			parent = code[:2]
		}
		if _, ok := t.codeIdx[parent]; !ok {
			return fmt.Errorf("CAMEO code %s: parent %s not listed before it", code, parent)
		}
	}
	if r[1] == "" {
		return fmt.Errorf("CAMEO code %s has no name", code)
	}
	g, err := parseScore(r[2], -10, 10)
	if err != nil {
		return fmt.Errorf("CAMEO code %s goldstein: %w", code, err)
	}
	var from string
	switch src := r[3]; {
	case src == "gdelt":
	case strings.HasPrefix(src, "inherited:"):
		from = strings.TrimPrefix(src, "inherited:")
		if from != parent {
			return fmt.Errorf("CAMEO code %s inherits Goldstein from %q, want its parent %q", code, from, parent)
		}
		if pg := t.codes[t.codeIdx[parent]].Goldstein; pg != g {
			return fmt.Errorf("CAMEO code %s inherits Goldstein %g but parent %s has %g", code, g, parent, pg)
		}
	default:
		return fmt.Errorf("CAMEO code %s goldstein_source %q, want gdelt or inherited:PARENT", code, src)
	}
	q, err := parseQuad(r[4])
	if err != nil {
		return fmt.Errorf("CAMEO code %s: %w", code, err)
	}
	if want := RootQuadClass(root); q != want {
		return fmt.Errorf("CAMEO code %s quad class %d, want %d for root %02d", code, q, want, root)
	}
	if r[5] == "" {
		return fmt.Errorf("CAMEO code %s has no source", code)
	}
	t.codeIdx[code] = len(t.codes)
	t.codes = append(t.codes, Code{Code: code, Name: r[1], Goldstein: g, GoldsteinFrom: from, QuadClass: q, Source: r[5], Description: r[6]})
	return nil
}

// checkTarget validates a PLOVER type, mode and contexts named by a table.
func (t *Tables) checkTarget(typ, mode string, contexts []string) error {
	if _, ok := t.typeIdx[typ]; !ok {
		return fmt.Errorf("unknown PLOVER type %q", typ)
	}
	if _, ok := t.modes[typeMode{typ, mode}]; !ok {
		return fmt.Errorf("unknown mode %q of %s", mode, typ)
	}
	for _, c := range contexts {
		if _, ok := t.ctxIdx[c]; !ok {
			return fmt.Errorf("unknown context %q", c)
		}
	}
	return nil
}

func (t *Tables) addMapping(r []string) error {
	i, ok := t.codeIdx[r[0]]
	if !ok {
		return fmt.Errorf("mapping of unknown CAMEO code %q", r[0])
	}
	ctx := splitList(r[3])
	if err := t.checkTarget(r[1], r[2], ctx); err != nil {
		return fmt.Errorf("CAMEO %s: %w", r[0], err)
	}
	c := &t.codes[i]
	if c.Plover != "" {
		return fmt.Errorf("CAMEO %s mapped twice", r[0])
	}
	c.Plover, c.Mode, c.Contexts = r[1], r[2], ctx
	t.mappings = append(t.mappings, Mapping{CAMEO: r[0], Type: r[1], Mode: r[2], Contexts: ctx, Source: r[4], Note: r[5]})
	return nil
}

func (t *Tables) addDefault(r []string) error {
	if err := t.checkTarget(r[0], r[1], nil); err != nil {
		return err
	}
	if _, ok := t.codeIdx[r[2]]; !ok {
		return fmt.Errorf("%s/%s: unknown CAMEO code %q", r[0], r[1], r[2])
	}
	switch r[3] {
	case "mapped", "override", "fallback":
	default:
		return fmt.Errorf("how %q, want mapped, override or fallback", r[3])
	}
	if c := t.codes[t.codeIdx[r[2]]]; r[3] != "fallback" && c.Plover != r[0] {
		return fmt.Errorf("%s/%s: default CAMEO %s maps to %q, not to %s", r[0], r[1], r[2], c.Plover, r[0])
	}
	k := typeMode{r[0], r[1]}
	if _, dup := t.defIdx[k]; dup {
		return fmt.Errorf("duplicate default for %s/%s", r[0], r[1])
	}
	t.defIdx[k] = len(t.defaults)
	t.defaults = append(t.defaults, Default{Type: r[0], Mode: r[1], CAMEO: r[2], How: r[3], Note: r[4]})
	return nil
}

func (t *Tables) addLegacy(r []string) error {
	if !isUpperName(r[0]) {
		return fmt.Errorf("old type %q: want A-Z", r[0])
	}
	if r[2] == "" {
		if r[3] != "" {
			return fmt.Errorf("%s: mode %q without a type", r[0], r[3])
		}
	} else if err := t.checkTarget(r[2], r[3], nil); err != nil {
		return fmt.Errorf("%s/%s: %w", r[0], r[1], err)
	}
	if r[1] == "" {
		if _, current := t.typeIdx[r[0]]; current {
			return fmt.Errorf("%s is a current type, not a legacy one", r[0])
		}
	}
	if r[5] == "" {
		return fmt.Errorf("%s/%s: no reason given", r[0], r[1])
	}
	k := typeMode{r[0], r[1]}
	if _, dup := t.legIdx[k]; dup {
		return fmt.Errorf("duplicate legacy entry %s/%s", r[0], r[1])
	}
	t.legIdx[k] = len(t.legacy)
	t.legacy = append(t.legacy, Legacy{OldType: r[0], OldMode: r[1], Type: r[2], Mode: r[3], SeenIn: r[4], Reason: r[5]})
	return nil
}

// check validates the tables as a whole after loading.
func (t *Tables) check() error {
	var errs []error
	if len(t.types) == 0 {
		errs = append(errs, errors.New("no PLOVER types"))
	}
	for _, ty := range t.types {
		if len(ty.Modes) == 0 {
			errs = append(errs, fmt.Errorf("%s: type %s has no type-level mode row", FileModes, ty.Name))
		}
		for _, m := range ty.Modes {
			if _, ok := t.defIdx[typeMode{ty.Name, m.Name}]; !ok {
				errs = append(errs, fmt.Errorf("%s: no default CAMEO code for %s/%s", FilePloverCAMEO, ty.Name, m.Name))
			}
		}
	}
	if len(t.codes) == 0 {
		errs = append(errs, errors.New("no CAMEO codes"))
	}
	return errors.Join(errs...)
}

// Types returns the PLOVER event types in codebook order.
func (t *Tables) Types() []Type { return t.types }

// PloverType returns the PLOVER type of that (current, upper-case) name.
func (t *Tables) PloverType(name string) (Type, bool) {
	i, ok := t.typeIdx[name]
	if !ok {
		return Type{}, false
	}
	return t.types[i], true
}

// Mode returns a mode of a type; mode "" is the type-level entry.
func (t *Tables) Mode(typ, mode string) (Mode, bool) {
	m, ok := t.modes[typeMode{typ, mode}]
	return m, ok
}

// NormalizeType maps a current or older (PLOVER 0.5b1) type name, in any
// case, to the current name. It reports false for names with no current
// equivalent (such as CRIME) and for unknown names.
func (t *Tables) NormalizeType(name string) (string, bool) {
	if _, ok := t.typeIdx[name]; ok {
		return name, true
	}
	n := strings.ToUpper(strings.TrimSpace(name))
	if i, ok := t.typeIdx[n]; ok {
		return t.types[i].Name, true
	}
	if i, ok := t.legIdx[typeMode{n, ""}]; ok && t.legacy[i].Type != "" {
		return t.legacy[i].Type, true
	}
	return "", false
}

// Normalize maps an older (or current) type and mode to current ones, in
// this order: a legacy entry for exactly that type and mode; the mode itself
// when it is valid for the normalized type; a legacy mode entry of the
// normalized type; the mode a legacy type rename implies (INVESTIGATE ->
// ACCUSE investigate); else no mode. ok is false when the type has no
// current equivalent.
func (t *Tables) Normalize(typ, mode string) (newType, newMode string, ok bool) {
	n := strings.ToUpper(strings.TrimSpace(typ))
	m := strings.ToLower(strings.TrimSpace(mode))
	if m != "" {
		if i, found := t.legIdx[typeMode{n, m}]; found {
			l := t.legacy[i]
			return l.Type, l.Mode, l.Type != ""
		}
	}
	nt, ok := t.NormalizeType(n)
	if !ok {
		return "", "", false
	}
	if m != "" {
		if _, valid := t.modes[typeMode{nt, m}]; valid {
			return nt, m, true
		}
		if i, found := t.legIdx[typeMode{nt, m}]; found && t.legacy[i].Type == nt {
			return nt, t.legacy[i].Mode, true
		}
	}
	if i, found := t.legIdx[typeMode{n, ""}]; found {
		return nt, t.legacy[i].Mode, true
	}
	return nt, "", true
}

// QuadClass returns the codebook quad category of a PLOVER type.
func (t *Tables) QuadClass(typ string) (QuadClass, bool) {
	i, ok := t.typeIdx[typ]
	if !ok {
		return 0, false
	}
	return t.types[i].QuadClass, true
}

// Codes returns every CAMEO code in code order (root, then its sub-codes).
func (t *Tables) Codes() []Code { return t.codes }

// CAMEO returns a CAMEO code ("042").
func (t *Tables) CAMEO(code string) (Code, bool) {
	i, ok := t.codeIdx[code]
	if !ok {
		return Code{}, false
	}
	return t.codes[i], true
}

// Goldstein returns the pinned (GDELT) Goldstein score of a CAMEO code.
func (t *Tables) Goldstein(code string) (float64, bool) {
	i, ok := t.codeIdx[code]
	if !ok {
		return 0, false
	}
	return t.codes[i].Goldstein, true
}

// CAMEOFor returns the default CAMEO code for a PLOVER type and mode, for
// coders that assign PLOVER first. An unknown mode falls back to the type's
// default; an unknown type reports false.
func (t *Tables) CAMEOFor(typ, mode string) (Code, bool) {
	i, ok := t.defIdx[typeMode{typ, mode}]
	if !ok {
		if i, ok = t.defIdx[typeMode{typ, ""}]; !ok {
			return Code{}, false
		}
	}
	return t.codes[t.codeIdx[t.defaults[i].CAMEO]], true
}

// Contexts returns the PLOVER contexts in codebook order.
func (t *Tables) Contexts() []Context { return t.contexts }

// Context returns a PLOVER context by name.
func (t *Tables) Context(name string) (Context, bool) {
	i, ok := t.ctxIdx[name]
	if !ok {
		return Context{}, false
	}
	return t.contexts[i], true
}

// Mappings returns the CAMEO->PLOVER table in code order.
func (t *Tables) Mappings() []Mapping { return t.mappings }

// Defaults returns the PLOVER->CAMEO defaults in type and mode order.
func (t *Tables) Defaults() []Default { return t.defaults }

// Legacy returns the older-name table.
func (t *Tables) Legacy() []Legacy { return t.legacy }
