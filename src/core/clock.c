#include "attune/clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "attune/day.h"

static uint64_t mono_now(void *ud)
{
    (void)ud;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static uint64_t fake_now(void *ud) { return *(const uint64_t *)ud; }

/* The system's wall time: the one place Attune asks for it. */
static int64_t system_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

AtClock clock_monotonic(void) { return (AtClock){mono_now, NULL, false, 0, 0}; }

AtClock clock_fake(uint64_t *ms) { return (AtClock){fake_now, ms, true, system_wall_ms(), *ms}; }

void clock_set_wall(AtClock *c, time_t t)
{
    c->wall_set = true;
    c->wall_ms = (int64_t)t * 1000;
    c->mono_ms = clock_now(c);
}

int64_t clock_wall_ms(const AtClock *c)
{
    if (!c->wall_set) return system_wall_ms();
    return c->wall_ms + (int64_t)(clock_now(c) - c->mono_ms);
}

time_t clock_wall(const AtClock *c)
{
    int64_t ms = clock_wall_ms(c);
    return (time_t)(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
}

bool clock_local(const AtClock *c, struct tm *out)
{
    time_t t = clock_wall(c);
    return localtime_r(&t, out) != NULL;
}

int clock_today(const AtClock *c, int day_start_hour) { return day_now(clock_wall(c), day_start_hour); }

bool clock_parse_local(const char *s, time_t *out)
{
    int y, mo, d, h, mi, sec = 0, n = 0;
    char sep;
    size_t len = strlen(s);
    if (len != 16 && len != 19) return false;
    if (len == 16 && (sscanf(s, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &n) != 6 || n != 16))
        return false;
    if (len == 19 && (sscanf(s, "%4d-%2d-%2d%c%2d:%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &sec, &n) != 7 ||
                      n != 19))
        return false;
    for (size_t i = 0; i < len; i++) /* digits where digits go: no signs or spaces inside */
        if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && (s[i] < '0' || s[i] > '9')) return false;
    if ((sep != 'T' && sep != ' ') || !day_valid_ymd(y, mo, d) || y < DAY_YEAR_MIN || y > DAY_YEAR_MAX ||
        h > 23 || mi > 59 || sec > 59)
        return false;
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    tm.tm_isdst = -1; /* whatever the zone says for that date */
    time_t t = mktime(&tm);
    if (t == (time_t)-1) return false;
    *out = t;
    return true;
}

static const AtClock *program_clock;

void clock_set_program(const AtClock *c) { program_clock = c; }

const AtClock *clock_program(void)
{
    static const AtClock mono = {mono_now, NULL, false, 0, 0};
    return program_clock ? program_clock : &mono;
}

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
