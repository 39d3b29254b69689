// Command vetcircle helps a person decide whether a psychedelic or ketamine
// peer integration circle is safe and a good fit. It is wiring only: the
// commands live in internal/cli.
package main

import (
	"os"

	"github.com/vetcircle/vetcircle/internal/cli"
)

// version is set by release builds (goreleaser, from the git tag):
// go build -ldflags "-X main.version=1.2.3". Without it, --version shows the
// module version the Go toolchain stamped into the binary (go install
// ...@v1.2.3 shows v1.2.3), or "dev".
var version = ""

func main() {
	if version != "" {
		cli.Version = version
	}
	os.Exit(cli.Main(os.Args[1:]))
}
