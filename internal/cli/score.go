package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"iter"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fhir"
	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
)

type scoreOptions struct {
	format    string
	date      string
	filesFrom string
}

func newScoreCmd(e env) *cobra.Command {
	var o scoreOptions
	cmd := &cobra.Command{
		Use: "score FILE|- [FILE...] [--files-from FILE|-]",
		Example: `  vetcircle score examples/strong-kap-circle.yaml
  vetcircle score --format json archive/*.yaml > results.jsonl
  cat intake.yaml | vetcircle score -
  find archive -name '*.yaml' | vetcircle score --format json --files-from -`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{formats: []string{"markdown", "json", "text", "fhir"}, pack: true})
			if err != nil {
				return err
			}
			return runScore(ce, o, args)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "markdown", "")
	addPackFlags(cmd)
	cmd.Flags().StringVar(&o.filesFrom, "files-from", "", "")
	cmd.Flags().StringVar(&o.date, "date", "", "")
	return cmd
}

func runScore(ce cmdEnv, o scoreOptions, files []string) error {
	e, p := ce.env, ce.pack
	o.format = ce.format
	date := time.Now()
	if o.date != "" {
		// The date of the call: never one that has not come yet.
		if err := checkDate("--date", o.date, date); err != nil {
			return badInput(err)
		}
	}
	names, err := scoreNames(e, o.filesFrom, files)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	defer out.Flush()

	var renderer *mdrender.Renderer
	failed := 0
	written := 0
	var werr error
	scoreEach(names, func(name string) scored {
		a, err := loadAnswers(e, p, name)
		if err != nil {
			return scored{err: err}
		}
		if o.date != "" {
			a.Vetted.On = o.date
		}
		rep := summary.Build(p, a, summary.Options{Date: date})
		var b bytes.Buffer
		b.Grow(8 << 10)
		switch o.format {
		case "json":
			if err := writeJSONLine(&b, name, rep); err != nil {
				return scored{err: err}
			}
		case "text":
			b.WriteString(summary.Note(p, rep))
		case "fhir":
			// Only a date given with --date stands in for the date of the
			// call; today's date is not when the answers were gathered.
			if err := writeFHIRLine(&b, fhir.ResponseFor(p, a, rep, fhir.Options{Date: o.date})); err != nil {
				return scored{err: err}
			}
		default:
			b.WriteString(summary.Markdown(p, rep))
		}
		return scored{out: b.Bytes()}
	}, func(s scored) bool {
		if s.err != nil {
			failed++
			printProblems(e.stderr, e.words(), s.err)
			return true
		}
		if o.format == "text" && written > 0 {
			out.WriteString("\n")
		}
		if o.format == "markdown" {
			if written > 0 {
				out.WriteString("\n---\n\n")
			}
			if e.isTTY {
				if renderer == nil {
					if renderer, werr = mdrender.New(summaryWidth(e), mdrender.Style(mdrender.DarkFromEnv())); werr != nil {
						return false
					}
				}
				md, err := renderer.Render(string(s.out))
				if err != nil {
					werr = err
					return false
				}
				s.out = []byte(md)
			}
		}
		if _, err := out.Write(s.out); err != nil {
			werr = err
			return false
		}
		written++
		return true
	})
	if werr != nil {
		return werr
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return badInput(errQuiet)
	}
	return nil
}

// scored is one file's output, or why it has none.
type scored struct {
	out []byte
	err error
}

// scoreEach scores the names on every core and hands the results to emit
// in input order. At most a few per core are in flight, so memory does not
// grow with the number of files; emit returning false stops the run (when
// standard output cannot be written, say).
func scoreEach(names iter.Seq2[string, error], score func(string) scored, emit func(scored) bool) {
	workers := runtime.GOMAXPROCS(0)
	pending := make(chan chan scored, 4*workers)
	stop := make(chan struct{})
	jobs := make(chan func(), workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j()
			}
		}()
	}
	go func() {
		defer close(pending)
		defer close(jobs)
		for name, err := range names {
			c := make(chan scored, 1)
			if err != nil {
				c <- scored{err: err}
			} else {
				n := name
				select {
				case jobs <- func() { c <- score(n) }:
				case <-stop:
					return
				}
			}
			select {
			case pending <- c:
			case <-stop:
				return
			}
		}
	}()
	ok := true
	for c := range pending {
		s := <-c
		if ok && !emit(s) {
			ok = false
			close(stop)
		}
	}
	wg.Wait()
}

// scoreNames yields the files to score: the arguments, then the lines of
// --files-from (a file, or - for standard input), read as they are needed.
// Standard input can be read once: "-" may appear once in all.
func scoreNames(e env, filesFrom string, args []string) (iter.Seq2[string, error], error) {
	stdin := 0
	for _, a := range args {
		if a == "-" {
			stdin++
		}
	}
	if filesFrom == "-" {
		stdin++
	}
	if stdin > 1 {
		return nil, badInput(msg.New("cli.err.stdin-read-once"))
	}
	if filesFrom == "" && len(args) == 0 {
		return nil, badInput(msg.New("cli.err.no-files"))
	}
	var list io.ReadCloser
	if filesFrom == "-" {
		list = io.NopCloser(e.stdin)
	} else if filesFrom != "" {
		f, err := os.Open(filesFrom)
		if err != nil {
			return nil, badInput(msg.Wrap(err, "cli.err.flag", "flag", "--files-from", "reason", describeOpenError(filesFrom, err)))
		}
		list = f
	}
	return func(yield func(string, error) bool) {
		for _, a := range args {
			if !yield(a, nil) {
				return
			}
		}
		if list == nil {
			return
		}
		defer list.Close()
		sc := bufio.NewScanner(list)
		sc.Buffer(make([]byte, 0, 4096), 64<<10)
		for sc.Scan() {
			name := strings.TrimSuffix(sc.Text(), "\r")
			if name == "" {
				continue
			}
			if name == "-" {
				if !yield("", badInput(msg.New("cli.err.dash-in-list", "file", displayName(filesFrom)))) {
					return
				}
				continue
			}
			if !yield(name, nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield("", badInput(msg.Wrap(err, "cli.err.flag", "flag", "--files-from "+displayName(filesFrom), "reason", err)))
		}
	}, nil
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

func writeJSONLine(out io.Writer, name string, rep *report.Report) error {
	r := *rep
	r.File = displayName(name)
	// The report writes itself as compact JSON; an Encoder would only
	// check and copy those bytes again (a fifth of a batch's time).
	b, err := r.MarshalJSON()
	if err != nil {
		return msg.Wrap(err, "cli.err.write", "reason", err)
	}
	if _, err := out.Write(append(b, '\n')); err != nil {
		return msg.Wrap(err, "cli.err.write", "reason", err)
	}
	return nil
}

func writeFHIRLine(out io.Writer, qr fhir.QuestionnaireResponse) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(qr); err != nil {
		return msg.Wrap(err, "cli.err.write", "reason", err)
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
