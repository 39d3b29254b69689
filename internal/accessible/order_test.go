package accessible_test

import (
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/accessible"
)

// TestSummaryOrderByLines: the summary read out at the end of the line
// prompts gives, in order, what a listener must hear first: the crisis line
// before any answer, "consider leaving" before the verdict for someone who
// should leave, otherwise the verdict before the fit. A screen reader
// reads top to bottom; there is no glancing ahead.
func TestSummaryOrderByLines(t *testing.T) {
	p := pack(t)
	tests := []struct {
		file  string
		order []string
	}{
		{"in-distress.yaml", []string{"988", "Is it right for the person you are helping, now?", "Not now:", "Is the circle safe and well run?"}},
		{"attending-should-leave.yaml", []string{"988", "Should you stay?", "Consider leaving:", "Is the circle safe and well run?", "Is it right for you now?"}},
		{"strong-kap-circle.yaml", []string{"Is the circle safe and well run?", "Promising:", "Is it right for you now?"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			_, out, err := run(t, p, append(script(p, example(t, p, tc.file)), "n"), accessible.Options{})
			if err != nil {
				t.Fatalf("Run: %v\n%s", err, out)
			}
			start := strings.LastIndex(out, "Here is the summary.")
			end := strings.LastIndex(out, "End of the summary.")
			if start < 0 || end < start {
				t.Fatalf("no summary read out:\n%s", out)
			}
			summary := strings.Join(strings.Fields(out[start:end]), " ")
			prev := -1
			for i, part := range tc.order {
				at := strings.Index(summary, part)
				if at < 0 {
					t.Fatalf("the summary lacks %q:\n%s", part, out[start:end])
				}
				if at < prev {
					t.Fatalf("the summary reads %q before %q:\n%s", part, tc.order[i-1], out[start:end])
				}
				prev = at
			}
		})
	}
}
