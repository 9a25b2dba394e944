/* The content the app starts from: without its shipped folder it refuses to start, saying
 * which folder; `attune validate` refuses it too. Content at every limit of the validator fits
 * on screen at the default window size and text size. A problem in a card level is reported
 * though the menu opens before the levels are checked. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "apptest.h"
#include "attune/breath.h"
#include "attune/deck.h"
#include "attune/ground.h"
#include "check.h"

static int sh(const char *cmd)
{
    int st = system(cmd);
    if (st == -1) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* A copy of the binary in DIR/bin, which finds its content in DIR/share/attune/levels and its
 * fonts in DIR/share/attune/fonts, as an installed Attune does. Returns the copy's path. */
static const char *install_copy(const char *dir)
{
    static char bin[700];
    char cmd[2000];
    snprintf(bin, sizeof bin, "%s/bin/attune", dir);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/bin' '%s/share/attune/levels' && cp '%s' '%s' && "
                              "cp -R '%s/assets/fonts' '%s/share/attune/fonts'",
             dir, dir, at_attune, bin, at_source, dir);
    CHECK_INT(sh(cmd), 0);
    return bin;
}

/* As at_run, with the binary `bin` and a window of its own size. */
static int at_run_window(const char *dir, const char *name, const char *data, const char *script,
                         const char *args, const char *bin, const char *window)
{
    char path[600], cmd[3000];
    snprintf(path, sizeof path, "%s/%s.script", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fputs(script, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "timeout -s KILL 120 '%s' --data-dir '%s' --window %s --script '%s' %s "
             "2>'%s/%s.err' >/dev/null </dev/null", bin, data, window, path, args, dir, name);
    int rc = sh(cmd);
    CHECK_INT(rc, 0);
    return rc;
}

static void without_shipped_content_attune_refuses_to_start_naming_the_folder(void)
{
    const char *dir = at_tmpdir(0), *data = at_tmpdir(1);
    const char *bin = install_copy(dir);
    char cmd[2400], levels[700], path[700];
    snprintf(levels, sizeof levels, "%s/share/attune/levels", dir);
    static const char *const runs[][2] = {
        {"menu", "--script /dev/null"},
        {"breathe", "breathe --script /dev/null"},
        {"list", "list"},
        {"validate", "validate"},
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        snprintf(cmd, sizeof cmd, "timeout -s KILL 60 '%s' --data-dir '%s' %s >/dev/null 2>'%s/%s.err'",
                 bin, data, runs[i][1], dir, runs[i][0]);
        CHECK_INT(sh(cmd), 1);
        snprintf(path, sizeof path, "%s/%s.err", dir, runs[i][0]);
        char *err = at_read_file(path);
        CHECK_CONTAINS(err, levels);
        CHECK_CONTAINS(err, "has no breathing patterns, grounding exercises, card levels or help and crisis lines");
        free(err);
    }
    /* With the shipped files beside it, the same copy starts. */
    snprintf(cmd, sizeof cmd, "cp '%s'/levels/*.json '%s' && '%s' --data-dir '%s' validate >/dev/null 2>&1",
             at_source, levels, bin, data);
    CHECK_INT(sh(cmd), 0);
}

/* ---- content at its limits ---------------------------------------------------------- */

/* n characters of plain English prose (measured: about the width of average text), without
 * spaces at either end, so the validator counts exactly n. */
static char *prose(int n)
{
    static const char S[] = "When words go wrong, we can make room for what matters most. Breathe "
                            "and notice how your body feels. Name it kindly; the moment will pass. ";
    char *s = malloc((size_t)n + 1);
    for (int i = 0; i < n; i++) s[i] = S[i % (int)(sizeof S - 1)];
    s[n] = 0;
    for (int i = n - 1; i >= 0 && s[i] == ' '; i--) s[i] = 'm';
    if (n && s[0] == ' ') s[0] = 'W';
    return s;
}

static void set_text(cJSON *obj, const char *key, int n)
{
    char *t = prose(n);
    cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
    cJSON_AddStringToObject(obj, key, t);
    free(t);
}

static cJSON *read_json(const char *path)
{
    char *text = at_read_file(path);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    free(text);
    CHECK(j != NULL);
    return j;
}

static void write_json(const char *path, cJSON *j)
{
    char *text = cJSON_Print(j);
    FILE *f = fopen(path, "w");
    CHECK(f && text);
    if (f && text) fputs(text, f);
    if (f) fclose(f);
    free(text);
    cJSON_Delete(j);
}

/* Shipped-like companions of a field at its limit: the longest of each in the shipped files,
 * rounded up. */
#define TYPICAL_PROMPT 52
#define TYPICAL_DETAIL 115

static cJSON *step(const char *kind, int prompt, int detail, int caution, bool long_feelings)
{
    cJSON *st = cJSON_CreateObject();
    set_text(st, "prompt", prompt);
    if (detail) set_text(st, "detail", detail);
    if (caution) set_text(st, "caution", caution);
    if (!strcmp(kind, "count")) cJSON_AddNumberToObject(st, "count", GROUND_COUNT_MAX);
    if (!strcmp(kind, "seconds")) cJSON_AddNumberToObject(st, "seconds", GROUND_SECONDS_MAX);
    if (!strcmp(kind, "breathe")) {
        cJSON *b = cJSON_AddObjectToObject(st, "breathe");
        cJSON_AddStringToObject(b, "pattern", "box");
        cJSON_AddNumberToObject(b, "breaths", GROUND_BREATHS_MAX);
    }
    if (!strcmp(kind, "feelings")) {
        cJSON *f = cJSON_AddArrayToObject(st, "feelings");
        int n = long_feelings ? GROUND_FEELINGS_MAX : 10;
        for (int i = 0; i < n; i++) {
            char w[GROUND_FEELING_LEN + 8];
            char *p = prose(long_feelings ? GROUND_FEELING_LEN : 11);
            snprintf(w, sizeof w, "%c%s", 'A' + i, p + 1); /* distinct */
            free(p);
            cJSON_AddItemToArray(f, cJSON_CreateString(w));
        }
    }
    return st;
}

static const char *const KINDS[] = {"plain", "count", "seconds", "feelings", "breathe"};
#define NKINDS 5

/* The shipped files with, in place of the second pattern, the first exercise and every level
 * and card, text at every limit. The first exercise's steps: for each kind of step, the
 * prompt, the detail and the caution each at its limit with the others shipped-like; then
 * the most feelings at their longest. */
static void write_limit_content(const char *levels)
{
    char src[700], dst[1500];
    snprintf(src, sizeof src, "%s/levels/patterns.json", at_source);
    cJSON *j = read_json(src);
    cJSON *p = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "patterns"), 1);
    set_text(p, "title", BREATH_TITLE_MAX);
    set_text(p, "when", BREATH_WHEN_MAX);
    snprintf(dst, sizeof dst, "%s/patterns.json", levels);
    write_json(dst, j);

    snprintf(src, sizeof src, "%s/levels/grounding.json", at_source);
    j = read_json(src);
    cJSON *ex = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "exercises"), 0);
    set_text(ex, "title", GROUND_TITLE_MAX);
    set_text(ex, "when", GROUND_WHEN_MAX);
    set_text(ex, "caution", GROUND_CAUTION_MAX);
    cJSON *steps = cJSON_CreateArray();
    for (int k = 0; k < NKINDS; k++) {
        cJSON_AddItemToArray(steps, step(KINDS[k], GROUND_PROMPT_MAX, TYPICAL_DETAIL, 0, false));
        cJSON_AddItemToArray(steps, step(KINDS[k], TYPICAL_PROMPT, GROUND_DETAIL_MAX, 0, false));
        cJSON_AddItemToArray(steps, step(KINDS[k], TYPICAL_PROMPT, TYPICAL_DETAIL, GROUND_STEP_CAUTION_MAX, false));
    }
    cJSON_AddItemToArray(steps, step("feelings", TYPICAL_PROMPT, TYPICAL_DETAIL, 0, true));
    cJSON_ReplaceItemInObjectCaseSensitive(ex, "steps", steps);
    snprintf(dst, sizeof dst, "%s/grounding.json", levels);
    write_json(dst, j);

    snprintf(src, sizeof src, "%s/levels/resources.json", at_source);
    snprintf(dst, sizeof dst, "%s/resources.json", levels);
    write_json(dst, read_json(src));

    for (int n = 1; n <= DECK_LEVEL_MAX; n++) {
        char cmd[1500];
        snprintf(cmd, sizeof cmd, "ls '%s'/levels/0%d-*.json", at_source, n);
        FILE *ls = popen(cmd, "r");
        char name[700] = "";
        if (!ls || !fgets(name, sizeof name, ls)) {
            if (ls) pclose(ls);
            continue;
        }
        pclose(ls);
        name[strcspn(name, "\n")] = 0;
        j = read_json(name);
        cJSON *lv = cJSON_GetObjectItem(j, "level");
        set_text(lv, "title", DECK_TITLE_MAX);
        set_text(lv, "intro", DECK_INTRO_MAX);
        cJSON *c;
        cJSON_ArrayForEach(c, cJSON_GetObjectItem(lv, "cards")) {
            set_text(c, "situation", DECK_SITUATION_MAX);
            set_text(c, "try_saying", DECK_TRY_SAYING_MAX);
            set_text(c, "reflect", DECK_REFLECT_MAX);
            cJSON *r;
            cJSON_ArrayForEach(r, cJSON_GetObjectItem(c, "responses")) {
                set_text(r, "text", DECK_TEXT_MAX);
                set_text(r, "why", DECK_WHY_MAX);
            }
        }
        snprintf(dst, sizeof dst, "%s/%s", levels, strrchr(name, '/') + 1);
        write_json(dst, j);
    }
}

/* Every string drawn on the screen NAME (texts of DIR/NAME.json) lies inside the w x h
 * window, apart from every other string, and whole (not cut short with an ellipsis). */
static int check_fits(const char *dir, const char *name, int w, int h)
{
    cJSON *t = at_texts_of(dir, name);
    int bad = 0;
    const cJSON *list = cJSON_GetObjectItem(t, "texts"), *a;
    if (!list || cJSON_GetArraySize(list) == 0) {
        fprintf(stderr, "  %s: nothing drawn\n", name);
        bad++;
    }
    bad += at_outside(t, w, h, name) + at_overlaps(t, 0, 0, name);
    cJSON_ArrayForEach(a, list) {
        const char *s = cJSON_GetObjectItem(a, "text")->valuestring;
        if (strstr(s, "\xE2\x80\xA6")) {
            fprintf(stderr, "  %s: cut short: %.50s\n", name, s);
            bad++;
        }
    }
    cJSON_Delete(t);
    return bad;
}

static void content_at_every_limit_fits_on_screen(void)
{
    const char *dir = at_tmpdir(2), *data = at_tmpdir(3);
    const char *bin = install_copy(dir);
    char levels[700], cmd[2400], path[700];
    snprintf(levels, sizeof levels, "%s/share/attune/levels", dir);
    write_limit_content(levels);
    snprintf(cmd, sizeof cmd, "'%s' --data-dir '%s' validate >'%s/validate.out' 2>&1", bin, data, dir);
    CHECK_INT(sh(cmd), 0); /* the content is at the limits, not past them */
    snprintf(path, sizeof path, "%s/settings.json", data);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("{\"checkins\": false, \"welcomed\": true, \"cards_safety_seen\": true, \"moves_seen\": true}", f);
        fclose(f);
    }
    /* Each screen: the script to reach it from the start of a command, then its texts. */
    static char script[8000];
    int n = 0;
#define SHOT(name) n += snprintf(script + n, sizeof script - n, "wait 400\ntexts %s/%s.json\n", dir, name)
#define DO(line) n += snprintf(script + n, sizeof script - n, "%s\n", line)
    static const struct { const char *name, *args, *keys; } RUNS[] = {
        {"breathe-picker", "", "key Right\nkey Return\nwait 300\nkey Down"},
        {"breathing", "breathe box", "wait 5000"},
        {"ground-picker", "ground", ""},
        {"ground-caution", "ground", "key Return"},
        {"cards-picker", "cards", ""},
        {"card", "cards", "key Return"},
        {"card-revealed", "cards", "key Return\nwait 300\nkey 1"},
    };
    for (size_t i = 0; i < sizeof RUNS / sizeof RUNS[0]; i++) {
        n = 0;
        DO("wait 300");
        if (RUNS[i].keys[0]) DO(RUNS[i].keys);
        SHOT(RUNS[i].name);
        at_run_window(dir, RUNS[i].name, data, script, RUNS[i].args, bin, "1280x720");
        CHECK_INT(check_fits(dir, RUNS[i].name, 1280, 720), 0);
    }
    /* Every step of the limits exercise, in turn. */
    n = 0;
    DO("wait 300\nkey Return\nwait 300"); /* the caution, acknowledged */
    char names[NKINDS * 3 + 1][40];
    int nsteps = 0;
    for (int k = 0; k < NKINDS; k++)
        for (int v = 0; v < 3; v++) {
            static const char *const WHAT[] = {"prompt", "detail", "caution"};
            snprintf(names[nsteps], sizeof names[0], "step-%s-%s", KINDS[k], WHAT[v]);
            SHOT(names[nsteps]);
            nsteps++;
            if (!strcmp(KINDS[k], "count")) DO("key Return\nkey Return\nkey Return\nkey Return\nkey Return\n"
                                               "key Return\nkey Return\nkey Return\nkey Return\nkey Return\nkey Return");
            else if (!strcmp(KINDS[k], "feelings")) DO("key Return\nkey Down\nkey Down\nkey Down\nkey Down\nkey Down\n"
                                                      "key Down\nkey Down\nkey Down\nkey Down\nkey Down\nkey Return");
            else DO("key Return");
        }
    snprintf(names[nsteps], sizeof names[0], "step-feelings-most");
    SHOT(names[nsteps]);
    nsteps++;
    at_run_window(dir, "steps", data, script, "ground senses", bin, "1280x720");
    for (int i = 0; i < nsteps; i++) CHECK_INT(check_fits(dir, names[i], 1280, 720), 0);
}

/* The menu opens before the card levels are checked (they load just after its first frame): a
 * problem in one is still reported, naming the file and the path, and the cards open from the
 * menu with the rest. */
static void a_problem_in_a_card_level_is_reported_though_the_menu_opens_first(void)
{
    const char *dir = at_tmpdir(4), *data = at_tmpdir(5);
    const char *bin = install_copy(dir);
    char levels[700], path[800], cmd[2400], script[1200];
    snprintf(levels, sizeof levels, "%s/share/attune/levels", dir);
    snprintf(cmd, sizeof cmd, "cp '%s'/levels/*.json '%s'", at_source, levels);
    CHECK_INT(sh(cmd), 0);
    snprintf(path, sizeof path, "%s/02-regulate.json", levels);
    cJSON *j = read_json(path);
    cJSON *card = cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "level"), "cards"), 3);
    CHECK(card != NULL);
    cJSON_ReplaceItemInObject(card, "id", cJSON_CreateNumber(3));
    write_json(path, j);
    snprintf(path, sizeof path, "%s/settings.json", data);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("{\"checkins\": false, \"welcomed\": true}", f);
        fclose(f);
    }
    /* Cards is the menu's fourth tile: down, then right. */
    snprintf(script, sizeof script, "wait 300\nkey Down\nkey Right\nkey Return\nwait 300\ntexts %s/picker.json\n", dir);
    at_run_window(dir, "bad-level", data, script, "", bin, "1280x720");
    snprintf(path, sizeof path, "%s/bad-level.err", dir);
    char *err = at_read_file(path);
    CHECK_CONTAINS(err, "02-regulate.json: level.cards[3].id");
    free(err);
    snprintf(path, sizeof path, "%s/picker.json", dir);
    char *texts = at_read_file(path);
    CHECK_CONTAINS(texts, "Notice");
    free(texts);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    without_shipped_content_attune_refuses_to_start_naming_the_folder();
    content_at_every_limit_fits_on_screen();
    a_problem_in_a_card_level_is_reported_though_the_menu_opens_first();
    return check_report();
}
