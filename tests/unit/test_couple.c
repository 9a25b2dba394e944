/* Couple mode: privacy of picks, the order of screens, matching, the talk timer, the summary. */
#include "attune/couple.h"
#include "check.h"

#define NCARDS 6

static DeckCard cards[NCARDS];
static DeckLevel level;
static char texts[NCARDS][4][32], reflects[NCARDS][32], ids[NCARDS][16];

/* Cards "k-0".."k-5", responses in file order secure, anxious, avoidant, fearful. */
static void make_level(void)
{
    for (int i = 0; i < NCARDS; i++) {
        snprintf(ids[i], sizeof ids[i], "k-%d", i);
        snprintf(reflects[i], sizeof reflects[i], "Reflect on k-%d?", i);
        cards[i] = (DeckCard){.id = ids[i], .situation = "A moment.", .try_saying = "Try.",
                              .reflect = reflects[i]};
        for (int s = 0; s < 4; s++) {
            snprintf(texts[i][s], sizeof texts[i][s], "k-%d %s", i, deck_style_name((DeckStyle)s));
            cards[i].responses[s] = (DeckResponse){(DeckStyle)s, texts[i][s], "why"};
        }
    }
    level = (DeckLevel){.id = "test", .number = 1, .title = "T", .intro = "I", .cards = cards,
                        .ncards = NCARDS};
}

static int slot_with_style(const CoupleRound *r, DeckStyle st)
{
    for (int s = 0; s < 4; s++)
        if (couple_response(r, s)->style == st) return s;
    return -1;
}

/* Every way the UI could learn a pick says nothing. */
static void check_nothing_revealed(CoupleRound *r)
{
    CHECK_INT(couple_pick_of(r, COUPLE_A), -1);
    CHECK_INT(couple_pick_of(r, COUPLE_B), -1);
    CHECK_INT(couple_pick_of(r, 2), -1);
    CHECK_INT(couple_pick_of(r, -1), -1);
    CoupleReveal rv;
    memset(&rv, 0x5a, sizeof rv);
    CHECK(!couple_reveal(r, &rv));
    CHECK(rv.card == NULL && rv.chosen[0] == NULL && rv.chosen[1] == NULL && !rv.matched);
    CHECK(rv.slot[0] == -1 && rv.slot[1] == -1 && rv.response[0] == -1 && rv.response[1] == -1);
    CHECK(rv.headline == NULL && rv.prompt == NULL);
    memset(&rv, 0x5a, sizeof rv);
    CHECK(!couple_reveal_at(r, couple_position(r), &rv));
    CHECK(rv.card == NULL && rv.slot[0] == -1 && rv.slot[1] == -1);
    CoupleSummary sum;
    CHECK(!couple_summary(r, &sum));
    CHECK_INT(sum.cards, 0);
    CHECK(couple_talk(r) == NULL);
}

/* Calls in the wrong state change nothing. */
static void check_refused(CoupleRound *r, bool choose, bool hand, bool next, bool talk)
{
    CoupleState st = couple_state(r);
    int pos = couple_position(r);
    if (!choose) CHECK(!couple_choose(r, 0));
    if (!hand) CHECK(!couple_handed_over(r));
    if (!next) CHECK(!couple_next(r));
    if (!talk) CHECK(!couple_talk_begin(r, COUPLE_A, 0, 0, 0));
    CHECK(!couple_choose(r, 4) && !couple_choose(r, -1));
    if (couple_state(r) != COUPLE_TALK) CHECK(!couple_talk_stop(r));
    CHECK_INT(couple_state(r), st);
    CHECK_INT(couple_position(r), pos);
}

static void no_pick_is_visible_before_both_partners_have_chosen(void)
{
    make_level();
    /* every combination of picks on a card */
    for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
            CoupleRound *r = couple_new(&level, 3, (uint64_t)(a * 4 + b), NULL, 0, "Sam", "Alex");
            CHECK(r != NULL);
            if (!r) return;
            for (int card = 0; card < 3; card++) {
                CHECK_INT(couple_state(r), COUPLE_PICK_A);
                check_nothing_revealed(r);
                check_refused(r, true, false, false, false);
                CHECK(couple_choose(r, a));
                CHECK_INT(couple_state(r), COUPLE_COVER);
                check_nothing_revealed(r);
                check_refused(r, false, true, false, false);
                CHECK(couple_handed_over(r));
                CHECK_INT(couple_state(r), COUPLE_PICK_B);
                check_nothing_revealed(r);
                check_refused(r, true, false, false, false);
                CHECK(couple_choose(r, b));
                CHECK_INT(couple_state(r), COUPLE_REVEAL);
                CHECK_INT(couple_pick_of(r, COUPLE_A), a);
                CHECK_INT(couple_pick_of(r, COUPLE_B), b);
                CoupleReveal rv;
                CHECK(couple_reveal(r, &rv));
                CHECK_INT(rv.slot[0], a);
                CHECK_INT(rv.slot[1], b);
                CHECK(rv.chosen[0] == couple_response(r, a));
                CHECK(rv.chosen[1] == couple_response(r, b));
                CHECK(couple_talk_begin(r, COUPLE_B, 0, 0, 1000));
                CHECK_INT(couple_pick_of(r, COUPLE_A), a); /* still shown while talking */
                CHECK(couple_reveal(r, &rv) && rv.slot[1] == b);
                CHECK(couple_next(r));
            }
            CHECK_INT(couple_state(r), COUPLE_END);
            CHECK_INT(couple_pick_of(r, COUPLE_A), -1);
            CHECK_INT(couple_pick_of(r, COUPLE_B), -1);
            CHECK(couple_card(r) == NULL);
            couple_free(r);
        }
    }
}

static void ending_on_the_cover_screen_never_reveals_the_lone_pick(void)
{
    make_level();
    CoupleRound *r = couple_new(&level, 4, 11, NULL, 0, "Sam", "Alex");
    /* card 0: both avoidant */
    CHECK(couple_choose(r, slot_with_style(r, DECK_STYLE_AVOIDANT)));
    CHECK(couple_handed_over(r));
    CHECK(couple_choose(r, slot_with_style(r, DECK_STYLE_AVOIDANT)));
    CHECK(couple_next(r));
    /* card 1: A picks secure, then the round ends before B picks */
    CHECK(couple_choose(r, slot_with_style(r, DECK_STYLE_SECURE)));
    couple_end(r);
    CHECK_INT(couple_state(r), COUPLE_END);
    CoupleReveal rv;
    CHECK(couple_reveal_at(r, 0, &rv));
    CHECK(!couple_reveal_at(r, 1, &rv));
    CHECK_INT(rv.slot[0], -1);
    CoupleSummary s;
    CHECK(couple_summary(r, &s));
    CHECK_INT(s.cards, 1); /* A's hidden pick on card 1 is not counted */
    couple_free(r);
}

static void screens_follow_pick_a_cover_pick_b_reveal_talk_next(void)
{
    make_level();
    CoupleRound *r = couple_new(&level, 2, 5, NULL, 0, "Sam", "Alex");
    CHECK_INT(couple_count(r), 2);
    CHECK_STR(couple_name(r, COUPLE_A), "Sam");
    CHECK_STR(couple_name(r, COUPLE_B), "Alex");
    CHECK_STR(couple_name(r, 5), "");
    CHECK_INT(couple_state(r), COUPLE_PICK_A);
    CHECK_STR(couple_state_name(couple_state(r)), "pick-a");
    CHECK_INT(couple_picker(r), COUPLE_A);
    const DeckCard *c0 = couple_card(r);
    CHECK(c0 != NULL);
    CHECK(couple_choose(r, 1));
    CHECK_INT(couple_state(r), COUPLE_COVER);
    CHECK_STR(couple_state_name(couple_state(r)), "cover");
    CHECK_INT(couple_picker(r), -1);
    CHECK(couple_handed_over(r));
    CHECK_INT(couple_state(r), COUPLE_PICK_B);
    CHECK_INT(couple_picker(r), COUPLE_B);
    CHECK(couple_card(r) == c0); /* B answers the same card */
    CHECK(couple_choose(r, 3));
    CHECK_INT(couple_state(r), COUPLE_REVEAL);
    CHECK_INT(couple_picker(r), -1);
    CHECK(couple_talk_begin(r, COUPLE_A, 0, 0, 0));
    CHECK_INT(couple_state(r), COUPLE_TALK);
    CHECK(!couple_talk_begin(r, COUPLE_A, 0, 0, 0));
    CHECK(couple_talk(r) != NULL);
    CHECK(couple_talk_stop(r));
    CHECK_INT(couple_state(r), COUPLE_REVEAL);
    CHECK(couple_talk(r) == NULL);
    CHECK(couple_next(r)); /* talking is optional */
    CHECK_INT(couple_state(r), COUPLE_PICK_A);
    CHECK_INT(couple_position(r), 1);
    CHECK(couple_card(r) != c0);
    CHECK(couple_choose(r, 0) && couple_handed_over(r) && couple_choose(r, 0));
    CHECK(couple_next(r));
    CHECK_INT(couple_state(r), COUPLE_END);
    CHECK_INT(couple_position(r), 2);
    CHECK(couple_response(r, 0) == NULL);
    check_refused(r, false, false, false, false);
    couple_free(r);
}

static void the_round_deals_like_a_solo_round_and_names_are_tidied(void)
{
    make_level();
    DeckRound d;
    deck_round_start(&d, &level, 4, 77, NULL, 0);
    CoupleRound *r = couple_new(&level, 4, 77, NULL, 0, "  Sam  ", "");
    for (int i = 0; i < 4; i++) {
        CHECK(couple_card(r) == deck_round_card_at(&d, i));
        for (int s = 0; s < 4; s++) CHECK(couple_response(r, s) == deck_round_response_at(&d, i, s));
        CHECK(couple_choose(r, 0) && couple_handed_over(r) && couple_choose(r, 0) && couple_next(r));
    }
    CHECK_STR(couple_name(r, COUPLE_A), "Sam");
    CHECK_STR(couple_name(r, COUPLE_B), "Partner B");
    couple_free(r);

    /* 20 two-byte letters: cut to 15 whole letters (30 bytes), never half a letter */
    char long_name[64] = "";
    for (int i = 0; i < 20; i++) strcat(long_name, "\xc3\xa9");
    r = couple_new(&level, 1, 1, NULL, 0, NULL, long_name);
    CHECK_STR(couple_name(r, COUPLE_A), "Partner A");
    CHECK_INT(strlen(couple_name(r, COUPLE_B)), 30);
    couple_free(r);

    /* Cards about work or about yourself are for solo play: a round together never deals them. */
    cards[0].relationship = DECK_REL_SELF;
    cards[1].relationship = DECK_REL_WORK;
    cards[2].relationship = DECK_REL_FAMILY;
    cards[3].relationship = DECK_REL_FRIEND;
    for (uint64_t seed = 1; seed < 40; seed++) {
        r = couple_new(&level, 5, seed, NULL, 0, "a", "b");
        for (int i = 0; i < couple_count(r); i++) {
            CHECK(deck_relationship_for_couples(couple_card(r)->relationship));
            CHECK(couple_choose(r, 0) && couple_handed_over(r) && couple_choose(r, 0) && couple_next(r));
        }
        couple_free(r);
    }
    deck_round_start(&d, &level, DECK_ROUND_MAX, 3, NULL, 0); /* solo deals them all */
    bool solo_self = false;
    for (int i = 0; i < deck_round_count(&d); i++)
        solo_self |= deck_round_card_at(&d, i)->relationship == DECK_REL_SELF;
    CHECK(solo_self);
    make_level();

    DeckLevel empty = {.id = "none"};
    CHECK(couple_new(&empty, 5, 1, NULL, 0, "a", "b") == NULL);
    CHECK(couple_new(NULL, 5, 1, NULL, 0, "a", "b") == NULL);
}

static void the_reveal_says_whether_the_picks_matched(void)
{
    make_level();
    CoupleRound *r = couple_new(&level, 2, 9, NULL, 0, "Sam", "Alex");
    int s = slot_with_style(r, DECK_STYLE_FEARFUL);
    CHECK(couple_choose(r, s) && couple_handed_over(r) && couple_choose(r, s));
    CoupleReveal rv;
    CHECK(couple_reveal(r, &rv));
    CHECK(rv.matched);
    CHECK(rv.card == couple_card(r));
    CHECK_INT(rv.chosen[0]->style, DECK_STYLE_FEARFUL);
    CHECK(rv.chosen[0] == rv.chosen[1]);
    CHECK(rv.chosen[0] == &rv.card->responses[rv.response[0]]);
    CHECK_STR(rv.headline, "You both chose the same response.");
    CHECK_STR(rv.opener, "Talk about what made it feel right to each of you.");
    CHECK_STR(rv.prompt, couple_card(r)->reflect);
    CHECK(couple_next(r));

    CHECK(couple_choose(r, slot_with_style(r, DECK_STYLE_SECURE)) && couple_handed_over(r));
    CHECK(couple_choose(r, slot_with_style(r, DECK_STYLE_ANXIOUS)));
    CHECK(couple_reveal(r, &rv));
    CHECK(!rv.matched);
    CHECK_INT(rv.chosen[0]->style, DECK_STYLE_SECURE);
    CHECK_INT(rv.chosen[1]->style, DECK_STYLE_ANXIOUS);
    CHECK_STR(rv.headline, "You chose different responses.");
    CHECK_STR(rv.opener, "Talk about why each of you chose what you did. Listen first, then "
                         "explain.");
    couple_free(r);
}

/* ---- Talk timer ------------------------------------------------------------------------- */

static void the_floor_passes_exactly_at_two_minutes(void)
{
    CoupleTalk t;
    uint64_t t0 = 5000;
    couple_talk_start(&t, COUPLE_A, 0, COUPLE_TALK_SUMUP_MS, t0);
    CoupleTalkView v = couple_talk_at(&t, t0);
    CHECK_INT(v.phase, COUPLE_TALK_SPEAKING);
    CHECK_INT(v.turn, 0);
    CHECK_INT(v.speaker, COUPLE_A);
    CHECK_INT(v.listener, COUPLE_B);
    CHECK_INT(v.left_ms, 120000);
    CHECK_INT(v.phase_ms, 120000);
    CHECK(v.timed && !v.done && !v.paused);
    v = couple_talk_at(&t, t0 + 119999);
    CHECK_INT(v.phase, COUPLE_TALK_SPEAKING);
    CHECK_INT(v.left_ms, 1);
    v = couple_talk_at(&t, t0 + 120000);
    CHECK_INT(v.phase, COUPLE_TALK_SUMMING_UP);
    CHECK_INT(v.speaker, COUPLE_A); /* B sums up what A said */
    CHECK_INT(v.listener, COUPLE_B);
    CHECK_INT(v.left_ms, 30000);
    CHECK_INT(v.into_ms, 0);
    v = couple_talk_at(&t, t0 + 150000);
    CHECK_INT(v.phase, COUPLE_TALK_SPEAKING);
    CHECK_INT(v.turn, 1);
    CHECK_INT(v.speaker, COUPLE_B);
    CHECK_INT(v.listener, COUPLE_A);
    CHECK_INT(v.left_ms, 120000);
    v = couple_talk_at(&t, t0 + 270000);
    CHECK_INT(v.phase, COUPLE_TALK_SUMMING_UP);
    CHECK_INT(v.speaker, COUPLE_B);
    v = couple_talk_at(&t, t0 + 299999);
    CHECK(!v.done);
    CHECK_INT(v.left_ms, 1);
    v = couple_talk_at(&t, t0 + 300000);
    CHECK(v.done);
    CHECK_INT(v.phase, COUPLE_TALK_DONE);
    CHECK_INT(v.turn, 2);
    CHECK_INT(v.left_ms, 0);
    CHECK(!couple_talk_skip(&t, t0 + 300000));
    CHECK(!couple_talk_extend(&t, t0 + 300000));
}

static void extend_adds_a_minute_to_the_current_phase(void)
{
    CoupleTalk t;
    couple_talk_start(&t, COUPLE_B, 0, COUPLE_TALK_SUMUP_MS, 0);
    CHECK_INT(couple_talk_at(&t, 0).speaker, COUPLE_B);
    CHECK(couple_talk_extend(&t, 60000));
    CoupleTalkView v = couple_talk_at(&t, 60000);
    CHECK_INT(v.phase_ms, 180000);
    CHECK_INT(v.left_ms, 120000);
    CHECK_INT(couple_talk_at(&t, 179999).phase, COUPLE_TALK_SPEAKING);
    CHECK_INT(couple_talk_at(&t, 180000).phase, COUPLE_TALK_SUMMING_UP);
    /* extending the sum-up moves everything after it */
    CHECK(couple_talk_extend(&t, 190000));
    CHECK_INT(couple_talk_at(&t, 190000).left_ms, 80000);
    CHECK_INT(couple_talk_at(&t, 269999).phase, COUPLE_TALK_SUMMING_UP);
    v = couple_talk_at(&t, 270000);
    CHECK_INT(v.phase, COUPLE_TALK_SPEAKING);
    CHECK_INT(v.speaker, COUPLE_A);
    CHECK_INT(v.left_ms, 120000);
}

static void skip_ends_the_current_phase_now(void)
{
    CoupleTalk t;
    couple_talk_start(&t, COUPLE_A, 0, COUPLE_TALK_SUMUP_MS, 1000);
    CHECK(couple_talk_skip(&t, 11000));
    CoupleTalkView v = couple_talk_at(&t, 11000);
    CHECK_INT(v.phase, COUPLE_TALK_SUMMING_UP);
    CHECK_INT(v.left_ms, 30000);
    CHECK(couple_talk_skip(&t, 16000));
    v = couple_talk_at(&t, 16000);
    CHECK_INT(v.phase, COUPLE_TALK_SPEAKING);
    CHECK_INT(v.speaker, COUPLE_B);
    CHECK_INT(v.left_ms, 120000);
    CHECK_INT(couple_talk_at(&t, 136000).phase, COUPLE_TALK_SUMMING_UP);
    CHECK(couple_talk_skip(&t, 136000)); /* A's sum-up ends: both have spoken */
    CHECK(couple_talk_at(&t, 136000).done);
    CHECK(!couple_talk_skip(&t, 136000));
}

static void pausing_freezes_the_time_left(void)
{
    CoupleTalk t;
    couple_talk_start(&t, COUPLE_A, 0, COUPLE_TALK_SUMUP_MS, 0);
    couple_talk_pause(&t, 30000);
    CoupleTalkView v = couple_talk_at(&t, 100000);
    CHECK(v.paused);
    CHECK_INT(v.left_ms, 90000);
    couple_talk_pause(&t, 50000); /* pausing twice changes nothing */
    couple_talk_resume(&t, 100000);
    v = couple_talk_at(&t, 100000);
    CHECK(!v.paused);
    CHECK_INT(v.left_ms, 90000);
    CHECK_INT(couple_talk_at(&t, 189999).phase, COUPLE_TALK_SPEAKING);
    CHECK_INT(couple_talk_at(&t, 190000).phase, COUPLE_TALK_SUMMING_UP);
    /* skip while paused ends the phase at the paused instant */
    couple_talk_pause(&t, 200000);
    CHECK(couple_talk_skip(&t, 250000));
    couple_talk_resume(&t, 300000);
    v = couple_talk_at(&t, 300000);
    CHECK_INT(v.phase, COUPLE_TALK_SPEAKING);
    CHECK_INT(v.speaker, COUPLE_B);
    CHECK_INT(v.left_ms, 120000);
}

static void an_untimed_sum_up_waits_for_a_key(void)
{
    CoupleTalk t;
    couple_talk_start(&t, COUPLE_A, 90000, 0, 0);
    CHECK_INT(couple_talk_at(&t, 89999).phase, COUPLE_TALK_SPEAKING);
    CoupleTalkView v = couple_talk_at(&t, 90000);
    CHECK_INT(v.phase, COUPLE_TALK_SUMMING_UP);
    CHECK(!v.timed);
    CHECK_INT(v.left_ms, 0);
    v = couple_talk_at(&t, 10ull * 3600 * 1000);
    CHECK_INT(v.phase, COUPLE_TALK_SUMMING_UP);
    CHECK_INT(v.into_ms, 10ull * 3600 * 1000 - 90000);
    CHECK(!couple_talk_extend(&t, 100000));
    CHECK(couple_talk_skip(&t, 100000));
    v = couple_talk_at(&t, 100000);
    CHECK_INT(v.phase, COUPLE_TALK_SPEAKING);
    CHECK_INT(v.speaker, COUPLE_B);
    CHECK_INT(v.left_ms, 90000);
    CHECK_INT(couple_talk_at(&t, 190000).phase, COUPLE_TALK_SUMMING_UP);
    CHECK(couple_talk_skip(&t, 195000));
    CHECK(couple_talk_at(&t, 195000).done);
}

static void the_round_drives_the_talk_timer_under_a_fake_clock(void)
{
    make_level();
    uint64_t now = 42;
    AtClock clk = clock_fake(&now);
    CoupleRound *r = couple_new(&level, 1, 3, NULL, 0, "Sam", "Alex");
    CHECK(couple_choose(r, 0) && couple_handed_over(r) && couple_choose(r, 2));
    CHECK(couple_talk_begin(r, COUPLE_B, 0, COUPLE_TALK_SUMUP_MS, clock_now(&clk)));
    now += COUPLE_TALK_SPEAK_MS;
    CoupleTalkView v = couple_talk_at(couple_talk(r), clock_now(&clk));
    CHECK_INT(v.phase, COUPLE_TALK_SUMMING_UP);
    CHECK_INT(v.listener, COUPLE_A);
    now += COUPLE_TALK_SUMUP_MS + COUPLE_TALK_SPEAK_MS + COUPLE_TALK_SUMUP_MS;
    CHECK(couple_talk_at(couple_talk(r), clock_now(&clk)).done);
    CHECK(couple_next(r));
    CHECK_INT(couple_state(r), COUPLE_END);
    couple_free(r);
}

/* ---- Summary ---------------------------------------------------------------------------- */

static void play_card(CoupleRound *r, DeckStyle a, DeckStyle b)
{
    CHECK(couple_choose(r, slot_with_style(r, a)));
    CHECK(couple_handed_over(r));
    CHECK(couple_choose(r, slot_with_style(r, b)));
    CHECK(couple_next(r));
}

static void the_summary_asks_a_question_and_suggests_where_you_differed_most(void)
{
    make_level();
    CoupleRound *r = couple_new(&level, 4, 21, NULL, 0, "Sam", "Alex");
    const DeckCard *c[4];
    CoupleSummary s;
    c[0] = couple_card(r);
    play_card(r, DECK_STYLE_SECURE, DECK_STYLE_SECURE);
    CHECK(!couple_summary(r, &s));
    c[1] = couple_card(r);
    play_card(r, DECK_STYLE_SECURE, DECK_STYLE_ANXIOUS);    /* one step apart */
    c[2] = couple_card(r);
    play_card(r, DECK_STYLE_ANXIOUS, DECK_STYLE_AVOIDANT);  /* pursue and withdraw: furthest */
    c[3] = couple_card(r);
    play_card(r, DECK_STYLE_FEARFUL, DECK_STYLE_SECURE);    /* as far, but later */
    CHECK(couple_summary(r, &s));
    CHECK_INT(s.cards, 4);
    CHECK(s.later == c[2]);
    CHECK_STR(s.later_prompt, c[2]->reflect);
    CHECK_STR(s.text, "What pulled at each of you this round? Take turns: one speaks, the other "
                      "listens without fixing.");
    CoupleReveal rv;
    CHECK(couple_reveal_at(r, 3, &rv) && rv.card == c[3] && !rv.matched);
    couple_free(r);
}

static void when_every_pick_matched_the_first_unsettled_card_is_suggested(void)
{
    make_level();
    CoupleRound *r = couple_new(&level, 3, 4, NULL, 0, "Sam", "Alex");
    play_card(r, DECK_STYLE_SECURE, DECK_STYLE_SECURE);
    const DeckCard *second = couple_card(r);
    play_card(r, DECK_STYLE_AVOIDANT, DECK_STYLE_AVOIDANT);
    play_card(r, DECK_STYLE_ANXIOUS, DECK_STYLE_ANXIOUS);
    CoupleSummary s;
    CHECK(couple_summary(r, &s));
    CHECK(s.later == second);
    CHECK(!strpbrk(s.text, "0123456789") && !strstr(s.text, "same"));
    couple_free(r);

    r = couple_new(&level, 2, 4, NULL, 0, "Sam", "Alex");
    const DeckCard *first = couple_card(r);
    play_card(r, DECK_STYLE_SECURE, DECK_STYLE_SECURE);
    play_card(r, DECK_STYLE_SECURE, DECK_STYLE_SECURE);
    CHECK(couple_summary(r, &s));
    CHECK(s.later == first);
    couple_free(r);
}

static void no_summary_scores_or_compares_the_partners(void)
{
    make_level();
    CoupleSummary s;
    CoupleRound *r = couple_new(&level, 2, 8, NULL, 0, "Sam", "Alex");
    play_card(r, DECK_STYLE_SECURE, DECK_STYLE_AVOIDANT);
    play_card(r, DECK_STYLE_ANXIOUS, DECK_STYLE_FEARFUL);
    CHECK(couple_summary(r, &s));
    CHECK_CONTAINS(s.text, "What pulled at each of you");
    couple_free(r);

    r = couple_new(&level, 3, 8, NULL, 0, "Sam", "Alex");
    couple_end(r);
    CHECK(couple_summary(r, &s));
    CHECK_INT(s.cards, 0);
    CHECK(s.later == NULL && s.later_prompt == NULL);
    CHECK_STR(s.text, "No cards answered together this time. Come back whenever you're both ready.");
    couple_free(r);

    /* ending while the reveal shows keeps that card */
    r = couple_new(&level, 3, 8, NULL, 0, "Sam", "Alex");
    CHECK(couple_choose(r, 0) && couple_handed_over(r) && couple_choose(r, 0));
    couple_end(r);
    CHECK(couple_summary(r, &s));
    CHECK_INT(s.cards, 1);
    CHECK_CONTAINS(s.text, "What pulled at each of you");
    couple_free(r);
}

int main(void)
{
    RUN(no_pick_is_visible_before_both_partners_have_chosen);
    RUN(ending_on_the_cover_screen_never_reveals_the_lone_pick);
    RUN(screens_follow_pick_a_cover_pick_b_reveal_talk_next);
    RUN(the_round_deals_like_a_solo_round_and_names_are_tidied);
    RUN(the_reveal_says_whether_the_picks_matched);
    RUN(the_floor_passes_exactly_at_two_minutes);
    RUN(extend_adds_a_minute_to_the_current_phase);
    RUN(skip_ends_the_current_phase_now);
    RUN(pausing_freezes_the_time_left);
    RUN(an_untimed_sum_up_waits_for_a_key);
    RUN(the_round_drives_the_talk_timer_under_a_fake_clock);
    RUN(the_summary_asks_a_question_and_suggests_where_you_differed_most);
    RUN(when_every_pick_matched_the_first_unsettled_card_is_suggested);
    RUN(no_summary_scores_or_compares_the_partners);
    return check_report();
}
