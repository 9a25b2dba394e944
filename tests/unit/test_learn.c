/* Learning screens: the loader names the file and JSON path of every problem and keeps the rest,
 * the shipped screens are complete and short, and the reveal of a card offers the screen that
 * goes with it best. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/content.h"
#include "attune/learn.h"
#include "check.h"
#include "filetest.h"

#define SCREEN(id, extra) \
    "{\"id\": \"" id "\", \"title\": \"T\", \"body\": \"A short body.\", \"read_more\": \"A book\"" extra "}"

static void words_are_counted_between_spaces_and_line_breaks(void)
{
    CHECK_INT(learn_word_count(""), 0);
    CHECK_INT(learn_word_count("  one  "), 1);
    CHECK_INT(learn_word_count("one two\n\nthree\tfour"), 4);
    CHECK_INT(learn_word_count("don't stop-now"), 2);
}

static void a_good_screen_loads_with_what_it_goes_with(void)
{
    Content c = {0};
    AtDiag d = {0};
    const char *p = write_file("good.json", "{\"learn\": [" SCREEN("bids", ", \"levels\": [\"notice\"], "
                               "\"themes\": [\"good-moment\", \"repair\"], \"cards\": [\"notice-01\"], \"_note\": \"ok\"") ","
                               SCREEN("plain", "") "]}");
    CHECK_INT(content_load_file(&c, p, CONTENT_SHIPPED, &d), 0);
    dump(&d);
    CHECK_INT(c.nlearn, 2);
    const LearnScreen *s = content_learn(&c, "bids");
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(s->title, "T");
        CHECK_STR(s->body, "A short body.");
        CHECK_STR(s->read_more, "A book");
        CHECK_INT(s->nlevels, 1);
        CHECK_STR(s->levels[0], "notice");
        CHECK_INT(s->themes, (1u << DECK_THEME_GOOD_MOMENT) | (1u << DECK_THEME_REPAIR));
        CHECK_INT(s->ncards, 1);
        CHECK_STR(s->cards[0], "notice-01");
        CHECK(strstr(s->file, "good.json") != NULL);
    }
    s = content_learn(&c, "plain");
    CHECK(s && s->nlevels == 0 && s->themes == 0 && s->ncards == 0);
    diag_free(&d);
    content_free(&c);
}

static void each_bad_screen_is_reported_with_file_and_path_and_left_out(void)
{
    Content c = {0};
    AtDiag d = {0};
    /* 151 words */
    char body[2000] = "";
    for (int i = 0; i < 151; i++) strcat(body, i ? " w" : "w");
    char text[6000];
    snprintf(text, sizeof text,
             "{\"learn\": [\n"
             SCREEN("ok", "") ",\n"
             "{\"id\": \"long\", \"title\": \"T\", \"body\": \"%s\", \"read_more\": \"B\"},\n"
             "{\"id\": \"nomore\", \"title\": \"T\", \"body\": \"B\"},\n"
             SCREEN("theme", ", \"themes\": [\"chores\"]") ",\n"
             SCREEN("typo", ", \"level\": [\"notice\"]") ",\n"
             SCREEN("ok", "") ",\n"
             SCREEN("Bad Id", "") ",\n"
             SCREEN("twice", ", \"levels\": [\"notice\", \"notice\"]") ",\n"
             "{\"id\": \"empty\", \"title\": \"  \", \"body\": \"B\", \"read_more\": \"B\"},\n"
             "\"not an object\"\n"
             "]}",
             body);
    content_load_file(&c, write_file("bad.json", text), CONTENT_SHIPPED, &d);
    CHECK(said(&d, "bad.json: learn[1].body: 151 words, at most 150"));
    CHECK(said(&d, "bad.json: learn[2].read_more: missing"));
    CHECK(said(&d, "bad.json: learn[3].themes[0]: expected a card theme"));
    CHECK(said(&d, "bad.json: learn[4].level: unknown key"));
    CHECK(said(&d, "bad.json: learn[5].id: \"ok\" is already used by another learning screen"));
    CHECK(said(&d, "bad.json: learn[6].id: \"Bad Id\" is not an id"));
    CHECK(said(&d, "bad.json: learn[7].levels[1]: \"notice\" appears twice"));
    CHECK(said(&d, "bad.json: learn[8].title: must not be empty"));
    CHECK(said(&d, "bad.json: learn[9]: expected an object"));
    CHECK_INT(d.count, 9);
    CHECK_INT(c.nlearn, 1);
    CHECK(content_learn(&c, "ok") != NULL);
    diag_free(&d);
    content_free(&c);
}

static void screens_are_not_for_the_users_own_folder(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_file(&c, write_file("mine.json", "{\"learn\": [" SCREEN("mine", "") "]}"), CONTENT_USER, &d);
    CHECK(said(&d, "mine.json: learn: not allowed in your own content"));
    CHECK_INT(c.nlearn, 0);
    diag_free(&d);
    content_free(&c);
}

static void screens_must_name_levels_and_cards_that_exist(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_dir(&c, ATTUNE_SOURCE_DIR "/levels", CONTENT_SHIPPED, &d);
    int before = c.nlearn;
    content_load_file(&c, write_file("refs.json", "{\"learn\": [" SCREEN("a", ", \"levels\": [\"notice\", \"notise\"]") ","
                                                 SCREEN("b", ", \"cards\": [\"regulate-02\", \"regulate-99\"]") "]}"),
                      CONTENT_AUTHOR, &d);
    CHECK_INT(c.nlearn, before + 2);
    CHECK_INT(content_check_refs(&c, &d), 2);
    CHECK(said(&d, "refs.json: learn[0].levels[1]: no card level \"notise\" is loaded"));
    CHECK(said(&d, "refs.json: learn[1].cards[1]: no card \"regulate-99\" is loaded"));
    diag_free(&d);
    content_free(&c);
}

static void the_shipped_screens_cover_the_topics_briefly(void)
{
    Content c = {0};
    AtDiag d = {0};
    CHECK_INT(content_load_dir(&c, ATTUNE_SOURCE_DIR "/levels", CONTENT_SHIPPED, &d), 0);
    CHECK_INT(content_check_refs(&c, &d), 0);
    dump(&d);
    CHECK(c.nlearn >= 18 && c.nlearn <= 24);
    const char *topics[] = {"four-moves", "two-dials", "step-notice", "step-regulate",
                            "step-communicate", "step-understand", "step-accept", "flooding",
                            "bids", "horsemen", "antidotes", "gentle-start", "repair",
                            "pursue-withdraw", "protest", "window", "dependence",
                            "self-compassion"};
    for (size_t i = 0; i < sizeof topics / sizeof *topics; i++) {
        bool found = content_learn(&c, topics[i]) != NULL;
        if (!found) fprintf(stderr, "    no learning screen \"%s\"\n", topics[i]);
        CHECK(found);
    }
    /* Authors named where the ideas come from. */
    const struct { const char *id, *who; } credit[] = {
        {"flooding", "Gottman"}, {"bids", "Gottman"}, {"horsemen", "Gottman"},
        {"gentle-start", "Gottman"}, {"repair", "Gottman"}, {"window", "Siegel"},
        {"self-compassion", "Neff"}, {"protest", "Levine"}, {"pursue-withdraw", "Johnson"},
    };
    for (size_t i = 0; i < sizeof credit / sizeof *credit; i++) {
        const LearnScreen *s = content_learn(&c, credit[i].id);
        CHECK(s && strstr(s->read_more, credit[i].who));
    }
    /* Every level's step is explained, and every card of every level has a screen to offer. */
    for (int l = 0; l < c.nlevels; l++) {
        const DeckLevel *lv = &c.levels[l];
        char id[64];
        snprintf(id, sizeof id, "step-%s", lv->id);
        const LearnScreen *step = content_learn(&c, id);
        CHECK(step && learn_match(step, lv, NULL) == 1);
        for (int k = 0; k < lv->ncards; k++)
            CHECK(content_learn_for_card(&c, lv, &lv->cards[k]) != NULL);
    }
    for (int i = 0; i < c.nlearn; i++) {
        CHECK(learn_word_count(c.learn[i].body) <= LEARN_BODY_WORDS);
        CHECK(learn_word_count(c.learn[i].body) >= 60); /* a screen, not a line */
    }
    diag_free(&d);
    content_free(&c);
}

static void the_reveal_offers_the_best_match_and_the_same_one_every_time(void)
{
    LearnScreen s[4] = {
        {.id = "level", .levels = {"regulate"}, .nlevels = 1},
        {.id = "theme1", .themes = 1u << DECK_THEME_CONFLICT},
        {.id = "theme2", .themes = 1u << DECK_THEME_CONFLICT},
        {.id = "card", .cards = {"regulate-02"}, .ncards = 1},
    };
    DeckLevel lv = {.id = "regulate", .number = 2};
    DeckLevel other = {.id = "notice", .number = 1};
    DeckCard plain = {.id = "regulate-01"};
    DeckCard conflict = {.id = "regulate-05", .themes = 1u << DECK_THEME_CONFLICT};
    DeckCard flood = {.id = "regulate-02", .themes = 1u << DECK_THEME_CONFLICT};

    CHECK_INT(learn_match(&s[0], &lv, &plain), 1);
    CHECK_INT(learn_match(&s[1], &lv, &plain), 0);
    CHECK_INT(learn_match(&s[1], &lv, &conflict), 2);
    CHECK_INT(learn_match(&s[3], &lv, &flood), 8);
    CHECK(learn_for_card(s, 4, &lv, &plain) == &s[0]);    /* only the level matches */
    CHECK(learn_for_card(s, 4, &other, &plain) == NULL);  /* nothing applies */
    CHECK(learn_for_card(s, 4, &lv, &flood) == &s[3]);    /* a card named outright wins */
    /* Two themes tie: the card's id chooses, the same way every time. */
    const LearnScreen *first = learn_for_card(s, 4, &lv, &conflict);
    CHECK(first == &s[1] || first == &s[2]);
    CHECK(learn_for_card(s, 4, &lv, &conflict) == first);
    /* ... and across many cards, both are offered. */
    bool offered[2] = {false, false};
    for (int i = 0; i < 40; i++) {
        char id[32];
        snprintf(id, sizeof id, "regulate-%02d", i);
        DeckCard c = {.id = id, .themes = 1u << DECK_THEME_CONFLICT};
        const LearnScreen *m = learn_for_card(s, 3, &other, &c);
        CHECK(m == &s[1] || m == &s[2]);
        if (m) offered[m - &s[1]] = true;
    }
    CHECK(offered[0] && offered[1]);
    CHECK(learn_for_card(s, 0, &lv, &plain) == NULL);
}

int main(void)
{
    if (!filetest_dir("learn")) return 2;
    RUN(words_are_counted_between_spaces_and_line_breaks);
    RUN(a_good_screen_loads_with_what_it_goes_with);
    RUN(each_bad_screen_is_reported_with_file_and_path_and_left_out);
    RUN(screens_are_not_for_the_users_own_folder);
    RUN(screens_must_name_levels_and_cards_that_exist);
    RUN(the_shipped_screens_cover_the_topics_briefly);
    RUN(the_reveal_offers_the_best_match_and_the_same_one_every_time);
    return check_report();
}
