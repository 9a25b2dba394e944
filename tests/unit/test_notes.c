/* Grounding notes kept in notes.jsonl: appended whole, private, dated by local time, and safe
 * from a torn last line, as the practice log is. */
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "attune/clock.h"
#include "attune/notes.h"
#include "check.h"
#include "storetest.h"

static time_t at(const char *local)
{
    time_t t = 0;
    CHECK(clock_parse_local(local, &t));
    return t;
}

static void notes_are_appended_dated_and_read_back(void)
{
    char dir[600], sub[700], err[600] = "";
    st_tmpdir(dir, sizeof dir, "notes");
    ST_FMT(sub, sizeof sub, "%s/new/folder", dir);
    const int steps[2] = {2, 5};
    const char *texts[2] = {"the kettle \"ticking\"", "warm hands,\nslow breath"};
    CHECK(notes_append(sub, "five-senses", steps, texts, 2, at("2026-03-08T23:59"), err, sizeof err));
    const int one[1] = {1};
    const char *again[1] = {"the window"};
    CHECK(notes_append(sub, "stop", one, again, 1, at("2026-03-09T00:01"), err, sizeof err));
    NoteList l;
    CHECK(notes_load(sub, &l, NULL));
    CHECK_INT(l.count, 3);
    CHECK_INT(l.unreadable, 0);
    if (l.count == 3) {
        CHECK_STR(l.note[0].date, "2026-03-08");
        CHECK_STR(l.note[0].exercise, "five-senses");
        CHECK_INT(l.note[0].step, 2);
        CHECK_STR(l.note[0].text, "the kettle \"ticking\"");
        CHECK_STR(l.note[1].text, "warm hands,\nslow breath");
        /* A note keeps its calendar date: the day start is for streaks, not for notes. */
        CHECK_STR(l.note[2].date, "2026-03-09");
        CHECK_STR(l.note[2].exercise, "stop");
    }
    notes_free(&l);
    char path[800];
    ST_FMT(path, sizeof path, "%s/notes.jsonl", sub);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
    CHECK(stat(sub, &st) == 0 && (st.st_mode & 0777) == 0700);
    size_t len;
    char *text = st_read(path, &len);
    CHECK_CONTAINS(text, "{\"date\":\"2026-03-08\",\"exercise\":\"five-senses\",\"step\":2,");
    free(text);
    st_rmrf(dir);
}

/* An interrupted save leaves a cut-short last line: it is dropped, and the next save starts on
 * a line of its own, so nothing of it is lost. */
static void a_torn_last_line_is_dropped_and_cannot_swallow_the_next_note(void)
{
    char dir[600], path[700], err[600] = "";
    st_tmpdir(dir, sizeof dir, "notes-torn");
    ST_FMT(path, sizeof path, "%s/notes.jsonl", dir);
    const char *before = "{\"date\":\"2026-01-01\",\"exercise\":\"stop\",\"step\":1,\"text\":\"kept\"}\n"
                         "{\"date\":\"2026-01-02\",\"exercise\":\"stop\",\"st";
    st_write(path, before, strlen(before), "w");
    NoteList l;
    CHECK(notes_load(dir, &l, NULL));
    CHECK_INT(l.count, 1);
    CHECK_INT(l.unreadable, 0);
    notes_free(&l);
    const int one[1] = {3};
    const char *t[1] = {"after the crash"};
    CHECK(notes_append(dir, "stop", one, t, 1, at("2026-01-03T10:00"), err, sizeof err));
    CHECK(notes_load(dir, &l, NULL));
    CHECK_INT(l.count, 2);
    if (l.count == 2) CHECK_STR(l.note[1].text, "after the crash");
    /* The torn line is now in the middle: no longer the last, it reads as a bad line. */
    CHECK_INT(l.unreadable, 1);
    notes_free(&l);
    st_rmrf(dir);
}

static void a_missing_file_is_no_notes_and_a_folder_that_cannot_be_written_says_why(void)
{
    char dir[600], ro[700], err[600] = "";
    st_tmpdir(dir, sizeof dir, "notes-ro");
    NoteList l;
    CHECK(notes_load(dir, &l, NULL));
    CHECK_INT(l.count, 0);
    notes_free(&l);
    ST_FMT(ro, sizeof ro, "%s/ro", dir);
    mkdir(ro, 0500);
    const int one[1] = {1};
    const char *t[1] = {"x"};
    if (geteuid() != 0) { /* root writes anywhere */
        CHECK(!notes_append(ro, "stop", one, t, 1, at("2026-01-03T10:00"), err, sizeof err));
        CHECK_CONTAINS(err, "could not save to");
        CHECK_CONTAINS(err, "notes.jsonl");
    }
    st_rmrf(dir);
}

static void a_long_note_is_cut_on_a_character_boundary(void)
{
    char dir[600], err[600] = "", text[NOTE_TEXT_MAX + 10];
    st_tmpdir(dir, sizeof dir, "notes-long");
    memset(text, 'a', NOTE_TEXT_MAX - 1);
    memcpy(text + NOTE_TEXT_MAX - 1, "\xc3\xa9zz", 5); /* an e-acute across the limit */
    const int one[1] = {1};
    const char *t[1] = {text};
    CHECK(notes_append(dir, "stop", one, t, 1, at("2026-01-03T10:00"), err, sizeof err));
    NoteList l;
    CHECK(notes_load(dir, &l, NULL));
    CHECK_INT(l.count, 1);
    if (l.count == 1) CHECK_INT(strlen(l.note[0].text), NOTE_TEXT_MAX - 1);
    notes_free(&l);
    st_rmrf(dir);
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    RUN(notes_are_appended_dated_and_read_back);
    RUN(a_torn_last_line_is_dropped_and_cannot_swallow_the_next_note);
    RUN(a_missing_file_is_no_notes_and_a_folder_that_cannot_be_written_says_why);
    RUN(a_long_note_is_cut_on_a_character_boundary);
    return check_report();
}
