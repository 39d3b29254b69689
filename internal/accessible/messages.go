package accessible

import "strings"

// messages are the walkthrough's sentences, in English. A rule pack may
// replace any of them by defining the same key under text:, so a translated
// pack translates this mode too; keys it leaves out fall back to these.
// {name} placeholders are filled in by t. The one-letter commands (b, q, y,
// n, u) are not translated.
var messages = map[string]string{
	"a11y.start":           "vetcircle: checking a peer integration circle, one question at a time.",
	"a11y.resume":          "Continuing where you stopped.",
	"a11y.help":            "At every prompt: press Enter alone to skip a question, type b to go back one question, q to quit, or ? for help.",
	"a11y.step":            "Step {n} of {m}: {title}",
	"a11y.question":        "Question {n} of {m}: {label}",
	"a11y.say":             "Say: {text}",
	"a11y.listen-good":     "Listen for, a good answer: {text}",
	"a11y.listen-worrying": "Listen for, a worrying answer: {text}",
	"a11y.current":         "Current answer: {answer}. Press Enter to keep it, or type - to clear it.",
	"a11y.prompt":          "Answer: ",
	"a11y.kept":            "Kept: {answer}.",
	"a11y.skipped":         "Skipped; this question stays not asked yet.",
	"a11y.cleared":         "Cleared; this question is not asked yet again.",
	"a11y.recorded":        "Recorded: {answer}.",
	"a11y.not-understood":  "Not understood: \"{input}\". {allowed}",
	"a11y.too-long-line":   "That line was longer than {max} bytes and was ignored. Please type it again, shorter.",
	"a11y.first":           "This is the first question; there is nothing before it.",
	"a11y.back":            "Going back one question.",
	"a11y.last":            "That was the last question.",
	"a11y.how-choice":      "Type one number from 1 to {n}.",
	"a11y.how-multi":       "Type every number that applies, separated by commas, such as 1, 3; or type 0 or none if none apply. Numbers run from 1 to {n}.",
	"a11y.how-tristate":    "Type y for yes, n for no, or u for unknown.",
	"a11y.how-number":      "Type a number{range}.",
	"a11y.range":           " from {min} to {max}{unit}",
	"a11y.range-min":       " of at least {min}{unit}",
	"a11y.range-max":       " of at most {max}{unit}",
	"a11y.range-unit":      ", in {unit}",
	"a11y.how-text":        "Type your answer on one line.",
	"a11y.out-of-range":    "That is out of range. {allowed}",
	"a11y.not-an-option":   "\"{input}\" is not one of the numbers. {allowed}",
	"a11y.text-too-long":   "That is longer than {max} bytes; please shorten it.",
	"a11y.yes-or-no":       "Type y for yes or n for no.",
	"a11y.yn-prompt":       "y or n: ",
	"a11y.quit-unsaved":    "Your answers are not kept anywhere once you quit.",
	"a11y.quit-confirm":    "Quit anyway? Type y to quit, or n to carry on with this question.",
	"a11y.stopped":         "Stopped. {saved}",
	"a11y.stopped-unsaved": "Stopped. Nothing was saved.",
	"a11y.ended":           "Input ended before the last question. {saved}",
	"a11y.ended-unsaved":   "Input ended before the last question; nothing was saved.",
	"a11y.saved-in":        "Your answers so far are saved in {path}.",
	"a11y.saved-draft":     "Your answers so far are saved as a draft.",
	"a11y.saved-nothing":   "There were no answers yet, so nothing was saved.",
	"a11y.summary":         "Here is the summary.",
	"a11y.summary-end":     "End of the summary.",
	"a11y.save-offer":      "Save this summary to a file? Type y to save it as {path}, type another file name to use that, or press Enter or type n to not save it.",
	"a11y.save-prompt":     "Save: ",
	"a11y.save-ended":      "Input ended; the summary was not saved to a file.",
	"a11y.save-declined":   "The summary was not saved.",
	"a11y.save-exists":     "{path} already exists.",
	"a11y.save-replace":    "Replace it? Type y to replace it, or n to choose another name.",
	"a11y.save-failed":     "Could not save {path}: {reason}. Your answers are kept; try another name or folder.",
	"a11y.save-done":       "Saved the summary to {path}.",
}

// t returns the sentence for key, from the pack if it has one, with {name}
// placeholders replaced from pairs of name, value.
func (s *session) t(key string, pairs ...string) string {
	msg, ok := s.p.Text[key]
	if !ok {
		msg = messages[key]
	}
	if len(pairs) == 0 {
		return msg
	}
	var r []string
	for i := 0; i+1 < len(pairs); i += 2 {
		r = append(r, "{"+pairs[i]+"}", pairs[i+1])
	}
	// One pass, so a value that happens to contain "{name}" stays as typed.
	return strings.NewReplacer(r...).Replace(msg)
}
