package mdrender

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestQuotedLinesKeepTheirBar: every line of a block quote (the crisis
// line) carries its bar at every width; with glamour's two-column "│ " a
// word that fell exactly at the edge was wrapped again without it.
func TestQuotedLinesKeepTheirBar(t *testing.T) {
	md := "> Sentirse peor después de las sesiones, una y otra vez, importa. Un círculo de pares no es atención para crisis: si está en crisis, llame o envíe un mensaje de texto al **988** (Línea de Prevención del Suicidio y Crisis, EE. UU.) ahora mismo; para español, marque 2, o envíe AYUDA por mensaje de texto al 988. También puede llamar al número de emergencias de su zona. Y avísele a su profesional clínico.\n"
	for _, st := range []string{StyleDark, StyleLight, StylePlain, StyleNoColor} {
		bar := "▎"
		if st == StylePlain {
			bar = "|"
		}
		for w := 30; w <= 120; w++ {
			out, err := Render(md, w, st)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(strings.Trim(ansi.Strip(out), "\n"), "\n") {
				if strings.TrimSpace(l) != "" && !strings.HasPrefix(strings.TrimSpace(l), bar) {
					t.Errorf("%s at %d: a quoted line without its bar: %q", st, w, l)
				}
			}
		}
	}
}
