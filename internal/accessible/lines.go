package accessible

import (
	"bufio"
	"io"
)

// lineReader reads lines of at most max bytes. A longer line is consumed
// whole and reported as too long, so the walkthrough can ask again.
//
// It is built on bufio.Reader rather than bufio.Scanner: a Scanner stops for
// good at its first over-long token, which would end the walkthrough on one
// careless paste.
type lineReader struct {
	r   *bufio.Reader
	max int
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 4096), max: max}
}

// read returns the next line without its line ending ("\n" or "\r\n"). The
// last line may lack a line ending. err is io.EOF (or a read error) only when
// there is no line left at all.
func (l *lineReader) read() (line string, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, isPrefix, err := l.r.ReadLine()
		if err != nil {
			if len(buf) > 0 || tooLong {
				return string(buf), tooLong, nil
			}
			return "", false, err
		}
		if !tooLong {
			if len(buf)+len(chunk) > l.max {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if !isPrefix {
			return string(buf), tooLong, nil
		}
	}
}

// writer writes whole lines and remembers the first error, so a closed pipe
// stops the walkthrough instead of being ignored line after line.
type writer struct {
	w   io.Writer
	err error
}

func (w *writer) write(s string) {
	if w.err != nil || s == "" {
		return
	}
	_, w.err = io.WriteString(w.w, s)
}

func (w *writer) line(s string) { w.write(s + "\n") }

func (w *writer) blank() { w.write("\n") }
