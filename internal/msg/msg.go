// Package msg carries a sentence for a person as a catalog key and its
// values, so that it is put into words where the language is known: at
// the edge that prints it. Leaf packages (file saving, the register) make
// their errors with it and never hold the words themselves; the words are
// the rules pack's text (rules/cli.yaml and its translations).
package msg

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
)

// Catalog puts a key into words, filling {name} placeholders from pairs
// of name, value: a rules pack (checklist.Pack) is one.
type Catalog interface {
	Tf(key string, pairs ...string) string
}

// Teller is an error that can put itself into words in a catalog (an
// error of a leaf package that keeps its facts in fields).
type Teller interface {
	Tell(c Catalog) string
}

// Error is an error told by key. A value in Pairs may be an error, told
// in the same catalog (a reason inside a sentence).
type Error struct {
	Key   string
	Pairs []any
	// Err is the cause, for errors.Is and errors.As; it is told only
	// where Pairs names it.
	Err error
}

// New is an error told by key with name, value pairs.
func New(key string, pairs ...any) *Error { return &Error{Key: key, Pairs: pairs} }

// Wrap is New with a cause that errors.Is and errors.As find.
func Wrap(err error, key string, pairs ...any) *Error {
	return &Error{Key: key, Pairs: pairs, Err: err}
}

// Error is the sentence in the default catalog (English, when the rules
// package is linked in); without one, the key and its values.
func (e *Error) Error() string { return e.Tell(fallback()) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Tell puts e into words in c.
func (e *Error) Tell(c Catalog) string {
	pairs := make([]string, 0, len(e.Pairs))
	for i, v := range e.Pairs {
		if i%2 == 0 {
			pairs = append(pairs, fmt.Sprint(v))
			continue
		}
		switch v := v.(type) {
		case error:
			pairs = append(pairs, Say(c, v))
		case string:
			pairs = append(pairs, v)
		default:
			pairs = append(pairs, fmt.Sprint(v))
		}
	}
	return c.Tf(e.Key, pairs...)
}

// Say puts err into words in c: a Teller (such as *Error) is told in c,
// anything else is its own Error().
func Say(c Catalog, err error) string {
	if err == nil {
		return ""
	}
	if t, ok := err.(Teller); ok && c != nil {
		return t.Tell(c)
	}
	// errors.Join: each error on its own line, each in c.
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var plain, told []string
		for _, e := range j.Unwrap() {
			plain = append(plain, e.Error())
			told = append(told, Say(c, e))
		}
		if err.Error() == strings.Join(plain, "\n") {
			return strings.Join(told, "\n")
		}
	}
	return err.Error()
}

// Is reports whether err is, or wraps, an *Error with key.
func Is(err error, key string) bool {
	var e *Error
	for err != nil {
		if !errors.As(err, &e) {
			return false
		}
		if e.Key == key {
			return true
		}
		err = e.Err
	}
	return false
}

var defaultCatalog atomic.Pointer[func() Catalog]

// SetDefault names the catalog that Error() uses, as a function called on
// first use (the rules package sets its English pack, so nothing is built
// at start-up).
func SetDefault(f func() Catalog) { defaultCatalog.Store(&f) }

// keys is the catalog used when none is set: it shows the key and values,
// so a message is never lost, and never invents words.
type keys struct{}

func (keys) Tf(key string, pairs ...string) string {
	var b strings.Builder
	b.WriteString(key)
	for i := 0; i+1 < len(pairs); i += 2 {
		fmt.Fprintf(&b, " %s=%q", pairs[i], pairs[i+1])
	}
	return b.String()
}

func fallback() Catalog {
	if f := defaultCatalog.Load(); f != nil {
		if c := (*f)(); c != nil {
			return c
		}
	}
	return keys{}
}

// Default is the catalog Error() uses: the one SetDefault named, else one
// that shows keys and values.
func Default() Catalog { return fallback() }
