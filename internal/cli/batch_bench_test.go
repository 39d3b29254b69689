package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkScoreBatch scores 10,000 answers files (copies of the examples)
// with score --format json --files-from, as an archive job would, and
// reports files per second. The budget is 10,000 files/s on 2 cores.
func BenchmarkScoreBatch(b *testing.B) {
	dir := b.TempDir()
	examples, _ := filepath.Glob("../../examples/*.yaml")
	var list strings.Builder
	for i := range 10_000 {
		src := examples[i%len(examples)]
		data, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		name := filepath.Join(dir, fmt.Sprintf("%05d-%s", i, filepath.Base(src)))
		if err := os.WriteFile(name, data, 0o600); err != nil {
			b.Fatal(err)
		}
		list.WriteString(name + "\n")
	}
	listFile := filepath.Join(dir, "list.txt")
	os.WriteFile(listFile, []byte(list.String()), 0o600)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var out lineCounter
		var errb bytes.Buffer
		e := env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
		if code := run(context.Background(), e, []string{"score", "--format", "json", "--files-from", listFile}); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
		if n := out.lines; n != 10_000 {
			b.Fatalf("%d results, want 10000", n)
		}
	}
	b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "files/s")
}

// lineCounter counts the lines written to it and keeps none.
type lineCounter struct{ lines int }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.lines += bytes.Count(p, []byte("\n"))
	return len(p), nil
}
