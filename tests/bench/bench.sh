#!/usr/bin/env bash
# Attune's performance figures (printed, not asserted): start-up to first frame, CPU per second
# of breathing animation at 60 fps in a 1280x720 window, CPU while idle on the menu, peak RSS.
# Runs a real window under Xvfb with the default (software) renderer.
# Usage: tests/bench/bench.sh [path/to/attune]
set -euo pipefail
ATTUNE=$(readlink -f "${1:-build/attune}")
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

# Runs attune ARGS for WARM seconds, then measures CPU over SPAN seconds.
measure() {
  local warm=$1 span=$2; shift 2
  ATTUNE_TRACE_STARTUP=1 "$ATTUNE" --data-dir "$DATA" --window 1280x720 "$@" 2>"$DATA/err" &
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
