package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
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
			return nil, fmt.Errorf("built-in rules are broken (please report this): %w", err)
		}
		return p, nil
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, badInput(fmt.Errorf("rules folder %s does not exist", displayName(dir)))
	case err != nil:
		return nil, badInput(fmt.Errorf("rules folder %s: %w", displayName(dir), err))
	case !st.IsDir():
		return nil, badInput(fmt.Errorf("rules folder %s is a file; --rules takes a folder of .yaml files", displayName(dir)))
	}
	p, err := checklist.LoadPack(os.DirFS(dir), displayName(dir))
	if err != nil {
		return nil, badInput(err)
	}
	return p, nil
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
			return nil, badInput(fmt.Errorf("%s is a folder; give an answers file", displayName(name)))
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
		return nil, badInput(fmt.Errorf("read %s: %w", displayName(name), err))
	}
	if len(data) > checklist.MaxFileSize {
		return nil, badInput(fmt.Errorf("%s: file is over the %d-byte limit (is this the right file? answers files are small text files)", displayName(name), checklist.MaxFileSize))
	}
	return data, nil
}

func describeOpenError(name string, err error) error {
	if s, ok := fileio.Words(string(fileio.KindOf(err))+"/input", displayName(name)); ok {
		return errors.New(s)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", displayName(name), pe.Err)
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
