package places_test

import (
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/places"
)

// TestSlug: the one slug, for drafts, saved summaries and the register's
// folders. The register's folder names are made by it, so these values
// are what registers written before it came hold on disk: a change here
// would strand their circles.
func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Thursday KAP Circle", "thursday-kap-circle"},
		{"Café Luna", "café-luna"},
		{"  --Sunday's  Collective!! ", "sunday-s-collective"},
		{"", "circle"},
		{"ケタミン", "ケタミン"},
		{"🌿", "circle"},
		{"../../etc/passwd", "etc-passwd"},
		{strings.Repeat("ab ", 30), "ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-a"},
		{"STRASSE Gruppe", "strasse-gruppe"},
		{"Círculo de los jueves", "círculo-de-los-jueves"},
		{"A+B Circle", "a-b-circle"},
		{"x\x1b[31mred", "xred"},
		{"Zoë’s  Ceremony — online", "zoë-s-ceremony-online"},
		{"ÅNGSTRÖM 2", "ångström-2"},
		{strings.Repeat("é", 30), strings.Repeat("é", 19)},
		{"C:\\Users\\a\\..\\b", "c-users-a-b"},
	}
	for _, tt := range tests {
		got := places.Slug(tt.in)
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) > places.MaxSlug || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.ContainsAny(got, `./\`) {
			t.Errorf("Slug(%q) = %q: over %d bytes, a dash at an end, or a path character", tt.in, got, places.MaxSlug)
		}
	}
}
