package layers_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxLines is the most a hand-written Go file in internal/ may hold. A
// file over it is doing more than one thing: split it by concern.
const maxLines = 500

// TestNoLongFiles fails when a hand-written, non-test Go file in internal/
// is over maxLines lines. Generated files (named *_gen.go or marked "Code
// generated ... DO NOT EDIT.") are not read by people and are left out.
func TestNoLongFiles(t *testing.T) {
	checked := 0
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "_gen.go") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if generated(data) {
			return nil
		}
		checked++
		if n := bytes.Count(data, []byte("\n")); n > maxLines {
			t.Errorf("%s: %d lines, over %d: split it into files by concern", filepath.ToSlash(path), n, maxLines)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("checked only %d files: is the walk looking in internal/?", checked)
	}
}

// generated reports whether a file carries Go's generated-code marker
// before its package clause.
func generated(data []byte) bool {
	s := bufio.NewScanner(bytes.NewReader(data))
	for s.Scan() {
		line := s.Text()
		if strings.HasPrefix(line, "package ") {
			return false
		}
		if strings.HasPrefix(line, "// Code generated ") && strings.HasSuffix(line, " DO NOT EDIT.") {
			return true
		}
	}
	return false
}
