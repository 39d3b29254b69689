// Command guideprint keeps what the repository knows of the clinic's guide
// in step with the guide itself, without holding a copy of its prose:
//
//   - guide/fingerprint.txt: a hash of every normalised 8-word run of the
//     guide (internal/wording), which TestPackIsInItsOwnWords checks the
//     packs' sentences against;
//   - guide/headings.txt: the section headings a rule may cite, which the
//     loader lint (TestBuiltinPackLints) checks the packs' headings against.
//
// It runs with go generate ./rules. By default it checks: when the guide is
// present it fails if the committed fingerprint differs from the guide's or
// a committed heading is not a line of the guide, so a changed guide cannot
// go unnoticed; when the guide is absent (a fresh clone) it says so and
// checks nothing, since the tests need only the committed files. After
// reviewing the packs against a new guide, -write rewrites the fingerprint.
//
// The guide is read from $VETCIRCLE_GUIDE, or else from -guide.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/vetcircle/vetcircle/internal/wording"
)

const (
	fingerprintFile = "guide/fingerprint.txt"
	headingsFile    = "guide/headings.txt"
	// overview names the guide's unheaded opening points; it is no line of
	// the guide.
	overview = "Overview"
)

func main() {
	guide := flag.String("guide", "", "the guide's text file ($VETCIRCLE_GUIDE wins when set)")
	write := flag.Bool("write", false, "rewrite "+fingerprintFile+" from the guide instead of checking it")
	flag.Parse()
	path := *guide
	if env := os.Getenv("VETCIRCLE_GUIDE"); env != "" {
		path = env
	}
	if err := run(path, *write); err != nil {
		fmt.Fprintln(os.Stderr, "guideprint:", err)
		os.Exit(1)
	}
}

func run(path string, write bool) error {
	text, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) || path == "" {
		if write {
			return fmt.Errorf("cannot write the fingerprint: the guide is not at %q (set VETCIRCLE_GUIDE)", path)
		}
		fmt.Fprintf(os.Stderr, "guideprint: the guide is not at %q (set VETCIRCLE_GUIDE); %s and %s were NOT checked against it\n", path, fingerprintFile, headingsFile)
		return nil
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := wording.Of(string(text)).Write(&buf); err != nil {
		return err
	}
	if write {
		if err := os.WriteFile(fingerprintFile, buf.Bytes(), 0o644); err != nil {
			return err
		}
	} else {
		old, err := os.ReadFile(fingerprintFile)
		if err != nil {
			return fmt.Errorf("%w; create it with: go run ./guideprint -write -guide %s", err, path)
		}
		if !bytes.Equal(old, buf.Bytes()) {
			return fmt.Errorf("%s no longer matches the guide at %s: the guide's wording changed. Review the packs' wording and citations against it, then run: go run ./guideprint -write -guide %s", fingerprintFile, path, path)
		}
	}
	return checkHeadings(text)
}

// checkHeadings fails on a committed heading that is not a whole line of
// the guide, so a renamed section is caught here and not by a reader.
func checkHeadings(guide []byte) error {
	lines := map[string]bool{}
	for l := range strings.SplitSeq(string(guide), "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	f, err := os.Open(headingsFile)
	if err != nil {
		return err
	}
	defer f.Close()
	var missing []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		h := strings.TrimSpace(sc.Text())
		if h == "" || strings.HasPrefix(h, "#") || h == overview {
			continue
		}
		if !lines[h] {
			missing = append(missing, h)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return fmt.Errorf("%s lists headings the guide no longer has: %q", headingsFile, missing)
	}
	return nil
}
