// Command vetcircle helps a person decide whether a psychedelic or ketamine
// peer integration circle is safe and a good fit. It is wiring only: the
// commands live in internal/cli.
package main

import (
	"os"

	"github.com/vetcircle/vetcircle/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:]))
}
