/* Each level's own skill, once each, headless: naming the feeling before the responses
 * (Notice), three breaths before them (Regulate), building the message after the reveal
 * (Communicate), choosing the best summary before the responses (Understand), sorting what you
 * can accept from what you'd ask for after the reveal (Accept); every skill can be skipped;
 * nothing is drawn outside an 800x600 window. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "check.h"

static cJSON *load_json(const char *file, cJSON **root)
{
    char path[600];
    snprintf(path, sizeof path, "%s/levels/%s", at_source, file);
    char *s = at_read_file(path);
    *root = s ? cJSON_Parse(s) : NULL;
    free(s);
    return *root;
}

/* The "cards" array of a level file, its words as drawn (typographic quotes). */
static const cJSON *level_cards(const char *file, cJSON **root)
{
    at_typographic(load_json(file, root));
    return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(*root, "level"), "cards");
}

/* A list of the shipped skills section. */
static const cJSON *skill_list(const char *key, cJSON **root)
{
    load_json("skills.json", root);
    return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(*root, "skills"), key);
}

/* The card whose situation is drawn (whole, or its first wrapped line), or NULL. */
static const cJSON *card_on_screen(const cJSON *cards, const cJSON *texts)
{
    const cJSON *c, *e;
    cJSON_ArrayForEach(c, cards) {
        const char *sit = at_str(c, "situation");
        cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(texts, "texts")) {
            const char *t = at_str(e, "text");
            if (sit && t && strlen(t) > 20 && !strncmp(sit, t, strlen(t))) return c;
        }
    }
    return NULL;
}

static int responses_shown(const cJSON *card, const cJSON *texts)
{
    int n = 0;
    const cJSON *r;
    cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(card, "responses"))
        n += at_texts_has(texts, at_str(r, "text"));
    return n;
}

/* How many strings of the list are drawn (whole). */
static int shown_of(const cJSON *list, const cJSON *texts)
{
    int n = 0;
    const cJSON *w;
    cJSON_ArrayForEach(w, list) n += at_texts_has(texts, w->valuestring);
    return n;
}

static void notice_names_the_feeling_before_the_responses(void)
{
    const char *dir = at_tmpdir(0);
    at_checkins_off(dir);
    const char *script = "wait 300\ntexts $D/skill.json\nkey 2\nwait 300\ntexts $D/choice.json\n"
                         "key 1\nwait 300\nkey Return\nwait 300\ntexts $D/second.json\n";
    CHECK_INT(at_run(dir, "notice", dir, script, "cards notice"), 0);
    cJSON *root, *croot;
    const cJSON *feelings = skill_list("feelings", &root);
    const cJSON *cards = level_cards("01-notice.json", &croot);
    cJSON *t = at_texts_of(dir, "skill");
    CHECK(at_texts_has(t, "What would you feel first?"));
    CHECK(at_texts_contains(t, "Name the feeling"));
    CHECK_INT(shown_of(feelings, t), 6);
    const cJSON *card = card_on_screen(cards, t);
    CHECK(card != NULL);
    if (card) CHECK_INT(responses_shown(card, t), 0); /* the responses wait */
    CHECK(at_outside(t, 800, 600, NULL) == 0);
    /* The second word offered: the one key 2 names. */
    const char *second = NULL;
    const cJSON *e;
    int k = 0;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        const cJSON *w;
        cJSON_ArrayForEach(w, feelings)
            if (!strcmp(at_str(e, "text"), w->valuestring) && k++ == 1) second = w->valuestring;
    }
    cJSON_Delete(t);
    t = at_texts_of(dir, "choice");
    if (card) CHECK_INT(responses_shown(card, t), 4);
    char line[120];
    snprintf(line, sizeof line, "You\u2019d feel %s first", second ? second : "?");
    CHECK(second && at_texts_contains(t, line));
    cJSON_Delete(t);
    /* The second card of the round has no skill: its responses come at once. */
    t = at_texts_of(dir, "second");
    CHECK(at_texts_contains(t, "Card 2 of 5"));
    const cJSON *card2 = card_on_screen(cards, t);
    CHECK(card2 && card2 != card && responses_shown(card2, t) == 4);
    CHECK(!at_texts_has(t, "What would you feel first?"));
    cJSON_Delete(t);
    cJSON_Delete(root);
    cJSON_Delete(croot);
}

static void regulate_breathes_three_times_before_the_responses(void)
{
    const char *dir = at_tmpdir(1);
    at_checkins_off(dir);
    /* quick-calm: 10-second breaths after a 3-second get-ready. */
    const char *script = "wait 300\ntexts $D/ready.json\nwait 3500\ntexts $D/in.json\n"
                         "wait 20000\ntexts $D/third.json\nshot $D/third.bmp\nwait 10000\n"
                         "texts $D/after.json\n";
    CHECK_INT(at_run(dir, "regulate", dir, script, "cards regulate"), 0);
    cJSON *croot;
    const cJSON *cards = level_cards("02-regulate.json", &croot);
    cJSON *t = at_texts_of(dir, "ready");
    CHECK(at_texts_has(t, "Three slow breaths before you choose"));
    CHECK(at_texts_has(t, "Get ready"));
    CHECK(at_texts_has(t, "Breath 1 of 3"));
    const cJSON *card = card_on_screen(cards, t);
    CHECK(card != NULL);
    if (card) CHECK_INT(responses_shown(card, t), 0);
    CHECK(at_outside(t, 800, 600, NULL) == 0);
    cJSON_Delete(t);
    t = at_texts_of(dir, "in");
    CHECK(at_texts_has(t, "Breathe in"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "third");
    CHECK(at_texts_has(t, "Breath 3 of 3"));
    cJSON_Delete(t);
    /* The figure is there: its teal fill near the middle of the window. */
    char path[600];
    snprintf(path, sizeof path, "%s/third.bmp", dir);
    AtImage img;
    if (at_load_bmp(path, &img)) {
        int teal = 0;
        for (int y = img.h / 3; y < img.h * 2 / 3; y++)
            for (int x = img.w / 3; x < img.w * 2 / 3; x++) {
                const uint8_t *p = img.rgb + 3 * (y * img.w + x);
                teal += p[1] > 150 && p[2] > 140 && p[0] < 150;
            }
        CHECK(teal > 500);
        at_free_image(&img);
    } else {
        CHECK(false);
    }
    t = at_texts_of(dir, "after"); /* the breaths end by themselves: the responses */
    if (card) CHECK_INT(responses_shown(card, t), 4);
    CHECK(!at_texts_has(t, "Three slow breaths before you choose"));
    cJSON_Delete(t);
    cJSON_Delete(croot);
}

static void communicate_builds_the_message_after_the_reveal(void)
{
    const char *dir = at_tmpdir(2);
    at_checkins_off(dir);
    /* Pick a response, then from the reveal to the builder; choose need 1 (Down, Enter), then
     * request 2 (Right, Enter), then feeling 1 (Enter), and go on. */
    const char *script = "wait 300\nkey 1\nwait 300\ntexts $D/reveal.json\nkey Return\nwait 300\n"
                         "texts $D/empty.json\nkey Down\nkey Return\nkey Right\nkey Return\nkey Return\n"
                         "wait 100\ntexts $D/built.json\nkey Return\nwait 300\ntexts $D/next.json\n";
    CHECK_INT(at_run(dir, "communicate", dir, script, "cards communicate"), 0);
    cJSON *froot, *nroot, *rroot;
    const cJSON *feelings = skill_list("feelings", &froot);
    const cJSON *needs = skill_list("needs", &nroot);
    const cJSON *requests = skill_list("requests", &rroot);
    cJSON *t = at_texts_of(dir, "reveal");
    CHECK(at_texts_has(t, "Next: Build the message"));
    CHECK(at_texts_has(t, "Your choice"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "empty");
    CHECK(at_texts_has(t, "Build the message"));
    CHECK_INT(shown_of(feelings, t), 4);
    CHECK_INT(shown_of(needs, t), 4);
    CHECK_INT(shown_of(requests, t), 4);
    CHECK(at_texts_has(t, "Skip"));
    CHECK(at_outside(t, 800, 600, NULL) == 0);
    cJSON_Delete(t);
    t = at_texts_of(dir, "built");
    /* The sentence is made of words on screen, in their places. */
    const char *sentence = at_text_starting(t, "I feel ");
    CHECK(sentence != NULL);
    if (sentence) {
        int parts = 0;
        const cJSON *w;
        char want[200];
        cJSON_ArrayForEach(w, feelings) {
            snprintf(want, sizeof want, "I feel %s, and I need ", w->valuestring);
            parts += !strncmp(sentence, want, strlen(want));
        }
        CHECK_INT(parts, 1);
        CHECK(!strstr(sentence, "\u2026"));
    }
    CHECK(at_texts_has(t, "Next card"));
    CHECK(at_outside(t, 800, 600, NULL) == 0);
    cJSON_Delete(t);
    t = at_texts_of(dir, "next");
    CHECK(at_texts_contains(t, "Card 2 of 5"));
    CHECK(!at_texts_has(t, "Build the message"));
    cJSON_Delete(t);
    cJSON_Delete(froot);
    cJSON_Delete(nroot);
    cJSON_Delete(rroot);
}

/* Understand: only cards with a summary carry the skill, so the round is played through with
 * the same two keys whatever is dealt (1, then Enter: on a summary, 1 chooses a summary and
 * Enter goes on to the responses; on a card, 1 chooses a response and Enter goes on), and the
 * screens are read back afterwards. */
static void understand_chooses_the_best_summary_before_the_responses(void)
{
    const char *dir = at_tmpdir(3);
    at_checkins_off(dir);
    char script[8192];
    size_t n = (size_t)snprintf(script, sizeof script, "wait 300\n");
    enum { STEPS = 36 };
    for (int i = 0; i < STEPS; i++)
        n += (size_t)snprintf(script + n, sizeof script - n,
                              "texts $D/a%d.json\nkey 1\nwait 300\ntexts $D/b%d.json\nkey Return\nwait 300\n",
                              i, i);
    CHECK_INT(at_run(dir, "understand", dir, script, "cards understand"), 0);
    cJSON *croot;
    const cJSON *cards = level_cards("04-understand.json", &croot);
    int found = 0;
    for (int i = 0; i < STEPS && !found; i++) {
        char name[16];
        snprintf(name, sizeof name, "a%d", i);
        cJSON *t = at_texts_of(dir, name);
        if (!at_texts_has(t, "What are they telling you?")) {
            cJSON_Delete(t);
            continue;
        }
        found = 1;
        const cJSON *card = card_on_screen(cards, t);
        const cJSON *sum = cJSON_GetObjectItemCaseSensitive(card, "summary");
        CHECK(sum != NULL); /* only a card with summaries */
        CHECK(at_texts_contains(t, "Sum it up"));
        CHECK_INT(responses_shown(card, t), 0);
        CHECK(at_texts_has(t, at_str(sum, "best")));
        CHECK_INT(shown_of(cJSON_GetObjectItemCaseSensitive(sum, "others"), t),
                  cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(sum, "others")));
        CHECK(at_outside(t, 800, 600, NULL) == 0);
        /* Which one key 1 chose: the first drawn. */
        const char *first = NULL;
        const cJSON *e;
        cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
            const char *s = at_str(e, "text");
            const cJSON *o;
            if (!first && !strcmp(s, at_str(sum, "best"))) first = s;
            cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(sum, "others"))
                if (!first && !strcmp(s, o->valuestring)) first = s;
        }
        bool best_first = first && !strcmp(first, at_str(sum, "best"));
        cJSON_Delete(t);
        snprintf(name, sizeof name, "b%d", i);
        t = at_texts_of(dir, name);
        CHECK(at_texts_contains(t, best_first ? "that's the heart of it" : "comes closer"));
        CHECK(at_texts_has(t, "See the responses"));
        CHECK(at_texts_has(t, at_str(sum, "best")));
        CHECK_INT(responses_shown(card, t), 0);
        cJSON_Delete(t);
        snprintf(name, sizeof name, "a%d", i + 1);
        t = at_texts_of(dir, name);
        CHECK_INT(responses_shown(card, t), 4);
        cJSON_Delete(t);
    }
    CHECK(found);
    /* A card without a summary never asks. */
    for (int i = 0; i < STEPS; i++) {
        char name[16];
        snprintf(name, sizeof name, "a%d", i);
        cJSON *t = at_texts_of(dir, name);
        const cJSON *card = card_on_screen(cards, t);
        if (card && !cJSON_GetObjectItemCaseSensitive(card, "summary"))
            CHECK(!at_texts_has(t, "What are they telling you?"));
        cJSON_Delete(t);
    }
    cJSON_Delete(croot);
}

static void accept_sorts_after_the_reveal(void)
{
    const char *dir = at_tmpdir(4);
    at_checkins_off(dir);
    const char *script = "wait 300\nkey 1\nwait 300\ntexts $D/reveal.json\nkey Return\nwait 300\n"
                         "texts $D/sort.json\nkey Left\nkey Right\nkey Left\nwait 100\n"
                         "texts $D/three.json\nkey Right\nwait 100\ntexts $D/sorted.json\n"
                         "key Return\nwait 300\ntexts $D/next.json\n";
    CHECK_INT(at_run(dir, "accept", dir, script, "cards accept"), 0);
    cJSON *root;
    const cJSON *things = skill_list("sort", &root);
    cJSON *t = at_texts_of(dir, "reveal");
    CHECK(at_texts_has(t, "Next: Accept or ask"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "sort");
    CHECK(at_texts_has(t, "Accept or ask"));
    CHECK_INT(shown_of(things, t), 4);
    CHECK(at_texts_has(t, "I can accept"));
    CHECK(at_texts_has(t, "I'd ask for it"));
    CHECK(at_texts_has(t, "Skip"));
    CHECK(at_outside(t, 800, 600, NULL) == 0);
    cJSON_Delete(t);
    t = at_texts_of(dir, "three");
    CHECK(at_texts_has(t, "Skip")); /* one still to sort */
    CHECK(!at_texts_contains(t, "often about who someone is"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "sorted");
    CHECK(at_texts_contains(t, "often about who someone is"));
    CHECK(at_texts_has(t, "Next card"));
    CHECK(at_outside(t, 800, 600, NULL) == 0);
    cJSON_Delete(t);
    t = at_texts_of(dir, "next");
    CHECK(at_texts_contains(t, "Card 2 of 5"));
    cJSON_Delete(t);
    cJSON_Delete(root);
}

static void every_skill_can_be_skipped(void)
{
    const char *dir = at_tmpdir(5);
    at_checkins_off(dir);
    const char *before = "wait 300\ntexts $D/skill.json\nkey s\nwait 300\ntexts $D/skipped.json\n";
    const char *after = "wait 300\nkey 1\nwait 300\nkey Return\nwait 300\ntexts $D/skill.json\nkey s\n"
                        "wait 300\ntexts $D/skipped.json\n";
    const struct { const char *level, *file, *title; bool after; } cases[] = {
        {"notice", "01-notice.json", "What would you feel first?", false},
        {"regulate", "02-regulate.json", "Three slow breaths before you choose", false},
        {"communicate", "03-communicate.json", "Build the message", true},
        {"accept", "05-accept.json", "Accept or ask", true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char args[64];
        snprintf(args, sizeof args, "cards %s", cases[i].level);
        CHECK_INT(at_run(dir, cases[i].level, dir, cases[i].after ? after : before, args), 0);
        cJSON *t = at_texts_of(dir, "skill");
        CHECK(at_texts_has(t, cases[i].title));
        CHECK(at_texts_contains(t, "S skip") || at_texts_contains(t, "Enter skip"));
        cJSON_Delete(t);
        t = at_texts_of(dir, "skipped");
        CHECK(!at_texts_has(t, cases[i].title));
        if (cases[i].after) {
            CHECK(at_texts_contains(t, "Card 2 of 5"));
        } else {
            cJSON *croot;
            const cJSON *card = card_on_screen(level_cards(cases[i].file, &croot), t);
            CHECK(card && responses_shown(card, t) == 4);
            CHECK(!at_texts_contains(t, "You\u2019d feel"));
            cJSON_Delete(croot);
        }
        cJSON_Delete(t);
    }
}

/* The mouse does what the keys do: a click names the feeling, a click sorts. */
static void clicks_choose_too(void)
{
    const char *dir = at_tmpdir(6);
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "look", dir, "wait 300\ntexts $D/look.json\n", "cards notice"), 0);
    cJSON *root;
    const cJSON *feelings = skill_list("feelings", &root);
    cJSON *t = at_texts_of(dir, "look");
    const cJSON *e, *hit = NULL;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        const cJSON *w;
        cJSON_ArrayForEach(w, feelings)
            if (!strcmp(at_str(e, "text"), w->valuestring)) hit = e; /* the last one offered */
    }
    CHECK(hit != NULL);
    if (hit) {
        char script[256], want[80];
        int x = cJSON_GetObjectItemCaseSensitive(hit, "x")->valueint + cJSON_GetObjectItemCaseSensitive(hit, "w")->valueint / 2;
        int y = cJSON_GetObjectItemCaseSensitive(hit, "y")->valueint + cJSON_GetObjectItemCaseSensitive(hit, "h")->valueint / 2;
        snprintf(script, sizeof script, "wait 300\nclick %d %d\nwait 300\ntexts $D/named.json\n", x, y);
        snprintf(want, sizeof want, "You\u2019d feel %s first", at_str(hit, "text"));
        CHECK_INT(at_run(dir, "click", dir, script, "cards notice"), 0);
        cJSON *n = at_texts_of(dir, "named");
        CHECK(at_texts_contains(n, want));
        cJSON_Delete(n);
    }
    cJSON_Delete(t);
    cJSON_Delete(root);

    /* Accept: click "I'd ask for it" on each row. */
    CHECK_INT(at_run(dir, "sortlook", dir, "wait 300\nkey 1\nwait 300\nkey Return\nwait 300\ntexts $D/sortlook.json\n",
                     "cards accept"), 0);
    t = at_texts_of(dir, "sortlook");
    char script[1024];
    size_t len = (size_t)snprintf(script, sizeof script, "wait 300\nkey 1\nwait 300\nkey Return\nwait 300\n");
    int rows = 0;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        if (strcmp(at_str(e, "text"), "I'd ask for it")) continue;
        int x = cJSON_GetObjectItemCaseSensitive(e, "x")->valueint + cJSON_GetObjectItemCaseSensitive(e, "w")->valueint / 2;
        int y = cJSON_GetObjectItemCaseSensitive(e, "y")->valueint + cJSON_GetObjectItemCaseSensitive(e, "h")->valueint / 2;
        len += (size_t)snprintf(script + len, sizeof script - len, "click %d %d\nwait 100\n", x, y);
        rows++;
    }
    snprintf(script + len, sizeof script - len, "texts $D/sortclicked.json\n");
    CHECK_INT(rows, 4);
    cJSON_Delete(t);
    CHECK_INT(at_run(dir, "sortclick", dir, script, "cards accept"), 0);
    t = at_texts_of(dir, "sortclicked");
    CHECK(at_texts_contains(t, "often about who someone is"));
    CHECK(at_texts_has(t, "Next card"));
    cJSON_Delete(t);
}

/* While the breaths run only their figure (and strings that change) is redrawn between
 * events: frame by frame, the screen must equal the same moment drawn whole (F2 does nothing
 * here, but any key makes the next frame whole). */
static void breath_frames_drawn_in_part_equal_whole_frames(void)
{
    const char *dir = at_tmpdir(7);
    at_checkins_off(dir);
    const int moments[] = {2000, 4500, 7500, 12000}; /* get-ready, in, out, the next in */
    CHECK_INT(at_parts_equal_whole(dir, "", "cards regulate", moments, (int)(sizeof moments / sizeof *moments)),
              0);
}

/* Every skill screen, empty and complete, fits the window without overlaps: 800x600 in large
 * text (one row at a time where it must) and 1280x720. */
static void skill_screens_fit(const char *size, int ww, int wh, double text_size, int slot)
{
    const char *dir = at_tmpdir(slot);
    char settings[160], args[96];
    snprintf(settings, sizeof settings, "{" AT_INTROS_SEEN ", \"checkins\": false, \"text_size\": %g}",
             text_size);
    at_write_settings(dir, settings);
    const struct { const char *level, *script, *title; } runs[] = {
        {"notice", "wait 300\ntexts $D/x0.json\nkey Right\nwait 100\ntexts $D/x1.json\n", "Name the feeling"},
        {"regulate", "wait 4000\ntexts $D/x0.json\nwait 20000\ntexts $D/x1.json\n", "Three slow breaths"},
        {"communicate", "wait 300\nkey 1\nwait 300\nkey Return\nwait 300\ntexts $D/x0.json\nkey Return\n"
                        "key Return\nkey Return\nkey Return\nwait 100\ntexts $D/x1.json\n", "Build the message"},
        {"accept", "wait 300\nkey 1\nwait 300\nkey Return\nwait 300\ntexts $D/x0.json\nkey Left\nkey Left\n"
                   "key Right\nkey Left\nwait 100\ntexts $D/x1.json\n", "Accept or ask"},
    };
    for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
        snprintf(args, sizeof args, "--window %s cards %s", size, runs[i].level);
        CHECK_INT(at_run(dir, runs[i].level, dir, runs[i].script, args), 0);
        for (int k = 0; k < 2; k++) {
            char name[8];
            snprintf(name, sizeof name, "x%d", k);
            cJSON *t = at_texts_of(dir, name);
            CHECK(at_texts_contains(t, runs[i].title));
            bool ok = at_outside(t, ww, wh, NULL) + at_overlaps(t, 2, 3, NULL) == 0;
            if (!ok) fprintf(stderr, "    %s, screen %d, at %s in text size %g\n", runs[i].level, k, size, text_size);
            CHECK(ok);
            cJSON_Delete(t);
        }
    }
    /* Sum it up: played through with 1 and Enter until cards with summaries come. */
    char script[4096];
    size_t n = (size_t)snprintf(script, sizeof script, "wait 300\n");
    for (int i = 0; i < 12; i++)
        n += (size_t)snprintf(script + n, sizeof script - n,
                              "texts $D/u%da.json\nkey 1\nwait 300\ntexts $D/u%db.json\nkey Return\nwait 300\n", i, i);
    snprintf(args, sizeof args, "--window %s cards understand", size);
    CHECK_INT(at_run(dir, "understand", dir, script, args), 0);
    int seen = 0;
    for (int i = 0; i < 24; i++) {
        char name[8];
        snprintf(name, sizeof name, "u%d%c", i / 2, i % 2 ? 'b' : 'a');
        cJSON *t = at_texts_of(dir, name);
        if (at_texts_contains(t, "Sum it up")) {
            seen++;
            bool ok = at_outside(t, ww, wh, NULL) + at_overlaps(t, 2, 3, NULL) == 0;
            if (!ok) fprintf(stderr, "    understand, %s, at %s in text size %g\n", name, size, text_size);
            CHECK(ok);
        }
        cJSON_Delete(t);
    }
    CHECK(seen >= 2); /* the question and its answer */
}

static void skill_screens_fit_at_800x600_in_large_text(void) { skill_screens_fit("800x600", 800, 600, 2, 8); }
static void skill_screens_fit_at_1280x720(void) { skill_screens_fit("1280x720", 1280, 720, 1, 9); }

/* Cards together leaves the skills out: the first card of Notice goes straight to A's pick. */
static void cards_together_leave_the_skills_out(void)
{
    const char *dir = at_tmpdir(6);
    const char *script = "wait 300\ntype Alex\nkey Tab\ntype Sam\nkey Return\nwait 300\nkey Return\n"
                         "wait 300\ntexts $D/pick.json\n";
    CHECK_INT(at_run(dir, "together", dir, script, "cards --couple notice"), 0);
    cJSON *t = at_texts_of(dir, "pick");
    CHECK(at_texts_has(t, "Alex's turn. Sam, please look away."));
    CHECK(!at_texts_has(t, "What would you feel first?"));
    cJSON_Delete(t);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(notice_names_the_feeling_before_the_responses);
    RUN(regulate_breathes_three_times_before_the_responses);
    RUN(communicate_builds_the_message_after_the_reveal);
    RUN(understand_chooses_the_best_summary_before_the_responses);
    RUN(accept_sorts_after_the_reveal);
    RUN(every_skill_can_be_skipped);
    RUN(clicks_choose_too);
    RUN(breath_frames_drawn_in_part_equal_whole_frames);
    RUN(skill_screens_fit_at_800x600_in_large_text);
    RUN(skill_screens_fit_at_1280x720);
    RUN(cards_together_leave_the_skills_out);
    return check_report();
}
