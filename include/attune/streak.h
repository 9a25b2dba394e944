/* Streaks: pure functions of the practice log and "today". They never punish: a missed day
 * can be covered by an earned freeze, and after a gap the words are "Welcome back".
 *
 * The rules, exactly as implemented:
 *  - A record's practice day is day_of(date, time, day_start_hour) on the local date and time
 *    stored in it (default day start 4:00: 1 a.m. counts for the evening before). Days are
 *    never moved by UTC offsets, so travel and daylight-saving changes do not move past days.
 *  - Missed days between two practised days are counted on the local dates, unless the UTC
 *    offset changed between the last practice of the first day and the first of the second
 *    (a flight, a daylight-saving change): then they are counted on the clock of either
 *    practice, whichever finds fewer. A date skipped by flying east (Los Angeles 20:00 on
 *    9 March, Tokyo 20:00 on 11 March, 32 hours later) is then not missed; it is not a
 *    practised day either. A date lived twice flying west is one practised day, as always.
 *    The same rule, with "now", decides whether the last practised day is still "yesterday"
 *    (streak_compute_at).
 *  - A record counts if it lasted at least one minute or was completed. A practised day is a
 *    day with at least one counting record. Record order in the log does not matter.
 *  - Days more than STREAK_AHEAD_DAYS after today (a clock that was wrong) are left out of
 *    streaks and the week; days up to 2 ahead (a time-zone change) count as usual.
 *  - Walking the practised days in order: a gap of one missed day is bridged if a freeze is
 *    held (it is used up); without one, or after two or more missed days in a row, the streak
 *    ends and the next practised day starts a new one. A streak's length is the number of
 *    practised days in it (bridged days keep it alive but do not add to it).
 *  - Freezes are earned: one on every 7th practised day (counting all history, in order),
 *    at most STREAK_FREEZE_MAX held; one earned while holding the maximum is not kept.
 *    A gap is looked at before that day's freeze is earned.
 *  - The current streak is the one ending at the last practised day, if that day is today or
 *    later, or yesterday (today not yet practised never breaks it), or the day before
 *    yesterday while a freeze is held: that freeze is then set aside for yesterday
 *    (freeze_covers_yesterday) and is no longer counted in freezes_held. Otherwise it is 0.
 *  - The weekly goal counts practised days in the calendar week Monday..Sunday holding today.
 *  - The couple streak: consecutive days with a counting couple session (no freezes), alive
 *    while the last such day is today or yesterday.
 */
#ifndef ATTUNE_STREAK_H
#define ATTUNE_STREAK_H

#include <stdbool.h>
#include <stddef.h>

#include "attune/day.h"
#include "attune/store.h"

#define STREAK_MIN_MS 60000u   /* a practice of a minute or more counts even if not completed */
#define STREAK_FREEZE_EVERY 7  /* one freeze earned per 7 practised days */
#define STREAK_FREEZE_MAX 2
#define STREAK_AHEAD_DAYS 2
#define STREAK_DEFAULT_DAY_START 4
#define STREAK_DEFAULT_WEEKLY_GOAL 5
#define STREAK_REST_KEEP 32    /* rest days remembered in StreakInfo.rest_days */

typedef struct StreakInfo {
    int today;
    int current;          /* practised days in the current streak, 0 if none */
    int longest;          /* longest streak so far (>= current) */
    int current_start;    /* first day of the current streak, DAY_NONE if none */
    int current_bridged;  /* missed days inside the current streak covered by freezes */
    int freezes_held;     /* ready for a future missed day, 0..STREAK_FREEZE_MAX */
    bool freeze_covers_yesterday; /* yesterday was missed; a freeze is set aside for it */
    bool freeze_earned_today;
    int freezes_earned;   /* over all history (kept ones only) */
    int freezes_used;     /* bridged days over all history */
    int practised_days;   /* all practised days (up to today + STREAK_AHEAD_DAYS) */
    bool practised_today; /* today (or a day ahead, after a time-zone change) is practised */
    int last_day;         /* last practised day, DAY_NONE if never */
    bool returning;       /* earlier practice exists but the streak before ended:
                             "Welcome back" (current is 0, or the streak started today) */
    int week_start;       /* Monday of today's week */
    int week_days;        /* practised days in that week */
    int week_goal;
    bool week_goal_reached;
    int couple_current, couple_longest;
    int couple_days;      /* days with a counting couple session */
    /* Rest days: missed days a freeze covered, so the streak went on (the latest
     * STREAK_REST_KEEP, oldest first; yesterday too while freeze_covers_yesterday). */
    int rest_days[STREAK_REST_KEEP];
    int nrest;
} StreakInfo;

/* True if the record counts toward streaks: >= STREAK_MIN_MS or completed. */
bool streak_counts(const PracticeRecord *r);

/* The record's practice day (see day_of), DAY_NONE if its date or time is malformed. */
int streak_day_of(const PracticeRecord *r, int day_start_hour);

/* Everything above for `today` (from day_now with the same day_start_hour). A day_start_hour
 * outside 0..23 or weekly_goal outside 1..7 is replaced by the default. Without the instant of
 * now, travel since the last practice is not seen (see streak_compute_at). */
StreakInfo streak_compute(const PracticeLog *log, int today, int day_start_hour, int weekly_goal);

/* The same at moment `now` (day_moment_now): today is its practice day on its own clock, and
 * a change of time zone since the last practice is taken into account as between practices. */
StreakInfo streak_compute_at(const PracticeLog *log, DayMoment now, int day_start_hour,
                             int weekly_goal);

/* The one-line encouragement for the stats screen and `attune stats`, written into buf and
 * returned, e.g. "3 days in a row. Keep it gentle." or "Welcome back. Every day is a fresh
 * start." Never mentions losing anything. */
const char *streak_message(const StreakInfo *s, char *buf, size_t n);

#endif
