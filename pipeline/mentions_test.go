package pipeline

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/article"
)

// TestMentionCases runs sentences written for this test through the
// pipeline and checks the actor code of one mention, by its text: what
// the resolver makes of relational nouns, unknown organisations, places
// modifying state bodies and ethnic groups. A want of "-" is a mention
// with no code; "absent" is no mention with that text at all.
func TestMentionCases(t *testing.T) {
	p := load(t)
	p.Published = time.Date(2005, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		text    string
		mention string
		want    string
	}{
		{"a possessor is not its neighbours", "Chile's neighbours criticised the decision on Monday.",
			"Chile's neighbours", "-"},
		{"a possessor is not its enemies", "Peru's enemies have accused Lima of lying.",
			"Peru's enemies", "-"},
		{"a possessive pronoun's allies are not its owner", "Chile and its allies have criticised Bolivia.",
			"its allies", "-"},
		{"the 'of' form: the rivals of a state", "The rivals of Bolivia's president met in secret.",
			"rivals of Bolivia's president", "-"},
		{"an apposition names the relational party", "Peru signed a truce with its neighbour, Ecuador, on Monday.",
			"its neighbour", "ECU"},
		{"a relational party set in a country is that country's", "Gunmen killed a commander of Chile's main ally in northern Peru on Friday.",
			"Chile's main ally", "PER"},
		{"the 'of' name of a possessed noun is no office of the owner", "Gunmen killed a commander of Chile's main ally in northern Peru on Friday.",
			"commander of Chile", "absent"},
		{"a region a state body is 'of' places it", "The government of Balochistan province banned rallies on Monday.",
			"government", "PAKGOV"},
		{"'the state of X' too, before the article's last country", "Chile sent aid. The police of the state of Kerala arrested ten protesters.",
			"police", "INDCOP"},
		{"a former office holder is no state body of the place", "The former governor of Texas criticised the plan.",
			"governor", "GOV"},
		{"a named forum of no state is non-governmental", "The Andean Water Forum called on Chile to protect its rivers.",
			"Andean Water Forum", "NGO"},
		{"so is a committee, and its acronym follows it", "The Ceasefire Monitoring Committee (CMC) accused Peru of breaking the truce.",
			"CMC", "NGO"},
		{"a name that marks a state's body is never an NGO", "The Provisional Truth Commission questioned the generals.",
			"Provisional Truth Commission", "-"},
		{"an organisation with an owner is part of it", "The university's Institute for Andean Studies published a report.",
			"Institute for Andean Studies", "-"},
		{"a company of no named state stays unplaced", "Acme Mining Holdings signed a contract on Monday.",
			"Acme Mining Holdings", "-"},
		{"a company named with its state is that state's business", "Chilean Airways cancelled its flights to Lima.",
			"Chilean Airways", "CHLBUS"},
		{"a name before a known organisation's acronym is that organisation", "The World Health Office (WHO) criticised Chile on Monday.",
			"World Health Office", "WHO"},
		{"a country adjective beats where a people lives", "Peru will let 2,000 Bolivian Aymara refugees who have lived in Chile return home.",
			"Bolivian Aymara refugees", "BOLREF"},
		{"ethnic groups are of the state they live in, with a sector too", "Croatian Serb fighters shelled the town on Monday.",
			"Croatian Serb fighters", "HRVUAF"},
		{"one state's own agency named by another's word", "Belarusian KGB officers arrested three journalists.",
			"Belarusian KGB", "BLRSPY"},
		{"a compound of origin ends in the state of settlers", "Mexican American voters backed the candidate.",
			"Mexican American voters", "absent"},
		{"an apposition's sector is its own noun phrase's, not a misparsed object's",
			"Hiro Tanaka, the United Nations Emergency Relief Coordinator, demanded parties to the war in Sudan to let aid through.",
			"Hiro Tanaka", "UN"},
		{"an apposition's relative clause gives the sector", "Zorbatkan, the directorate that manages religious affairs in Turkey, issued a statement.",
			"Zorbatkan", "TURREL"},
		{"the Taliban are Afghanistan's armed group", "The Taliban movement that rules Afghanistan rejected the demand.",
			"Taliban", "AFGREBTAL"},
		{"the UN secretary-general by name, that day's holder", "Chile rejected calls by Kofi Annan, UN secretary-general, to reform the council.",
			"Kofi Annan", "UN"},
		{"a rank word is no police", "The deputy chief of the mission resigned on Monday.",
			"deputy", "absent"},
		{"sector words after a group's name describe its members", "The Taliban religious faction rejected the offer.",
			"Taliban religious", "AFGREBTAL"},
		{"a given name is not an organisation's acronym", "Eric Mendoza told reporters that the talks had failed.",
			"Eric", "absent"},
		{"a common word is not an organisation's acronym", "Share prices fell sharply in Lima on Monday.",
			"Share", "absent"},
		{"an acronym written as a name stays", "Nato criticised Chile on Monday.",
			"Nato", "NATO"},
		{"a party to something is a side of it", "The envoy urged the parties to the conflict in Chad to stop fighting.",
			"parties", "-"},
		{"a state's parties to something are its sides", "The Bolivian parties to the truce met in Lima on Monday.",
			"Bolivian parties", "BOL"},
		{"a state's party is its political party", "The Bolivian parties boycotted the election.",
			"Bolivian parties", "BOLPTY"},
		{"radical believers of no state are placed where they act, as radicals are", "Islamic fundamentalists burned a police station in Bolivia.",
			"Islamic fundamentalists", "BOLMUSRAD"},
		{"a capital before an organisation's noun is where it is, not the government", "The activist was flown out by Madrid charity Hope Bridge Foundation.",
			"Madrid", "absent"},
		{"so is a capital that an organisation is based in", "Analysts at a Lima-based think tank criticised the Chilean government.",
			"Lima", "absent"},
		{"so is a capital before a bureau", "The Quito bureau of the Andean Courier accused Peru of harassment.",
			"Quito", "absent"},
		{"a capital acting is the government", "Lima accused Chile of spying on Monday.",
			"Lima", "PERGOV"},
		{"a lone adjective shares the noun of its conjunct", "Chilean and Peruvian border guards exchanged fire.",
			"Chilean", "CHLMIL"},
		{"a country's name shares nothing", "Chile and Peruvian soldiers met.",
			"Chile", "CHL"},
		{"a capital's residents are the country's people, not its government's", "Residents of Lima fled the floods.",
			"Residents of Lima", "PERCVL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{ID: "case", Paragraphs: []article.Paragraph{{Text: tc.text}}}
			var got []string
			found := false
			for _, m := range p.Process(a).Mentions {
				code := m.Actor.Code
				if code == "" {
					code = "-"
				}
				got = append(got, m.Text+"="+code)
				if m.Text == tc.mention {
					found = true
					if code != tc.want {
						t.Errorf("%q is %s, want %s", m.Text, code, tc.want)
					}
				}
			}
			if found != (tc.want != "absent") {
				t.Errorf("mention %q found %v; mentions: %s", tc.mention, found, strings.Join(got, ", "))
			}
		})
	}
}
