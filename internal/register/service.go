package register

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// A circle's service record (how to reach and join it: contact, schedule,
// languages, cost, when last verified) is kept like everything else in the
// register, written once: in the circle block of a vetting, or, when it
// changes without a new vetting, as a file of its own under service/. Each
// holds the whole record, never a change to an earlier one, so the record
// is simply the newest: the latest vetting's (the newest that reads) when
// its circle block holds one, unless a service file was kept after it; else
// the newest service file that reads.
const serviceDir = "service"

// AddService keeps a circle's whole service record as a new file under
// its service/ folder and returns the file.
func (g Register) AddService(c Circle, s checklist.Service, now time.Time) (string, error) {
	return g.write(c, serviceDir, checklist.MarshalService(c.Name, s), now)
}

// Service is a circle's service record and the file it comes from ("" and
// a zero record when none is kept). Service files that do not read are
// problems, passed over for an older one.
func (g Register) Service(p *checklist.Pack, c Circle) (checklist.Service, string, []Problem) {
	latest, vpath, _ := g.LatestVetting(p, c)
	if latest == nil {
		vpath = ""
	}
	return g.service(p, c, latest, vpath)
}

// service is Service given the latest vetting that reads (nil and "" when
// none does), so a listing that has read it already does not read it again.
func (g Register) service(p *checklist.Pack, c Circle, latest *checklist.Answers, vpath string) (checklist.Service, string, []Problem) {
	files, err := g.files(c.Folder, serviceDir)
	if err != nil {
		return checklist.Service{}, "", []Problem{{File: filepath.Join(g.Dir, c.Folder, serviceDir), Err: err}}
	}
	var bad []Problem
	fromVetting := latest != nil && !latest.Service.IsZero()
	for i := len(files) - 1; i >= 0; i-- {
		f := files[i]
		if fromVetting && strings.Compare(filepath.Base(f), filepath.Base(vpath)) < 0 {
			break // kept before the latest vetting: the vetting's record is newer
		}
		data, err := readSmall(f)
		if err == nil {
			var s checklist.Service
			if _, s, err = checklist.ParseService(p, f, data); err == nil {
				return s, f, bad
			}
		}
		bad = append(bad, Problem{File: f, Err: err})
	}
	if fromVetting {
		return latest.Service.Clone(), vpath, bad
	}
	return checklist.Service{}, "", bad
}
