// Package layers holds no code: its tests check the shape of the source
// tree itself, the rules a reviewer would otherwise have to remember:
//
//   - the layers: cmd → cli → front ends (ui, accessible, compare's table)
//     → core (intake, report, summary, fhir, register, draft) → domain
//     (checklist) → leaves (yamlread, places, fileio, textclean, ...); a
//     package imports only from its own layer or below, and nothing below
//     the front ends knows the terminal;
//   - no hand-written file in internal/ over 500 lines, so each file stays
//     one concern a person can read in one sitting;
//   - one table of what a failed file operation is called (fileio).
package layers
