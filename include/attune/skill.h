/* A skill per level: beside pick-one-of-four, some cards of each level add one short exercise
 * that practises that level's step.
 *
 *   level 1 Notice       name what you would feel first, before the choices appear
 *   level 2 Regulate     three slow breaths, before the choices appear
 *   level 3 Communicate  build the message (a feeling, a need, a request), after the reveal
 *   level 4 Understand   choose the best summary of what the other person said, before the
 *                        choices (only cards with a "summary")
 *   level 5 Accept       sort "what I can accept" from "what I need to ask for", after the
 *                        reveal
 *
 * Which cards: Understand, every card that has a summary; the other levels, every third card
 * of a round, starting with the first (the 1st and 4th of five). The words the exercises offer
 * come from the "skills" content section (SkillSet); the summaries from the cards. Everything
 * here is pure: the app draws it and turns input into these calls. */
#ifndef ATTUNE_SKILL_H
#define ATTUNE_SKILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attune/breath.h"
#include "attune/deck.h"
#include "attune/jsonv.h"

typedef enum Skill {
    SKILL_NONE,
    SKILL_FEEL_FIRST, /* Notice */
    SKILL_BREATHE,    /* Regulate */
    SKILL_MESSAGE,    /* Communicate */
    SKILL_SUMMARY,    /* Understand */
    SKILL_SORT,       /* Accept */
    SKILL_COUNT
} Skill;

#define SKILL_EVERY 3         /* every third card of a round, from the first */
#define SKILL_BREATHS 3       /* breaths of the Regulate interlude */
#define SKILL_READY_MS BREATH_READY_MS /* its get-ready before the first breath */

/* The "skills" content section: word lists the exercises choose from. */
#define SKILL_LIST_MIN 4
#define SKILL_LIST_MAX 16
#define SKILL_WORD_MAX 30       /* a feeling or a need */
#define SKILL_REQUEST_MAX 90    /* a request, one sentence */
#define SKILL_SORT_TEXT_MAX 90  /* a thing to sort */

typedef struct SkillSet {
    const char *feelings[SKILL_LIST_MAX]; /* "worried": Notice, and "I feel ..." */
    int nfeelings;
    const char *needs[SKILL_LIST_MAX];    /* "some reassurance": "... and I need ..." */
    int nneeds;
    const char *requests[SKILL_LIST_MAX]; /* "Could we talk about it after dinner?" */
    int nrequests;
    const char *sort[SKILL_LIST_MAX];     /* "They need quiet time after work." */
    int nsort;
    const char *file;                     /* where it was loaded from; NULL: none loaded */
} SkillSet;

/* Validates the "skills" object at `path` and fills *out (strings in v->pool): "feelings",
 * "needs", "requests" and "sort", each 4-16 distinct strings. Unknown keys are errors (keys
 * starting with '_' are comments). Returns false, with *out zeroed, when any list is wrong. */
bool skill_set_from_json(JsonV *v, const cJSON *obj, const char *path, SkillSet *out);

/* The skill of a level, by its number (1 Notice ... 5 Accept); SKILL_NONE for NULL. */
Skill skill_of_level(const DeckLevel *level);

/* The skill that goes with the card level->cards[card_index] dealt at `position` (0-based) of a
 * solo round, or SKILL_NONE (see the top of this file). A skill whose words are missing from
 * set (NULL or not loaded), Regulate without a breathing practice, and a card index out of
 * range give SKILL_NONE. */
Skill skill_for_card(const SkillSet *set, const DeckLevel *level, int card_index, int position);

/* True for the skills done before the four responses appear; the others follow the reveal. */
bool skill_before_choice(Skill s);

/* "Name the feeling", "Three slow breaths", "Build the message", "Sum it up",
 * "Accept or ask"; "" for SKILL_NONE. */
const char *skill_title(Skill s);

/* Fills out[0..] with min(k, total) distinct indexes of 0..total-1, a window of the list that
 * moves on with key (e.g. a card's index), so different cards offer different words. Returns
 * how many. */
int skill_pick(int total, int k, unsigned key, int *out);

/* ---- Notice: what would you feel first ---- */
#define SKILL_FEEL_SHOWN 6

/* ---- Communicate: build the message ---- */
enum { SKILL_PART_FEELING, SKILL_PART_NEED, SKILL_PART_REQUEST, SKILL_PARTS };
#define SKILL_MESSAGE_SHOWN 4 /* options per part */

typedef struct SkillMessage {
    int option[SKILL_PARTS][SKILL_MESSAGE_SHOWN]; /* indexes into the set's lists */
    int noption[SKILL_PARTS];
    int chosen[SKILL_PARTS]; /* index into option[part], -1 until chosen */
} SkillMessage;

/* Offers up to SKILL_MESSAGE_SHOWN feelings, needs and requests, chosen by key. */
void skill_message_start(SkillMessage *m, const SkillSet *set, unsigned key);
/* Chooses option i of part (choosing again changes it). False when out of range. */
bool skill_message_choose(SkillMessage *m, int part, int i);
/* The text of option i of part, or NULL. */
const char *skill_message_option(const SkillMessage *m, const SkillSet *set, int part, int i);
/* True once a feeling, a need and a request are chosen. */
bool skill_message_complete(const SkillMessage *m);
/* The sentence the choices make, "I feel worried, and I need some reassurance. Could we talk
 * about it after dinner?", with "..." for a part not chosen yet. Writes at most n bytes
 * (NUL-terminated when n > 0) and returns the length of the whole sentence. */
size_t skill_message_text(const SkillMessage *m, const SkillSet *set, char *buf, size_t n);

/* ---- Understand: choose the best summary ---- */
#define SKILL_SUMMARY_OPTIONS (1 + DECK_SUMMARY_OTHERS_MAX)

/* The card's summaries in a random order for this seed: out[0..n-1], *best = the position of
 * the best one. Returns n (0 when the card has no summary). */
int skill_summary_options(const DeckCard *card, uint64_t seed, const char **out, int *best);

/* ---- Accept: what I can accept, what I need to ask for ---- */
#define SKILL_SORT_SHOWN 4
enum { SKILL_UNSORTED = -1, SKILL_ACCEPT = 0, SKILL_ASK = 1 };

typedef struct SkillSort {
    int item[SKILL_SORT_SHOWN]; /* indexes into set->sort */
    int side[SKILL_SORT_SHOWN]; /* SKILL_UNSORTED, SKILL_ACCEPT or SKILL_ASK */
    int n;
} SkillSort;

/* Offers up to SKILL_SORT_SHOWN things to sort, chosen by key, all unsorted. */
void skill_sort_start(SkillSort *s, const SkillSet *set, unsigned key);
/* Puts thing i on a side (or back to SKILL_UNSORTED). False when out of range. */
bool skill_sort_put(SkillSort *s, int i, int side);
/* How many things are on a side (SKILL_UNSORTED: still to sort). */
int skill_sort_count(const SkillSort *s, int side);
bool skill_sort_complete(const SkillSort *s);
/* The text of thing i, or NULL. */
const char *skill_sort_text(const SkillSort *s, const SkillSet *set, int i);

#endif
