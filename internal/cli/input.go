package cli

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }

// loadPack returns the built-in pack in the language prepare decided, or
// the pack in dir when one is given (a custom pack is in its own
// language). Commands get their pack from prepare; only rules check calls
// it itself, for the folder it is given.
func loadPack(e env, dir string) (*checklist.Pack, error) {
	if dir == "" {
		p, err := rules.ForLanguage(e.lang)
		if err != nil {
			return nil, msg.Wrap(err, "cli.err.builtin-broken", "reason", err)
		}
		return p, nil
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, badInput(msg.New("cli.err.rules-missing", "dir", displayName(dir)))
	case err != nil:
		return nil, badInput(msg.Wrap(err, "cli.err.rules-folder", "dir", displayName(dir), "reason", err))
	case !st.IsDir():
		return nil, badInput(msg.New("cli.err.rules-is-file", "dir", displayName(dir)))
	}
	p, err := checklist.LoadPack(os.DirFS(dir), displayName(dir))
	if err != nil {
		return nil, badInput(err)
	}
	fillText(p)
	return p, nil
}

// fillText gives a custom pack the built-in pack's sentences it lacks, in
// its own language (else English): a pack copied from an older vetcircle,
// or one that changes only the rules, shows no "[key]" in the phone
// script, the comparison or a summary.
func fillText(p *checklist.Pack) {
	lang, err := rules.Choose(p.Meta.Language, func(string) string { return "" })
	if err != nil {
		lang, _ = rules.Choose("", func(string) string { return "" })
	}
	base, err := rules.ForLanguage(lang)
	if err != nil {
		return
	}
	if p.Text == nil {
		p.Text = map[string]string{}
	}
	for k, v := range base.Text {
		if _, ok := p.Text[k]; !ok {
			p.Text[k] = v
		}
	}
}

// readInput reads a named file, or standard input for "-", refusing folders
// and anything over the size limit before reading it whole.
func readInput(e env, name string) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, badInput(describeOpenError(name, err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, badInput(msg.New("cli.err.is-folder", "file", displayName(name)))
		}
		r = f
	}
	var data []byte
	var err error
	if f, ok := r.(*os.File); ok && name != "-" {
		data, err = readFile(f)
	} else {
		data, err = io.ReadAll(io.LimitReader(r, checklist.MaxFileSize+1))
	}
	if err != nil {
		return nil, badInput(msg.Wrap(err, "cli.err.read", "file", displayName(name), "reason", err))
	}
	if len(data) > checklist.MaxFileSize {
		return nil, badInput(msg.New("cli.err.too-big", "file", displayName(name), "limit", checklist.MaxFileSize))
	}
	return data, nil
}

func describeOpenError(name string, err error) error {
	if key := string(fileio.KindOf(err)) + "/input"; fileioHas(key) {
		return msg.Wrap(err, "file."+key, "file", displayName(name))
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return msg.Wrap(err, "cli.err.file", "file", displayName(name), "reason", pe.Err)
	}
	return err
}

// displayName is how a file or folder is named in messages and listings:
// on one line, with every control, escape and invisible character shown as
// an escape (\x1b, \n, \u200e), so that a hostile name can neither reach
// the terminal nor forge a second "vetcircle:" line.
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return textclean.Visible(name)
}

// readFile reads up to MaxFileSize+1 bytes of f into one buffer sized from
// its length, as os.ReadFile does: batch scoring reads thousands of files.
func readFile(f *os.File) ([]byte, error) {
	size := 512
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		size = int(min(st.Size(), checklist.MaxFileSize)) + 1
	}
	data := make([]byte, 0, size)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if len(data) > checklist.MaxFileSize {
			return data, nil
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}
