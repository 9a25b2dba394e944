/* Streaks, freezes, the weekly goal, the couple streak and stats: pure functions of the log
 * and "today", checked across day starts, midnight, daylight-saving changes, travel, clocks set
 * back, leap days and year ends. */
#include <stdlib.h>
#include <time.h>

#include "attune/day.h"
#include "attune/stats.h"
#include "attune/streak.h"
#include "check.h"
#include "storetest.h"

static int D(const char *date) { return day_parse(date); }

/* A counting 3-minute breathing practice at local date/time with a UTC offset (minutes). */
static void add(PracticeLog *l, const char *date, const char *time, int offset)
{
    PracticeRecord r = st_rec(date, time, offset, 180000, true);
    log_add(l, &r);
}

/* One practice at 20:00 on each of n days starting at `first`. */
static void add_days(PracticeLog *l, int first, int n)
{
    char d[11];
    for (int i = 0; i < n; i++) add(l, day_format(first + i, d), "20:00:00", 60);
}

static StreakInfo at(const PracticeLog *l, const char *today)
{
    return streak_compute(l, D(today), 4, 5);
}

static void no_blame_words(const char *msg)
{
    static const char *const bad[] = {"lost", "Lost", "fail", "Fail", "broke", "Broke",
                                      "reset", "missed", "Missed", "only"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (strstr(msg, bad[i])) {
            check_failed++;
            fprintf(stderr, "message \"%s\" contains \"%s\"\n", msg, bad[i]);
            return;
        }
    check_passed++;
}

static void dates_are_strict_and_calendar_exact(void)
{
    CHECK_INT(D("1970-01-01"), 0);
    CHECK_INT(D("2026-11-23"), 20780);
    CHECK_INT(D("2028-02-29"), 21243);
    CHECK_INT(D("2027-02-29"), DAY_NONE);
    CHECK_INT(D("2100-02-29"), DAY_NONE);
    CHECK(D("2000-02-29") != DAY_NONE);
    CHECK_INT(D("2026-13-01"), DAY_NONE);
    CHECK_INT(D("2026-1-01"), DAY_NONE);
    CHECK_INT(D("2026-11-23x"), DAY_NONE);
    CHECK_INT(D(""), DAY_NONE);
    CHECK_INT(day_weekday(D("2026-11-23")), 0); /* a Monday */
    CHECK_INT(day_weekday(D("2027-01-01")), 4); /* a Friday */
    CHECK_INT(day_week_start(D("2027-01-01")), D("2026-12-28"));
    char buf[11];
    CHECK_STR(day_format(D("2028-02-29") + 1, buf), "2028-03-01");
    CHECK_STR(day_format(D("2026-12-31") + 1, buf), "2027-01-01");
    CHECK_INT(day_parse_time("23:59:59"), 86399);
    CHECK_INT(day_parse_time("24:00:00"), -1);
    CHECK_INT(day_parse_time("7:00:00"), -1);
}

static void a_practice_counts_after_a_minute_or_when_completed(void)
{
    PracticeRecord r = st_rec("2026-11-23", "10:00:00", 60, 59999, false);
    CHECK(!streak_counts(&r));
    r.duration_ms = 60000;
    CHECK(streak_counts(&r));
    r.duration_ms = 20000;
    r.completed = true;
    CHECK(streak_counts(&r));

    /* Only short, unfinished tries: nothing practised yet. */
    PracticeLog l = {0};
    PracticeRecord s = st_rec("2026-11-23", "10:00:00", 60, 30000, false);
    log_add(&l, &s);
    StreakInfo k = at(&l, "2026-11-23");
    CHECK_INT(k.practised_days, 0);
    CHECK_INT(k.current, 0);
    log_free(&l);
}

static void the_day_starts_at_the_day_start_hour(void)
{
    /* 1:30 a.m. counts for the evening before with the default 4:00 start. */
    CHECK_INT(day_of("2026-03-11", "01:30:00", 4), D("2026-03-10"));
    CHECK_INT(day_of("2026-03-11", "03:59:59", 4), D("2026-03-10"));
    CHECK_INT(day_of("2026-03-11", "04:00:00", 4), D("2026-03-11"));
    CHECK_INT(day_of("2026-03-11", "01:30:00", 0), D("2026-03-11"));

    PracticeLog l = {0};
    add(&l, "2026-03-10", "20:00:00", 60);
    add(&l, "2026-03-12", "01:30:00", 60); /* late night of the 11th */
    StreakInfo k = streak_compute(&l, D("2026-03-11"), 4, 5);
    CHECK_INT(k.current, 2);
    CHECK(k.practised_today);
    /* With the day starting at midnight the same night is the 12th: the 11th was missed. */
    k = streak_compute(&l, D("2026-03-12"), 0, 5);
    CHECK_INT(k.current, 1);
    CHECK(k.returning);
    log_free(&l);
}

static void midnight_is_a_boundary_only_when_the_day_starts_there(void)
{
    CHECK_INT(day_of("2026-05-01", "23:59:59", 0), D("2026-05-01"));
    CHECK_INT(day_of("2026-05-02", "00:00:00", 0), D("2026-05-02"));
    CHECK_INT(day_of("2026-05-02", "00:00:00", 4), D("2026-05-01"));

    /* Practice at 23:59 and at 00:01: two days with a midnight start, one with 4:00. */
    PracticeLog l = {0};
    add(&l, "2026-05-01", "23:59:00", 60);
    add(&l, "2026-05-02", "00:01:00", 60);
    CHECK_INT(streak_compute(&l, D("2026-05-02"), 0, 5).current, 2);
    StreakInfo k = streak_compute(&l, D("2026-05-01"), 4, 5);
    CHECK_INT(k.current, 1);
    CHECK_INT(k.practised_days, 1);

    /* "today" itself follows the same rule. */
    setenv("TZ", "UTC0", 1);
    tzset();
    time_t t = (time_t)D("2026-05-02") * 86400 + 3 * 3600 + 59 * 60 + 59; /* 03:59:59 */
    CHECK_INT(day_now(t, 4), D("2026-05-01"));
    CHECK_INT(day_now(t + 1, 4), D("2026-05-02"));
    CHECK_INT(day_now(t, 0), D("2026-05-02"));
    log_free(&l);
}

static void daylight_saving_changes_do_not_move_days(void)
{
    /* Central Europe: +60 -> +120 on 2026-03-29 at 01:00 UTC (a 23-hour day), back on
     * 2026-10-25 at 01:00 UTC (a 25-hour day). */
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
    PracticeRecord r;
    time_t jump = 1774745999; /* 2026-03-29 00:59:59 UTC */
    CHECK(practice_stamp(&r, jump));
    CHECK_STR(r.time, "01:59:59");
    CHECK_INT(r.utc_offset_min, 60);
    CHECK(practice_stamp(&r, jump + 1));
    CHECK_STR(r.date, "2026-03-29");
    CHECK_STR(r.time, "03:00:00");
    CHECK_INT(r.utc_offset_min, 120);
    /* On the 23-hour day the practice day still turns at 4:00 local. */
    CHECK_INT(day_now(jump + 1, 4), D("2026-03-28"));
    CHECK_INT(day_now(jump + 1 + 3600, 4), D("2026-03-29"));
    time_t back = 1792888200; /* 2026-10-25 00:30 UTC = 02:30 CEST; an hour later 02:30 CET */
    CHECK(practice_stamp(&r, back));
    CHECK_STR(r.time, "02:30:00");
    CHECK_INT(r.utc_offset_min, 120);
    CHECK(practice_stamp(&r, back + 3600));
    CHECK_STR(r.time, "02:30:00");
    CHECK_INT(r.utc_offset_min, 60);
    CHECK_INT(day_now(back + 3600, 4), D("2026-10-24"));
    setenv("TZ", "UTC0", 1);
    tzset();

    PracticeLog l = {0};
    add(&l, "2026-03-28", "22:00:00", 60);
    add(&l, "2026-03-29", "03:30:00", 120); /* after the jump, before 4:00: the 28th */
    add(&l, "2026-03-29", "21:00:00", 120);
    add(&l, "2026-03-30", "07:00:00", 120);
    StreakInfo k = at(&l, "2026-03-30");
    CHECK_INT(k.current, 3);
    CHECK_INT(k.practised_days, 3);
    CHECK_INT(k.freezes_used, 0);
    log_free(&l);

    add(&l, "2026-10-24", "21:00:00", 120);
    add(&l, "2026-10-25", "02:30:00", 120); /* the first 02:30 */
    add(&l, "2026-10-25", "02:30:00", 60);  /* the second 02:30, an hour later */
    add(&l, "2026-10-25", "23:30:00", 60);
    add(&l, "2026-10-26", "00:30:00", 60);  /* still the 25th */
    add(&l, "2026-10-26", "19:00:00", 60);
    k = at(&l, "2026-10-26");
    CHECK_INT(k.current, 3);
    CHECK_INT(k.practised_days, 3);
    log_free(&l);
}

static void travelling_across_time_zones_keeps_the_streak(void)
{
    PracticeLog l = {0};
    add(&l, "2026-06-01", "20:00:00", 480);
    add(&l, "2026-06-02", "07:00:00", 480);  /* 2026-06-01 23:00 UTC */
    /* Flew west to -7: */
    add(&l, "2026-06-03", "21:00:00", -420); /* 2026-06-04 04:00 UTC: UTC days would skip the 2nd-3rd */
    add(&l, "2026-06-04", "09:00:00", -420);
    /* Flew back east to +8: */
    add(&l, "2026-06-05", "20:00:00", 480);
    StreakInfo k = at(&l, "2026-06-05");
    CHECK_INT(k.current, 5);
    CHECK_INT(k.longest, 5);
    CHECK_INT(k.freezes_used, 0);
    CHECK_INT(k.current_bridged, 0);
    log_free(&l);

    /* Just after flying west "today" is a day earlier than the last record's date: the record
     * ahead still counts and today is practised. */
    add(&l, "2026-06-01", "20:00:00", 480);
    add(&l, "2026-06-02", "08:00:00", 480);  /* = 2026-06-01 17:00 at -7 */
    k = at(&l, "2026-06-01");
    CHECK_INT(k.current, 2);
    CHECK(k.practised_today);
    CHECK(!k.returning);
    log_free(&l);
}

/* The moment a local date and time at a UTC offset (minutes) name. */
static DayMoment M(const char *date, const char *time, int offset)
{
    DayMoment m = {0, 0};
    CHECK(day_moment_of(date, time, offset, &m));
    return m;
}

static void a_day_skipped_flying_east_neither_breaks_nor_pads_the_streak(void)
{
    PracticeLog l = {0};
    add(&l, "2026-03-07", "20:00:00", -480); /* Los Angeles, winter time */
    add(&l, "2026-03-08", "20:00:00", -420); /* summer time since 2 a.m. that day */
    add(&l, "2026-03-09", "20:00:00", -420);
    add(&l, "2026-03-11", "20:00:00", 540);  /* Tokyo, 32 hours later: no 10 March there */
    StreakInfo k = streak_compute_at(&l, M("2026-03-11", "21:00:00", 540), 4, 5);
    CHECK_INT(k.current, 4);
    CHECK_INT(k.practised_days, 4); /* 10 March is not made a practised day */
    CHECK_INT(k.longest, 4);
    CHECK_INT(k.freezes_used, 0);
    CHECK_INT(k.current_bridged, 0);
    CHECK(k.practised_today);
    CHECK(!k.returning);
    CHECK_INT(at(&l, "2026-03-11").current, 4); /* the same without the instant of now */

    /* The morning after landing, not yet practised in Tokyo (14 hours after the last practice):
     * the streak is alive, with no freeze spent on it. Knowing only today's date, 9 March looks
     * two days back. */
    l.count--;
    k = streak_compute_at(&l, M("2026-03-11", "10:00:00", 540), 4, 5);
    CHECK_INT(k.today, D("2026-03-11"));
    CHECK_INT(k.current, 3);
    CHECK(!k.freeze_covers_yesterday);
    CHECK(!k.returning);
    CHECK(!k.practised_today);
    CHECK_INT(at(&l, "2026-03-11").current, 0);

    /* A real gap still ends it: 56 hours, and 11 March passed in Tokyo without practice. */
    add(&l, "2026-03-12", "20:00:00", 540);
    k = streak_compute_at(&l, M("2026-03-12", "21:00:00", 540), 4, 5);
    CHECK_INT(k.current, 1);
    CHECK(k.returning);
    CHECK_INT(k.longest, 3);
    log_free(&l);
}

static void a_day_lived_twice_flying_west_counts_once(void)
{
    PracticeLog l = {0};
    add(&l, "2026-03-10", "20:00:00", 540);  /* Tokyo */
    add(&l, "2026-03-11", "20:00:00", 540);
    add(&l, "2026-03-11", "20:00:00", -420); /* Los Angeles, 16 hours later: 11 March again */
    add(&l, "2026-03-12", "20:00:00", -420);
    StreakInfo k = streak_compute_at(&l, M("2026-03-12", "21:00:00", -420), 4, 5);
    CHECK_INT(k.current, 3);
    CHECK_INT(k.practised_days, 3);
    CHECK_INT(k.week_days, 3);
    /* Just landed, before practising on the second 11 March: practised today already. */
    l.count -= 2;
    k = streak_compute_at(&l, M("2026-03-11", "09:00:00", -420), 4, 5);
    CHECK_INT(k.current, 2);
    CHECK(k.practised_today);
    log_free(&l);
}

static void a_clock_set_back_or_forward_in_one_zone_changes_nothing(void)
{
    /* Same offset throughout: the travel rule never applies, dates alone decide. */
    PracticeLog l = {0};
    add(&l, "2026-06-08", "20:00:00", 120);
    add(&l, "2026-06-10", "20:00:00", 120);
    CHECK_INT(streak_compute_at(&l, M("2026-06-10", "21:00:00", 120), 4, 5).current, 1);
    log_free(&l);
}

static void minutes_do_not_overflow_in_long_histories(void)
{
    /* 3.3 billion minutes, more than an int holds (it printed "-1990967296 minutes"). */
    CHECK_INT(stats_minutes(200000000000000ull), 3333333333LL);
    PracticeLog l = {0};
    add(&l, "2026-06-08", "20:00:00", 120);
    Stats *s = calloc(1, sizeof *s);
    stats_compute(&l, D("2026-06-08"), NULL, s);
    s->total.ms = 200000000000000ull;
    s->total.minutes = stats_minutes(s->total.ms);
    char *text = stats_format_text(s);
    CHECK_CONTAINS(text, "3333333333");
    free(text);
    cJSON *j = stats_to_json(s);
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(j, "total");
    CHECK_NEAR(cJSON_GetObjectItemCaseSensitive(t, "minutes")->valuedouble, 3333333333.0, 0.5);
    cJSON_Delete(j);
    free(s);
    log_free(&l);
}

static void records_appended_out_of_order_still_count(void)
{
    /* The clock was set back: a later date was written before earlier ones. */
    PracticeLog l = {0};
    add(&l, "2026-06-10", "09:00:00", 60);
    add(&l, "2026-06-08", "09:00:00", 60);
    add(&l, "2026-06-09", "23:00:00", 60);
    add(&l, "2026-06-09", "08:00:00", 60);
    StreakInfo k = at(&l, "2026-06-10");
    CHECK_INT(k.current, 3);
    CHECK_INT(k.longest, 3);
    CHECK_INT(k.last_day, D("2026-06-10"));
    /* A clock that was a year ahead wrote one record: it stays out of the streak. */
    add(&l, "2027-06-11", "09:00:00", 60);
    k = at(&l, "2026-06-10");
    CHECK_INT(k.current, 3);
    CHECK_INT(k.practised_days, 3);
    CHECK_INT(k.last_day, D("2026-06-10"));
    log_free(&l);
}

static void leap_days_and_year_ends_are_consecutive(void)
{
    PracticeLog l = {0};
    add(&l, "2028-02-27", "20:00:00", 60);
    add(&l, "2028-02-28", "20:00:00", 60);
    add(&l, "2028-02-29", "20:00:00", 60);
    add(&l, "2028-03-01", "02:00:00", 60); /* the night of the 29th */
    add(&l, "2028-03-01", "20:00:00", 60);
    StreakInfo k = at(&l, "2028-03-01");
    CHECK_INT(k.current, 4);
    CHECK_INT(k.freezes_used, 0);
    log_free(&l);

    /* 2027 has no 29 February: the 28th and 1 March are neighbours. */
    add(&l, "2027-02-28", "20:00:00", 60);
    add(&l, "2027-03-01", "20:00:00", 60);
    CHECK_INT(at(&l, "2027-03-01").current, 2);
    log_free(&l);

    /* In 2028 skipping the 29th is a missed day, and with no freeze a new start. */
    add(&l, "2028-02-28", "20:00:00", 60);
    add(&l, "2028-03-01", "20:00:00", 60);
    k = at(&l, "2028-03-01");
    CHECK_INT(k.current, 1);
    CHECK(k.returning);
    log_free(&l);

    add(&l, "2026-12-30", "20:00:00", 60);
    add(&l, "2026-12-31", "20:00:00", 60);
    add(&l, "2027-01-01", "01:00:00", 60); /* New Year's night counts for the 31st */
    add(&l, "2027-01-01", "10:00:00", 60);
    add(&l, "2027-01-02", "10:00:00", 60);
    k = at(&l, "2027-01-02");
    CHECK_INT(k.current, 4);
    CHECK_INT(k.practised_days, 4);
    /* The week of 2027-01-02 began on Monday 2026-12-28. */
    CHECK_INT(k.week_start, D("2026-12-28"));
    CHECK_INT(k.week_days, 4);
    log_free(&l);
}

static void freezes_are_earned_every_seven_days_and_capped_at_two(void)
{
    PracticeLog l = {0};
    int d0 = D("2026-01-05");
    add_days(&l, d0, 6);
    StreakInfo k = streak_compute(&l, d0 + 5, 4, 5);
    CHECK_INT(k.freezes_held, 0);
    log_free(&l);

    add_days(&l, d0, 7);
    k = streak_compute(&l, d0 + 6, 4, 5);
    CHECK_INT(k.freezes_held, 1);
    CHECK(k.freeze_earned_today);
    char msg[160];
    CHECK_STR(streak_message(&k, msg, sizeof msg),
              "7 days in a row, and a freeze earned for a harder day.");
    log_free(&l);

    add_days(&l, d0, 14);
    CHECK_INT(streak_compute(&l, d0 + 13, 4, 5).freezes_held, 2);
    log_free(&l);

    add_days(&l, d0, 21);
    k = streak_compute(&l, d0 + 20, 4, 5);
    CHECK_INT(k.freezes_held, 2);
    CHECK_INT(k.freezes_earned, 2);
    CHECK(!k.freeze_earned_today); /* a third is not kept */
    CHECK_INT(k.current, 21);
    CHECK_INT(k.longest, 21);
    log_free(&l);
}

static void a_freeze_bridges_one_missed_day(void)
{
    PracticeLog l = {0};
    int d0 = D("2026-02-02");
    add_days(&l, d0, 7);       /* earns one freeze */
    add_days(&l, d0 + 8, 3);   /* d0+7 missed */
    StreakInfo k = streak_compute(&l, d0 + 10, 4, 5);
    CHECK_INT(k.current, 10);
    CHECK_INT(k.current_bridged, 1);
    CHECK_INT(k.freezes_held, 0);
    CHECK_INT(k.freezes_used, 1);
    CHECK_INT(k.current_start, d0);
    char msg[160];
    CHECK_STR(streak_message(&k, msg, sizeof msg), "A 10-day streak. Keep it gentle.");
    log_free(&l);

    /* The freeze is spent on the first single gap; a second single gap then ends the streak. */
    add_days(&l, d0, 7);
    add_days(&l, d0 + 8, 2);
    add_days(&l, d0 + 11, 1);
    k = streak_compute(&l, d0 + 11, 4, 5);
    CHECK_INT(k.current, 1);
    CHECK_INT(k.longest, 9);
    CHECK(k.returning);
    CHECK_STR(streak_message(&k, msg, sizeof msg), "Welcome back. Every day is a fresh start.");
    log_free(&l);
}

/* The day a freeze covered is a rest day, named in the streak and marked on the calendar;
 * a day's practices come in the order they started. */
static void rest_days_are_marked_and_a_day_lists_its_practices(void)
{
    PracticeLog l = {0};
    int d0 = D("2026-02-02");
    add_days(&l, d0, 7);     /* earns one freeze */
    add_days(&l, d0 + 8, 3); /* d0+7 missed: covered */
    StreakInfo k = streak_compute(&l, d0 + 10, 4, 5);
    CHECK_INT(k.nrest, 1);
    CHECK_INT(k.rest_days[0], d0 + 7);
    Stats st;
    stats_compute(&l, d0 + 10, NULL, &st);
    int first = st.calendar[0].day;
    CHECK(st.calendar[d0 + 7 - first].rested);
    CHECK(!st.calendar[d0 + 6 - first].rested);
    CHECK(!st.calendar[d0 + 8 - first].rested);
    log_free(&l);

    /* Yesterday, missed while a freeze is held, is a rest day already. */
    add_days(&l, d0, 7);
    k = streak_compute(&l, d0 + 8, 4, 5);
    CHECK(k.freeze_covers_yesterday);
    CHECK_INT(k.nrest, 1);
    CHECK_INT(k.rest_days[0], d0 + 7);
    log_free(&l);

    char d[11];
    day_format(d0, d);
    add(&l, d, "21:00:00", 60);
    add(&l, d, "08:00:00", 60);
    add(&l, d, "02:00:00", 60); /* before the day start: the day before */
    const PracticeRecord *recs[4];
    CHECK_INT(stats_day_practices(&l, d0, 4, recs, 4), 2);
    CHECK_STR(recs[0]->time, "08:00:00");
    CHECK_STR(recs[1]->time, "21:00:00");
    CHECK_INT(stats_day_practices(&l, d0 - 1, 4, recs, 4), 1);
    CHECK_INT(stats_day_practices(&l, d0, 4, recs, 1), 2);
    log_free(&l);
}

static void two_missed_days_end_a_streak_but_keep_the_freezes(void)
{
    PracticeLog l = {0};
    int d0 = D("2026-02-02");
    add_days(&l, d0, 14);      /* two freezes */
    add_days(&l, d0 + 16, 1);  /* d0+14 and d0+15 missed */
    StreakInfo k = streak_compute(&l, d0 + 16, 4, 5);
    CHECK_INT(k.current, 1);
    CHECK_INT(k.longest, 14);
    CHECK_INT(k.freezes_held, 2);
    CHECK_INT(k.freezes_used, 0);
    char msg[160];
    CHECK_STR(streak_message(&k, msg, sizeof msg), "Welcome back. Every day is a fresh start.");
    no_blame_words(msg);
    log_free(&l);
}

static void a_gap_is_looked_at_before_that_days_freeze(void)
{
    /* Six days, a miss, then the 7th practised day: no freeze was held for the gap. */
    PracticeLog l = {0};
    int d0 = D("2026-04-06");
    add_days(&l, d0, 6);
    add_days(&l, d0 + 7, 1);
    StreakInfo k = streak_compute(&l, d0 + 7, 4, 5);
    CHECK_INT(k.current, 1);
    CHECK_INT(k.freezes_held, 1); /* earned on that 7th day, for later */
    CHECK_INT(k.freezes_used, 0);
    log_free(&l);
}

static void today_not_yet_practised_never_breaks_the_streak(void)
{
    PracticeLog l = {0};
    int d0 = D("2026-04-06");
    add_days(&l, d0, 3);
    StreakInfo k = streak_compute(&l, d0 + 3, 4, 5); /* the day after the 3rd */
    CHECK_INT(k.current, 3);
    CHECK(!k.practised_today);
    CHECK(!k.returning);
    char msg[160];
    CHECK_STR(streak_message(&k, msg, sizeof msg),
              "3 days in a row. Today is here whenever you are.");
    no_blame_words(msg);

    /* Yesterday missed, no freeze: no current streak, and a welcome back. */
    k = streak_compute(&l, d0 + 4, 4, 5);
    CHECK_INT(k.current, 0);
    CHECK_INT(k.longest, 3);
    CHECK(k.returning);
    CHECK_STR(streak_message(&k, msg, sizeof msg), "Welcome back. Every day is a fresh start.");
    log_free(&l);

    /* Yesterday missed with a freeze held: the freeze is set aside for it. */
    add_days(&l, d0, 8);
    k = streak_compute(&l, d0 + 9, 4, 5);
    CHECK_INT(k.current, 8);
    CHECK(k.freeze_covers_yesterday);
    CHECK_INT(k.freezes_held, 0);
    CHECK_STR(streak_message(&k, msg, sizeof msg),
              "A freeze is covering yesterday, so your streak is still here.");
    /* ...and practising today spends it exactly as promised. */
    add_days(&l, d0 + 9, 1);
    k = streak_compute(&l, d0 + 9, 4, 5);
    CHECK_INT(k.current, 9);
    CHECK_INT(k.current_bridged, 1);
    CHECK_INT(k.freezes_held, 0);
    CHECK(!k.freeze_covers_yesterday);
    log_free(&l);
}

static void messages_are_kind(void)
{
    PracticeLog l = {0};
    char msg[160];
    StreakInfo k = at(&l, "2026-11-23");
    CHECK_STR(streak_message(&k, msg, sizeof msg),
              "One minute is a good start, whenever you're ready.");
    add(&l, "2026-11-23", "09:00:00", 60);
    k = at(&l, "2026-11-23");
    CHECK_STR(streak_message(&k, msg, sizeof msg), "Day one. A gentle start.");
    add(&l, "2026-11-21", "09:00:00", 60);
    add(&l, "2026-11-22", "09:00:00", 60);
    k = at(&l, "2026-11-23");
    CHECK_STR(streak_message(&k, msg, sizeof msg), "3 days in a row. Keep it gentle.");
    k = at(&l, "2026-11-24");
    CHECK_STR(streak_message(&k, msg, sizeof msg),
              "3 days in a row. Today is here whenever you are.");
    for (int gap = 0; gap < 40; gap++) {
        k = streak_compute(&l, D("2026-11-23") + gap, 4, 5);
        no_blame_words(streak_message(&k, msg, sizeof msg));
    }
    log_free(&l);
}

static void the_weekly_goal_counts_monday_to_sunday(void)
{
    PracticeLog l = {0};
    add(&l, "2026-11-22", "10:00:00", 60); /* Sunday: last week */
    add(&l, "2026-11-23", "10:00:00", 60); /* Monday */
    add(&l, "2026-11-24", "10:00:00", 60);
    add(&l, "2026-11-24", "18:00:00", 60); /* same day twice */
    add(&l, "2026-11-25", "02:00:00", 60); /* Tuesday night */
    add(&l, "2026-11-25", "10:00:00", 60);
    StreakInfo k = streak_compute(&l, D("2026-11-25"), 4, 5);
    CHECK_INT(k.week_start, D("2026-11-23"));
    CHECK_INT(k.week_days, 3);
    CHECK_INT(k.week_goal, 5);
    CHECK(!k.week_goal_reached);
    k = streak_compute(&l, D("2026-11-25"), 4, 3);
    CHECK(k.week_goal_reached);
    /* Out-of-range settings fall back to the defaults. */
    k = streak_compute(&l, D("2026-11-25"), 99, 0);
    CHECK_INT(k.week_goal, 5);
    CHECK_INT(k.week_days, 3);
    /* Next Monday the week starts fresh. */
    k = streak_compute(&l, D("2026-11-30"), 4, 5);
    CHECK_INT(k.week_days, 0);
    log_free(&l);
}

static void couple_sessions_make_their_own_streak(void)
{
    PracticeLog l = {0};
    const char *dates[] = {"2026-09-01", "2026-09-02", "2026-09-03", "2026-09-05", "2026-09-06"};
    for (int i = 0; i < 5; i++) {
        PracticeRecord r = st_rec(dates[i], "21:00:00", 120, 600000, true);
        r.kind = PRACTICE_CARDS;
        snprintf(r.partner_a, sizeof r.partner_a, "Ana");
        snprintf(r.partner_b, sizeof r.partner_b, "Zoë");
        log_add(&l, &r);
    }
    add(&l, "2026-09-04", "10:00:00", 120); /* solo: keeps the solo streak only */
    StreakInfo k = at(&l, "2026-09-06");
    CHECK_INT(k.current, 6);
    CHECK_INT(k.couple_current, 2);
    CHECK_INT(k.couple_longest, 3);
    CHECK_INT(k.couple_days, 5);
    CHECK_INT(at(&l, "2026-09-07").couple_current, 2);
    CHECK_INT(at(&l, "2026-09-08").couple_current, 0);
    log_free(&l);
}

static void stats_total_chart_and_rate(void)
{
    PracticeLog l = {0};
    PracticeRecord r = st_rec("2026-11-23", "08:00:00", 60, 240000, true);
    r.before = 7;
    r.after = 4;
    log_add(&l, &r);
    r = st_rec("2026-11-23", "21:00:00", 60, 300000, false);
    r.kind = PRACTICE_GROUNDING;
    r.before = 5;
    r.after = 4;
    log_add(&l, &r);
    r = st_rec("2026-11-22", "10:00:00", 60, 20000, false); /* does not count, time does */
    r.before = 6;
    log_add(&l, &r);
    r = st_rec("2026-05-31", "10:00:00", 60, 900000, true); /* before the 26 weeks */
    r.kind = PRACTICE_CARDS;
    snprintf(r.partner_a, sizeof r.partner_a, "Ana");
    snprintf(r.partner_b, sizeof r.partner_b, "Ben");
    log_add(&l, &r);

    Settings set;
    settings_defaults(&set);
    Stats s;
    int today = D("2026-11-24"); /* a Tuesday */
    stats_compute(&l, today, &set, &s);
    CHECK_INT(s.by_kind[PRACTICE_BREATHING].sessions, 1);
    CHECK_INT(s.by_kind[PRACTICE_BREATHING].minutes, 4); /* 4 min + 20 s */
    CHECK_INT(s.by_kind[PRACTICE_GROUNDING].sessions, 1);
    CHECK_INT(s.by_kind[PRACTICE_GROUNDING].minutes, 5);
    CHECK_INT(s.by_kind[PRACTICE_CARDS].minutes, 15);
    CHECK_INT(s.total.sessions, 3);
    CHECK_INT(s.total.completed, 2);
    CHECK_INT(s.total.minutes, 24);
    CHECK_INT(s.couple_sessions, 1);
    /* The calendar: 26 Monday-first weeks ending with this one. */
    CHECK_INT(day_weekday(s.calendar[0].day), 0);
    CHECK_INT(s.calendar[STATS_DAYS - 1].day, D("2026-11-29"));
    CHECK_INT(s.calendar[0].day, D("2026-06-01"));
    int i23 = D("2026-11-23") - s.calendar[0].day;
    CHECK_INT(s.calendar[i23].minutes, 9);
    CHECK_INT(s.calendar[i23].sessions, 2);
    CHECK(s.calendar[i23].practised);
    CHECK(!s.calendar[i23 - 1].practised);
    CHECK(!s.calendar[i23 + 1].future);
    CHECK(s.calendar[i23 + 2].future);
    /* Check-ins: average change over records with both ratings. */
    CHECK_INT(s.rated, 2);
    CHECK_NEAR(s.avg_before, 6.0, 1e-9);
    CHECK_NEAR(s.avg_after, 4.0, 1e-9);
    CHECK_NEAR(s.avg_change, -2.0, 1e-9);
    CHECK_INT(s.points_total, 3);
    CHECK_INT(s.npoints, 3);
    CHECK_STR(s.points[0].date, "2026-11-22"); /* oldest first */
    CHECK_INT(s.points[0].after, -1);
    CHECK_STR(s.points[2].time, "21:00:00");

    char *text = stats_format_text(&s);
    CHECK_CONTAINS(text, "Your practice, as of Tuesday 24 November 2026");
    CHECK_CONTAINS(text, "  Streak          1 day (longest: 1)");
    CHECK_CONTAINS(text, "  This week       1 of 5 days");
    CHECK_CONTAINS(text, "  Breathing              1         4");
    CHECK_CONTAINS(text, "  All                    3        24");
    CHECK_CONTAINS(text, "6.0 before, 4.0 after: 2.0 calmer on average");
    CHECK_CONTAINS(text, "Today is here whenever you are.");
    no_blame_words(text);
    if (getenv("ATTUNE_SHOW")) fputs(text, stdout);
    free(text);

    cJSON *j = stats_to_json(&s);
    char *js = cJSON_PrintUnformatted(j);
    CHECK_CONTAINS(js, "\"today\":\"2026-11-24\"");
    CHECK_CONTAINS(js, "\"streak\":{\"current\":1,\"longest\":1,\"freezes_held\":0");
    CHECK_CONTAINS(js, "\"week\":{\"start\":\"2026-11-23\",\"goal\":5,\"days\":1,\"reached\":false}");
    CHECK_CONTAINS(js, "\"breathing\":{\"sessions\":1,\"completed\":1,\"minutes\":4}");
    CHECK_CONTAINS(js, "\"average_change\":-2");
    CHECK_CONTAINS(js, "\"calendar\":{\"start\":\"2026-06-01\",\"minutes\":[");
    CHECK_CONTAINS(js, "{\"date\":\"2026-11-22\",\"time\":\"10:00:00\",\"kind\":\"breathing\","
                       "\"before\":6,\"after\":null}");
    const cJSON *mins = cJSON_GetObjectItem(cJSON_GetObjectItem(j, "calendar"), "minutes");
    CHECK_INT(cJSON_GetArraySize(mins), i23 + 2); /* through today */
    CHECK_INT(cJSON_GetArrayItem(mins, i23)->valueint, 9);
    if (getenv("ATTUNE_SHOW")) puts(js);
    cJSON_free(js);
    cJSON_Delete(j);

    /* No valid "today" (the clock could not be read): empty, and nothing breaks. */
    stats_compute(&l, DAY_NONE, &set, &s);
    CHECK_INT(s.streak.current, 0);
    CHECK_INT(s.total.sessions, 0);
    text = stats_format_text(&s);
    CHECK(text != NULL);
    free(text);

    /* An empty history formats kindly too. */
    PracticeLog empty = {0};
    stats_compute(&empty, today, NULL, &s);
    text = stats_format_text(&s);
    CHECK_CONTAINS(text, "ready for a first day");
    CHECK_CONTAINS(text, "One minute is a good start");
    free(text);
    log_free(&l);
}

static void the_week_is_said_in_plain_words_never_six_of_five(void)
{
    StreakInfo k = {0};
    char buf[96];
    k.week_goal = 5;
    k.week_days = 3;
    stats_week_words(&k, buf, sizeof buf);
    CHECK_STR(buf, "3 of 5 days");
    k.week_days = 5;
    k.week_goal_reached = true;
    stats_week_words(&k, buf, sizeof buf);
    CHECK_STR(buf, "5 days this week, goal reached");
    k.week_days = 6;
    stats_week_words(&k, buf, sizeof buf);
    CHECK_STR(buf, "6 days this week, goal reached");
    k.week_goal = 1;
    k.week_days = 1;
    stats_week_words(&k, buf, sizeof buf);
    CHECK_STR(buf, "1 day this week, goal reached");
}

int main(void)
{
    RUN(the_week_is_said_in_plain_words_never_six_of_five);
    RUN(dates_are_strict_and_calendar_exact);
    RUN(a_practice_counts_after_a_minute_or_when_completed);
    RUN(the_day_starts_at_the_day_start_hour);
    RUN(midnight_is_a_boundary_only_when_the_day_starts_there);
    RUN(daylight_saving_changes_do_not_move_days);
    RUN(travelling_across_time_zones_keeps_the_streak);
    RUN(a_day_skipped_flying_east_neither_breaks_nor_pads_the_streak);
    RUN(a_day_lived_twice_flying_west_counts_once);
    RUN(a_clock_set_back_or_forward_in_one_zone_changes_nothing);
    RUN(minutes_do_not_overflow_in_long_histories);
    RUN(records_appended_out_of_order_still_count);
    RUN(leap_days_and_year_ends_are_consecutive);
    RUN(freezes_are_earned_every_seven_days_and_capped_at_two);
    RUN(a_freeze_bridges_one_missed_day);
    RUN(two_missed_days_end_a_streak_but_keep_the_freezes);
    RUN(a_gap_is_looked_at_before_that_days_freeze);
    RUN(today_not_yet_practised_never_breaks_the_streak);
    RUN(messages_are_kind);
    RUN(the_weekly_goal_counts_monday_to_sunday);
    RUN(couple_sessions_make_their_own_streak);
    RUN(stats_total_chart_and_rate);
    RUN(rest_days_are_marked_and_a_day_lists_its_practices);
    return check_report();
}
