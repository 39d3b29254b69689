#!/usr/bin/env bash
# End-to-end test of the interactive walkthrough: builds vetcircle, runs it
# in tmux as a person would (send-keys to type, capture-pane to read the
# screen), and checks the saved summaries and their file modes, and that
# drafts survive kill -9, SIGTERM and SIGHUP and resume intact.
#
#   scripts/e2e.sh            # from the repository root or anywhere
#
# Needs tmux; installs it with apt-get when missing and possible, and fails
# loudly otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "e2e: FAIL: $*" >&2; exit 1; }

if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is missing; installing it with apt-get" >&2
	if command -v apt-get >/dev/null 2>&1; then
		(apt-get update -qq && apt-get install -y -qq tmux) >&2 || true
	fi
	command -v tmux >/dev/null 2>&1 || fail "tmux is not installed and could not be installed; the end-to-end test cannot run"
fi

tmp=$(mktemp -d)
sock=""
cleanup() {
	[ -z "$sock" ] || tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "== e2e: build"
go build -o "$tmp/vetcircle" ./cmd/vetcircle
mkdir -p "$tmp/work"
# Drafts go to a state folder of the test's own, never the user's.
state="$tmp/state"
drafts="$state/vetcircle/drafts"

# start NAME WIDTH HEIGHT [ARGS...]: run vetcircle ARGS in a fresh tmux
# window; its exit code lands in $tmp/NAME.exit and its standard error in
# $tmp/NAME.err. WAIT (default: the welcome question) is the text to wait for.
start() {
	local name=$1 w=$2 h=$3
	shift 3
	local args="" a
	for a in "$@"; do args+=" '$a'"; done
	[ -z "$sock" ] || tmux -L "$sock" kill-server 2>/dev/null || true
	sock="vc-e2e-$$-$name"   # a tmux server per scenario, never the user's
	tmux -L "$sock" -f /dev/null new-session -d -s e2e -x "$w" -y "$h" \
		"cd '$tmp/work' && env -u NO_COLOR -u ACCESSIBLE -u LC_ALL -u LC_MESSAGES LANG='${LANG_E2E:-C.UTF-8}' XDG_STATE_HOME='$state' XDG_DATA_HOME='$tmp/data' TERM=xterm-256color '$tmp/vetcircle'$args 2>'$tmp/$name.err'; echo \$? > '$tmp/$name.exit'; sleep 30"
	# Drafts left by earlier scenarios are offered first; a scenario that
	# starts afresh says so with n (PICKER=1 keeps the picker on screen).
	if [ -z "${PICKER:-}" ]; then
		local i
		for i in $(seq 1 200); do
			if screen | grep -qF "Unfinished checks"; then keys n; break; fi
			if screen | grep -qF -- "${WAIT:-Who is filling this in?}"; then break; fi
			sleep 0.05
		done
	fi
	wait_for "${WAIT:-Who is filling this in?}"
}

# pid: the running vetcircle's process id (the binary's path is unique).
pid() { pgrep -f "^$tmp/vetcircle" | head -n 1; }

screen() { tmux -L "$sock" capture-pane -p -t e2e; }

# wait_for TEXT: poll the screen until TEXT shows, or fail showing it.
wait_for() {
	local i
	for i in $(seq 1 200); do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.05
	done
	echo "---- screen ----" >&2
	screen >&2 || true
	echo "----------------" >&2
	fail "timed out waiting for: $1"
}

# keys KEY...: press keys (tmux key names: Enter, Escape, Space, C-u).
keys() { tmux -L "$sock" send-keys -t e2e "$@"; sleep 0.02; }
# text STRING: type text literally.
text() { tmux -L "$sock" send-keys -t e2e -l "$1"; sleep 0.02; }

# wait_exit NAME [CODE]: wait for vetcircle to exit with CODE (default 0).
wait_exit() {
	local name=$1 want=${2:-0} i
	for i in $(seq 1 100); do
		if [ -s "$tmp/$name.exit" ]; then
			[ "$(cat "$tmp/$name.exit")" = "$want" ] || fail "$name: vetcircle exited with $(cat "$tmp/$name.exit"), want $want"
			return 0
		fi
		sleep 0.05
	done
	fail "$name: vetcircle did not exit"
}

# only_draft: the path of the one draft in the drafts folder.
only_draft() {
	local files
	files=$(ls "$drafts"/*.yaml 2>/dev/null || true)
	[ "$(echo "$files" | grep -c .)" = 1 ] || fail "want exactly one draft in $drafts, found: ${files:-none}"
	echo "$files"
}

# wait_draft TEXT: poll the one draft until it holds TEXT (a write is a
# command that runs just after the key that caused it).
wait_draft() {
	local i f
	for i in $(seq 1 100); do
		f=$(ls "$drafts"/*.yaml 2>/dev/null | head -n 1 || true)
		if [ -n "$f" ] && grep -qF -- "$1" "$f"; then return 0; fi
		sleep 0.05
	done
	[ -n "${f:-}" ] && cat "$f" >&2
	fail "the draft never held: $1"
}

no_drafts() {
	if ls "$drafts"/*.yaml >/dev/null 2>&1; then
		ls -l "$drafts" >&2
		fail "$1: a draft was left in $drafts"
	fi
}

check_file() {
	local file=$1
	shift
	[ -f "$file" ] || fail "no saved file $file"
	local mode
	mode=$(stat -c %a "$file")
	[ "$mode" = 600 ] || fail "$file has mode $mode, want 600"
	local want
	for want in "$@"; do
		grep -qF -- "$want" "$file" || { cat "$file" >&2; fail "$file lacks: $want"; }
	done
	if grep -q $'\x1b' "$file"; then fail "$file holds terminal escapes"; fi
}

echo "== e2e: a strong circle, answered in full at 100x30 (side panel), copied and saved"
start strong 100 30
tmux -L "$sock" set -s set-clipboard on   # tmux keeps what OSC 52 sends
keys 1 Enter 1 Enter                     # vetting for myself, before joining
wait_for "Circle basics"
text "E2E Test Circle"; keys Tab 1 Tab   # name, format: facilitated KAP circle
text "A. Rivera"; keys Tab
text "8"; keys Tab; text "2h"; keys Tab; text "free"; keys Tab   # as people say them
keys 1 Enter                             # in person
wait_for "What training does the facilitator have?"
wait_for "Live check"
keys 1 Enter                             # named program
wait_for "Which group agreements"
keys 1 2 3 4 Enter
wait_for "What happens if someone has a difficult experience"
keys 1 2 3 Enter
wait_for "Does the circle talk with each person"
keys y Enter
wait_for "Is the group run by the clinic"
keys n Enter                             # not run by whoever sells the medicine
wait_for "Red-flag checklist"
keys n n n n n n n n Enter
wait_for "How do you feel about sharing"
keys 2 Enter 2 Enter 1 Enter              # listen first, neutral, therapist
text "4"; keys Enter                      # months of practice
keys 3 Enter 3 Enter                      # standard budget, either
keys 1 4 Enter                            # goals
wait_for "Are you in crisis"
keys n Enter
wait_for "Review your answers"
wait_for "E2E Test Circle"
keys Enter
wait_for "✔ PROMISING"
only_draft >/dev/null                     # every answer was kept as it was given
wait_draft 'name: "E2E Test Circle"'
keys c
wait_for "Sent the summary to copy through tmux"
for _ in $(seq 1 40); do tmux -L "$sock" show-buffer 2>/dev/null | grep -qF "# Circle check: E2E Test Circle" && break; sleep 0.05; done
tmux -L "$sock" show-buffer 2>/dev/null | grep -qF "**Is the circle safe and well run?** ✔ PROMISING" || fail "c did not put the summary on the clipboard (OSC 52)"
keys s
wait_for "Summary (.md)"
wait_for "vetcircle-e2e-test-circle-"
keys Enter
wait_for "Saved the summary to"
wait_for "Save the answers too?"          # the offer, once the summary is saved
keys y
wait_for "Saved the answers to"
keys q
wait_exit strong
file=$(ls "$tmp"/work/vetcircle-e2e-test-circle-*.md)
check_file "$file" "Session length: 120 minutes" "Cost: \$0"
check_file "$file" "# Circle check: E2E Test Circle" "**Is the circle safe and well run?** ✔ PROMISING" "A. Rivera" "Group size: 8 people"
answers=$(ls "$tmp"/work/vetcircle-e2e-test-circle-*.yaml)
check_file "$answers" 'name: "E2E Test Circle"' "training: named-program" "rf-vendor-dosing: no"
if grep -q resume_at "$answers"; then fail "$answers holds the draft's resume_at"; fi
"$tmp/vetcircle" score --format json "$answers" | grep -qF '"verdict":"promising"' || fail "vetcircle score does not read $answers"
no_drafts "after saving the summary and the answers"

echo "== e2e: enter through everything at 80x24: incomplete, the three questions asked first"
start enter 80 24
for _ in $(seq 1 40); do keys Enter; done
wait_for "… INCOMPLETE"
no_drafts "enter alone answers nothing"
keys s
wait_for "Summary (.md)"
keys C-u; text "incomplete.md"; keys Enter
wait_for "Saved the summary to"
wait_for "Save the answers too?"; keys n
# Saving again asks before replacing.
keys s; wait_for "Summary (.md)"
keys C-u; text "incomplete.md"; keys Enter
wait_for "already exists. Replace it?"
keys y
wait_for "Saved the summary to"
wait_for "Save the answers too?"; keys n
keys q
wait_exit enter
check_file "$tmp/work/incomplete.md" "**Is the circle safe and well run?** … INCOMPLETE" "## What to ask next" \
	'1. **Facilitator training**: ' '2. **Group agreements**: ' \
	'3. **Difficult-experience plan**: '

echo "== e2e: a critical red flag, and quitting asks first"
start flag 80 24
keys Enter Enter
for _ in $(seq 1 7); do keys Enter; done
wait_for "What training does the facilitator have?"
keys Escape                               # back to the basics' last field
wait_for "Circle basics"
for _ in $(seq 1 6); do keys Enter; done    # basics, the three questions, screening, seller
wait_for "Red-flag checklist"
keys n y                                  # vendors and dosing: yes
wait_for "✘ AVOID  ✘ Red flags: 1"         # the running verdict, at 80x24
keys C-n; text "Handed out a dealer's card"; keys Escape   # a note, for the flag just answered
wait_for "y/n/u answer"                   # the note is closed (esc then enter at once would read as alt+enter)
keys Enter
wait_for "How do you feel about sharing"
grep -A3 '^notes:' "$state"/vetcircle/drafts/*.yaml | grep -qF 'rf-vendor-dosing: "Handed out a dealer' ||
	{ cat "$state"/vetcircle/drafts/*.yaml >&2; fail "the note was not filed under the flag just answered"; }
keys q
wait_for "Quit vetcircle?"
keys n
wait_for "How do you feel about sharing"
for _ in $(seq 1 20); do keys Enter; done
wait_for "✘ AVOID"
keys C-c
wait_for "Quit vetcircle?"
keys C-c
wait_exit flag

echo "== e2e: a save into a folder that is a file keeps the answers"
start unwritable 80 24
touch "$tmp/work/blocker"
keys Enter Enter
for _ in $(seq 1 7); do keys Enter; done
wait_for "What training does the facilitator have?"
keys 1                                    # named program: an answer to keep
for _ in $(seq 1 40); do keys Enter; done
wait_for "… INCOMPLETE"
keys s; wait_for "Summary (.md)"
keys C-u; text "blocker/summary.md"; keys Enter
wait_for "Could not save"
wait_for "is a file, not a folder"
keys C-u; text "after-error.md"; keys Enter
wait_for "Saved the summary to"
wait_for "Save the answers too?"; keys n
keys q
wait_exit unwritable
check_file "$tmp/work/after-error.md" "TRAIN-NAMED" "**Is the circle safe and well run?** … INCOMPLETE"

echo "== e2e: kill -9 mid-intake, then vetcircle resume: every answer and the note intact"
rm -rf "$state"
start crash 80 24
keys 2 Enter 1 Enter                      # a coordinator, before joining
wait_for "Circle basics"
text "Crash Test Circle"; keys Tab
keys Up                                   # only highlights: Format stays not asked
sleep 0.1
wait_draft 'name: "Crash Test Circle"'
if grep -q "format:" "$(only_draft)"; then fail "moving the highlight on Format answered it"; fi
keys Enter                                # enter chooses the highlighted option
wait_draft "format: kap-circle"
for _ in $(seq 1 5); do keys Enter; done
wait_for "What training does the facilitator have?"
wait_for "Say:"
keys 1 C-n
wait_for "Note on Facilitator training"
text "Fluence certificate, 2024; q and n typed"
keys Escape
wait_for "Note: Fluence certificate, 2024; q and n typed"
keys Enter
wait_for "Which group agreements"
keys 1 3
wait_draft "agreements: [confidentiality, no-pressure]"
draft=$(only_draft)
[ "$(stat -c %a "$draft")" = 600 ] || fail "draft $draft has mode $(stat -c %a "$draft"), want 600"
[ "$(stat -c %a "$drafts")" = 700 ] || fail "drafts folder has mode $(stat -c %a "$drafts"), want 700"
kill -9 "$(pid)"
wait_exit crash 137
for want in 'name: "Crash Test Circle"' "format: kap-circle" "user-role: coordinator" "stage: before" \
	"training: named-program" "agreements: [confidentiality, no-pressure]" \
	'training: "Fluence certificate, 2024; q and n typed"' "resume_at: agreements"; do
	grep -qF -- "$want" "$draft" || { cat "$draft" >&2; fail "after kill -9 the draft lacks: $want"; }
done
WAIT="Which group agreements" start resume 80 24 resume 1
wait_for "[x] Confidentiality"
wait_for "[x] No pressure to share"
wait_for "[ ] Agreements are written down"
keys Escape
wait_for "What training does the facilitator have?"
wait_for "● Names a specific training program"
wait_for "Note: Fluence certificate, 2024; q and n typed"
wait_for "Say:"                           # still a coordinator

echo "== e2e: SIGTERM saves the last change, and resume FILE shows it"
keys 2                                    # vague or general
keys C-n; text " (checked)"; keys Escape
wait_for "Note: Fluence certificate, 2024; q and n typed (checked)"
kill -TERM "$(pid)"
wait_exit resume 1
grep -qF "stopped by terminated; every answer is kept in the draft $draft" "$tmp/resume.err" ||
	{ cat "$tmp/resume.err" >&2; fail "SIGTERM: no word on where the answers are"; }
[ "$(only_draft)" = "$draft" ] || fail "resuming wrote a new draft instead of $draft"
for want in "training: general" 'training: "Fluence certificate, 2024; q and n typed (checked)"' \
	"agreements: [confidentiality, no-pressure]" "resume_at: training"; do
	grep -qF -- "$want" "$draft" || { cat "$draft" >&2; fail "after SIGTERM the draft lacks: $want"; }
done
WAIT="What training does the facilitator have?" start resumefile 80 24 resume "$draft"
wait_for "● Vague or general"
wait_for "(checked)"

echo "== e2e: SIGHUP (the terminal closes) saves too"
keys 3                                    # personal experience
wait_for "● Says personal experience is enough"
tmux -L "$sock" kill-server               # the terminal goes away: SIGHUP
sock=""
for _ in $(seq 1 40); do [ -z "$(pid)" ] && break; sleep 0.05; done
[ -z "$(pid)" ] || fail "vetcircle still runs after SIGHUP"
grep -qF "stopped by hangup; every answer is kept in the draft $draft" "$tmp/resumefile.err" ||
	{ cat "$tmp/resumefile.err" >&2; fail "SIGHUP: vetcircle did not stop by saving"; }
wait_draft "training: personal-experience"

echo "== e2e: two windows on one draft: the second is told, and its copy never touches the first's"
WAIT="What training does the facilitator have?" start first 80 24 resume "$draft"
wait_for "● Says personal experience is enough"
tmux -L "$sock" new-window -d -t e2e -n second \
	"cd '$tmp/work' && env -u NO_COLOR -u ACCESSIBLE XDG_STATE_HOME='$state' TERM=xterm-256color '$tmp/vetcircle' resume '$draft' 2>'$tmp/second.err'; echo \$? > '$tmp/second.exit'; sleep 30"
screen2() { tmux -L "$sock" capture-pane -pJ -t e2e:second; }
for i in $(seq 1 200); do screen2 | grep -qF "is open in another vetcircle window" && break; sleep 0.05; done
screen2 | grep -qF "is open in another vetcircle window" || { screen2 >&2; fail "the second window was not told the draft is open"; }
screen2 | grep -qF "Continue in a copy" || { screen2 >&2; fail "the second window was not offered a copy"; }
tmux -L "$sock" send-keys -t e2e:second 1 Enter
for i in $(seq 1 200); do screen2 | grep -qF "What training does the facilitator have?" && break; sleep 0.05; done
screen2 | grep -qF "What training does the facilitator have?" || { screen2 >&2; fail "the copy did not open at the same question"; }
tmux -L "$sock" send-keys -t e2e:second 1     # named program, in the copy
copy=""
for i in $(seq 1 100); do
	copy=$(grep -lF "training: named-program" "$drafts"/*.yaml 2>/dev/null | head -n 1 || true)
	[ -n "$copy" ] && break
	sleep 0.05
done
[ -n "$copy" ] && [ "$copy" != "$draft" ] || fail "the second window's answer did not go to a copy"
grep -qF "training: personal-experience" "$draft" || { cat "$draft" >&2; fail "the second window changed the first window's draft"; }
tmux -L "$sock" kill-server
sock=""

echo "== e2e: --no-draft writes nothing"
rm -rf "$state"
start nodraft 80 24 --no-draft
wait_for "Drafts are off"
keys 1 Enter 2 Enter
text "Shared Computer Circle"
keys C-c
wait_for "not saved anywhere"
keys y
wait_exit nodraft
[ ! -e "$state" ] || { ls -lR "$state" >&2; fail "--no-draft wrote to $state"; }

echo "== e2e: the welcome offers an unfinished draft, and enter resumes it"
rm -rf "$state"
start leftover 80 24
keys 1 Enter 1 Enter
wait_for "Circle basics"
text "Picker Circle"
keys C-c                                  # q would be a letter of the name
wait_for "Quit vetcircle?"
keys y
wait_exit leftover
PICKER=1 WAIT="Unfinished checks" start picker 80 24
wait_for "Picker Circle"
keys Enter
wait_for "Circle basics"
wait_for "Picker Circle"
keys C-c
wait_for "Quit vetcircle?"
keys y
wait_exit picker
PICKER=""

echo "== e2e: LANG=es_US.UTF-8 gives the walkthrough in Spanish, and a summary in Spanish"
LANG_E2E=es_US.UTF-8 WAIT="¿Quién está llenando este formulario?" start spanish 80 24 --no-draft
wait_for "Idioma: español"
keys 1 Enter 1 Enter                     # para mí, antes de unirme
wait_for "Datos del círculo"
text "Círculo del jueves"; keys Tab 1 Tab   # nombre, formato: círculo KAP
keys Tab; text "8"; keys Tab; text "2h"; keys Tab; text "gratis"; keys Tab   # as people say them
keys 1 Enter                             # en persona
wait_for "¿Qué formación tiene la persona que facilita?"
keys 1 Enter
wait_for "¿Cuáles son los acuerdos del grupo?"
keys 1 2 3 4 Enter
keys 1 2 3 Enter
keys y Enter
keys n Enter
wait_for "Lista de señales de alerta"
keys n y n n n n n n Enter              # vendedores de medicina: sí
for _ in $(seq 1 12); do keys Enter; done
wait_for "EVITAR"
wait_for "Evitar: el grupo"
screen | grep -qF "Is the circle" && fail "English on the Spanish summary"
keys q
wait_for "¿Salir de vetcircle?"
keys y
wait_exit spanish
LANG_E2E=""

echo "== e2e: accessible mode in Spanish through a pipe"
printf '1\n1\n\n1\n\n\n\n\n\n1\n1,2,3,4\n1,2,3\ns\nno\nn\nsí\nn\nn\nn\nn\nn\nn\n\n\n\n\n\n\n\n\n\nn\n' |
	env -u LC_ALL -u LC_MESSAGES LANG=es_US.UTF-8 XDG_STATE_HOME="$state" "$tmp/vetcircle" --no-draft > "$tmp/es-a11y.out" 2>&1 || true
grep -qF "Paso 1 de" "$tmp/es-a11y.out" || { cat "$tmp/es-a11y.out" >&2; fail "accessible mode did not speak Spanish"; }
grep -qF "¿El círculo es seguro y está bien llevado? EVITAR" "$tmp/es-a11y.out" || { tail -60 "$tmp/es-a11y.out" >&2; fail "the Spanish accessible summary lacks its verdict"; }
if grep -qF "Not understood" "$tmp/es-a11y.out"; then fail "a Spanish answer was not understood"; fi

echo "== e2e: a coordinator's intake at 80x24 and the same answers through accessible mode save the same answers file"
start coord 80 24
keys 2 Enter 1 Enter                     # a care coordinator, before joining
wait_for "Circle basics"
text "E2E Coordinator Circle"; keys Tab 1 Tab
text "A. Rivera"; keys Tab
text "a dozen"; keys Tab; text "an hour and a half"; keys Tab; text "\$40 a session"; keys Tab
keys 1 Enter                             # in person
wait_for "What training does the facilitator have?"
keys 1 C-n                               # named program, and a note on it
wait_for "Note on"
text "Fluence certificate, 2024"; keys Escape
sleep 0.2; keys Enter                     # esc alone, or esc+enter reads as alt+enter
wait_for "Which group agreements"
keys 1 2 4 Enter
wait_for "What happens if someone has a difficult experience"
keys 1 3 Enter
wait_for "Does the circle talk with each person"
keys u Enter
wait_for "Is the group run by the clinic"
keys n Enter
wait_for "Red-flag checklist"
keys n n n n n n n n Enter
wait_for "The person's fit"
keys 1 Enter 3 Enter 1 Enter              # comfortable, uncomfortable with ceremony, a therapist
text "six months"; keys Enter
keys 2 Enter 1 Enter                      # low budget, in person
keys 1 3 Enter                            # goals
wait_for "Are you in crisis"
keys n Enter
wait_for "Review your answers"
keys Enter
wait_for "E2E Coordinator Circle"
keys s
wait_for "Summary (.md)"
keys C-u; text "coord-tui.md"; keys Enter
wait_for "Save the answers too?"
keys y
wait_for "Saved the answers to"
keys q
wait_exit coord
printf '%s\n' 2 1 "E2E Coordinator Circle" 1 "A. Rivera" "a dozen" "an hour and a half" '$40 a session' 1 \
	1 note "Fluence certificate, 2024" "1 2 4" "1 3" u n n n n n n n n n \
	1 3 1 "six months" 2 1 "1 3" n "$tmp/work/coord-a11y.md" 1 n |
	XDG_STATE_HOME="$state" "$tmp/vetcircle" --accessible --no-draft > "$tmp/coord-a11y.out" 2>&1 || { tail -40 "$tmp/coord-a11y.out" >&2; fail "accessible coordinator intake"; }
grep -qF "Not understood" "$tmp/coord-a11y.out" && { grep -F -B3 "Not understood" "$tmp/coord-a11y.out" >&2; fail "accessible mode did not understand an answer the walkthrough took"; }
[ -f "$tmp/work/coord-tui.yaml" ] && [ -f "$tmp/work/coord-a11y.yaml" ] || { ls "$tmp/work" >&2; fail "the two answers files were not both saved"; }
diff "$tmp/work/coord-tui.yaml" "$tmp/work/coord-a11y.yaml" >&2 || fail "the walkthrough and accessible mode saved different answers for the same intake"
grep -qF 'participants: 12' "$tmp/work/coord-tui.yaml" && grep -qF 'minutes: 90' "$tmp/work/coord-tui.yaml" && grep -qF 'integration-months: 6' "$tmp/work/coord-tui.yaml" ||
	{ cat "$tmp/work/coord-tui.yaml" >&2; fail "numbers said in words were not read as numbers"; }

echo "== e2e: three check-ins, each worse (the first on the check-in screen); history shows the trend and says to leave"
WAIT="Check-in · Thursday KAP Circle" start checkin-screen 80 24 checkin --new "Thursday KAP Circle"
keys 3
for _ in 1 2 3 4 5 6; do keys Enter; done
wait_exit checkin-screen
for day in 2026-11-16 2026-11-30; do
	WAIT="Kept in" start "checkin-$day" 80 24 checkin "Thursday KAP Circle" --felt worse --date "$day"
	wait_exit "checkin-$day"
done
# Check-ins are the person's (their own record here), never the register's.
find "$tmp"/data/vetcircle/people/self/circles/*/checkins -type f | wc -l | grep -qx 3 || fail "three check-ins did not make three files"
check_file "$(find "$tmp"/data/vetcircle/people/self/circles/*/checkins -type f | head -n 1)"
[ -z "$(find "$tmp"/data/vetcircle/circles -path '*/checkins/*' -type f)" ] || fail "a check-in was kept in the register"
WAIT="Consider leaving" start history 80 24 history "thursday kap circle"
wait_for "▼"
screen | grep -qF "Worse after 3 of the last 3 sessions" || { screen >&2; fail "history does not name the trend"; }
# before_on_screen FIRST SECOND: FIRST shows on a line above SECOND's.
before_on_screen() {
	local a b
	a=$(screen | grep -n -m 1 -F -- "$1" | cut -d: -f1)
	b=$(screen | grep -n -m 1 -F -- "$2" | cut -d: -f1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] || { screen >&2; fail "\"$1\" is not shown above \"$2\""; }
}
before_on_screen "988" "Consider leaving"  # feeling worse, again and again: the crisis line first
wait_exit history

echo "== e2e: a vetting kept in the register is listed, and revet opens it at the circle's first question, with the answer before"
cp examples/red-flag-vendor.yaml "$tmp/work/sunday.yaml"
WAIT="kept as Sunday Integration Collective" start keep 80 24 circles add sunday.yaml
wait_exit keep
WAIT="AVOID" start circles 80 24 circles
screen | grep -qF "Sunday Integration" || { screen >&2; fail "circles does not list the kept circle"; }
screen | grep -qF "Medicine vendors or dosing advice" || { screen >&2; fail "circles does not show the red flag"; }
wait_exit circles
WAIT="Circle basics" start revet 80 24 revet "sunday integration collective"
wait_for "Before ("
screen | grep -qF "Who is filling this in?" && { screen >&2; fail "revet asks who is using vetcircle"; }
keys C-c                                  # q would be a letter of the name
wait_for "Quit vetcircle?"
keys y
wait_exit revet
find "$tmp"/data/vetcircle/circles/sunday-integration-collective-*/vettings -type f | wc -l | grep -qx 1 ||
	fail "revet changed the kept vetting; it must work on a copy"


echo "== e2e: in distress, the summary screen shows the crisis line before the short answer"
sed 's/^  name: .*/  name: "Distress Test Circle"/' examples/in-distress.yaml >"$tmp/work/distress.yaml"
WAIT="kept as Distress Test Circle" start keep-distress 80 24 circles add distress.yaml
wait_exit keep-distress
# revet asks the circle's questions only (distress is the person's): the
# kept answers file, resumed, opens at the review with the distress answer.
WAIT="Review your answers" start distress 80 40 resume "$tmp/work/distress.yaml"
keys Enter
wait_for "The short answer"
before_on_screen "988" "The short answer"
keys q
wait_for "Quit vetcircle?"
keys y
wait_exit distress

# revet_a_year_later: a circle vetted (--date) a year and a day ago lists
# with "re-vet due" and why; revet from a pipe (accessible mode) asks the
# circle's questions only, each with the answer before, and no question
# about the person (their role, stage, attending or fit).
revet_a_year_later() {
	echo "== e2e: a circle vetted a year and a day ago is due a re-vet, and revet from a pipe asks no question about the person"
	local vc=(env -u NO_COLOR -u ACCESSIBLE XDG_STATE_HOME="$state" XDG_DATA_HOME="$tmp/data" "$tmp/vetcircle")
	local call out
	call=$(date -u -d "-1 year -1 day" +%F)
	sed 's/^  name: .*/  name: "Year Old Circle"/' examples/strong-kap-circle.yaml >"$tmp/work/year.yaml"
	"${vc[@]}" circles add --date "$call" --source call "$tmp/work/year.yaml" >/dev/null || fail "circles add --date $call"
	out=$("${vc[@]}" circles --name "year old")
	echo "$out" | grep -qF "re-vet due: vetted $call, over a year ago" || { echo "$out" >&2; fail "circles gives no reason for the re-vet due"; }
	out=$("${vc[@]}" circles show "Year Old Circle")
	echo "$out" | grep -qF "Checked on $call" || { echo "$out" >&2; fail "circles show is not dated by the call"; }
	out=$(printf "%.0s\n" $(seq 120) | "${vc[@]}" --no-draft revet "year old circle" 2>&1) || { echo "$out" >&2; fail "revet from a pipe exited with an error"; }
	echo "$out" | grep -qF "Before ($call): Names a specific training program." || { echo "$out" >&2; fail "revet does not show the answer before"; }
	for person in "Who is filling this in?" "Where are you with this circle?" "Your own fit" "Since you started attending"; do
		if echo "$out" | grep -qF "$person"; then echo "$out" >&2; fail "revet from a pipe asked about the person: $person"; fi
	done
}
revet_a_year_later

# coordinators_week: a clinic's care coordinator over a working week, with
# the team's shared register (issue 19): four circles added after phone
# calls, one of them with a patient on the call (fit answers and a note
# about her), two patients attending one circle with check-ins, a
# comparison for one patient, a referral declined. The shared register
# folder is then searched for the patients' aliases and notes: none.
coordinators_week() {
	local team="$tmp/team" data="$tmp/week-data"
	vc() { XDG_DATA_HOME="$data" VETCIRCLE_BY="Ana" "$tmp/vetcircle" --register "$team" "$@"; }
	sed -e 's/^  user-role: self/  user-role: coordinator/' -e 's/^  access: either/  access: online-only/' \
		-e '$a\  comfort-sharing: "Pt MR-0412 says SI last spring, safety plan with her therapist"' \
		examples/strong-kap-circle.yaml >"$tmp/work/thursday-call.yaml"
	grep -qF 'safety plan' "$tmp/work/thursday-call.yaml" || fail "week: the call file was not written"
	vc circles add --for "MR-0412" --source call "$tmp/work/thursday-call.yaml" >"$tmp/week.out" 2>&1 || { cat "$tmp/week.out" >&2; fail "week: circles add with a patient"; }
	vc circles add --source call examples/online-peer-group.yaml examples/donation-circle.yaml examples/red-flag-vendor.yaml >>"$tmp/week.out" 2>&1 ||
		{ cat "$tmp/week.out" >&2; fail "week: circles add"; }
	[ "$(vc circles --format json | grep -c '"id":')" = 4 ] || fail "week: four circles are not listed"
	local d
	for d in 2026-11-03 2026-11-10 2026-11-17; do
		vc checkin "Thursday KAP Circle" --for "MR-0412" --felt worse --date "$d" --seen allows-advice --note "MR-0412 was told by a member to stop her sertraline" >>"$tmp/week.out" 2>&1 ||
			{ cat "$tmp/week.out" >&2; fail "week: MR-0412's check-in"; }
		vc checkin "Thursday KAP Circle" --for "JS-0977" --felt better --date "$d" --note "JS-0977 found the round steadying" >>"$tmp/week.out" 2>&1 ||
			{ cat "$tmp/week.out" >&2; fail "week: JS-0977's check-in"; }
	done
	vc history "Thursday KAP Circle" --for "MR-0412" --format text | grep -qi "consider leaving" || fail "week: MR-0412's history does not say consider leaving"
	vc history "Thursday KAP Circle" --for "JS-0977" --format text | grep -qi "consider leaving" && fail "week: JS-0977's history mixes in MR-0412's sessions"
	vc circles show "Thursday KAP Circle" | grep -qF "seen in a session on 2026-11-17" || fail "week: what was seen did not reach the circle's record"
	vc compare --for "MR-0412" --format json "Thursday KAP Circle" "Open Door Integration Circle" >"$tmp/week-compare.json" || fail "week: compare --for"
	grep -q '"fit": "' "$tmp/week-compare.json" || { cat "$tmp/week-compare.json" >&2; fail "week: compare --for gives no fit"; }
	vc compare --format json "Thursday KAP Circle" "Open Door Integration Circle" | grep -q '"fit": "' && fail "week: compare without --for gives a fit"
	vc referral "Open Door Integration Circle" --for "MR-0412" --status declined --by person --date 2026-11-20 --note "MR-0412 prefers evenings" >>"$tmp/week.out" ||
		fail "week: referral"
	vc circles show "Open Door Integration Circle" --for "MR-0412" --format note | grep -qF "Referral: declined by the person on 2026-11-20" ||
		fail "week: the record note lacks the referral"
	# The circle's service record, the directory export and the patient's
	# handout (in Spanish): the export names no one.
	vc circles service "Thursday KAP Circle" --phone "+1 503 555 0100" --website "https://thursday.example/circle" --languages en,es >>"$tmp/week.out" 2>&1 ||
		{ cat "$tmp/week.out" >&2; fail "week: circles service"; }
	vc circles export --format hsds --output "$tmp/week-hsds.json" || fail "week: circles export"
	grep -qF '"total_items": 4' "$tmp/week-hsds.json" || fail "week: the export does not hold the four circles"
	grep -qF 'https://thursday.example/circle' "$tmp/week-hsds.json" || fail "week: the export lacks the service record"
	if grep -l -e "MR-0412" -e "JS-0977" -e "sertraline" -e "safety plan" "$tmp/week-hsds.json"; then fail "week: the export holds a patient's data"; fi
	vc --lang es handout "Thursday KAP Circle" --for "MR-0412" >"$tmp/week-handout.txt" || fail "week: handout"
	grep -qF "marque 2" "$tmp/week-handout.txt" || { cat "$tmp/week-handout.txt" >&2; fail "week: the Spanish handout lacks the 988 Spanish option"; }
	grep -qF "thursday.example" "$tmp/week-handout.txt" || fail "week: the handout does not say how to join"
	# The shared register holds no one's alias, notes or fit answers.
	if grep -rIl -e "MR-0412" -e "JS-0977" -e "sertraline" -e "steadying" -e "safety plan" -e "prefers evenings" -e "online-only" "$team"; then
		fail "week: the shared register holds a patient's data"
	fi
	grep -rqF "safety plan" "$data/vetcircle/people" || fail "week: the patient's note is not in her private record"
	[ "$(stat -c %a "$data/vetcircle/people")" = 700 ] || fail "week: the people folder is not 0700"
}

echo "== e2e: a coordinator's week: four circles, two patients at one circle, a comparison, a referral declined, a directory export and a handout; the register holds no patient data"
coordinators_week

echo "e2e: 19 passed, 0 failed"
