package accessible

import (
	"cmp"
	"encoding/json"
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
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// finish scores the answers, prints the summary and offers to save it.
func (s *session) finish() error {
	rep := summary.Build(s.p, s.a, summary.Options{Date: s.opts.Date})
	md := summary.Markdown(s.p, rep)
	s.w.line(s.t("a11y.summary"))
	s.w.blank()
	// Read aloud: the same report as prose, with no markdown symbol and no
	// decorative glyph; the file saved keeps the standard markdown.
	s.w.write(summary.Prose(s.p, rep))
	s.w.blank()
	s.w.line(s.t("a11y.summary-end"))
	def := intake.FileName(rep.Circle.Name, s.opts.Date, ".md")
	saved, err := s.offerSave(md, def)
	if err != nil || s.ended {
		return err
	}
	if err := s.offerAnswers(rep, saved, def); err != nil {
		return err
	}
	return s.offerKeep(rep)
}

// offerKeep offers to keep the answers in the register of vetted circles,
// where vetcircle circles lists them and revet checks the circle again.
func (s *session) offerKeep(r *report.Report) error {
	if s.opts.Keep == nil {
		return nil
	}
	s.w.blank()
	line, eof := s.read(s.t("a11y.keep-prompt"))
	if eof || line == "" || s.command(line) != "yes" {
		return nil
	}
	// How the answers were gathered, for the vetting's provenance:
	// optional, enter leaves it unsaid.
	source := ""
	if line, eof := s.read(s.t("a11y.keep-source")); !eof {
		if n, err := strconv.Atoi(strings.TrimSpace(line)); err == nil && n >= 1 && n <= len(checklist.Sources) {
			source = checklist.Sources[n-1]
		} else if slices.Contains(checklist.Sources, strings.ToLower(strings.TrimSpace(line))) {
			source = strings.ToLower(strings.TrimSpace(line))
		}
	}
	// The date of the call or visit: today unless said, never a date that
	// does not read or has not come yet.
	on := s.opts.Date.Format(time.DateOnly)
	for {
		line, eof := s.read(s.t("a11y.keep-date", "today", on))
		if eof {
			break
		}
		d, err := intake.CallDate(s.p, line, s.opts.Date)
		if err != nil {
			s.w.line(err.Error())
			continue
		}
		on = d
		break
	}
	s.w.line(s.t("a11y.keep-date-set", "date", on))
	a := s.a.Clone()
	a.ResumeAt = ""
	a.Vetted.On = on
	path, err := s.opts.Keep(r.Circle.Name, source, checklist.MarshalAnswers(s.p, a))
	if err != nil {
		// Not kept, and the summary and answers offers are behind; say why
		// and where, and leave the answers as they are.
		s.w.line(s.t("a11y.keep-failed", "reason", fileio.Explain(err)))
		return nil
	}
	s.w.line(s.t("a11y.keep-done", "path", path))
	return nil
}

// offerAnswers offers what else a walkthrough can save beside the summary
// (the intake core's kinds, as the full-screen save dialog offers them):
// the answers file, the score and the note for a record, each on a
// numbered line saying what it is and where it goes; any of them, in one
// answer ("1 3"). Nothing is replaced without a yes, as for the summary.
func (s *session) offerAnswers(r *report.Report, summaryPath, def string) error {
	base := strings.TrimSuffix(def, ".md")
	folder := cmp.Or(s.opts.Dir, ".")
	if summaryPath != "" {
		folder = filepath.Dir(summaryPath)
		base = strings.TrimSuffix(filepath.Base(summaryPath), filepath.Ext(summaryPath))
	}
	kinds := []intake.SaveKind{intake.SaveAnswers, intake.SaveJSON, intake.SaveNote}
	s.w.blank()
	s.w.line(s.t("a11y.answers-offer"))
	for i, k := range kinds {
		s.w.line(s.t("a11y.answers-kind", "n", strconv.Itoa(i+1), "label", s.p.T(k.Label()), "path", filepath.Join(folder, base+k.Ext()), "help", s.p.T(k.Help())))
	}
	for {
		line, eof := s.read(s.t("a11y.answers-prompt"))
		if eof || line == "" || s.command(line) == "no" {
			s.w.line(s.t("a11y.answers-declined"))
			return nil
		}
		var chosen []intake.SaveKind
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' }) {
			n, err := strconv.Atoi(w)
			if err != nil || n < 1 || n > len(kinds) {
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
		// The score names the answers file it describes, when one is saved.
		described := ""
		if slices.Contains(chosen, intake.SaveAnswers) {
			described = filepath.Join(folder, base+intake.SaveAnswers.Ext())
		}
		for _, k := range chosen {
			path := filepath.Join(folder, base+k.Ext())
			data, err := intake.Render(k, s.p, s.a, s.opts.Date, intake.Encoder(s.resultJSON), described)
			if err != nil {
				return err
			}
			for {
				done, err := s.save(path, data)
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

// resultJSON is the score as `vetcircle score --format json` writes it.
func (s *session) resultJSON(path string, r *report.Report) ([]byte, error) {
	if s.opts.ResultJSON != nil {
		return s.opts.ResultJSON(path, r)
	}
	b, err := json.Marshal(r)
	return append(b, '\n'), err
}

// offerSave asks whether to save the summary, and where, until it is saved or
// the user declines. A file is never replaced without a yes.
func (s *session) offerSave(md, def string) (string, error) {
	folder := s.opts.Dir
	if folder == "" {
		folder = "."
	}
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
		switch cmd := s.command(line); {
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
		done, err := s.save(path, []byte(md))
		if err != nil {
			return "", err
		}
		if done {
			return s.savedPath, nil
		}
	}
}

// save writes the summary to path, asking before replacing a file. It
// returns done when the file was saved; otherwise the caller asks again.
// Every problem is explained and the answers stay in memory.
func (s *session) save(path string, data []byte) (done bool, err error) {
	err = fileio.WriteNew(path, data)
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
		err = fileio.WriteAtomic(path, data)
	}
	if err != nil {
		s.w.line(s.t("a11y.save-failed", "path", path, "reason", fileio.Explain(err)))
		return false, nil
	}
	if strings.HasSuffix(path, ".md") {
		s.w.line(s.t("a11y.save-done", "path", path))
	} else {
		s.w.line(s.t("a11y.saved-file", "path", path))
	}
	s.savedPath = path
	if s.opts.OnSaved != nil && strings.HasSuffix(path, ".md") {
		s.opts.OnSaved(path)
	}
	return true, nil
}
