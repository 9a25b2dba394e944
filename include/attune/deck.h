/* Scenario cards: levels of cards loaded from JSON, and the solo round that deals them.
 *
 * A card is a moment from a relationship with four ways to respond, one from each attachment
 * style. A round deals a few cards of one level; each card's four responses are shown in a
 * freshly shuffled order, the player picks one, and the feedback (every response's style and
 * "why") is revealed. Everything here is pure: randomness comes from a DeckRng seeded by the
 * caller, so the same seed deals the same round. */
#ifndef ATTUNE_DECK_H
#define ATTUNE_DECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attune/jsonv.h"

/* ---- Vocabulary ------------------------------------------------------------------------ */

typedef enum DeckStyle {
    DECK_STYLE_SECURE,   /* "secure": connection-oriented */
    DECK_STYLE_ANXIOUS,  /* "anxious" (preoccupied) */
    DECK_STYLE_AVOIDANT, /* "avoidant" (dismissive) */
    DECK_STYLE_FEARFUL,  /* "fearful": fearful-avoidant (disorganised) */
    DECK_STYLE_COUNT
} DeckStyle;

typedef enum DeckRelationship {
    DECK_REL_PARTNER,
    DECK_REL_FAMILY,
    DECK_REL_FRIEND,
    DECK_REL_WORK,
    DECK_REL_SELF,   /* the relationship with yourself: solo play only */
    DECK_REL_COUNT
} DeckRelationship;

typedef enum DeckArea {
    DECK_AREA_EMOTIONAL,
    DECK_AREA_COGNITIVE,
    DECK_AREA_BEHAVIOURAL,
    DECK_AREA_SOCIAL,
    DECK_AREA_COUNT
} DeckArea;

/* JSON names ("secure", "anxious", "avoidant", "fearful"); "?" when out of range. */
const char *deck_style_name(DeckStyle s);
/* Names shown to the user after a choice: "Connection-oriented", "Anxious", "Avoidant",
 * "Fearful-avoidant"; "" when out of range. */
const char *deck_style_title(DeckStyle s);
/* JSON name to enum, or -1 when unknown (e.g. for reading stored history). */
int deck_style_from_name(const char *name);

/* "partner", "family", "friend", "work", "self" / "Partner", "Family", "Friend", "Work",
 * "Yourself". */
const char *deck_relationship_name(DeckRelationship r);
const char *deck_relationship_title(DeckRelationship r);

/* "emotional", "cognitive", "behavioural", "social" / "Emotional", "Cognitive", ... */
const char *deck_area_name(DeckArea a);
const char *deck_area_title(DeckArea a);

/* Themes a card may carry (its optional "themes" list), from a fixed vocabulary. */
typedef enum DeckTheme {
    DECK_THEME_GOOD_MOMENT, DECK_THEME_REPAIR, DECK_THEME_DATING, DECK_THEME_BREAKUP,
    DECK_THEME_PARENTING, DECK_THEME_BLENDED_FAMILY, DECK_THEME_CAREGIVING, DECK_THEME_ILLNESS,
    DECK_THEME_GRIEF, DECK_THEME_LGBTQ, DECK_THEME_CULTURE, DECK_THEME_FAITH,
    DECK_THEME_GENERATIONS, DECK_THEME_NEURODIVERGENCE, DECK_THEME_DISABILITY, DECK_THEME_DIGITAL,
    DECK_THEME_LONG_DISTANCE, DECK_THEME_SHIFT_WORK, DECK_THEME_MONEY, DECK_THEME_CONFLICT,
    DECK_THEME_BOUNDARIES, DECK_THEME_HOME, DECK_THEME_RESPECT, DECK_THEME_MISTAKES,
    DECK_THEME_COUNT
} DeckTheme;

/* "good-moment", "repair", ... ; "?" when out of range. */
const char *deck_theme_name(DeckTheme t);

/* Whether a card of this relationship may be dealt in Cards together (partner, family and
 * friend cards; work and yourself are for solo play). */
bool deck_relationship_for_couples(DeckRelationship r);

/* ---- Levels and cards ------------------------------------------------------------------ */

#define DECK_RESPONSES 4        /* every card has exactly one response of each style */
#define DECK_LEVEL_MIN 1
#define DECK_LEVEL_MAX 5
#define DECK_MAX_CARDS 100      /* per level */
#define DECK_MAX_PRACTICES 3    /* ids per practice list */
#define DECK_MAX_THEMES 4       /* themes per card */

/* Longest strings accepted (characters after trimming). */
#define DECK_TITLE_MAX 24
#define DECK_INTRO_MAX 400
#define DECK_SITUATION_MAX 360
#define DECK_TEXT_MAX 150
#define DECK_WHY_MAX 220
#define DECK_TRY_SAYING_MAX 180
#define DECK_REFLECT_MAX 180
#define DECK_SUMMARY_MAX 150        /* one summary of what the other person said */
#define DECK_SUMMARY_OTHERS_MAX 3   /* summaries that miss it, beside the best one */

typedef struct DeckResponse {
    DeckStyle style;
    const char *text; /* what you might say or do, one sentence */
    const char *why;  /* what it protects against and what it costs, shown after the choice */
} DeckResponse;

/* Optional, for the Understand skill (skill.h): ways to sum up what the other person said,
 * the best one and two or three that miss it. */
typedef struct DeckSummary {
    const char *best;  /* NULL when the card has no summary */
    const char *others[DECK_SUMMARY_OTHERS_MAX];
    int nothers;
} DeckSummary;

typedef struct DeckCard {
    const char *id;   /* unique within its level */
    DeckRelationship relationship;
    DeckArea area;
    uint32_t themes;  /* bit (1u << DeckTheme) per theme in the card's list */
    const char *situation;
    DeckResponse responses[DECK_RESPONSES]; /* in file order; each style exactly once */
    const char *try_saying; /* a connection-oriented line to practise */
    const char *reflect;    /* a question to think or talk about */
    DeckSummary summary;    /* optional "summary" */
} DeckCard;

typedef struct DeckLevel {
    const char *id;
    int number;             /* DECK_LEVEL_MIN..DECK_LEVEL_MAX */
    const char *title, *intro;
    bool safety_note;       /* "safety_note": show the safety note with the intro */
    const char *file;       /* where it was loaded from */
    /* Practice ids, only stored here: whoever loads all content checks that they name real
     * breathing patterns and grounding exercises. */
    const char *breathing[DECK_MAX_PRACTICES];
    int nbreathing;
    const char *grounding[DECK_MAX_PRACTICES];
    int ngrounding;
    DeckCard *cards;        /* in file order, bad cards left out */
    int ncards;
} DeckLevel;

/* Validates the "level" object `obj` found at `path` (normally "level") and fills *out.
 * Strings and the cards array are allocated in v->pool and live as long as it does.
 * Every problem is one message in v ("FILE: level.cards[3].responses[1].style: expected one
 * of secure|anxious|avoidant|fearful"). A bad card is reported and left out, the others still
 * load; a card whose id repeats an earlier card's is left out too.
 * Returns true when the level can be used: its header (id, number, title, intro, practices,
 * cards array) is valid and at least one card loaded; v->errors may still have grown because
 * of skipped cards. Returns false, with *out zeroed, when the level must be left out. */
bool deck_level_from_json(JsonV *v, const cJSON *obj, const char *path, DeckLevel *out);

/* The card with this id, or NULL. */
const DeckCard *deck_level_card(const DeckLevel *level, const char *id);

/* ---- Randomness -------------------------------------------------------------------------- */

/* splitmix64: small, fast, and every seed (including 0) gives a good stream. */
typedef struct DeckRng {
    uint64_t state;
} DeckRng;

void deck_rng_seed(DeckRng *r, uint64_t seed);
uint64_t deck_rng_next(DeckRng *r);
/* Uniform in [0, n) without modulo bias; 0 when n is 0. */
uint32_t deck_rng_below(DeckRng *r, uint32_t n);

/* ---- Solo round -------------------------------------------------------------------------- */

#define DECK_ROUND_MAX 20     /* most cards in one round */
#define DECK_ROUND_DEFAULT 5

/* Caller-provided storage; read it through the functions below, which keep it consistent.
 * Holds a pointer to the level: the level must outlive the round. */
typedef struct DeckRound {
    const DeckLevel *level;
    int count;    /* cards dealt */
    int pos;      /* card showing, 0..count-1; count once finished */
    bool revealed;
    int16_t card[DECK_ROUND_MAX];                  /* index into level->cards */
    uint8_t order[DECK_ROUND_MAX][DECK_RESPONSES]; /* order[i][slot] = index into responses */
    int8_t picked[DECK_ROUND_MAX];                 /* slot chosen, -1 if none */
} DeckRound;

/* What was chosen for one dealt card. */
typedef struct DeckPick {
    const DeckCard *card;
    int slot;       /* position on screen 0..3, -1 if not answered */
    int response;   /* index into card->responses, -1 if not answered */
    DeckStyle style;  /* valid when answered */
} DeckPick;

/* Deals a round of n_cards cards (clamped to 1..min(level->ncards, DECK_ROUND_MAX)) from
 * level. Cards whose ids are in seen_ids[0..n_seen-1] (may be NULL) are dealt only when there
 * are not enough unseen ones: unseen cards come first, in random order, then seen ones, in
 * random order. Each card gets its own random order of its four responses; the order is a
 * permutation of indexes, so a response's style and why always stay with its text. The same
 * seed deals the same round: pass a new seed (e.g. the clock) for each round.
 * Returns the number of cards dealt; 0 (and an empty, finished round) when level is NULL or
 * has no cards. */
int deck_round_start(DeckRound *r, const DeckLevel *level, int n_cards, uint64_t seed,
                     const char *const *seen_ids, int n_seen);
/* The same, dealing only cards that may be played together when `couples` is set (partner,
 * family and friend; see deck_relationship_for_couples). */
int deck_round_start_for(DeckRound *r, const DeckLevel *level, int n_cards, uint64_t seed,
                         const char *const *seen_ids, int n_seen, bool couples);

int deck_round_count(const DeckRound *r);
/* 0-based index of the card showing; deck_round_count() once finished. */
int deck_round_position(const DeckRound *r);
bool deck_round_finished(const DeckRound *r);

/* The card showing, or NULL once finished. */
const DeckCard *deck_round_card(const DeckRound *r);
/* The response shown in slot 0..3 of the card showing, or NULL (finished, bad slot). */
const DeckResponse *deck_round_response(const DeckRound *r, int slot);
/* The same for dealt card i (0..count-1), for a review screen. */
const DeckCard *deck_round_card_at(const DeckRound *r, int i);
const DeckResponse *deck_round_response_at(const DeckRound *r, int i, int slot);

/* Picks the response in slot 0..3 of the card showing and reveals the feedback. Returns false
 * and changes nothing when finished, already revealed, or slot is out of range. */
bool deck_round_choose(DeckRound *r, int slot);
/* True between deck_round_choose and deck_round_next: show every response's style and why. */
bool deck_round_revealed(const DeckRound *r);
/* Slot chosen for the card showing, or -1 before the choice. */
int deck_round_chosen(const DeckRound *r);
/* Moves on from a revealed card to the next one (or to the end). Returns false and changes
 * nothing when the card showing has not been answered yet or the round is finished. */
bool deck_round_next(DeckRound *r);
/* Ends the round now (the player stops early); cards not answered stay unanswered. */
void deck_round_end(DeckRound *r);

/* The pick for dealt card i; .card is NULL when i is out of range. */
DeckPick deck_round_pick(const DeckRound *r, int i);
/* Cards answered so far. */
int deck_round_answered(const DeckRound *r);
/* counts[style] = picks of that style so far. */
void deck_round_style_counts(const DeckRound *r, int counts[DECK_STYLE_COUNT]);
/* One line for the end of the round: a question to sit with, never a count of picks (the
 * responses are moves, not a test). Writes at most size
 * bytes (always NUL-terminated when size > 0) and returns the length of the full line. */
size_t deck_round_summary(const DeckRound *r, char *buf, size_t size);

#endif
