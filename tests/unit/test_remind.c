/* Reminder rules: the plan's command-line forms parse and print back the same, quiet hours wrap
 * past midnight, a reminder stays silent once the person has practised since the previous
 * reminder time (or since the day began), the unit files carry the plan, and the words are kind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/day.h"
#include "attune/remind.h"
#include "check.h"

static char err[300];

static void times_parse_sort_and_merge(void)
{
    RemindPlan p;
    remind_defaults(&p);
    CHECK(remind_parse_times("15:30, 9,09:00,7:05", &p, err, sizeof err));
    CHECK_INT(p.ntimes, 3);
    CHECK_INT(p.times[0], 7 * 60 + 5);
    CHECK_INT(p.times[1], 9 * 60);
    CHECK_INT(p.times[2], 15 * 60 + 30);
    char buf[100];
    CHECK_STR(remind_format_times(&p, buf, sizeof buf), "07:05,09:00,15:30");
    RemindPlan before = p;
    CHECK(!remind_parse_times("25:00", &p, err, sizeof err));
    CHECK_CONTAINS(err, "\"25:00\" is not a time of day");
    CHECK(!remind_parse_times("9:5", &p, err, sizeof err));
    CHECK(!remind_parse_times("", &p, err, sizeof err));
    CHECK(!remind_parse_times("1,2,3,4,5,6,7,8,9", &p, err, sizeof err));
    CHECK_CONTAINS(err, "at most 8");
    CHECK(memcmp(&before, &p, sizeof p) == 0); /* a refused value changes nothing */
}

static void days_parse_ranges_lists_and_words(void)
{
    RemindPlan p;
    remind_defaults(&p);
    char buf[100];
    CHECK(remind_parse_days("mon-fri", &p, err, sizeof err));
    CHECK_INT(p.days, 0x1F);
    CHECK_STR(remind_format_days(&p, buf, sizeof buf), "mon-fri");
    CHECK(remind_parse_days("Sat,SUNDAY", &p, err, sizeof err));
    CHECK_INT(p.days, 0x60);
    CHECK_STR(remind_format_days(&p, buf, sizeof buf), "sat,sun");
    CHECK(remind_parse_days("fri-mon", &p, err, sizeof err)); /* wraps over the weekend */
    CHECK_INT(p.days, 0x71);
    CHECK_STR(remind_format_days(&p, buf, sizeof buf), "mon,fri-sun");
    CHECK(remind_parse_days(buf, &p, err, sizeof err));
    CHECK_INT(p.days, 0x71);
    CHECK(remind_parse_days("daily", &p, err, sizeof err));
    CHECK_STR(remind_format_days(&p, buf, sizeof buf), "daily");
    CHECK(remind_parse_days("mon,wed,fri", &p, err, sizeof err));
    CHECK_STR(remind_format_days(&p, buf, sizeof buf), "mon,wed,fri");
    CHECK(!remind_parse_days("someday", &p, err, sizeof err));
    CHECK_CONTAINS(err, "\"someday\"");
}

static void quiet_hours_wrap_past_midnight(void)
{
    RemindPlan p;
    remind_defaults(&p);
    CHECK(remind_parse_quiet("21:00-08:00", &p, err, sizeof err));
    CHECK(remind_is_quiet(&p, 21 * 60));
    CHECK(remind_is_quiet(&p, 23 * 60 + 59));
    CHECK(remind_is_quiet(&p, 0));
    CHECK(remind_is_quiet(&p, 7 * 60 + 59));
    CHECK(!remind_is_quiet(&p, 8 * 60));
    CHECK(!remind_is_quiet(&p, 20 * 60 + 59));
    CHECK(remind_parse_quiet("12:00-13:30", &p, err, sizeof err));
    CHECK(remind_is_quiet(&p, 12 * 60 + 15));
    CHECK(!remind_is_quiet(&p, 13 * 60 + 30));
    char buf[32];
    CHECK_STR(remind_format_quiet(&p, buf, sizeof buf), "12:00-13:30");
    CHECK(remind_parse_quiet("none", &p, err, sizeof err));
    CHECK(!remind_is_quiet(&p, 3 * 60));
    CHECK_STR(remind_format_quiet(&p, buf, sizeof buf), "none");
    CHECK(!remind_parse_quiet("late", &p, err, sizeof err));
    CHECK(!remind_parse_quiet("21:00-", &p, err, sizeof err));
}

static void the_plan_reads_as_a_sentence(void)
{
    RemindPlan p;
    remind_defaults(&p);
    char buf[200];
    CHECK_STR(remind_describe(&p, buf, sizeof buf),
              "Every day at 10:00 and 15:00, quiet from 21:00 to 08:00");
    CHECK(remind_parse_days("mon,wed,fri", &p, err, sizeof err));
    CHECK(remind_parse_times("9:00,12:00,17:30", &p, err, sizeof err));
    CHECK(remind_parse_quiet("none", &p, err, sizeof err));
    CHECK_STR(remind_describe(&p, buf, sizeof buf),
              "Monday, Wednesday and Friday at 09:00, 12:00 and 17:30");
}

static PracticeRecord rec(const char *date, const char *time)
{
    PracticeRecord r;
    memset(&r, 0, sizeof r);
    snprintf(r.date, sizeof r.date, "%s", date);
    snprintf(r.time, sizeof r.time, "%s", time);
    r.duration_ms = 20000; /* short and unfinished still counts as coming back */
    return r;
}

static void silent_once_practised_since_the_previous_reminder(void)
{
    RemindPlan p;
    remind_defaults(&p);
    CHECK(remind_parse_times("09:00,15:00,19:00", &p, err, sizeof err));
    int wed = day_parse("2026-03-11"); /* a Wednesday */
    RemindNow at9 = {wed, 9 * 60, 4}, at15 = {wed, 15 * 60, 4}, at19 = {wed, 19 * 60, 4};
    PracticeLog log = {0};
    CHECK_INT(remind_decide(&p, &log, at9, NULL, NULL), REMIND_SHOW);

    /* Last night's practice belongs to yesterday: the first reminder still shows. */
    PracticeRecord r = rec("2026-03-11", "01:30:00");
    log_add(&log, &r);
    int sd, sm;
    CHECK_INT(remind_decide(&p, &log, at9, &sd, &sm), REMIND_SHOW);
    CHECK_INT(sd, wed);
    CHECK_INT(sm, 4 * 60); /* since the practice day began */

    /* A practice at 8:10 counts for the first reminder of the day (since the day began)... */
    r = rec("2026-03-11", "08:10:00");
    log_add(&log, &r);
    CHECK_INT(remind_decide(&p, &log, at9, NULL, NULL), REMIND_SILENT_PRACTISED);
    /* ...and for the 15:00 one too: nothing since 09:00 is needed when the window is the
     * time since the previous reminder, 9:00, and 8:10 is before it. */
    CHECK_INT(remind_decide(&p, &log, at15, &sd, &sm), REMIND_SHOW);
    CHECK_INT(sm, 9 * 60);
    r = rec("2026-03-11", "09:05:00");
    log_add(&log, &r);
    CHECK_INT(remind_decide(&p, &log, at15, NULL, NULL), REMIND_SILENT_PRACTISED);
    CHECK_INT(remind_decide(&p, &log, at19, &sd, &sm), REMIND_SHOW); /* since 15:00: none */
    CHECK_INT(sm, 15 * 60);
    /* A practice recorded after now (a clock set back) does not count. */
    r = rec("2026-03-11", "20:00:00");
    log_add(&log, &r);
    CHECK_INT(remind_decide(&p, &log, at19, NULL, NULL), REMIND_SHOW);
    log_free(&log);
}

static void silent_in_quiet_hours_and_on_other_days(void)
{
    RemindPlan p;
    remind_defaults(&p);
    CHECK(remind_parse_days("mon-fri", &p, err, sizeof err));
    int wed = day_parse("2026-03-11"), sat = day_parse("2026-03-14");
    CHECK_INT(remind_decide(&p, NULL, (RemindNow){wed, 20 * 60 + 59, 4}, NULL, NULL), REMIND_SHOW);
    CHECK_INT(remind_decide(&p, NULL, (RemindNow){wed, 21 * 60, 4}, NULL, NULL), REMIND_SILENT_QUIET);
    CHECK_INT(remind_decide(&p, NULL, (RemindNow){wed, 6 * 60, 4}, NULL, NULL), REMIND_SILENT_QUIET);
    CHECK_INT(remind_decide(&p, NULL, (RemindNow){sat, 10 * 60, 4}, NULL, NULL), REMIND_SILENT_DAY);
}

static void unit_files_carry_the_plan(void)
{
    RemindPlan p;
    remind_defaults(&p);
    CHECK(remind_parse_times("09:00,15:30", &p, err, sizeof err));
    CHECK(remind_parse_days("mon-fri", &p, err, sizeof err));
    CHECK(remind_parse_quiet("22:00-07:00", &p, err, sizeof err));
    char timer[2000], service[4000];
    CHECK(remind_timer_text(&p, timer, sizeof timer));
    CHECK_CONTAINS(timer, "OnCalendar=Mon..Fri *-*-* 09:00:00\n");
    CHECK_CONTAINS(timer, "OnCalendar=Mon..Fri *-*-* 15:30:00\n");
    CHECK_CONTAINS(timer, "Persistent=false");
    CHECK_CONTAINS(timer, "WantedBy=timers.target");
    CHECK(remind_service_text(&p, "/opt/my apps/attune", "/home/a/50% \"data\"", service,
                              sizeof service));
    CHECK_CONTAINS(service, "Type=oneshot");
    CHECK_CONTAINS(service, "ExecStart=\"/opt/my apps/attune\" remind --at 09:00,15:30 --days mon-fri "
                            "--quiet 22:00-07:00 --data-dir \"/home/a/50%% \\\"data\\\"\"\n");
    RemindPlan back;
    char dir[300];
    CHECK(remind_service_parse(service, &back, dir, sizeof dir));
    CHECK_STR(dir, "/home/a/50% \"data\"");
    CHECK(memcmp(&back, &p, sizeof p) == 0);
    /* Every day, no data folder: no day list, no --data-dir. */
    remind_defaults(&p);
    CHECK(remind_timer_text(&p, timer, sizeof timer));
    CHECK_CONTAINS(timer, "OnCalendar=*-*-* 10:00:00\n");
    CHECK(remind_service_text(&p, "/usr/bin/attune", NULL, service, sizeof service));
    CHECK(!strstr(service, "--data-dir"));
    CHECK(remind_service_parse(service, &back, dir, sizeof dir));
    CHECK_STR(dir, "");
    CHECK(!remind_service_parse("[Service]\nExecStart=/bin/true\n", &back, dir, sizeof dir));
    /* Too small a buffer is refused, not cut. */
    CHECK(!remind_timer_text(&p, timer, 40));
}

static void the_words_are_kind(void)
{
    CHECK_STR(remind_summary(), "A minute to breathe?");
    CHECK_STR(remind_action_label(), "Breathe now");
    for (int i = -3; i < 10; i++) {
        const char *b = remind_body(i);
        CHECK(b && *b);
        CHECK(!strstr(b, "streak") && !strstr(b, "lose") && !strstr(b, "don't") && !strstr(b, "!"));
    }
}

int main(void)
{
    RUN(times_parse_sort_and_merge);
    RUN(days_parse_ranges_lists_and_words);
    RUN(quiet_hours_wrap_past_midnight);
    RUN(the_plan_reads_as_a_sentence);
    RUN(silent_once_practised_since_the_previous_reminder);
    RUN(silent_in_quiet_hours_and_on_other_days);
    RUN(unit_files_carry_the_plan);
    RUN(the_words_are_kind);
    return check_report();
}
