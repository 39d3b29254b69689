package report_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderingsDecideNothing fails when a rendering computes a verdict,
// fit, stay or follow-up list of its own: outside the checklist (which
// judges) and this package (which builds the one report), no code calls
// the judging functions or reads the judgement's own lists. A rendering
// that needs a fact gets it added to the report.
func TestRenderingsDecideNothing(t *testing.T) {
	// Calls that judge answers.
	judging := map[string]bool{"Evaluate": true, "EvaluateHistory": true}
	// Fields of checklist.Result that only the report may turn into what
	// is said (their report counterparts are methods or other names).
	// VerdictReasons, FollowUps and Headline are read nowhere else; the
	// reasons of fit and stay are read through the report's Answer.
	resultFields := map[string]bool{"VerdictReasons": true, "FollowUps": true, "AnswerOrder": true, "CrisisKey": true}
	roots := []string{"../../internal", "../../cmd"}
	fset := token.NewFileSet()
	checked := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				switch d.Name() {
				case "checklist", "report", "testdata":
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			checked++
			ast.Inspect(f, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.CallExpr:
					if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
						if id, ok := sel.X.(*ast.Ident); ok && id.Name == "checklist" && judging[sel.Sel.Name] {
							t.Errorf("%s: calls checklist.%s: build the report (report.Build) and render it", fset.Position(x.Pos()), sel.Sel.Name)
						}
					}
					// A method call (rep.FollowUps()) is the report's own.
					if sel, ok := x.Fun.(*ast.SelectorExpr); ok && resultFields[sel.Sel.Name] {
						return false
					}
				case *ast.SelectorExpr:
					if resultFields[x.Sel.Name] {
						t.Errorf("%s: reads .%s of a judgement: render the report's fields instead", fset.Position(x.Pos()), x.Sel.Name)
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if checked < 50 {
		t.Fatalf("checked only %d files: is the walk looking in the right place?", checked)
	}
}
