package checklist

import (
	"fmt"

	"github.com/vetcircle/vetcircle/internal/yamlread"
)

// Pos is a place in a YAML file, for error messages a person can act on.
type Pos = yamlread.Pos

// Error is one problem in one file, at a place, with a hint how to fix it.
type Error = yamlread.Error

// Errors is every problem found in a load, in file order.
type Errors = yamlread.Errors

// MaxFileSize is the largest rules or answers file read, so a stray disk image
// or log passed by mistake fails fast with a clear message.
const MaxFileSize = yamlread.MaxFileSize

// errorList collects problems so a load can report all of them at once.
type errorList struct {
	errs Errors
	// p translates messages about answers into the pack's language; nil
	// while a pack itself is being loaded.
	p *Pack
}

func (l *errorList) add(pos Pos, hint, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: pos, Msg: fmt.Sprintf(l.tr("err:", format), args...), Hint: l.tr("hint:", hint)})
}

// addHint is add with a hint that holds values ("allowed: a, b").
func (l *errorList) addHint(pos Pos, hint string, hintArgs []any, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: pos, Msg: fmt.Sprintf(l.tr("err:", format), args...), Hint: fmt.Sprintf(l.tr("hint:", hint), hintArgs...)})
}

// tr is the pack's translation of an English message or hint, found under
// text: as "err:<the English format>" or "hint:<...>" (fmt verbs kept, in
// any order with %[n]s), or the English itself. The position never changes;
// the sentence follows the pack's language.
func (l *errorList) tr(kind, english string) string {
	if l.p != nil {
		if s, ok := l.p.Text[kind+english]; ok {
			return s
		}
	}
	return english
}

func (l *errorList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return l.errs
}
