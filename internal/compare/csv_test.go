package compare_test

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/compare"
)

func TestCSV(t *testing.T) {
	p := pack(t)
	rows := []compare.Row{
		example(t, p, "strong-kap-circle.yaml"),
		example(t, p, "online-peer-group.yaml"),
		row(t, p, "evil.yaml", "version: 1\ncircle:\n  name: \"=HYPERLINK(\\\"http://x\\\",\\\"click\\\")\"\n  facilitator: \"@SUM(A1)\"\n"),
		row(t, p, "plus.yaml", "version: 1\ncircle:\n  name: \"+1, \\\"quoted\\\"\\nsecond line\"\n"),
		row(t, p, "minus.yaml", "version: 1\ncircle:\n  name: \"-2\"\n"),
	}
	out := compare.CSV(p, rows)
	if !strings.Contains(out, "\r\n") {
		t.Error("records do not end in CRLF (RFC 4180)")
	}
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("not valid CSV: %v\n%s", err, out)
	}
	if len(records) != len(rows)+1 {
		t.Fatalf("%d records, want a header and %d rows", len(records), len(rows))
	}
	head := records[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s in %v", name, head)
		return -1
	}
	if got := records[1][col("verdict")]; got != "promising" {
		t.Errorf("strong circle verdict = %q", got)
	}
	if got := records[1][col("agreements")]; got != "confidentiality; no-advice; no-pressure; written" {
		t.Errorf("agreements cell = %q", got)
	}
	if got := records[2][col("fit")]; got != "good" {
		t.Errorf("online group fit = %q", got)
	}
	for _, rec := range records[1:] {
		for _, cell := range rec {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
			if strings.ContainsAny(cell, "\n\r") {
				t.Errorf("cell %q spans lines", cell)
			}
		}
	}
	if got := records[3][col("name")]; got != `'=HYPERLINK("http://x","click")` {
		t.Errorf("formula name = %q", got)
	}
	if got := records[5][col("name")]; got != "'-2" {
		t.Errorf("negative-looking name = %q", got)
	}
}
