package register_test

import (
	"testing"

	"github.com/vetcircle/vetcircle/internal/register"
)

// TestFolderNamesStable: a circle's folder is named as registers already
// on disk name it (readable slug, then the ID), so a register kept before
// the slug moved to internal/places still finds every circle.
func TestFolderNamesStable(t *testing.T) {
	for name, want := range map[string]string{
		"Thursday KAP Circle":         "thursday-kap-circle-5bda768cb60db144",
		"Café Luna":                   "café-luna-d4af6c70c87833ff",
		"  --Sunday's  Collective!! ": "sunday-s-collective-21b11e521f1b1c82",
		"ケタミン":                        "ケタミン-0dbdd3516659de5b",
		"🌿":                           "circle-37af360610465893",
		"../../etc/passwd":            "etc-passwd-f132afcd3a5eefae",
		"Círculo de los jueves":       "círculo-de-los-jueves-451e10f588421e09",
		"ÅNGSTRÖM 2":                  "ångström-2-fff1cf9f4f354958",
	} {
		if got := register.Folder(name); got != want {
			t.Errorf("Folder(%q) = %q, want %q (registers on disk hold the latter)", name, got, want)
		}
	}
}
