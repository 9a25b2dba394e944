/* Scenario cards end to end, headless: a solo round names no style before the choice and all
 * of them after; a round together never shows anything of a pick before both have chosen;
 * the talk timer hands the floor over on time; the command line knows the levels. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apptest.h"
#include "check.h"

static const char *const STYLE_TITLES[] = {"Connection-oriented", "Anxious", "Avoidant",
                                           "Fearful-avoidant"};

/* The "cards" array of a level file in the source tree, its words as shown on screen. */
static cJSON *load_level(const char *file, cJSON **root)
{
    char path[600];
    snprintf(path, sizeof path, "%s/levels/%s", at_source, file);
    char *s = at_read_file(path);
    *root = s ? cJSON_Parse(s) : NULL;
    free(s);
    at_typographic(*root);
    cJSON *level = cJSON_GetObjectItemCaseSensitive(*root, "level");
    return cJSON_GetObjectItemCaseSensitive(level, "cards");
}

/* The card whose situation is on screen, or NULL. */
static const cJSON *card_on_screen(const cJSON *cards, const cJSON *texts)
{
    const cJSON *c;
    cJSON_ArrayForEach(c, cards) {
        const char *sit = at_str(c, "situation");
        if (sit && at_texts_has(texts, sit)) return c;
    }
    return NULL;
}

static int style_names_shown(const cJSON *texts)
{
    int n = 0;
    for (int i = 0; i < 4; i++) n += at_texts_contains(texts, STYLE_TITLES[i]);
    return n;
}

static bool any_response_shown(const cJSON *card, const cJSON *texts)
{
    const cJSON *r;
    cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(card, "responses")) {
        const char *t = at_str(r, "text");
        if (t && at_texts_has(texts, t)) return true;
    }
    return false;
}

static void solo_round_names_styles_only_after_the_choice(void)
{
    const char *dir = at_tmpdir(0);
    /* Five cards: look, pick 1, look, next... then the end of the round. S skips the level's
     * skill where a card has one (test_app_skills tries them). */
    char script[4096];
    size_t n = 0;
    for (int i = 0; i < 5; i++)
        n += (size_t)snprintf(script + n, sizeof script - n,
                              "wait 300\nkey s\nwait 300\ntexts $D/card%d.json\nkey %d\nwait 300\n"
                              "texts $D/reveal%d.json\nkey Return\n",
                              i, i % 4 + 1, i);
    snprintf(script + n, sizeof script - n, "wait 300\ntexts $D/end.json\n");
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "solo", dir, script, "cards notice"), 0);

    cJSON *root;
    const cJSON *cards = load_level("01-notice.json", &root);
    CHECK(cards != NULL);
    const char *seen[5] = {0};
    for (int i = 0; i < 5; i++) {
        char name[32];
        snprintf(name, sizeof name, "card%d", i);
        cJSON *t = at_texts_of(dir, name);
        CHECK(t != NULL);
        const cJSON *card = card_on_screen(cards, t);
        CHECK(card != NULL); /* its situation, word for word */
        if (!card) {
            cJSON_Delete(t);
            continue;
        }
        seen[i] = at_str(card, "id");
        for (int k = 0; k < i; k++) CHECK(seen[k] && strcmp(seen[k], seen[i]) != 0);
        const cJSON *r;
        cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(card, "responses"))
            CHECK(at_texts_has(t, at_str(r, "text")));
        CHECK_INT(style_names_shown(t), 0);
        CHECK(!at_texts_contains(t, "Your choice"));
        snprintf(name, sizeof name, "%d of 5", i + 1);
        CHECK(at_texts_contains(t, name));
        cJSON_Delete(t);

        snprintf(name, sizeof name, "reveal%d", i);
        t = at_texts_of(dir, name);
        CHECK(t != NULL);
        CHECK_INT(style_names_shown(t), 4);
        CHECK(at_texts_has(t, "Your choice"));
        CHECK(at_texts_has(t, at_str(card, "reflect")));
        CHECK(at_texts_contains(t, at_str(card, "try_saying")));
        cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(card, "responses"))
            CHECK(at_texts_has(t, at_str(r, "why")));
        cJSON_Delete(t);
    }
    cJSON *t = at_texts_of(dir, "end");
    CHECK(at_texts_has(t, "Round complete"));
    /* A question to sit with, never a score. */
    CHECK(at_texts_contains(t, "What pulled at you this round?"));
    CHECK(!at_texts_contains(t, "connection-oriented response"));
    CHECK_INT(style_names_shown(t), 4);
    CHECK(at_texts_has(t, "Another round"));
    CHECK(at_texts_has(t, "Menu"));
    cJSON_Delete(t);
    cJSON_Delete(root);
}

/* The reveal at 1280x720: the scenario stays in view; the response chosen comes first, in a
 * larger type than the other three; every explanation is at body size (at least 16 px); and
 * every quote and apostrophe drawn is typographic. */
static void the_reveal_keeps_the_scenario_and_leads_with_the_choice(void)
{
    cJSON *root = NULL;
    const cJSON *cards = load_level("01-notice.json", &root);
    const char *dir = at_tmpdir(3);
    at_checkins_off(dir);
    /* A skill may come before the first card's responses: press 2 until the reveal shows. */
    CHECK_INT(at_run(dir, "reveal", dir,
                     "wait 300\nkey 2\nwait 400\ntexts $D/r1.json\nkey 2\nwait 400\ntexts $D/r2.json\n"
                     "key 2\nwait 400\ntexts $D/r3.json\nshot $D/reveal.png\n",
                     "--window 1280x720 cards notice"),
              0);
    cJSON *t = NULL;
    for (int i = 1; i <= 3 && !t; i++) {
        char name[8];
        snprintf(name, sizeof name, "r%d", i);
        t = at_texts_of(dir, name);
        if (t && !at_texts_has(t, "Your choice")) {
            cJSON_Delete(t);
            t = NULL;
        }
    }
    CHECK(t != NULL);
    const cJSON *card = t ? card_on_screen(cards, t) : NULL;
    CHECK(card != NULL); /* the scenario is on screen */
    if (card) {
        AtRect sit = at_rect(at_text_entry(t, at_str(card, "situation"), true));
        AtRect label = at_rect(at_text_entry(t, "Try saying", true));
        const cJSON *first = NULL, *r;
        cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(card, "responses")) {
            const cJSON *e = at_text_entry(t, at_str(r, "text"), true);
            CHECK(e != NULL);
            if (e && (!first || at_rect(e).y < at_rect(first).y)) first = e;
            const cJSON *why = at_text_entry(t, at_str(r, "why"), true);
            CHECK(why != NULL);
            if (!why) continue;
            int line = cJSON_GetObjectItemCaseSensitive(why, "line")->valueint;
            CHECK(at_rect(why).h >= 16);
            CHECK(line >= 16);
            CHECK(line > cJSON_GetObjectItemCaseSensitive(at_text_entry(t, "Try saying", true), "line")->valueint);
            CHECK(at_rect(why).y > sit.y && at_rect(why).y < label.y);
        }
        /* The first response is the one marked as chosen, and set larger than the rest. */
        AtRect chosen = at_rect(first), mark = at_rect(at_text_entry(t, "Your choice", true));
        CHECK(chosen.y > sit.y && mark.y < chosen.y && chosen.y - mark.y < 3 * mark.h);
        int big = first ? cJSON_GetObjectItemCaseSensitive(first, "line")->valueint : 0;
        cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(card, "responses")) {
            const cJSON *e = at_text_entry(t, at_str(r, "text"), true);
            if (!e || e == first) continue;
            CHECK(at_rect(e).y > chosen.y + chosen.h);
            CHECK(cJSON_GetObjectItemCaseSensitive(e, "line")->valueint < big);
        }
    }
    /* Quotes and apostrophes: typographic everywhere, the try-saying line in “ ”. */
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(t, "texts")) {
        const char *s = at_str(e, "text");
        bool straight = s && strpbrk(s, "'\"");
        if (straight) fprintf(stderr, "  straight quote in \"%s\"\n", s);
        CHECK(!straight);
    }
    CHECK(at_text_entry(t, "\u201c", false) != NULL && at_text_entry(t, "\u201d", false) != NULL);
    cJSON_Delete(t);
    cJSON_Delete(root);
}

static void solo_escape_goes_back_to_the_levels(void)
{
    const char *dir = at_tmpdir(1);
    const char *script = "wait 300\nkey s\nkey 2\nkey Return\nkey Escape\nwait 300\ntexts $D/levels.json\n"
                         "key Escape\nwait 300\ntexts $D/menu.json\n";
    at_checkins_off(dir);
    CHECK_INT(at_run(dir, "esc", dir, script, "cards 1"), 0);
    cJSON *t = at_texts_of(dir, "levels");
    CHECK(at_texts_has(t, "Cards"));
    CHECK(at_texts_has(t, "Level 1 of 5"));
    CHECK(at_texts_contains(t, "1 of 40 cards seen")); /* the answered card counts */
    CHECK(!at_texts_contains(t, "pick"));               /* no count of "right" answers */
    CHECK(at_texts_contains(t, "Breathing: Six a minute, Box breathing"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "menu");
    CHECK(at_texts_has(t, "Cards together"));
    cJSON_Delete(t);
}

static void couple_round_keeps_picks_private_until_both_chose(void)
{
    const char *dir = at_tmpdir(2);
    /* Names, then A picks 1, hand over, B picks 2 (a different response: same order for both). */
    const char *script =
        "wait 300\ntexts $D/names.json\n"
        "type Alex\nkey Tab\ntype Sam\nkey Return\nwait 300\n"
        "texts $D/gate.json\nkey Return\nwait 300\n"
        "texts $D/pick_a.json\n"
        "key 1\nwait 300\ntexts $D/cover.json\n"
        "key Return\nwait 300\ntexts $D/pick_b.json\n"
        "key 2\nwait 300\ntexts $D/reveal.json\n"
        "key t\nwait 300\ntexts $D/talk.json\n"
        "wait 119700\ntexts $D/sumup.json\n"
        "wait 30000\ntexts $D/switch.json\n"
        "key Escape\nwait 300\ntexts $D/back.json\n";
    CHECK_INT(at_run(dir, "couple", dir, script, "cards --couple notice"), 0);

    /* The first time this pair plays, the gate comes first: for two people who feel safe. */
    cJSON *gate = at_texts_of(dir, "gate");
    CHECK(at_texts_has(gate, "For two people who feel safe together"));
    CHECK(at_texts_contains(gate, "not yours to accept"));
    CHECK(at_texts_has(gate, "Practise on my own"));
    cJSON_Delete(gate);

    cJSON *root;
    const cJSON *cards = load_level("01-notice.json", &root);
    const char *steps[] = {"names", "pick_a", "cover", "pick_b"};
    const cJSON *card = NULL;
    for (int i = 0; i < 4; i++) {
        cJSON *t = at_texts_of(dir, steps[i]);
        CHECK(t != NULL);
        CHECK_INT(style_names_shown(t), 0);
        CHECK(!at_texts_contains(t, "Your choice"));
        CHECK(!at_texts_contains(t, "matched"));
        CHECK(!at_texts_contains(t, "differently"));
        if (i == 1) {
            card = card_on_screen(cards, t);
            CHECK(card != NULL);
            CHECK(at_texts_has(t, "Alex's turn. Sam, please look away."));
        }
        if (i == 2) {
            CHECK(at_texts_has(t, "Hand over to Sam"));
            CHECK(at_texts_contains(t, "Press Enter when Sam has the screen"));
            if (card) {
                CHECK(!any_response_shown(card, t));
                CHECK(!at_texts_has(t, at_str(card, "situation")));
            }
        }
        if (i == 3) {
            CHECK(at_texts_has(t, "Sam's turn. Alex, please look away."));
            CHECK(card && card_on_screen(cards, t) == card);
        }
        cJSON_Delete(t);
    }
    cJSON *t = at_texts_of(dir, "reveal");
    CHECK(at_texts_has(t, "Your choices"));
    if (card) CHECK(at_texts_contains(t, at_str(card, "try_saying")));
    CHECK(at_texts_has(t, "Alex"));
    CHECK(at_texts_has(t, "Sam"));
    CHECK(style_names_shown(t) == 2);
    if (card) CHECK(at_texts_has(t, at_str(card, "reflect")));
    CHECK(at_texts_has(t, "Talk it through"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "talk");
    CHECK(at_texts_has(t, "Alex speaks, Sam listens"));
    CHECK(at_texts_has(t, "2:00"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "sumup");
    CHECK(at_texts_has(t, "Sam, sum up what you heard"));
    CHECK(!at_texts_has(t, "Alex speaks, Sam listens"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "switch"); /* after the sum-up, the floor changes hands */
    CHECK(at_texts_has(t, "Sam speaks, Alex listens"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "back");
    CHECK(at_texts_has(t, "Your choices"));
    cJSON_Delete(t);
    cJSON_Delete(root);
}

static void couple_round_ends_with_a_summary(void)
{
    const char *dir = at_tmpdir(3);
    char script[4096];
    /* Names left empty, then the gate, passed. */
    size_t n = (size_t)snprintf(script, sizeof script, "wait 300\nkey Return\nkey Return\nwait 300\nkey Return\n");
    for (int i = 0; i < 5; i++)
        n += (size_t)snprintf(script + n, sizeof script - n,
                              "wait 300\nkey 1\nwait 300\nkey Return\nwait 300\nkey %d\nwait 300\n"
                              "texts $D/reveal%d.json\nkey n\n", i % 2 ? 1 : 3, i);
    snprintf(script + n, sizeof script - n, "wait 300\ntexts $D/end.json\n");
    CHECK_INT(at_run(dir, "summary", dir, script, "cards --couple 1"), 0);
    /* On the reveal Enter talks it through (the first button); N goes to the next card, and
     * the hints say so. */
    cJSON *h = at_texts_of(dir, "reveal0");
    CHECK(at_texts_contains(h, "Enter or T talk it through"));
    CHECK(at_texts_contains(h, "N next card"));
    cJSON_Delete(h);
    const char *dir2 = at_tmpdir(4);
    CHECK_INT(at_run(dir2, "enter", dir2,
                     "wait 300\nkey Return\nkey Return\nwait 300\nkey Return\n"
                     "wait 300\nkey 1\nwait 300\nkey Return\nwait 300\nkey 3\nwait 300\n"
                     "key Return\nwait 300\ntexts $D/talk.json\n", "cards --couple 1"), 0);
    h = at_texts_of(dir2, "talk");
    CHECK(at_texts_contains(h, "speaks"));
    cJSON_Delete(h);
    cJSON *t = at_texts_of(dir, "reveal1");
    CHECK(at_texts_has(t, "Your choices"));
    CHECK(!at_texts_has(t, "You matched"));
    CHECK(at_texts_contains(t, "Partner A and Partner B")); /* names left empty */
    cJSON_Delete(t);
    t = at_texts_of(dir, "end");
    CHECK(at_texts_has(t, "Round complete"));
    CHECK(at_texts_contains(t, "What pulled at each of you this round?"));
    CHECK(at_texts_has(t, "Lines to practise"));
    /* No score and no comparison of the partners, anywhere on the summary. */
    for (const cJSON *e = t ? cJSON_GetObjectItemCaseSensitive(t, "texts")->child : NULL; e; e = e->next) {
        const char *s = cJSON_GetObjectItemCaseSensitive(e, "text")->valuestring;
        CHECK(!strstr(s, "picks") && !strstr(s, "same response") && !strstr(s, " of 5"));
    }
    cJSON_Delete(t);
    /* The session is in the log with both names, and counts for the couple streak. */
    char path[600];
    snprintf(path, sizeof path, "%s/practice.jsonl", dir);
    char *log = at_read_file(path);
    CHECK_CONTAINS(log, "\"kind\":\"cards\"");
    CHECK_CONTAINS(log, "\"partners\":[\"Partner A\",\"Partner B\"]");
    CHECK_CONTAINS(log, "\"count\":5");
    free(log);
    CHECK_INT(at_run_cli(dir, "stats", dir, "stats --json"), 0);
    snprintf(path, sizeof path, "%s/stats.out", dir);
    char *out = at_read_file(path);
    cJSON *st = cJSON_Parse(out ? out : "");
    const cJSON *couple = cJSON_GetObjectItemCaseSensitive(st, "couple");
    CHECK_INT(cJSON_GetObjectItemCaseSensitive(couple, "sessions")->valueint, 1);
    CHECK_INT(cJSON_GetObjectItemCaseSensitive(couple, "current")->valueint, 1);
    cJSON_Delete(st);
    free(out);
}

/* The talk timer's ring and seconds, drawn in part between events, equal whole frames. */
static void talk_frames_drawn_in_part_equal_whole_frames(void)
{
    const char *dir = at_tmpdir(6);
    const char *setup = "wait 300\ntype Alex\nkey Tab\ntype Sam\nkey Return\nwait 300\n"
                        "key Return\nwait 300\nkey 1\nwait 300\nkey Return\nwait 300\nkey 2\nwait 300\nkey t\nwait 300\n";
    const int moments[3] = {200, 1500, 4000};
    CHECK_INT(at_parts_equal_whole(dir, setup, "cards --couple notice", moments, 3), 0);
}

/* Help during the talk holds the timer: a minute under help, and whoever had the floor still
 * has the same time left. */
static void help_holds_the_talk_timer(void)
{
    const char *dir = at_tmpdir(7);
    const char *script = "wait 300\ntype Alex\nkey Tab\ntype Sam\nkey Return\nwait 300\n"
                         "key Return\nwait 300\nkey 1\nwait 300\nkey Return\nwait 300\nkey 2\nwait 300\nkey t\n"
                         "wait 5000\ntexts $D/before.json\nkey F1\nwait 60000\nkey Escape\n"
                         "wait 100\ntexts $D/after.json\n";
    CHECK_INT(at_run(dir, "talk-help", dir, script, "cards --couple notice"), 0);
    cJSON *t = at_texts_of(dir, "before");
    CHECK(at_texts_has(t, "1:55"));
    CHECK(at_texts_has(t, "Alex speaks, Sam listens"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "after");
    CHECK(at_texts_has(t, "1:55"));
    CHECK(at_texts_has(t, "Alex speaks, Sam listens"));
    cJSON_Delete(t);
}

static void names_take_utf8_and_backspace(void)
{
    const char *dir = at_tmpdir(4);
    const char *script = "wait 300\ntype Zoé\nkey BackSpace\nkey BackSpace\ntype ë\nkey Tab\n"
                         "type Noor\nwait 100\ntexts $D/names.json\n";
    CHECK_INT(at_run(dir, "names", dir, script, "cards --couple"), 0);
    cJSON *t = at_texts_of(dir, "names");
    CHECK(at_texts_has(t, "Zë"));
    CHECK(at_texts_has(t, "Noor"));
    cJSON_Delete(t);
}

static void command_line_knows_the_levels(void)
{
    const char *dir = at_tmpdir(5);
    char path[600];
    CHECK_INT(at_run_cli(dir, "nosuch", dir, "cards no-such"), 2);
    snprintf(path, sizeof path, "%s/nosuch.err", dir);
    char *err = at_read_file(path);
    CHECK_CONTAINS(err, "no-such");
    free(err);
    CHECK_INT(at_run_cli(dir, "six", dir, "cards 6"), 2);
    CHECK_INT(at_run_cli(dir, "list", dir, "list"), 0);
    snprintf(path, sizeof path, "%s/list.out", dir);
    char *out = at_read_file(path);
    CHECK_CONTAINS(out, "Card levels:");
    CHECK_CONTAINS(out, "notice");
    CHECK_CONTAINS(out, "accept");
    CHECK_CONTAINS(out, "40 cards");
    free(out);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(solo_round_names_styles_only_after_the_choice);
    RUN(solo_escape_goes_back_to_the_levels);
    RUN(the_reveal_keeps_the_scenario_and_leads_with_the_choice);
    RUN(couple_round_keeps_picks_private_until_both_chose);
    RUN(couple_round_ends_with_a_summary);
    RUN(talk_frames_drawn_in_part_equal_whole_frames);
    RUN(help_holds_the_talk_timer);
    RUN(names_take_utf8_and_backspace);
    RUN(command_line_knows_the_levels);
    return check_report();
}
