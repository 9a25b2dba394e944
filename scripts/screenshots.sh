#!/usr/bin/env bash
# Regenerates the screenshots of the main screens (assets/screenshots/*.png, used by the README
# and the AppStream metainfo) through Attune's scripted mode, headless, with a made-up month of
# practice so Progress has something to show. Run it as `scripts/dev screenshots`.
#   scripts/screenshots.sh ATTUNE OUTDIR
set -euo pipefail
attune=$1 out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
mkdir -p "$out" "$work/data"
# Check-ins off, and the first-time notes already read, so each screen shows itself.
echo '{"checkins": false, "welcomed": true, "cards_safety_seen": true, "moves_seen": true}' \
    > "$work/data/settings.json"

# Practice on most of the last five weeks, breathing, grounding and cards, with check-ins.
kinds=(breathing grounding cards breathing)
contents=(box senses notice coherent)
for ago in $(seq 34 -1 0); do
    (( ago % 6 == 3 )) && continue
    i=$(( ago % 4 ))
    date=$(date -d "$ago days ago" +%F)
    before=$(( 4 + ago % 4 )) after=$(( 2 + ago % 2 ))
    printf '{"id":"shot%02d","date":"%s","time":"18:%02d:00","utc_offset_min":0,"kind":"%s","content":"%s","duration_ms":%d,"completed":true,"count":8,"before":%d,"after":%d}\n' \
        "$ago" "$date" "$ago" "${kinds[$i]}" "${contents[$i]}" $(( (3 + ago % 5) * 60000 )) \
        "$before" "$after" >> "$work/data/practice.jsonl"
done

shot() { # shot NAME SCRIPT [ARGS...]: runs ARGS with SCRIPT, whose last frame is NAME.png
    local name=$1 script=$2
    shift 2
    printf '%s\nshot %s\n' "$script" "$work/$name.png" > "$work/$name.script"
    "$attune" --data-dir "$work/data" --window 1280x720 --script "$work/$name.script" "$@"
    if command -v optipng >/dev/null; then optipng -quiet -o2 "$work/$name.png"; fi
    cp "$work/$name.png" "$out/$name.png"
    echo "$out/$name.png"
}
shot menu 'wait 800'
shot breathe 'wait 5500' breathe box        # 3 s to get ready, then midway through breathing in
shot ground 'wait 800' ground senses
shot cards 'wait 800' cards notice
shot progress 'wait 800' progress
