/* Learning screens end to end, headless: reachable from the card picker (key and button) and
 * from a solo and a couple reveal ("Read: ..."); every screen can be read to its end at 800x600,
 * and nothing is drawn outside the window. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "check.h"

/* The shipped screens, from levels/learn.json. */
static cJSON *load_learn(cJSON **root)
{
    char path[600];
    snprintf(path, sizeof path, "%s/levels/learn.json", at_source);
    char *s = at_read_file(path);
    *root = s ? cJSON_Parse(s) : NULL;
    free(s);
    return cJSON_GetObjectItemCaseSensitive(*root, "learn");
}

static void the_picker_opens_learn_by_key_and_by_button(void)
{
    const char *dir = at_tmpdir(0);
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "picker", dir, "wait 300\ntexts $D/picker.json\n", "cards"), 0);
    cJSON *t = at_texts_of(dir, "picker");
    CHECK(at_texts_has(t, "Learn"));
    CHECK(at_texts_contains(t, "L learn"));
    int x = 0, y = 0, w = 0, h = 0;
    CHECK(at_text_rect(t, "Learn", &x, &y, &w, &h));
    CHECK(at_outside(t, 800, 600, NULL) + at_overlaps(t, 2, 3, NULL) == 0);
    cJSON_Delete(t);

    cJSON *root;
    const cJSON *screens = load_learn(&root);
    const cJSON *first = cJSON_GetArrayItem(screens, 0);
    char script[1024];
    snprintf(script, sizeof script,
             "wait 300\nclick %d %d\nwait 300\ntexts $D/button.json\nkey Escape\nwait 300\n"
             "texts $D/back.json\nkey l\nwait 300\ntexts $D/key.json\n", x + w / 2, y + h / 2);
    CHECK_INT(at_run(dir, "open", dir, script, "cards"), 0);
    const char *names[] = {"button", "key"};
    for (int i = 0; i < 2; i++) {
        t = at_texts_of(dir, names[i]);
        CHECK(at_texts_has(t, "Learn"));
        CHECK(at_texts_has(t, "Short reads on the ideas behind the cards."));
        CHECK(at_texts_has(t, at_str(first, "title"))); /* the first screen, in the panel */
        CHECK(at_texts_has(t, "Back"));
        CHECK(at_outside(t, 800, 600, NULL) + at_overlaps(t, 2, 3, NULL) == 0);
        cJSON_Delete(t);
    }
    t = at_texts_of(dir, "back");
    CHECK(at_texts_has(t, "Every level is open. They're listed in the suggested order."));
    cJSON_Delete(t);
    cJSON_Delete(root);
}

/* Each screen, in list order, read to the end with PageDown: its title, the start of its body
 * and its "To read more" line are all drawn, in each window size and text size. */
static void every_screen_reads_to_its_end(const char *size, int ww, int wh, double text_size,
                                          int pages, int slot)
{
    enum { PAGES_MAX = 10 };
    const int PAGES = pages < PAGES_MAX ? pages : PAGES_MAX;
    const char *dir = at_tmpdir(slot);
    cJSON *root;
    const cJSON *screens = load_learn(&root);
    int n = cJSON_GetArraySize(screens);
    size_t cap = 64 + (size_t)n * 90 * (PAGES_MAX + 2);
    char *script = malloc(cap);
    size_t len = (size_t)snprintf(script, cap, "wait 300\nkey l\nwait 300\n");
    for (int i = 0; i < n; i++) {
        if (i) len += (size_t)snprintf(script + len, cap - len, "key Down\nwait 100\n");
        for (int k = 0; k <= PAGES; k++)
            len += (size_t)snprintf(script + len, cap - len, "%stexts $D/s%d_%d.json\n",
                                    k ? "key PageDown\nwait 100\n" : "", i, k);
    }
    char args[64], settings[160];
    snprintf(args, sizeof args, "--window %s cards", size);
    snprintf(settings, sizeof settings, "{" AT_INTROS_SEEN ", \"checkins\": false, \"text_size\": %g}",
             text_size);
    at_write_settings(dir, settings);
    CHECK_INT(at_run(dir, "read", dir, script, args), 0);
    free(script);
    for (int i = 0; i < n; i++) {
        const cJSON *s = cJSON_GetArrayItem(screens, i);
        char name[32], more[256], first_words[24];
        snprintf(more, sizeof more, "To read more: %s", at_str(s, "read_more"));
        const char *body = at_str(s, "body");
        snprintf(first_words, sizeof first_words, "%.16s", body ? body : "?");
        bool title = true, start = false, end = false;
        for (int k = 0; k <= PAGES; k++) {
            snprintf(name, sizeof name, "s%d_%d", i, k);
            cJSON *t = at_texts_of(dir, name);
            title &= at_texts_has(t, at_str(s, "title"));
            if (k == 0) start = at_text_starting(t, first_words) != NULL;
            /* The read-more line may wrap: its first line is enough. */
            const char *m = at_text_starting(t, "To read more: ");
            end |= m && !strncmp(more, m, strlen(m));
            bool ok = at_outside(t, ww, wh, NULL) + at_overlaps(t, 2, 3, NULL) == 0;
            if (!ok) fprintf(stderr, "    in %s at %s, text size %g\n", name, size, text_size);
            CHECK(ok);
            cJSON_Delete(t);
        }
        if (!title || !start || !end)
            fprintf(stderr, "    screen %s at %s, text size %g: title %d, start %d, end %d\n",
                    at_str(s, "id"), size, text_size, title, start, end);
        CHECK(title && start && end);
    }
    cJSON_Delete(root);
}

static void every_screen_reads_to_its_end_at_800x600(void) { every_screen_reads_to_its_end("800x600", 800, 600, 1, 2, 1); }
static void every_screen_reads_to_its_end_at_1280x720(void) { every_screen_reads_to_its_end("1280x720", 1280, 720, 1, 2, 2); }
/* Large text in a small window: the panel alone, still readable to the end. */
static void every_screen_reads_to_its_end_at_800x600_in_large_text(void)
{
    every_screen_reads_to_its_end("800x600", 800, 600, 2, 8, 5);
}

static void a_solo_reveal_links_to_its_screen_and_comes_back(void)
{
    const char *dir = at_tmpdir(3);
    at_checkins_off(dir);
    /* The reveal of the first card of Notice (skill skipped with S, if it has one). */
    const char *script = "wait 300\nkey s\nwait 300\nkey 1\nwait 300\ntexts $D/reveal.json\n"
                         "key l\nwait 300\ntexts $D/learn.json\nkey Escape\nwait 300\n"
                         "texts $D/back.json\n";
    CHECK_INT(at_run(dir, "solo", dir, script, "cards notice"), 0);
    cJSON *t = at_texts_of(dir, "reveal");
    const char *link = at_text_starting(t, "Read: ");
    CHECK(link != NULL);
    CHECK(at_texts_contains(t, "L read"));
    char title[200] = "";
    if (link) snprintf(title, sizeof title, "%s", link + 6);
    int x = 0, y = 0, w = 0, h = 0;
    bool has_rect = link && at_text_rect(t, link, &x, &y, &w, &h);
    CHECK(has_rect);
    CHECK(at_outside(t, 800, 600, NULL) + at_overlaps(t, 2, 3, NULL) == 0);
    cJSON_Delete(t);
    t = at_texts_of(dir, "learn");
    CHECK(at_texts_has(t, "Learn"));
    CHECK(title[0] && at_texts_has(t, title));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back"); /* the same reveal, still waiting */
    CHECK(at_texts_has(t, "Your choice"));
    CHECK(at_texts_has(t, "Next card"));
    cJSON_Delete(t);

    /* The link is a button too. */
    char click[512];
    snprintf(click, sizeof click, "wait 300\nkey s\nwait 300\nkey 1\nwait 300\nclick %d %d\nwait 300\n"
                                  "texts $D/clicked.json\n", x + w / 2, y + h / 2);
    CHECK_INT(at_run(dir, "click", dir, click, "cards notice"), 0);
    t = at_texts_of(dir, "clicked");
    CHECK(at_texts_has(t, "Learn"));
    CHECK(title[0] && at_texts_has(t, title));
    cJSON_Delete(t);
}

static void a_couple_reveal_links_to_its_screen(void)
{
    const char *dir = at_tmpdir(4);
    const char *script = "wait 300\ntype Alex\nkey Tab\ntype Sam\nkey Return\nwait 300\nkey Return\n"
                         "wait 300\nkey 1\nwait 300\nkey Return\nwait 300\nkey 2\nwait 300\n"
                         "texts $D/reveal.json\nkey l\nwait 300\ntexts $D/learn.json\n"
                         "key Escape\nwait 300\ntexts $D/back.json\n";
    CHECK_INT(at_run(dir, "couple", dir, script, "cards --couple regulate"), 0);
    cJSON *t = at_texts_of(dir, "reveal");
    CHECK(at_texts_has(t, "Your choices"));
    const char *link = at_text_starting(t, "Read: ");
    CHECK(link != NULL);
    char title[200] = "";
    if (link) snprintf(title, sizeof title, "%s", link + 6);
    CHECK(at_texts_has(t, "Talk it through"));
    CHECK(at_outside(t, 800, 600, NULL) + at_overlaps(t, 2, 3, NULL) == 0);
    cJSON_Delete(t);
    t = at_texts_of(dir, "learn");
    CHECK(at_texts_has(t, "Learn"));
    CHECK(title[0] && at_texts_has(t, title));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back");
    CHECK(at_texts_has(t, "Your choices"));
    cJSON_Delete(t);
}

static void attune_list_names_the_screens(void)
{
    const char *dir = at_tmpdir(6);
    CHECK_INT(at_run_cli(dir, "list", dir, "list"), 0);
    char path[600];
    snprintf(path, sizeof path, "%s/list.out", dir);
    char *out = at_read_file(path);
    CHECK_CONTAINS(out, "Learning screens:");
    cJSON *root;
    const cJSON *e, *screens = load_learn(&root); /* the macro names its array twice */
    cJSON_ArrayForEach(e, screens) {
        char line[200];
        snprintf(line, sizeof line, "%s", at_str(e, "title"));
        CHECK_CONTAINS(out, line);
        CHECK_CONTAINS(out, at_str(e, "id"));
    }
    cJSON_Delete(root);
    free(out);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(attune_list_names_the_screens);
    RUN(the_picker_opens_learn_by_key_and_by_button);
    RUN(every_screen_reads_to_its_end_at_800x600);
    RUN(every_screen_reads_to_its_end_at_1280x720);
    RUN(every_screen_reads_to_its_end_at_800x600_in_large_text);
    RUN(a_solo_reveal_links_to_its_screen_and_comes_back);
    RUN(a_couple_reveal_links_to_its_screen);
    return check_report();
}
