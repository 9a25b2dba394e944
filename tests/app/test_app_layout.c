/* Layout: every screen, walked through the scripted mode, at several window and text sizes.
 * Every drawn string (a wrapped paragraph is one) must lie inside the window, and no two may
 * overlap. Controls listed by `texts` with a "role" (a button around its own label) are only
 * held to the window.
 *
 * No word is cut: every word of every drawn string (a run of ASCII letters) must be a whole
 * word of what Attune can say: the shipped content (levels/), the string literals of its
 * sources (src/, include/), this file's strings (the journal it writes) and what the walks
 * type or name (names, the data folder, the short month names). A string
 * shortened to fit ends after a whole word with "…"; a line cut mid-word leaves a fragment
 * ("gettin") that is no word of these. (A cut that happens to leave a word, "breath" of
 * "breathing", passes; the ellipsis rule of text_fit is what keeps those whole.)
 *
 * The normal run checks a few combinations within CI's time budget; ATTUNE_LAYOUT=full (as
 * `scripts/dev layout` sets it) checks every window size by every text size Settings offers;
 * ATTUNE_LAYOUT=800x600@200 checks one combination, and ATTUNE_LAYOUT_WALK=NAME one walk.
 * Known failures are listed once, in KNOWN below, and printed when they are met. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <dirent.h>
#include <sys/stat.h>

#include "apptest.h"
#include "check.h"

/* Ten of these make a long note (800 bytes, near the journal's limit of 1,000). */
#define LONG_WORDS "the light moved slowly on the wall while the traffic hummed and I breathed out, "

typedef struct Walk {
    const char *name;
    const char *args;   /* the command line after --script */
    bool fresh;         /* no intros seen: the welcome and the notes before cards */
    bool history;       /* a practice.jsonl, for Progress */
    const char *script; /* `texts $D/SCREEN.json` names each screen */
} Walk;

#define W300 "wait 300\n"
static const Walk WALKS[] = {
    {"menu", "", false, false,
     W300 "texts $D/menu.json\nkey F1\n" W300 "texts $D/help.json\nkey PageDown\nkey PageDown\n" W300
          "texts $D/help-scrolled.json\nkey Escape\n" W300 "key End\nkey Return\nwait 400\n"
          "texts $D/settings.json\n"},
    {"welcome", "", true, false, W300 "texts $D/welcome.json\n"},
    {"progress", "progress --now 2026-03-05T10:00", false, true, W300 "texts $D/progress.json\n"},
    {"breathe-picker", "breathe --choose", false, false, W300 "texts $D/breathe-picker.json\n"},
    {"breathing", "breathe box --minutes 1", false, false,
     W300 "texts $D/breathe-ready.json\nwait 4000\ntexts $D/breathe-in.json\nkey Space\n" W300
          "texts $D/breathe-paused.json\nkey Space\nwait 75000\ntexts $D/breathe-end.json\n"},
    {"ground-picker", "ground", false, false, W300 "texts $D/ground-picker.json\n"},
    {"ground-senses", "ground senses", false, false,
     W300 "texts $D/ground-plain.json\nkey Return\n" W300 "texts $D/ground-count.json\n"},
    {"ground-stop", "ground stop", false, false,
     W300 "key Return\n" W300 "texts $D/ground-breathe.json\n"},
    {"ground-body-scan", "ground body-scan", false, false,
     W300 "key Return\n" W300 "texts $D/ground-timed.json\n"},
    {"ground-name-it", "ground name-it", false, false,
     W300 "key Return\n" W300 "texts $D/ground-feelings.json\nkey 1\n" W300
          "texts $D/ground-strength.json\n"},
    {"ground-tipp", "ground tipp", false, false,
     W300 "key Return\n" W300 "texts $D/ground-choose.json\n"},
    {"cards-picker", "cards", false, false, W300 "texts $D/cards-picker.json\n"},
    {"cards", "cards notice", false, false,
     W300 "texts $D/card.json\nkey 1\n" W300 "texts $D/card-reveal.json\nkey Return\n"
          W300 "key 1\n" W300 "key Return\n" W300 "key 1\n" W300 "key Return\n"
          W300 "key 1\n" W300 "key Return\n" W300 "key 1\n" W300 "key Return\n"
          W300 "texts $D/cards-end.json\n"},
    {"cards-memory", "cards notice", false, false,
     W300 "key s\n" W300 "key 1\n" W300 "key k\n" W300 "texts $D/cards-kept.json\nkey Escape\n" W300
          "key End\n" W300 "texts $D/cards-favourites.json\nkey Return\n" W300 "key s\n" W300 "key 2\n" W300
          "texts $D/cards-last-time.json\nkey Escape\n" W300 "key Up\nkey Return\n" W300 "key s\n" W300
          "texts $D/cards-random.json\n"},
    {"cards-no-favourites", "cards", false, false,
     W300 "key End\n" W300 "texts $D/cards-no-favourites.json\nkey Return\n" W300
          "texts $D/cards-favourites-how.json\n"},
    {"progress-week", "progress --now 2026-03-05T10:00", false, true,
     W300 "key w\n" W300 "texts $D/progress-week.json\n"},
    {"cards-first", "cards notice", true, false,
     W300 "key Return\n" W300 "texts $D/cards-safety.json\nkey Return\n" W300 "texts $D/cards-moves.json\n"},
    {"together", "cards --couple notice", false, false,
     W300 "texts $D/together-names.json\ntype Alex\nkey Tab\ntype Sam\nkey Return\n" W300
          "texts $D/together-cover.json\nkey Return\n" W300 "key 1\n" W300 "key Return\n" W300
          "key 2\n" W300 "texts $D/together-reveal.json\nkey t\n" W300 "texts $D/together-talk.json\n"
          "wait 119700\ntexts $D/together-talk-end.json\nwait 30000\ntexts $D/together-break.json\n"},
    {"together-end", "cards --couple 1", false, false,
     W300 "key Return\nkey Return\n" W300 "key Return\n"
          W300 "key 1\n" W300 "key Return\n" W300 "key 3\n" W300 "key Return\n"
          W300 "key 1\n" W300 "key Return\n" W300 "key 1\n" W300 "key Return\n"
          W300 "key 1\n" W300 "key Return\n" W300 "key 3\n" W300 "key Return\n"
          W300 "key 1\n" W300 "key Return\n" W300 "key 1\n" W300 "key Return\n"
          W300 "key 1\n" W300 "key Return\n" W300 "key 3\n" W300 "key Return\n"
          W300 "texts $D/together-end.json\n"},
    {"journal", "", false, false,
     W300 "key j\n" W300 "texts $D/journal.json\nkey Return\n" W300 "texts $D/journal-read.json\n"
          "key PageDown\n" W300 "texts $D/journal-read-on.json\nkey Escape\n" W300 "key End\n" W300 "texts $D/journal-end.json\n"
          "type the\n" W300 "texts $D/journal-search.json\nkey Delete\n" W300 "texts $D/journal-delete.json\n"},
    {"cards-answer", "cards notice", false, false,
     W300 "key s\n" W300 "key 1\n" W300 "key Return\n" W300 "key s\n" W300 "key 1\n" W300 "key Return\n"
     W300 "key s\n" W300 "key 1\n" W300 "key Return\n" W300 "key s\n" W300 "key 1\n" W300 "key Return\n"
     W300 "key s\n" W300 "key 1\n" W300 "key Return\n" W300 "texts $D/cards-round-end.json\nkey w\n" W300
     "type a few honest words about what pulled at me, and why it did\n" W300 "texts $D/cards-answer.json\n"
     "key Return\n" W300 "texts $D/cards-answered.json\n"},
};

/* A journal of every kind, a long entry among them, over several days. */
static const char JOURNAL[] =
    "{\"date\":\"2026-02-27\",\"exercise\":\"stop\",\"step\":3,\"text\":\"a note from before ids\"}\n"
    "{\"id\":\"j1\",\"kind\":\"feeling\",\"date\":\"2026-03-01\",\"time\":\"09:00:00\",\"exercise\":\"name-it\","
    "\"step\":2,\"feeling\":\"overwhelmed\",\"strength\":5}\n"
    "{\"id\":\"j2\",\"kind\":\"note\",\"date\":\"2026-03-01\",\"time\":\"09:01:00\",\"exercise\":\"name-it\","
    "\"step\":5,\"text\":\"the tightness in the chest eased when I named it; the kettle, the rain on the window\"}\n"
    "{\"id\":\"j3\",\"kind\":\"reflection\",\"date\":\"2026-03-02\",\"time\":\"21:30:00\",\"deck\":\"01-notice\","
    "\"question\":\"What pulled at you this round? Each response is a move anyone makes under stress.\","
    "\"text\":\"wanting to be reassured before I could listen; the old fear of being left\"}\n"
    "{\"id\":\"j4\",\"kind\":\"note\",\"date\":\"2026-03-03\",\"time\":\"07:15:00\",\"exercise\":\"senses\","
    "\"step\":8,\"text\":\"" LONG_WORDS LONG_WORDS LONG_WORDS LONG_WORDS LONG_WORDS LONG_WORDS LONG_WORDS
    LONG_WORDS LONG_WORDS LONG_WORDS "\"}\n";

static const char HISTORY[] =
    "{\"id\":\"aaa1\",\"date\":\"2026-03-01\",\"time\":\"09:00:00\",\"utc_offset_min\":60,"
    "\"kind\":\"breathing\",\"content\":\"box\",\"duration_ms\":240000,\"completed\":true,\"count\":15,"
    "\"before\":6,\"after\":2}\n"
    "{\"id\":\"aaa2\",\"date\":\"2026-03-02\",\"time\":\"21:30:00\",\"utc_offset_min\":60,"
    "\"kind\":\"grounding\",\"content\":\"senses\",\"duration_ms\":300000,\"completed\":true,\"count\":5,"
    "\"before\":8,\"after\":4}\n"
    "{\"id\":\"aaa3\",\"date\":\"2026-03-03\",\"time\":\"01:10:00\",\"utc_offset_min\":60,"
    "\"kind\":\"cards\",\"content\":\"01-notice\",\"duration_ms\":600000,\"completed\":false,\"count\":4}\n"
    "{\"id\":\"aaa4\",\"date\":\"2026-03-04\",\"time\":\"18:00:00\",\"utc_offset_min\":60,"
    "\"kind\":\"breathing\",\"content\":\"quick-calm\",\"duration_ms\":60000,\"completed\":true,\"count\":6,"
    "\"before\":5,\"after\":3}\n";

/* "WxH@P% screen": combinations known to fail today, printed when met; a listed one that
 * fits is printed too, to be taken off. Progress is being laid out again (its calendar, the
 * recap panel) on a branch of its own, which takes these off. */
static const char *const KNOWN[] = {
    NULL,
};

typedef struct Combo {
    int w, h, pct;
} Combo;

static const Combo CI[] = {{800, 600, 80},    {800, 600, 100},   {800, 600, 200}, {1280, 720, 150},
                            {3840, 2160, 100}, {3840, 2160, 200}};
static const int SIZES_W[] = {800, 1280, 1920, 3840}, SIZES_H[] = {600, 720, 1080, 2160};
static const int PCTS[] = {80, 90, 100, 115, 130, 150, 175, 200}; /* Settings' text sizes */

static int npass, nfail, nknown;

static bool seen_fail[sizeof KNOWN / sizeof KNOWN[0]];

/* Whether id is listed; a listed one that fails is marked seen. */
static bool is_known(const char *id)
{
    for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++)
        if (KNOWN[i] && !strcmp(KNOWN[i], id)) return seen_fail[i] = true;
    return false;
}

static char walked_combos[64][24];
static int nwalked;

/* Whether this run walked id's window and text size. */
static bool walked(const char *id)
{
    size_t n = strcspn(id, " ");
    for (int i = 0; i < nwalked; i++)
        if (strlen(walked_combos[i]) == n && !strncmp(walked_combos[i], id, n)) return true;
    return false;
}

/* A listed combination this run walked and saw fail (one not walked counts as seen). */
static bool is_seen(const char *id)
{
    for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++)
        if (KNOWN[i] && !strcmp(KNOWN[i], id)) return seen_fail[i] || !walked(id);
    return true;
}

/* ---- the words Attune can say ---- */
#define WORDS_SLOTS (1 << 16)
static char *words[WORDS_SLOTS];

static unsigned word_hash(const char *w, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)tolower((unsigned char)w[i])) * 16777619u;
    return h;
}

static bool word_slot(const char *w, size_t n, unsigned *slot)
{
    unsigned i = word_hash(w, n) & (WORDS_SLOTS - 1);
    for (unsigned k = 0; k < WORDS_SLOTS; k++, i = (i + 1) & (WORDS_SLOTS - 1)) {
        if (!words[i]) {
            *slot = i;
            return false;
        }
        if (strlen(words[i]) == n && !strncasecmp(words[i], w, n)) return true;
    }
    *slot = WORDS_SLOTS; /* full */
    return false;
}

static bool word_known(const char *w, size_t n)
{
    unsigned slot;
    return word_slot(w, n, &slot);
}

/* Adds every run of ASCII letters in s[0..n). */
static void words_add(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (!isalpha((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && isalpha((unsigned char)s[j])) j++;
        unsigned slot;
        if (!word_slot(s + i, j - i, &slot) && slot < WORDS_SLOTS) words[slot] = strndup(s + i, j - i);
        i = j;
    }
}

/* The string literals of C source s (comments and character constants skipped). */
static void words_add_c(const char *s)
{
    for (const char *p = s; *p;) {
        if (p[0] == '/' && p[1] == '/') p += strcspn(p, "\n");
        else if (p[0] == '/' && p[1] == '*') {
            const char *e = strstr(p + 2, "*/");
            p = e ? e + 2 : p + strlen(p);
        } else if (*p == '\'' || *p == '"') {
            char q = *p++;
            const char *start = p;
            while (*p && *p != q) p += p[0] == '\\' && p[1] ? 2 : 1;
            if (q == '"') words_add(start, (size_t)(p - start));
            if (*p) p++;
        } else p++;
    }
}

/* Every .json file under dir (content), or every .c and .h file (sources). */
static void words_add_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[1200];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            words_add_tree(path);
            continue;
        }
        size_t n = strlen(e->d_name);
        bool json = n > 5 && !strcmp(e->d_name + n - 5, ".json");
        bool c = n > 2 && (!strcmp(e->d_name + n - 2, ".c") || !strcmp(e->d_name + n - 2, ".h"));
        if (!json && !c) continue;
        char *text = at_read_file(path);
        if (!text) continue;
        if (json) words_add(text, strlen(text));
        else words_add_c(text);
        free(text);
    }
    closedir(d);
}

static void words_load(const char *root)
{
    static const char *const TREES[] = {"levels", "src", "include"};
    for (size_t i = 0; i < sizeof TREES / sizeof TREES[0]; i++) {
        char dir[1100];
        snprintf(dir, sizeof dir, "%s/%s", at_source, TREES[i]);
        words_add_tree(dir);
    }
    /* This file's own strings: the history and journal the walks start from. */
    char self[1100];
    snprintf(self, sizeof self, "%s/tests/app/test_app_layout.c", at_source);
    char *text = at_read_file(self);
    if (text) words_add_c(text);
    free(text);
    /* What the walks type, the calendar's short month names (made from the long ones) and
     * the data folder Settings shows. */
    static const char TYPED[] = "Alex Sam Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec";
    words_add(TYPED, strlen(TYPED));
    words_add(root, strlen(root));
}

/* The first word of s that is no word Attune can say (a cut one), or NULL; its length in *n. */
static const char *cut_word(const char *s, size_t *n)
{
    for (const char *p = s; *p;) {
        if (!isalpha((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *q = p;
        while (isalpha((unsigned char)*q)) q++;
        if (!word_known(p, (size_t)(q - p))) {
            *n = (size_t)(q - p);
            return p;
        }
        p = q;
    }
    return NULL;
}

/* Returns the number of problems on one screen, each printed. */
static int check_screen(const char *id, const cJSON *root, int W, int H)
{
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "texts");
    int n = cJSON_GetArraySize(list), bad = 0;
    if (n == 0) {
        fprintf(stderr, "  %s: nothing drawn\n", id);
        return 1;
    }
    bad += at_outside(root, W, H, id) + at_overlaps(root, 0, 0, id);
    const cJSON *t;
    cJSON_ArrayForEach(t, list) {
        if (cJSON_GetObjectItemCaseSensitive(t, "role")) continue;
        const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(t, "text"));
        size_t cl;
        const char *cut = s ? cut_word(s, &cl) : NULL;
        if (cut) {
            fprintf(stderr, "  %s: \"%.40s\" has a cut word \"%.*s\"\n", id, s, (int)cl, cut);
            bad++;
        }
    }
    return bad;
}

static void walk_combo(const char *root, Combo c)
{
    char dir[700];
    snprintf(dir, sizeof dir, "%s/%dx%d-%d", root, c.w, c.h, c.pct);
    mkdir(dir, 0700);
    if (nwalked < 64) snprintf(walked_combos[nwalked++], sizeof walked_combos[0], "%dx%d@%d%%", c.w, c.h, c.pct);
    const char *only = getenv("ATTUNE_LAYOUT_WALK");
    for (size_t k = 0; k < sizeof WALKS / sizeof WALKS[0]; k++) {
        const Walk *wk = &WALKS[k];
        if (only && *only && strcmp(only, wk->name)) continue;
        char data[800], path[900], args[300], settings[300];
        snprintf(data, sizeof data, "%s/data-%s", dir, wk->name);
        mkdir(data, 0700);
        snprintf(settings, sizeof settings, "{\"checkins\": false, \"text_size\": %.2f%s%s}",
                 c.pct / 100.0, wk->fresh ? "" : ", ", wk->fresh ? "" : AT_INTROS_SEEN);
        at_write_settings(data, settings);
        if (wk->history) {
            snprintf(path, sizeof path, "%s/practice.jsonl", data);
            FILE *f = fopen(path, "w");
            if (f) {
                fputs(HISTORY, f);
                fclose(f);
            }
        }
        if (!strcmp(wk->name, "journal")) { /* the walk of a journal with something in it */
            snprintf(path, sizeof path, "%s/notes.jsonl", data);
            FILE *f = fopen(path, "w");
            if (f) {
                fputs(JOURNAL, f);
                fclose(f);
            }
        }
        snprintf(args, sizeof args, "--window %dx%d %s", c.w, c.h, wk->args);
        int rc = at_run(dir, wk->name, data, wk->script, args);
        if (rc != 0) fprintf(stderr, "  %dx%d@%d%% %s: attune exited %d\n", c.w, c.h, c.pct, wk->name, rc);
        CHECK_INT(rc, 0);
        /* Every `texts $D/NAME.json` of the script is one screen. */
        for (const char *p = strstr(wk->script, "texts $D/"); p; p = strstr(p + 1, "texts $D/")) {
            char screen[64];
            const char *q = p + strlen("texts $D/");
            size_t len = strcspn(q, ".");
            snprintf(screen, sizeof screen, "%.*s", (int)len, q);
            char id[128];
            snprintf(id, sizeof id, "%dx%d@%d%% %s", c.w, c.h, c.pct, screen);
            cJSON *t = at_texts_of(dir, screen);
            int bad = t ? check_screen(id, t, c.w, c.h) : 1;
            cJSON_Delete(t);
            if (!bad) npass++;
            else if (is_known(id)) {
                fprintf(stderr, "  known failure: %s\n", id);
                nknown++;
            } else {
                fprintf(stderr, "FAIL %s\n", id);
                nfail++;
            }
        }
    }
}

static void every_screen_fits_its_window(void)
{
    const char *root = at_tmpdir(0);
    words_load(root);
    const char *grid = getenv("ATTUNE_LAYOUT");
    Combo one;
    if (grid && sscanf(grid, "%dx%d@%d", &one.w, &one.h, &one.pct) == 3) {
        walk_combo(root, one);
    } else if (grid && !strcmp(grid, "full")) {
        for (size_t s = 0; s < sizeof SIZES_W / sizeof SIZES_W[0]; s++)
            for (size_t p = 0; p < sizeof PCTS / sizeof PCTS[0]; p++)
                walk_combo(root, (Combo){SIZES_W[s], SIZES_H[s], PCTS[p]});
    } else {
        for (size_t i = 0; i < sizeof CI / sizeof CI[0]; i++) walk_combo(root, CI[i]);
    }
    fprintf(stderr, "layout: %d screens fit, %d known failures, %d new failures\n", npass, nknown, nfail);
    fprintf(stderr, "known failures (KNOWN in %s):\n", __FILE__);
    for (size_t i = 0; i < sizeof KNOWN / sizeof KNOWN[0]; i++)
        if (KNOWN[i]) fprintf(stderr, "  %s%s\n", KNOWN[i], is_seen(KNOWN[i]) ? "" : "  (fits now: take it off)");
    CHECK_INT(nfail, 0);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(every_screen_fits_its_window);
    return check_report();
}
