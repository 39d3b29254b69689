package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/summary"
)

type scoreOptions struct {
	format string
	rules  string
	date   string
}

func newScoreCmd(e env) *cobra.Command {
	var o scoreOptions
	cmd := &cobra.Command{
		Use:   "score FILE|- [FILE...]",
		Short: "Score answers files and print a summary",
		Long: `Score one or more answers files (or - for standard input) against the rules
and print a summary: markdown sections, or one JSON object per line.

Markdown is styled when printed to a terminal and plain when piped or saved.
A file that cannot be read is reported on standard error and the rest are
still scored; the exit code is then 2.`,
		Example: `  vetcircle score examples/strong-kap-circle.yaml
  vetcircle score --format json archive/*.yaml > results.jsonl
  cat intake.yaml | vetcircle score -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScore(e, o, args)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "markdown", "output format: markdown or json")
	cmd.Flags().StringVar(&o.rules, "rules", "", "use the rule pack in this folder instead of the built-in one")
	cmd.Flags().StringVar(&o.date, "date", "", "date to print on summaries, YYYY-MM-DD (default today)")
	return cmd
}

func runScore(e env, o scoreOptions, files []string) error {
	if o.format != "markdown" && o.format != "json" {
		return badInput(fmt.Errorf("--format %q: use markdown or json", o.format))
	}
	date := time.Now()
	if o.date != "" {
		d, err := time.Parse("2006-01-02", o.date)
		if err != nil {
			return badInput(fmt.Errorf("--date %q: use YYYY-MM-DD", o.date))
		}
		date = d
	}
	p, err := loadPack(o.rules)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush()

	var renderer *mdrender.Renderer
	failed := 0
	written := 0
	for _, name := range files {
		a, err := loadAnswers(e, p, name)
		if err != nil {
			failed++
			printProblems(e.stderr, err)
			continue
		}
		r := checklist.Evaluate(p, a)
		switch o.format {
		case "json":
			if err := writeJSONLine(out, name, r); err != nil {
				return err
			}
		default:
			md := summary.Markdown(p, a, r, summary.Options{Date: date})
			if written > 0 {
				out.WriteString("\n---\n\n")
			}
			if e.isTTY {
				if renderer == nil {
					if renderer, err = mdrender.New(summaryWidth(e), mdrender.Style(mdrender.DarkFromEnv())); err != nil {
						return err
					}
				}
				if md, err = renderer.Render(md); err != nil {
					return err
				}
			}
			out.WriteString(md)
		}
		written++
	}
	if failed > 0 {
		return badInput(errQuiet)
	}
	return nil
}

// errQuiet is returned after the real messages were already printed.
var errQuiet = errors.New("")

func loadAnswers(e env, p *checklist.Pack, name string) (*checklist.Answers, error) {
	data, err := readInput(e, name)
	if err != nil {
		return nil, err
	}
	a, err := checklist.ParseAnswers(p, displayName(name), data)
	if err != nil {
		return nil, badInput(err)
	}
	return a, nil
}

// jsonResult is the public JSON shape: the Result plus the file it came from.
type jsonResult struct {
	File string `json:"file"`
	checklist.Result
}

func writeJSONLine(out *bufio.Writer, name string, r checklist.Result) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jsonResult{File: displayName(name), Result: r}); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// summaryWidth wraps styled summaries to the terminal, within reason.
func summaryWidth(e env) int {
	if e.width <= 0 {
		return 100
	}
	return min(e.width, 120)
}
