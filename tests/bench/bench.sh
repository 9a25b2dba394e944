#!/usr/bin/env bash
# Attune's performance figures (printed, not asserted): start-up to first frame, CPU per second
# of breathing animation at 60 fps in a 1280x720 window, CPU while idle on the menu, peak RSS.
# Runs a real window under Xvfb with the default (software) renderer. Beside them: the CPU of an
# empty window presenting at 60 fps (the floor under any animation on this machine), and, with
# valgrind, the instructions per breathing frame (repeatable, unlike CPU time).
# Needs xvfb, pkg-config and libsdl2-dev; valgrind for the instruction count. Then the core's
# figures (bench_core beside attune: cards, ten years of stats, a 100,000-record import).
# Usage: tests/bench/bench.sh [path/to/attune]
set -euo pipefail
HERE=$(dirname "$(readlink -f "$0")")
ATTUNE=$(readlink -f "${1:-build/attune}")
if [ -z "${DISPLAY:-}" ] && ! command -v Xvfb >/dev/null; then
  echo "bench.sh: Xvfb is missing (apt-get install xvfb xauth, or run scripts/dev bench)" >&2
  exit 1
fi
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"; [ -n "${XPID:-}" ] && kill $XPID 2>/dev/null || true' EXIT
export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy}
unset SDL_VIDEODRIVER
if [ -z "${DISPLAY:-}" ]; then
  export DISPLAY=:77
  Xvfb :77 -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
  XPID=$!
  sleep 1
fi
HZ=$(getconf CLK_TCK)
# Straight into the practice: no check-in question first.
echo '{"checkins": false}' > "$DATA/settings.json"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Runs COMMAND for WARM seconds, then measures its CPU over SPAN seconds.
measure_cmd() {
  local warm=$1 span=$2; shift 2
  "$@" 2>"$DATA/err" &
  local pid=$!
  sleep "$warm"
  local t0; t0=$(cpu_ticks $pid)
  sleep "$span"
  local t1; t1=$(cpu_ticks $pid)
  local hwm; hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  kill -TERM $pid
  wait $pid || true
  local cpu; cpu=$(echo "scale=2; ($t1 - $t0) * 100 / $HZ / $span" | bc)
  echo "$cpu $hwm"
}

# Runs attune ARGS in a 1280x720 window, as measure_cmd.
measure() {
  local warm=$1 span=$2; shift 2
  ATTUNE_TRACE_STARTUP=1 measure_cmd "$warm" "$span" "$ATTUNE" --data-dir "$DATA" --window 1280x720 "$@"
}

echo "attune benchmark ($(nproc) cores, $(uname -m), renderer: ${SDL_RENDER_DRIVER:-software})"

firsts=()
for i in 1 2 3 4 5; do
  ATTUNE_TRACE_STARTUP=1 "$ATTUNE" --data-dir "$DATA" --window 1280x720 breathe box 2>"$DATA/err" &
  pid=$!
  for _ in $(seq 50); do grep -q "first frame" "$DATA/err" && break; sleep 0.05; done
  kill -TERM $pid; wait $pid || true
  firsts+=("$(sed -n 's/.*first frame presented \([0-9.]*\) ms.*/\1/p' "$DATA/err")")
done
sorted=$(printf '%s\n' "${firsts[@]}" | sort -n | tr '\n' ' ')
echo "start-up to first frame (attune breathe box), 5 runs: $sorted ms (median $(printf '%s\n' "${firsts[@]}" | sort -n | sed -n 3p) ms)"

read -r cpu rss < <(measure 4 20 breathe box --minutes 5)
frames=$(sed -n 's/.*: \([0-9]*\) frames drawn in \([0-9]*\) ms/\1 \2/p' "$DATA/err")
fps=$(echo "$frames" | awk '{ if ($2 > 0) printf "%.1f", $1 * 1000 / $2 }')
echo "breathing animation, 1280x720: ${cpu}% of one core (${fps} fps), peak RSS $((rss / 1024)) MiB"

read -r cpu rss < <(measure 3 10)
echo "idle on the menu: ${cpu}% of one core, peak RSS $((rss / 1024)) MiB"

if cc -O2 "$HERE/present_floor.c" -o "$DATA/floor" $(pkg-config --cflags --libs sdl2) 2>"$DATA/cc"; then
  read -r cpu rss < <(measure_cmd 4 20 "$DATA/floor" 30)
  echo "floor, an empty 1280x720 window presenting at 60 fps: ${cpu}% of one core"
else
  echo "floor: not measured (cannot build tests/bench/present_floor.c: $(head -1 "$DATA/cc"))"
fi

# Instructions per breathing frame, from the difference between two scripted runs (dummy video
# driver, fixed 60 fps timestep) that differ only by 600 drawn frames in the middle of a session.
if command -v valgrind >/dev/null; then
  printf 'wait 4000\nwait 9600\n' >"$DATA/plain.txt"
  { echo 'wait 4000'; for _ in $(seq 600); do echo 'wait 16'; done; } >"$DATA/frames.txt"
  count() {
    env -u DISPLAY SDL_VIDEODRIVER=dummy valgrind --tool=callgrind --callgrind-out-file=/dev/null "$ATTUNE" \
      --data-dir "$DATA" --window 1280x720 --script "$DATA/$1" breathe box --minutes 5 2>&1 |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -1
  }
  plain=$(count plain.txt)
  framed=$(count frames.txt)
  echo "breathing frame, 1280x720 (callgrind, dummy driver): $(( (framed - plain) / 600 )) instructions"
fi

# The core, without a window: content, stats and import at sizes a person may reach.
BENCH_CORE="$(dirname "$ATTUNE")/bench_core"
if [ -x "$BENCH_CORE" ]; then
  "$BENCH_CORE" "$DATA"
else
  echo "core figures: not measured ($BENCH_CORE is missing: cmake --build build --target bench_core)"
fi
