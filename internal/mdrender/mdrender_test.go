package mdrender

import (
	"os"
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
		{"NO_COLOR wins, even empty", map[string]string{"NO_COLOR": ""}, true, StylePlain, true},
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
