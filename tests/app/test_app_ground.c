/* The grounding screens end to end, headless: one prompt at a time, marks that fill, timed steps
 * that count down and move on by themselves, the breathing interlude, the TIPP caution, the
 * feelings step, notes that are saved only when asked, Back and Esc. Prompts are read from
 * levels/grounding.json so content edits do not break the tests. */
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

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(s) ? s->valuestring : NULL;
}

static int num(const cJSON *o, const char *key)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(n) ? n->valueint : 0;
}

static const char *prompt(const char *id, int i)
{
    return str(cJSON_GetArrayItem(steps_of(id), i), "prompt");
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
            add(&sc, "key space\nwait 100\ntexts $D/step%d-first.json\n", i);
            for (int k = 1; k < count; k++) add(&sc, "key space\n");
            add(&sc, "wait 100\ntexts $D/step%d-full.json\nshot $D/step%d-full.png\n", i, i);
            add(&sc, "wait 1000\n"); /* a full row moves on by itself */
        } else if (cJSON_GetObjectItemCaseSensitive(st, "breathe")) {
            add(&sc, "wait 4000\ntexts $D/step%d-breath.json\nshot $D/step%d-breath.png\n", i, i);
            add(&sc, "key space\nwait 300\n"); /* an interlude may be left early */
        } else {
            add(&sc, "key space\nwait 300\n");
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
        CHECK(at_texts_has(t, str(st, "prompt")));
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
            CHECK(at_texts_has(t, str(st, "prompt"))); /* still there while the last mark shows */
            cJSON_Delete(t);
        }
        if (cJSON_GetObjectItemCaseSensitive(st, "breathe")) {
            snprintf(name, sizeof name, "step%d-breath", i);
            t = at_texts_of(dir, name);
            CHECK(at_texts_has(t, "Breathe in"));
            CHECK(at_texts_has(t, str(st, "prompt")));
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
    add(&sc, "wait 300\nkey space\n"); /* to the first timed step */
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
    CHECK_INT(at_parts_differ(dir, "wait 300\nkey space\n", "ground body-scan", timed, 3), 0);
    dir = at_tmpdir(7);
    at_checkins_off(dir);
    const int marks[3] = {40, 130, 400}; /* a mark grows over 260 ms after Space */
    CHECK_INT(at_parts_differ(dir, "wait 300\nkey space\n", "ground senses", marks, 3), 0);
}

/* Help over a timed step stops its clock: half a minute under help, and the seconds left are
 * what they were (the step has not run out and moved on). */
static void help_holds_a_grounding_step(void)
{
    const char *dir = at_tmpdir(8);
    at_checkins_off(dir);
    int secs = num(cJSON_GetArrayItem(steps_of("body-scan"), 1), "seconds");
    const char *script = "wait 300\nkey space\nwait 2000\ntexts $D/before.json\n"
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

static void tipp_shows_its_caution_before_the_first_step(void)
{
    const char *dir = at_tmpdir(2);
    const char *script = "wait 300\ntexts $D/caution.json\nshot $D/caution.png\n"
                         "key space\nwait 300\ntexts $D/still.json\n" /* Enter, not Space */
                         "key return\nwait 300\ntexts $D/first.json\n";
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "tipp", dir, script, "ground tipp"), 0);
    const char *caution = str(exercise("tipp"), "caution");
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
    CHECK(at_texts_has(t, str(exercise("tipp"), "title"))); /* back in the picker, on it */
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
        CHECK_CONTAINS(out, str(ex, "id"));
        CHECK_CONTAINS(out, str(ex, "title"));
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
    const char *script = "wait 300\nkey space\nwait 300\nkey space\nwait 300\ntexts $D/marked.json\n"
                         "key backspace\nwait 300\ntexts $D/back.json\n"
                         "key space\nwait 300\ntexts $D/again.json\n"
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
    CHECK(at_texts_has(t, str(exercise("senses"), "title")));
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
    CHECK(at_texts_has(t, str(first, "when")));
    CHECK(at_texts_contains(t, "About "));
    cJSON_Delete(t);
    t = at_texts_of(dir, "first");
    const char *p0 = str(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(first, "steps"), 0), "prompt");
    CHECK(at_texts_has(t, str(first, "caution") ? str(first, "caution") : p0));
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
    for (int i = 0; i < fi; i++) add(&sc, "key space\nwait 300\n");
    add(&sc, "texts $D/feel.json\nshot $D/feel.png\n");
    add(&sc, "key right\nkey return\nkey 3\nwait 300\ntexts $D/chosen.json\n");
    add(&sc, "key return\nwait 300\n");
    for (int i = fi + 1; i < ni; i++) add(&sc, "key space\nwait 300\n");
    add(&sc, "key tab\nwait 300\ntexts $D/field.json\n");
    add(&sc, "type It was anxious, \"mostly\" in my chest\nwait 100\ntexts $D/typed.json\nshot $D/note.png\n");
    add(&sc, "key return\nwait 300\ntexts $D/kept.json\n");
    add(&sc, "key space\nwait 300\ntexts $D/finish.json\n");
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
    CHECK(at_texts_has(t, "Your notes are saved."));
    CHECK(!at_texts_has(t, "Save my notes"));
    cJSON_Delete(t);
    CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600);
    char *lines = at_read_file(path);
    CHECK(lines && strchr(lines, '\n') == lines + strlen(lines) - 1); /* one line */
    cJSON *rec = lines ? cJSON_Parse(lines) : NULL;
    CHECK(rec != NULL);
    if (rec) {
        CHECK_STR(str(rec, "exercise"), "name-it");
        CHECK_INT(num(rec, "step"), ni + 1);
        CHECK_STR(str(rec, "text"), "It was anxious, \"mostly\" in my chest");
        const char *d = str(rec, "date");
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
    for (int i = 0; i < ni; i++) add(&sc, "key space\nwait 300\n");
    add(&sc, "key tab\nwait 300\ntype quiet\nkey return\nwait 300\n");
    for (int i = ni; i < n; i++) add(&sc, "key space\nwait 300\n");
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
    RUN(tipp_shows_its_caution_before_the_first_step);
    RUN(command_line_names_the_exercise_and_lists_them);
    RUN(back_returns_to_the_previous_prompt_and_esc_leaves);
    RUN(menu_opens_the_picker_and_the_picker_starts_an_exercise);
    RUN(feelings_and_a_saved_note);
    RUN(a_note_that_cannot_be_saved_is_said_on_screen);
    cJSON_Delete(grounding);
    return check_report();
}
