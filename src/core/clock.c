#include "attune/clock.h"

#include <time.h>

static uint64_t mono_now(void *ud)
{
    (void)ud;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static uint64_t fake_now(void *ud) { return *(const uint64_t *)ud; }

AtClock clock_monotonic(void) { return (AtClock){mono_now, NULL}; }

AtClock clock_fake(uint64_t *ms) { return (AtClock){fake_now, ms}; }

void timer_start(AtTimer *t, uint64_t now) { *t = (AtTimer){.start = now}; }

static bool stopped(const AtTimer *t) { return t->paused || t->held; }

/* Sets one of the two stops (*flag) to on; time stands still while either is set. */
static void set_stop(AtTimer *t, bool *flag, bool on, uint64_t now)
{
    if (*flag == on) return;
    bool was = stopped(t);
    *flag = on;
    if (!was) t->stopped_at = now;
    else if (!stopped(t)) t->stopped_total += now - t->stopped_at;
}

void timer_pause(AtTimer *t, uint64_t now) { set_stop(t, &t->paused, true, now); }

void timer_resume(AtTimer *t, uint64_t now) { set_stop(t, &t->paused, false, now); }

void timer_hold(AtTimer *t, uint64_t now, bool held) { set_stop(t, &t->held, held, now); }

uint64_t timer_elapsed(const AtTimer *t, uint64_t now)
{
    uint64_t end = stopped(t) ? t->stopped_at : now;
    uint64_t span = end > t->start ? end - t->start : 0;
    return span > t->stopped_total ? span - t->stopped_total : 0;
}
