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
// The knowledge base lives in two tab-separated tables embedded in the
// binary (data/actors.tsv and data/names.tsv), generated reproducibly by
// cmd/kbgen from the third-party sources in ../shared/data; every row says
// which sources it came from. Users add rows without rebuilding: [LoadExtra]
// reads a file in the same format and [KB.With] returns a new KB with them.
// See [FormatActors] and [FormatNames] for the columns.
//
// # Codes
//
// A country's code is its ISO 3166-1 alpha-3 code, as CAMEO and PLOVER use
// it (AZE, TUR; Kosovo is XKX with CAMEO's KSV as an alias). A sector code
// is a CAMEO agent code (GOV, MIL, COP, JUD, LEG, PTY, OPP, REB, CVL, BUS,
// MED, REL, EDU..., sometimes two of them: GOVMED). An actor made of a
// country and sectors has the concatenated code: TURGOV, ARMOPP, RUSCOP.
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
// dates are always valid, and the zero time.Time disables the check. The
// shipped data has no dated rows yet; office holders will add them.
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
