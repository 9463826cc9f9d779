// Package actor is dyad's knowledge base of political actors: countries
// (ISO 3166 alpha-3 codes with their names, official and alternative names,
// demonyms and capitals used as metonyms), international organisations
// (acronyms and full names) and sector words ("government", "army",
// "opposition"...), and the resolver that maps a phrase or a sentence to
// actors: "the Turkish government" is TURGOV (country TUR, sector GOV),
// "Ankara" is TURGOV too, "Azeris" is AZE, "NATO" is NATO.
//
// # Data
//
// The knowledge base lives in three tab-separated tables embedded in the
// binary (data/actors.tsv, data/names.tsv and data/persons.tsv), generated reproducibly by
// cmd/kbgen from the third-party sources in ../shared/data; every row says
// which sources it came from. Users add rows without rebuilding: [LoadExtra]
// reads a file in the same format and [KB.With] returns a new KB with them.
// See [FormatActors], [FormatNames] and [FormatPersons] for the columns.
//
// # Codes
//
// A country's code is its ISO 3166-1 alpha-3 code, as CAMEO and PLOVER use
// it (AZE, TUR; Kosovo is XKX with CAMEO's KSV as an alias). A sector code
// is a CAMEO agent code (GOV, MIL, COP, JUD, LEG, PTY, OPP, REB, CVL, BUS,
// MED, REL, EDU..., sometimes two of them: GOVMED). An actor made of a
// country and sectors has the concatenated code: TURGOV, ARMOPP, RUSCOP.
// A party or armed group is country + sector + a three-letter tag
// (TURPTYAKP, TURREBPKK, PSEREBHMS, Phoenix's own code for Hamas);
// transnational groups take an acronym as organisations do, with the Phoenix
// code as alias (ISIS, alias IMGMUSISI; ALQAEDA, alias IMGMUSALQ).
// An international organisation's code is its usual English acronym in
// ASCII capitals (UN, EU, NATO, OSCE, TURKSOY, OTS, CSTO, SCO, OIC, ASEAN,
// AU), following the event record of DESIGN.md; the CAMEO/Phoenix code
// (IGOUNO, IGOWSTNAT, IGOEUREEC...) is kept as an alias and [KB.Actor]
// finds the organisation by either. Organisations that only the Phoenix
// dictionaries know keep their CAMEO code (IGOLAM: a Latin American IGO).
// Sector codes are a code space of their own, as in CAMEO: [KB.Actor]("MUS")
// is Mauritius, while the sector word "imam" is the sector MUS (Muslim) and
// "Iraqi imam" is IRQMUS.
//
// # Capitalisation and ambiguity
//
// Every name carries a match rule. Proper names (countries, demonyms,
// capitals, organisations) use [CaseTitle]: diacritics and case are
// ignored except that the first letter must be a capital, so "Turkey" is
// TUR but "turkey" is a bird, "Chad", "Jordan", "China", "Polish" and
// "Georgia" likewise. Acronyms of three letters or fewer use [CaseExact]
// ("US" but not "us", "UN", "EU", "AU"); longer ones are title-matched so
// that "Nato" and "Turksoy" (British and Turkish house styles) resolve.
// Sector words use [CaseFold] (any case, any diacritics). "Georgia" is the
// country GEO: the knowledge base has no US states, and telling the state
// apart needs the sentence's context ("Atlanta, Georgia"), which is the
// resolver's job in a later stage. A proper name right after "New" is not
// matched unless the knowledge base has the longer name ("New Zealand" is
// NZL; "New Jersey" and "New Mexico" are not JEY and MEX). A few capitals
// and nicknames that are common capitalised words or given names (Male,
// Victoria, Kingston, Finn, Pole) are left out by the generator. Where one name has several actors (the
// adjective "Dominican" is DOM and DMA) every candidate is returned, the
// best supported first (more sources, then a more specific kind of name).
//
// # Dates
//
// Actors and names may carry a validity range (from, until). [KB.LookupAt]
// drops those not valid at the given date; rows without
// dates are always valid, and the zero time.Time disables the check.
//
// # Office holders, as of a date
//
// A third table, data/persons.tsv ([FormatPersons]), holds terms of office:
// a person, a role (HOS, HOG, FM, DM, CHIEF, or HEAD of an organisation),
// the office's title in news ("president", "prime minister", "secretary of
// state"), the country and the sector the term emits (GOV; MIL for chiefs of
// general staff), the dates, the person's Wikidata Q-id where known, other
// spellings, and the source. A person's names are indexed like any name
// (kind [KindPerson]) and resolve through the date: "Recep Tayyip Erdogan"
// on 2021-02-18 is TURGOV with the person's Name, WikidataID and Role HOS,
// and in 2010 TURGOV as HOG. An office title after a country resolves to
// that day's holder ([KB.Holder]): "Azerbaijan's Prime Minister" on
// 2021-02-18 is Ali Asadov (AZEGOV), "the Armenian foreign minister" in 2009
// Eduard Nalbandyan (ARMGOV); a title followed by a name is one mention, the
// person's ("Turkish President Recep Tayyip Erdogan", "President Erdogan").
// Without a date a title stays the country's government (TURGOV,
// composite) and a person takes their latest office.
//
// Out of office, CAMEO has no standard code, and dyad follows Phoenix's
// convention for people between offices: country + ELI (elites). After the
// end of their last term before the date the actor is marked Former ("Barack
// Obama" in 2020 is USAELI, Former, Role HOS: the office last held); before
// their first term it is country + ELI without Former. The coder's short
// names use [KB.Surname] ("Aliyev said": the holder in office at the date
// first), and unknown people get the country and sector of the words before
// their name from [KB.Describe] ("Azerbaijani billionaire" is AZEBUS).
//
// # Context ([Resolver.Mentions])
//
// What the words of a mention do not say, its sentence and article may:
//   - a title with no country before a surname the persons table knows is
//     that person ("President Bush");
//   - a name with an apposition naming a country or organisation belongs to
//     it ("Diyanet, the directorate that manages religious issues in
//     Turkey" is TURREL; "Kenzo Oshima, the United Nations coordinator" UN);
//   - a state's office with no country ("the military council", "President
//     Avril") is of the one country its sentence is set in ("in Haiti",
//     "Haiti's elections", "the Kenya Anti-Corruption Commission"), else,
//     for "the government" and a described person, of the article's last
//     country; "a senior official" stays unplaced, and countries named as
//     participants ("against Russia") set no scene;
//   - parties, unions, rebels, civilians, students and unidentified armed
//     men take the country their sentence is set in, a capital ("in the
//     capital city of Lima") or a town or region the gazetteer knows ("in
//     Mosul", with [Resolver.Places] set) included, unless a possessive
//     pronoun of their own or a modifier with a country says whose they
//     are ("its citizens"); a person or organisation the knowledge base
//     cannot place does not ("supporters of Ahmed Ben Bella");
//   - a town or region modifying a state body or a described title places
//     it ("the Sindh government" PAKGOV, "Florida Governor Ron DeSantis"
//     USAGOV), and so does one a state body is "of" ("the government of
//     Sindh province", "the police of the state of Kerala"), before the
//     article's last country; not a former holder ("the former governor of
//     Texas");
//   - places are countries as of the article's date: a capital or town of
//     a state that seceded later is its predecessor's (Juba before July
//     2011 is Sudan's; geo.CountryOn);
//   - a relational noun is not its owner: "Russia's neighbours", "its
//     allies", "the rivals of Iran" are one mention of no known actor,
//     unless an apposition names the party ("its neighbour, Eritrea"
//     ERI) or it is set in a country ("Israel's militia ally in southern
//     Lebanon" LBN); "the commander of Syria's allies" is no office of
//     Syria's;
//   - "the government" whose verb's subject is a country's own group is
//     that country's ("the Georgian opposition called on the government"
//     GEOGOV), before the article's last country;
//   - a lone country adjective shares its conjunct's noun ("Kyrgyz and
//     Tajik border guards": KGZMIL and TJKMIL), and a capital with a sector
//     word is its country's ("residents of Kabul" AFGCVL, not the
//     government's AFGGOVCVL);
//   - ethnic groups are of the state they live in, as CAMEO codes them
//     ("Bosnian Serbs" BIH, "Bosnian Serb forces" BIH, "Iraqi Turkmen
//     fighters" IRQUAF, but "Mexican American" voters are not Mexico's),
//     and a country's adjective says whose they are wherever they live
//     ("Turkish Kurd refugees who have lived in Iraq" TURREF);
//     "Albanians of southern Serbia" and "ethnic Albanians" in a sentence
//     set in Serbia are SRB;
//   - an organisation the recogniser finds, whose name the knowledge base
//     knows only in parts under an organisation noun, is that country's
//     ("the Nigerian Union of Teachers" NGALAB, "Turkish Airlines" TURBUS),
//     and so is its acronym in parentheses; a name before a known
//     organisation's acronym that fits its initials is that organisation
//     ("the International Labor Office (ILO)" ILO);
//   - an organisation no rule places is read by the noun heading its name:
//     a forum, committee, council, association, foundation, federation,
//     institute, watch group, coalition, network... whose own words name a
//     state ("a committee in Liberia") is that state's, and with none is
//     non-governmental, [NGO] ("the Third World Water Forum", "Amnesty
//     International"); never one whose name marks a state's body ("the
//     National Election Commission"), one with an owner ("the university's
//     Institute"), a bare noun ("the Commission") or a commission, which
//     states set up; companies and media are placed only by their state's
//     name, parties, fronts and movements as before;
//   - pronouns are resolved after the sentence's setting has placed its
//     parties: "It" or "They" opening a sentence continues the last
//     sentence's subject; a possessive refers first to its clause's
//     subject ("has urged its citizens"), a subject pronoun in reported
//     speech to the speaker ("rejected the plan and said they opposed");
//     "they" after a coordination of states is all of them; a state whose
//     name is a plural proper noun ("the United States") is "it";
//     otherwise the nearest compatible mention.
//
// # Performance
//
// Names are indexed in a trie over folded tokens: each token of the text is
// folded once (lower case, diacritics removed, dots of acronyms dropped)
// into a reused buffer and looked up in a token dictionary without
// allocating, then the trie is walked by integer ids. [KB.MatchText] costs
// one map lookup per token plus one per trie step, and allocates nothing
// when the caller passes a destination slice with room (see
// BenchmarkMatchText for the figures).
//
// # Concurrency
//
// A KB is immutable once built: [Default] loads the embedded tables once
// (sync.OnceValues), and every method may be called from many goroutines.
// [KB.With] builds a new KB and leaves the receiver untouched.
package actor
