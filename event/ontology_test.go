package event

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/dyad-events/dyad/internal/shareddata"
)

func mustOntology(t testing.TB) *Tables {
	t.Helper()
	o, err := Ontology()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// sharedData finds ../shared/data beside the repository root, or skips.
func sharedData(t testing.TB) string {
	t.Helper()
	return shareddata.Require(t)
}

func TestTypes(t *testing.T) {
	o := mustOntology(t)
	want := []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
		"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
	var got []string
	for _, ty := range o.Types() {
		got = append(got, ty.Name)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("types = %v, want %v", got, want)
	}
	// Modes per type as the codebook's mode tables list them (plus the
	// type-level entry), and the quad category of each type's section.
	tests := []struct {
		typ   string
		modes int
		quad  QuadClass
		score float64
		some  string
	}{
		{"AGREE", 0, VerbalCooperation, 2.5, ""},
		{"CONSULT", 4, VerbalCooperation, 2.5, "phone"},
		{"RETREAT", 6, MaterialCooperation, 6.5, "ceasefire"},
		{"REQUEST", 4, VerbalConflict, 0, "yield"},
		{"ACCUSE", 3, VerbalConflict, 3, "investigate"},
		{"REJECT", 4, VerbalConflict, -2, "meet"},
		{"THREATEN", 6, VerbalConflict, -3.5, "territory"},
		{"PROTEST", 7, MaterialConflict, -5, "vandalize"},
		{"SANCTION", 4, MaterialConflict, -6, "convict"},
		{"MOBILIZE", 4, MaterialConflict, -5.5, "militia"},
		{"COERCE", 10, MaterialConflict, -7, "martial-law"},
		{"ASSAULT", 15, MaterialConflict, -9, "heavy-weapons"},
	}
	for _, tc := range tests {
		ty, ok := o.PloverType(tc.typ)
		if !ok {
			t.Errorf("PloverType(%s) missing", tc.typ)
			continue
		}
		if len(ty.Modes) != tc.modes+1 || ty.Modes[0].Name != "" {
			t.Errorf("%s: %d mode rows (first %q), want type-level row + %d", tc.typ, len(ty.Modes), ty.Modes[0].Name, tc.modes)
		}
		if ty.QuadClass != tc.quad || ty.Score != tc.score {
			t.Errorf("%s: quad %v score %v, want %v %v", tc.typ, ty.QuadClass, ty.Score, tc.quad, tc.score)
		}
		if tc.some != "" {
			if _, ok := o.Mode(tc.typ, tc.some); !ok {
				t.Errorf("%s has no mode %s", tc.typ, tc.some)
			}
		}
	}
	for _, ty := range o.Types() {
		if ty.Description == "" || len(ty.Modes) == 0 {
			t.Errorf("%s: description %q, %d modes", ty.Name, ty.Description, len(ty.Modes))
		}
		if q, _ := o.QuadClass(ty.Name); q != ty.QuadClass || q < 1 || q > 4 {
			t.Errorf("QuadClass(%s) = %v", ty.Name, q)
		}
	}
	if m, _ := o.Mode("CONSULT", "visit"); m.Score != 4 {
		t.Errorf("CONSULT visit score %v, want 4", m.Score)
	}
	if m, _ := o.Mode("PROTEST", "vandalize"); m.ScoreSource != "type" || m.Score != -5 {
		t.Errorf("PROTEST vandalize = %+v, want the type's score -5", m)
	}
	if len(o.Contexts()) < 30 {
		t.Errorf("%d contexts, want the codebook's ~37", len(o.Contexts()))
	}
	for _, c := range []string{"military", "diplomatic", "pro_autocracy", "cbrn", "human_security"} {
		if _, ok := o.Context(c); !ok {
			t.Errorf("context %s missing", c)
		}
	}
}

func TestCAMEO(t *testing.T) {
	o := mustOntology(t)
	tests := []struct {
		code, name     string
		goldstein      float64
		from           string
		quad           QuadClass
		plover, mode   string
		contextContain string
	}{
		{"042", "Make a visit", 1.9, "", VerbalCooperation, "CONSULT", "visit", ""},
		{"043", "Host a visit", 2.8, "", VerbalCooperation, "CONSULT", "visit", ""},
		{"044", "Meet at a 'third' location", 2.5, "", VerbalCooperation, "CONSULT", "third-party", ""},
		{"010", "Make statement, not specified below", 0, "", VerbalCooperation, "", "", ""},
		{"0211", "Appeal for economic cooperation", 3.4, "", VerbalCooperation, "", "", ""},
		{"016", "Deny responsibility", -2, "", VerbalCooperation, "", "", ""}, // ICEWS has -5: GDELT is pinned
		{"090", "Investigate, not specified below", -2, "", VerbalConflict, "ACCUSE", "investigate", ""},
		{"1213", "Reject judicial cooperation", -4, "121", VerbalConflict, "REJECT", "assist", "legal"},
		{"1214", "Reject intelligence cooperation", -4, "121", VerbalConflict, "REJECT", "assist", "intelligence"},
		{"141", "Demonstrate or rally", -6.5, "", MaterialConflict, "PROTEST", "demo", ""},
		{"163", "Impose embargo, boycott, or sanctions", -8, "", MaterialConflict, "COERCE", "restrict", "diplomatic"},
		{"176", "Carry out cyber attack (hack)", -7, "17", MaterialConflict, "COERCE", "cyber", "cyber"},
		{"186", "Assassinate", -10, "", MaterialConflict, "ASSAULT", "targeted", ""},
		{"190", "Use conventional military force, not specified below", -10, "", MaterialConflict, "ASSAULT", "", "military"},
		{"2042", "Detonate nuclear weapons", -10, "", MaterialConflict, "ASSAULT", "unconventional", "cbrn"},
	}
	for _, tc := range tests {
		c, ok := o.CAMEO(tc.code)
		if !ok {
			t.Errorf("CAMEO(%s) missing", tc.code)
			continue
		}
		if c.Name != tc.name || c.Goldstein != tc.goldstein || c.GoldsteinFrom != tc.from || c.QuadClass != tc.quad || c.Plover != tc.plover || c.Mode != tc.mode {
			t.Errorf("CAMEO(%s) = %q %v (from %q) quad %v %s/%s; want %q %v (from %q) quad %v %s/%s",
				tc.code, c.Name, c.Goldstein, c.GoldsteinFrom, c.QuadClass, c.Plover, c.Mode,
				tc.name, tc.goldstein, tc.from, tc.quad, tc.plover, tc.mode)
		}
		if tc.contextContain != "" && !strings.Contains(strings.Join(c.Contexts, ";"), tc.contextContain) {
			t.Errorf("CAMEO(%s) contexts %v, want %s among them", tc.code, c.Contexts, tc.contextContain)
		}
		if g, ok := o.Goldstein(tc.code); !ok || g != tc.goldstein {
			t.Errorf("Goldstein(%s) = %v %v", tc.code, g, ok)
		}
	}
	for _, bad := range []string{"", "0", "21", "999", "04a", "0420"} {
		if _, ok := o.CAMEO(bad); ok {
			t.Errorf("CAMEO(%q) found", bad)
		}
	}
}

// Every CAMEO code: a score, the quad class of its root, roots 01-02 unmapped
// and 03-20 mapped, and a mapping target that exists.
func TestEveryCode(t *testing.T) {
	o := mustOntology(t)
	roots := map[int]int{}
	for _, c := range o.Codes() {
		root, err := strconv.Atoi(c.Code[:2])
		if err != nil {
			t.Fatalf("code %q", c.Code)
		}
		roots[root]++
		if c.QuadClass != RootQuadClass(root) {
			t.Errorf("%s: quad %d, root %02d wants %d", c.Code, c.QuadClass, root, RootQuadClass(root))
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v", c.Code, c.Goldstein)
		}
		if c.GoldsteinFrom != "" {
			p, ok := o.CAMEO(c.GoldsteinFrom)
			if !ok || p.Goldstein != c.Goldstein || !strings.HasPrefix(c.Code, p.Code) {
				t.Errorf("%s inherits from %s: %+v", c.Code, c.GoldsteinFrom, p)
			}
		}
		switch {
		case root <= 2 && c.Plover != "":
			t.Errorf("%s maps to %s, but PLOVER drops roots 01-02", c.Code, c.Plover)
		case root > 2 && c.Plover == "":
			t.Errorf("%s has no PLOVER mapping", c.Code)
		case c.Plover != "":
			if _, ok := o.Mode(c.Plover, c.Mode); !ok {
				t.Errorf("%s maps to unknown %s/%s", c.Code, c.Plover, c.Mode)
			}
		}
	}
	for r := 1; r <= 20; r++ {
		if roots[r] < 2 {
			t.Errorf("root %02d has %d codes", r, roots[r])
		}
	}
	if n := len(o.Codes()); n != 314 {
		t.Errorf("%d CAMEO codes, want 314 (GDELT 311 + 1213, 1214, 176)", n)
	}
}

// The pinned Goldstein table is GDELT's, value for value.
func TestGoldsteinIsGDELT(t *testing.T) {
	d := sharedData(t)
	b, err := os.ReadFile(filepath.Join(d, "cameo", "CAMEO.goldsteinscale.txt"))
	if err != nil {
		t.Fatal(err)
	}
	o := mustOntology(t)
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		f := strings.Split(strings.TrimSpace(l), "\t")
		want, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		c, ok := o.CAMEO(f[0])
		if !ok || c.Goldstein != want || c.GoldsteinFrom != "" {
			t.Errorf("%s: %+v, GDELT says %v", f[0], c, want)
		}
		n++
	}
	if n != 311 {
		t.Errorf("GDELT table has %d codes, want 311", n)
	}
}

func TestNormalize(t *testing.T) {
	o := mustOntology(t)
	types := []struct {
		in, want string
		ok       bool
	}{
		{"DEMAND", "REQUEST", true},
		{"DISAPPROVE", "ACCUSE", true},
		{"INVESTIGATE", "ACCUSE", true},
		{"FIGHT", "ASSAULT", true},
		{"fight", "ASSAULT", true},
		{" ASSAULT ", "ASSAULT", true},
		{"consult", "CONSULT", true},
		{"CRIME", "", false},
		{"DOCUMENT", "", false},
		{"", "", false},
		{"NOPE", "", false},
	}
	for _, tc := range types {
		got, ok := o.NormalizeType(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormalizeType(%q) = %q %v, want %q %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	pairs := []struct {
		typ, mode, wantType, wantMode string
		ok                            bool
	}{
		{"INVESTIGATE", "", "ACCUSE", "investigate", true},
		{"DISAPPROVE", "", "ACCUSE", "disapprove", true},
		{"DEMAND", "", "REQUEST", "", true},
		{"FIGHT", "assassinate", "ASSAULT", "targeted", true},
		{"FIGHT", "heavy-weapons", "ASSAULT", "heavy-weapons", true},
		{"COERCE", "destroy", "ASSAULT", "destroy", true},
		{"PROTEST", "strike-hun", "PROTEST", "hunger", true},
		{"CONSULT", "host", "CONSULT", "visit", true},
		{"CONSULT", "Visit", "CONSULT", "visit", true},
		{"CONSULT", "nonsense", "CONSULT", "", true},
		{"CRIME", "", "", "", false},
	}
	for _, tc := range pairs {
		gt, gm, ok := o.Normalize(tc.typ, tc.mode)
		if gt != tc.wantType || gm != tc.wantMode || ok != tc.ok {
			t.Errorf("Normalize(%q, %q) = %q %q %v, want %q %q %v", tc.typ, tc.mode, gt, gm, ok, tc.wantType, tc.wantMode, tc.ok)
		}
	}
}

// Every event of the PLOVER GSR (version 0.5b1 names) normalizes to a
// current type and a valid mode.
func TestNormalizeGSR(t *testing.T) {
	d := sharedData(t)
	b, err := os.ReadFile(filepath.Join(d, "plover-gsr", "PLOVER_GSR_CAMEO.dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		ID    string  `json:"id"`
		Event string  `json:"event"`
		Mode  *string `json:"mode"`
	}
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatal(err)
	}
	o := mustOntology(t)
	n := 0
	for _, r := range recs {
		if strings.Contains(r.ID, "-DOCUMENT-") {
			continue
		}
		mode := ""
		if r.Mode != nil {
			mode = *r.Mode
		}
		typ, m, ok := o.Normalize(r.Event, mode)
		if !ok {
			t.Errorf("%s: %s/%s does not normalize", r.ID, r.Event, mode)
			continue
		}
		if _, valid := o.Mode(typ, m); !valid {
			t.Errorf("%s: %s/%s -> invalid %s/%s", r.ID, r.Event, mode, typ, m)
		}
		n++
	}
	if n < 100 {
		t.Errorf("only %d GSR events checked", n)
	}
}

func TestCAMEOFor(t *testing.T) {
	o := mustOntology(t)
	tests := []struct{ typ, mode, want string }{
		{"CONSULT", "visit", "042"},
		{"CONSULT", "phone", "041"},
		{"CONSULT", "", "040"},
		{"CONSULT", "no-such-mode", "040"},
		{"AGREE", "", "030"},
		{"ACCUSE", "investigate", "090"},
		{"ACCUSE", "allege", "112"},
		{"PROTEST", "demo", "141"},
		{"ASSAULT", "", "180"},
		{"ASSAULT", "targeted", "186"},
		{"COERCE", "arrest", "173"},
	}
	for _, tc := range tests {
		c, ok := o.CAMEOFor(tc.typ, tc.mode)
		if !ok || c.Code != tc.want {
			t.Errorf("CAMEOFor(%s, %q) = %s %v, want %s", tc.typ, tc.mode, c.Code, ok, tc.want)
		}
	}
	if _, ok := o.CAMEOFor("NOPE", ""); ok {
		t.Error("CAMEOFor(NOPE) found")
	}
	// Every type and mode has a default whose code maps back to the type.
	for _, ty := range o.Types() {
		for _, m := range ty.Modes {
			c, ok := o.CAMEOFor(ty.Name, m.Name)
			if !ok || c.Plover != ty.Name {
				t.Errorf("CAMEOFor(%s, %q) = %+v %v", ty.Name, m.Name, c, ok)
			}
		}
	}
	// Round trip: where the default is found by the mapping (not a fallback),
	// the code maps back to the same type and mode.
	for _, d := range o.Defaults() {
		c, _ := o.CAMEO(d.CAMEO)
		if d.How == "mapped" && (c.Plover != d.Type || c.Mode != d.Mode) {
			t.Errorf("default %s/%s -> %s maps back to %s/%s", d.Type, d.Mode, d.CAMEO, c.Plover, c.Mode)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o, err := Ontology()
			if err != nil {
				t.Error(err)
				return
			}
			for _, c := range o.Codes() {
				if g, ok := o.Goldstein(c.Code); !ok || g != c.Goldstein {
					t.Errorf("Goldstein(%s)", c.Code)
				}
			}
		}()
	}
	wg.Wait()
}

// embeddedFiles copies the embedded tables into a MapFS for mutation.
func embeddedFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for name := range columns {
		b, err := fs.ReadFile(dataFS, "data/"+name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	return m
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file string
		edit       func(string) string
		wantErr    string
	}{
		{"version", FileTypes, func(s string) string { return strings.Replace(s, Version, "plover-1999", 1) }, "types.tsv:2: version"},
		{"header", FileModes, func(s string) string { return strings.Replace(s, "type\tmode\tscore", "type\tmodus\tscore", 1) }, "modes.tsv:"},
		{"short row", FileContexts, func(s string) string { return strings.Replace(s, "military\t", "military ", 1) }, "1 fields, want 2"},
		{"unknown type", FileCAMEOPlover, func(s string) string { return strings.Replace(s, "042\tCONSULT", "042\tCHAT", 1) }, `unknown PLOVER type "CHAT"`},
		{"unknown mode", FileCAMEOPlover, func(s string) string { return strings.Replace(s, "042\tCONSULT\tvisit", "042\tCONSULT\tswim", 1) }, `unknown mode "swim"`},
		{"no score", FileCAMEO, func(s string) string { return strings.Replace(s, "\tMake a visit\t1.9\t", "\tMake a visit\t\t", 1) }, "042 goldstein"},
		{"wrong quad", FileCAMEO, func(s string) string { return strings.Replace(s, "\t1.9\tgdelt\t1\t", "\t1.9\tgdelt\t2\t", 1) }, "042 quad class 2, want 1"},
		{"bad inherit", FileCAMEO, func(s string) string { return strings.Replace(s, "inherited:121", "inherited:12", 1) }, "want its parent"},
		{"missing default", FilePloverCAMEO, func(s string) string {
			var out []string
			for _, l := range strings.Split(s, "\n") {
				if !strings.HasPrefix(l, "CONSULT\tphone\t") {
					out = append(out, l)
				}
			}
			return strings.Join(out, "\n")
		}, "no default CAMEO code for CONSULT/phone"},
		{"legacy target", FileLegacy, func(s string) string { return strings.Replace(s, "DEMAND\t\tREQUEST", "DEMAND\t\tASK", 1) }, `unknown PLOVER type "ASK"`},
		{"invalid utf8", FileTypes, func(s string) string { return strings.Replace(s, "AGREE", "AGR\xffE", 1) }, "invalid UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := embeddedFiles(t)
			before := string(m[tc.file].Data)
			after := tc.edit(before)
			if after == before {
				t.Fatal("edit changed nothing")
			}
			m[tc.file] = &fstest.MapFile{Data: []byte(after)}
			_, err := Load(m)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("Load error = %v, want it to contain %q", err, tc.wantErr)
			}
		})
	}
	if _, err := Load(embeddedFiles(t)); err != nil {
		t.Fatalf("unmodified tables: %v", err)
	}
}

func FuzzParseTable(f *testing.F) {
	for name := range columns {
		b, err := fs.ReadFile(dataFS, "data/"+name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, b[:min(len(b), 2000)])
	}
	f.Add(FileContexts, []byte("# version: "+Version+"\ncontext\tdescription\na\tb\n"))
	f.Add(FileContexts, []byte("context\tdescription\n\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		cols, ok := columns[name]
		if !ok {
			cols = columns[FileContexts]
		}
		rows, err := parseTable(bytes.NewReader(data), name, cols)
		if err != nil {
			if !strings.Contains(err.Error(), name) {
				t.Fatalf("error %q does not name the input %q", err, name)
			}
			return
		}
		for _, r := range rows {
			if len(r) != len(cols)+1 {
				t.Fatalf("row %q has %d fields, want %d + line", r, len(r), len(cols))
			}
		}
	})
}

func BenchmarkLookups(b *testing.B) {
	o := mustOntology(b)
	codes := []string{"042", "190", "1213", "0211", "176"}
	b.Run("CAMEO", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, ok := o.CAMEO(codes[i%len(codes)]); !ok {
				b.Fatal("missing")
			}
		}
	})
	b.Run("CAMEOFor", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if c, ok := o.CAMEOFor("CONSULT", "visit"); !ok || c.Code != "042" {
				b.Fatal("wrong")
			}
		}
	})
	b.Run("NormalizeType", func(b *testing.B) {
		b.ReportAllocs()
		names := []string{"CONSULT", "DEMAND", "ASSAULT", "FIGHT"}
		for i := 0; b.Loop(); i++ {
			if _, ok := o.NormalizeType(names[i%len(names)]); !ok {
				b.Fatal("missing")
			}
		}
	})
	b.Run("Goldstein", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, ok := o.Goldstein(codes[i%len(codes)]); !ok {
				b.Fatal("missing")
			}
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(sub); err != nil {
			b.Fatal(err)
		}
	}
}
