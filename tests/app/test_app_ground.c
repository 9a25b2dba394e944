/* The grounding screens end to end, headless: one prompt at a time, marks that fill, timed steps
 * that count down and move on by themselves, the breathing interlude, the TIPP caution, the
 * feelings step, notes that are saved only when asked, Back and Esc; TIPP's choice of one skill
 * by keys and by mouse; every newer exercise walked to its end; the feelings step inside the
 * window at 800x600 at every text size. Prompts are read from levels/grounding.json so content
 * edits do not break the tests. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "apptest.h"
#include "check.h"

static cJSON *grounding;

static const cJSON *exercise(const char *id)
{
    const cJSON *ex;
    cJSON_ArrayForEach(ex, cJSON_GetObjectItemCaseSensitive(grounding, "exercises")) {
        const cJSON *i = cJSON_GetObjectItemCaseSensitive(ex, "id");
        if (cJSON_IsString(i) && !strcmp(i->valuestring, id)) return ex;
    }
    fprintf(stderr, "levels/grounding.json has no exercise \"%s\"\n", id);
    exit(1);
}

static const cJSON *steps_of(const char *id) { return cJSON_GetObjectItemCaseSensitive(exercise(id), "steps"); }

static int num(const cJSON *o, const char *key)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(n) ? n->valueint : 0;
}

static const char *prompt(const char *id, int i)
{
    return at_str(cJSON_GetArrayItem(steps_of(id), i), "prompt");
}

/* A growing script. */
typedef struct Script {
    char s[32768];
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

static bool is_png(const char *dir, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *b = at_read_file(path);
    bool ok = b && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    free(b);
    return ok;
}

static void senses_shows_each_prompt_then_the_finish(void)
{
    const char *dir = at_tmpdir(0);
    const cJSON *steps = steps_of("senses");
    int n = cJSON_GetArraySize(steps);
    Script sc = {.n = 0};
    add(&sc, "wait 300\n");
    for (int i = 0; i < n; i++) {
        const cJSON *st = cJSON_GetArrayItem(steps, i);
        int count = num(st, "count");
        add(&sc, "texts $D/step%d.json\nshot $D/step%d.png\n", i, i);
        if (count) {
            add(&sc, "key return\nwait 100\ntexts $D/step%d-first.json\n", i);
            for (int k = 1; k < count; k++) add(&sc, "key return\n");
            add(&sc, "wait 100\ntexts $D/step%d-full.json\nshot $D/step%d-full.png\n", i, i);
            add(&sc, "wait 1000\n"); /* a full row moves on by itself */
        } else if (cJSON_GetObjectItemCaseSensitive(st, "breathe")) {
            add(&sc, "wait 4000\ntexts $D/step%d-breath.json\nshot $D/step%d-breath.png\n", i, i);
            add(&sc, "key return\nwait 300\n"); /* an interlude may be left early */
        } else {
            add(&sc, "key return\nwait 300\n");
        }
    }
    add(&sc, "texts $D/finish.json\nshot $D/finish.png\n");
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "senses", dir, sc.s, "ground senses"), 0);

    char name[64], want[64];
    for (int i = 0; i < n; i++) {
        const cJSON *st = cJSON_GetArrayItem(steps, i);
        snprintf(name, sizeof name, "step%d", i);
        cJSON *t = at_texts_of(dir, name);
        CHECK(at_texts_has(t, at_str(st, "prompt")));
        snprintf(want, sizeof want, "Step %d of %d", i + 1, n);
        CHECK(at_texts_has(t, want));
        if (i > 0) CHECK(!at_texts_has(t, prompt("senses", i - 1)));
        int count = num(st, "count");
        if (count) {
            snprintf(want, sizeof want, "0 of %d", count);
            CHECK(at_texts_has(t, want));
        }
        cJSON_Delete(t);
        if (count) {
            snprintf(name, sizeof name, "step%d-first", i);
            t = at_texts_of(dir, name);
            snprintf(want, sizeof want, "1 of %d", count);
            CHECK(at_texts_has(t, want));
            cJSON_Delete(t);
            snprintf(name, sizeof name, "step%d-full", i);
            t = at_texts_of(dir, name);
            snprintf(want, sizeof want, "%d of %d", count, count);
            CHECK(at_texts_has(t, want));
            CHECK(at_texts_has(t, at_str(st, "prompt"))); /* still there while the last mark shows */
            cJSON_Delete(t);
        }
        if (cJSON_GetObjectItemCaseSensitive(st, "breathe")) {
            snprintf(name, sizeof name, "step%d-breath", i);
            t = at_texts_of(dir, name);
            CHECK(at_texts_has(t, "Breathe in"));
            CHECK(at_texts_has(t, at_str(st, "prompt")));
            cJSON_Delete(t);
            snprintf(name, sizeof name, "step%d-breath.png", i);
            CHECK(is_png(dir, name));
        }
    }
    cJSON *t = at_texts_of(dir, "finish");
    CHECK(at_texts_has(t, "Well done"));
    snprintf(want, sizeof want, "%d of %d steps", n, n);
    CHECK(at_texts_contains(t, want));
    CHECK(at_texts_has(t, "Again"));
    CHECK(at_texts_has(t, "Menu"));
    /* The finished exercise is in the practice log. */
    char logpath[600];
    snprintf(logpath, sizeof logpath, "%s/practice.jsonl", dir);
    char *log = at_read_file(logpath);
    CHECK_CONTAINS(log, "\"kind\":\"grounding\",\"content\":\"senses\"");
    CHECK_CONTAINS(log, "\"completed\":true");
    free(log);
    CHECK(!at_texts_has(t, "Save my notes")); /* nothing was written */
    cJSON_Delete(t);
    CHECK(is_png(dir, "step1.png"));
    CHECK(is_png(dir, "finish.png"));
}

static void timed_step_counts_down_and_moves_on_by_itself(void)
{
    const char *dir = at_tmpdir(1);
    const cJSON *steps = steps_of("body-scan");
    int secs = num(cJSON_GetArrayItem(steps, 1), "seconds");
    CHECK(secs >= 10);
    Script sc = {.n = 0};
    add(&sc, "wait 300\nkey return\n"); /* to the first timed step */
    add(&sc, "wait 1000\ntexts $D/a.json\n");
    add(&sc, "wait 5000\ntexts $D/b.json\nshot $D/timed.png\n");
    add(&sc, "wait %d\ntexts $D/c.json\n", secs * 1000 - 6000 + 200);
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "scan", dir, sc.s, "ground body-scan"), 0);
    char want[32];
    cJSON *t = at_texts_of(dir, "a");
    CHECK(at_texts_has(t, prompt("body-scan", 1)));
    snprintf(want, sizeof want, "%d", secs - 1);
    CHECK(at_texts_has(t, want));
    cJSON_Delete(t);
    t = at_texts_of(dir, "b");
    CHECK(at_texts_has(t, prompt("body-scan", 1)));
    snprintf(want, sizeof want, "%d", secs - 6);
    CHECK(at_texts_has(t, want));
    cJSON_Delete(t);
    t = at_texts_of(dir, "c"); /* no key pressed: the time ran out and the next step began */
    CHECK(at_texts_has(t, prompt("body-scan", 2)));
    CHECK(!at_texts_has(t, prompt("body-scan", 1)));
    CHECK(at_texts_contains(t, "Step 3 of"));
    cJSON_Delete(t);
    CHECK(is_png(dir, "timed.png"));
}

/* Between events only what changes is drawn again (the ring, the seconds, a mark filling): such
 * frames equal the same moments drawn whole, on a timed step and while marks fill. */
static void frames_drawn_in_part_equal_whole_frames(void)
{
    const char *dir = at_tmpdir(6);
    at_checkins_off(dir);
    const int timed[3] = {500, 3000, 7100};
    CHECK_INT(at_parts_equal_whole(dir, "wait 300\nkey return\n", "ground body-scan", timed, 3), 0);
    dir = at_tmpdir(7);
    at_checkins_off(dir);
    const int marks[3] = {40, 130, 400}; /* a mark grows over 260 ms after Enter */
    CHECK_INT(at_parts_equal_whole(dir, "wait 300\nkey return\n", "ground senses", marks, 3), 0);
}

/* Help over a timed step stops its clock: half a minute under help, and the seconds left are
 * what they were (the step has not run out and moved on). */
static void help_holds_a_grounding_step(void)
{
    const char *dir = at_tmpdir(8);
    at_checkins_off(dir);
    int secs = num(cJSON_GetArrayItem(steps_of("body-scan"), 1), "seconds");
    const char *script = "wait 300\nkey return\nwait 2000\ntexts $D/before.json\n"
                         "key F1\nwait 30000\ntexts $D/help.json\nkey Escape\nwait 100\n"
                         "texts $D/after.json\n";
    CHECK_INT(at_run(dir, "help", dir, script, "ground body-scan"), 0);
    char want[32];
    snprintf(want, sizeof want, "%d", secs - 2);
    cJSON *t = at_texts_of(dir, "before");
    CHECK(at_texts_has(t, want));
    cJSON_Delete(t);
    t = at_texts_of(dir, "help");
    CHECK(at_texts_has(t, "Help"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "after");
    CHECK(at_texts_has(t, prompt("body-scan", 1)));
    CHECK(at_texts_has(t, want));
    cJSON_Delete(t);
}

/* The control bar has Pause on a timed step: a click stops its seconds, help over the paused
 * step keeps it paused, and Resume (a click too) runs them on. */
static void pause_and_resume_by_the_control_bar(void)
{
    const char *dir = at_tmpdir(2);
    at_checkins_off(dir);
    int secs = num(cJSON_GetArrayItem(steps_of("body-scan"), 1), "seconds");
    /* The first run finds the Pause control; the second clicks it. */
    CHECK_INT(at_run(dir, "find", dir, "wait 300\nkey return\nwait 1000\ntexts $D/find.json\n", "ground body-scan"), 0);
    cJSON *t = at_texts_of(dir, "find");
    AtRect p = at_rect(at_button(t, "Pause"));
    CHECK(at_button(t, "Pause") != NULL);
    CHECK(at_button(t, "Leave") != NULL);
    cJSON_Delete(t);
    Script sc = {.n = 0};
    add(&sc, "wait 300\nkey return\nwait 2000\nclick %d %d\nwait 100\ntexts $D/paused.json\n", p.x + p.w / 2,
        p.y + p.h / 2);
    add(&sc, "wait 6000\ntexts $D/still.json\nkey F1\nwait 5000\nkey Escape\nwait 3000\ntexts $D/after-help.json\n");
    add(&sc, "shot $D/paused.png\n");
    CHECK_INT(at_run(dir, "pause", dir, sc.s, "ground body-scan"), 0);
    char want[32];
    snprintf(want, sizeof want, "%d", secs - 2);
    t = at_texts_of(dir, "paused");
    CHECK(at_texts_has(t, "Paused"));
    CHECK(at_texts_has(t, want));
    AtRect r = at_rect(at_button(t, "Resume"));
    CHECK(at_button(t, "Resume") != NULL);
    CHECK(at_button(t, "Pause") == NULL);
    cJSON_Delete(t);
    t = at_texts_of(dir, "still"); /* six seconds later: the same second */
    CHECK(at_texts_has(t, want));
    cJSON_Delete(t);
    t = at_texts_of(dir, "after-help"); /* help came and went: still paused */
    CHECK(at_texts_has(t, want));
    CHECK(at_texts_has(t, "Paused"));
    CHECK(at_button(t, "Resume") != NULL);
    cJSON_Delete(t);
    add(&sc, "click %d %d\nwait 3000\ntexts $D/resumed.json\n", r.x + r.w / 2, r.y + r.h / 2);
    CHECK_INT(at_run(dir, "resume", dir, sc.s, "ground body-scan"), 0);
    t = at_texts_of(dir, "resumed");
    snprintf(want, sizeof want, "%d", secs - 5);
    CHECK(at_texts_has(t, want));
    CHECK(!at_texts_has(t, "Paused"));
    CHECK(at_button(t, "Pause") != NULL);
    cJSON_Delete(t);
}

static void tipp_shows_its_caution_before_the_first_step(void)
{
    const char *dir = at_tmpdir(2);
    const char *script = "wait 300\ntexts $D/caution.json\nshot $D/caution.png\n"
                         "key space\nwait 300\ntexts $D/still.json\n" /* Enter, not Space */
                         "key return\nwait 300\ntexts $D/first.json\n";
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "tipp", dir, script, "ground tipp"), 0);
    const char *caution = at_str(exercise("tipp"), "caution");
    CHECK(caution != NULL);
    cJSON *t = at_texts_of(dir, "caution");
    CHECK(at_texts_has(t, caution));
    CHECK(at_texts_has(t, "I understand, begin"));
    CHECK(!at_texts_has(t, prompt("tipp", 0)));
    cJSON_Delete(t);
    t = at_texts_of(dir, "still");
    CHECK(at_texts_has(t, caution));
    cJSON_Delete(t);
    t = at_texts_of(dir, "first");
    CHECK(at_texts_has(t, prompt("tipp", 0)));
    CHECK(at_texts_contains(t, "Step 1 of"));
    CHECK(!at_texts_has(t, caution));
    cJSON_Delete(t);
    CHECK(is_png(dir, "caution.png"));

    /* Esc at the caution leaves without starting. */
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "tipp-esc", dir, "wait 300\nkey escape\nwait 300\ntexts $D/left.json\n", "ground tipp"), 0);
    t = at_texts_of(dir, "left");
    CHECK(!at_texts_has(t, "I understand, begin"));
    CHECK(at_texts_has(t, "Ground"));
    CHECK(at_texts_has(t, at_str(exercise("tipp"), "title"))); /* back in the picker, on it */
    cJSON_Delete(t);
}

static void command_line_names_the_exercise_and_lists_them(void)
{
    const char *dir = at_tmpdir(3);
    char path[700];
    CHECK_INT(at_run_cli(dir, "unknown", dir, "ground no-such"), 2);
    snprintf(path, sizeof path, "%s/unknown.err", dir);
    char *err = at_read_file(path);
    CHECK_CONTAINS(err, "no-such");
    CHECK_CONTAINS(err, "see 'attune list'");
    free(err);
    CHECK_INT(at_run_cli(dir, "list", dir, "list"), 0);
    snprintf(path, sizeof path, "%s/list.out", dir);
    char *out = at_read_file(path);
    CHECK_CONTAINS(out, "Grounding exercises:");
    const cJSON *ex;
    cJSON_ArrayForEach(ex, cJSON_GetObjectItemCaseSensitive(grounding, "exercises")) {
        CHECK_CONTAINS(out, at_str(ex, "id"));
        CHECK_CONTAINS(out, at_str(ex, "title"));
    }
    free(out);
    CHECK_INT(at_run_cli(dir, "help", dir, "--help"), 0);
    snprintf(path, sizeof path, "%s/help.out", dir);
    out = at_read_file(path);
    CHECK_CONTAINS(out, "ground [EXERCISE]");
    free(out);
}

static void back_returns_to_the_previous_prompt_and_esc_leaves(void)
{
    const char *dir = at_tmpdir(4);
    const char *script = "wait 300\nkey return\nwait 300\nkey return\nwait 300\ntexts $D/marked.json\n"
                         "key backspace\nwait 300\ntexts $D/back.json\n"
                         "key return\nwait 300\ntexts $D/again.json\n"
                         "key left\nwait 300\ntexts $D/left.json\n"
                         "key escape\nwait 300\ntexts $D/picker.json\n"
                         "key escape\nwait 300\ntexts $D/menu.json\n";
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "back", dir, script, "ground senses"), 0);
    cJSON *t = at_texts_of(dir, "marked");
    CHECK(at_texts_has(t, prompt("senses", 1)));
    CHECK(at_texts_contains(t, "1 of "));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back");
    CHECK(at_texts_has(t, prompt("senses", 0)));
    CHECK(at_texts_contains(t, "Step 1 of"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "again"); /* a fresh start of the step: no marks */
    CHECK(at_texts_has(t, prompt("senses", 1)));
    CHECK(at_texts_contains(t, "0 of "));
    cJSON_Delete(t);
    t = at_texts_of(dir, "left");
    CHECK(at_texts_has(t, prompt("senses", 0)));
    cJSON_Delete(t);
    t = at_texts_of(dir, "picker");
    CHECK(!at_texts_has(t, prompt("senses", 0)));
    CHECK(at_texts_has(t, "Ground"));
    CHECK(at_texts_has(t, at_str(exercise("senses"), "title")));
    cJSON_Delete(t);
    t = at_texts_of(dir, "menu");
    CHECK(at_texts_has(t, "Take a breath. What would help right now?"));
    CHECK(at_texts_has(t, "Ground"));
    CHECK(at_texts_has(t, "Come back to your body and the room"));
    cJSON_Delete(t);
}

static void menu_opens_the_picker_and_the_picker_starts_an_exercise(void)
{
    const char *dir = at_tmpdir(5);
    const char *script = "wait 300\nkey down\nkey return\nwait 300\ntexts $D/picker.json\n"
                         "key return\nwait 300\ntexts $D/first.json\n";
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "menu", dir, script, ""), 0);
    const cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(grounding, "exercises"), 0);
    cJSON *t = at_texts_of(dir, "picker");
    CHECK(at_texts_has(t, at_str(first, "when")));
    CHECK(at_texts_contains(t, "About "));
    cJSON_Delete(t);
    t = at_texts_of(dir, "first");
    const char *p0 = at_str(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(first, "steps"), 0), "prompt");
    CHECK(at_texts_has(t, at_str(first, "caution") ? at_str(first, "caution") : p0));
    cJSON_Delete(t);
}

/* Which word comes closest, how strong, then a note kept only when saved at the finish. */
static void feelings_and_a_saved_note(void)
{
    const char *dir = at_tmpdir(6);
    const cJSON *steps = steps_of("name-it");
    int n = cJSON_GetArraySize(steps), fi = -1, ni = -1;
    for (int i = 0; i < n; i++) {
        const cJSON *st = cJSON_GetArrayItem(steps, i);
        if (cJSON_GetObjectItemCaseSensitive(st, "feelings") && fi < 0) fi = i;
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(st, "note")) && ni < 0) ni = i;
    }
    CHECK(fi >= 0 && ni > fi);
    if (fi < 0 || ni <= fi) return;
    const cJSON *words = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, fi), "feelings");
    Script sc = {.n = 0};
    add(&sc, "wait 300\n");
    for (int i = 0; i < fi; i++) add(&sc, "key return\nwait 300\n");
    add(&sc, "texts $D/feel.json\nshot $D/feel.png\n");
    add(&sc, "key right\nkey return\nkey 3\nwait 300\ntexts $D/chosen.json\n");
    add(&sc, "key return\nwait 300\n");
    for (int i = fi + 1; i < ni; i++) add(&sc, "key return\nwait 300\n");
    add(&sc, "key tab\nwait 300\ntexts $D/field.json\n");
    add(&sc, "type It was anxious, \"mostly\" in my chest\nwait 100\ntexts $D/typed.json\nshot $D/note.png\n");
    add(&sc, "key return\nwait 300\ntexts $D/kept.json\n");
    add(&sc, "key return\nwait 300\ntexts $D/finish.json\n");
    char path[700];
    struct stat sb;
    /* Leaving the finish without saving keeps nothing. */
    char *leave = malloc(sc.n + 32);
    snprintf(leave, sc.n + 32, "%skey escape\nwait 300\n", sc.s);
    char *nosave = strdup(at_tmpdir(7));
    at_checkins_off(nosave);
    CHECK_INT(at_run(dir, "leave", nosave, leave, "ground name-it"), 0);
    snprintf(path, sizeof path, "%s/notes.jsonl", nosave);
    CHECK(stat(path, &sb) != 0);
    free(leave);
    free(nosave);
    add(&sc, "key return\nwait 300\ntexts $D/saved.json\n");
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "feel", dir, sc.s, "ground name-it"), 0);

    cJSON *t = at_texts_of(dir, "feel");
    CHECK(at_texts_has(t, prompt("name-it", fi)));
    const cJSON *w;
    cJSON_ArrayForEach(w, words) CHECK(at_texts_has(t, w->valuestring));
    CHECK(at_texts_has(t, "5"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "chosen"); /* Next waits for Enter once a word is chosen */
    CHECK(at_texts_has(t, prompt("name-it", fi)));
    cJSON_Delete(t);
    t = at_texts_of(dir, "field");
    CHECK(at_texts_has(t, "What did you notice?"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "typed");
    CHECK(at_texts_has(t, "It was anxious, \"mostly\" in my chest"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "kept");
    CHECK(at_texts_has(t, prompt("name-it", ni)));
    CHECK(at_texts_has(t, "It was anxious, \"mostly\" in my chest"));
    CHECK(at_texts_has(t, "Edit note"));
    cJSON_Delete(t);
    snprintf(path, sizeof path, "%s/notes.jsonl", dir);
    t = at_texts_of(dir, "finish");
    CHECK(at_texts_has(t, "Save my notes"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "saved");
    CHECK(at_texts_has(t, "Your notes are saved. They are in your journal."));
    CHECK(!at_texts_has(t, "Save my notes"));
    cJSON_Delete(t);
    CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600);
    char *lines = at_read_file(path);
    /* Two lines, one save: the feeling named (the second word, strength 3), then the note. */
    char *second = lines ? strchr(lines, '\n') : NULL;
    CHECK(second && strchr(second + 1, '\n') == lines + strlen(lines) - 1);
    cJSON *feel = lines ? cJSON_ParseWithLength(lines, second ? (size_t)(second - lines) : strlen(lines)) : NULL;
    CHECK(feel != NULL);
    if (feel) {
        CHECK_STR(at_str(feel, "kind"), "feeling");
        CHECK_STR(at_str(feel, "feeling"), cJSON_GetStringValue(cJSON_GetArrayItem(words, 1)));
        CHECK_INT(num(feel, "strength"), 3);
        CHECK_INT(num(feel, "step"), fi + 1);
    }
    cJSON_Delete(feel);
    cJSON *rec = second ? cJSON_Parse(second + 1) : NULL;
    CHECK(rec != NULL);
    if (rec) {
        CHECK_STR(at_str(rec, "kind"), "note");
        CHECK_STR(at_str(rec, "exercise"), "name-it");
        CHECK_INT(num(rec, "step"), ni + 1);
        CHECK_STR(at_str(rec, "text"), "It was anxious, \"mostly\" in my chest");
        const char *d = at_str(rec, "date");
        CHECK(d && strlen(d) == 10 && d[4] == '-' && d[7] == '-');
    }
    cJSON_Delete(rec);
    free(lines);
}

static void a_note_that_cannot_be_saved_is_said_on_screen(void)
{
    const char *dir = at_tmpdir(7);
    char data[700];
    /* The data folder is a plain file: nothing can be written under it. */
    snprintf(data, sizeof data, "%s/blocked", dir);
    FILE *f = fopen(data, "w");
    if (f) fclose(f);
    const cJSON *steps = steps_of("stop");
    int n = cJSON_GetArraySize(steps), ni = -1;
    for (int i = 0; i < n && ni < 0; i++)
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, i), "note"))) ni = i;
    CHECK(ni >= 0);
    if (ni < 0) return;
    Script sc = {.n = 0};
    /* Settings cannot be read from there either, so check-ins are on: skip them. */
    add(&sc, "wait 300\nkey s\nwait 300\n");
    for (int i = 0; i < ni; i++) add(&sc, "key return\nwait 300\n");
    add(&sc, "key tab\nwait 300\ntype quiet\nkey return\nwait 300\n");
    for (int i = ni; i < n; i++) add(&sc, "key return\nwait 300\n");
    /* Skip the after check-in; the practice cannot be saved either, which a notice says. */
    add(&sc, "key s\nwait 300\ntexts $D/notice.json\nkey return\nwait 300\n");
    add(&sc, "key return\nwait 300\ntexts $D/failed.json\nshot $D/failed.png\n");
    CHECK_INT(at_run(dir, "blocked", data, sc.s, "ground stop"), 0);
    cJSON *t = at_texts_of(dir, "notice");
    CHECK(at_texts_contains(t, "save"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "failed");
    CHECK(at_texts_contains(t, "could not be saved"));
    CHECK(at_texts_has(t, "Save my notes")); /* the user may try again */
    cJSON_Delete(t);
}

/* ---- walking whole exercises ---- */

/* Everything drawn lies inside the 800x600 window, and no two strings overlap. Says which on
 * stderr. */
static bool texts_fit(const cJSON *texts, const char *where)
{
    return cJSON_GetObjectItemCaseSensitive(texts, "texts") &&
           at_outside(texts, 800, 600, where) + at_overlaps(texts, 0, 0, where) == 0;
}

/* Whether step st is on the way chosen: it has no "only", or its option is the one chosen. */
static bool on_way(const cJSON *st, const char *chosen)
{
    const char *only = at_str(st, "only");
    return !only || (chosen && !strcmp(only, chosen));
}

#define WALK_MAX 40

/* A script that walks exercise `id` from its caution (if any) to the finish, choosing option
 * `opt` at its choice, with the drawn texts of each step shown as $D/<tag>-<k>.json (k from 1)
 * and of the finish as $D/<tag>-end.json. Fills shown[] with the indices of the steps on the
 * way and returns how many. Timed steps and interludes are left early, after a look. */
static int walk_script(Script *sc, const char *id, int opt, const char *tag, int *shown)
{
    const cJSON *steps = steps_of(id);
    int n = cJSON_GetArraySize(steps), k = 0;
    const char *chosen = NULL;
    /* The option ids of the choice, for the steps that follow it. */
    for (int i = 0; i < n; i++) {
        const cJSON *opts = cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, i), "choose"), "options");
        if (opts) chosen = at_str(cJSON_GetArrayItem(opts, opt < cJSON_GetArraySize(opts) ? opt : 0), "id");
    }
    add(sc, "wait 300\n");
    if (at_str(exercise(id), "caution")) add(sc, "texts $D/%s-caution.json\nkey return\nwait 300\n", tag);
    for (int i = 0; i < n; i++) {
        const cJSON *st = cJSON_GetArrayItem(steps, i);
        if (!on_way(st, chosen) || k >= WALK_MAX) continue;
        shown[k++] = i;
        add(sc, "texts $D/%s-%d.json\n", tag, k);
        int count = num(st, "count");
        if (count) {
            for (int m = 0; m <= count; m++) add(sc, "key return\n"); /* the last press goes on */
        } else if (num(st, "seconds")) {
            add(sc, "wait 1500\ntexts $D/%s-%d-timed.json\nkey return\n", tag, k);
        } else if (cJSON_GetObjectItemCaseSensitive(st, "breathe")) {
            add(sc, "wait 4000\ntexts $D/%s-%d-breath.json\nkey return\n", tag, k);
        } else if (cJSON_GetObjectItemCaseSensitive(st, "feelings")) {
            add(sc, "key return\nkey 3\nwait 100\ntexts $D/%s-%d-felt.json\nkey return\n", tag, k);
        } else if (cJSON_GetObjectItemCaseSensitive(st, "choose")) {
            add(sc, "key %d\n", (opt < 6 ? opt : 0) + 1);
        } else {
            add(sc, "key return\n");
        }
        add(sc, "wait 300\n");
    }
    add(sc, "texts $D/%s-end.json\nshot $D/%s-end.png\n", tag, tag);
    return k;
}

/* Checks what a walk_script run drew: each step on the way in turn, numbered "Step k of n",
 * with its prompt and detail, all inside the window; then the finish with every step done. */
static void check_walk(const char *dir, const char *id, const char *tag, const int *shown, int n)
{
    const cJSON *steps = steps_of(id);
    char name[96], want[64];
    for (int k = 1; k <= n; k++) {
        const cJSON *st = cJSON_GetArrayItem(steps, shown[k - 1]);
        snprintf(name, sizeof name, "%s-%d", tag, k);
        cJSON *t = at_texts_of(dir, name);
        CHECK(at_texts_has(t, at_str(st, "prompt")));
        if (at_str(st, "detail")) CHECK(at_texts_has(t, at_str(st, "detail")));
        if (at_str(st, "caution")) CHECK(at_texts_has(t, at_str(st, "caution")));
        snprintf(want, sizeof want, "Step %d of %d", k, n);
        CHECK(at_texts_has(t, want));
        if (!at_texts_has(t, want) || !at_texts_has(t, at_str(st, "prompt")))
            fprintf(stderr, "    %s: expected \"%s\" and \"%s\"\n", name, want, at_str(st, "prompt"));
        CHECK(at_texts_has(t, k == n ? "Finish" : "Next"));
        CHECK(texts_fit(t, name));
        /* No step off the way is ever shown. */
        const cJSON *other;
        cJSON_ArrayForEach(other, steps) {
            bool on = false;
            for (int j = 0; j < n; j++) on |= other == cJSON_GetArrayItem(steps, shown[j]);
            if (!on) CHECK(!at_texts_has(t, at_str(other, "prompt")));
        }
        cJSON_Delete(t);
        if (cJSON_GetObjectItemCaseSensitive(st, "breathe")) {
            snprintf(name, sizeof name, "%s-%d-breath", tag, k);
            t = at_texts_of(dir, name);
            CHECK(at_texts_has(t, "Breathe in"));
            cJSON_Delete(t);
        }
        if (cJSON_GetObjectItemCaseSensitive(st, "feelings")) {
            snprintf(name, sizeof name, "%s-%d-felt", tag, k);
            t = at_texts_of(dir, name);
            CHECK(at_texts_has(t, at_str(st, "prompt"))); /* a word and a strength: Next still waits */
            cJSON_Delete(t);
        }
    }
    snprintf(name, sizeof name, "%s-end", tag);
    cJSON *t = at_texts_of(dir, name);
    CHECK(at_texts_has(t, "Well done"));
    snprintf(want, sizeof want, "%d of %d steps", n, n);
    CHECK(at_texts_contains(t, want));
    cJSON_Delete(t);
    char logpath[600], rec[128];
    snprintf(logpath, sizeof logpath, "%s/practice.jsonl", dir);
    char *log = at_read_file(logpath);
    snprintf(rec, sizeof rec, "\"kind\":\"grounding\",\"content\":\"%s\"", id);
    CHECK_CONTAINS(log, rec);
    CHECK_CONTAINS(log, "\"completed\":true");
    snprintf(rec, sizeof rec, "\"count\":%d", n);
    CHECK_CONTAINS(log, rec);
    free(log);
}

static void every_newer_exercise_can_be_walked_to_its_end(void)
{
    static const char *const ids[] = {"self-compassion", "breathing-space", "orienting", "soothe",
                                      "opposite-action", "check-facts", "urge-surfing", "kindness"};
    for (int i = 0; i < 8; i++) {
        const char *dir = at_tmpdir(0);
        Script sc = {.n = 0};
        int shown[WALK_MAX];
        int n = walk_script(&sc, ids[i], 0, ids[i], shown);
        CHECK(n >= 5);
        char args[80];
        snprintf(args, sizeof args, "ground %s", ids[i]);
        at_checkins_off(dir);
        CHECK_INT(at_run(dir, ids[i], dir, sc.s, args), 0);
        if (at_str(exercise(ids[i]), "caution")) {
            char name[96];
            snprintf(name, sizeof name, "%s-caution", ids[i]);
            cJSON *t = at_texts_of(dir, name);
            CHECK(at_texts_has(t, at_str(exercise(ids[i]), "caution")));
            CHECK(texts_fit(t, name));
            cJSON_Delete(t);
        }
        check_walk(dir, ids[i], ids[i], shown, n);
    }
}

/* TIPP walked once for each of its four skills: only that skill's steps, counted as such. */
static void tipp_walks_only_the_skill_chosen(void)
{
    const cJSON *steps = steps_of("tipp");
    const cJSON *opts = NULL;
    for (int i = 0; i < cJSON_GetArraySize(steps) && !opts; i++)
        opts = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, i), "choose"),
                                                "options");
    CHECK_INT(cJSON_GetArraySize(opts), 4);
    for (int o = 0; o < cJSON_GetArraySize(opts); o++) {
        const char *dir = at_tmpdir(1);
        Script sc = {.n = 0};
        int shown[WALK_MAX];
        char tag[32];
        snprintf(tag, sizeof tag, "tipp%d", o);
        int n = walk_script(&sc, "tipp", o, tag, shown);
        at_checkins_off(dir);
        CHECK_INT(at_run(dir, tag, dir, sc.s, "ground tipp"), 0);
        check_walk(dir, "tipp", tag, shown, n);
    }
}

/* The choice by keys (a number; Up/Down and Enter) and by mouse; Back returns to it with the
 * option kept, and another option changes the way on. */
static void tipp_choice_by_keys_and_mouse_with_back(void)
{
    const cJSON *steps = steps_of("tipp");
    int n = cJSON_GetArraySize(steps), ci = -1;
    for (int i = 0; i < n && ci < 0; i++)
        if (cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, i), "choose")) ci = i;
    CHECK(ci > 0);
    if (ci <= 0) return;
    const cJSON *opts = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, ci), "choose"), "options");
    /* The first step of each option's own way, and how many steps a way has. */
    int first[4] = {-1, -1, -1, -1}, own[4] = {0};
    for (int i = 0; i < n; i++) {
        const char *only = at_str(cJSON_GetArrayItem(steps, i), "only");
        for (int o = 0; only && o < 4; o++) {
            if (strcmp(only, at_str(cJSON_GetArrayItem(opts, o), "id"))) continue;
            if (first[o] < 0) first[o] = i;
            own[o]++;
        }
    }
    int shared = 0;
    for (int i = 0; i < n; i++) shared += at_str(cJSON_GetArrayItem(steps, i), "only") == NULL;
    int longest = 0;
    for (int o = 0; o < 4; o++) longest = own[o] > longest ? own[o] : longest;

    const char *dir = at_tmpdir(2);
    Script sc = {.n = 0};
    add(&sc, "wait 300\nkey return\nwait 300\n");
    for (int i = 0; i < ci; i++) add(&sc, "key return\nwait 300\n");
    add(&sc, "texts $D/choose.json\nshot $D/choose.png\n");
    add(&sc, "key right\nkey 5\nwait 300\ntexts $D/waits.json\n"); /* Next waits; no fifth option */
    add(&sc, "key 2\nwait 300\ntexts $D/second.json\n");
    add(&sc, "key backspace\nwait 300\ntexts $D/back.json\n");
    add(&sc, "key down\nkey down\nwait 100\ntexts $D/focus.json\nkey return\nwait 300\ntexts $D/fourth.json\n");
    add(&sc, "key left\nwait 300\nkey up\nkey up\nkey up\nkey up\nkey return\nwait 300\ntexts $D/first.json\n");
    add(&sc, "key backspace\nwait 300\nkey return\nwait 300\ntexts $D/again.json\n"); /* Enter: the kept option */
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "keys", dir, sc.s, "ground tipp"), 0);

    char want[64];
    cJSON *t = at_texts_of(dir, "choose");
    CHECK(at_texts_has(t, prompt("tipp", ci)));
    const cJSON *o;
    cJSON_ArrayForEach(o, opts) CHECK(at_texts_has(t, at_str(o, "label")));
    for (int k = 1; k <= 4; k++) {
        snprintf(want, sizeof want, "%d", k);
        CHECK(at_texts_has(t, want)); /* the number that picks it */
    }
    snprintf(want, sizeof want, "Step %d of %d", ci + 1, shared + longest);
    CHECK(at_texts_has(t, want));
    CHECK(at_texts_has(t, "Back"));
    CHECK(texts_fit(t, "choose"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "waits");
    CHECK(at_texts_has(t, prompt("tipp", ci)));
    cJSON_Delete(t);
    t = at_texts_of(dir, "second");
    CHECK(at_texts_has(t, prompt("tipp", first[1])));
    snprintf(want, sizeof want, "Step %d of %d", ci + 2, shared + own[1]);
    CHECK(at_texts_has(t, want));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back");
    CHECK(at_texts_has(t, prompt("tipp", ci)));
    snprintf(want, sizeof want, "Step %d of %d", ci + 1, shared + own[1]); /* the kept option's way */
    CHECK(at_texts_has(t, want));
    cJSON_Delete(t);
    t = at_texts_of(dir, "fourth"); /* Down twice from the kept second option */
    CHECK(at_texts_has(t, prompt("tipp", first[3])));
    cJSON_Delete(t);
    t = at_texts_of(dir, "first");
    CHECK(at_texts_has(t, prompt("tipp", first[0])));
    cJSON_Delete(t);
    t = at_texts_of(dir, "again");
    CHECK(at_texts_has(t, prompt("tipp", first[0])));
    cJSON_Delete(t);

    /* By mouse: a click on the third option's label, where the keyboard run drew it. */
    t = at_texts_of(dir, "choose");
    int x = 0, y = 0, w = 0, h = 0;
    CHECK(at_text_rect(t, at_str(cJSON_GetArrayItem(opts, 2), "label"), &x, &y, &w, &h));
    cJSON_Delete(t);
    sc.n = 0;
    add(&sc, "wait 300\nkey return\nwait 300\n");
    for (int i = 0; i < ci; i++) add(&sc, "key return\nwait 300\n");
    add(&sc, "click 400 12\nwait 300\ntexts $D/missed.json\n"); /* beside the options: nothing */
    add(&sc, "click %d %d\nwait 300\ntexts $D/clicked.json\n", x + w / 2, y + h / 2);
    CHECK_INT(at_run(dir, "mouse", dir, sc.s, "ground tipp"), 0);
    t = at_texts_of(dir, "missed");
    CHECK(at_texts_has(t, prompt("tipp", ci)));
    cJSON_Delete(t);
    t = at_texts_of(dir, "clicked");
    CHECK(at_texts_has(t, prompt("tipp", first[2])));
    cJSON_Delete(t);
}

/* Sixteen feeling words at 800x600: in as many rows as they need, inside the window, clear of
 * each other and of the buttons, at text sizes 100%, 150% and 200%. */
static void the_feelings_step_fits_at_800x600_at_every_text_size(void)
{
    const cJSON *steps = steps_of("name-it");
    int n = cJSON_GetArraySize(steps), fi = -1;
    for (int i = 0; i < n && fi < 0; i++)
        if (cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, i), "feelings")) fi = i;
    CHECK(fi >= 0);
    if (fi < 0) return;
    const cJSON *words = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(steps, fi), "feelings");
    CHECK(cJSON_GetArraySize(words) >= 16);
    static const char *const sizes[] = {"1", "1.5", "2"};
    for (int z = 0; z < 3; z++) {
        const char *dir = at_tmpdir(3);
        char settings[256];
        snprintf(settings, sizeof settings, "{\"checkins\": false, \"text_size\": %s, " AT_INTROS_SEEN "}", sizes[z]);
        at_write_settings(dir, settings);
        Script sc = {.n = 0};
        add(&sc, "wait 300\n");
        for (int i = 0; i < fi; i++) add(&sc, "key return\nwait 300\n");
        add(&sc, "texts $D/feel.json\nshot $D/feel.png\n");
        CHECK_INT(at_run(dir, "feel", dir, sc.s, "ground name-it"), 0);
        cJSON *t = at_texts_of(dir, "feel");
        CHECK(at_texts_has(t, prompt("name-it", fi)));
        int bx = 0, by = 600, bw = 0, bh = 0;
        CHECK(at_text_rect(t, "Next", &bx, &by, &bw, &bh));
        const cJSON *wd;
        cJSON_ArrayForEach(wd, words) {
            int x = -1, y = -1, w = 0, h = 0;
            CHECK(at_text_rect(t, wd->valuestring, &x, &y, &w, &h));
            CHECK(x >= 0 && x + w <= 800 && y >= 0 && y + h < by); /* above the buttons */
        }
        for (int s = 1; s <= 5; s++) { /* and the strength row */
            char d[4];
            snprintf(d, sizeof d, "%d", s);
            int x = -1, y = -1, w = 0, h = 0;
            CHECK(at_text_rect(t, d, &x, &y, &w, &h));
            CHECK(y + h < by);
        }
        /* Everything but the key hints (which crowd at 200% on any screen) stays clear. */
        cJSON *list = cJSON_GetObjectItemCaseSensitive(t, "texts");
        for (int i = cJSON_GetArraySize(list) - 1; i >= 0; i--)
            if (num(cJSON_GetArrayItem(list, i), "y") >= by + bh) cJSON_DeleteItemFromArray(list, i);
        char where[32];
        snprintf(where, sizeof where, "feelings at %s", sizes[z]);
        CHECK(texts_fit(t, where));
        cJSON_Delete(t);
    }
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    char path[600];
    snprintf(path, sizeof path, "%s/levels/grounding.json", at_source);
    char *s = at_read_file(path);
    grounding = s ? cJSON_Parse(s) : NULL;
    free(s);
    if (!grounding) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    RUN(senses_shows_each_prompt_then_the_finish);
    RUN(timed_step_counts_down_and_moves_on_by_itself);
    RUN(frames_drawn_in_part_equal_whole_frames);
    RUN(help_holds_a_grounding_step);
    RUN(pause_and_resume_by_the_control_bar);
    RUN(tipp_shows_its_caution_before_the_first_step);
    RUN(command_line_names_the_exercise_and_lists_them);
    RUN(back_returns_to_the_previous_prompt_and_esc_leaves);
    RUN(menu_opens_the_picker_and_the_picker_starts_an_exercise);
    RUN(feelings_and_a_saved_note);
    RUN(a_note_that_cannot_be_saved_is_said_on_screen);
    RUN(every_newer_exercise_can_be_walked_to_its_end);
    RUN(tipp_walks_only_the_skill_chosen);
    RUN(tipp_choice_by_keys_and_mouse_with_back);
    RUN(the_feelings_step_fits_at_800x600_at_every_text_size);
    cJSON_Delete(grounding);
    return check_report();
}
