package pipeline

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/article"
)

// TestCodingCases runs whole sentences written for this test through the
// pipeline and checks the (type, actor country, recipient country) tuples
// an analyst would code, and tuples that must not appear.
func TestCodingCases(t *testing.T) {
	p := load(t)
	p.Published = time.Date(2005, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		text    string
		want    []string // "TYPE ACTOR>RECIPIENT" by country, "-" for none
		notWant []string
	}{
		{"compound adjectives are both actors; their own countries are no recipient",
			"Senior Chilean and Peruvian officials agreed on Friday that their governments should work together on fisheries.",
			[]string{"AGREE CHL>-", "AGREE PER>-"}, []string{"AGREE CHL>PER"}},
		{"title and a surname the knowledge base knows",
			"President Putin threatened further measures against Georgia in a televised address.",
			[]string{"THREATEN RUS>GEO"}, nil},
		{"a state office with no country takes the country its sentence is set in",
			"The military council declared a state of emergency in Bolivia on Tuesday, arresting dozens of union leaders.",
			[]string{"COERCE BOL>BOL"}, nil},
		{"the recipient named deeper in the intended act",
			"Chile threatened to cut off gas exports to the Argentine province of Mendoza.",
			[]string{"THREATEN CHL>ARG"}, nil},
		{"what a demand asks for has not happened",
			"Chilean students marched in Santiago to demand the resignation of the Peruvian ambassador.",
			nil, []string{"RETREAT PER>-", "RETREAT PER>CHL"}},
		{"a clause under 'unless' is no event",
			"Peru will boycott the summit unless Chile agrees to reopen the border talks.",
			nil, []string{"AGREE CHL>-", "AGREE CHL>PER"}},
		{"coordinated recipients deeper in the clause",
			"Japan agreed to provide emergency aid for Chile and Peru.",
			[]string{"AGREE JPN>CHL", "AGREE JPN>PER"}, nil},
		{"a purpose clause is not yet an event, but a protest is made by its act",
			"Chilean miners blocked the highway to Lima to demand higher wages.",
			[]string{"PROTEST CHL>CHL"}, []string{"PROTEST CHL>PER", "REQUEST CHL>-", "REQUEST CHL>CHL"}},
		{"a plan to act is coded as the intention",
			"Argentina plans to impose restrictions on imports from Peru.",
			[]string{"THREATEN ARG>PER"}, nil},
		{"a pair that fails to agree rejects, with no other party",
			"Chile and Peru failed to reach agreement on fishing rights.",
			[]string{"REJECT CHL>-", "REJECT PER>-"}, []string{"REJECT CHL>PER", "REJECT PER>CHL"}},
		{"saying what another must do is a demand; the obligation is not coded",
			"The Peruvian foreign minister said on Monday that Chile must withdraw its troops from the border.",
			[]string{"REQUEST PER>CHL"}, []string{"RETREAT CHL>-", "RETREAT CHL>PER"}},
		{"an announcement carries through chains and conjuncts",
			"Argentina is willing to send troops to help defend Uruguay.",
			nil, []string{"SUPPORT ARG>URY"}},
		{"attacking someone for something is criticism, not violence",
			"The Chilean president attacked Peru for its fishing policy.",
			[]string{"ACCUSE CHL>PER"}, []string{"ASSAULT CHL>PER"}},
		{"receiving criticism is no visit",
			"The Chilean government received criticism from Peru.",
			nil, []string{"CONSULT CHL>PER", "CONSULT CHL>-"}},
		{"a press conference is a statement, not a meeting",
			"The Chilean foreign minister held a press conference about Peruvian fishing boats.",
			nil, []string{"CONSULT CHL>PER", "CONSULT CHL>-"}},
		{"a reduced passive names what was done to, not who did it",
			"Peru released the fishermen arrested by Chilean police last week.",
			[]string{"COERCE CHL>-"}, []string{"COERCE PER>-", "COERCE PER>PER"}},
		{"a common surname alone is no foreign office holder",
			"Smith attacked the mayor of Denver for his housing policy.",
			nil, []string{"ACCUSE GHA>-", "ACCUSE GHA>USA"}},
		{"a predicate adjective with its other party",
			"Peru has been very critical of Chile since the border talks failed.",
			[]string{"ACCUSE PER>CHL"}, nil},
		{"a predicate adjective with no other party codes nothing",
			"Chile has been very active in the fishing industry.",
			nil, []string{"COOPERATE CHL>-", "COOPERATE CHL>CHL"}},
		{"a currency is no country",
			"Chile invested nine billion US dollars in Peruvian ports.",
			nil, []string{"COOPERATE CHL>USA"}},
		{"'we must' is a resolve, not a demand",
			"The Chilean minister said we must protect the fisheries of Peru.",
			nil, []string{"REQUEST CHL>CHL", "REQUEST CHL>-"}},
		{"making a big deal of something is no agreement",
			"Peruvian newspapers made a big deal about the Chilean ambassador.",
			nil, []string{"AGREE PER>CHL", "AGREE PER>-"}},
		{"'when asked' is a reduced passive: the subject did not ask",
			"When asked about the border, the Chilean president praised Peru.",
			[]string{"SUPPORT CHL>PER"}, []string{"REQUEST CHL>-", "REQUEST CHL>PER"}},
		{"a country named as a participant does not set the scene",
			"The interior ministry accused Venezuela of sheltering the smugglers.",
			nil, []string{"ACCUSE VEN>VEN"}},
		{"a country's organisation named in parts, its acronym and 'it' are that country's",
			"The Chilean Federation of Dock Workers (CFDW) announced on Monday that it had called off a two-week strike.",
			[]string{"CONCEDE CHL>CHL"}, nil},
		{"a threat's condition names whom it is aimed at",
			"Bolivia has threatened to halt gas exports to the region if Chile goes ahead with the new port tariffs.",
			[]string{"THREATEN BOL>CHL"}, nil},
		{"a party named by the sentence's setting, and 'it' after it; a sector word inside a word is none",
			"The Verde party said it will boycott Peru's multi-party talks unless the president resigns.",
			[]string{"THREATEN PER>PER"}, []string{"THREATEN PER>-"}},
		{"an ethnic group is of the state it lives in",
			"Bosnian Croats blocked the highway. Ethnic Russians demonstrated in Estonia. The Turks of northern Greece demanded autonomy from Greek authorities.",
			[]string{"PROTEST BIH>BIH", "PROTEST EST>EST", "REQUEST GRC>GRC"}, []string{"PROTEST HRV>HRV", "PROTEST RUS>RUS", "REQUEST TUR>GRC"}},
		{"what happens in an 'unless' clause or a purpose clause is not coded, nouns included",
			"Chile threatened to close the border unless Peru accepted its terms for ending the dispute, and sent observers to monitor the ceasefire between Bolivia and Peru.",
			[]string{"THREATEN CHL>PER"}, []string{"RETREAT PER>CHL", "RETREAT BOL>PER", "RETREAT PER>BOL"}},
		{"a possessive refers to its clause's subject before a nearer name",
			"Chile has refused to send observers to Peru and has urged its citizens to stay away from the border in Peru.",
			[]string{"REQUEST CHL>CHL"}, []string{"REQUEST CHL>PER"}},
		{"a measure noun passes its 'of' noun to the pattern",
			"The Chilean navy held three days of war games with Peru.",
			[]string{"COOPERATE CHL>PER"}, nil},
		{"a plural-looking state name is 'it'",
			"The Philippines said on Monday that it had expelled two Chinese diplomats.",
			[]string{"SANCTION PHL>CHN"}, nil},
		{"an organisation the knowledge base places is no gazetteer place",
			"The Chilean cabinet decided to approve a plan that will ban candidates from Hamas.",
			nil, []string{"SUPPORT CHL>DEU"}},
		{"slashing aid is a sanction",
			"Chile slashed aid to Bolivia after the border incident.",
			[]string{"SANCTION CHL>BOL"}, nil},
		{"arriving in a capital is a visit; the talks it comes for are the visit's purpose",
			"The Chilean foreign minister arrived in Lima on Monday. Bolivian negotiators returned to Geneva for talks with Peru.",
			[]string{"CONSULT CHL>PER", "CONSULT BOL>PER"}, nil},
		{"a visit with no host named, or troops arriving, is no visit; a year is no one",
			"The Chilean president attended law school in 1964. Chilean troops arrived in the area.",
			nil, []string{"CONSULT CHL>-", "CONSULT CHL>CHL"}},
		{"'their' after a coordination is both; a meeting put off did not happen",
			"Chile and Peru praised their cooperation. Bolivia and Peru have postponed their meeting.",
			[]string{"SUPPORT CHL>PER", "SUPPORT PER>CHL"}, []string{"CONSULT BOL>PER", "CONSULT PER>BOL"}},
		{"students and residents are of the country their sentence is set in",
			"Thousands of students marched in Bolivia on Monday.",
			[]string{"PROTEST BOL>BOL"}, nil},
		{"supporters and prisoners are people of the country the sentence is set in",
			"About 200 supporters of the former mayor blocked roads in Bolivia. Prisoners rioted at a jail in Peru.",
			[]string{"PROTEST BOL>BOL", "PROTEST PER>PER"}, nil},
		{"a capital named as where the sentence is set places its people",
			"Prisoners rioted at a jail in the capital city of Lima.",
			[]string{"PROTEST PER>PER"}, nil},
		{"a person the knowledge base cannot place is one of the actor's own, except as a target of violence",
			"The Bolivian president pardoned Juan Carlos Mendoza on Monday. Bolivian troops killed Ramon Quiroga on Tuesday.",
			[]string{"CONCEDE BOL>BOL", "ASSAULT BOL>-"}, []string{"ASSAULT BOL>BOL"}},
		{"martial law and curfews with no place named are on the actor's own country",
			"The Bolivian government declared a state of emergency on Monday.",
			[]string{"COERCE BOL>BOL"}, []string{"COERCE BOL>-"}},
		{"a subject pronoun in reported speech is the speaker, not a nearer adjective",
			"Bolivian rebels rejected a Peruvian peace plan and said they opposed any foreign force.",
			[]string{"REJECT BOL>PER"}, []string{"REJECT PER>-", "REJECT PER>BOL"}},
		{"what a 'because of' phrase gives as the reason is not coded",
			"The Chilean government banned the group because of what it called its role in attacking Peruvian police.",
			[]string{"COERCE CHL>CHL"}, []string{"ASSAULT CHL>PER"}},
		{"the nearest other party of a nominal event comes with its conjuncts",
			"Chile's president launched a mediation effort on Saturday between Bolivia and Peru.",
			[]string{"CONSULT CHL>BOL", "CONSULT CHL>PER"}, nil},
		{"sending materiel is military aid, and promised it is AGREE",
			"Argentina is willing to send materiel to help defend Uruguay.",
			[]string{"AGREE ARG>URY"}, nil},
		{"the examples a 'such as' names are the actors of a generic subject",
			"Several regional organisations with roots in Chile, such as the Andean Community, have been very active in Peru.",
			[]string{"COOPERATE AC>PER"}, nil},
		{"a phrase with a preposition the parser made a second subject is no speaker",
			"Chilean businessman Pedro Soto wrote a letter to Bolivia. In it, Soto said that Chile and Peru should unite.",
			[]string{"REQUEST CHL>PER"}, []string{"REQUEST BOL>CHL", "REQUEST BOL>PER"}},
		{"a town sets its sentence in its country, placing unnamed gunmen",
			"Gunmen shot dead four policemen in Arequipa on Sunday.",
			[]string{"ASSAULT PER>PER"}, nil},
		{"a domestic group the sentence does not place is of the state whose institution it acts on",
			"Armed rebels ambushed a convoy of Peruvian policemen near the border on Sunday.",
			[]string{"ASSAULT PER>PER"}, nil},
		{"an organisation naming what a state is a member of is no actor",
			"NATO-member Norway will send aid to Chile.",
			[]string{"AGREE NOR>CHL"}, []string{"AGREE NATO>CHL"}},
		{"a town of a state that seceded later was its predecessor's (Juba before 2011)",
			"Sudanese rebels shelled Juba and the town of Torit on Sunday.",
			[]string{"ASSAULT SDN>SDN"}, []string{"ASSAULT SDN>SSD"}},
		{"a leader's act on his own country by name has no other party",
			"The Peruvian president promised to modernise Peru and to fight corruption.",
			[]string{"AGREE PER>-"}, []string{"AGREE PER>PER"}},
		{"a demanded withdrawal is asked of those who are to withdraw, not of the place they leave",
			"Peru demanded the withdrawal of Chilean troops from Bolivia.",
			[]string{"REQUEST PER>CHL"}, []string{"REQUEST PER>BOL"}},
		{"a participle on an issued statement is its author's act",
			"Peru issued a statement condemning the Chilean raid.",
			[]string{"ACCUSE PER>CHL"}, nil},
		{"a person the knowledge base cannot place does not keep his supporters from the sentence's setting",
			"Supporters of the former president blocked roads in the capital city of Lima.",
			[]string{"PROTEST PER>PER"}, nil},
		{"'in protest of' names whom a protest is against, and so whose the protesters are",
			"Students began a hunger strike in protest of the Chilean government's new tax law.",
			[]string{"PROTEST CHL>CHL"}, nil},
		{"a state or province opening a title places its holder",
			"Texas Senator John Smith criticised Chile on Monday.",
			[]string{"ACCUSE USA>CHL"}, nil},
		{"a conjoined verb's parties are not the first verb's",
			"The Peruvian cabinet met on Sunday and decided to expel the Chilean ambassador.",
			nil, []string{"CONSULT PER>CHL"}},
		{"lifting a curfew is domestic, also where the curfew was",
			"Peru lifted the night curfew in the province of Puno.",
			[]string{"CONCEDE PER>PER"}, nil},
		{"what an issued reminder says another must do is a demand on it",
			"The Peruvian president sent a stern reminder to Chile that it must respect the border.",
			[]string{"REQUEST PER>CHL"}, nil},
		{"major armed groups beyond the Middle East are in the knowledge base",
			"Shining Path guerrillas ambushed a Peruvian army patrol, and the FARC rejected talks with Colombia.",
			[]string{"ASSAULT PER>PER", "REJECT COL>COL"}, nil},
		{"violence that lands in a town of another country is against that country",
			"Chilean artillery fired four shell bombs at targets in Arequipa on Monday.",
			[]string{"ASSAULT CHL>PER"}, nil},
		{"a town or province modifying a state body places it; its police act on their own people",
			"Arequipa police arrested ten protesters on Monday.",
			[]string{"COERCE PER>PER"}, nil},
		{"killing a bill is no violence",
			"The Peruvian senate killed the bill on Monday.",
			nil, []string{"ASSAULT PER>-"}},
		{"conjoined parties that fight, fight each other",
			"Chile and Bolivia fought a short war over the nitrate fields.",
			[]string{"ASSAULT CHL>BOL", "ASSAULT BOL>CHL"}, nil},
		{"a foreign army is no evidence of the attackers' country",
			"Gunmen ambushed a convoy of Chilean soldiers on Sunday.",
			nil, []string{"ASSAULT CHL>CHL"}},
		{"a state's neighbours are not the state",
			"Chile's neighbours criticised the decision on Monday.",
			nil, []string{"ACCUSE CHL>-"}},
		{"the ally of a state, set in another, is of the other",
			"Bolivian rebels killed a commander of Chile's militia ally in northern Peru on Friday.",
			[]string{"ASSAULT BOL>PER"}, []string{"ASSAULT BOL>CHL"}},
		{"the government of a province is that province's state's",
			"The government of Balochistan province has criticised the decision.",
			[]string{"ACCUSE PAK>-"}, nil},
		{"a named forum of no state is a non-governmental actor",
			"The Global Fisheries Forum urged Chile to protect its coastal waters.",
			[]string{"REQUEST NGO>CHL"}, nil},
		{"a people's word after a state's adjective is no second actor",
			"Bosnian Serb forces shelled the town of Bihac on Monday.",
			nil, []string{"ASSAULT SRB>BIH"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{ID: "case", Paragraphs: []article.Paragraph{{Text: tc.text}}}
			var got []string
			for _, e := range p.Process(a).Events {
				r := "-"
				if e.Recipient != nil {
					r = e.Recipient.Country
				}
				got = append(got, e.Type+" "+e.Actor.Country+">"+r)
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s; got %s", w, strings.Join(got, ", "))
				}
			}
			for _, w := range tc.notWant {
				if slices.Contains(got, w) {
					t.Errorf("coded %s; got %s", w, strings.Join(got, ", "))
				}
			}
		})
	}
}

// TestGivenNameNotCountry checks that a country name the recogniser reads
// as a person's given name is no country mention.
func TestGivenNameNotCountry(t *testing.T) {
	p := load(t)
	a := &article.Article{ID: "case", Paragraphs: []article.Paragraph{{Text: "The director wrote that Chad was an anomaly among actors."}}}
	for _, m := range p.Process(a).Mentions {
		if m.Actor.Country == "TCD" {
			t.Errorf("%q resolved to Chad the country", m.Text)
		}
	}
}
