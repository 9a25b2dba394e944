/* Coming back to cards: the response a person picked last time for each card they played
 * alone, and the cards they marked as favourites. Both are kept in the practice log (store.h)
 * as records of their own kinds, each with its own id, local date, time and UTC offset, and so
 * travel with export and import like any record:
 *
 *   {"id":"…","date":"2026-11-23","time":"18:46:12","utc_offset_min":60,"kind":"choice",
 *    "level":"notice","card":"late-reply","choice":"secure"}
 *   {"id":"…","date":"2026-11-23","time":"18:46:20","utc_offset_min":60,"kind":"favourite",
 *    "level":"notice","card":"late-reply","on":true}
 *
 * A card is named by its level and its id (card ids are unique within a level). For each card
 * the latest record of each kind wins: the latest by the moment it was written (its date, time
 * and offset, so records imported from another computer take their place by when they
 * happened), and of two at the same moment, the later in the log. An Attune older than these
 * records counts them as lines it cannot read, and keeps them. */
#ifndef ATTUNE_CARDMEMORY_H
#define ATTUNE_CARDMEMORY_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "attune/deck.h"
#include "attune/diag.h"
#include "attune/store.h"

/* ---- The records ------------------------------------------------------------------------ */

/* A "choice" record: the response of style `style` was picked for card `card` of level
 * `level`, at local time t (fresh id). Ids longer than PRACTICE_CONTENT_MAX are cut. */
void cardmemory_choice_record(PracticeRecord *out, const char *level, const char *card,
                              DeckStyle style, time_t t);

/* A "favourite" record: card `card` of level `level` marked (on) or unmarked, at t. */
void cardmemory_favourite_record(PracticeRecord *out, const char *level, const char *card,
                                 bool on, time_t t);

/* ---- What is remembered ------------------------------------------------------------------ */

/* One card's memory. */
typedef struct CardMark {
    char level[PRACTICE_CONTENT_MAX + 1];
    char card[PRACTICE_CONTENT_MAX + 1];
    int choice;         /* DeckStyle picked last time, or -1 */
    bool favourite;     /* marked as a favourite by the latest favourite record */
    int64_t choice_at, favourite_at; /* when (UTC seconds) the winning records were written */
    long choice_seq, favourite_seq;  /* their order among the records applied */
    bool has_favourite; /* a favourite record was applied */
} CardMark;

/* Zero-initialise ({0}) before first use; free with cardmemory_free. */
typedef struct CardMemory {
    CardMark *mark;
    int count, cap;
    long seq; /* records applied so far */
} CardMemory;

/* Applies one record of the log: a choice or favourite record updates its card when it is
 * not older than what is there (see above); any other record is ignored. Apply records in log
 * order, and a new record after it is saved. False on out-of-memory (nothing changed). */
bool cardmemory_apply(CardMemory *m, const PracticeRecord *r);

/* Reads DIR/practice.jsonl and applies its choice and favourite records into *out
 * (overwritten: free a previous memory first). The log's rules hold (store.h: the file is never
 * modified; torn and unreadable lines are skipped; log_load reports them, so this does not).
 * A missing file is an empty memory. False only if the file cannot be read (message in diag,
 * which may be NULL); *out is then empty. */
bool cardmemory_load(const char *dir, CardMemory *out, AtDiag *diag);

void cardmemory_free(CardMemory *m);

/* The style of the response picked for this card last time, or -1 if never. */
int cardmemory_last_choice(const CardMemory *m, const char *level, const char *card);

/* Whether the card is a favourite now. */
bool cardmemory_is_favourite(const CardMemory *m, const char *level, const char *card);

/* The favourite cards, in the order they were marked (the earliest first), as pointers into m
 * (valid until m changes): writes at most max into out and returns how many there are in all. */
int cardmemory_favourites(const CardMemory *m, const CardMark **out, int max);

/* ---- Decks across levels ----------------------------------------------------------------- */

/* A deck made of cards from several levels, to deal from like a level (deck_round_start): the
 * cards are copies of the levels' cards (their strings shared, so the levels must outlive it),
 * and from[i] is the level card i came from (for its id, and for choice records). */
typedef struct CardMix {
    DeckLevel level; /* id "favourites" or "random"; number 0; no intro */
    const DeckLevel **from;
} CardMix;

#define CARDMIX_FAVOURITES_ID "favourites"
#define CARDMIX_RANDOM_ID "random"

/* The favourite cards that are still in levels[0..nlevels), in the order they were marked
 * (at most DECK_MAX_CARDS: the latest marked). out->level.ncards may be 0: no favourites yet.
 * False on out-of-memory (out empty). */
bool cardmix_favourites(CardMix *out, const CardMemory *m, const DeckLevel *levels, int nlevels);

/* Every card of every level (at most DECK_MAX_CARDS: a fair sample when there are more, drawn
 * from seed), for a random card. False on out-of-memory (out empty). */
bool cardmix_random(CardMix *out, const DeckLevel *levels, int nlevels, uint64_t seed);

/* The level a card of the mix (a pointer into m->level.cards, as a round deals them) came
 * from, or NULL for any other card. */
const DeckLevel *cardmix_level_of(const CardMix *m, const DeckCard *card);

void cardmix_free(CardMix *m);

#endif
