package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"os"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/compare"
	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/people"
)

type compareOptions struct {
	format string
	// alias is --for: judge fit for this person (register circles only).
	alias string
}

func newCompareCmd(e env) *cobra.Command {
	var o compareOptions
	cmd := &cobra.Command{
		Use: "compare FILE|NAME|- [FILE|NAME...]",
		Example: `  vetcircle compare examples/*.yaml
  vetcircle compare --format markdown calls/*.yaml > shortlist.md
  vetcircle compare thursday "sunday collective"
  vetcircle compare --for MR thursday "sunday collective"
  vetcircle compare --format json a.yaml b.yaml | jq '.[0].name'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{formats: []string{"table", "markdown", "json", "csv"}, autoFormat: compareFormat, pack: true, register: true})
			if err != nil {
				return err
			}
			return runCompare(ce, o, args)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "", "")
	addPackFlags(cmd)
	addForFlag(cmd, &o.alias)
	return cmd
}

// compareFormat is compare's --format when none is given: a table in a
// terminal, markdown otherwise.
func compareFormat(e env) string {
	if e.isTTY {
		return "table"
	}
	return "markdown"
}

func runCompare(ce cmdEnv, o compareOptions, files []string) error {
	e, p, format := ce.env, ce.pack, ce.format
	stdin := 0
	for _, f := range files {
		if f == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return badInput(msg.New("cli.err.stdin-once"))
	}
	if o.alias != "" {
		if err := people.CheckAlias(o.alias); err != nil {
			return badInput(err)
		}
	}

	var rows []compare.Row
	failed := 0
	for _, name := range files {
		a, err := loadAnswers(e, p, name)
		if err != nil && name != "-" {
			// Not a file: a circle kept in the register, by name.
			if _, statErr := os.Stat(name); errors.Is(statErr, fs.ErrNotExist) {
				// A name that looks like a file keeps the file's error; one
				// that finds no circle says so, with the close names.
				if row, ok, rerr := registerRow(ce, name, o.alias); ok {
					rows = append(rows, row)
					continue
				} else if rerr != nil && !looksLikeFile(name) {
					err = rerr
				}
			}
		}
		if err != nil {
			failed++
			reportFileError(e, err)
			continue
		}
		rows = append(rows, compare.New(p, displayName(name), a))
	}
	compare.Sort(rows)

	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	switch format {
	case "json":
		if rows == nil {
			rows = []compare.Row{}
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return msg.Wrap(err, "cli.err.write", "reason", err)
		}
	case "markdown":
		if len(rows) > 0 {
			out.WriteString(compare.Markdown(p, rows))
		}
	case "csv":
		// A header row even for no rows, so a spreadsheet import works.
		out.WriteString(compare.CSV(p, rows))
	case "table":
		if len(rows) > 0 {
			s := compare.Table(p, rows, compare.TableOptions{
				Width: termWidth(), Styled: e.isTTY, Color: e.isTTY && !mdrender.NoColor(), Padding: true,
			})
			if e.isTTY {
				// Downsample colours to what the terminal supports, judged
				// from the environment alone: never a query that could block.
				fmt.Fprint(&colorprofile.Writer{Forward: out, Profile: colorprofile.Env(os.Environ())}, s)
			} else {
				out.WriteString(s)
			}
		}
	}
	if failed > 0 {
		return badInput(errQuiet)
	}
	return nil
}

// reportFileError prints one line per problem, each naming file:line:col
// and cleaned of terminal escapes (a file name can carry them).
func reportFileError(e env, err error) { printProblems(e.stderr, e.words(), err) }

// looksLikeFile: a path or an answers file's name, not a circle's name.
func looksLikeFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return strings.ContainsAny(name, `/\`) || ext == ".yaml" || ext == ".yml"
}
