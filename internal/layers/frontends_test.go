package layers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFrontEndsOnlyDraw: the full-screen walkthrough and accessible mode
// read keys or lines and draw the session; they never parse a typed value,
// build or change an answer, or work out the place to resume themselves.
// (Seen to fail by planting a p.NumberAnswer call in ui/field.go, an
// a.ResumeAt assignment in accessible and a checklist.Value literal.)
func TestFrontEndsOnlyDraw(t *testing.T) {
	// Package-level functions that parse what was typed or decide a resume
	// point, and answers' own methods that change them.
	forbiddenCalls := map[string]bool{
		"strconv.Atoi": true, "strconv.ParseFloat": true, "strconv.ParseInt": true,
		"checklist.ParseAnswers": true, "intake.Parse": true, "intake.NoteTarget": true,
		"intake.Step": true, "intake.Position": true, "intake.Applies": true,
	}
	forbiddenNames := map[string]string{
		"NumberAnswer": "parses a number", "SpokenNumber": "parses a number", "NumberText": "formats a number for editing",
		"NumberWith": "formats a number for editing", "ResumeAt": "works out the resume point",
		"ResumeReview": "works out the resume point",
	}
	changers := map[string]bool{"Set": true, "Clear": true, "SetNote": true, "KeepItem": true}
	for _, dir := range []string{"../ui", "../accessible"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s (%v)", dir, err)
		}
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, file, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					if why, ok := forbiddenNames[n.Sel.Name]; ok {
						t.Errorf("%s: %s %s: the session does that", fset.Position(n.Pos()), n.Sel.Name, why)
					}
					if x, ok := n.X.(*ast.Ident); ok && forbiddenCalls[x.Name+"."+n.Sel.Name] {
						t.Errorf("%s: %s.%s: the session parses and decides", fset.Position(n.Pos()), x.Name, n.Sel.Name)
					}
				case *ast.CompositeLit:
					if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Value" {
						if x, ok := sel.X.(*ast.Ident); ok && x.Name == "checklist" {
							t.Errorf("%s: builds a checklist.Value: use the session's constructors (intake.Choice, List, Toggle...)", fset.Position(n.Pos()))
						}
					}
				case *ast.CallExpr:
					sel, ok := n.Fun.(*ast.SelectorExpr)
					if !ok || !changers[sel.Sel.Name] {
						break
					}
					recv := sel.X
					if s, ok := recv.(*ast.SelectorExpr); ok {
						recv = s.Sel
					}
					if id, ok := recv.(*ast.Ident); ok && (id.Name == "answers" || id.Name == "a") {
						t.Errorf("%s: changes the answers (%s): only the session does", fset.Position(n.Pos()), sel.Sel.Name)
					}
				}
				return true
			})
		}
	}
}
