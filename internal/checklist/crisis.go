package checklist

import (
	"slices"
	"strings"
	"unicode"

	"github.com/vetcircle/vetcircle/internal/wording"
)

// crisisQuotes finds the pack's crisis phrases in what the person wrote:
// notes and free-text answers that are not the circle's own facts, in pack
// order, at most one quote per question.
func (p *Pack) crisisQuotes(a *Answers) []CrisisQuote {
	if len(p.crisisPhrases) == 0 {
		return nil
	}
	var out []CrisisQuote
	look := func(id, text string) {
		if text == "" {
			return
		}
		if phrase, quote := p.crisisIn(text); phrase != "" {
			out = append(out, CrisisQuote{Question: id, Quote: quote, Phrase: phrase})
		}
	}
	notes := len(a.Notes) > 0
	for _, q := range p.Questions {
		// A circle's own facts (its name: "Suicide Loss Survivors") are not
		// the person's words; what the person writes is.
		if q.Kind == KindText && q.CircleField == "" {
			if v, ok := a.Values[q.ID]; ok {
				look(q.ID, v.Text)
			}
		}
		if notes {
			look(q.ID, a.Notes[q.ID])
		}
	}
	for _, x := range a.UnknownNotes {
		look(x.ID, x.Raw)
	}
	return out
}

// maxQuote keeps a quoted sentence to what a crisis line can carry.
const maxQuote = 200

// crisisIn returns the first crisis phrase in text and the sentence that
// holds it, or "" when there is none.
func (p *Pack) crisisIn(text string) (phrase, quote string) {
	// Each word is looked up once among the phrases' first words, so the
	// cost grows with the text, not with the list.
	for _, sentence := range splitSentences(text) {
		w := strings.FieldsFunc(sentence, notWordRune)
		for i, word := range w {
			w[i] = foldWord(word)
		}
		for at, word := range w {
			for _, i := range p.crisisStarts(word) {
				if containsPhrase(w[at:], p.crisisPhrases[i]) {
					quote = strings.TrimSpace(sentence)
					if r := []rune(quote); len(r) > maxQuote {
						quote = string(r[:maxQuote-1]) + "…"
					}
					return p.CrisisWords[i], quote
				}
			}
		}
	}
	return "", ""
}

// notWordRune splits words as wording.Words does.
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '‘'
}

// foldWord is one word as wording.Words gives it: lower case, straight
// apostrophes; it allocates only when the word changes.
func foldWord(w string) string {
	w = strings.ToLower(w)
	if strings.IndexByte(w, 0xE2) >= 0 { // ’ and ‘ both start with 0xE2
		w = wording.Fold(w)
	}
	return w
}

// crisisStarts lists the crisis phrases that may start at word: those whose
// first word it is, and those whose first word is a stem it begins with.
func (p *Pack) crisisStarts(word string) []int {
	idx := p.crisisFirst[word]
	for _, i := range p.crisisStems {
		if strings.HasPrefix(word, strings.TrimSuffix(p.crisisPhrases[i][0], "*")) {
			idx = append(slices.Clip(idx), i)
		}
	}
	return idx
}

// splitSentences cuts text at sentence ends and line breaks.
func splitSentences(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return r == '.' || r == '!' || r == '?' || r == '\n' || r == ';'
	})
}

// containsPhrase reports whether words begin with the phrase's words; a
// phrase word ending in * matches any word it begins.
func containsPhrase(words, phrase []string) bool {
	if len(phrase) > len(words) {
		return false
	}
	for j, pw := range phrase {
		if stem, prefix := strings.CutSuffix(pw, "*"); prefix {
			if !strings.HasPrefix(words[j], stem) {
				return false
			}
		} else if words[j] != pw {
			return false
		}
	}
	return true
}

// splitPhrases splits crisis phrases into words, keeping a trailing * on
// the last word of a stem, and indexes them by first word (stems apart).
func splitPhrases(phrases []string) (words [][]string, first map[string][]int, stems []int) {
	words = make([][]string, len(phrases))
	first = map[string][]int{}
	for i, ph := range phrases {
		stem := strings.HasSuffix(ph, "*")
		w := wording.Words(strings.TrimSuffix(ph, "*"))
		if len(w) == 0 {
			continue
		}
		if stem {
			w[len(w)-1] += "*"
		}
		words[i] = w
		if strings.HasSuffix(w[0], "*") {
			stems = append(stems, i)
		} else {
			first[w[0]] = append(first[w[0]], i)
		}
	}
	return words, first, stems
}
