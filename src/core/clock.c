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

void timer_pause(AtTimer *t, uint64_t now)
{
    if (t->paused) return;
    t->paused = true;
    t->paused_at = now;
}

void timer_resume(AtTimer *t, uint64_t now)
{
    if (!t->paused) return;
    t->paused = false;
    t->paused_total += now - t->paused_at;
}

uint64_t timer_elapsed(const AtTimer *t, uint64_t now)
{
    uint64_t end = t->paused ? t->paused_at : now;
    uint64_t span = end > t->start ? end - t->start : 0;
    return span > t->paused_total ? span - t->paused_total : 0;
}
