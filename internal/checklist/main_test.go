package checklist_test

import (
	"flag"
	"os"
	"testing"
)

// TestMain caps how long the fuzzer may minimize one new input at 5 s
// (Go's default is 60 s) unless -fuzzminimizetime is given. Minimizing a
// rules file of a few kilobytes, at milliseconds a run, took the whole
// minute, during which the fuzzer reports no executions and explores
// nothing: FuzzLoadPack once showed 42 executions in 90 s.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) {
		if f.Name == "test.fuzzminimizetime" {
			set = true
		}
	})
	if !set {
		flag.Set("test.fuzzminimizetime", "5s")
	}
	os.Exit(m.Run())
}
