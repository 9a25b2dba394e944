#!/bin/sh
# Power loss is not kill -9: proves, from the system calls Attune makes (strace), that data is
# fsync'd before it is renamed into place or reported saved, and that the folder is fsync'd
# after a rename (fsync_order.awk says exactly what is checked). Runs the real binary: a
# practice with both check-ins and a settings change, then export, then import.
# Usage: fsync_order.sh ATTUNE_BINARY SOURCE_DIR. Exit 77 (skipped) without strace.
set -eu
attune=$1
here=$2/tests/sys
if ! command -v strace >/dev/null 2>&1; then
    echo "skipped: strace is not installed (scripts/dev test installs it)"
    exit 77
fi
base=${TMPDIR:-/tmp}
work=$(mktemp -d "$base/attune-strace-XXXXXX")
calls=openat,open,write,writev,pwrite64,fsync,fdatasync,rename,renameat,renameat2,unlink,unlinkat,close
# LeakSanitizer cannot run under ptrace: leaks are the other tests' business.
trace() { out=$1; shift; ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
    strace -f -qq -e trace=$calls -o "$work/$out" "$@"; }
if ! strace -qq -o /dev/null true 2>/dev/null; then
    echo "skipped: strace cannot trace here (ptrace not permitted)"
    exit 77
fi

# 1. A practice, saved when it ends; its after rating; sound off (a settings save).
printf 'key 5\nwait 64000\nkey 3\nwait 500\nkey m\nwait 200\n' > "$work/s.script"
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
    trace app.trace "$attune" --data-dir "$work/data" --script "$work/s.script" breathe quick-calm \
    2>"$work/app.err"
# 2. Export; 3. import into a new folder (journaled).
trace export.trace "$attune" --data-dir "$work/data" export "$work/backup.json" >/dev/null
trace import.trace "$attune" --data-dir "$work/new" import "$work/backup.json" >/dev/null

rc=0
awk -v name=practice -v journal=0 -f "$here/fsync_order.awk" "$work/app.trace" || rc=1
awk -v name=export -v journal=0 -f "$here/fsync_order.awk" "$work/export.trace" || rc=1
awk -v name=import -v journal=1 -f "$here/fsync_order.awk" "$work/import.trace" || rc=1
# The practice run must have written both records and the settings.
grep -q '"kind":"rating"' "$work/data/practice.jsonl" || { echo "practice: no rating record"; rc=1; }
grep -q '"muted":	true' "$work/data/settings.json" || { echo "practice: settings not saved"; rc=1; }
[ $rc -eq 0 ] && rm -rf "$work"
exit $rc
