package tag

import "github.com/dyad-events/dyad/nlp"

// irregularFix tags as a verb's past an unknown word that is an irregular
// verb's past or participle with a prefix ("retook", "overran",
// "withheld", "outgrew"): the model has never seen it and reads its
// shape as a noun, preposition or modal ("Iraqi troops retook [VBP] the
// city", "rebels overran [IN] the base"). After a form of "have" or "be"
// (adverbs between) it is the participle, else the past tense; the
// lemma then comes from the irregular verb (irregularBase).
func (t *Tagger) irregularFix(toks []nlp.Token, cls []uint8, rows []int32, sc *scratch) {
	if t.vbd < 0 || t.vbn < 0 {
		return
	}
	for i := range toks {
		if rows[i] >= 0 || toks[i].XPOS == "VBD" || toks[i].XPOS == "VBN" || toks[i].XPOS == "NNP" || toks[i].XPOS == "NNPS" {
			continue // known words, pasts already, and names ("Overtook Ltd")
		}
		low := sc.low[sc.lowOff[i]:sc.lowOff[i+1]]
		base, ok := irregularBase(low)
		if !ok || len(low) < 5 || base == string(low) {
			continue // "outset", "upset": the base's own form reads as noun or present too
		}
		if i > 0 && (toks[i-1].XPOS == "DT" || toks[i-1].XPOS == "PRP$" || toks[i-1].XPOS == "POS") {
			continue // "a rebound": a noun
		}
		c := t.vbd
		for j := i - 1; j >= 0 && j >= i-3; j-- {
			if toks[j].POS == "ADV" || toks[j].XPOS == "RB" {
				continue
			}
			if toks[j].POS == "AUX" {
				c = t.vbn
			}
			break
		}
		cls[i] = uint8(c)
		toks[i].POS, toks[i].XPOS = t.upos[c], t.xpos[c]
	}
}
