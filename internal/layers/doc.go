// Package layers holds no code: its tests check the shape of the source
// tree itself, the rules of docs/ that a reviewer would otherwise have to
// remember (no hand-written file in internal/ over 500 lines, so each file
// stays one concern a person can read in one sitting).
package layers
