package nlp

import "strings"

// abbrevs are words that keep their final period as part of the token.
// Titles (which precede a name and so never end a sentence before a
// capitalised word) are marked true.
var abbrevs = map[string]bool{
	// titles and ranks
	"Mr": true, "Mrs": true, "Ms": true, "Messrs": true, "Dr": true, "Prof": true, "Gen": true, "Col": true,
	"Lt": true, "Sgt": true, "Capt": true, "Cmdr": true, "Adm": true, "Maj": true, "Gov": true, "Sen": true,
	"Rep": true, "Reps": true, "Sens": true, "Rev": true, "Fr": true, "Pres": true, "Supt": true, "Insp": true,
	"Hon": true, "Amb": true, "Brig": true, "Cpl": true, "Pvt": true, "Sr": true, "Jr": true, "St": true,
	"Mt": true, "Ft": true, "Mme": true, "Mlle": true, "Msgr": true, "Gens": true, "Atty": true,
	"Pfc": true, "Spc": true, "Cdr": true, "Cpt": true, "Pte": true, "Det": true, "Cllr": true, "Rt": true,
	"Govs": true, "Cong": true,
	"No": true, "Nos": true, "Vol": true, "Art": true, "Fig": true, "Sec": true, "Ch": true, "pp": true, "p": true,
	"Nr": true, "vs": true, "v": true, "Op": true,
	// months (May has no period), weekdays
	"Jan": false, "Feb": false, "Mar": false, "Apr": false, "Jun": false, "Jul": false, "Aug": false,
	"Sep": false, "Sept": false, "Oct": false, "Nov": false, "Dec": false,
	"Mon": false, "Tue": false, "Tues": false, "Wed": false, "Thu": false, "Thur": false, "Thurs": false, "Fri": false, "Sat": false, "Sun": false,
	// companies, places, misc
	"Inc": false, "Corp": false, "Co": false, "Ltd": false, "Bros": false, "Cos": false, "Plc": false, "LLC": false,
	"Assn": false, "Ave": false, "Blvd": false, "Rd": false, "Dept": false, "Univ": false, "Est": false,
	"etc": false, "al": false, "approx": false, "ca": false, "c": false, "cf": false, "viz": false, "esp": false,
	"est": false, "min": false, "max": false, "govt": false, "dept": false,
	"Ariz": false, "Ark": false, "Calif": false, "Colo": false, "Conn": false, "Del": false, "Fla": false,
	"Ga": false, "Ill": false, "Ind": false, "Kan": false, "Kans": false, "Ky": false, "La": false, "Md": false,
	"Mich": false, "Minn": false, "Miss": false, "Mo": false, "Mont": false, "Neb": false, "Nev": false,
	"Okla": false, "Ore": false, "Pa": false, "Penn": false, "Tenn": false, "Tex": false, "Va": false,
	"Vt": false, "Wash": false, "Wis": false, "Wyo": false, "Ph": false, "Mass": false, "Ala": false,
	"Intl": false, "Natl": false, "Ref": false, "tel": false, "Tel": false, "ext": false, "Ext": false,
	"Dist": false, "Ct": false, "Hwy": false, "Sq": false, "Ln": false, "Pl": false, "Gov't": false,
	"Admin": false, "Mgr": false, "Asst": false, "Assoc": false, "Corps": false, "Dem": false, "Repub": false,
	"Sta": false, "Ste": false, "Sgts": false, "Lieut": false, "Comdr": false, "Gen'l": false,
	"Apt": false, "Bhd": false, "Pty": false,
}

// ambiguousAbbrevs are abbreviations that are also ordinary words: they keep
// their period only when a lowercase word or a digit follows.
var ambiguousAbbrevs = map[string]bool{
	"Ill": true, "Miss": true, "Wash": true, "Mass": true, "Ind": true, "La": true, "Mo": true, "Del": true,
	"Pa": true, "Ore": true, "Art": true, "Sun": true, "Sat": true, "Mar": true, "Est": true, "est": true,
	"min": true, "max": true, "Ch": true, "Sec": true, "Op": true, "Ref": true, "Corps": true, "Dem": true,
	"Ala": true, "Penn": true, "Mont": true, "Kan": true, "Ga": true, "Sta": true, "Ste": true, "Fig": true,
	"Pl": true, "Ln": true, "Ct": true, "Sq": true, "Dist": true, "Mon": true, "Wed": true,
}

// prefixes are bound prefixes that stay joined to the word after their
// hyphen, as in UD English ("non-state", "e-mail"); other hyphenated
// compounds are split.
var prefixes = map[string]bool{
	"e": true, "co": true, "pre": true, "post": true, "non": true, "re": true, "anti": true, "pro": true,
	"mid": true, "multi": true, "ex": true, "semi": true, "neo": true, "sub": true, "over": true,
	"socio": true, "psycho": true, "cross": true, "inter": true, "intra": true, "trans": true, "ultra": true,
	"mega": true, "micro": true, "macro": true, "mini": true, "pseudo": true, "quasi": true, "para": true,
	"counter": true, "under": true, "bi": true, "tri": true, "uni": true, "de": true, "un": true, "geo": true,
	"euro": true, "afro": true, "sino": true, "franco": true, "anglo": true, "russo": true, "indo": false,
	"extra": true, "hyper": true, "infra": true, "pan": true, "poly": true, "proto": true, "supra": true,
	"self": false, "vice": false, "well": false,
}

// contractions are UD multiword tokens written without an apostrophe,
// lowercased, with the byte length of their first word.
var contractions = map[string]int{
	"cannot": 3, "dont": 2, "wont": 2, "cant": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3,
	"arent": 3, "werent": 4, "couldnt": 5, "wouldnt": 5, "shouldnt": 6, "havent": 4, "hasnt": 3,
	"hadnt": 3, "aint": 2, "im": 1, "ive": 1, "youre": 3, "theyre": 4, "thats": 4, "theres": 5,
	"whats": 4, "gonna": 3, "wanna": 3, "gotta": 3, "outta": 3, "dunno": 2, "lemme": 3, "gimme": 3,
}

// starters are words that often begin a sentence: after an abbreviation
// that could also end one ("Inc.", "U.S."), a following starter means a
// new sentence.
var starters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`The A An He She It They We I You This That These Those There Here
		But And Or So Yet In On At For As If When While After Before Since During Although Though Because
		Our His Her Their Its My Your Some Many Most Both All Each Every No None Several Such What Why How Who
		Where Which However Meanwhile Moreover Also Still Then Now Today Yesterday Last Next According Under
		Despite Instead Other Another One Two Three Thus Therefore Indeed Nevertheless Further Furthermore
		Asked Please Let Not Only Even More Following Earlier Later Officials Police`) {
		m[w] = true
	}
	return m
}()

// emoticons are kept whole.
var emoticons = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`:) :-) :( :-( ;) ;-) :D :-D :P :-P :p :-p :/ :-/ :| :o :O :-O :'( <3 </3
		^_^ ^^ ;( :] :[ =) =( =D xD XD :* :-* 8) 8-) (: ): :-)) :)) :(( o_O O_o -_- ._. >:( >_<`) {
		m[w] = true
	}
	return m
}()

// domainEnds are the web domain endings a capitalised word after a period
// may be ("Newsfeed.Com"); the period between them joins no sentences.
// Endings that are also common sentence openers ("In", "Us", "News") are
// left out: a glued "ended.In 2009" is likelier than a domain written so.
var domainEnds = map[string]bool{
	"com": true, "net": true, "org": true, "gov": true, "edu": true, "info": true, "biz": true,
	"co": true, "io": true, "tv": true, "uk": true, "ca": true, "au": true, "de": true, "fr": true,
	"ru": true, "cn": true, "jp": true, "eu": true, "mil": true,
}
