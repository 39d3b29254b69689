package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

const modulePath = "github.com/vetcircle/vetcircle"

// goTool finds the go command, failing the test (never skipping it) when it
// is missing: CI must prove the install path, not pass silently without it.
func goTool(t *testing.T) string {
	t.Helper()
	gobin := goFromEnv()
	if _, err := os.Stat(gobin); err == nil {
		return gobin
	}
	p, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to prove `go install` works: %v", err)
	}
	return p
}

// publishedTree copies what a tag of the repository would hold (the files
// git tracks or would track: no ignored build output such as dist/ or
// completions/) into a folder, from the working tree so that uncommitted
// changes are tested too.
func publishedTree(t *testing.T, root, tmp string) string {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Fatalf("git is needed to tell which files the published module holds: %v", err)
	}
	out, err := exec.Command(git, "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatalf("git ls-files in %s: %v", root, err)
	}
	dst := filepath.Join(tmp, "src")
	n := 0
	for _, rel := range strings.Split(string(out), "\x00") {
		if rel == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted in the working tree, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n == 0 {
		t.Fatalf("git ls-files in %s listed no files", root)
	}
	return dst
}

// goEnv reads one `go env` value.
func goEnv(t *testing.T, gocmd, key string) string {
	t.Helper()
	out, err := exec.Command(gocmd, "env", key).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out))
}

// TestGoInstallFromModuleProxy publishes this module, exactly as the module
// proxy would serve it (a zip made by golang.org/x/mod/zip, with its .mod and
// .info), from a file:// GOPROXY in a temporary folder, then runs
// `go install github.com/vetcircle/vetcircle/cmd/vetcircle@v0.0.0-test`
// offline, as a user would, and runs the installed binary. A replace
// directive in go.mod, or a package that only exists in a nested module,
// makes it fail.
func TestGoInstallFromModuleProxy(t *testing.T) {
	gocmd := goTool(t)
	const vers = "v0.0.0-test"
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()

	// The proxy: <module>/@v/{list,VERSION.info,VERSION.mod,VERSION.zip}.
	vdir := filepath.Join(tmp, "proxy", filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		t.Fatal(err)
	}
	var zbuf bytes.Buffer
	if err := zip.CreateFromDir(&zbuf, module.Version{Path: modulePath, Version: vers}, publishedTree(t, root, tmp)); err != nil {
		t.Fatalf("build the module zip: %v", err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	info, _ := json.Marshal(map[string]any{"Version": vers, "Time": time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	for name, data := range map[string][]byte{
		"list":         []byte(vers + "\n"),
		vers + ".info": info,
		vers + ".mod":  gomod,
		vers + ".zip":  zbuf.Bytes(),
	} {
		if err := os.WriteFile(filepath.Join(vdir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Dependencies come from the local module cache's download folder, so
	// the install needs no network; a fresh module cache keeps this
	// version out of the user's own.
	download := filepath.Join(goEnv(t, gocmd, "GOMODCACHE"), "cache", "download")
	bin := filepath.Join(tmp, "bin")
	work := filepath.Join(tmp, "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(filepath.Join(tmp, "proxy"))+",file://"+filepath.ToSlash(download),
		"GOMODCACHE="+filepath.Join(tmp, "modcache"),
		"GOBIN="+bin,
		// -modcacherw: so the temporary module cache can be removed.
		// -trimpath: what release builds use; it also keys the build cache
		// by module version rather than by the temporary folder, so a
		// second run, or the release build, reuses the compiled packages.
		"GOFLAGS=-modcacherw -trimpath",
		"GOSUMDB=off", "GONOSUMDB="+modulePath, "GOPRIVATE=", "GONOPROXY=", "GOINSECURE=",
		"GOTOOLCHAIN=local", "GOWORK=off", "CGO_ENABLED=0",
	)
	start := time.Now()
	cmd := exec.Command(gocmd, "install", modulePath+"/cmd/vetcircle@"+vers)
	cmd.Dir, cmd.Env = work, env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install %s/cmd/vetcircle@%s: %v\n%s", modulePath, vers, err, out)
	}
	t.Logf("go install from the module zip took %v", time.Since(start).Round(time.Millisecond))

	exe := filepath.Join(bin, "vetcircle")
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	run := func(args ...string) string {
		t.Helper()
		c := exec.Command(exe, args...)
		c.Dir = root
		c.Env = append(os.Environ(), "NO_COLOR=1")
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("installed vetcircle %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	if got := run("--version"); !strings.Contains(got, vers) {
		t.Errorf("installed vetcircle --version = %q, want it to name %s", got, vers)
	}
	var result struct {
		Verdict string `json:"verdict"`
		Score   int    `json:"score"`
	}
	out := run("score", "--format", "json", filepath.Join("examples", "strong-kap-circle.yaml"))
	if err := json.Unmarshal([]byte(out), &result); err != nil {
		t.Fatalf("installed vetcircle score --format json: %v\n%s", err, out)
	}
	if result.Verdict != "promising" {
		t.Errorf("installed vetcircle scores the strong KAP circle %q (%d), want promising", result.Verdict, result.Score)
	}
	if md := run("score", filepath.Join("examples", "red-flag-vendor.yaml")); !strings.Contains(md, "AVOID") {
		t.Errorf("installed vetcircle score red-flag-vendor.yaml has no AVOID verdict:\n%s", md)
	}

	// The binary links the chroma glamour needs, from the module proxy, not
	// a stand-in.
	vm := exec.Command(gocmd, "version", "-m", exe)
	vm.Env = env
	mods, err := vm.Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	for _, line := range strings.Split(string(mods), "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 && f[0] == "=>" {
			t.Errorf("installed binary was built with a replaced module: %s", line)
		}
		if len(f) >= 2 && f[0] == "dep" && f[1] == "github.com/alecthomas/chroma/v2" && len(f) < 4 {
			t.Errorf("chroma has no checksum, so it is not the published module: %s", line)
		}
	}
	if !strings.Contains(string(mods), "github.com/alecthomas/chroma/v2") {
		t.Errorf("go version -m lists no chroma:\n%s", mods)
	}
}

// goFromEnv is the go command of the toolchain running the tests: the one
// in GOROOT as `go env` reports it, else none.
func goFromEnv() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	return filepath.Join(strings.TrimSpace(string(out)), "bin", "go")
}
