/* One clock for the whole program. Everything that moves is a pure function of the elapsed
 * milliseconds this clock reports; nothing sums frame deltas. Tests and the scripted mode
 * use a fake clock that only moves when told to. */
#ifndef ATTUNE_CLOCK_H
#define ATTUNE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct AtClock {
    uint64_t (*now_ms)(void *ud);
    void *ud;
} AtClock;

static inline uint64_t clock_now(const AtClock *c) { return c->now_ms(c->ud); }

/* The real monotonic clock (CLOCK_MONOTONIC), in milliseconds. */
AtClock clock_monotonic(void);

/* A fake clock that reads *ms; the owner moves time by writing *ms. */
AtClock clock_fake(uint64_t *ms);

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
