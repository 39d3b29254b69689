package rules_test

import (
	"testing"

	"github.com/vetcircle/vetcircle/rules"
)

func TestChooseLanguage(t *testing.T) {
	es := len(rules.Languages()) > 1 // "es" once the Spanish pack is built in
	tests := []struct {
		name, flag string
		env        map[string]string
		want       string
		wantES     string // when Spanish is built in
		err        bool
	}{
		{name: "nothing set", want: "en"},
		{name: "LANG English", env: map[string]string{"LANG": "en_US.UTF-8"}, want: "en"},
		{name: "LANG C", env: map[string]string{"LANG": "C"}, want: "en"},
		{name: "LANG Spanish", env: map[string]string{"LANG": "es_US.UTF-8"}, want: "en", wantES: "es"},
		{name: "LC_ALL beats LANG", env: map[string]string{"LC_ALL": "es_MX.UTF-8", "LANG": "en_US.UTF-8"}, want: "en", wantES: "es"},
		{name: "LC_MESSAGES beats LANG", env: map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": "es_US.UTF-8"}, want: "en"},
		{name: "an unknown locale is English", env: map[string]string{"LANG": "fr_FR.UTF-8"}, want: "en"},
		{name: "a broken locale is English", env: map[string]string{"LANG": "!!"}, want: "en"},
		{name: "the flag beats the locale", flag: "en", env: map[string]string{"LANG": "es_US.UTF-8"}, want: "en"},
		{name: "flag es", flag: "es", want: "", wantES: "es", err: !es},
		{name: "flag with a region", flag: "en-GB", want: "en"},
		{name: "unknown flag", flag: "klingon", err: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rules.Choose(tc.flag, func(k string) string { return tc.env[k] })
			want := tc.want
			if es && tc.wantES != "" {
				want = tc.wantES
			}
			if (err != nil) != (tc.err && !(es && tc.wantES != "")) {
				t.Fatalf("Choose(%q) error = %v", tc.flag, err)
			}
			if err == nil && got != want {
				t.Errorf("Choose(%q, %v) = %q, want %q", tc.flag, tc.env, got, want)
			}
		})
	}
	if _, err := rules.ForLanguage("zz"); err == nil {
		t.Error("ForLanguage(zz) gave a pack")
	}
	if p, err := rules.ForLanguage("en"); err != nil || p.Meta.Language != "en" {
		t.Errorf("ForLanguage(en) = %v, %v", p, err)
	}
}
