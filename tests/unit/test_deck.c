/* Scenario cards: loading and validation messages, dealing, shuffling and solo-round scoring. */
#include "attune/deck.h"
#include "attune/utf8.h"
#include "check.h"

#include <stdlib.h>

#define FILE_NAME "levels/02-regulate.json"

static const char *const STYLE_ORDER[4] = {"secure", "anxious", "avoidant", "fearful"};

/* A valid card: responses in file order secure, anxious, avoidant, fearful, with texts
 * "<id> says <style>" and whys "<id> because <style>". */
static cJSON *good_card(const char *id)
{
    char buf[200];
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "id", id);
    cJSON_AddStringToObject(c, "relationship", "partner");
    cJSON_AddStringToObject(c, "area", "emotional");
    snprintf(buf, sizeof buf, "Situation of %s.", id);
    cJSON_AddStringToObject(c, "situation", buf);
    cJSON *rs = cJSON_AddArrayToObject(c, "responses");
    for (int i = 0; i < 4; i++) {
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "style", STYLE_ORDER[i]);
        snprintf(buf, sizeof buf, "%s says %s", id, STYLE_ORDER[i]);
        cJSON_AddStringToObject(r, "text", buf);
        snprintf(buf, sizeof buf, "%s because %s", id, STYLE_ORDER[i]);
        cJSON_AddStringToObject(r, "why", buf);
        cJSON_AddItemToArray(rs, r);
    }
    cJSON_AddStringToObject(c, "try_saying", "I feel hurt and I want to understand.");
    cJSON_AddStringToObject(c, "reflect", "What did you need in that moment?");
    return c;
}

/* A valid level with n cards "c-00", "c-01", ... */
static cJSON *good_level(int n)
{
    cJSON *l = cJSON_CreateObject();
    cJSON_AddStringToObject(l, "id", "regulate");
    cJSON_AddNumberToObject(l, "number", 2);
    cJSON_AddStringToObject(l, "title", "Regulate");
    cJSON_AddStringToObject(l, "intro", "Breathe before you respond.");
    cJSON *p = cJSON_AddObjectToObject(l, "practices");
    cJSON *b = cJSON_AddArrayToObject(p, "breathing");
    cJSON_AddItemToArray(b, cJSON_CreateString("box"));
    cJSON_AddItemToArray(b, cJSON_CreateString("sigh"));
    cJSON *g = cJSON_AddArrayToObject(p, "grounding");
    cJSON_AddItemToArray(g, cJSON_CreateString("senses"));
    cJSON *cards = cJSON_AddArrayToObject(l, "cards");
    for (int i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "c-%02d", i);
        cJSON_AddItemToArray(cards, good_card(id));
    }
    return l;
}

static cJSON *card_n(cJSON *level, int i)
{
    return cJSON_GetArrayItem(cJSON_GetObjectItem(level, "cards"), i);
}

static cJSON *response_n(cJSON *level, int card, int i)
{
    return cJSON_GetArrayItem(cJSON_GetObjectItem(card_n(level, card), "responses"), i);
}

static void set_str(cJSON *obj, const char *key, const char *value)
{
    cJSON_ReplaceItemInObject(obj, key, cJSON_CreateString(value));
}

typedef struct Loaded {
    StrPool *pool;
    AtDiag diag;
    DeckLevel level;
    bool ok;
} Loaded;

/* Loads level (and deletes it) as if it came from FILE_NAME. */
static Loaded load(cJSON *level)
{
    Loaded L = {strpool_new(), {0}, {0}, false};
    JsonV v = {.file = FILE_NAME, .diag = &L.diag, .pool = L.pool};
    L.ok = deck_level_from_json(&v, level, "level", &L.level);
    CHECK_INT(v.errors, L.diag.count);
    cJSON_Delete(level);
    return L;
}

static void unload(Loaded *L)
{
    diag_free(&L->diag);
    strpool_free(L->pool);
}

static void a_good_level_loads_every_field(void)
{
    Loaded L = load(good_level(3));
    CHECK(L.ok);
    CHECK_INT(L.diag.count, 0);
    CHECK_STR(L.level.id, "regulate");
    CHECK_INT(L.level.number, 2);
    CHECK_STR(L.level.title, "Regulate");
    CHECK_STR(L.level.intro, "Breathe before you respond.");
    CHECK_STR(L.level.file, FILE_NAME);
    CHECK_INT(L.level.nbreathing, 2);
    CHECK_STR(L.level.breathing[0], "box");
    CHECK_STR(L.level.breathing[1], "sigh");
    CHECK_INT(L.level.ngrounding, 1);
    CHECK_STR(L.level.grounding[0], "senses");
    CHECK_INT(L.level.ncards, 3);
    const DeckCard *c = &L.level.cards[1];
    CHECK_STR(c->id, "c-01");
    CHECK_INT(c->relationship, DECK_REL_PARTNER);
    CHECK_INT(c->area, DECK_AREA_EMOTIONAL);
    CHECK_STR(c->situation, "Situation of c-01.");
    for (int i = 0; i < 4; i++) CHECK_INT(c->responses[i].style, i);
    CHECK_STR(c->responses[2].text, "c-01 says avoidant");
    CHECK_STR(c->responses[3].why, "c-01 because fearful");
    CHECK_STR(c->try_saying, "I feel hurt and I want to understand.");
    CHECK_STR(c->reflect, "What did you need in that moment?");
    CHECK(deck_level_card(&L.level, "c-02") == &L.level.cards[2]);
    CHECK(deck_level_card(&L.level, "c-09") == NULL);
    unload(&L);
}

/* Card prose is shown with typographic quotes, however the file writes them. */
static void card_words_get_typographic_quotes(void)
{
    char out[200];
    utf8_typographic("I write 'Clearly you're busy, don't bother,' then wait.", out, sizeof out);
    CHECK_STR(out, "I write \u2018Clearly you\u2019re busy, don\u2019t bother,\u2019 then wait.");
    utf8_typographic("\"Fine.\" (\"Really?\")\u2014'yes'", out, sizeof out);
    CHECK_STR(out, "\u201cFine.\u201d (\u201cReally?\u201d)\u2014\u2018yes\u2019");
    CHECK_INT((int)utf8_typographic("it's", out, 3), 6); /* the length it needs, cut short safely */
    CHECK_STR(out, "it");

    cJSON *l = good_level(1);
    set_str(response_n(l, 0, 1), "text", "I say 'that's fine' and mean it.");
    set_str(card_n(l, 0), "try_saying", "I'd like a quick \"busy, talk later\".");
    Loaded L = load(l);
    CHECK(L.ok);
    const DeckCard *c = &L.level.cards[0];
    CHECK_STR(c->responses[1].text, "I say \u2018that\u2019s fine\u2019 and mean it.");
    CHECK_STR(c->try_saying, "I\u2019d like a quick \u201cbusy, talk later\u201d.");
    unload(&L);
}

static void relationships_and_areas_are_read_by_name(void)
{
    cJSON *l = good_level(2);
    set_str(card_n(l, 0), "relationship", "work");
    set_str(card_n(l, 0), "area", "behavioural");
    set_str(card_n(l, 1), "relationship", "family");
    set_str(card_n(l, 1), "area", "social");
    Loaded L = load(l);
    CHECK_INT(L.diag.count, 0);
    CHECK_INT(L.level.cards[0].relationship, DECK_REL_WORK);
    CHECK_INT(L.level.cards[0].area, DECK_AREA_BEHAVIOURAL);
    CHECK_INT(L.level.cards[1].relationship, DECK_REL_FAMILY);
    CHECK_INT(L.level.cards[1].area, DECK_AREA_SOCIAL);
    unload(&L);
}

static void a_bad_style_names_the_file_and_path_and_the_other_cards_load(void)
{
    cJSON *l = good_level(5);
    set_str(response_n(l, 3, 1), "style", "clingy");
    Loaded L = load(l);
    CHECK(L.ok);
    CHECK_INT(L.diag.count, 1);
    if (L.diag.count)
        CHECK_STR(L.diag.msg[0], "levels/02-regulate.json: level.cards[3].responses[1].style: "
                                 "expected one of secure|anxious|avoidant|fearful");
    CHECK_INT(L.level.ncards, 4);
    CHECK(deck_level_card(&L.level, "c-03") == NULL);
    CHECK(deck_level_card(&L.level, "c-04") != NULL);
    CHECK_STR(L.level.cards[3].id, "c-04");
    unload(&L);
}

static void a_duplicated_style_is_named_once(void)
{
    cJSON *l = good_level(2);
    set_str(response_n(l, 0, 2), "style", "anxious");
    Loaded L = load(l);
    CHECK(L.ok);
    CHECK_INT(L.diag.count, 1);
    if (L.diag.count)
        CHECK_STR(L.diag.msg[0], "levels/02-regulate.json: level.cards[0].responses[2].style: "
                                 "\"anxious\" appears twice");
    CHECK_INT(L.level.ncards, 1);
    CHECK_STR(L.level.cards[0].id, "c-01");
    unload(&L);
}

static void each_card_problem_is_one_line_with_its_path(void)
{
    cJSON *l = good_level(8);
    char longer[400];
    memset(longer, 'x', 361);
    longer[361] = 0;
    set_str(card_n(l, 0), "situation", longer);
    cJSON_DeleteItemFromObject(card_n(l, 1), "reflect");
    cJSON_DeleteItemFromArray(cJSON_GetObjectItem(card_n(l, 2), "responses"), 3);
    set_str(card_n(l, 3), "relationship", "neighbour");
    set_str(card_n(l, 4), "area", "spiritual");
    set_str(response_n(l, 5, 0), "why", "   ");
    cJSON_ReplaceItemInArray(cJSON_GetObjectItem(card_n(l, 6), "responses"), 2,
                             cJSON_CreateString("not an object"));
    set_str(card_n(l, 7), "id", "c-00"); /* repeats the first card's id */
    Loaded L = load(l);
    const char *want[] = {
        FILE_NAME ": level.cards[0].situation: too long (361 characters, at most 360)",
        FILE_NAME ": level.cards[1].reflect: missing",
        FILE_NAME ": level.cards[2].responses: expected exactly 4 entries, found 3",
        FILE_NAME ": level.cards[3].relationship: expected one of partner|family|friend|work|self",
        FILE_NAME ": level.cards[4].area: expected one of emotional|cognitive|behavioural|social",
        FILE_NAME ": level.cards[5].responses[0].why: must not be empty",
        FILE_NAME ": level.cards[6].responses[2]: expected an object",
    };
    int nwant = (int)(sizeof want / sizeof *want);
    CHECK_INT(L.diag.count, nwant);
    for (int i = 0; i < nwant && i < L.diag.count; i++) CHECK_STR(L.diag.msg[i], want[i]);
    /* card 0 was bad, so card 7's "c-00" is the first of its name and loads */
    CHECK(L.ok);
    CHECK_INT(L.level.ncards, 1);
    CHECK_STR(L.level.cards[0].id, "c-00");
    CHECK_STR(L.level.cards[0].situation, "Situation of c-07.");
    unload(&L);
}

static void a_repeated_card_id_keeps_the_first_card(void)
{
    cJSON *l = good_level(3);
    set_str(card_n(l, 2), "id", "c-00");
    Loaded L = load(l);
    CHECK(L.ok);
    CHECK_INT(L.diag.count, 1);
    if (L.diag.count)
        CHECK_STR(L.diag.msg[0], FILE_NAME ": level.cards[2].id: \"c-00\" is already used by "
                                 "another card in this level");
    CHECK_INT(L.level.ncards, 2);
    CHECK_STR(L.level.cards[0].situation, "Situation of c-00.");
    unload(&L);
}

/* Applies one change to the header of a good level and expects the level to be left out with
 * exactly one message. */
static void expect_header_error(void (*change)(cJSON *), const char *message)
{
    cJSON *l = good_level(2);
    change(l);
    Loaded L = load(l);
    CHECK(!L.ok);
    CHECK_INT(L.level.ncards, 0);
    CHECK(L.level.id == NULL);
    CHECK_INT(L.diag.count, 1);
    if (L.diag.count) CHECK_STR(L.diag.msg[0], message);
    unload(&L);
}

static cJSON *practices(cJSON *l) { return cJSON_GetObjectItem(l, "practices"); }
static void number_six(cJSON *l) { cJSON_ReplaceItemInObject(l, "number", cJSON_CreateNumber(6)); }
static void long_title(cJSON *l) { set_str(l, "title", "A title that goes on and on for more than forty"); }
static void no_intro(cJSON *l) { cJSON_DeleteItemFromObject(l, "intro"); }
static void bad_id(cJSON *l) { set_str(l, "id", "Regulate"); }
static void no_grounding(cJSON *l) { cJSON_DeleteItemFromObject(practices(l), "grounding"); }
static void four_breathing(cJSON *l)
{
    cJSON *b = cJSON_GetObjectItem(practices(l), "breathing");
    cJSON_AddItemToArray(b, cJSON_CreateString("478"));
    cJSON_AddItemToArray(b, cJSON_CreateString("coherent"));
}
static void capital_practice(cJSON *l)
{
    cJSON_ReplaceItemInArray(cJSON_GetObjectItem(practices(l), "breathing"), 0,
                             cJSON_CreateString("Box"));
}
static void twice_practice(cJSON *l)
{
    cJSON_ReplaceItemInArray(cJSON_GetObjectItem(practices(l), "breathing"), 1,
                             cJSON_CreateString("box"));
}
static void number_practice(cJSON *l)
{
    cJSON_ReplaceItemInArray(cJSON_GetObjectItem(practices(l), "grounding"), 0,
                             cJSON_CreateNumber(5));
}
static void no_cards(cJSON *l) { cJSON_ReplaceItemInObject(l, "cards", cJSON_CreateArray()); }
static void cards_object(cJSON *l) { cJSON_ReplaceItemInObject(l, "cards", cJSON_CreateObject()); }

static void a_bad_header_leaves_the_level_out(void)
{
    expect_header_error(number_six, FILE_NAME ": level.number: 6 is out of range (1 to 5)");
    expect_header_error(long_title,
                        FILE_NAME ": level.title: too long (47 characters, at most 24)");
    expect_header_error(no_intro, FILE_NAME ": level.intro: missing");
    expect_header_error(bad_id, FILE_NAME ": level.id: \"Regulate\" is not an id (use a-z, "
                                "0-9, '-' and '_')");
    expect_header_error(no_grounding, FILE_NAME ": level.practices.grounding: missing");
    expect_header_error(four_breathing, FILE_NAME ": level.practices.breathing: expected 1 to 3 "
                                        "entries, found 4");
    expect_header_error(capital_practice, FILE_NAME ": level.practices.breathing[0]: \"Box\" is "
                                          "not an id (use a-z, 0-9, '-' and '_')");
    expect_header_error(twice_practice,
                        FILE_NAME ": level.practices.breathing[1]: \"box\" appears twice");
    expect_header_error(number_practice,
                        FILE_NAME ": level.practices.grounding[0]: expected an id (a string)");
    expect_header_error(no_cards, FILE_NAME ": level.cards: expected 1 to 100 entries, found 0");
    expect_header_error(cards_object, FILE_NAME ": level.cards: expected an array");
}

static void subtitle(cJSON *l) { cJSON_AddStringToObject(l, "subtitle", "Slow down"); }
static void practices_typo(cJSON *l)
{
    cJSON_AddItemToObject(practices(l), "grounds", cJSON_CreateArray());
}
static void title_twice(cJSON *l) { cJSON_AddItemToObject(l, "title", cJSON_CreateString("Again")); }

static void unknown_keys_in_the_level_header_leave_the_level_out(void)
{
    expect_header_error(subtitle, FILE_NAME ": level.subtitle: unknown key (expected one of "
                                  "id|number|title|intro|safety_note|practices|cards)");
    expect_header_error(practices_typo, FILE_NAME ": level.practices.grounds: unknown key "
                                        "(expected one of breathing|grounding)");
    expect_header_error(title_twice,
                        FILE_NAME ": level.title: appears more than once in the same object");
}

static void unknown_keys_in_a_card_leave_the_card_out(void)
{
    cJSON *l = good_level(4);
    cJSON_AddStringToObject(card_n(l, 0), "situaton", "A typo.");
    cJSON_AddStringToObject(response_n(l, 1, 2), "whyy", "A typo.");
    /* comments pass, in the level, a card and a response; themes is a card key */
    cJSON_AddStringToObject(l, "_comment", "Written with care.");
    cJSON_AddStringToObject(card_n(l, 2), "_note", "Reviewed.");
    cJSON_AddStringToObject(response_n(l, 2, 1), "_note", "Softer.");
    cJSON *themes = cJSON_AddArrayToObject(card_n(l, 3), "themes");
    cJSON_AddItemToArray(themes, cJSON_CreateString("repair"));
    Loaded L = load(l);
    const char *want[] = {
        FILE_NAME ": level.cards[0].situaton: unknown key (expected one of id|relationship|"
                  "area|themes|situation|responses|try_saying|reflect|summary)",
        FILE_NAME ": level.cards[1].responses[2].whyy: unknown key (expected one of "
                  "style|text|why)",
    };
    CHECK_INT(L.diag.count, 2);
    for (int i = 0; i < 2 && i < L.diag.count; i++) CHECK_STR(L.diag.msg[i], want[i]);
    CHECK(L.ok);
    CHECK_INT(L.level.ncards, 2);
    if (L.level.ncards == 2) {
        CHECK_STR(L.level.cards[0].id, "c-02");
        CHECK_STR(L.level.cards[1].id, "c-03");
    }
    unload(&L);
}

static void text_that_is_not_utf8_leaves_the_card_out(void)
{
    cJSON *l = good_level(3);
    set_str(card_n(l, 0), "situation", "Caf\xE9 at noon."); /* Latin-1, not UTF-8 */
    set_str(response_n(l, 1, 3), "text", "\xF0\x9F\x8C"); /* cut short */
    Loaded L = load(l);
    CHECK_INT(L.diag.count, 2);
    if (L.diag.count == 2) {
        CHECK_STR(L.diag.msg[0],
                  FILE_NAME ": level.cards[0].situation: is not valid UTF-8 (byte 4 is 0xE9)");
        CHECK_STR(L.diag.msg[1],
                  FILE_NAME ": level.cards[1].responses[3].text: is not valid UTF-8 (byte 1 is 0xF0)");
    }
    CHECK_INT(L.level.ncards, 1);
    unload(&L);
}

static void card_problems_are_reported_even_when_the_header_is_bad(void)
{
    cJSON *l = good_level(2);
    number_six(l);
    set_str(response_n(l, 1, 0), "style", "calm");
    Loaded L = load(l);
    CHECK(!L.ok);
    CHECK_INT(L.diag.count, 2);
    if (L.diag.count == 2)
        CHECK_STR(L.diag.msg[1], FILE_NAME ": level.cards[1].responses[0].style: expected one "
                                 "of secure|anxious|avoidant|fearful");
    unload(&L);
}

static void a_level_with_no_usable_card_is_left_out(void)
{
    cJSON *l = good_level(2);
    set_str(card_n(l, 0), "area", "x");
    set_str(card_n(l, 1), "area", "y");
    Loaded L = load(l);
    CHECK(!L.ok);
    CHECK_INT(L.diag.count, 3);
    if (L.diag.count == 3)
        CHECK_STR(L.diag.msg[2],
                  FILE_NAME ": level.cards: no card could be used, so the level is left out");
    unload(&L);

    Loaded M = load(cJSON_CreateString("level"));
    CHECK(!M.ok);
    CHECK_INT(M.diag.count, 1);
    if (M.diag.count) CHECK_STR(M.diag.msg[0], FILE_NAME ": level: expected an object");
    unload(&M);
}

static void styles_have_json_names_and_kind_display_names(void)
{
    CHECK_STR(deck_style_name(DECK_STYLE_SECURE), "secure");
    CHECK_STR(deck_style_name(DECK_STYLE_FEARFUL), "fearful");
    CHECK_STR(deck_style_title(DECK_STYLE_SECURE), "Connection-oriented");
    CHECK_STR(deck_style_title(DECK_STYLE_ANXIOUS), "Anxious");
    CHECK_STR(deck_style_title(DECK_STYLE_AVOIDANT), "Avoidant");
    CHECK_STR(deck_style_title(DECK_STYLE_FEARFUL), "Fearful-avoidant");
    CHECK_STR(deck_style_title((DeckStyle)9), "");
    CHECK_INT(deck_style_from_name("avoidant"), DECK_STYLE_AVOIDANT);
    CHECK_INT(deck_style_from_name("Secure"), -1);
    CHECK_INT(deck_style_from_name(NULL), -1);
    CHECK_STR(deck_relationship_name(DECK_REL_FRIEND), "friend");
    CHECK_STR(deck_relationship_title(DECK_REL_WORK), "Work");
    CHECK_STR(deck_area_name(DECK_AREA_COGNITIVE), "cognitive");
    CHECK_STR(deck_area_title(DECK_AREA_BEHAVIOURAL), "Behavioural");
}

/* ---- Dealing and shuffling ------------------------------------------------------------- */

static Loaded twenty_cards(void)
{
    Loaded L = load(good_level(20));
    CHECK_INT(L.level.ncards, 20);
    return L;
}

static void rng_is_repeatable_and_in_range(void)
{
    DeckRng a, b;
    deck_rng_seed(&a, 42);
    deck_rng_seed(&b, 42);
    for (int i = 0; i < 100; i++) CHECK(deck_rng_next(&a) == deck_rng_next(&b));
    int seen[7] = {0};
    for (int i = 0; i < 7000; i++) {
        uint32_t x = deck_rng_below(&a, 7);
        if (x < 7) seen[x]++;
        else CHECK(x < 7);
    }
    for (int i = 0; i < 7; i++) CHECK(seen[i] > 850 && seen[i] < 1150);
    CHECK_INT(deck_rng_below(&a, 0), 0);
}

static void shuffling_keeps_each_style_and_why_with_its_text(void)
{
    Loaded L = twenty_cards();
    int bad = 0;
    for (uint64_t seed = 0; seed < 2000; seed++) {
        DeckRound r;
        int n = deck_round_start(&r, &L.level, 5, seed, NULL, 0);
        for (int i = 0; i < n; i++) {
            const DeckCard *c = deck_round_card_at(&r, i);
            bool used[4] = {false};
            for (int s = 0; s < 4; s++) {
                const DeckResponse *shown = deck_round_response_at(&r, i, s);
                int k = 0;
                while (k < 4 && strcmp(c->responses[k].text, shown->text) != 0) k++;
                if (k == 4 || used[k] || shown->style != c->responses[k].style ||
                    strcmp(shown->why, c->responses[k].why) != 0) {
                    bad++;
                    continue;
                }
                used[k] = true;
                /* the loaded text names its own style: "<id> says <style>" */
                if (!strstr(shown->text, deck_style_name(shown->style))) bad++;
            }
        }
    }
    CHECK_INT(bad, 0);
    unload(&L);
}

/* The order the player sees card i's responses in, as a number 0..23 (Lehmer code). */
static int perm_index(const DeckRound *r, int i)
{
    int shown[4];
    for (int s = 0; s < 4; s++)
        shown[s] = (int)(deck_round_response_at(r, i, s) - deck_round_card_at(r, i)->responses);
    int idx = 0;
    for (int a = 0; a < 4; a++) {
        int smaller = 0;
        for (int b = a + 1; b < 4; b++) smaller += shown[b] < shown[a];
        idx = idx * (4 - a) + smaller;
    }
    return idx;
}

static void every_order_of_the_four_responses_occurs(void)
{
    Loaded L = load(good_level(1));
    int count[24] = {0};
    int same_as_before = 0, prev = -1;
    for (uint64_t seed = 1; seed <= 2400; seed++) {
        DeckRound r;
        CHECK_INT(deck_round_start(&r, &L.level, 5, seed, NULL, 0), 1);
        int p = perm_index(&r, 0);
        count[p]++;
        same_as_before += p == prev;
        prev = p;
    }
    for (int p = 0; p < 24; p++) CHECK(count[p] >= 50 && count[p] <= 150); /* about 100 each */
    CHECK(same_as_before < 200); /* a new order nearly every time (1 in 24 by chance) */
    unload(&L);
}

static void the_same_seed_deals_the_same_round(void)
{
    Loaded L = twenty_cards();
    DeckRound a, b, c;
    deck_round_start(&a, &L.level, 5, 7, NULL, 0);
    deck_round_start(&b, &L.level, 5, 7, NULL, 0);
    deck_round_start(&c, &L.level, 5, 8, NULL, 0);
    CHECK(memcmp(a.card, b.card, sizeof a.card) == 0);
    CHECK(memcmp(a.order, b.order, sizeof a.order) == 0);
    CHECK(memcmp(a.card, c.card, sizeof a.card) != 0 || memcmp(a.order, c.order, sizeof a.order) != 0);
    unload(&L);
}

static void a_round_deals_distinct_cards_and_every_card_gets_dealt(void)
{
    Loaded L = twenty_cards();
    int dealt[20] = {0}, repeats = 0;
    for (uint64_t seed = 0; seed < 200; seed++) {
        DeckRound r;
        CHECK_INT(deck_round_start(&r, &L.level, 5, seed, NULL, 0), 5);
        for (int i = 0; i < 5; i++) {
            dealt[r.card[i]]++;
            for (int j = 0; j < i; j++) repeats += r.card[i] == r.card[j];
        }
    }
    CHECK_INT(repeats, 0);
    for (int i = 0; i < 20; i++) CHECK(dealt[i] > 0);
    unload(&L);
}

static void unseen_cards_are_dealt_first(void)
{
    Loaded L = twenty_cards();
    /* every card but c-04, c-11 and c-17 has been seen */
    const char *seen[20];
    int nseen = 0;
    for (int i = 0; i < 20; i++)
        if (i != 4 && i != 11 && i != 17) seen[nseen++] = L.level.cards[i].id;
    for (uint64_t seed = 0; seed < 100; seed++) {
        DeckRound r;
        CHECK_INT(deck_round_start(&r, &L.level, 5, seed, seen, nseen), 5);
        int fresh = 0;
        for (int i = 0; i < 3; i++) {
            const char *id = deck_round_card_at(&r, i)->id;
            fresh += !strcmp(id, "c-04") || !strcmp(id, "c-11") || !strcmp(id, "c-17");
        }
        CHECK_INT(fresh, 3);
        CHECK(r.card[3] != r.card[4]);
        for (int i = 3; i < 5; i++) CHECK(r.card[i] != 4 && r.card[i] != 11 && r.card[i] != 17);
    }
    /* all seen: a full round from all cards */
    const char *all[20];
    for (int i = 0; i < 20; i++) all[i] = L.level.cards[i].id;
    DeckRound r;
    CHECK_INT(deck_round_start(&r, &L.level, 5, 3, all, 20), 5);
    unload(&L);
}

static void the_number_of_cards_is_clamped(void)
{
    Loaded L = load(good_level(3));
    DeckRound r;
    CHECK_INT(deck_round_start(&r, &L.level, 10, 1, NULL, 0), 3);
    CHECK_INT(deck_round_start(&r, &L.level, 0, 1, NULL, 0), 1);
    CHECK_INT(deck_round_start(&r, NULL, 5, 1, NULL, 0), 0);
    CHECK(deck_round_finished(&r));
    CHECK(deck_round_card(&r) == NULL);
    CHECK(!deck_round_choose(&r, 0));
    unload(&L);
    Loaded M = load(good_level(30));
    CHECK_INT(deck_round_start(&r, &M.level, 50, 1, NULL, 0), DECK_ROUND_MAX);
    unload(&M);
}

/* ---- Solo round ------------------------------------------------------------------------ */

static int slot_with_style(const DeckRound *r, DeckStyle st)
{
    for (int s = 0; s < 4; s++)
        if (deck_round_response(r, s)->style == st) return s;
    return -1;
}

static void a_round_goes_card_by_card_with_a_reveal_after_each_choice(void)
{
    Loaded L = twenty_cards();
    DeckRound r;
    deck_round_start(&r, &L.level, 3, 99, NULL, 0);
    CHECK_INT(deck_round_count(&r), 3);
    CHECK_INT(deck_round_position(&r), 0);
    CHECK(!deck_round_revealed(&r));
    CHECK_INT(deck_round_chosen(&r), -1);
    CHECK(!deck_round_next(&r)); /* no skipping past an unanswered card */
    CHECK(!deck_round_choose(&r, 4));
    CHECK(!deck_round_choose(&r, -1));
    const DeckCard *first = deck_round_card(&r);
    CHECK(deck_round_choose(&r, 2));
    CHECK(deck_round_revealed(&r));
    CHECK_INT(deck_round_chosen(&r), 2);
    CHECK(!deck_round_choose(&r, 1)); /* the choice stands */
    CHECK_INT(deck_round_chosen(&r), 2);
    DeckPick p = deck_round_pick(&r, 0);
    CHECK(p.card == first);
    CHECK_INT(p.slot, 2);
    CHECK(deck_round_response(&r, 2) == &first->responses[p.response]);
    CHECK_INT(p.style, first->responses[p.response].style);
    CHECK(deck_round_next(&r));
    CHECK_INT(deck_round_position(&r), 1);
    CHECK(!deck_round_revealed(&r));
    CHECK(deck_round_card(&r) != first);
    CHECK_INT(deck_round_pick(&r, 1).slot, -1);
    CHECK(deck_round_choose(&r, 0) && deck_round_next(&r));
    CHECK(!deck_round_finished(&r));
    CHECK(deck_round_choose(&r, 1) && deck_round_next(&r));
    CHECK(deck_round_finished(&r));
    CHECK(deck_round_card(&r) == NULL);
    CHECK(deck_round_response(&r, 0) == NULL);
    CHECK(!deck_round_choose(&r, 0));
    CHECK(!deck_round_next(&r));
    CHECK_INT(deck_round_answered(&r), 3);
    CHECK(deck_round_pick(&r, 3).card == NULL);
    unload(&L);
}

/* Plays a 5-card round choosing secure on the cards where want_secure[i], anxious elsewhere. */
static void play(DeckRound *r, const DeckLevel *level, const bool want_secure[5])
{
    deck_round_start(r, level, 5, 1234, NULL, 0);
    for (int i = 0; i < 5; i++) {
        int s = slot_with_style(r, want_secure[i] ? DECK_STYLE_SECURE : DECK_STYLE_ANXIOUS);
        CHECK(deck_round_choose(r, s));
        CHECK(deck_round_next(r));
    }
}

/* The end of a round asks a question; it never counts "right" answers. */
static void the_summary_never_scores_the_round(void)
{
    Loaded L = twenty_cards();
    DeckRound r;
    char line[256];
    static const bool PICKS[3][5] = {{true, false, true, false, true},
                                     {false, false, false, false, false},
                                     {true, true, true, true, true}};
    for (int k = 0; k < 3; k++) {
        play(&r, &L.level, PICKS[k]);
        int counts[DECK_STYLE_COUNT];
        deck_round_style_counts(&r, counts);
        CHECK_INT(counts[DECK_STYLE_SECURE], k == 0 ? 3 : k == 1 ? 0 : 5);
        size_t n = deck_round_summary(&r, line, sizeof line);
        CHECK_INT(n, strlen(line));
        CHECK_CONTAINS(line, "What pulled at you this round?");
        CHECK(!strpbrk(line, "0123456789"));
        CHECK(!strstr(line, "connection-oriented"));
    }
    /* a short buffer is cut, not overrun */
    char tiny[8];
    size_t full = deck_round_summary(&r, tiny, sizeof tiny);
    CHECK_STR(tiny, "What pu");
    CHECK(full > sizeof tiny);
    unload(&L);
}

static void ending_early_keeps_only_the_answered_cards(void)
{
    Loaded L = twenty_cards();
    DeckRound r;
    char line[256];
    deck_round_start(&r, &L.level, 5, 5, NULL, 0);
    deck_round_summary(&r, line, sizeof line);
    CHECK_STR(line, "No cards answered this time. Come back whenever you're ready.");
    CHECK(deck_round_choose(&r, slot_with_style(&r, DECK_STYLE_SECURE)) && deck_round_next(&r));
    CHECK(deck_round_choose(&r, slot_with_style(&r, DECK_STYLE_SECURE)) && deck_round_next(&r));
    CHECK(deck_round_choose(&r, slot_with_style(&r, DECK_STYLE_AVOIDANT)));
    deck_round_end(&r);
    CHECK(deck_round_finished(&r));
    CHECK_INT(deck_round_answered(&r), 3);
    deck_round_summary(&r, line, sizeof line);
    CHECK_CONTAINS(line, "What pulled at you this round?");
    unload(&L);
}

int main(void)
{
    RUN(a_good_level_loads_every_field);
    RUN(relationships_and_areas_are_read_by_name);
    RUN(a_bad_style_names_the_file_and_path_and_the_other_cards_load);
    RUN(a_duplicated_style_is_named_once);
    RUN(each_card_problem_is_one_line_with_its_path);
    RUN(a_repeated_card_id_keeps_the_first_card);
    RUN(a_bad_header_leaves_the_level_out);
    RUN(unknown_keys_in_the_level_header_leave_the_level_out);
    RUN(unknown_keys_in_a_card_leave_the_card_out);
    RUN(text_that_is_not_utf8_leaves_the_card_out);
    RUN(card_problems_are_reported_even_when_the_header_is_bad);
    RUN(a_level_with_no_usable_card_is_left_out);
    RUN(styles_have_json_names_and_kind_display_names);
    RUN(rng_is_repeatable_and_in_range);
    RUN(shuffling_keeps_each_style_and_why_with_its_text);
    RUN(every_order_of_the_four_responses_occurs);
    RUN(the_same_seed_deals_the_same_round);
    RUN(a_round_deals_distinct_cards_and_every_card_gets_dealt);
    RUN(unseen_cards_are_dealt_first);
    RUN(the_number_of_cards_is_clamped);
    RUN(a_round_goes_card_by_card_with_a_reveal_after_each_choice);
    RUN(the_summary_never_scores_the_round);
    RUN(ending_early_keeps_only_the_answered_cards);
    RUN(card_words_get_typographic_quotes);
    return check_report();
}
