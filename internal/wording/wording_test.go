package wording

import (
	"bytes"
	"strings"
	"testing"
)

func TestFingerprintRoundTrip(t *testing.T) {
	fp := Of("One two three four five six seven eight nine. Ten’s eleven!")
	if len(fp) != 4 {
		t.Fatalf("runs = %d, want 4 (eleven words)", len(fp))
	}
	var b bytes.Buffer
	if err := fp.Write(&b); err != nil {
		t.Fatal(err)
	}
	got, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(fp) {
		t.Fatalf("read %d hashes, wrote %d", len(got), len(fp))
	}
	for _, h := range fp {
		if !got.Has(h) {
			t.Errorf("lost %x", h)
		}
	}
	// Case, punctuation and curly apostrophes do not hide a copy.
	if got.FirstShared("FOUR, five; six seven eight nine ten's eleven") == "" {
		t.Error("a copy with other case and punctuation was not found")
	}
}

func TestReadNamesTheBadLine(t *testing.T) {
	_, err := Read(strings.NewReader("# c\n00000000000000ff\nnot-a-hash\n"))
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("err = %v, want it to name line 3", err)
	}
}
