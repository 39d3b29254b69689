#!/usr/bin/env bash
# Mutation check: do the tests bite? Plants small, deliberate bugs, one at a
# time, each where a user would be hurt by it, runs the tests of the
# packages that should notice, and reports which mutants the tests caught.
# Every one must be caught: a mutant that passes the tests is a bug the
# suite would let through.
#
#   scripts/mutants.sh                 # every mutant
#   scripts/mutants.sh csv-at ...      # only these
#   scripts/mutants.sh --list          # their names and what each plants
#
# It works on a copy of the working tree (tracked and untracked files, in a
# temporary folder), never on the tree itself, so an interrupted run leaves
# nothing mutated. A mutant whose text is no longer in the source (someone
# changed that code) is an ERROR, never "caught": update the mutant. So is a
# mutant that does not build. Before any mutant, the same packages' tests
# must pass unmutated, or every mutant would look caught.
#
# Slow (each mutant rebuilds and tests its packages: minutes in all), so CI
# runs it only when asked: MUTANTS=1 .ci/run. Exit status 0 only when every
# mutant was caught.
set -euo pipefail
# A & in a replacement is text, never "the matched part" (bash 5.2).
shopt -u patsub_replacement 2>/dev/null || true
cd "$(dirname "$0")/.."

# Each mutant is a function: desc says what the bug is, pkgs which
# packages' tests must catch it, skip (a go test -skip pattern) tests left
# out to show that others catch it, gen=1 to regenerate the rule packs
# after editing their YAML. edit FILE OLD NEW replaces the one occurrence
# of OLD (exact text; several lines allowed) with NEW.

mutant_draft-in-place() {
	desc="a draft written in place with os.WriteFile, not atomically"
	pkgs="./internal/draft"
	edit internal/draft/draft.go \
		'fileio.WriteAtomic(d.Path, checklist.MarshalAnswers(p, a))' \
		'os.WriteFile(d.Path, checklist.MarshalAnswers(p, a), 0o600)'
}

mutant_es-felt-swapped() {
	desc="Spanish 'mejor' and 'peor' swapped in the check-in"
	pkgs="./internal/accessible ./internal/ui ./internal/cli"
	skip="Golden"
	gen=1
	edit rules/es/text.yaml '  felt.better: "mejor"' '  felt.better: "peor"'
	edit rules/es/text.yaml '  felt.worse: "peor"' '  felt.worse: "mejor"'
}

mutant_es-leave-sign-swapped() {
	desc="two Spanish signs to leave swapped (feeling worse and performing)"
	pkgs="./internal/accessible"
	skip="Golden"
	gen=1
	edit rules/es/questions.yaml \
		'{id: feel-worse, label: Después de las sesiones casi siempre me siento peor}' \
		'{id: feel-worse, label: Me doy cuenta de que actúo para los demás en vez de hablar con sinceridad}'
	edit rules/es/questions.yaml \
		'{id: performing, label: Me doy cuenta de que actúo para los demás en vez de hablar con sinceridad}' \
		'{id: performing, label: Después de las sesiones casi siempre me siento peor}'
}

mutant_yaml-no-value-limit() {
	desc="the YAML reader's whole-file value limit disabled"
	pkgs="./internal/yamlread ./internal/checklist"
	edit internal/yamlread/read.go \
		'if r.nodes > r.lim.Nodes {' \
		'if false && r.nodes > r.lim.Nodes {'
}

mutant_csv-at() {
	desc="@ dropped from the CSV formula prefixes"
	pkgs="./internal/compare"
	edit internal/compare/csv.go '"=+-@\t\r"' '"=+-\t\r"'
}

mutant_crisis-below-answer() {
	desc="the crisis line moved below the short answer in the markdown (files, score, the TUI)"
	pkgs="./internal/summary ./internal/accessible ./internal/cli ./internal/ui"
	skip="Golden"
	edit internal/summary/summary.go '	if rep.Crisis != nil {
		w.line("> " + rep.Crisis.Text)' '	if false && rep.Crisis != nil {
		w.line("> " + rep.Crisis.Text)'
	edit internal/summary/summary.go '	w.section("summary.red-flags")' '	if rep.Crisis != nil {
		w.line("> " + rep.Crisis.Text)
		w.blank()
	}
	w.section("summary.red-flags")'
}

mutant_note-crisis-below-answer() {
	desc="the crisis line moved below the answers in the plain text (the record note, prose read aloud)"
	pkgs="./internal/summary ./internal/cli ./internal/accessible"
	edit internal/summary/note.go '	if rep.Crisis != nil {
		n.blank()
		n.line("", rep.Crisis.Text)' '	if false && rep.Crisis != nil {
		n.blank()
		n.line("", rep.Crisis.Text)'
	edit internal/summary/note.go '	if len(rep.RedFlags) == 0 {' '	if rep.Crisis != nil {
		n.line("", rep.Crisis.Text)
	}
	if len(rep.RedFlags) == 0 {'
}

mutant_picker-last-row() {
	desc="enter on the picker's last row continues the oldest draft instead of starting anew"
	pkgs="./internal/ui"
	edit internal/ui/picker.go '			if k.cur == len(k.rows)-1 {
				k.chosen = PickNew' '			if k.cur == len(k.rows)-1 {
				k.chosen = k.cur - 1'
}

mutant_cleanmarkdown-one-pass() {
	desc="CleanMarkdown makes one pass, so a removed reference can leave another (&&#27;#27;)"
	pkgs="./internal/textclean"
	edit internal/textclean/textclean.go '		if out == s {
			return s
		}
		s = out' '		return out'
}

# The walkthrough session (internal/intake), which both front ends draw.
mutant_session-range-no-change() {
	desc="the walkthrough session takes a changed range end for no change (the draft keeps 20-60)"
	pkgs="./internal/intake ./internal/ui ./internal/accessible"
	skip="Golden"
	edit internal/intake/session.go 'if old, ok := s.a.Get(id); ok && old.Equal(v) {' 'if old, ok := s.a.Get(id); ok && old.Number == v.Number && old.Choice == v.Choice && old.Text == v.Text {'
}

mutant_session-summary-drops-draft() {
	desc="saving the summary alone removes the draft, though a summary cannot be resumed"
	pkgs="./internal/intake ./internal/ui ./internal/accessible"
	skip="Golden"
	edit internal/intake/save.go '			return OfferAnswers' '			return DropDraftNow'
}

mutant_save-offer-tilde() {
	desc="a typed ~/ (and the answers offer's name) no longer means the home folder"
	pkgs="./internal/ui"
	skip="Golden"
	edit internal/ui/save.go 'name = filepath.Join(home, rest)' '_, _ = home, rest'
}

# The domain (internal/checklist) and its YAML reader (internal/yamlread).

mutant_stay-trend-late() {
	desc="feeling worse in most recent sessions counted as a trend one session late"
	pkgs="./internal/checklist"
	edit internal/checklist/checkin.go 'case worse >= h.Worse:' 'case worse > h.Worse:'
}

mutant_history-distress-oldest() {
	desc="distress now taken from the oldest recent check-in, not the latest"
	pkgs="./internal/checklist"
	edit internal/checklist/checkin.go \
		'if last := recent[len(recent)-1]; last.Distress != "" {' \
		'if last := recent[0]; last.Distress != "" {'
}

mutant_yaml-depth-off-by-one() {
	desc="one more level of nesting allowed than the limit says"
	pkgs="./internal/yamlread ./internal/checklist"
	edit internal/yamlread/read.go 'if depth > r.lim.Depth {' 'if depth > r.lim.Depth+1 {'
}

mutant_name-length-limit() {
	desc="a one-line answer (a circle's name) one character over the limit accepted"
	pkgs="./internal/checklist"
	edit internal/checklist/answersfile.go 'n > MaxLineLen {' 'n > MaxLineLen+1 {'
}

mutant_pack-unsafe-text() {
	desc="a custom pack's escape sequences and control characters no longer refused"
	pkgs="./internal/checklist"
	edit internal/checklist/decode.go 'if textclean.Unsafe(s) {' 'if false && textclean.Unsafe(s) {'
}

# The register (internal/register).

mutant_register-oldest-vetting() {
	desc="the register's latest vetting read from the oldest file, not the newest"
	pkgs="./internal/register"
	edit internal/register/register.go \
		'for i := len(files) - 1; i >= 0; i-- {' \
		'for i := 0; i < len(files); i++ {'
}

mutant_register-checkins-newest-first() {
	desc="check-ins listed newest first, so the trend reads backwards"
	pkgs="./internal/register"
	edit internal/register/register.go \
		'return strings.Compare(a.Date, b.Date)' \
		'return strings.Compare(b.Date, a.Date)'
}

mutant_register-public-files() {
	desc="register files written readable by everyone (0644), replacing what is there"
	pkgs="./internal/register"
	edit internal/register/register.go \
		'if err := fileio.WriteNew(path, data); err != nil {' \
		'if err := os.WriteFile(path, data, 0o644); err != nil {'
}

mutants=(
	draft-in-place
	es-felt-swapped
	es-leave-sign-swapped
	yaml-no-value-limit
	csv-at
	crisis-below-answer
	note-crisis-below-answer
	picker-last-row
	cleanmarkdown-one-pass
	save-offer-tilde
	session-range-no-change
	session-summary-drops-draft
	stay-trend-late
	history-distress-oldest
	yaml-depth-off-by-one
	name-length-limit
	pack-unsafe-text
	register-oldest-vetting
	register-checkins-newest-first
	register-public-files
)

# --- the machinery ---

die() { echo "mutants: $*" >&2; exit 2; }

if [ "${1:-}" = "--list" ]; then
	for m in "${mutants[@]}"; do
		desc=""
		edit() { :; }
		"mutant_$m"
		printf '%-32s %s\n' "$m" "$desc"
	done
	exit 0
fi
if (($#)); then
	for m in "$@"; do
		declare -F "mutant_$m" >/dev/null || die "no mutant named $m (see --list)"
	done
	mutants=("$@")
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vetcircle-mutants.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
src=$work/src
mkdir -p "$src" "$work/orig"

# The copy: what git tracks plus new files not ignored, as they are in the
# working tree now (edits not yet committed included).
git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
	tar --null -T - -cf - | tar -xf - -C "$src"

# internal/checklist's citation test reads the clinic's guide from
# ../shared beside the repository; the copy sees the same folder there.
if [ -d ../shared ]; then
	ln -s "$(cd ../shared && pwd -P)" "$work/shared"
fi

# replace FILE OLD NEW: the one occurrence of OLD in FILE becomes NEW.
replace() {
	local file=$src/$1 old=$2 new=$3 text rest n=0
	[ -f "$file" ] || { echo "$1 no longer exists"; return 1; }
	text=$(cat "$file"; printf x)
	text=${text%x}
	rest=$text
	while [[ $rest == *"$old"* ]]; do
		n=$((n + 1))
		rest=${rest#*"$old"}
	done
	case $n in
	0) echo "its text is no longer in $1 (the code changed: update the mutant)"; return 1 ;;
	1) ;;
	*) echo "its text is in $1 $n times, not once (make it longer)"; return 1 ;;
	esac
	printf '%s' "${text/"$old"/"$new"}" >"$file"
}

gotest() { # gotest SKIP PKGS...: go test, output to $work/out
	local skip=$1
	shift
	local args=(-count=1 -timeout=600s)
	[ -z "$skip" ] || args+=(-skip "$skip")
	(cd "$src" && go test "${args[@]}" "$@") >"$work/out" 2>&1
}

# The packages' tests must pass before anything is planted.
all_pkgs=()
for m in "${mutants[@]}"; do
	pkgs="" skip="" gen=""
	edit() { :; }
	"mutant_$m"
	for p in $pkgs; do
		[[ " ${all_pkgs[*]} " == *" $p "* ]] || all_pkgs+=("$p")
	done
done
echo "== unmutated: go test ${all_pkgs[*]}"
if ! gotest "" "${all_pkgs[@]}"; then
	cat "$work/out" >&2
	die "the tests fail before any mutant is planted; fix them first"
fi

results=()
bad=0
for m in "${mutants[@]}"; do
	desc="" pkgs="" skip="" gen="" edits=()
	unset -f edit
	edit() { edits+=("$1" "$2" "$3"); }
	"mutant_$m"
	echo "== $m: $desc"
	result="" note=""
	: >"$work/out"
	# Keep the files this mutant touches, to put them back afterwards.
	touched=()
	for ((i = 0; i < ${#edits[@]}; i += 3)); do
		f=${edits[i]}
		[[ " ${touched[*]} " == *" $f "* ]] && continue
		touched+=("$f")
		if [ -f "$src/$f" ]; then
			mkdir -p "$work/orig/$(dirname "$f")"
			cp -p "$src/$f" "$work/orig/$f"
		fi
	done
	if [ -n "$gen" ]; then
		for f in "$src"/rules/builtin*_gen.go; do
			touched+=("${f#"$src"/}")
			mkdir -p "$work/orig/rules"
			cp -p "$f" "$work/orig/${f#"$src"/}"
		done
	fi
	for ((i = 0; i < ${#edits[@]}; i += 3)); do
		if ! why=$(replace "${edits[i]}" "${edits[i + 1]}" "${edits[i + 2]}"); then
			result=ERROR note=$why
			break
		fi
	done
	if [ -z "$result" ] && [ -n "$gen" ] && ! (cd "$src" && go generate ./rules) >"$work/out" 2>&1; then
		result=ERROR note="go generate ./rules failed: $(head -n 3 "$work/out" | tr '\n' ' ')"
	fi
	if [ -z "$result" ] && ! (cd "$src" && go build ./...) >"$work/out" 2>&1; then
		result=ERROR note="does not build: $(head -n 3 "$work/out" | tr '\n' ' ')"
	fi
	if [ -z "$result" ]; then
		# shellcheck disable=SC2086 # pkgs is a list
		if gotest "$skip" $pkgs; then
			result="NOT CAUGHT" note="the tests of $pkgs pass with it"
		elif grep -qE '\[(build|setup) failed\]' "$work/out"; then
			result=ERROR note="the tests do not build: $(grep -m 3 -E '\.go:[0-9]+' "$work/out" | tr '\n' ' ')"
		else
			result=caught
			by=$(grep -E '^--- FAIL: ' "$work/out" | sed -E 's/^--- FAIL: ([^ ]+).*/\1/' | sort -u | head -n 4 | paste -sd ' ' -)
			where=$(grep -E '^FAIL[[:space:]]+github.com/' "$work/out" | awk '{sub(/.*\/vetcircle\/vetcircle\//, "", $2); print $2}' | sort -u | paste -sd ' ' -)
			note="$where: $by"
			[ -z "$skip" ] || note="$note (-skip $skip)"
		fi
	fi
	[ "$result" = caught ] || bad=$((bad + 1))
	[ "$result" = caught ] || { echo "   $result: $note"; [ ! -s "$work/out" ] || tail -n 20 "$work/out"; }
	results+=("$m" "$result" "$note")
	for f in "${touched[@]}"; do
		[ ! -f "$work/orig/$f" ] || cp -p "$work/orig/$f" "$src/$f"
	done
done

echo
printf '%-32s %-10s %s\n' "MUTANT" "RESULT" "CAUGHT BY (package: tests) / WHY NOT"
for ((i = 0; i < ${#results[@]}; i += 3)); do
	printf '%-32s %-10s %s\n' "${results[i]}" "${results[i + 1]}" "${results[i + 2]}"
done
echo
if ((bad)); then
	echo "mutants: $bad of $((${#results[@]} / 3)) not caught or in error" >&2
	exit 1
fi
echo "mutants: all $((${#results[@]} / 3)) caught"
