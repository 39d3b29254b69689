// Package wording fingerprints a text's wording: a hash of every normalised
// run of words. A test can then tell whether a sentence repeats a source word
// for word while the repository holds only the hashes, never the source's
// prose (the clinic's guide stays where it is published).
package wording

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// RunWords is the length of the runs a fingerprint holds: facts may carry
// over from a source, sentences of eight words or more may not.
const RunWords = 8

// Words splits text into lower-case words, treating curly apostrophes as
// straight ones, so "I’m" and "I'm" are the same word.
func Words(s string) []string {
	s = Fold(s)
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// apostrophes makes curly apostrophes straight; built once, as a Replacer
// is costly to build and safe to share.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'")

// Fold lower-cases text and straightens its apostrophes, as Words does
// before splitting, so a caller can test for a word cheaply first.
func Fold(s string) string { return apostrophes.Replace(strings.ToLower(s)) }

// Hash is the fingerprint of one run of words.
func Hash(run []string) uint64 {
	h := fnv.New64a()
	for i, w := range run {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return h.Sum64()
}

// Fingerprint is the sorted set of hashes of every RunWords-word run in a
// text.
type Fingerprint []uint64

// Of fingerprints a text.
func Of(text string) Fingerprint {
	w := Words(text)
	var fp Fingerprint
	for i := 0; i+RunWords <= len(w); i++ {
		fp = append(fp, Hash(w[i:i+RunWords]))
	}
	slices.Sort(fp)
	return slices.Compact(fp)
}

// Has reports whether the fingerprint holds a run's hash.
func (fp Fingerprint) Has(h uint64) bool {
	_, ok := slices.BinarySearch(fp, h)
	return ok
}

// FirstShared returns the first RunWords-word run of text whose hash the
// fingerprint holds, or "" when the text shares no such run.
func (fp Fingerprint) FirstShared(text string) string {
	w := Words(text)
	for i := 0; i+RunWords <= len(w); i++ {
		if fp.Has(Hash(w[i : i+RunWords])) {
			return strings.Join(w[i:i+RunWords], " ")
		}
	}
	return ""
}

// header opens a fingerprint file, so a reader knows what the numbers are.
const header = "# vetcircle wording fingerprint: FNV-1a 64 hashes of every normalised 8-word run (internal/wording), one per line, sorted\n"

// Write writes the fingerprint as text, one hexadecimal hash a line.
func (fp Fingerprint) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(header)
	for _, h := range fp {
		fmt.Fprintf(bw, "%016x\n", h)
	}
	return bw.Flush()
}

// Read reads a fingerprint written by Write; lines starting with # are
// comments. A line that is not a hash is an error naming its line.
func Read(r io.Reader) (Fingerprint, error) {
	var fp Fingerprint
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		h, err := strconv.ParseUint(line, 16, 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: want a 16-digit hexadecimal hash, got %q", n, line)
		}
		fp = append(fp, h)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	slices.Sort(fp)
	return slices.Compact(fp), nil
}
