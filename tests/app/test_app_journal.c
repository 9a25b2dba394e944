/* The Journal end to end, headless: a note written and a feeling named in a grounding exercise
 * are there after saving, newest first; the search field filters as you type; an entry is
 * deleted only after a confirmation, by keyboard or by mouse; export and import carry the
 * journal; the answer to a card round's question goes there too. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "apptest.h"
#include "check.h"

static cJSON *grounding;

static const cJSON *steps_of(const char *id)
{
    const cJSON *ex;
    cJSON_ArrayForEach(ex, cJSON_GetObjectItemCaseSensitive(grounding, "exercises")) {
        const cJSON *i = cJSON_GetObjectItemCaseSensitive(ex, "id");
        if (cJSON_IsString(i) && !strcmp(i->valuestring, id)) return cJSON_GetObjectItemCaseSensitive(ex, "steps");
    }
    return NULL;
}

typedef struct Script {
    char s[8192];
    size_t n;
} Script;

static void add(Script *sc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(sc->s + sc->n, sizeof sc->s - sc->n, fmt, ap);
    va_end(ap);
    if (k > 0) sc->n += (size_t)k;
}

/* The control named label in a texts file: its centre, for a click. */
static bool control_centre(const cJSON *t, const char *label, int *x, int *y)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(it, "text");
        if (!cJSON_GetObjectItemCaseSensitive(it, "role") || !cJSON_IsString(s) || strcmp(s->valuestring, label)) continue;
        *x = cJSON_GetObjectItemCaseSensitive(it, "x")->valueint + cJSON_GetObjectItemCaseSensitive(it, "w")->valueint / 2;
        *y = cJSON_GetObjectItemCaseSensitive(it, "y")->valueint + cJSON_GetObjectItemCaseSensitive(it, "h")->valueint / 2;
        return true;
    }
    return false;
}

#define NOTE "the kettle ticking by the window"

/* Name it: a feeling (the second word, strength 3) and a note, saved at the finish; then
 * Escape to the menu. Returns the feeling word. */
static const char *ground_and_save(const char *dir, const char *data)
{
    const cJSON *steps = steps_of("name-it");
    int n = cJSON_GetArraySize(steps), fi = -1, ni = -1;
    for (int i = 0; i < n; i++) {
        const cJSON *st = cJSON_GetArrayItem(steps, i);
        if (cJSON_GetObjectItemCaseSensitive(st, "feelings") && fi < 0) fi = i;
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(st, "note")) && ni < 0) ni = i;
    }
    CHECK(fi >= 0 && ni > fi);
    if (fi < 0 || ni <= fi) return "";
    const cJSON *words = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, fi), "feelings");
    Script sc = {.n = 0};
    add(&sc, "wait 300\n");
    for (int i = 0; i < fi; i++) add(&sc, "key return\nwait 300\n");
    add(&sc, "key right\nkey return\nkey 3\nwait 300\nkey return\nwait 300\n");
    for (int i = fi + 1; i < ni; i++) add(&sc, "key return\nwait 300\n");
    add(&sc, "key tab\nwait 300\ntype " NOTE "\nkey return\nwait 300\n");
    for (int i = ni; i < n; i++) add(&sc, "key return\nwait 300\n");
    add(&sc, "texts $D/finish.json\nkey return\nwait 300\ntexts $D/saved.json\n");
    CHECK_INT(at_run(dir, "ground", data, sc.s, "ground name-it"), 0);
    cJSON *t = at_texts_of(dir, "finish");
    CHECK(at_texts_contains(t, "Save"));
    cJSON_Delete(t);
    return cJSON_GetStringValue(cJSON_GetArrayItem(words, 1));
}

static void a_grounding_note_and_feeling_are_in_the_journal_searchable_and_deletable(void)
{
    const char *dir = at_tmpdir(0);
    char data[700], other[700], file[700], args[800];
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(other, sizeof other, "%s/other", dir);
    snprintf(file, sizeof file, "%s/backup.json", dir);
    mkdir(data, 0700);
    mkdir(other, 0700);
    at_checkins_off(data);
    const char *word = ground_and_save(dir, data);

    /* From the menu: J opens it; both entries, the feeling with its strength. */
    const char *look = "wait 300\nkey j\nwait 300\ntexts $D/journal.json\n"
                       "type KETTLE\nwait 100\ntexts $D/search.json\n"
                       "key BackSpace\nkey BackSpace\nkey BackSpace\nkey BackSpace\nkey BackSpace\nkey BackSpace\n"
                       "type zebra\nwait 100\ntexts $D/nothing.json\n";
    CHECK_INT(at_run(dir, "look", data, look, ""), 0);
    char feeling[200];
    snprintf(feeling, sizeof feeling, "%s \u00b7 strength 3 of 5", word);
    cJSON *t = at_texts_of(dir, "journal");
    CHECK(at_texts_has(t, "Journal"));
    CHECK(at_texts_has(t, NOTE));
    CHECK(at_texts_has(t, feeling));
    CHECK(at_texts_has(t, "2 entries"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "search"); /* any case, the start of a word */
    CHECK(at_texts_has(t, NOTE));
    CHECK(!at_texts_has(t, feeling));
    CHECK(at_texts_has(t, "1 of 2 entries"));
    CHECK(at_texts_has(t, "KETTLE"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "nothing");
    CHECK(!at_texts_has(t, NOTE));
    CHECK(at_texts_contains(t, "Nothing matches"));
    cJSON_Delete(t);

    /* Export now; import into a fresh folder: the journal comes along. */
    snprintf(args, sizeof args, "export '%s'", file);
    CHECK_INT(at_run_cli(dir, "export", data, args), 0);
    char *exported = at_read_file(file);
    CHECK(exported && strstr(exported, "\"journal\":[") && strstr(exported, NOTE));
    free(exported);
    snprintf(args, sizeof args, "import '%s'", file);
    at_checkins_off(other);
    CHECK_INT(at_run_cli(dir, "import", other, args), 0);
    snprintf(args, sizeof args, "%s/import.out", dir);
    char *said = at_read_file(args);
    CHECK(said && strstr(said, "Your journal gained 2 lines"));
    free(said);
    CHECK_INT(at_run(dir, "imported", other, "wait 300\nkey j\nwait 300\ntexts $D/imported.json\n", ""), 0);
    t = at_texts_of(dir, "imported");
    CHECK(at_texts_has(t, NOTE));
    CHECK(at_texts_has(t, feeling));
    cJSON_Delete(t);

    /* Delete by keyboard: search, Delete, the question, Esc keeps it; then Delete, Right, Enter. */
    const char *del = "wait 300\nkey j\nwait 300\ntype kettle\nwait 100\nkey Delete\nwait 300\n"
                      "texts $D/ask.json\nkey Escape\nwait 300\ntexts $D/kept.json\n"
                      "key Delete\nwait 300\nkey Right\nkey Return\nwait 300\ntexts $D/gone.json\n"
                      "key Escape\nwait 300\nkey j\nwait 300\ntexts $D/after.json\n";
    CHECK_INT(at_run(dir, "delete", data, del, ""), 0);
    t = at_texts_of(dir, "ask");
    CHECK(at_texts_has(t, "Delete this entry?"));
    CHECK(at_texts_contains(t, NOTE));
    CHECK(at_texts_has(t, "Keep it"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "kept");
    CHECK(at_texts_has(t, NOTE));
    cJSON_Delete(t);
    t = at_texts_of(dir, "gone");
    CHECK(!at_texts_has(t, NOTE));
    CHECK(at_texts_has(t, "Entry deleted."));
    cJSON_Delete(t);
    t = at_texts_of(dir, "after");
    CHECK(!at_texts_has(t, NOTE));
    CHECK(at_texts_has(t, feeling));
    CHECK(at_texts_has(t, "1 entry"));
    cJSON_Delete(t);
    char path[800];
    snprintf(path, sizeof path, "%s/notes.jsonl", data);
    char *lines = at_read_file(path);
    CHECK(lines && strstr(lines, "\"deletes\":") && strstr(lines, NOTE)); /* appended, not rewritten */
    free(lines);

    /* The same by mouse, in the imported folder: a click on the entry's Delete, then on the
     * panel's Delete. */
    CHECK_INT(at_run(dir, "m1", other, "wait 300\nkey j\nwait 300\ntexts $D/m1.json\n", ""), 0);
    t = at_texts_of(dir, "m1");
    int x = 0, y = 0;
    CHECK(control_centre(t, "Delete", &x, &y));
    cJSON_Delete(t);
    Script sc = {.n = 0};
    add(&sc, "wait 300\nkey j\nwait 300\nmove %d %d\nclick %d %d\nwait 300\ntexts $D/m2.json\n", x, y, x, y);
    CHECK_INT(at_run(dir, "m2", other, sc.s, ""), 0);
    t = at_texts_of(dir, "m2");
    CHECK(at_texts_has(t, "Delete this entry?"));
    int bx = 0, by = 0;
    /* The panel's Delete is listed after the journal's own. */
    const cJSON *it, *last = NULL;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(it, "text");
        if (cJSON_GetObjectItemCaseSensitive(it, "role") && cJSON_IsString(s) && !strcmp(s->valuestring, "Delete")) last = it;
    }
    CHECK(last != NULL);
    if (last) {
        bx = cJSON_GetObjectItemCaseSensitive(last, "x")->valueint + cJSON_GetObjectItemCaseSensitive(last, "w")->valueint / 2;
        by = cJSON_GetObjectItemCaseSensitive(last, "y")->valueint + cJSON_GetObjectItemCaseSensitive(last, "h")->valueint / 2;
    }
    cJSON_Delete(t);
    sc.n = 0;
    add(&sc, "wait 300\nkey j\nwait 300\nclick %d %d\nwait 300\nclick %d %d\nwait 300\ntexts $D/m3.json\n", x, y, bx, by);
    CHECK_INT(at_run(dir, "m3", other, sc.s, ""), 0);
    t = at_texts_of(dir, "m3"); /* the newest went: the note */
    CHECK(at_texts_has(t, "Entry deleted."));
    CHECK(!at_texts_has(t, NOTE));
    CHECK(at_texts_has(t, feeling));
    cJSON_Delete(t);
}

/* Progress has a way in, by key and by a button. */
static void progress_opens_the_journal(void)
{
    const char *dir = at_tmpdir(1);
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "p1", dir, "wait 300\ntexts $D/p1.json\nkey j\nwait 300\ntexts $D/p2.json\n", "progress"), 0);
    cJSON *t = at_texts_of(dir, "p1");
    int x = 0, y = 0;
    CHECK(control_centre(t, "Journal", &x, &y));
    cJSON_Delete(t);
    t = at_texts_of(dir, "p2");
    CHECK(at_texts_has(t, "What you kept to read later, newest first."));
    CHECK(at_texts_contains(t, "Nothing here yet."));
    cJSON_Delete(t);
    Script sc = {.n = 0};
    add(&sc, "wait 300\nmove %d %d\nwait 100\ntexts $D/p3.json\nclick %d %d\nwait 300\ntexts $D/p4.json\n", x, y, x, y);
    CHECK_INT(at_run(dir, "p3", dir, sc.s, "progress"), 0);
    t = at_texts_of(dir, "p3");
    const cJSON *cursor = cJSON_GetObjectItemCaseSensitive(t, "cursor");
    CHECK(cJSON_IsString(cursor) && !strcmp(cursor->valuestring, "hand"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "p4");
    CHECK(at_texts_has(t, "What you kept to read later, newest first."));
    cJSON_Delete(t);
}

/* A long journal scrolls, with a cue, by keys and by the wheel. */
static void a_long_journal_scrolls_with_a_cue(void)
{
    const char *dir = at_tmpdir(2);
    at_checkins_off(dir);
    char path[700];
    snprintf(path, sizeof path, "%s/notes.jsonl", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    for (int i = 1; i <= 30; i++)
        fprintf(f, "{\"id\":\"e%d\",\"kind\":\"note\",\"date\":\"2026-02-%02d\",\"time\":\"10:00:00\","
                   "\"exercise\":\"stop\",\"step\":2,\"text\":\"note number %d\"}\n", i, i % 28 + 1, i);
    fclose(f);
    const char *script = "wait 300\nkey j\nwait 300\ntexts $D/top.json\nkey End\nwait 100\ntexts $D/end.json\n"
                         "key Home\nwait 100\nwheel -6\nwait 100\ntexts $D/wheel.json\n";
    CHECK_INT(at_run(dir, "long", dir, script, ""), 0);
    /* A long entry cut short in the list reads whole on its own screen (Enter), and scrolls. */
    char big[1200] = "";
    for (int i = 0; i < 12; i++) strcat(big, "the light moved slowly on the wall while the traffic hummed, ");
    big[990] = 0;
    f = fopen(path, "a");
    if (f) {
        fprintf(f, "{\"id\":\"long\",\"kind\":\"note\",\"date\":\"2026-03-01\",\"text\":\"%s the end\"}\n", big);
        fclose(f);
    }
    at_write_settings(dir, "{\"checkins\": false, \"text_size\": 2.0, " AT_INTROS_SEEN "}");
    CHECK_INT(at_run(dir, "read", dir, "wait 300\nkey j\nwait 300\ntexts $D/cut.json\nkey Return\nwait 300\n"
                     "texts $D/whole.json\nkey End\nwait 100\ntexts $D/whole-end.json\nkey Escape\nwait 300\n"
                     "texts $D/back.json\n", ""), 0);
    cJSON *c = at_texts_of(dir, "cut");
    CHECK(!at_texts_contains(c, "the end"));
    CHECK(at_texts_contains(c, "\u2026"));
    cJSON_Delete(c);
    c = at_texts_of(dir, "whole");
    CHECK(at_texts_has(c, "Sunday 1 March 2026"));
    CHECK(at_texts_contains(c, "More below"));
    cJSON_Delete(c);
    c = at_texts_of(dir, "whole-end");
    CHECK(at_texts_contains(c, "the end"));
    cJSON_Delete(c);
    c = at_texts_of(dir, "back");
    CHECK(at_texts_has(c, "31 entries"));
    cJSON_Delete(c);
    cJSON *t = at_texts_of(dir, "top");
    CHECK(at_texts_has(t, "30 entries"));
    CHECK(at_texts_contains(t, "More below"));
    CHECK(at_texts_has(t, "note number 27")); /* 2026-02-28, the newest */
    CHECK(!at_texts_has(t, "note number 28")); /* 2026-02-01, the oldest */
    cJSON_Delete(t);
    t = at_texts_of(dir, "end");
    CHECK(at_texts_has(t, "note number 28"));
    CHECK(at_texts_contains(t, "More above"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "wheel");
    CHECK(at_texts_contains(t, "More above and below"));
    cJSON_Delete(t);
}

#define W300 "wait 300\n"
#define ANSWER "to be asked before being told"

/* The end of a solo round asks a question: W (or the button) opens a field; the answer goes to
 * the journal as a reflection on that question, and the end says so. */
static void a_rounds_question_is_answered_into_the_journal(void)
{
    const char *dir = at_tmpdir(3);
    at_checkins_off(dir);
    /* Five cards (S skips a card's skill, as test_app_cards does), then the end. */
#define SOLO_CARD W300 "key s\n" W300 "key 1\n" W300 "key Return\n"
    const char *script = SOLO_CARD SOLO_CARD SOLO_CARD SOLO_CARD SOLO_CARD
                         W300 "texts $D/end.json\nkey w\n" W300 "texts $D/field.json\n"
                         "type " ANSWER "\n" W300 "key Return\n" W300 "texts $D/answered.json\n"
                         "key Escape\n" W300 "key Escape\n" W300 "key j\n" W300 "texts $D/journal.json\n";
    CHECK_INT(at_run(dir, "solo", dir, script, "cards notice"), 0);
    cJSON *t = at_texts_of(dir, "end");
    int x = 0, y = 0;
    CHECK(at_texts_has(t, "Round complete"));
    CHECK(control_centre(t, "Write your answer", &x, &y));
    cJSON_Delete(t);
    t = at_texts_of(dir, "field");
    CHECK(at_texts_has(t, "Your answer"));
    CHECK(at_texts_has(t, "Save to journal"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "answered");
    CHECK(at_texts_has(t, "Your answer is in your journal."));
    cJSON_Delete(t);
    t = at_texts_of(dir, "journal");
    CHECK(at_texts_has(t, ANSWER));
    CHECK(at_texts_contains(t, "Reflection"));
    cJSON_Delete(t);
    char path[700];
    snprintf(path, sizeof path, "%s/notes.jsonl", dir);
    char *lines = at_read_file(path);
    CHECK(lines && strstr(lines, "\"kind\":\"reflection\"") && strstr(lines, "\"deck\":\"") &&
          strstr(lines, "\"question\":\"") && strstr(lines, ANSWER));
    free(lines);

    /* Together, by mouse: the button, then Save; Cancel keeps nothing. */
    const char *dir2 = at_tmpdir(4);
    at_checkins_off(dir2);
#define PAIR_CARD W300 "key 1\n" W300 "key Return\n" W300 "key 3\n" W300 "key n\n"
    const char *deal = W300 "key Return\nkey Return\n" W300 "key Return\n"
                       PAIR_CARD PAIR_CARD PAIR_CARD PAIR_CARD PAIR_CARD W300;
    Script sc = {.n = 0};
    add(&sc, "%stexts $D/tend.json\n", deal);
    CHECK_INT(at_run(dir2, "tend", dir2, sc.s, "cards --couple 1"), 0);
    t = at_texts_of(dir2, "tend");
    CHECK(control_centre(t, "Write your answer", &x, &y));
    cJSON_Delete(t);
    sc.n = 0;
    add(&sc, "%sclick %d %d\n" W300 "type not this\nkey Escape\n" W300 "texts $D/cancelled.json\n"
             "click %d %d\n" W300 "type we both " ANSWER "\n" W300 "texts $D/tfield.json\n", deal, x, y, x, y);
    CHECK_INT(at_run(dir2, "tfield", dir2, sc.s, "cards --couple 1"), 0);
    t = at_texts_of(dir2, "cancelled");
    CHECK(at_texts_has(t, "Write your answer"));
    cJSON_Delete(t);
    t = at_texts_of(dir2, "tfield");
    int sx = 0, sy = 0;
    CHECK(control_centre(t, "Save to journal", &sx, &sy));
    cJSON_Delete(t);
    sc.n = 0;
    add(&sc, "%sclick %d %d\n" W300 "type we both " ANSWER "\n" W300 "click %d %d\n" W300 "texts $D/tdone.json\n",
        deal, x, y, sx, sy);
    CHECK_INT(at_run(dir2, "tdone", dir2, sc.s, "cards --couple 1"), 0);
    t = at_texts_of(dir2, "tdone");
    CHECK(at_texts_has(t, "Your answer is in your journal."));
    cJSON_Delete(t);
    snprintf(path, sizeof path, "%s/notes.jsonl", dir2);
    lines = at_read_file(path);
    CHECK(lines && strstr(lines, "we both " ANSWER) && !strstr(lines, "not this"));
    CHECK(lines && strchr(lines, '\n') == lines + strlen(lines) - 1); /* one entry */
    free(lines);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    char path[700];
    snprintf(path, sizeof path, "%s/levels/grounding.json", at_source);
    char *s = at_read_file(path);
    grounding = s ? cJSON_Parse(s) : NULL;
    free(s);
    CHECK(grounding != NULL);
    RUN(a_grounding_note_and_feeling_are_in_the_journal_searchable_and_deletable);
    RUN(progress_opens_the_journal);
    RUN(a_long_journal_scrolls_with_a_cue);
    RUN(a_rounds_question_is_answered_into_the_journal);
    cJSON_Delete(grounding);
    return check_report();
}
