package report_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// BenchmarkReportAndRenderings builds one vetting's report and renders it
// in every form outside glamour (markdown, the note, prose, JSON), per
// example. The budget (issue 16) is 2 ms per vetting.
func BenchmarkReportAndRenderings(b *testing.B) {
	p := packs(b)["en"]
	files, _ := filepath.Glob("../../examples/*.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		a, err := checklist.ParseAnswers(p, f, data)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(filepath.Base(f), ".yaml"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rep := report.Build(p, a, report.Options{Date: day})
				_ = summary.Markdown(p, &rep)
				_ = summary.Note(p, &rep)
				_ = summary.Prose(p, &rep)
				if _, err := json.Marshal(rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
