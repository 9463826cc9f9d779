package export

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/store"
)

// GDELTFields are the 61 columns of the GDELT 2.0 event table, in order
// (GDELT Event Codebook V2.0). The export writes no header, as GDELT does.
var GDELTFields = sync.OnceValue(func() []string {
	f := []string{"GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"}
	for _, a := range []string{"Actor1", "Actor2"} {
		for _, s := range []string{"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"} {
			f = append(f, a+s)
		}
	}
	f = append(f, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
		"NumMentions", "NumSources", "NumArticles", "AvgTone")
	for _, g := range []string{"Actor1Geo_", "Actor2Geo_", "ActionGeo_"} {
		for _, s := range []string{"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"} {
			f = append(f, g+s)
		}
	}
	return append(f, "DATEADDED", "SOURCEURL")
})

//go:embed data/iso3_fips.tsv
var fipsTSV string

// fipsTable maps ISO 3166-1 alpha-3 to FIPS 10-4 (from GeoNames).
var fipsTable = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for line := range strings.SplitSeq(fipsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "iso3\t") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) >= 2 {
			m[cols[0]] = cols[1]
		}
	}
	return m
})

// FIPS returns the FIPS 10-4 code of an ISO 3166-1 alpha-3 country, or "".
func FIPS(iso3 string) string { return fipsTable()[iso3] }

// GlobalEventID is the integer GDELT's first column needs: the first 60
// bits of the event id read as hex (dyad ids are hex hashes), or of the
// id's SHA-256 for ids that are not hex. Stable across exports and stores.
func GlobalEventID(id string) uint64 {
	if len(id) >= 15 {
		if v, err := strconv.ParseUint(id[:15], 16, 64); err == nil {
			return v
		}
	}
	h := sha256.Sum256([]byte(id))
	return binary.BigEndian.Uint64(h[:8]) >> 4
}

type gdeltWriter struct {
	w      *bufio.Writer
	fields []string
}

// clean keeps a value on one tab-separated line.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func actorFields(p *event.Participant) []string {
	f := make([]string, 10)
	if p == nil {
		return f
	}
	f[0] = p.Code
	f[1] = strings.ToUpper(p.Name)
	if f[1] == "" {
		f[1] = strings.ToUpper(p.Text)
	}
	// CAMEO country codes are ISO alpha-3; organisations (NATO, UN, EU)
	// go to the known-group column.
	if len(p.Country) == 3 && FIPS(p.Country) != "" {
		f[2] = p.Country
	} else {
		f[3] = p.Country
	}
	f[7] = p.Sector
	return f
}

func (g *gdeltWriter) Write(e *store.StoredEvent) error {
	d, err := time.Parse(time.DateOnly, e.Date)
	if err != nil {
		return fmt.Errorf("gdelt: event %s: date %q", e.ID, e.Date)
	}
	f := g.fields[:0]
	f = append(f, strconv.FormatUint(GlobalEventID(e.ID), 10), d.Format("20060102"), d.Format("200601"), d.Format("2006"),
		strconv.FormatFloat(float64(d.Year())+float64(d.YearDay())/365, 'f', 4, 64))
	f = append(f, actorFields(e.Actor)...)
	f = append(f, actorFields(e.Recipient)...)
	root := "0"
	if e.SentenceIndex < 3 { // GDELT: in the lead paragraph; here the first three sentences
		root = "1"
	}
	base, rootCode := e.CAMEO, e.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	if len(rootCode) > 2 {
		rootCode = rootCode[:2]
	}
	f = append(f, root, e.CAMEO, base, rootCode, strconv.Itoa(e.QuadClass), strconv.FormatFloat(e.Goldstein, 'f', -1, 64),
		strconv.Itoa(e.Mentions), strconv.Itoa(e.Sources), strconv.Itoa(e.Articles),
		"") // AvgTone: dyad scores no tone
	// Actor geography is not coded: type 0, the rest empty.
	for range 2 {
		f = append(f, "0", "", "", "", "", "", "", "")
	}
	if l := e.Location; l != nil {
		typ, feature := "1", "" // a country
		if l.GeoNames != 0 {
			typ, feature = "4", strconv.Itoa(l.GeoNames) // a world city or place
		}
		fips := FIPS(l.Country)
		f = append(f, typ, l.Name, fips, fips, "",
			strconv.FormatFloat(l.Lat, 'f', -1, 64), strconv.FormatFloat(l.Lon, 'f', -1, 64), feature)
	} else {
		f = append(f, "0", "", "", "", "", "", "", "")
	}
	added := e.Added
	if added.IsZero() {
		added = d
	}
	f = append(f, added.UTC().Format("20060102150405"), e.Article.URL)
	g.fields = f
	for i, v := range f {
		if i > 0 {
			g.w.WriteByte('\t')
		}
		g.w.WriteString(clean(v))
	}
	return g.w.WriteByte('\n')
}

func (g *gdeltWriter) Close() error { return g.w.Flush() }
