/* The journal kept in notes.jsonl: notes, named feelings and card reflections appended whole,
 * private, dated by local time, read back newest first, searchable, deletable by an appended
 * record; older notes without ids still load and can be deleted; export and import carry it. */
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "attune/clock.h"
#include "attune/journal.h"
#include "check.h"
#include "storetest.h"

#define NOTE_TEXT_MAX 400 /* grounding's limit, below the journal's */

static time_t at(const char *local)
{
    time_t t = 0;
    CHECK(clock_parse_local(local, &t));
    return t;
}

static bool any_msg(const AtDiag *d, const char *needle)
{
    for (int i = 0; i < d->count; i++)
        if (strstr(d->msg[i], needle)) return true;
    return false;
}

static JournalEntry note(const char *when, const char *exercise, int step, const char *text)
{
    JournalEntry e;
    journal_entry_init(&e, JOURNAL_NOTE, at(when));
    snprintf(e.source, sizeof e.source, "%s", exercise);
    e.step = step;
    journal_copy_text(e.text, sizeof e.text, text);
    return e;
}

static JournalEntry feeling(const char *when, const char *word, int strength)
{
    JournalEntry e;
    journal_entry_init(&e, JOURNAL_FEELING, at(when));
    snprintf(e.source, sizeof e.source, "stop");
    e.step = 2;
    snprintf(e.feeling, sizeof e.feeling, "%s", word);
    e.strength = strength;
    return e;
}

static JournalEntry reflection(const char *when, const char *card, const char *question,
                               const char *text)
{
    JournalEntry e;
    journal_entry_init(&e, JOURNAL_REFLECTION, at(when));
    snprintf(e.source, sizeof e.source, "regulate");
    snprintf(e.card, sizeof e.card, "%s", card);
    snprintf(e.question, sizeof e.question, "%s", question);
    snprintf(e.text, sizeof e.text, "%s", text);
    return e;
}

/* Notes of one save, as grounding's finish makes them. */
static bool notes_append(const char *dir, const char *exercise, const int *steps,
                         const char *const *texts, int n, time_t when, char *err, size_t errlen)
{
    JournalEntry e[4];
    for (int i = 0; i < n && i < 4; i++) {
        journal_entry_init(&e[i], JOURNAL_NOTE, when);
        journal_copy_text(e[i].source, sizeof e[i].source, exercise);
        e[i].step = steps[i];
        journal_copy_text(e[i].text, NOTE_TEXT_MAX + 1, texts[i]);
    }
    return journal_append(dir, e, n, err, errlen);
}

static void add(const char *dir, JournalEntry e)
{
    char err[600] = "";
    CHECK(journal_append(dir, &e, 1, err, sizeof err));
    if (err[0]) fprintf(stderr, "%s\n", err);
}

static void notes_are_appended_dated_and_read_back_with_ids(void)
{
    char dir[600], sub[700], err[600] = "";
    st_tmpdir(dir, sizeof dir, "journal");
    ST_FMT(sub, sizeof sub, "%s/new/folder", dir);
    const int steps[2] = {2, 5};
    const char *texts[2] = {"the kettle \"ticking\"", "warm hands,\nslow breath"};
    CHECK(notes_append(sub, "five-senses", steps, texts, 2, at("2026-03-08T23:59"), err, sizeof err));
    const int one[1] = {1};
    const char *again[1] = {"the window"};
    CHECK(notes_append(sub, "stop", one, again, 1, at("2026-03-09T00:01"), err, sizeof err));
    Journal j;
    CHECK(journal_load(sub, &j, NULL));
    CHECK_INT(j.count, 3);
    CHECK_INT(j.unreadable, 0);
    if (j.count == 3) {
        /* Newest first; the two of one save keep their order among themselves, newest first. */
        CHECK_STR(j.entry[0].date, "2026-03-09");
        CHECK_STR(j.entry[0].time, "00:01:00");
        CHECK_STR(j.entry[0].source, "stop");
        CHECK_STR(j.entry[1].text, "warm hands,\nslow breath");
        CHECK_INT(j.entry[1].step, 5);
        CHECK_STR(j.entry[2].text, "the kettle \"ticking\"");
        CHECK_STR(j.entry[2].date, "2026-03-08");
        CHECK_INT(j.entry[2].kind, JOURNAL_NOTE);
        CHECK_INT(strlen(j.entry[0].id), JOURNAL_ID_LEN);
        CHECK(strcmp(j.entry[1].id, j.entry[2].id) != 0);
    }
    journal_free(&j);
    char path[800];
    ST_FMT(path, sizeof path, "%s/notes.jsonl", sub);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
    CHECK(stat(sub, &st) == 0 && (st.st_mode & 0777) == 0700);
    char *text = st_read(path, NULL);
    CHECK_CONTAINS(text, "\"kind\":\"note\",\"date\":\"2026-03-08\",\"time\":\"23:59:00\"");
    CHECK_CONTAINS(text, "\"exercise\":\"five-senses\",\"step\":2,");
    free(text);
    st_rmrf(dir);
}

static void feelings_and_reflections_are_kept_with_what_they_answer(void)
{
    char dir[600];
    st_tmpdir(dir, sizeof dir, "journal-kinds");
    add(dir, reflection("2026-04-02T21:00", "late-text", "What did you need then?", "To be asked."));
    add(dir, feeling("2026-04-01T08:30", "tense", 4));
    add(dir, feeling("2026-04-03T07:00", "calm", 0));
    Journal j;
    CHECK(journal_load(dir, &j, NULL));
    CHECK_INT(j.count, 3);
    if (j.count == 3) {
        CHECK_INT(j.entry[0].kind, JOURNAL_FEELING);
        CHECK_STR(j.entry[0].feeling, "calm");
        CHECK_INT(j.entry[0].strength, 0);
        CHECK_INT(j.entry[1].kind, JOURNAL_REFLECTION);
        CHECK_STR(j.entry[1].source, "regulate");
        CHECK_STR(j.entry[1].card, "late-text");
        CHECK_STR(j.entry[1].question, "What did you need then?");
        CHECK_STR(j.entry[1].text, "To be asked.");
        CHECK_STR(j.entry[2].feeling, "tense");
        CHECK_INT(j.entry[2].strength, 4);
        CHECK_INT(j.entry[2].step, 2);
    }
    journal_free(&j);
    st_rmrf(dir);
}

/* What cannot be read back is never written: a feeling without a word, a strength of 9. */
static void an_entry_that_would_not_read_back_is_refused_and_nothing_is_written(void)
{
    char dir[600], path[700], err[600] = "";
    st_tmpdir(dir, sizeof dir, "journal-refuse");
    JournalEntry e[2] = {note("2026-04-01T08:00", "stop", 1, "fine"), feeling("2026-04-01T08:00", "", 3)};
    CHECK(!journal_append(dir, e, 2, err, sizeof err));
    CHECK_CONTAINS(err, "entry 2: feeling");
    e[1] = feeling("2026-04-01T08:00", "tense", 9);
    CHECK(!journal_append(dir, e, 2, err, sizeof err));
    CHECK_CONTAINS(err, "strength");
    st_path(path, sizeof path, dir, JOURNAL_FILE);
    CHECK(!st_exists(path));
    st_rmrf(dir);
}

static void a_deletion_hides_its_entry_for_good_and_the_file_only_grows(void)
{
    char dir[600], path[700], err[600] = "";
    st_tmpdir(dir, sizeof dir, "journal-delete");
    JournalEntry keep = note("2026-04-01T08:00", "stop", 1, "keep me");
    JournalEntry gone = note("2026-04-01T09:00", "stop", 2, "a private line");
    add(dir, keep);
    add(dir, gone);
    st_path(path, sizeof path, dir, JOURNAL_FILE);
    size_t before = 0, after = 0;
    free(st_read(path, &before));
    CHECK(journal_delete(dir, gone.id, at("2026-04-02T10:00"), err, sizeof err));
    char *text = st_read(path, &after);
    CHECK(after > before);
    CHECK_CONTAINS(text, "\"deletes\":\"");
    CHECK_CONTAINS(text, gone.id);
    free(text);
    Journal j;
    CHECK(journal_load(dir, &j, NULL));
    CHECK_INT(j.count, 1);
    CHECK_INT(j.hidden, 1);
    if (j.count == 1) CHECK_STR(j.entry[0].text, "keep me");
    CHECK_INT(journal_find(&j, gone.id), -1);
    CHECK_INT(journal_find(&j, keep.id), 0);
    journal_free(&j);
    /* Deleting twice, or something that is not there, changes nothing that shows. */
    CHECK(journal_delete(dir, gone.id, at("2026-04-02T10:00"), err, sizeof err));
    CHECK(journal_delete(dir, "no-such-entry", at("2026-04-02T10:00"), err, sizeof err));
    CHECK(!journal_delete(dir, "Not An Id", at("2026-04-02T10:00"), err, sizeof err));
    CHECK(journal_load(dir, &j, NULL));
    CHECK_INT(j.count, 1);
    CHECK_INT(j.unreadable, 0);
    journal_free(&j);
    st_rmrf(dir);
}

/* notes.jsonl as Attune wrote it before the journal: no ids, no times, no kinds. */
static const char OLD_NOTES[] =
    "{\"date\":\"2026-01-01\",\"exercise\":\"stop\",\"step\":1,\"text\":\"first\"}\n"
    "{\"date\":\"2026-01-02\",\"exercise\":\"stop\",\"step\":1,\"text\":\"same\"}\n"
    "{\"date\":\"2026-01-02\",\"exercise\":\"stop\",\"step\":1,\"text\":\"same\"}\n";

static void old_notes_without_ids_load_with_stable_ids_and_can_be_deleted(void)
{
    char dir[600], path[700], err[600] = "";
    st_tmpdir(dir, sizeof dir, "journal-old");
    st_path(path, sizeof path, dir, JOURNAL_FILE);
    st_write(path, OLD_NOTES, strlen(OLD_NOTES), "w");
    Journal a, b;
    CHECK(journal_load(dir, &a, NULL));
    CHECK(journal_load(dir, &b, NULL));
    CHECK_INT(a.count, 3);
    CHECK_INT(a.unreadable, 0);
    if (a.count == 3 && b.count == 3) {
        /* The later of two same-day notes comes first; both repeats stay, each its own id. */
        CHECK_STR(a.entry[2].text, "first");
        CHECK_STR(a.entry[0].time, "");
        CHECK(strcmp(a.entry[0].id, a.entry[1].id) != 0);
        for (int i = 0; i < 3; i++) CHECK_STR(a.entry[i].id, b.entry[i].id);
        /* A new note of the same day is newer than the ones without a time. */
        add(dir, note("2026-01-02T00:00", "stop", 1, "new"));
        CHECK(journal_delete(dir, a.entry[1].id, at("2026-01-03T10:00"), err, sizeof err));
    }
    journal_free(&b);
    CHECK(journal_load(dir, &b, NULL));
    CHECK_INT(b.count, 3);
    if (b.count == 3) {
        CHECK_STR(b.entry[0].text, "new");
        CHECK_STR(b.entry[1].text, "same");
        CHECK_STR(b.entry[1].id, a.entry[0].id);
        CHECK_STR(b.entry[2].text, "first");
    }
    journal_free(&a);
    journal_free(&b);
    st_rmrf(dir);
}

/* An interrupted save leaves a cut-short last line: it is dropped, and the next save starts on
 * a line of its own, so nothing of it is lost. */
static void a_torn_last_line_is_dropped_and_cannot_swallow_the_next_entry(void)
{
    char dir[600], path[700], err[600] = "";
    st_tmpdir(dir, sizeof dir, "journal-torn");
    ST_FMT(path, sizeof path, "%s/notes.jsonl", dir);
    const char *before = "{\"date\":\"2026-01-01\",\"exercise\":\"stop\",\"step\":1,\"text\":\"kept\"}\n"
                         "{\"date\":\"2026-01-02\",\"exercise\":\"stop\",\"st";
    st_write(path, before, strlen(before), "w");
    Journal j;
    CHECK(journal_load(dir, &j, NULL));
    CHECK_INT(j.count, 1);
    CHECK_INT(j.unreadable, 0);
    journal_free(&j);
    const int one[1] = {3};
    const char *t[1] = {"after the crash"};
    CHECK(notes_append(dir, "stop", one, t, 1, at("2026-01-03T10:00"), err, sizeof err));
    AtDiag d = {0};
    CHECK(journal_load(dir, &j, &d));
    CHECK_INT(j.count, 2);
    if (j.count == 2) CHECK_STR(j.entry[0].text, "after the crash");
    /* The torn line is now in the middle: no longer the last, it reads as a bad line, named by
     * its file and line. */
    CHECK_INT(j.unreadable, 1);
    CHECK(any_msg(&d, "notes.jsonl: line 2: not JSON"));
    journal_free(&j);
    diag_free(&d);
    st_rmrf(dir);
}

static void bad_lines_are_skipped_and_named_and_a_newer_kind_is_kept_aside(void)
{
    char dir[600], path[700];
    st_tmpdir(dir, sizeof dir, "journal-bad");
    st_path(path, sizeof path, dir, JOURNAL_FILE);
    const char *text =
        "{\"id\":\"a1\",\"kind\":\"note\",\"date\":\"2026-13-01\",\"text\":\"bad date\"}\n"
        "{\"id\":\"a2\",\"kind\":\"feeling\",\"date\":\"2026-01-01\",\"feeling\":\"x\",\"strength\":7}\n"
        "{\"id\":\"a3\",\"kind\":\"drawing\",\"date\":\"2026-01-01\",\"svg\":\"...\"}\n"
        "[1,2]\n"
        "{\"id\":\"a4\",\"kind\":\"note\",\"date\":\"2026-01-01\",\"text\":\"good\"}\n"
        "{\"id\":\"a4\",\"kind\":\"note\",\"date\":\"2026-01-01\",\"text\":\"a retried save\"}\n";
    st_write(path, text, strlen(text), "w");
    AtDiag d = {0};
    Journal j;
    CHECK(journal_load(dir, &j, &d));
    CHECK_INT(j.count, 1);
    if (j.count == 1) CHECK_STR(j.entry[0].text, "good");
    CHECK_INT(j.unreadable, 3);
    CHECK_INT(j.other, 1);
    CHECK(any_msg(&d, "notes.jsonl: line 1: date: expected YYYY-MM-DD"));
    CHECK(any_msg(&d, "notes.jsonl: line 2: strength: expected a whole number from 0 to 5"));
    CHECK(any_msg(&d, "notes.jsonl: line 4: expected an object"));
    journal_free(&j);
    diag_free(&d);
    st_rmrf(dir);
}

static void a_missing_file_is_an_empty_journal_and_a_folder_that_cannot_be_written_says_why(void)
{
    char dir[600], ro[700], err[600] = "";
    st_tmpdir(dir, sizeof dir, "journal-ro");
    Journal j;
    CHECK(journal_load(dir, &j, NULL));
    CHECK_INT(j.count, 0);
    journal_free(&j);
    ST_FMT(ro, sizeof ro, "%s/ro", dir);
    mkdir(ro, 0500);
    if (geteuid() != 0) { /* root writes anywhere */
        CHECK(!journal_delete(ro, "abc", at("2026-01-03T10:00"), err, sizeof err));
        CHECK_CONTAINS(err, "could not save to");
        CHECK_CONTAINS(err, "notes.jsonl");
    }
    st_rmrf(dir);
}

static void a_long_note_is_cut_on_a_character_boundary(void)
{
    char dir[600], err[600] = "", text[NOTE_TEXT_MAX + 10];
    st_tmpdir(dir, sizeof dir, "journal-long");
    memset(text, 'a', NOTE_TEXT_MAX - 1);
    memcpy(text + NOTE_TEXT_MAX - 1, "\xc3\xa9zz", 5); /* an e-acute across the limit */
    const int one[1] = {1};
    const char *t[1] = {text};
    CHECK(notes_append(dir, "stop", one, t, 1, at("2026-01-03T10:00"), err, sizeof err));
    Journal j;
    CHECK(journal_load(dir, &j, NULL));
    CHECK_INT(j.count, 1);
    if (j.count == 1) CHECK_INT(strlen(j.entry[0].text), NOTE_TEXT_MAX - 1);
    journal_free(&j);
    st_rmrf(dir);
}

static void search_matches_the_start_of_words_in_any_case_and_script(void)
{
    JournalEntry n = note("2026-01-01T10:00", "stop", 1, "The Kettle was ticking; CAFÉ noise, Ёлка");
    JournalEntry f = feeling("2026-01-01T10:00", "Überwältigt", 3);
    JournalEntry r = reflection("2026-01-01T10:00", "c", "What did you NEED?", "quiet");
    CHECK(journal_entry_matches(&n, ""));
    CHECK(journal_entry_matches(&n, "   "));
    CHECK(journal_entry_matches(&n, "kettle"));
    CHECK(journal_entry_matches(&n, "KETT"));
    CHECK(journal_entry_matches(&n, "café"));
    CHECK(journal_entry_matches(&n, "ёлка"));
    CHECK(journal_entry_matches(&n, "tick kettle")); /* every word, in any order */
    CHECK(!journal_entry_matches(&n, "tick bread"));
    CHECK(!journal_entry_matches(&n, "ettle"));      /* the start of a word, not its middle */
    CHECK(!journal_entry_matches(&n, "cafe"));       /* an accent is a different letter */
    CHECK(journal_entry_matches(&f, "überw"));
    CHECK(!journal_entry_matches(&f, "kettle"));
    CHECK(journal_entry_matches(&r, "need"));        /* the question counts too */
    CHECK(journal_entry_matches(&r, "quiet,"));      /* punctuation in the query is a gap */
    /* Bytes that are not UTF-8 neither crash nor match letters. */
    CHECK(!journal_entry_matches(&n, "\xff\xfe"));
    JournalEntry bad = note("2026-01-01T10:00", "stop", 1, "x\xc3");
    CHECK(journal_entry_matches(&bad, "x"));
    Journal j = {0};
    JournalEntry all[3] = {n, f, r};
    j.entry = all;
    j.count = 3;
    int idx[3];
    CHECK_INT(journal_search(&j, "", idx), 3);
    CHECK_INT(journal_search(&j, "q", idx), 1);
    CHECK_INT(idx[0], 2);
}

/* Export carries what shows and the deletions, never a deleted entry's words; import brings it
 * back once, however often it runs; the log and the journal go in together or not at all. */
static void export_and_import_carry_the_journal(void)
{
    char root[600], a[700], b[700], file[700], path[800], err[600] = "";
    st_tmpdir(root, sizeof root, "journal-export");
    ST_FMT(a, sizeof a, "%s/a", root);
    ST_FMT(b, sizeof b, "%s/b", root);
    ST_FMT(file, sizeof file, "%s/backup.json", root);
    mkdir(a, 0700);
    st_path(path, sizeof path, a, JOURNAL_FILE);
    st_write(path, OLD_NOTES, (size_t)(strchr(OLD_NOTES, '\n') - OLD_NOTES) + 1, "w"); /* one old line */
    add(a, note("2026-02-01T10:00", "stop", 1, "kept note"));
    JournalEntry secret = note("2026-02-01T11:00", "stop", 1, "secret words");
    add(a, secret);
    add(a, feeling("2026-02-02T10:00", "tense", 3));
    add(a, reflection("2026-02-03T10:00", "late-text", "What did you need?", "patience"));
    CHECK(journal_delete(a, secret.id, at("2026-02-04T10:00"), err, sizeof err));
    const char *newer = "{\"id\":\"z9\",\"kind\":\"drawing\",\"date\":\"2026-01-01\",\"svg\":\"s\"}\n";
    st_write(path, newer, strlen(newer), "a");
    AtDiag d = {0};
    CHECK(store_export(a, file, NULL, &d));
    char *text = st_read(file, NULL);
    CHECK_CONTAINS(text, "\"journal\":[");
    CHECK_CONTAINS(text, "kept note");
    CHECK_CONTAINS(text, "\"kind\":\"drawing\"");
    CHECK_CONTAINS(text, secret.id); /* the deletion, by id */
    CHECK(!strstr(text, "secret words"));
    free(text);

    ImportResult res;
    CHECK(store_import(b, file, &res, &d));
    CHECK_INT(res.journal_added, 6); /* old note, kept note, feeling, reflection, deletion, drawing */
    Journal ja, jb;
    CHECK(journal_load(a, &ja, NULL));
    CHECK(journal_load(b, &jb, NULL));
    CHECK_INT(jb.count, 4);
    CHECK_INT(jb.count, ja.count);
    CHECK_INT(jb.other, 1);
    for (int i = 0; i < ja.count && i < jb.count; i++) {
        CHECK_STR(jb.entry[i].id, ja.entry[i].id);
        CHECK_STR(jb.entry[i].text, ja.entry[i].text);
    }
    /* The old note came with the id it had there: deleting it here finds it. */
    int old = journal_find(&jb, ja.entry[ja.count - 1].id);
    CHECK_INT(old, jb.count - 1);
    journal_free(&ja);
    journal_free(&jb);
    /* Again: nothing new, into either folder. */
    CHECK(store_import(b, file, &res, &d));
    CHECK_INT(res.journal_added, 0);
    CHECK(store_import(a, file, &res, &d));
    CHECK_INT(res.journal_added, 0);
    CHECK_INT(d.count, 0);
    diag_free(&d);
    st_rmrf(root);
}

static void an_export_without_a_journal_imports_and_a_bad_journal_refuses_the_whole_file(void)
{
    char root[600], data[700], file[700], path[800];
    st_tmpdir(root, sizeof root, "journal-import");
    ST_FMT(data, sizeof data, "%s/data", root);
    ST_FMT(file, sizeof file, "%s/old.json", root);
    const char *old = "{\"attune_export\":2,\"settings\":{},\"records\":[\n"
                      "{\"id\":\"r1\",\"date\":\"2026-01-01\",\"time\":\"10:00:00\",\"utc_offset_min\":0,"
                      "\"kind\":\"breathing\",\"content\":\"box\",\"duration_ms\":60000,"
                      "\"completed\":true,\"count\":6}\n]}\n";
    st_write(file, old, strlen(old), "w");
    AtDiag d = {0};
    ImportResult res;
    CHECK(store_import(data, file, &res, &d));
    CHECK_INT(res.added, 1);
    CHECK_INT(res.journal_added, 0);
    st_path(path, sizeof path, data, JOURNAL_FILE);
    CHECK(!st_exists(path));
    for (int i = 0; i < d.count; i++) fprintf(stderr, "%s\n", d.msg[i]);
    diag_free(&d);

    ST_FMT(file, sizeof file, "%s/bad.json", root);
    const char *bad = "{\"attune_export\":2,\"settings\":{},\"records\":[\n"
                      "{\"id\":\"r2\",\"date\":\"2026-01-02\",\"time\":\"10:00:00\",\"utc_offset_min\":0,"
                      "\"kind\":\"breathing\",\"content\":\"box\",\"duration_ms\":60000,"
                      "\"completed\":true,\"count\":6}\n],\n\"journal\":[\n"
                      "{\"id\":\"j1\",\"kind\":\"note\",\"date\":\"2026-01-02\",\"text\":\"fine\"},\n"
                      "{\"id\":\"j2\",\"kind\":\"note\",\"date\":\"yesterday\",\"text\":\"bad\"},\n"
                      "{\"kind\":\"note\",\"date\":\"2026-01-02\",\"text\":\"no id\"}\n]}\n";
    st_write(file, bad, strlen(bad), "w");
    CHECK(!store_import(data, file, &res, &d));
    CHECK(any_msg(&d, "bad.json: journal[1].date: expected YYYY-MM-DD"));
    CHECK(any_msg(&d, "bad.json: journal[2].id: missing"));
    CHECK(any_msg(&d, "nothing was imported"));
    CHECK(!st_exists(path));
    PracticeLog log = {0};
    CHECK(log_load(data, &log, NULL, NULL));
    CHECK_INT(log.count, 1);
    log_free(&log);
    diag_free(&d);

    const char *notarray = "{\"attune_export\":2,\"records\":[],\"journal\":{}}";
    st_write(file, notarray, strlen(notarray), "w");
    CHECK(!store_import(data, file, &res, &d));
    CHECK(any_msg(&d, "bad.json: journal: expected an array"));
    diag_free(&d);
    st_rmrf(root);
}

int main(void)
{
    setenv("TZ", "UTC0", 1);
    tzset();
    RUN(notes_are_appended_dated_and_read_back_with_ids);
    RUN(feelings_and_reflections_are_kept_with_what_they_answer);
    RUN(an_entry_that_would_not_read_back_is_refused_and_nothing_is_written);
    RUN(a_deletion_hides_its_entry_for_good_and_the_file_only_grows);
    RUN(old_notes_without_ids_load_with_stable_ids_and_can_be_deleted);
    RUN(a_torn_last_line_is_dropped_and_cannot_swallow_the_next_entry);
    RUN(bad_lines_are_skipped_and_named_and_a_newer_kind_is_kept_aside);
    RUN(a_missing_file_is_an_empty_journal_and_a_folder_that_cannot_be_written_says_why);
    RUN(a_long_note_is_cut_on_a_character_boundary);
    RUN(search_matches_the_start_of_words_in_any_case_and_script);
    RUN(export_and_import_carry_the_journal);
    RUN(an_export_without_a_journal_imports_and_a_bad_journal_refuses_the_whole_file);
    return check_report();
}
