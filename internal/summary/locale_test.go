package summary_test

import (
	"maps"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// withLanguage is the built-in pack re-labelled in another language, with
// some texts replaced, as a translated pack would have them.
func withLanguage(t *testing.T, lang string, text map[string]string) *checklist.Pack {
	p := *pack(t)
	p.Meta.Language = lang
	p.Text = maps.Clone(p.Text)
	maps.Copy(p.Text, text)
	return p.Index()
}

func TestLocaleFormats(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	en := pack(t)
	es := withLanguage(t, "es", map[string]string{
		"summary.money":      "{amount} US$",
		"date.format":        "{day} de {month-name} de {year}",
		"date.months":        "enero, febrero, marzo, abril, mayo, junio, julio, agosto, septiembre, octubre, noviembre, diciembre",
		"ui.panel.flags":     "{n} señales de alerta",
		"ui.panel.flags.one": "{n} señal de alerta",
	})
	tests := []struct{ name, got, want string }{
		{"English money is grouped", summary.Money(en, 3200), "$3,200"},
		{"English cents", summary.Money(en, 45.5), "$45.5"},
		{"no negative zero", summary.Money(en, 0), "$0"},
		{"English dates stay ISO", summary.Date(en, day), "2026-12-01"},
		{"Spanish money", summary.Money(es, 3200), "3.200 US$"},
		{"US Spanish groups as the US does", summary.Money(withLanguage(t, "es-US", map[string]string{"summary.money": "{amount} US$"}), 3200), "3,200 US$"},
		{"Spanish date", summary.Date(es, day), "1 de diciembre de 2026"},
		{"Spanish singular", es.Tf("ui.panel.flags", "n", "1"), "1 señal de alerta"},
		{"Spanish plural", es.Tf("ui.panel.flags", "n", "2"), "2 señales de alerta"},
		{"zero is plural in Spanish", es.Tf("ui.panel.flags", "n", "0"), "0 señales de alerta"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
