package places_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/places"
	_ "github.com/vetcircle/vetcircle/rules" // errors say themselves in the English pack's words
)

func env(kv ...string) func(string) string {
	return func(k string) string {
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == k {
				return kv[i+1]
			}
		}
		return ""
	}
}

// abs is an absolute path on the host running the test, for the
// environment variables that must be absolute to count.
func abs(parts ...string) string {
	return filepath.Join(append([]string{string(filepath.Separator)}, parts...)...)
}

func TestDrafts(t *testing.T) {
	tests := []struct {
		name, goos string
		getenv     func(string) string
		home, want string
	}{
		{"linux, XDG set", "linux", env("XDG_STATE_HOME", abs("state")), "/home/a", filepath.Join(abs("state"), "vetcircle", "drafts")},
		{"linux, XDG unset", "linux", env(), "/home/a", filepath.Join("/home/a", ".local", "state", "vetcircle", "drafts")},
		{"linux, relative XDG is ignored", "linux", env("XDG_STATE_HOME", "state"), "/home/a", filepath.Join("/home/a", ".local", "state", "vetcircle", "drafts")},
		{"freebsd, XDG default", "freebsd", env(), "/home/a", filepath.Join("/home/a", ".local", "state", "vetcircle", "drafts")},
		{"macOS, Application Support", "darwin", env(), "/Users/a", filepath.Join("/Users/a", "Library", "Application Support", "vetcircle", "drafts")},
		{"macOS, XDG set wins", "darwin", env("XDG_STATE_HOME", abs("xdg")), "/Users/a", filepath.Join(abs("xdg"), "vetcircle", "drafts")},
		{"windows, LocalAppData", "windows", env("LOCALAPPDATA", abs("Users", "a", "AppData", "Local")), abs("Users", "a"), filepath.Join(abs("Users", "a", "AppData", "Local"), "vetcircle", "drafts")},
		{"windows, no LocalAppData: the home's AppData\\Local", "windows", env(), abs("Users", "a"), filepath.Join(abs("Users", "a"), "AppData", "Local", "vetcircle", "drafts")},
		{"windows, XDG set wins", "windows", env("XDG_STATE_HOME", abs("xdg"), "LOCALAPPDATA", abs("lad")), abs("Users", "a"), filepath.Join(abs("xdg"), "vetcircle", "drafts")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := places.Here{GOOS: tt.goos, Getenv: tt.getenv, Home: tt.home}.Drafts()
			if err != nil || got != tt.want {
				t.Errorf("Drafts() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		if _, err := (places.Here{GOOS: goos, Getenv: env()}).Drafts(); err == nil || !strings.Contains(err.Error(), "cannot tell where to keep drafts") {
			t.Errorf("%s, no home and no variables: error %v, want one saying it cannot tell where", goos, err)
		}
		if _, err := (places.Here{GOOS: goos, Getenv: env(), Home: "relative/home"}).Drafts(); err == nil || !strings.Contains(err.Error(), "not an absolute path") {
			t.Errorf("%s, home relative/home: error %v, want one saying it is not absolute", goos, err)
		}
	}
}

// TestRegister: the register's folder is found on its own, never through
// the drafts' (an XDG_STATE_HOME moves drafts, not circles).
func TestRegister(t *testing.T) {
	for _, tc := range []struct {
		goos   string
		getenv func(string) string
		home   string
		want   string
	}{
		{"linux", env("XDG_DATA_HOME", abs("data")), "/home/a", filepath.Join(abs("data"), "vetcircle", "circles")},
		{"linux", env(), "/home/a", filepath.Join("/home/a", ".local", "share", "vetcircle", "circles")},
		{"linux", env("XDG_DATA_HOME", "relative"), "/home/a", filepath.Join("/home/a", ".local", "share", "vetcircle", "circles")},
		{"linux", env("XDG_STATE_HOME", abs("state")), "/home/a", filepath.Join("/home/a", ".local", "share", "vetcircle", "circles")},
		{"darwin", env(), "/Users/a", filepath.Join("/Users/a", "Library", "Application Support", "vetcircle", "circles")},
		{"darwin", env("XDG_STATE_HOME", abs("state")), "/Users/a", filepath.Join("/Users/a", "Library", "Application Support", "vetcircle", "circles")},
		{"windows", env("LOCALAPPDATA", abs("lad")), abs("Users", "a"), filepath.Join(abs("lad"), "vetcircle", "circles")},
	} {
		if got, err := (places.Here{GOOS: tc.goos, Getenv: tc.getenv, Home: tc.home}).Register(); err != nil || got != tc.want {
			t.Errorf("Register(%s) = %q, %v; want %q", tc.goos, got, err, tc.want)
		}
	}
	for _, goos := range []string{"linux", "darwin"} {
		_, err := places.Here{GOOS: goos, Getenv: env(), Home: "relative/home"}.Register()
		if err == nil || !strings.Contains(err.Error(), "your circles") {
			t.Errorf("%s: a relative home: %v, want an error about where to keep your circles", goos, err)
		}
	}
}

func TestCache(t *testing.T) {
	for _, tc := range []struct {
		goos   string
		getenv func(string) string
		home   string
		want   string
	}{
		{"linux", env("XDG_CACHE_HOME", abs("c")), "/home/a", filepath.Join(abs("c"), "vetcircle")},
		{"linux", env(), "/home/a", filepath.Join("/home/a", ".cache", "vetcircle")},
		{"darwin", env(), "/Users/a", filepath.Join("/Users/a", "Library", "Caches", "vetcircle")},
		{"windows", env("LOCALAPPDATA", abs("lad")), abs("Users", "a"), filepath.Join(abs("lad"), "vetcircle")},
		{"linux", env(), "", ""},
		{"linux", nil, "/home/a", ""},
	} {
		if got := (places.Here{GOOS: tc.goos, Getenv: tc.getenv, Home: tc.home}).Cache(); got != tc.want {
			t.Errorf("Cache(%s, home %q) = %q, want %q", tc.goos, tc.home, got, tc.want)
		}
	}
}

// TestPeople: people's records sit beside the register's default folder,
// in the user's own data folder.
func TestPeople(t *testing.T) {
	got, err := places.Here{GOOS: "linux", Getenv: env(), Home: "/home/a"}.People()
	if want := filepath.Join("/home/a", ".local", "share", "vetcircle", "people"); err != nil || got != want {
		t.Errorf("People() = %q, %v; want %q", got, err, want)
	}
}
