#!/usr/bin/env bash
# Regenerates the README's screenshots from the real binary: builds
# vetcircle, drives it in tmux (100x30 and 80x24) as a person would (send-keys), saves
# each screen with its colours (capture-pane -e), and renders it with
# charmbracelet/freeze to an SVG under docs/.
#
#   scripts/screenshots.sh
#
# Needs tmux (apt-get install tmux) and freeze (installed with go install when
# missing). The font is DejaVu Sans Mono (Debian's fonts-dejavu-core), which
# has every glyph vetcircle draws (✔ ▲ ✘ ●). The summary shows the day it was
# generated; everything else is the same on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

fail() { echo "screenshots: $*" >&2; exit 1; }
command -v tmux >/dev/null || fail "tmux is not installed (apt-get install tmux)"
freeze=$(command -v freeze || true)
if [ -z "$freeze" ]; then
	freeze="$(go env GOPATH)/bin/freeze"
	[ -x "$freeze" ] || GOBIN="$(go env GOPATH)/bin" go install github.com/charmbracelet/freeze@v0.2.2
fi
font=/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
[ -f "$font" ] || fail "$font is missing (apt-get install fonts-dejavu-core)"

tmp=$(mktemp -d)
sock="vc-shots-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
go build -o "$tmp/vetcircle" ./cmd/vetcircle
mkdir -p "$tmp/work" "$tmp/state" docs
cp examples/strong-kap-circle.yaml "$tmp/work/"

# start WIDTH HEIGHT ARGS...: vetcircle ARGS in a fresh tmux of that size,
# dark background, true colour.
start() {
	local w=$1 h=$2
	shift 2
	tmux -L "$sock" kill-server 2>/dev/null || true
	tmux -L "$sock" -u -f /dev/null new-session -d -s shot -x "$w" -y "$h" \
		"cd '$tmp/work' && env -u NO_COLOR -u COLORFGBG -u ACCESSIBLE XDG_STATE_HOME='$tmp/state' TERM=xterm-256color COLORTERM=truecolor '$tmp/vetcircle' $*; sleep 30"
	wait_for "Who is filling this in?"
}
screen() { tmux -L "$sock" capture-pane -p -t shot; }
wait_for() {
	local i
	for i in $(seq 1 200); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	screen >&2
	fail "timed out waiting for: $1"
}
keys() { tmux -L "$sock" send-keys -t shot "$@"; sleep 0.1; }
text() { tmux -L "$sock" send-keys -t shot -l "$1"; sleep 0.1; }

# shoot NAME: the screen as it is now, to docs/NAME.svg.
shoot() {
	sleep 0.3 # let the renderer's last frame land
	tmux -L "$sock" capture-pane -e -p -t shot >"$tmp/$1.ansi"
	"$freeze" "$tmp/$1.ansi" --language ansi --window --padding 20,40 --margin 0 \
		--background "#171717" --font.file "$font" --font.family "DejaVu Sans Mono" \
		-o "$root/docs/$1.svg" >/dev/null
	echo "wrote docs/$1.svg"
}

# The walkthrough at 100x30, where the side panel shows the live verdict: a
# care coordinator on a call, at the first of the three questions, with the
# words to say and what to listen for.
start 100 30
keys 2; keys Enter; keys 1; keys Enter
wait_for "Circle name"
text "Thursday KAP Circle"; keys Enter
keys 1; keys Enter
text "A. Rivera, LMFT"; keys Enter
text 8; keys Enter
text 120; keys Enter
text 45; keys Enter
wait_for "Where does it meet?"
keys 1; keys Enter
wait_for "What training does the facilitator have?"
shoot walkthrough

# The summary of a strong circle: resume from an answers file and press
# enter through every screen, keeping each answer.
start 80 24 resume strong-kap-circle.yaml
for _ in $(seq 1 60); do
	screen | head -n 1 | grep -q "Summary" && break
	keys Enter
done
wait_for "PROMISING"
shoot summary
