/* The level skills: which cards get one, the words they offer, the sentence the message
 * builder makes, the summaries' order, the accept-or-ask sort; and the validation of the
 * "skills" section and of a card's "summary". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attune/content.h"
#include "attune/skill.h"
#include "check.h"
#include "filetest.h"

static const SkillSet WORDS = {
    .feelings = {"worried", "hurt", "angry", "sad", "lonely", "numb"},
    .nfeelings = 6,
    .needs = {"some reassurance", "to feel heard", "a break", "some help"},
    .nneeds = 4,
    .requests = {"Could we talk tonight?", "Would you text me?", "Can we pause?", "Could you help?",
                 "Would you sit with me?"},
    .nrequests = 5,
    .sort = {"a", "b", "c", "d", "e", "f", "g"},
    .nsort = 7,
    .file = "skills.json",
};

static DeckCard cards[6];
static DeckLevel level(int number)
{
    DeckLevel l = {.id = "l", .number = number, .cards = cards, .ncards = 6,
                   .breathing = {"quick-calm"}, .nbreathing = 1};
    return l;
}

static void each_level_has_its_own_skill(void)
{
    const Skill want[] = {SKILL_NONE, SKILL_FEEL_FIRST, SKILL_BREATHE, SKILL_MESSAGE,
                          SKILL_SUMMARY, SKILL_SORT};
    for (int n = 1; n <= 5; n++) {
        DeckLevel l = level(n);
        CHECK_INT(skill_of_level(&l), want[n]);
    }
    CHECK_INT(skill_of_level(NULL), SKILL_NONE);
    CHECK(skill_before_choice(SKILL_FEEL_FIRST));
    CHECK(skill_before_choice(SKILL_BREATHE));
    CHECK(skill_before_choice(SKILL_SUMMARY));
    CHECK(!skill_before_choice(SKILL_MESSAGE));
    CHECK(!skill_before_choice(SKILL_SORT));
    CHECK(!skill_before_choice(SKILL_NONE));
    CHECK_STR(skill_title(SKILL_MESSAGE), "Build the message");
    CHECK_STR(skill_title(SKILL_NONE), "");
}

static void every_third_card_of_a_round_gets_the_skill(void)
{
    for (int n = 1; n <= 5; n++) {
        if (n == 4) continue;
        DeckLevel l = level(n);
        for (int pos = 0; pos < 6; pos++)
            CHECK_INT(skill_for_card(&WORDS, &l, pos, pos) != SKILL_NONE, pos == 0 || pos == 3);
        /* The card does not matter, only where it is dealt. */
        CHECK_INT(skill_for_card(&WORDS, &l, 5, 0), skill_of_level(&l));
        CHECK_INT(skill_for_card(&WORDS, &l, 6, 0), SKILL_NONE); /* no such card */
        CHECK_INT(skill_for_card(&WORDS, &l, -1, 0), SKILL_NONE);
    }
    /* Without the words, the skills that need them are left out; the breaths are not. */
    SkillSet none = {0};
    DeckLevel l1 = level(1), l2 = level(2), l3 = level(3), l5 = level(5);
    CHECK_INT(skill_for_card(&none, &l1, 0, 0), SKILL_NONE);
    CHECK_INT(skill_for_card(NULL, &l3, 0, 0), SKILL_NONE);
    CHECK_INT(skill_for_card(&none, &l5, 0, 0), SKILL_NONE);
    CHECK_INT(skill_for_card(NULL, &l2, 0, 0), SKILL_BREATHE);
    l2.nbreathing = 0;
    CHECK_INT(skill_for_card(&WORDS, &l2, 0, 0), SKILL_NONE);
}

static void understand_cards_with_a_summary_get_the_skill_anywhere_in_the_round(void)
{
    DeckLevel l = level(4);
    memset(cards, 0, sizeof cards);
    cards[2].summary.best = "They feel left out.";
    cards[2].summary.others[0] = "x";
    cards[2].summary.others[1] = "y";
    cards[2].summary.nothers = 2;
    for (int pos = 0; pos < 5; pos++) {
        CHECK_INT(skill_for_card(&WORDS, &l, 2, pos), SKILL_SUMMARY);
        CHECK_INT(skill_for_card(&WORDS, &l, 1, pos), SKILL_NONE);
    }
    const char *opt[SKILL_SUMMARY_OPTIONS];
    int best;
    CHECK_INT(skill_summary_options(&cards[1], 1, opt, &best), 0);
    CHECK_INT(best, -1);
    /* Every seed shows all three, once each, and says where the best one went. */
    bool best_at[3] = {false, false, false};
    for (uint64_t seed = 0; seed < 30; seed++) {
        CHECK_INT(skill_summary_options(&cards[2], seed, opt, &best), 3);
        CHECK(best >= 0 && best < 3);
        if (best < 0 || best >= 3) continue;
        CHECK_STR(opt[best], "They feel left out.");
        best_at[best] = true;
        int seen = 0;
        for (int i = 0; i < 3; i++)
            seen |= !strcmp(opt[i], "x") ? 1 : !strcmp(opt[i], "y") ? 2 : !strcmp(opt[i], "They feel left out.") ? 4 : 0;
        CHECK_INT(seen, 7);
    }
    CHECK(best_at[0] && best_at[1] && best_at[2]); /* no place gives it away */
    int b2;
    const char *opt2[SKILL_SUMMARY_OPTIONS];
    skill_summary_options(&cards[2], 7, opt, &best);
    skill_summary_options(&cards[2], 7, opt2, &b2);
    CHECK_INT(best, b2);
}

static void picks_are_distinct_windows_that_move_with_the_key(void)
{
    int out[8];
    CHECK_INT(skill_pick(6, 4, 0, out), 4);
    CHECK(out[0] == 0 && out[1] == 1 && out[2] == 2 && out[3] == 3);
    CHECK_INT(skill_pick(6, 4, 1, out), 4);
    CHECK(out[0] == 4 && out[1] == 5 && out[2] == 0 && out[3] == 1);
    CHECK_INT(skill_pick(3, 4, 5, out), 3); /* fewer than asked: all of them */
    CHECK_INT(out[0] + out[1] + out[2], 3);
    CHECK_INT(skill_pick(0, 4, 0, out), 0);
    for (unsigned key = 0; key < 50; key++) {
        int n = skill_pick(12, 6, key, out);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < i; k++) CHECK(out[i] != out[k]);
    }
}

static void the_message_is_built_from_a_feeling_a_need_and_a_request(void)
{
    SkillMessage m;
    skill_message_start(&m, &WORDS, 0);
    CHECK_INT(m.noption[SKILL_PART_FEELING], SKILL_MESSAGE_SHOWN);
    CHECK_INT(m.noption[SKILL_PART_NEED], 4);
    CHECK_INT(m.noption[SKILL_PART_REQUEST], SKILL_MESSAGE_SHOWN);
    char buf[300];
    skill_message_text(&m, &WORDS, buf, sizeof buf);
    CHECK_STR(buf, "I feel \u2026, and I need \u2026. \u2026");
    CHECK(!skill_message_complete(&m));
    CHECK(skill_message_choose(&m, SKILL_PART_FEELING, 1));
    const char *feeling = skill_message_option(&m, &WORDS, SKILL_PART_FEELING, 1);
    CHECK_STR(feeling, "hurt");
    CHECK(skill_message_choose(&m, SKILL_PART_NEED, 1));
    CHECK(!skill_message_choose(&m, SKILL_PART_NEED, 4));
    CHECK(!skill_message_choose(&m, SKILL_PARTS, 0));
    CHECK(!skill_message_complete(&m));
    const char *need = skill_message_option(&m, &WORDS, SKILL_PART_NEED, 1);
    const char *req = skill_message_option(&m, &WORDS, SKILL_PART_REQUEST, 2);
    CHECK(skill_message_choose(&m, SKILL_PART_REQUEST, 2));
    CHECK(skill_message_complete(&m));
    char want[300];
    snprintf(want, sizeof want, "I feel hurt, and I need %s. %s", need, req);
    size_t len = skill_message_text(&m, &WORDS, buf, sizeof buf);
    CHECK_STR(buf, want);
    CHECK_INT(len, strlen(want));
    /* A small buffer is cut, never overrun, and the full length is still returned. */
    char small[10];
    CHECK_INT(skill_message_text(&m, &WORDS, small, sizeof small), strlen(want));
    CHECK_INT(strlen(small), 9);
    /* Choosing again changes the sentence. */
    skill_message_choose(&m, SKILL_PART_FEELING, 0);
    skill_message_text(&m, &WORDS, buf, sizeof buf);
    CHECK(strncmp(buf, "I feel worried,", 15) == 0);
    /* Another card offers other words. */
    SkillMessage m2;
    skill_message_start(&m2, &WORDS, 1);
    CHECK(m2.option[SKILL_PART_FEELING][0] != m.option[SKILL_PART_FEELING][0]);
}

static void the_sort_puts_each_thing_on_one_side(void)
{
    SkillSort s;
    skill_sort_start(&s, &WORDS, 0);
    CHECK_INT(s.n, SKILL_SORT_SHOWN);
    CHECK_INT(skill_sort_count(&s, SKILL_UNSORTED), 4);
    CHECK(!skill_sort_complete(&s));
    CHECK_STR(skill_sort_text(&s, &WORDS, 0), "a");
    CHECK(skill_sort_text(&s, &WORDS, 4) == NULL);
    CHECK(skill_sort_put(&s, 0, SKILL_ACCEPT));
    CHECK(skill_sort_put(&s, 1, SKILL_ASK));
    CHECK(skill_sort_put(&s, 2, SKILL_ASK));
    CHECK(!skill_sort_put(&s, 4, SKILL_ASK));
    CHECK(!skill_sort_put(&s, 3, 2));
    CHECK(!skill_sort_complete(&s));
    CHECK(skill_sort_put(&s, 3, SKILL_ACCEPT));
    CHECK(skill_sort_complete(&s));
    CHECK_INT(skill_sort_count(&s, SKILL_ACCEPT), 2);
    CHECK_INT(skill_sort_count(&s, SKILL_ASK), 2);
    CHECK(skill_sort_put(&s, 1, SKILL_ACCEPT)); /* changing your mind is fine */
    CHECK_INT(skill_sort_count(&s, SKILL_ACCEPT), 3);
    CHECK(skill_sort_put(&s, 1, SKILL_UNSORTED));
    CHECK(!skill_sort_complete(&s));
    skill_sort_start(&s, &WORDS, 1);
    CHECK_STR(skill_sort_text(&s, &WORDS, 0), "e");
    SkillSet none = {0};
    skill_sort_start(&s, &none, 0);
    CHECK_INT(s.n, 0);
    CHECK(!skill_sort_complete(&s));
}

#define LIST4 "[\"a\", \"b\", \"c\", \"d\"]"

static void the_skills_section_is_validated(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_file(&c, write_file("ok.json", "{\"skills\": {\"feelings\": " LIST4 ", \"needs\": " LIST4
                                     ", \"requests\": " LIST4 ", \"sort\": " LIST4 ", \"_c\": 1}}"),
                      CONTENT_SHIPPED, &d);
    dump(&d);
    CHECK_INT(d.count, 0);
    CHECK_INT(c.skills.nfeelings, 4);
    CHECK_STR(c.skills.sort[3], "d");
    CHECK(c.skills.file != NULL);
    content_load_file(&c, write_file("again.json", "{\"skills\": {\"feelings\": " LIST4 ", \"needs\": " LIST4
                                     ", \"requests\": " LIST4 ", \"sort\": " LIST4 "}}"),
                      CONTENT_SHIPPED, &d);
    CHECK(said(&d, "again.json: skills: already loaded from"));
    content_free(&c);
    diag_free(&d);

    c = (Content){0};
    d = (AtDiag){0};
    content_load_file(&c, write_file("bad.json",
        "{\"skills\": {\"feelings\": [\"a\", \"b\", \"c\"], \"needs\": [\"a\", \"b\", \"c\", \"a\"],\n"
        " \"requests\": [\"a\", \"b\", \"c\", \"" /* 91 characters */
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"],\n"
        " \"sort\": [\"a\", \"b\", \"c\", 4], \"sorts\": []}}"),
                      CONTENT_SHIPPED, &d);
    CHECK(said(&d, "bad.json: skills.feelings: expected 4 to 16 entries, found 3"));
    CHECK(said(&d, "bad.json: skills.needs[3]: \"a\" appears twice"));
    CHECK(said(&d, "bad.json: skills.requests[3]: too long (91 characters, at most 90)"));
    CHECK(said(&d, "bad.json: skills.sort[3]: expected a string"));
    CHECK(said(&d, "bad.json: skills.sorts: unknown key"));
    CHECK_INT(d.count, 5);
    CHECK(c.skills.file == NULL); /* none of it is used */
    content_load_file(&c, write_file("mine.json", "{\"skills\": {}}"), CONTENT_USER, &d);
    CHECK(said(&d, "mine.json: skills: not allowed in your own content"));
    content_free(&c);
    diag_free(&d);
}

#define CARD_HEAD "{\"level\": {\"id\": \"u\", \"number\": 4, \"title\": \"U\", \"intro\": \"I\",\n" \
    "\"practices\": {\"breathing\": [\"box\"], \"grounding\": [\"senses\"]}, \"cards\": [\n"
#define RESPONSES "\"responses\": [{\"style\": \"secure\", \"text\": \"t\", \"why\": \"w\"}, " \
    "{\"style\": \"anxious\", \"text\": \"t\", \"why\": \"w\"}, {\"style\": \"avoidant\", \"text\": \"t\", \"why\": \"w\"}, " \
    "{\"style\": \"fearful\", \"text\": \"t\", \"why\": \"w\"}], \"try_saying\": \"t\", \"reflect\": \"r\""
#define CARD(id, extra) "{\"id\": \"" id "\", \"relationship\": \"partner\", \"area\": \"social\", " \
    "\"situation\": \"s\", " RESPONSES extra "}"

static void a_cards_summary_is_validated(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_file(&c, write_file("u.json", CARD_HEAD
        CARD("u-1", ", \"summary\": {\"best\": \"B\", \"others\": [\"x\", \"y\"]}") ",\n"
        CARD("u-2", "") ",\n"
        CARD("u-3", ", \"summary\": {\"best\": \"B\", \"others\": [\"x\"]}") ",\n"
        CARD("u-4", ", \"summary\": {\"best\": \"B\", \"others\": [\"x\", \"B\"]}") ",\n"
        CARD("u-5", ", \"summary\": {\"others\": [\"x\", \"y\"], \"worst\": \"z\"}") ",\n"
        CARD("u-6", ", \"summary\": [\"B\"]") ",\n"
        CARD("u-7", ", \"summary\": {\"best\": \"B\", \"others\": [\"x\", \"y\", \"z\", \"w\"]}") "\n"
        "]}}"), CONTENT_AUTHOR, &d);
    CHECK(said(&d, "u.json: level.cards[2].summary.others: expected 2 to 3 entries, found 1"));
    CHECK(said(&d, "u.json: level.cards[3].summary.others[1]: \"B\" appears twice"));
    CHECK(said(&d, "u.json: level.cards[4].summary.worst: unknown key"));
    CHECK(said(&d, "u.json: level.cards[4].summary.best: missing"));
    CHECK(said(&d, "u.json: level.cards[5].summary: expected an object"));
    CHECK(said(&d, "u.json: level.cards[6].summary.others: expected 2 to 3 entries, found 4"));
    CHECK_INT(d.count, 6);
    const DeckLevel *l = content_level(&c, "u");
    CHECK(l && l->ncards == 2);
    if (l && l->ncards == 2) {
        CHECK_STR(l->cards[0].summary.best, "B");
        CHECK_INT(l->cards[0].summary.nothers, 2);
        CHECK_STR(l->cards[0].summary.others[1], "y");
        CHECK(l->cards[1].summary.best == NULL);
    }
    content_free(&c);
    diag_free(&d);
}

static void the_shipped_words_and_summaries_load(void)
{
    Content c = {0};
    AtDiag d = {0};
    CHECK_INT(content_load_dir(&c, ATTUNE_SOURCE_DIR "/levels", CONTENT_SHIPPED, &d), 0);
    dump(&d);
    CHECK(c.skills.file && strstr(c.skills.file, "skills.json"));
    CHECK(c.skills.nfeelings >= SKILL_FEEL_SHOWN);
    CHECK(c.skills.nneeds >= SKILL_MESSAGE_SHOWN);
    CHECK(c.skills.nrequests >= SKILL_MESSAGE_SHOWN);
    CHECK(c.skills.nsort >= SKILL_SORT_SHOWN);
    /* Every level has its skill on the first card of a round, and Understand has a few cards
     * with summaries, only there. */
    for (int i = 0; i < c.nlevels; i++) {
        const DeckLevel *l = &c.levels[i];
        int with = 0;
        for (int k = 0; k < l->ncards; k++) with += l->cards[k].summary.best != NULL;
        if (l->number == 4) {
            CHECK(with >= 6);
        } else {
            CHECK_INT(with, 0);
            CHECK_INT(skill_for_card(&c.skills, l, 0, 0), skill_of_level(l));
        }
    }
    content_free(&c);
    diag_free(&d);
}

int main(void)
{
    if (!filetest_dir("skill")) return 2;
    RUN(each_level_has_its_own_skill);
    RUN(every_third_card_of_a_round_gets_the_skill);
    RUN(understand_cards_with_a_summary_get_the_skill_anywhere_in_the_round);
    RUN(picks_are_distinct_windows_that_move_with_the_key);
    RUN(the_message_is_built_from_a_feeling_a_need_and_a_request);
    RUN(the_sort_puts_each_thing_on_one_side);
    RUN(the_skills_section_is_validated);
    RUN(a_cards_summary_is_validated);
    RUN(the_shipped_words_and_summaries_load);
    return check_report();
}
