#!/bin/sh
# One window per data folder. A window runs headless (SDL_VIDEODRIVER=dummy) in the background;
# later starts on the same folder hand it their command and exit: each launcher action of the
# desktop entry, and the quick calm that a reminder's "Breathe now" opens. The window says what
# arrived on stderr; a start during a practice leaves the practice alone. Data commands and
# --script runs never hand anything over. The log ends with one whole record per practice, no
# duplicates. Then, with XDG_RUNTIME_DIR set: the socket lives there, a window killed outright
# leaves a stale socket that the next window replaces, and a clean exit removes it.
#   instance.sh ATTUNE SOURCE_DIR
set -eu
a=$1 src=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/attune-instance-XXXXXX")
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
contains() { grep -qF -- "$2" "$1" || { fail "$1 does not contain \"$2\""; sed 's/^/    /' "$1" >&2; }; }
window=
trap '[ -n "$window" ] && kill "$window" 2>/dev/null; true' EXIT

start_window() { # start_window DATA NAME: a window on DATA in the background ($window)
    "$a" --data-dir "$1" --window 800x600 > "$work/$2.out" 2> "$work/$2.err" &
    window=$!
}
wait_for() { # wait_for CONDITION...: up to 10 s
    i=0
    while ! "$@" 2>/dev/null; do
        i=$((i + 1))
        [ $i -lt 100 ] || { fail "waited in vain for: $*"; return 1; }
        sleep 0.1
    done
}
stop_window() { # stop_window: as the desktop does (SIGTERM); it must exit 0
    kill -TERM "$window"
    wait "$window" || fail "the window exited $?"
    window=
}
later_start() { # later_start NAME ARGS...: must deliver and exit 0
    name=$1
    shift
    "$a" "$@" > "$work/$name.out" 2>&1 || fail "attune $* exited $?"
    contains "$work/$name.out" "Attune is already open"
}

unset XDG_RUNTIME_DIR
data="$work/data"
mkdir "$data"
echo '{"checkins": false}' > "$data/settings.json"
start_window "$data" first
wait_for test -S "$data/.window.sock"

# Every launcher action but the quick calm, then the entry itself.
sed -n 's/^Exec=attune *//p' "$src/data/io.github.attune.Attune.desktop" > "$work/actions"
n=0
while read -r args; do
    [ "$args" = breathe ] && continue # the quick calm comes from a reminder, below
    n=$((n + 1))
    later_start "action$n" --data-dir "$data" $args
done < "$work/actions"
[ $n -eq 6 ] || fail "expected 6 launcher commands besides the quick calm, found $n"
for kind in menu breathe-choose ground cards couple progress; do
    contains "$work/first.err" "another start asked for $kind"
done

# Never handed over: a data command and a scripted run (which records its own practice).
"$a" --data-dir "$data" stats --json > "$work/stats.out" 2>&1 || fail "stats exited $?"
contains "$work/stats.out" '"streak"'
printf 'wait 1500\n' > "$work/box.script"
"$a" --data-dir "$data" --window 800x600 --script "$work/box.script" breathe box \
    > "$work/script.out" 2>&1 || fail "the scripted run exited $?"

# A reminder's "Breathe now" (a stand-in notify-send answers with the action) opens the quick
# calm in the open window.
printf '#!/bin/sh\necho breathe\n' > "$work/notify-send"
chmod +x "$work/notify-send"
ATTUNE_NOTIFY_SEND="$work/notify-send" "$a" --data-dir "$data" remind --at 09:00 --days daily \
    --quiet none --now 2000-01-03T09:00 > "$work/remind.out" 2>&1 || fail "remind exited $?"
contains "$work/remind.out" "Opening a quick calm."
wait_for grep -q "another start asked for breathe" "$work/first.err"
# Two more starts at once while it runs: both delivered, the practice carries on.
later_start again1 --data-dir "$data" breathe &
p1=$!
later_start again2 --data-dir "$data" progress &
p2=$!
wait $p1 || fail "a start during the practice failed"
wait $p2 || fail "a start during the practice failed"
# The open window logs what it was asked once its loop takes the message, which can come
# after the later start has already exited: wait for it.
wait_for grep -q "a practice is under way: it carries on" "$work/first.err"
sleep 1
stop_window
[ ! -e "$data/.window.sock" ] || fail "the socket is still there after the window closed"

# The log: two whole records (the scripted box and the window's quick calm), distinct ids.
lines=$(grep -c . "$data/practice.jsonl" || true)
[ "$lines" -eq 2 ] || { fail "expected 2 records, found $lines"; cat "$data/practice.jsonl" >&2; }
bad=$(grep -cv '^{"id":"[0-9a-f]*",.*}$' "$data/practice.jsonl" || true)
[ "$bad" -eq 0 ] || fail "$bad torn or malformed lines in the log"
dups=$(grep -o '"id":"[0-9a-f]*"' "$data/practice.jsonl" | sort | uniq -d | wc -l)
[ "$dups" -eq 0 ] || fail "duplicate ids in the log"
contains "$data/practice.jsonl" '"content":"quick-calm"'
contains "$data/practice.jsonl" '"content":"box"'
"$a" --data-dir "$data" stats > "$work/stats2.out" 2> "$work/stats2.err" || fail "stats exited $?"
[ ! -s "$work/stats2.err" ] || { fail "stats complained about the log"; cat "$work/stats2.err" >&2; }

# With XDG_RUNTIME_DIR: the socket is there; a stale one is replaced; a clean exit removes it.
export XDG_RUNTIME_DIR="$work/run"
mkdir -m 700 "$XDG_RUNTIME_DIR"
data2="$work/data2"
mkdir "$data2"
start_window "$data2" second
wait_for sh -c 'ls "$1"/attune-*.sock >/dev/null' - "$XDG_RUNTIME_DIR"
[ ! -e "$data2/.window.sock" ] || fail "the socket is beside the data folder although XDG_RUNTIME_DIR is set"
later_start progress2 --data-dir "$data2" progress
wait_for grep -q "another start asked for progress" "$work/second.err"
kill -KILL "$window"
wait "$window" 2>/dev/null || true
window=
sock=$(ls "$XDG_RUNTIME_DIR"/attune-*.sock)
[ -S "$sock" ] || fail "expected a stale socket after SIGKILL"
start_window "$data2" third
# Only once it holds the lock, or the next start would become a window itself.
wait_for sh -c '! flock -n "$1" true' - "$data2/.window.lock"
later_start progress3 --data-dir "$data2" progress
wait_for grep -q "another start asked for progress" "$work/third.err"
stop_window
[ ! -e "$sock" ] || fail "the socket is still there after a clean exit"

[ $fails -eq 0 ] && echo "single instance: all good"
exit $fails
