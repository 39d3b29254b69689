package accessible_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/rules"
)

// numbered is an option as the line prompts list it: "3. peor".
var numbered = regexp.MustCompile(`(?m)^(\d+)\. (.+)$`)

// TestSpanishCheckinLinesRecordWhatTheySay: read the first question's
// options as a screen reader does, type the number beside "mejor" and the
// check-in records better; beside "peor", worse. The number is read from
// the prompt, never assumed, so two words swapped in the pack are caught.
func TestSpanishCheckinLinesRecordWhatTheySay(t *testing.T) {
	es, err := rules.DefaultES()
	if err != nil {
		t.Fatal(err)
	}
	var menu strings.Builder
	if _, err := accessible.Checkin(es, strings.NewReader("q\n"), &menu, "Jueves", accessible.Options{Echo: true}); err == nil {
		t.Fatal("q at the first question kept a check-in")
	}
	first := menu.String()[:strings.Index(menu.String(), "Respuesta:")]
	options := map[string]string{}
	for _, m := range numbered.FindAllStringSubmatch(first, -1) {
		options[m[2]] = m[1]
	}
	for word, want := range map[string]string{"mejor": "better", "igual": "same", "peor": "worse"} {
		n, ok := options[word]
		if !ok {
			t.Fatalf("no option reads %q:\n%s", word, first)
		}
		var out strings.Builder
		c, err := accessible.Checkin(es, strings.NewReader(n+"\n\n\n\n\n\n"), &out, "Jueves", accessible.Options{Echo: true})
		if err != nil || c.Felt != want {
			t.Errorf("typing %s (%q) kept %+v, %v; want felt %s", n, word, c, err, want)
		}
		if !strings.Contains(out.String(), "Anotado: "+word+".") {
			t.Errorf("typing %s does not read back %q:\n%s", n, word, out.String())
		}
	}
}
