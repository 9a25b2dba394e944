/* Stats for the stats screen, `attune stats` and `attune stats --json`: streaks, the week,
 * totals per practice, a 26-week calendar and check-in ratings. Pure: computed from the log,
 * today and the settings. */
#ifndef ATTUNE_STATS_H
#define ATTUNE_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "attune/settings.h"
#include "attune/store.h"
#include "attune/streak.h"

#define STATS_WEEKS 26
#define STATS_DAYS (STATS_WEEKS * 7)
#define STATS_MAX_POINTS 200

/* Totals for one practice (or all). */
typedef struct StatsTotals {
    int sessions;  /* records that count (>= 1 minute or completed, as for streaks) */
    int completed; /* records completed */
    uint64_t ms;     /* time spent in all records, counting or not */
    int64_t minutes; /* ms rounded to the nearest minute (64 bits: long histories) */
} StatsTotals;

/* One calendar cell. */
typedef struct StatsDay {
    int day;        /* day number (see day.h) */
    int minutes;    /* practised minutes that day, rounded to the nearest minute */
    int sessions;   /* counting records that day */
    bool practised; /* a practised day (for streaks) */
    bool rested;    /* a rest day: missed, covered by a freeze, so the streak went on */
    bool future;    /* after today: nothing to show yet */
} StatsDay;

/* One check-in: a record with a before and/or after rating. */
typedef struct StatsPoint {
    char date[11], time[9];
    PracticeKind kind;
    int before, after; /* 0..10, or -1 when not given */
} StatsPoint;

typedef struct Stats {
    int today;
    int day_start_hour;
    StreakInfo streak;
    StatsTotals by_kind[PRACTICE_KIND_COUNT];
    StatsTotals total;
    int couple_sessions;            /* counting couple sessions */
    /* 26 whole weeks, Monday first; the last week holds today. calendar[i].day ==
     * calendar[0].day + i. For a heatmap: columns are weeks, rows are weekdays. */
    StatsDay calendar[STATS_DAYS];
    int rated;                      /* records with both a before and an after rating */
    double avg_before, avg_after;   /* over those records; 0 when rated == 0 */
    double avg_change;              /* average of after - before; negative = calmer */
    StatsPoint points[STATS_MAX_POINTS]; /* the latest rated records by date/time, oldest first */
    int npoints;
    int points_total;               /* rated records in all (points keeps the last 200) */
} Stats;

/* Computes everything for `today` (a day number from day_now with the settings' day start).
 * settings may be NULL (defaults). */
void stats_compute(const PracticeLog *log, int today, const Settings *settings, Stats *out);

/* The same at moment `now` (day_moment_now): today from it, and streaks that see a change of
 * time zone since the last practice (streak_compute_at). */
void stats_compute_at(const PracticeLog *log, DayMoment now, const Settings *settings, Stats *out);

/* The practices of one day (a day number, as on the calendar, with the day start of
 * day_start_hour), in the order they started: up to max pointers into log into out. Returns
 * how many there are in all (which may be more than max). */
int stats_day_practices(const PracticeLog *log, int day, int day_start_hour, const PracticeRecord **out,
                        int max);

/* ms as minutes, rounded to the nearest. */
int64_t stats_minutes(uint64_t ms);

/* The text of `attune stats`: friendly, aligned, ASCII, ending in a newline. Caller frees.
 * NULL on out-of-memory. */
char *stats_format_text(const Stats *s);

/* This week against the goal in plain words, into buf: "3 of 5 days" while short of it,
 * "6 days this week, goal reached" once it is reached (never "6 of 5"). */
void stats_week_words(const StreakInfo *k, char *buf, size_t n);

/* The object printed by `attune stats --json` (caller deletes). Stable keys:
 *   version (1), today ("YYYY-MM-DD"), day_start_hour,
 *   streak {current, longest, freezes_held, freezes_max, freeze_covers_yesterday,
 *           practised_today, practised_days, last_practice ("YYYY-MM-DD" or null)},
 *   week {start, goal, days, reached},
 *   couple {current, longest, days, sessions},
 *   practices {breathing|grounding|cards: {sessions, completed, minutes}},
 *   total {sessions, completed, minutes},
 *   calendar {start ("YYYY-MM-DD", a Monday), minutes [one per day from start to today]},
 *   checkins {rated, average_before, average_after, average_change (null when rated is 0),
 *             points [{date, time, kind, before, after (null when not given)}]},
 *   message (the streak_message line).
 * NULL on out-of-memory. */
cJSON *stats_to_json(const Stats *s);

#endif
