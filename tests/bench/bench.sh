#!/usr/bin/env bash
# Attune's performance figures as one table (printed, not asserted): start-up to the first frame
# (menu and `attune breathe`, CPU time and instructions, beside the floor of an empty program),
# CPU while breathing at 60 fps at 1280x720 and 3840x2160 beside the floor of an empty window,
# CPU and wake-ups while idle on the menu, the breathing figure on OpenGL (Mesa llvmpipe here),
# instructions per breathing frame (callgrind), peak RSS, and the core's figures (bench_core
# beside attune: cards, ten years of stats, a 100,000-record import).
# Runs real windows under Xvfb with the default (software) renderer unless a row says otherwise.
#
# CPU time on a shared machine is noisy: start-up is the median of 5 runs (wall and CPU), the
# animation rows give CPU per frame beside the share of a core (steadier when other work slows
# the frames), and the instruction count is repeatable to the instruction. Wake-ups are the
# voluntary context switches of all of Attune's threads (each is a sleep that ended).
# Needs xvfb, pkg-config and libsdl2-dev; valgrind for the instruction count.
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
unset SDL_VIDEODRIVER SDL_RENDER_DRIVER
if [ -z "${DISPLAY:-}" ]; then
  n=77
  while [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done # another bench may hold :77
  export DISPLAY=:$n
  # As large as the largest window measured.
  Xvfb "$DISPLAY" -screen 0 3840x2160x24 -nolisten tcp >/dev/null 2>&1 &
  XPID=$!
  sleep 1
fi
HZ=$(getconf CLK_TCK)
# Straight into the practice: no check-in question first.
echo '{"checkins": false}' > "$DATA/settings.json"

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 |"); }
median() { sort -n | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]; else print "?"}'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
wakeups() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ {s += $2} END {print s + 0}'; }

# Runs COMMAND for WARM seconds, then measures it over SPAN seconds: prints the share of a core
# (%), peak RSS (KiB), wake-ups a second and the CPU ticks counted.
measure_cmd() {
  local warm=$1 span=$2; shift 2
  "$@" 2>"$DATA/err" &
  local pid=$!
  sleep "$warm"
  local t0 w0; t0=$(cpu_ticks $pid); w0=$(wakeups $pid)
  sleep "$span"
  local t1 w1; t1=$(cpu_ticks $pid); w1=$(wakeups $pid)
  local hwm; hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  kill -TERM $pid
  wait $pid || true
  echo "$(echo "scale=2; ($t1 - $t0) * 100 / $HZ / $span" | bc) $hwm $(echo "scale=1; ($w1 - $w0) / $span" | bc)"
}

# Attune breathing box for SPAN seconds in a WxH window (after 4 s): "% of a core, CPU ms a
# frame, fps, whole/partial frames, peak RSS MiB".
breathing() {
  local size=$1 span=$2
  read -r cpu rss _ < <(ATTUNE_TRACE_STARTUP=1 measure_cmd 4 "$span" "$ATTUNE" --data-dir "$DATA" \
    --window "$size" breathe box --minutes 5)
  local counts; counts=$(sed -n 's/.*: \([0-9]*\) frames drawn in \([0-9]*\) ms (\([0-9]*\) whole, \([0-9]*\) partial).*/\1 \2 \3 \4/p' "$DATA/err")
  echo "$counts" | awk -v cpu="$cpu" -v rss="$rss" '{
    fps = $2 > 0 ? $1 * 1000 / $2 : 0
    printf "%s%% of a core (%.2f ms of CPU a frame at %.0f fps; %d of %d frames drawn in part); %d MiB\n",
      cpu, (fps > 0 ? cpu * 10 / fps : 0), fps, $4, $1, rss / 1024 }'
}

echo "attune benchmark: $(nproc) cores, $(uname -m), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Start-up: process start to the first presented frame, from Attune's own trace.
startup() {
  local walls=() cpus=()
  for _ in 1 2 3 4 5; do
    ATTUNE_TRACE_STARTUP=1 "$ATTUNE" --data-dir "$DATA" --window 1280x720 "$@" 2>"$DATA/err" &
    local pid=$!
    for _ in $(seq 100); do grep -q "first frame" "$DATA/err" && break; sleep 0.05; done
    kill -TERM $pid; wait $pid || true
    walls+=("$(sed -n 's/.*first frame presented \([0-9.]*\) ms.*/\1/p' "$DATA/err")")
    cpus+=("$(sed -n 's/.*first frame presented .*(\([0-9.]*\) ms of CPU).*/\1/p' "$DATA/err")")
  done
  echo "$(printf '%s\n' "${walls[@]}" | median) ms ($(printf '%s\n' "${cpus[@]}" | median) ms of CPU), median of 5: $(printf '%s\n' "${walls[@]}" | sort -n | tr '\n' ' ')"
}
row "start-up to first frame, menu" "$(startup)" "< 50 ms"
row "start-up to first frame, \`attune breathe box\`" "$(startup breathe box)" "< 50 ms"

# The floor under start-up: a program linked to the same libraries with the same hints and
# window, presenting one cleared frame (tests/bench/startup_floor.c).
if cc -O2 "$HERE/startup_floor.c" -o "$DATA/startup_floor" -Wl,--no-as-needed \
    $(pkg-config --cflags --libs sdl2 SDL2_ttf libcjson) 2>"$DATA/cc"; then
  cpus=()
  for _ in 1 2 3 4 5; do cpus+=("$("$DATA/startup_floor" | sed -n 's/.*(\([0-9.]*\) ms of CPU).*/\1/p')"); done
  row "floor: start-up to one cleared frame, same libraries and hints" "$(printf '%s\n' "${cpus[@]}" | median) ms of CPU, median of 5" ""
else
  row "start-up floor" "not measured (cannot build tests/bench/startup_floor.c: $(head -1 "$DATA/cc"))" ""
fi

# Instructions from exec to the first frame (callgrind stops where each calls audio_init or
# first_frame, just after presenting it): repeatable where CPU time is not.
if command -v valgrind >/dev/null; then
  to_first_frame() { # FUNCTION COMMAND...
    local at=$1; shift
    rm -f "$DATA"/cg.*
    valgrind --tool=callgrind --dump-before="$at" --callgrind-out-file="$DATA/cg.%p" "$@" >/dev/null 2>&1 || true
    # the first part file of the first process (a helper process may fork off later)
    sed -n 's/^summary: //p' "$(ls "$DATA"/cg.*.1 | head -1)"
  }
  menu_i=$(to_first_frame audio_init "$ATTUNE" --data-dir "$DATA" --window 1280x720 --script /dev/null)
  breathe_i=$(to_first_frame audio_init "$ATTUNE" --data-dir "$DATA" --window 1280x720 --script /dev/null breathe box)
  floor_i=$([ -x "$DATA/startup_floor" ] && to_first_frame first_frame "$DATA/startup_floor" || echo "?")
  row "start-up to first frame (callgrind): menu / \`breathe box\` / floor" "$menu_i / $breathe_i / $floor_i instructions" ""
fi

b720=$(breathing 1280x720 15)
row "breathing, 1280x720 at 60 fps (and peak RSS)" "$b720" "RSS < 30 MiB"
b4k=$(breathing 3840x2160 15)
ratio=$(echo "${b720%%%*} ${b4k%%%*}" | awk '{ if ($1 > 0) printf "%.1f", $2 / $1; else print "?" }')
row "breathing, 3840x2160 at 60 fps" "$b4k; ${ratio}x the 1280x720 cost" "at most 2x 1280x720"

if cc -O2 "$HERE/present_floor.c" -o "$DATA/floor" $(pkg-config --cflags --libs sdl2) 2>"$DATA/cc"; then
  for size in 1280x720 3840x2160; do
    read -r cpu _ _ < <(measure_cmd 4 10 "$DATA/floor" 20 "${size%x*}" "${size#*x}")
    row "floor: an empty ${size} window presenting at 60 fps" "${cpu}% of a core" ""
  done
else
  row "floor" "not measured (cannot build tests/bench/present_floor.c: $(head -1 "$DATA/cc"))" ""
fi

read -r cpu _ wake < <(measure_cmd 3 10 "$ATTUNE" --data-dir "$DATA" --window 1280x720)
row "idle on the menu" "${cpu}% of a core, ${wake} wake-ups a second" "0, 0"

# The figure on OpenGL: Mesa's llvmpipe here, rasterising on the CPU.
SDL_RENDER_DRIVER=opengl ATTUNE_TRACE_STARTUP=1 "$ATTUNE" --data-dir "$DATA" --script /dev/null \
  --window 1280x720 >"$DATA/gl" 2>&1 || true
if grep -q "renderer: opengl" "$DATA/gl"; then
  gl=$(SDL_RENDER_DRIVER=opengl breathing 1280x720 15)
  read -r cpu _ _ < <(SDL_RENDER_DRIVER=opengl measure_cmd 4 10 "$DATA/floor" 20 1280 720)
  row "breathing, 1280x720, \`SDL_RENDER_DRIVER=opengl\` (llvmpipe)" "$gl; floor ${cpu}%" "near the software path"
else
  row "breathing, OpenGL" "not measured (no OpenGL renderer here)" ""
fi

# Instructions per breathing frame, from the difference between two scripted runs (dummy video
# driver, fixed 60 fps timestep) that differ only by 600 drawn frames in the middle of a session.
if command -v valgrind >/dev/null; then
  printf 'wait 4000\nwait 9600\n' >"$DATA/plain.txt"
  { echo 'wait 4000'; for _ in $(seq 600); do echo 'wait 16'; done; } >"$DATA/frames.txt"
  count() {
    env -u DISPLAY SDL_VIDEODRIVER=dummy valgrind --tool=callgrind --callgrind-out-file=/dev/null "$ATTUNE" \
      --data-dir "$DATA" --window 1280x720 --script "$DATA/$1" breathe box --minutes 5 2>&1 |
      sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | sort -n | tail -1
  }
  plain=$(count plain.txt)
  framed=$(count frames.txt)
  row "one breathing frame, 1280x720 (callgrind, dummy driver)" "$(( (framed - plain) / 600 )) instructions" "about 700,000 at most"
fi

# The core, without a window: content, stats and import at sizes a person may reach.
BENCH_CORE="$(dirname "$ATTUNE")/bench_core"
if [ -x "$BENCH_CORE" ]; then
  while IFS= read -r line; do ROWS+=("$line"); done < <("$BENCH_CORE" "$DATA")
  if command -v valgrind >/dev/null; then
    # The same work counted in instructions (each figure is 5 runs): steady on a busy machine.
    for fig in cards:bench_cards:"load and validate 1000 generated cards" \
               stats:bench_stats:"stats over ten years of practice"; do
      IFS=: read -r name fn what <<<"$fig"
      n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --toggle-collect="$fn" \
            "$BENCH_CORE" "$DATA" "$name" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
      row "$what (callgrind)" "$(( n / 5 / 1000000 )).$(( n / 5 / 100000 % 10 )) M instructions a run" ""
    done
  fi
else
  row "core figures" "not measured ($BENCH_CORE is missing: cmake --build build --target bench_core)" ""
fi

echo
echo "| | measured | target |"
echo "| --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
