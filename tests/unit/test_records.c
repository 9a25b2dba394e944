/* Records about a practice: the after rating and checkpoints are lines of their own kinds,
 * each with its own id, joined to their practice on load. What a user would notice: a finished
 * practice is in the history before the after check-in is answered, a practice Attune was
 * stopped in keeps most of its time, and an answer given later still shows with its practice. */
#include <sys/stat.h>
#include <unistd.h>

#include "attune/store.h"
#include "check.h"
#include "storetest.h"

static char root[4096];

static PracticeRecord practice(void)
{
    PracticeRecord r = st_rec("2026-11-23", "18:45:01", 60, 183500, true);
    r.before = 7;
    return r;
}

static void load(const char *dir, PracticeLog *log, LogReport *rep)
{
    AtDiag d = {0};
    CHECK(log_load(dir, log, rep, &d));
    for (int i = 0; i < d.count; i++) fprintf(stderr, "  load: %s\n", d.msg[i]);
    CHECK_INT(d.count, 0);
    diag_free(&d);
}

static void a_practice_is_saved_before_its_after_rating_and_joined_with_it(void)
{
    char dir[4096], path[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/rating", root);
    PracticeRecord p = practice();
    CHECK(log_append(dir, &p, err, sizeof err));
    PracticeLog log = {0};
    LogReport rep;
    load(dir, &log, &rep);
    CHECK_INT(log.count, 1);
    CHECK_INT(log.rec[0].before, 7);
    CHECK_INT(log.rec[0].after, PRACTICE_NO_RATING);
    log_free(&log);

    PracticeRecord r;
    practice_rating(&r, &p, 3, 1795000000);
    CHECK(strcmp(r.id, p.id) != 0);
    CHECK_STR(r.practice, p.id);
    CHECK(log_append(dir, &r, err, sizeof err));
    load(dir, &log, &rep);
    CHECK_INT(log.count, 1); /* one practice, with its rating */
    CHECK_INT(rep.lines, 2);
    CHECK_INT(rep.ratings, 1);
    CHECK_INT(rep.unreadable, 0);
    CHECK_STR(log.rec[0].id, p.id);
    CHECK_INT(log.rec[0].before, 7);
    CHECK_INT(log.rec[0].after, 3);
    CHECK(log.rec[0].completed);
    log_free(&log);

    /* The rating's line: its own id and kind, the practice it rates, when it was given. */
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    char *text = st_read(path, NULL);
    char *second = strchr(text, '\n') + 1;
    char want[256];
    ST_FMT(want, sizeof want, "\"kind\":\"rating\",\"practice\":\"%s\",\"after\":3}\n", p.id);
    CHECK_CONTAINS(second, want);
    CHECK(strncmp(second, "{\"id\":\"", 7) == 0);
    CHECK(!strstr(second, "duration_ms"));
    free(text);
}

static void a_rating_whose_practice_is_not_here_is_kept_quietly(void)
{
    char dir[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/orphan", root);
    PracticeRecord p = practice(), r;
    practice_rating(&r, &p, 2, 1795000000);
    CHECK(log_append(dir, &r, err, sizeof err));
    PracticeLog log = {0};
    LogReport rep;
    load(dir, &log, &rep);
    CHECK_INT(log.count, 0);
    CHECK_INT(rep.unreadable, 0);
    /* ...and joins once its practice arrives (an import, say), whatever the order. */
    CHECK(log_append(dir, &p, err, sizeof err));
    log_free(&log);
    load(dir, &log, &rep);
    CHECK_INT(log.count, 1);
    CHECK_INT(log.rec[0].after, 2);
    log_free(&log);
}

static void a_practice_stopped_midway_is_kept_from_its_last_checkpoint(void)
{
    char dir[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/checkpoint", root);
    PracticeRecord p = practice(), c1, c2;
    p.completed = false;
    p.duration_ms = 60000;
    p.count = 6;
    practice_checkpoint(&c1, &p);
    p.duration_ms = 455000;
    p.count = 45;
    practice_checkpoint(&c2, &p);
    CHECK(log_append(dir, &c1, err, sizeof err));
    CHECK(log_append(dir, &c2, err, sizeof err));
    PracticeLog log = {0};
    LogReport rep;
    load(dir, &log, &rep);
    CHECK_INT(log.count, 1);
    CHECK_INT(rep.from_checkpoints, 1);
    CHECK_STR(log.rec[0].id, p.id);
    CHECK_INT(log.rec[0].type, RECORD_PRACTICE);
    CHECK_INT(log.rec[0].kind, PRACTICE_BREATHING);
    CHECK_STR(log.rec[0].content, "box");
    CHECK_STR(log.rec[0].date, "2026-11-23");
    CHECK_INT(log.rec[0].duration_ms, 455000);
    CHECK_INT(log.rec[0].count, 45);
    CHECK(!log.rec[0].completed);
    CHECK_INT(log.rec[0].before, 7);
    log_free(&log);

    /* When the practice ends after all, its own record is the one that counts. */
    p.duration_ms = 600000;
    p.count = 60;
    p.completed = true;
    CHECK(log_append(dir, &p, err, sizeof err));
    load(dir, &log, &rep);
    CHECK_INT(log.count, 1);
    CHECK_INT(rep.from_checkpoints, 0);
    CHECK_INT(log.rec[0].duration_ms, 600000);
    CHECK(log.rec[0].completed);
    log_free(&log);
}

static void records_of_a_kind_this_version_does_not_know_are_kept_and_counted(void)
{
    /* What an older Attune does with a rating or checkpoint, this one does with a newer kind. */
    char dir[4096], path[4096];
    ST_FMT(dir, sizeof dir, "%s/newer", root);
    mkdir(dir, 0700);
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    const char *text =
        "{\"id\":\"a1\",\"date\":\"2026-11-23\",\"time\":\"08:00:00\",\"utc_offset_min\":60,"
        "\"kind\":\"breathing\",\"duration_ms\":60000,\"completed\":true}\n"
        "{\"id\":\"a2\",\"date\":\"2026-11-23\",\"time\":\"09:00:00\",\"utc_offset_min\":60,"
        "\"kind\":\"journal\",\"text\":\"a note\"}\n";
    st_write(path, text, strlen(text), "wb");
    PracticeLog log = {0};
    LogReport rep;
    AtDiag d = {0};
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK_INT(log.count, 1);
    CHECK_INT(rep.unreadable, 1);
    CHECK(d.count >= 1 && strstr(d.msg[0], "line 2: kind: expected one of"));
    char *after = st_read(path, NULL);
    CHECK_STR(after, text);
    free(after);
    log_free(&log);
    diag_free(&d);
}

static void a_rating_needs_its_practice_and_an_answer(void)
{
    char dir[4096], path[4096];
    ST_FMT(dir, sizeof dir, "%s/badrating", root);
    mkdir(dir, 0700);
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    const char *text =
        "{\"id\":\"r1\",\"date\":\"2026-11-23\",\"time\":\"08:00:00\",\"utc_offset_min\":60,"
        "\"kind\":\"rating\",\"after\":3}\n"
        "{\"id\":\"r2\",\"date\":\"2026-11-23\",\"time\":\"08:00:00\",\"utc_offset_min\":60,"
        "\"kind\":\"rating\",\"practice\":\"p1\",\"after\":11}\n"
        "{\"id\":\"r3\",\"date\":\"2026-11-23\",\"time\":\"08:00:00\",\"utc_offset_min\":60,"
        "\"kind\":\"checkpoint\",\"practice\":\"p1\",\"duration_ms\":1,\"completed\":false}\n";
    st_write(path, text, strlen(text), "wb");
    PracticeLog log = {0};
    LogReport rep;
    AtDiag d = {0};
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK_INT(rep.unreadable, 3);
    CHECK(d.count >= 3 && strstr(d.msg[0], "line 1: practice: missing"));
    CHECK(d.count >= 3 && strstr(d.msg[1], "line 2: after: 11 is out of range"));
    CHECK(d.count >= 3 && strstr(d.msg[2], "line 3: practice_kind: missing"));
    log_free(&log);
    diag_free(&d);
}

int main(void)
{
    st_tmpdir(root, sizeof root, "records");
    RUN(a_practice_is_saved_before_its_after_rating_and_joined_with_it);
    RUN(a_rating_whose_practice_is_not_here_is_kept_quietly);
    RUN(a_practice_stopped_midway_is_kept_from_its_last_checkpoint);
    RUN(records_of_a_kind_this_version_does_not_know_are_kept_and_counted);
    RUN(a_rating_needs_its_practice_and_an_answer);
    int rc = check_report();
    if (rc == 0) st_rmrf(root);
    return rc;
}
