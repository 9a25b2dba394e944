/* One clock for the whole program. Everything that moves is a pure function of the elapsed
 * milliseconds this clock reports; nothing sums frame deltas. The same clock says the wall
 * time (the date and time of day, for records and "today"), so a test or `--now` that sets it
 * moves both together. Tests and the scripted mode use a fake clock that only moves when
 * told to. */
#ifndef ATTUNE_CLOCK_H
#define ATTUNE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

typedef struct AtClock {
    uint64_t (*now_ms)(void *ud);
    void *ud;
    /* Wall time: wall_ms (milliseconds since the epoch) at the reading mono_ms; unset, the
     * system's real-time clock. */
    bool wall_set;
    int64_t wall_ms;
    uint64_t mono_ms;
} AtClock;

static inline uint64_t clock_now(const AtClock *c) { return c->now_ms(c->ud); }

/* The real monotonic clock (CLOCK_MONOTONIC), in milliseconds; wall time from the system. */
AtClock clock_monotonic(void);

/* A fake clock that reads *ms; the owner moves time by writing *ms. Its wall time starts at the
 * system's wall time now and moves only with *ms. */
AtClock clock_fake(uint64_t *ms);

/* From now on the clock's wall time is t plus the time the clock has moved since this call. */
void clock_set_wall(AtClock *c, time_t t);

/* Wall time now, in milliseconds since the epoch and as a time_t. */
int64_t clock_wall_ms(const AtClock *c);
time_t clock_wall(const AtClock *c);

/* Local time now (the current time zone); false if it cannot be converted. */
bool clock_local(const AtClock *c, struct tm *out);

/* The practice day now (day.h: before day_start_hour it is still the day before). */
int clock_today(const AtClock *c, int day_start_hour);

/* Local "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (a space may stand for the T) -> instant,
 * in the current time zone. False if malformed or not a real date and time. */
bool clock_parse_local(const char *s, time_t *out);

/* The program's clock, for core code that has none of its own to read the wall time from
 * (names of files kept aside, the date of an export). Until set: a monotonic clock. The
 * pointer is kept: c must outlive its use. */
void clock_set_program(const AtClock *c);
const AtClock *clock_program(void);

/* A pausable stopwatch over a clock reading. Elapsed time is always now - start - stopped
 * time, computed from three stored instants, so it never drifts. Two things stop it, each
 * undone on its own: the user's pause, and a hold by the program (while another screen covers
 * the one it times), so releasing a hold never resumes what the user paused. */
typedef struct AtTimer {
    uint64_t start;
    uint64_t stopped_at;    /* valid while paused or held */
    uint64_t stopped_total;
    bool paused; /* by the user */
    bool held;   /* by the program */
} AtTimer;

void timer_start(AtTimer *t, uint64_t now);
void timer_pause(AtTimer *t, uint64_t now);
void timer_resume(AtTimer *t, uint64_t now);
/* Holds (held true) or releases the timer; holding twice, or releasing when not held, changes
 * nothing. */
void timer_hold(AtTimer *t, uint64_t now, bool held);
uint64_t timer_elapsed(const AtTimer *t, uint64_t now);

#endif
