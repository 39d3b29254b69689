package mdrender

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// unsetenv removes a variable for one test (t.Setenv can only set).
func unsetenv(t *testing.T, key string) {
	t.Helper()
	t.Setenv(key, "") // registers the restore
	os.Unsetenv(key)
}

func TestStyle(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		isDark  bool
		want    string
		wantDrk bool
	}{
		{"dark default", nil, true, StyleDark, true},
		{"light background", map[string]string{"COLORFGBG": "0;15"}, false, StyleLight, false},
		{"NO_COLOR wins, even empty", map[string]string{"NO_COLOR": ""}, true, StyleNoColor, true},
		{"dumb terminal", map[string]string{"TERM": "dumb"}, true, StylePlain, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("TERM", "xterm-256color")
			t.Setenv("COLORFGBG", "")
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			if _, set := tc.env["NO_COLOR"]; !set {
				unsetenv(t, "NO_COLOR")
			}
			if got := DarkFromEnv(); got != tc.wantDrk {
				t.Errorf("DarkFromEnv() = %v, want %v", got, tc.wantDrk)
			}
			if got := Style(tc.isDark); got != tc.want {
				t.Errorf("Style(%v) = %q, want %q", tc.isDark, got, tc.want)
			}
		})
	}
}

func TestRenderPlainHasNoEscapes(t *testing.T) {
	md := "# Title\n\n- **bold** item\n"
	plain, err := Render(md, 60, StylePlain)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain, "\x1b") {
		t.Errorf("plain style emitted escapes: %q", plain)
	}
	if !strings.Contains(plain, "bold") || !strings.Contains(plain, "Title") {
		t.Errorf("plain render lost text: %q", plain)
	}
	dark, err := Render(md, 60, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(dark, "\x1b[") {
		t.Errorf("dark style emitted no colour: %q", dark)
	}
}

// TestNoColorKeepsStructure: NO_COLOR removes colour, not structure: bold
// and headings still render (as attributes, not as **), with no colour
// codes at all; a dumb terminal gets text with no asterisks either.
func TestNoColorKeepsStructure(t *testing.T) {
	md := "## Heading\n\n**Is the circle safe and well run?** ✔ PROMISING\n\n- an *item*\n"
	out, err := Render(md, 60, StyleNoColor)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "**") {
		t.Errorf("no-colour render shows **: %q", out)
	}
	if !strings.Contains(out, "\x1b[1m") {
		t.Errorf("no-colour render lost bold: %q", out)
	}
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;]*)m`).FindAllStringSubmatch(out, -1) {
		for _, param := range strings.Split(m[1], ";") {
			n, _ := strconv.Atoi(param)
			if n == 38 || n == 48 || (n >= 30 && n <= 37) || (n >= 40 && n <= 47) || (n >= 90 && n <= 107) {
				t.Errorf("no-colour render holds colour %q: %q", m[0], out)
			}
		}
	}
	plain, err := Render(md, 60, StylePlain)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain, "**") || strings.Contains(plain, "\x1b") {
		t.Errorf("plain render: %q", plain)
	}
}
