/* Card level progress: saved counts grow only with cards met for the first time in this run,
 * never past the level's size; unseen cards are known for dealing; the suggested level is the
 * first with cards left; a level is found by id or number. */
#include <string.h>

#include "attune/levels.h"
#include "check.h"

static DeckCard CARDS_A[3] = {{.id = "a1"}, {.id = "a2"}, {.id = "a3"}};
static DeckCard CARDS_B[2] = {{.id = "b1"}, {.id = "b2"}};
static DeckLevel LEVELS[2] = {
    {.id = "01-notice", .number = 1, .cards = CARDS_A, .ncards = 3},
    {.id = "02-regulate", .number = 2, .cards = CARDS_B, .ncards = 2},
};
static Content CONTENT = {.levels = LEVELS, .nlevels = 2};

static void seen_counts_grow_with_new_cards_only(void)
{
    Settings s;
    settings_defaults(&s);
    LevelsSeen ls = {0};
    const DeckCard *round1[2] = {&CARDS_A[0], &CARDS_A[1]};
    CHECK(levels_add(&ls, &s, &LEVELS[0], round1, 2));
    LevelProgress p = levels_progress(&s, &LEVELS[0]);
    CHECK_INT(p.seen, 2);
    CHECK_INT(p.connected, 0); /* picks are never counted */
    /* The same cards again add no cards seen. */
    CHECK(levels_add(&ls, &s, &LEVELS[0], round1, 2));
    p = levels_progress(&s, &LEVELS[0]);
    CHECK_INT(p.seen, 2);
    CHECK_INT(p.connected, 0);
    const char *ids[DECK_MAX_CARDS];
    CHECK_INT(levels_seen_ids(&ls, &LEVELS[0], ids, DECK_MAX_CARDS), 2);
    CHECK_STR(ids[0], "a1");
    CHECK_STR(ids[1], "a2");
    CHECK_INT(levels_seen_ids(&ls, &LEVELS[1], ids, DECK_MAX_CARDS), 0);
}

/* Saved counts come from earlier runs (or a hand-edited file): never more than the level. */
static void saved_seen_never_passes_the_level_size(void)
{
    Settings s;
    settings_defaults(&s);
    LevelProgress *lp = settings_level(&s, "02-regulate");
    lp->seen = 9;
    CHECK_INT(levels_progress(&s, &LEVELS[1]).seen, 2);
    LevelsSeen ls = {0};
    const DeckCard *one[1] = {&CARDS_B[0]};
    CHECK(levels_add(&ls, &s, &LEVELS[1], one, 1));
    CHECK_INT(settings_find_level(&s, "02-regulate")->seen, 2);
}

static void the_suggested_level_is_the_first_with_cards_left(void)
{
    Settings s;
    settings_defaults(&s);
    CHECK_INT(levels_suggested(&s, &CONTENT), 0);
    LevelsSeen ls = {0};
    const DeckCard *all[3] = {&CARDS_A[0], &CARDS_A[1], &CARDS_A[2]};
    levels_add(&ls, &s, &LEVELS[0], all, 3);
    CHECK_INT(levels_suggested(&s, &CONTENT), 1);
    const DeckCard *rest[2] = {&CARDS_B[0], &CARDS_B[1]};
    levels_add(&ls, &s, &LEVELS[1], rest, 2);
    CHECK_INT(levels_suggested(&s, &CONTENT), 0); /* all seen: start again at the first */
}

static void a_level_is_found_by_id_or_number(void)
{
    CHECK(levels_find(&CONTENT, "02-regulate") == &LEVELS[1]);
    CHECK(levels_find(&CONTENT, "1") == &LEVELS[0]);
    CHECK(levels_find(&CONTENT, "3") == NULL);
    CHECK(levels_find(&CONTENT, "2x") == NULL);
    CHECK(levels_find(&CONTENT, "") == NULL);
    CHECK(levels_find(&CONTENT, NULL) == NULL);
}

int main(void)
{
    RUN(seen_counts_grow_with_new_cards_only);
    RUN(saved_seen_never_passes_the_level_size);
    RUN(the_suggested_level_is_the_first_with_cards_left);
    RUN(a_level_is_found_by_id_or_number);
    return check_report();
}
