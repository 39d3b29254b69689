package layers_test

import (
	"os/exec"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/vetcircle/vetcircle/"

// layer is where each package stands; a package imports only from its own
// layer or below: cmd → cli → front ends → core → domain → leaves.
// (Test-only packages, privacy and layers, import nothing of ours.)
var layer = map[string]int{
	"cmd/vetcircle": cmdLayer,

	"internal/cli": cliLayer,

	"internal/ui":         frontLayer,
	"internal/accessible": frontLayer,
	"internal/compare":    frontLayer, // orders rows, and draws them as a terminal table (lipgloss)

	"internal/intake":   coreLayer,
	"internal/report":   coreLayer,
	"internal/summary":  coreLayer,
	"internal/fhir":     coreLayer,
	"internal/register": coreLayer,
	"internal/handout":  coreLayer, // the patient handout, terminal-free
	"internal/hsds":     coreLayer, // the register as Open Referral HSDS
	"internal/draft":    coreLayer,
	"internal/people":   coreLayer,
	"internal/rulesdoc": coreLayer,
	"rules":             coreLayer, // the built-in packs, compiled
	"rules/gen":         cmdLayer,  // go generate's programs
	"rules/docgen":      cmdLayer,
	"rules/guideprint":  cmdLayer,
	"rules/guide":       leafLayer,
	"scripts/benchtui":  cmdLayer,

	"internal/checklist": domainLayer,

	"internal/yamlread":      leafLayer,
	"internal/places":        leafLayer,
	"internal/fileio":        leafLayer,
	"internal/textclean":     leafLayer,
	"internal/wording":       leafLayer,
	"internal/msg":           leafLayer, // a message as a key and values, put into words where it is printed
	"internal/msg/prosetest": leafLayer, // tests only: the scan for English sentences in Go code
	"internal/mdrender":      leafLayer, // terminal rendering, for front ends and cli only
	"internal/hostile":       leafLayer,
	"internal/packcheck":     leafLayer,
	"internal/privacy":       leafLayer,
	"internal/layers":        leafLayer,
}

const (
	leafLayer = iota
	domainLayer
	coreLayer
	frontLayer
	cliLayer
	cmdLayer
)

var layerName = []string{"leaves", "domain", "core", "front ends", "cli", "cmd"}

// apart are packages of one layer that must not import each other: each
// finds its own folder through internal/places.
var apart = map[[2]string]string{
	{"internal/register", "internal/draft"}: "the register finds its folder through internal/places, not the drafts'",
	{"internal/draft", "internal/register"}: "drafts find their folder through internal/places, not the register's",
}

// terminal packages: only front ends, cli, cmd and mdrender may use them.
var terminal = []string{"charm.land/", "github.com/charmbracelet/", "github.com/muesli/", "golang.org/x/term", "github.com/spf13/cobra"}

// TestLayers reads every package's imports with go list and fails when
// one imports from a layer above its own, when a package below the front
// ends (or a leaf other than mdrender) uses a terminal package, or when a
// package is not given a layer here.
func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var unknown []string
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		pkg := strings.TrimPrefix(f[0], module)
		l, ok := layer[pkg]
		if !ok {
			unknown = append(unknown, pkg)
			continue
		}
		seen++
		for _, imp := range f[1:] {
			if dep, ours := strings.CutPrefix(imp, module); ours {
				if why, ok := apart[[2]string{pkg, dep}]; ok {
					t.Errorf("%s imports %s: %s", pkg, dep, why)
				}
				dl, ok := layer[dep]
				if ok && dl > l {
					t.Errorf("%s (%s) imports %s (%s): a layer may import only from its own or those below", pkg, layerName[l], dep, layerName[dl])
				}
				continue
			}
			if l < frontLayer && pkg != "internal/mdrender" {
				for _, bad := range terminal {
					if strings.HasPrefix(imp, bad) {
						t.Errorf("%s (%s) imports %s: only front ends, cli and cmd know the terminal", pkg, layerName[l], imp)
					}
				}
			}
		}
	}
	sort.Strings(unknown)
	for _, pkg := range unknown {
		t.Errorf("%s has no layer: give it one in internal/layers/layers_test.go (cmd → cli → front ends → core → domain → leaves)", pkg)
	}
	if seen < 20 {
		t.Fatalf("go list found only %d packages with a layer: the check would prove nothing", seen)
	}
}
