package accessible

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// finish scores the answers, prints the summary and offers to save it.
func (s *session) finish() error {
	s.core.ToSummary()
	rep := summary.Build(s.p, s.a, summary.Options{Date: s.core.Now()})
	s.w.line(s.t("a11y.summary"))
	s.w.blank()
	// Read aloud: the same report as prose, with no markdown symbol and no
	// decorative glyph; the file saved keeps the standard markdown.
	s.w.write(summary.Prose(s.p, rep))
	s.w.blank()
	s.w.line(s.t("a11y.summary-end"))
	saved, err := s.offerSave()
	if err != nil || s.ended {
		return err
	}
	if err := s.offerAnswers(saved); err != nil {
		return err
	}
	return s.offerKeep()
}

// offerKeep offers to keep the answers in the register of vetted circles,
// where vetcircle circles lists them and revet checks the circle again.
func (s *session) offerKeep() error {
	if s.opts.Keep == nil {
		return nil
	}
	s.w.blank()
	line, eof := s.read(s.t("a11y.keep-prompt"))
	if eof || line == "" || intake.Word(s.p, line) != "yes" {
		return nil
	}
	// How the answers were gathered, for the vetting's provenance:
	// optional, enter leaves it unsaid.
	source := ""
	if line, eof := s.read(s.t("a11y.keep-source")); !eof {
		if n, ok := intake.OptionNumber(line, len(checklist.Sources)); ok {
			source = checklist.Sources[n-1]
		} else if w := strings.ToLower(strings.TrimSpace(line)); slices.Contains(checklist.Sources, w) {
			source = w
		}
	}
	// The date of the call or visit: today unless said, never a date that
	// does not read or has not come yet.
	on := s.core.Now().Format(time.DateOnly)
	for {
		line, eof := s.read(s.t("a11y.keep-date", "today", on))
		if eof {
			break
		}
		d, err := intake.CallDate(s.p, line, s.core.Now())
		if err != nil {
			s.w.line(err.Error())
			continue
		}
		on = d
		break
	}
	s.w.line(s.t("a11y.keep-date-set", "date", on))
	path, err := s.core.SaveJob(intake.SaveKeep, "", false, intake.Keeping{Source: source, On: on})()
	if err != nil {
		// Not kept, and the summary and answers offers are behind; say why
		// and where, and leave the answers as they are.
		s.w.line(s.t("a11y.keep-failed", "reason", fileio.ExplainIn(s.p, err)))
		return nil
	}
	s.core.Saved(intake.SaveKeep, path)
	s.w.line(s.t("a11y.keep-done", "path", path))
	return nil
}

// offerAnswers offers what else a walkthrough can save beside the summary
// (the intake core's kinds, as the full-screen save dialog offers them):
// the answers file, the score and the note for a record, each on a
// numbered line saying what it is and where it goes; any of them, in one
// answer ("1 3"). Nothing is replaced without a yes, as for the summary.
// Once the summary or the answers are in a file, the draft has done its
// job and is removed.
func (s *session) offerAnswers(summaryPath string) error {
	base := strings.TrimSuffix(s.core.FileName(intake.SaveSummary), ".md")
	folder := s.core.Options().Dir
	if summaryPath != "" {
		folder = filepath.Dir(summaryPath)
		base = strings.TrimSuffix(filepath.Base(summaryPath), filepath.Ext(summaryPath))
	}
	defer func() {
		if saved, _ := s.core.SavedAt(intake.SaveSummary); saved {
			s.dropDraft()
		} else if saved, _ := s.core.SavedAt(intake.SaveAnswers); saved {
			s.dropDraft()
		}
	}()
	var kinds []intake.SaveKind
	for _, k := range s.core.Kinds() {
		if k != intake.SaveSummary && k != intake.SaveKeep {
			kinds = append(kinds, k)
		}
	}
	s.w.blank()
	s.w.line(s.t("a11y.answers-offer"))
	for i, k := range kinds {
		s.w.line(s.t("a11y.answers-kind", "n", strconv.Itoa(i+1), "label", s.p.T(k.Label()), "path", filepath.Join(folder, base+k.Ext()), "help", s.p.T(k.Help())))
	}
	for {
		line, eof := s.read(s.t("a11y.answers-prompt"))
		if eof || line == "" || intake.Word(s.p, line) == "no" {
			s.w.line(s.t("a11y.answers-declined"))
			return nil
		}
		var chosen []intake.SaveKind
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' }) {
			n, ok := intake.OptionNumber(w, len(kinds))
			if !ok {
				chosen = nil
				break
			}
			if !slices.Contains(chosen, kinds[n-1]) {
				chosen = append(chosen, kinds[n-1])
			}
		}
		if len(chosen) == 0 {
			s.w.line(s.t("a11y.not-understood", "input", short(line), "allowed", s.t("a11y.answers-how", "n", strconv.Itoa(len(kinds)))))
			continue
		}
		// In the order offered: the score names the answers file saved
		// before it.
		slices.Sort(chosen)
		for _, k := range chosen {
			path := filepath.Join(folder, base+k.Ext())
			for {
				done, err := s.save(k, path)
				if err != nil || done {
					break
				}
				// Not replaced, or it failed: ask for another name.
				name, eof := s.read(s.t("a11y.save-prompt"))
				if eof || name == "" {
					break
				}
				if path = name; !filepath.IsAbs(path) {
					path = filepath.Join(folder, path)
				}
			}
		}
		return nil
	}
}

// dropDraft removes the draft once its answers are safe in a saved file.
func (s *session) dropDraft() {
	if rm := s.core.DropDraft(); rm != nil {
		s.drafted(rm())
	}
}

// offerSave asks whether to save the summary, and where, until it is saved or
// the user declines. A file is never replaced without a yes. It returns
// the file saved, or "".
func (s *session) offerSave() (string, error) {
	folder := s.core.Options().Dir
	def := s.core.FileName(intake.SaveSummary)
	for {
		s.w.blank()
		s.w.line(s.t("a11y.save-offer", "path", filepath.Join(folder, def)))
		line, eof := s.read(s.t("a11y.save-prompt"))
		if eof {
			s.w.line(s.t("a11y.save-ended"))
			s.ended = true
			return "", nil
		}
		var path string
		switch cmd := intake.Word(s.p, line); {
		case line == "" || cmd == "no":
			s.w.line(s.t("a11y.save-declined"))
			return "", nil
		case cmd == "yes":
			path = filepath.Join(folder, def)
		default:
			path = line
			if !filepath.IsAbs(path) {
				path = filepath.Join(folder, path)
			}
		}
		done, err := s.save(intake.SaveSummary, path)
		if err != nil {
			return "", err
		}
		if done {
			if s.ended {
				return "", nil
			}
			return path, nil
		}
	}
}

// save writes kind k to path, asking before replacing a file. It returns
// done when the file was saved (or input ended); otherwise the caller
// asks again. Every problem is explained and the answers stay in memory.
func (s *session) save(k intake.SaveKind, path string) (done bool, err error) {
	_, err = s.core.SaveJob(k, path, false, intake.Keeping{})()
	if errors.Is(err, fs.ErrExist) {
		s.w.line(s.t("a11y.save-exists", "path", path))
		yes, eof := s.confirm(s.t("a11y.save-replace"))
		if eof {
			s.w.line(s.t("a11y.save-ended"))
			s.ended = true
			return true, nil
		}
		if !yes {
			return false, nil
		}
		_, err = s.core.SaveJob(k, path, true, intake.Keeping{})()
	}
	if err != nil {
		s.w.line(s.t("a11y.save-failed", "path", path, "reason", fileio.ExplainIn(s.p, err)))
		return false, nil
	}
	if k == intake.SaveSummary {
		s.w.line(s.t("a11y.save-done", "path", path))
	} else {
		s.w.line(s.t("a11y.saved-file", "path", path))
	}
	s.core.Saved(k, path)
	return true, nil
}
