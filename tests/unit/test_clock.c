/* The clock: monotonic time for everything that moves, and wall time from the same object, so
 * setting the start date and time (--now) moves "today" and the records with the fake clock. */
#include <stdlib.h>
#include <time.h>

#include "attune/clock.h"
#include "attune/day.h"
#include "check.h"

static time_t local(const char *s)
{
    time_t t = 0;
    CHECK(clock_parse_local(s, &t));
    return t;
}

static void wall_time_moves_with_the_fake_clock_only(void)
{
    uint64_t ms = 5000;
    AtClock c = clock_fake(&ms);
    clock_set_wall(&c, local("2026-03-08T03:59"));
    time_t start = clock_wall(&c);
    CHECK_INT(clock_wall(&c), start);
    ms += 61500;
    CHECK_INT(clock_wall(&c) - start, 61);
    CHECK_INT(clock_wall_ms(&c) % 1000, 500);
    struct tm tm;
    CHECK(clock_local(&c, &tm));
    CHECK_INT(tm.tm_hour, 4);
    CHECK_INT(tm.tm_min, 0);
    CHECK_INT(tm.tm_sec, 1);
}

static void today_turns_at_the_day_start_not_at_midnight(void)
{
    uint64_t ms = 0;
    AtClock c = clock_fake(&ms);
    clock_set_wall(&c, local("2026-03-08T03:59:59"));
    CHECK_INT(clock_today(&c, 4), day_parse("2026-03-07"));
    CHECK_INT(clock_today(&c, 0), day_parse("2026-03-08"));
    ms += 1000; /* 04:00:00 */
    CHECK_INT(clock_today(&c, 4), day_parse("2026-03-08"));
    clock_set_wall(&c, local("2026-03-09T00:30"));
    CHECK_INT(clock_today(&c, 4), day_parse("2026-03-08"));
}

/* In Paris the clocks go forward at 02:00 on 2026-03-29: 03:30 that day is one hour after
 * 01:30, and the day starts at 04:00 as on any other. */
static void local_times_follow_the_time_zone_across_daylight_saving(void)
{
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
    CHECK_INT(local("2026-03-29T03:30") - local("2026-03-29T01:30"), 3600);
    uint64_t ms = 0;
    AtClock c = clock_fake(&ms);
    clock_set_wall(&c, local("2026-03-29T01:30"));
    ms += 2 * 3600 * 1000; /* two real hours: 04:30 summer time */
    struct tm tm;
    CHECK(clock_local(&c, &tm));
    CHECK_INT(tm.tm_hour, 4);
    CHECK_INT(tm.tm_min, 30);
    CHECK_INT(clock_today(&c, 4), day_parse("2026-03-29"));
    setenv("TZ", "UTC0", 1);
    tzset();
}

static void parse_local_takes_minutes_or_seconds_and_refuses_the_rest(void)
{
    time_t t;
    CHECK(clock_parse_local("2026-03-08T03:59", &t));
    CHECK(clock_parse_local("2026-03-08 03:59:30", &t));
    CHECK(clock_parse_local("2024-02-29T23:59", &t));
    CHECK(!clock_parse_local("2025-02-29T12:00", &t));
    CHECK(!clock_parse_local("2026-03-08T24:00", &t));
    CHECK(!clock_parse_local("2026-03-08T03:60", &t));
    CHECK(!clock_parse_local("2026-03-08", &t));
    CHECK(!clock_parse_local("2026-03-08T3:59", &t));
    CHECK(!clock_parse_local("2026-03-08X03:59", &t));
    CHECK(!clock_parse_local("2026-03-08T03:59Z", &t));
    CHECK(!clock_parse_local("2026-03-08T+3:59", &t));
    CHECK(!clock_parse_local("", &t));
}

/* Core code without a clock of its own (a file kept aside, an export's date) reads the
 * program's. */
static void the_program_clock_is_the_one_set(void)
{
    uint64_t ms = 0;
    AtClock c = clock_fake(&ms);
    clock_set_wall(&c, local("2030-01-02T10:00"));
    clock_set_program(&c);
    CHECK(clock_program() == &c);
    CHECK_INT(clock_wall(clock_program()), local("2030-01-02T10:00"));
    clock_set_program(NULL);
    CHECK(clock_program() != NULL);
    CHECK(clock_wall(clock_program()) != local("2030-01-02T10:00"));
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    RUN(wall_time_moves_with_the_fake_clock_only);
    RUN(today_turns_at_the_day_start_not_at_midnight);
    RUN(local_times_follow_the_time_zone_across_daylight_saving);
    RUN(parse_local_takes_minutes_or_seconds_and_refuses_the_rest);
    RUN(the_program_clock_is_the_one_set);
    return check_report();
}
