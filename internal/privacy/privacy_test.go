package privacy

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/vetcircle/vetcircle"

// ownForbidden may not be imported by any vetcircle package: they reach the
// network or start other programs.
var ownForbidden = []string{
	"net", "net/http", "net/http/httptrace", "net/rpc", "net/smtp", "net/mail",
	"crypto/tls", "os/exec", "plugin", "syscall/js",
}

// anyForbidden may not be linked at all, by any dependency.
var anyForbidden = []string{"net/http", "crypto/tls", "net/rpc", "net/smtp", "golang.org/x/net/http2"}

type pkg struct {
	path, module string
	imports      []string
}

// violations returns one line per forbidden import among pkgs.
func violations(pkgs []pkg) []string {
	var out []string
	for _, p := range pkgs {
		for _, imp := range p.imports {
			switch {
			case p.module == module && slices.Contains(ownForbidden, imp):
				out = append(out, p.path+" imports "+imp)
			case slices.Contains(anyForbidden, imp):
				out = append(out, p.path+" links "+imp)
			}
		}
	}
	return out
}

func TestViolationsCanFail(t *testing.T) {
	pkgs := []pkg{
		{path: module + "/internal/update", module: module, imports: []string{"fmt", "net/http"}},
		{path: "example.com/telemetry", module: "example.com/telemetry", imports: []string{"crypto/tls"}},
		{path: "github.com/spf13/pflag", module: "github.com/spf13/pflag", imports: []string{"net"}},
		{path: module + "/internal/fileio", module: module, imports: []string{"os", "syscall"}},
	}
	got := violations(pkgs)
	want := []string{module + "/internal/update imports net/http", "example.com/telemetry links crypto/tls"}
	if !slices.Equal(got, want) {
		t.Errorf("violations = %q, want %q", got, want)
	}
}

func TestNoNetworkCode(t *testing.T) {
	gobin := goTool(t)
	cmd := exec.Command(gobin, "list", "-deps", "-f", "{{.ImportPath}}\t{{with .Module}}{{.Path}}{{end}}\t{{join .Imports \" \"}}", module+"/cmd/vetcircle")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	own := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("unexpected go list line %q", line)
		}
		pkgs = append(pkgs, pkg{path: f[0], module: f[1], imports: strings.Fields(f[2])})
		if f[1] == module {
			own++
		}
	}
	if own < 5 {
		t.Fatalf("go list found only %d vetcircle packages; the check would prove nothing", own)
	}
	for _, v := range violations(pkgs) {
		t.Errorf("network code in the binary: %s", v)
	}
}

func goTool(t *testing.T) string {
	t.Helper()
	gobin := goFromEnv()
	if _, err := os.Stat(gobin); err != nil {
		if gobin, err = exec.LookPath("go"); err != nil {
			missingTool(t, "the go command is not available")
		}
	}
	return gobin
}

// networkCall matches a network system call in strace's output.
var networkCall = regexp.MustCompile(`(?m)^\d+\s+(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|sendmmsg|recvfrom|recvmsg|getsockopt|setsockopt)\(`)

func TestNetworkCallPattern(t *testing.T) {
	trace := "12 --- SIGURG {si_signo=SIGURG} ---\n13 socket(AF_INET, SOCK_STREAM, 0) = 3\n"
	if got := networkCall.FindAllString(trace, -1); len(got) != 1 {
		t.Errorf("networkCall found %q, want the one socket call", got)
	}
}

// strongCircle answers the accessible walkthrough for
// examples/strong-kap-circle.yaml, then saves the summary.
// Screening (y) and who runs it (n), then the eight red flags (n), then fit.
const strongCircle = "1\n1\nThursday KAP Circle\n1\nA. Rivera\n8\n120\n45\n1\n1\n1,2,3,4\n1,2,3\ny\nn\n" +
	"n\nn\nn\nn\nn\nn\nn\nn\n" +
	"2\n2\n1\n4\n3\n3\n1,4\n\ny\n"

func TestNoSocketsAtRunTime(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("strace and unshare are Linux tools")
	}
	gobin := goTool(t)
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "vetcircle")
	build := exec.Command(gobin, "build", "-o", bin, module+"/cmd/vetcircle")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	example, err := filepath.Abs("../../examples/strong-kap-circle.yaml")
	if err != nil {
		t.Fatal(err)
	}
	runs := []struct {
		name   string
		args   []string
		stdin  string
		expect string // in the output of a run that did its whole job
	}{
		{"score", []string{"score", "--date", "2026-01-02", example}, "", "PROMISING"},
		{"score json", []string{"score", "--format", "json", example}, "", `"verdict":"promising"`},
		{"rules check", []string{"rules", "check"}, "", "built-in rules: ok"},
		{"accessible walkthrough", []string{"--accessible"}, strongCircle, "Saved the summary to vetcircle-thursday-kap-circle-"},
	}

	expect := func(args []string) string {
		for _, r := range runs {
			if slices.Equal(r.args, args) {
				return r.expect
			}
		}
		return ""
	}

	// run runs the binary, wrapped in prefix, in a fresh folder and home, and
	// returns its standard output with the folder's name taken out.
	run := func(t *testing.T, prefix []string, args []string, stdin string) (string, error) {
		dir := t.TempDir()
		argv := append(slices.Clone(prefix), bin)
		argv = append(argv, args...)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = dir
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_STATE_HOME=" + filepath.Join(dir, "state"), "NO_COLOR=1", "TERM=dumb"}
		cmd.Stdin = strings.NewReader(stdin)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Logf("stderr: %s", errb.String())
			return "", err
		}
		got := strings.ReplaceAll(out.String(), dir, "DIR")
		if want := expect(args); !strings.Contains(got, want) {
			t.Errorf("output lacks %q: the run did not do its job:\n%.500s", want, got)
		}
		return got, nil
	}

	t.Run("strace", func(t *testing.T) {
		strace, err := exec.LookPath("strace")
		if err != nil {
			missingTool(t, "strace is not installed (apt-get install strace)")
		}
		if err := exec.Command(strace, "-f", "-qq", "-e", "trace=network", "-o", os.DevNull, "true").Run(); err != nil {
			missingTool(t, "strace cannot trace here: %v", err)
		}
		for _, r := range runs {
			t.Run(r.name, func(t *testing.T) {
				log := filepath.Join(t.TempDir(), "trace")
				if _, err := run(t, []string{strace, "-f", "-qq", "-e", "trace=network", "-o", log}, r.args, r.stdin); err != nil {
					t.Fatalf("run under strace: %v", err)
				}
				trace, err := os.ReadFile(log)
				if err != nil {
					t.Fatal(err)
				}
				for _, call := range networkCall.FindAllString(string(trace), -1) {
					t.Errorf("network system call: %s", call)
				}
			})
		}
	})

	t.Run("unshare", func(t *testing.T) {
		unshare, err := exec.LookPath("unshare")
		if err != nil {
			missingTool(t, "unshare is not installed (apt-get install util-linux)")
		}
		if err := exec.Command(unshare, "-rn", "true").Run(); err != nil {
			missingTool(t, "unshare -rn is not permitted here: %v", err)
		}
		for _, r := range runs {
			t.Run(r.name, func(t *testing.T) {
				want, err := run(t, nil, r.args, r.stdin)
				if err != nil {
					t.Fatalf("run: %v", err)
				}
				got, err := run(t, []string{unshare, "-rn"}, r.args, r.stdin)
				if err != nil {
					t.Fatalf("run with no network: %v", err)
				}
				if got != want {
					t.Errorf("output differs without a network:\n got %.300q\nwant %.300q", got, want)
				}
			})
		}
	})
}

// missingTool skips a check whose tool this machine lacks, with the reason;
// in CI (CI set, as .ci/run runs) the tools are installed, so a missing one
// fails loudly instead of letting the check pass unrun.
func missingTool(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("CI must run this check: "+format, args...)
	}
	t.Skipf(format, args...)
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
