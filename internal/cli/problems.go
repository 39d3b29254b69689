package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// maxProblemLines caps the lines printed for one file or pack: past it, one
// line says how many more there are. Twenty is more than anyone fixes before
// running the command again.
const maxProblemLines = 20

// printProblems prints err as one line per problem, each starting
// "vetcircle: ". A checklist.Errors prints each entry on its own line and
// without its "3 problems:" heading, so that every line names its
// file:line:col and a script can count and parse them. Each line is cleaned
// of terminal escapes, which a file name or a YAML parser's quote of the
// input could otherwise carry to the terminal.
func printProblems(w io.Writer, c msg.Catalog, err error) {
	text := msg.Say(c, err)
	if text == "" {
		return // the messages were already printed, one per problem
	}
	var es checklist.Errors
	if errors.As(err, &es) && es.Error() == text {
		for i, e := range es {
			if i == maxProblemLines {
				fmt.Fprintf(w, "vetcircle: %s\n", c.Tf("cli.more-problems", "file", textclean.CleanLine(e.Pos.File), "n", strconv.Itoa(len(es)-i)))
				break
			}
			fmt.Fprintf(w, "vetcircle: %s\n", textclean.CleanLine(e.Error()))
		}
		return
	}
	for _, line := range strings.Split(text, "\n") {
		if line = textclean.CleanLine(line); line != "" {
			fmt.Fprintf(w, "vetcircle: %s\n", line)
		}
	}
}
