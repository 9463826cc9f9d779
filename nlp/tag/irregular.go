package tag

import (
	"bytes"
	"strings"
)

// irregularPast maps the past and past-participle forms of English
// irregular verbs to their base form. The learned lemma rules know only
// the forms the training data holds: "fled" and "fought" are rare in web
// text and common in news, and a suffix rule turns them into "fl" and
// "feek", which no event pattern matches. Forms that are also another
// verb's base or past ("found", "lay", "saw", "wound", "fell", "ground")
// are left out: their lemma depends on the verb.
var irregularPast = func() map[string]string {
	// base past participle, one verb a line; "-" when the past is the
	// base or the participle is the past.
	const table = `
arise arose arisen
awake awoke awoken
bear bore borne
beat - beaten
become became become
begin began begun
bend bent -
bid - bidden
bind bound -
bite bit bitten
bleed bled -
blow blew blown
break broke broken
breed bred -
bring brought -
build built -
burn burnt -
buy bought -
catch caught -
choose chose chosen
cling clung -
come came come
creep crept -
deal dealt -
dig dug -
do did done
draw drew drawn
dream dreamt -
drink drank drunk
drive drove driven
eat ate eaten
feed fed -
feel felt -
fight fought -
flee fled -
fling flung -
fly flew flown
forbid forbade forbidden
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got gotten
give gave given
go went gone
grow grew grown
hang hung -
have had -
hear heard -
hide hid hidden
hold held -
keep kept -
kneel knelt -
know knew known
lead led -
lean leant -
leap leapt -
learn learnt -
leave left -
lend lent -
lie lay lain
lose lost -
make made -
mean meant -
meet met -
overcome overcame overcome
pay paid -
ride rode ridden
ring rang rung
rise rose risen
run ran run
say said -
see saw seen
seek sought -
sell sold -
send sent -
shake shook shaken
shine shone -
shoot shot -
show showed shown
shrink shrank shrunk
sing sang sung
sink sank sunk
sit sat -
slay slew slain
sleep slept -
slide slid -
speak spoke spoken
speed sped -
spend spent -
spin spun -
spit spat -
split split -
spring sprang sprung
stand stood -
steal stole stolen
stick stuck -
sting stung -
stink stank stunk
strike struck stricken
strive strove striven
swear swore sworn
sweep swept -
swim swam swum
swing swung -
take took taken
teach taught -
tear tore torn
tell told -
think thought -
throw threw thrown
tread trod trodden
understand understood -
wake woke woken
wear wore worn
weave wove woven
weep wept -
win won -
withdraw withdrew withdrawn
wring wrung -
write wrote written
`
	m := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(table), "\n") {
		f := strings.Fields(line)
		base, past, part := f[0], f[1], f[2]
		if past == "-" {
			past = base
		}
		if part == "-" {
			part = past
		}
		for _, form := range []string{past, part} {
			if form != base {
				m[form] = base
			}
		}
	}
	// Ambiguous with another verb's base or past: see above.
	for _, w := range []string{"found", "lay", "saw", "wound", "fell", "ground", "bore", "rose", "lain"} {
		delete(m, w)
	}
	return m
}()

// verbPrefixes make new verbs of irregular ones that keep their
// inflection: "undertook", "overran", "withheld", "foresaw".
var verbPrefixes = []string{"under", "over", "with", "out", "fore", "mis", "re", "up", "be"}

// irregularBase returns the base form of an irregular past or participle,
// lower-case, with a prefix it may carry ("undertook" -> "undertake").
// It allocates only for a prefixed form.
func irregularBase(low []byte) (string, bool) {
	if b, ok := irregularPast[string(low)]; ok {
		return b, true
	}
	for _, p := range verbPrefixes {
		if rest, ok := bytes.CutPrefix(low, []byte(p)); ok && len(rest) >= 3 {
			if b, ok := irregularPast[string(rest)]; ok {
				return p + b, true
			}
		}
	}
	return "", false
}
