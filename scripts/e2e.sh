#!/usr/bin/env bash
# End-to-end test of the interactive walkthrough: builds vetcircle, runs it
# in tmux as a person would (send-keys to type, capture-pane to read the
# screen), and checks the saved summaries and their file modes.
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

# start NAME WIDTH HEIGHT: run vetcircle in a fresh tmux window; its exit
# code lands in $tmp/NAME.exit.
start() {
	local name=$1 w=$2 h=$3
	[ -z "$sock" ] || tmux -L "$sock" kill-server 2>/dev/null || true
	sock="vc-e2e-$$-$name"   # a tmux server per scenario, never the user's
	tmux -L "$sock" -f /dev/null new-session -d -s e2e -x "$w" -y "$h" \
		"cd '$tmp/work' && env -u NO_COLOR -u ACCESSIBLE TERM=xterm-256color '$tmp/vetcircle'; echo \$? > '$tmp/$name.exit'; sleep 30"
	wait_for "Who is filling this in?"
}

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

wait_exit() {
	local name=$1 i
	for i in $(seq 1 100); do
		if [ -s "$tmp/$name.exit" ]; then
			[ "$(cat "$tmp/$name.exit")" = 0 ] || fail "$name: vetcircle exited with $(cat "$tmp/$name.exit")"
			return 0
		fi
		sleep 0.05
	done
	fail "$name: vetcircle did not exit"
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

echo "== e2e: a strong circle, answered in full at 100x30 (side panel), saved"
start strong 100 30
keys 1 Enter 1 Enter                     # vetting for myself, before joining
wait_for "Circle basics"
text "E2E Test Circle"; keys Tab 1 Tab   # name, format: facilitated KAP circle
text "A. Rivera"; keys Tab
text "8"; keys Tab; text "120"; keys Tab; text "45"; keys Tab
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
keys s
wait_for "Save the summary"
wait_for "vetcircle-e2e-test-circle-"
keys Enter
wait_for "Saved to"
keys q
wait_exit strong
file=$(ls "$tmp"/work/vetcircle-e2e-test-circle-*.md)
check_file "$file" "# Circle check: E2E Test Circle" "## Verdict: ✔ PROMISING" "A. Rivera" "Group size: 8 people"

echo "== e2e: enter through everything at 80x24: incomplete, the three questions asked first"
start enter 80 24
for _ in $(seq 1 40); do keys Enter; done
wait_for "… INCOMPLETE"
keys s
wait_for "Save the summary"
keys C-u; text "incomplete.md"; keys Enter
wait_for "Saved to"
# Saving again asks before replacing.
keys s; wait_for "Save the summary"
keys C-u; text "incomplete.md"; keys Enter
wait_for "already exists. Replace it?"
keys y
wait_for "Saved to"
keys q
wait_exit enter
check_file "$tmp/work/incomplete.md" "## Verdict: … INCOMPLETE" "## What to ask next" \
	'1. **Facilitator training** (`training`)' '2. **Group agreements** (`agreements`)' \
	'3. **Difficult-experience plan** (`difficult-experience`)'

echo "== e2e: a critical red flag, and quitting asks first"
start flag 80 24
keys Enter Enter
for _ in $(seq 1 7); do keys Enter; done
wait_for "What training does the facilitator have?"
keys Escape                               # back to the basics' last field
wait_for "Circle basics"
for _ in $(seq 1 5); do keys Enter; done
wait_for "Red-flag checklist"
keys n y Enter
wait_for "How do you feel about sharing"
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
keys s; wait_for "Save the summary"
keys C-u; text "blocker/summary.md"; keys Enter
wait_for "Could not save"
wait_for "is a file, not a folder"
keys C-u; text "after-error.md"; keys Enter
wait_for "Saved to"
keys q
wait_exit unwritable
check_file "$tmp/work/after-error.md" "TRAIN-NAMED" "## Verdict: … INCOMPLETE"

echo "e2e: 4 passed, 0 failed"
