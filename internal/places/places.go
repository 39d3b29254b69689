// Package places decides where vetcircle's files go on this computer (the
// drafts, the register of circles, people's private records, the listing
// cache) and how a name
// becomes part of a file or folder name (Slug). It is the one place that
// knows the operating systems' conventions (XDG on Linux and the BSDs,
// Application Support on macOS, LocalAppData on Windows), so drafts and the
// register never find their folders through each other.
//
// It is a leaf: it reads the environment it is given and touches no file.
package places

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"github.com/vetcircle/vetcircle/internal/msg"
)

// Here is where this computer keeps things: its operating system, its
// environment and the user's home folder. Tests make one of their own.
type Here struct {
	GOOS   string
	Getenv func(string) string
	Home   string
}

// This is the running program's Here: runtime.GOOS, os.Getenv and the
// user's home folder ("" when it cannot be told).
func This() Here {
	home, _ := os.UserHomeDir()
	return Here{GOOS: runtime.GOOS, Getenv: os.Getenv, Home: home}
}

func (h Here) env(k string) string {
	if h.Getenv == nil {
		return ""
	}
	return h.Getenv(k)
}

// xdg is $name/vetcircle/sub when the variable holds an absolute path (a
// relative one is ignored, as the XDG spec says), else "".
func (h Here) xdg(name, sub string) string {
	if base := h.env(name); base != "" && filepath.IsAbs(base) {
		return filepath.Join(base, "vetcircle", sub)
	}
	return ""
}

// appDir is vetcircle's own folder for what belongs to this user on this
// machine on Windows (%LocalAppData%, else the home's AppData\Local) and
// macOS (~/Library/Application Support); what stands for "the data
// folder" when the home is unknown is an error saying which variable to
// set, with what to say for it.
func (h Here) appDir(what string) (string, error) {
	if h.Home != "" && !filepath.IsAbs(h.Home) && !(h.GOOS == "windows" && filepath.IsAbs(h.env("LOCALAPPDATA"))) {
		// A relative home would put private files under whatever folder
		// vetcircle happens to run in.
		return "", msg.New("places.relative-home."+what, "home", strconv.Quote(h.Home))
	}
	switch h.GOOS {
	case "windows":
		if base := h.env("LOCALAPPDATA"); base != "" && filepath.IsAbs(base) {
			return filepath.Join(base, "vetcircle"), nil
		}
		if h.Home == "" {
			return "", msg.New("places.no-home-windows." + what)
		}
		return filepath.Join(h.Home, "AppData", "Local", "vetcircle"), nil
	case "darwin", "ios":
		if h.Home == "" {
			return "", msg.New("places.no-home." + what)
		}
		return filepath.Join(h.Home, "Library", "Application Support", "vetcircle"), nil
	}
	return "", nil
}

// Drafts is where drafts live:
//
//   - $XDG_STATE_HOME/vetcircle/drafts wherever XDG_STATE_HOME is set to an
//     absolute path;
//   - Windows: %LocalAppData%\vetcircle\drafts (else the home's
//     AppData\Local), the per-user, non-roaming folder: drafts are private
//     and belong to this machine;
//   - macOS: ~/Library/Application Support/vetcircle/drafts;
//   - elsewhere: ~/.local/state/vetcircle/drafts, the XDG default.
func (h Here) Drafts() (string, error) {
	if d := h.xdg("XDG_STATE_HOME", "drafts"); d != "" {
		return d, nil
	}
	app, err := h.appDir("drafts")
	if err != nil || app != "" {
		return join(app, "drafts", err)
	}
	if h.Home == "" {
		return "", msg.New("places.no-state.drafts")
	}
	return filepath.Join(h.Home, ".local", "state", "vetcircle", "drafts"), nil
}

// Register is where the register of circles lives when no folder is
// given: $XDG_DATA_HOME/vetcircle/circles where XDG_DATA_HOME is an
// absolute path; beside the drafts on Windows and macOS; elsewhere
// ~/.local/share/vetcircle/circles.
func (h Here) Register() (string, error) {
	if d := h.xdg("XDG_DATA_HOME", "circles"); d != "" {
		return d, nil
	}
	app, err := h.appDir("circles")
	if err != nil || app != "" {
		return join(app, "circles", err)
	}
	if h.Home == "" || !filepath.IsAbs(h.Home) {
		return "", msg.New("places.bad-home.circles", "home", strconv.Quote(h.Home))
	}
	return filepath.Join(h.Home, ".local", "share", "vetcircle", "circles"), nil
}

// People is where people's private records live: beside the register's
// default folder, in "people" (never inside a register given with
// --register, which a team may share).
func (h Here) People() (string, error) {
	reg, err := h.Register()
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(reg), "people"), nil
}

// Cache is this machine's folder for what can be rebuilt at any time (the
// register's listing cache): $XDG_CACHE_HOME/vetcircle, else ~/.cache on
// Linux and the BSDs, ~/Library/Caches on macOS, %LocalAppData% on
// Windows; "" when none can be told, which only makes listings slower.
// It is never inside the register, which a team may share.
func (h Here) Cache() string {
	if h.Getenv == nil {
		return "" // tests run without one unless they say so
	}
	if base := h.env("XDG_CACHE_HOME"); base != "" && filepath.IsAbs(base) {
		return filepath.Join(base, "vetcircle")
	}
	switch h.GOOS {
	case "windows":
		if base := h.env("LOCALAPPDATA"); base != "" && filepath.IsAbs(base) {
			return filepath.Join(base, "vetcircle")
		}
		return ""
	case "darwin", "ios":
		if filepath.IsAbs(h.Home) {
			return filepath.Join(h.Home, "Library", "Caches", "vetcircle")
		}
		return ""
	}
	if filepath.IsAbs(h.Home) {
		return filepath.Join(h.Home, ".cache", "vetcircle")
	}
	return ""
}

func join(dir, sub string, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, sub), nil
}
