#!/bin/sh
# A real desktop notification, headless: a private session bus (dbus-run-session), a display
# (Xvfb) and a notification daemon (dunst), watched with dbus-monitor. `attune remind` sends
# "A minute to breathe?" with a "Breathe now" action and Attune's desktop entry; when the
# notification is closed it exits 0. The tools come with `scripts/dev test`.
#   notification.sh ATTUNE
set -eu
a=$1
if [ "${1:-}" != --inside ]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/attune-notify-XXXXXX")
    exec dbus-run-session -- sh "$0" --inside "$a" "$work"
fi
a=$2 work=$3
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
contains() { grep -qF -- "$2" "$1" || { fail "$1 does not contain \"$2\""; sed 's/^/    /' "$1" >&2; }; }
pids=
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; true' EXIT
wait_for() { # wait_for CONDITION...: up to 10 s
    i=0
    while ! "$@" 2>/dev/null; do
        i=$((i + 1))
        [ $i -lt 100 ] || { fail "waited in vain for: $*"; return 1; }
        sleep 0.1
    done
}

# Xvfb picks a free display and writes its number to the pipe.
Xvfb -displayfd 1 -screen 0 640x480x24 -nolisten tcp > "$work/display" 2> "$work/xvfb.err" &
pids="$pids $!"
wait_for test -s "$work/display"
export DISPLAY=":$(head -n 1 "$work/display")"
dunst > "$work/dunst.out" 2>&1 &
pids="$pids $!"
# Asked without starting it (a bus-activated daemon would have no display).
wait_for sh -c 'dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications | grep -q "boolean true"'
dbus-monitor --session "interface=org.freedesktop.Notifications" > "$work/monitor.txt" 2>&1 &
pids="$pids $!"
sleep 0.5

data="$work/data"
mkdir "$data"
"$a" --data-dir "$data" remind --at 09:00 --days daily --quiet none --now 2026-03-11T09:00 \
    > "$work/remind.out" 2>&1 &
remind=$!
wait_for grep -q "member=Notify" "$work/monitor.txt"
sleep 0.5
contains "$work/monitor.txt" 'string "Attune"'
contains "$work/monitor.txt" 'string "A minute to breathe?"'
contains "$work/monitor.txt" 'string "breathe"'
contains "$work/monitor.txt" 'string "Breathe now"'
contains "$work/monitor.txt" 'string "desktop-entry"'
contains "$work/monitor.txt" 'string "io.github.attune.Attune"'
# Nobody answers; closing it lets `attune remind` finish.
dunstctl close-all
i=0
while kill -0 "$remind" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$remind" 2>/dev/null; then
    fail "attune remind is still waiting after the notification was closed"
    kill "$remind"
fi
wait "$remind" || fail "attune remind exited $?"
contains "$work/monitor.txt" "member=NotificationClosed"

[ $fails -eq 0 ] && echo "notification: all good"
exit $fails
