package compare_test

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/compare"
)

// TestCSVEscapesFormulasInEveryTypedColumn puts each character a
// spreadsheet reads as the start of a formula (=, +, -, @, and a tab or a
// carriage return before one) at the start of everything a person types
// that reaches a CSV column: the circle's name and the answers file's name.
// Each cell must come out as text, prefixed with ', and nothing typed
// elsewhere (the facilitator, notes) may reach a cell unescaped.
func TestCSVEscapesFormulasInEveryTypedColumn(t *testing.T) {
	p := pack(t)
	tests := []struct {
		typed string // as typed
		cell  string // as the CSV cell must read
	}{
		{"=SUM(A1:A9)", "'=SUM(A1:A9)"},
		{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=SUM(A1)", "'=SUM(A1)"},
		{"\r@SUM(A1)", "'@SUM(A1)"},
		{"\t\r-1", "'-1"},
		{"Thursday = KAP", "Thursday = KAP"},
	}
	for _, tc := range tests {
		t.Run(strconv.Quote(tc.typed), func(t *testing.T) {
			q := strconv.Quote(tc.typed)
			yaml := "version: 1\ncircle:\n  name: " + q + "\n  facilitator: " + q + "\nnotes:\n  training: " + q + "\n"
			file := tc.typed + ".yaml"
			out := compare.CSV(p, []compare.Row{row(t, p, file, yaml)})
			records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatalf("not valid CSV: %v\n%q", err, out)
			}
			if len(records) != 2 {
				t.Fatalf("%d records, want a header and one row:\n%q", len(records), out)
			}
			head, rec := records[0], records[1]
			cell := func(name string) string {
				for i, h := range head {
					if h == name {
						return rec[i]
					}
				}
				t.Fatalf("no column %s in %v", name, head)
				return ""
			}
			if got := cell("name"); got != tc.cell {
				t.Errorf("name cell = %q, want %q", got, tc.cell)
			}
			if got, want := cell("file"), tc.cell+".yaml"; got != want {
				t.Errorf("file cell = %q, want %q", got, want)
			}
			for i, c := range rec {
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
					t.Errorf("column %s = %q would run as a formula", head[i], c)
				}
			}
		})
	}
}
