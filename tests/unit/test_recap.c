/* The weekly recap on Progress: what a person practised this week, how their check-ins
 * moved (in words, never a score), and something they wrote that week. What they would notice:
 * the week turns at the day start on Monday (4:00), not at midnight, and the words are kind. */
#include "attune/day.h"
#include "attune/recap.h"
#include "check.h"
#include "storetest.h"

/* 2026-11-23 is a Monday. */
#define MONDAY "2026-11-23"

static PracticeRecord rec(PracticeKind kind, const char *date, const char *time,
                          uint32_t duration_ms, bool completed)
{
    PracticeRecord r = st_rec(date, time, 60, duration_ms, completed);
    r.kind = kind;
    return r;
}

static void add(PracticeLog *log, PracticeRecord r) { CHECK(log_add(log, &r)); }

static void the_week_turns_at_four_on_monday_morning(void)
{
    PracticeLog log = {0};
    add(&log, rec(PRACTICE_BREATHING, MONDAY, "03:59:59", 120000, true));   /* last week */
    add(&log, rec(PRACTICE_BREATHING, MONDAY, "04:00:00", 180000, true));   /* this week */
    add(&log, rec(PRACTICE_GROUNDING, "2026-11-29", "23:59:00", 60000, false)); /* Sunday */
    add(&log, rec(PRACTICE_CARDS, "2026-11-30", "03:59:00", 240000, true)); /* still Sunday */
    add(&log, rec(PRACTICE_CARDS, "2026-11-30", "04:00:00", 300000, true)); /* next week */
    int monday = day_parse(MONDAY);
    WeekRecap r;
    for (int d = monday; d < monday + 7; d++) {
        recap_week(&log, d, 4, &r);
        CHECK_INT(r.start, monday);
        CHECK_INT(r.total_sessions, 3);
        CHECK_INT(r.sessions[PRACTICE_BREATHING], 1);
        CHECK_INT(r.sessions[PRACTICE_GROUNDING], 1);
        CHECK_INT(r.sessions[PRACTICE_CARDS], 1);
        CHECK_INT(r.minutes[PRACTICE_BREATHING], 3);
        CHECK_INT(r.minutes[PRACTICE_CARDS], 4);
        CHECK_INT(r.total_minutes, 8);
        CHECK_INT(r.days, 2); /* Monday and Sunday */
    }
    /* The week before holds the Monday 3:59 practice; the week after the Monday 4:00 one. */
    recap_week(&log, monday - 1, 4, &r);
    CHECK_INT(r.start, monday - 7);
    CHECK_INT(r.total_sessions, 1);
    CHECK_INT(r.minutes[PRACTICE_BREATHING], 2);
    recap_week(&log, monday + 7, 4, &r);
    CHECK_INT(r.total_sessions, 1);
    CHECK_INT(r.sessions[PRACTICE_CARDS], 1);
    /* With the day starting at midnight, Monday 3:59 is this week. */
    recap_week(&log, monday, 0, &r);
    CHECK_INT(r.sessions[PRACTICE_BREATHING], 2);
    CHECK_INT(r.sessions[PRACTICE_CARDS], 0);
    log_free(&log);
}

static void what_was_practised_in_words(void)
{
    PracticeLog log = {0};
    char buf[300];
    int monday = day_parse(MONDAY);
    WeekRecap r;
    recap_week(&log, monday, 4, &r);
    CHECK_STR(recap_practice_words(&r, buf, sizeof buf),
              "Nothing yet this week. A minute is enough to begin.");
    CHECK_STR(recap_checkin_words(&r, buf, sizeof buf), "");

    add(&log, rec(PRACTICE_BREATHING, "2026-11-24", "08:00:00", 90000, true));
    recap_week(&log, monday, 4, &r);
    CHECK_STR(recap_practice_words(&r, buf, sizeof buf),
              "You practised on 1 day: 1 breathing break, 2 minutes in all.");

    add(&log, rec(PRACTICE_BREATHING, "2026-11-25", "08:00:00", 60000, true));
    add(&log, rec(PRACTICE_CARDS, "2026-11-25", "09:00:00", 300000, true));
    add(&log, rec(PRACTICE_GROUNDING, "2026-11-26", "09:00:00", 240000, true));
    /* Left in the first seconds: its time counts, not as a practice. */
    add(&log, rec(PRACTICE_GROUNDING, "2026-11-27", "09:00:00", 20000, false));
    recap_week(&log, monday, 4, &r);
    CHECK_STR(recap_practice_words(&r, buf, sizeof buf),
              "You practised on 3 days: 2 breathing breaks, 1 grounding exercise and 1 round of "
              "cards, 12 minutes in all.");
    CHECK_INT(r.days, 3);
    log_free(&log);

    /* A short practice that was finished: under a minute. */
    add(&log, rec(PRACTICE_GROUNDING, "2026-11-27", "09:00:00", 20000, true));
    recap_week(&log, monday, 4, &r);
    CHECK_STR(recap_practice_words(&r, buf, sizeof buf),
              "You practised on 1 day: 1 grounding exercise, under a minute in all.");
    log_free(&log);
}

static PracticeRecord rated(const char *date, int before, int after)
{
    PracticeRecord r = rec(PRACTICE_BREATHING, date, "12:00:00", 120000, true);
    r.before = before;
    r.after = after;
    return r;
}

static void check_ins_move_in_gentle_words(void)
{
    int monday = day_parse(MONDAY);
    char buf[300];
    WeekRecap r;
    PracticeLog log = {0};
    add(&log, rated("2026-11-24", 7, 4));
    add(&log, rated("2026-11-25", 6, 5));
    add(&log, rated("2026-11-26", 5, PRACTICE_NO_RATING)); /* no after: not in the averages */
    add(&log, rated("2026-11-16", 2, 9));                  /* last week */
    recap_week(&log, monday, 4, &r);
    CHECK_INT(r.rated, 2);
    CHECK_NEAR(r.avg_before, 6.5, 1e-9);
    CHECK_NEAR(r.avg_after, 4.5, 1e-9);
    recap_checkin_words(&r, buf, sizeof buf);
    CHECK_STR(buf, "After practice you felt calmer than before, on average.");
    /* No number, no score. */
    for (const char *p = buf; *p; p++) CHECK(*p < '0' || *p > '9');
    log_free(&log);

    add(&log, rated("2026-11-24", 6, 5));
    recap_week(&log, monday, 4, &r);
    CHECK_STR(recap_checkin_words(&r, buf, sizeof buf),
              "After practice you felt a little calmer than before, on average.");
    log_free(&log);

    add(&log, rated("2026-11-24", 5, 5));
    add(&log, rated("2026-11-25", 4, 4));
    recap_week(&log, monday, 4, &r);
    CHECK_CONTAINS(recap_checkin_words(&r, buf, sizeof buf), "about the same");
    log_free(&log);

    add(&log, rated("2026-11-24", 3, 6));
    recap_week(&log, monday, 4, &r);
    CHECK_CONTAINS(recap_checkin_words(&r, buf, sizeof buf), "stirred things up");
    CHECK(!strstr(buf, "worse"));
    log_free(&log);
}

static void one_note_of_the_week_is_the_reflection(void)
{
    int monday = day_parse(MONDAY);
    /* As the app offers them: newest first. */
    const char *dates[5] = {"2026-11-30", "2026-11-26", "2026-11-25", "2026-11-24", "2026-11-22"};
    const char *texts[5] = {"next week's note", "my shoulders, tight", "", "the kettle",
                            "last week's note"};
    WeekRecap r;
    recap_week(NULL, monday + 3, 4, &r);
    CHECK_INT(r.total_sessions, 0);
    CHECK_STR(r.note, "");
    CHECK(!recap_note(&r, dates[0], texts[0])); /* next week */
    CHECK(recap_note(&r, dates[1], texts[1]));
    CHECK(!recap_note(&r, dates[3], texts[3])); /* one is enough */
    CHECK_STR(r.note, "my shoulders, tight");
    CHECK_STR(r.note_date, "2026-11-26");

    recap_week(NULL, monday, 4, &r);
    CHECK(!recap_note(&r, dates[2], texts[2])); /* nothing written: passed over */
    CHECK(recap_note(&r, dates[3], texts[3]));
    CHECK_STR(r.note, "the kettle");

    recap_week(NULL, monday, 4, &r);
    CHECK(!recap_note(&r, dates[4], texts[4])); /* last week */
    CHECK(!recap_note(&r, "yesterday", "not a date"));
    CHECK_STR(r.note, "");

    /* A long note is cut on a character boundary. */
    char longer[RECAP_NOTE_MAX + 10];
    memset(longer, 'a', RECAP_NOTE_MAX - 1);
    memcpy(longer + RECAP_NOTE_MAX - 1, "\u00e9\u00e9", 4);
    longer[RECAP_NOTE_MAX + 3] = 0;
    recap_week(NULL, monday, 4, &r);
    CHECK(recap_note(&r, MONDAY, longer));
    CHECK_INT(strlen(r.note), RECAP_NOTE_MAX - 1);
}

int main(void)
{
    the_week_turns_at_four_on_monday_morning();
    what_was_practised_in_words();
    check_ins_move_in_gentle_words();
    one_note_of_the_week_is_the_reflection();
    return check_report();
}
