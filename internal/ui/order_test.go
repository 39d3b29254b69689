package ui

import (
	"strings"
	"testing"
)

// TestSummaryScreenOrder: the summary screen gives, top to bottom, what a
// person must read first. In distress, or feeling worse again and again,
// the crisis line is on the first screen at 80x24, before the short
// answer; someone who should leave reads that before the verdict; anyone
// else reads the verdict before the fit. The banner above the summary
// leads with the same answer the summary puts first.
func TestSummaryScreenOrder(t *testing.T) {
	const verdictQ = "Is the circle safe and well run?"
	tests := []struct {
		file   string
		banner string   // the banner's first words
		order  []string // in this order in the whole summary
	}{
		{"in-distress.yaml", "Not now:", []string{"988", "The short answer", "Is it right for the person you are helping, now?", "Not now:", verdictQ}},
		{"attending-should-leave.yaml", "Consider leaving:", []string{"988", "The short answer", "Should you stay?", "Consider leaving:", verdictQ, "Is it right for you now?"}},
		{"strong-kap-circle.yaml", "Promising:", []string{"The short answer", verdictQ, "Promising:", "Is it right for you now?"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			a := loadExample(t, tc.file)
			// The first screen a person sees, at 80x24.
			d := newDriver(t, 80, 24, Options{})
			d.fill(a).keys("enter")
			first := d.view()
			if d.step() != "summary" {
				t.Fatalf("not on the summary (at %s):\n%s", d.step(), first)
			}
			if !strings.Contains(strings.Join(strings.Fields(first), " "), tc.banner) {
				t.Errorf("the banner does not lead with %q:\n%s", tc.banner, first)
			}
			if tc.order[0] == "988" {
				crisis, answer := strings.Index(first, "988"), strings.Index(first, "The short answer")
				if crisis < 0 || (answer >= 0 && answer < crisis) {
					t.Errorf("the crisis line is not on the first screen, before the short answer:\n%s", first)
				}
			}
			// The whole summary, on a screen tall enough for its top half.
			d = newDriver(t, 100, 120, Options{})
			d.fill(a).keys("enter")
			all := strings.Join(strings.Fields(d.view()), " ")
			// The banner repeats the first answer; the order is that of the
			// summary under it.
			body := all[strings.Index(all, tc.banner)+len(tc.banner):]
			prev := -1
			for i, part := range tc.order {
				at := strings.Index(body, part)
				if at < 0 {
					t.Fatalf("the summary lacks %q:\n%s", part, d.view())
				}
				if at < prev {
					t.Fatalf("the summary shows %q before %q:\n%s", part, tc.order[i-1], d.view())
				}
				prev = at
			}
		})
	}
}
