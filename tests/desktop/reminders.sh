#!/bin/sh
# Reminders with a temporary config folder (XDG_CONFIG_HOME) and a stand-in for systemctl
# (ATTUNE_SYSTEMCTL), so the machine's own user session is never touched:
#  - `reminders on` writes a timer and a service that `systemd-analyze verify` accepts, with the
#    chosen times and days, enables the timer, and says how to start it when no user session
#    answers; options left out later keep their values; `status` tells; `off` removes it all;
#  - `remind --dry-run` at a fixed time (--now) shows, or stays silent in quiet hours, on a day
#    not chosen, and once the person has practised since the previous reminder time;
#  - `remind` runs notify-send (ATTUNE_NOTIFY_SEND stands in for it) with the words and the
#    "Breathe now" action, and says what to install when it is missing.
#   reminders.sh ATTUNE SOURCE_DIR
set -eu
a=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/attune-reminders-XXXXXX")
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
contains() { grep -qF -- "$2" "$1" || { fail "$1 does not contain \"$2\""; sed 's/^/    /' "$1" >&2; }; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 contains \"$2\""; }

export XDG_CONFIG_HOME="$work/config" HOME="$work/home"
units="$XDG_CONFIG_HOME/systemd/user"
cat > "$work/systemctl" <<'SH'
#!/bin/sh
echo "$*" >> "${0%/*}/systemctl.log"
exit "$(cat "${0%/*}/systemctl.rc")"
SH
chmod +x "$work/systemctl"
export ATTUNE_SYSTEMCTL="$work/systemctl"
echo 1 > "$work/systemctl.rc" # no user session
data="$work/data"

"$a" --data-dir "$data" reminders on --at 09:00,15:30 --days mon-fri --quiet 22:00-07:00 \
    > "$work/on.out" 2>&1 || fail "reminders on exited $?"
contains "$work/on.out" "Reminders are on: Monday to Friday at 09:00 and 15:30, quiet from 22:00 to 07:00."
contains "$work/on.out" "they will start with your"
contains "$work/on.out" "systemctl --user enable --now attune-reminder.timer"
[ -f "$units/attune-reminder.timer" ] || fail "no timer in $units"
[ -f "$units/attune-reminder.service" ] || fail "no service in $units"
[ "$(readlink "$units/timers.target.wants/attune-reminder.timer")" = "$units/attune-reminder.timer" ] ||
    fail "the timer is not enabled (timers.target.wants)"
contains "$units/attune-reminder.timer" "OnCalendar=Mon..Fri *-*-* 09:00:00"
contains "$units/attune-reminder.timer" "OnCalendar=Mon..Fri *-*-* 15:30:00"
contains "$units/attune-reminder.service" "ExecStart=$a remind --at 09:00,15:30 --days mon-fri --quiet 22:00-07:00 --data-dir $data"
systemd-analyze verify "$units/attune-reminder.timer" "$units/attune-reminder.service" \
    > "$work/verify.out" 2>&1 || { fail "systemd-analyze verify refused the units"; cat "$work/verify.out" >&2; }
contains "$work/systemctl.log" "--user daemon-reload"

"$a" reminders status > "$work/status.out" 2>&1
contains "$work/status.out" "Reminders are on: Monday to Friday at 09:00 and 15:30"
contains "$work/status.out" "Data folder: $data"

# A user session answers: the timer is (re)started; days and quiet hours are kept.
echo 0 > "$work/systemctl.rc"
: > "$work/systemctl.log"
"$a" --data-dir "$data" reminders on --at 10:00 > "$work/on2.out" 2>&1 || fail "reminders on (again) exited $?"
contains "$work/on2.out" "Reminders are on: Monday to Friday at 10:00, quiet from 22:00 to 07:00."
contains "$work/on2.out" "The timer is running now."
contains "$work/systemctl.log" "--user restart attune-reminder.timer"
lacks "$units/attune-reminder.timer" "09:00"

"$a" reminders off > "$work/off.out" 2>&1 || fail "reminders off exited $?"
contains "$work/off.out" "Reminders are off."
contains "$work/systemctl.log" "--user disable --now attune-reminder.timer"
[ ! -e "$units/attune-reminder.timer" ] && [ ! -e "$units/attune-reminder.service" ] &&
    [ ! -e "$units/timers.target.wants/attune-reminder.timer" ] || fail "reminders off left files in $units"
[ ! -e "$XDG_CONFIG_HOME/systemd" ] || fail "reminders off left its empty folders"
"$a" reminders status > "$work/status2.out" 2>&1
contains "$work/status2.out" "Reminders are off."
if "$a" reminders sometimes > "$work/bad.out" 2>&1; then fail "reminders sometimes was accepted"; fi
if "$a" reminders on --at 25:00 > "$work/bad.out" 2>&1; then fail "--at 25:00 was accepted"; fi
contains "$work/bad.out" "\"25:00\" is not a time of day"

# remind --dry-run at fixed times. 2026-03-11 is a Wednesday, 2026-03-14 a Saturday.
plan="--at 09:00,15:00 --days mon-fri --quiet 21:00-08:00"
dry() { "$a" --data-dir "$data" remind --dry-run $plan --now "$1" > "$work/dry.out" 2>&1 || fail "remind --dry-run exited $?"; }
mkdir -p "$data"
dry 2026-03-11T09:00
contains "$work/dry.out" "Would show: A minute to breathe?"
contains "$work/dry.out" "[Breathe now] opens a quick calm"
dry 2026-03-11T21:30
contains "$work/dry.out" "Silent: 21:30 is in your quiet hours (21:00-08:00)."
dry 2026-03-14T09:00
contains "$work/dry.out" "Silent: no reminders on Saturdays."
# A practice at 09:20 that day: the 15:00 reminder stays silent; a practice at 07:00 does not
# count for 15:00 (it is before the 09:00 reminder), but does for 09:00.
echo '{"id":"r1","date":"2026-03-11","time":"07:00:00","utc_offset_min":60,"kind":"grounding","duration_ms":30000,"completed":false}' > "$data/practice.jsonl"
dry 2026-03-11T15:00
contains "$work/dry.out" "Would show:"
dry 2026-03-11T09:00
contains "$work/dry.out" "Silent: you have practised today."
echo '{"id":"r2","date":"2026-03-11","time":"09:20:00","utc_offset_min":60,"kind":"breathing","content":"box","duration_ms":180000,"completed":true}' >> "$data/practice.jsonl"
dry 2026-03-11T15:00
contains "$work/dry.out" "Silent: you have practised since 09:00."
for word in streak lose "don't"; do lacks "$work/dry.out" "$word"; done

# The notification itself, through a stand-in for notify-send that prints no action.
cat > "$work/notify-send" <<'SH'
#!/bin/sh
for arg in "$@"; do echo "$arg"; done > "${0%/*}/notify.args"
SH
chmod +x "$work/notify-send"
ATTUNE_NOTIFY_SEND="$work/notify-send" "$a" --data-dir "$data" remind $plan --now 2026-03-12T09:00 \
    > "$work/remind.out" 2>&1 || fail "remind exited $?"
contains "$work/notify.args" "A minute to breathe?"
contains "$work/notify.args" "--action=breathe=Breathe now"
contains "$work/notify.args" "--hint=string:desktop-entry:io.github.attune.Attune"
contains "$work/notify.args" "--icon=io.github.attune.Attune"
if ATTUNE_NOTIFY_SEND="$work/no-such-notify-send" "$a" --data-dir "$data" remind $plan \
    --now 2026-03-12T09:00 > "$work/missing.out" 2>&1; then
    fail "remind without notify-send succeeded"
fi
contains "$work/missing.out" "libnotify-bin"

[ $fails -eq 0 ] && echo "reminders: all good"
exit $fails
