package accessible_test

import (
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/accessible"
)

// TestStepCountChangeIsSaid: an answer that drops questions from the step
// (an informal group has no session length) is announced, and the count
// never jumps without a word.
func TestStepCountChangeIsSaid(t *testing.T) {
	p := pack(t)
	_, out, _ := run(t, p, []string{"1", "1", "Forum", "3", "", ""}, accessible.Options{})
	i := strings.Index(out, "Question 2 of 7: Format")
	j := strings.Index(out, "This step now has 6 questions, after that answer.")
	k := strings.Index(out, "Question 3 of 6:")
	if i < 0 || j < i || k < j {
		t.Errorf("the count changed without a word (at %d, %d, %d):\n%s", i, j, k, out)
	}
}

// TestRefusedNumberSaysHowOnce: a refused number's message says how to
// answer, and the instruction is not read a second time after it.
func TestRefusedNumberSaysHowOnce(t *testing.T) {
	p := pack(t)
	_, out, _ := run(t, p, []string{"1", "1", "", "", "", "lots", ""}, accessible.Options{})
	how := "Type a number from 1 to 100000 people, like 8, or a range such as 6-10."
	after := out[strings.Index(out, `Not understood: "lots"`):]
	after = after[:strings.Index(after, "Answer:")]
	if strings.Count(after, how) != 1 {
		t.Errorf("the instruction is read %d times after the refusal:\n%s", strings.Count(after, how), after)
	}
}
