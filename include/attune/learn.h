/* Learning screens: short readings on the ideas the cards rest on (four moves, the five steps,
 * flooding, bids, repair...), each with a line naming where to read more. A screen may say
 * which levels, card themes or cards it goes with; the reveal of such a card links to it. */
#ifndef ATTUNE_LEARN_H
#define ATTUNE_LEARN_H

#include <stdbool.h>
#include <stdint.h>

#include "attune/deck.h"
#include "attune/jsonv.h"

#define LEARN_MAX 60           /* screens in all content */
#define LEARN_TITLE_MAX 40     /* characters */
#define LEARN_BODY_MAX 1000    /* characters */
#define LEARN_BODY_WORDS 150   /* words, so a screen stays short */
#define LEARN_READ_MORE_MAX 160
#define LEARN_MAX_CARDS 8

typedef struct LearnScreen {
    const char *id;
    const char *title;
    const char *body;      /* plain text; "\n" starts a new line, "\n\n" a paragraph */
    const char *read_more; /* a book or an author */
    const char *file;      /* where it was loaded from */
    int index;             /* its place in that file's "learn" array */
    /* What it goes with (all optional): level ids, card themes (bit 1u << DeckTheme), card ids.
     * Level and card ids are only stored here; content_check_refs checks that they exist. */
    const char *levels[DECK_LEVEL_MAX];
    int nlevels;
    uint32_t themes;
    const char *cards[LEARN_MAX_CARDS];
    int ncards;
} LearnScreen;

/* Words in s: runs of characters between spaces and line breaks. */
int learn_word_count(const char *s);

/* Validates one screen object at `path` (e.g. "learn[3]") and fills *out (strings in v->pool).
 * Every problem is one message "FILE: learn[3].body: 162 words, at most 150"; unknown keys
 * are errors (keys starting with '_' are comments). Returns false when the screen must be left
 * out. */
bool learn_screen_from_json(JsonV *v, const cJSON *obj, const char *path, LearnScreen *out);

/* How well a screen goes with a card of a level: 8 when it lists the card, plus 2 when it
 * shares a theme with it, plus 1 when it lists the level; 0 when it does not apply. */
int learn_match(const LearnScreen *s, const DeckLevel *level, const DeckCard *card);

/* The screen to offer on the reveal of `card` (of `level`): the best match among
 * screens[0..n-1]; among equally good ones, one chosen by the card's id, so each card always
 * offers the same screen and the cards of a level offer a spread of them. NULL when none
 * applies. */
const LearnScreen *learn_for_card(const LearnScreen *screens, int n, const DeckLevel *level,
                                  const DeckCard *card);

#endif
