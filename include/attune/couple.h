/* Couple mode: two partners answer the same scenario cards privately, then reveal and talk.
 *
 * For each card the round moves through
 *   PICK_A -> COVER ("hand over to B", nothing of A's pick on screen) -> PICK_B
 *   -> REVEAL (both picks, matched or not, a conversation prompt) [-> TALK] -> next card ...
 *   -> END (summary).
 * Privacy is the point: no function here tells anything about a partner's pick for a card
 * until both partners have chosen on it (state REVEAL or TALK, or a card already revealed).
 * The round is opaque so the UI can only learn picks through these functions.
 *
 * The talk timer (CoupleTalk) follows the speaker-listener way: one partner holds the floor
 * for a set time while the other listens, the listener sums up what they heard, then they
 * switch. It is a pure function of the `now` milliseconds passed in. */
#ifndef ATTUNE_COUPLE_H
#define ATTUNE_COUPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attune/clock.h"
#include "attune/deck.h"

/* Partners are numbered 0 (A, picks first) and 1 (B). */
#define COUPLE_A 0
#define COUPLE_B 1
#define COUPLE_NAME_MAX 32 /* bytes kept of a name, including the NUL; cut on a UTF-8 boundary */

/* ---- Talk timer -------------------------------------------------------------------------- */

#define COUPLE_TALK_SPEAK_MS 120000u /* default time holding the floor */
#define COUPLE_TALK_SUMUP_MS 30000u  /* default time for the listener to sum up */
#define COUPLE_TALK_EXTEND_MS 60000u /* what couple_talk_extend adds */

typedef enum CoupleTalkPhase {
    COUPLE_TALK_SPEAKING,   /* the speaker holds the floor, the listener listens */
    COUPLE_TALK_SUMMING_UP, /* the listener sums up what they heard, the speaker confirms */
    COUPLE_TALK_DONE        /* both partners have spoken and been summed up */
} CoupleTalkPhase;

/* Caller-provided storage; change it only through the functions below. Four phases in
 * order: first speaker speaks, other sums up, other speaks, first sums up. */
typedef struct CoupleTalk {
    AtTimer timer;
    int first;        /* partner who speaks first */
    uint64_t dur[4];  /* length of each phase in ms; UINT64_MAX = untimed until skipped */
} CoupleTalk;

typedef struct CoupleTalkView {
    CoupleTalkPhase phase;
    int turn;          /* 0 for the first speaker's turn, 1 for the second's, 2 when done */
    int speaker;       /* partner whose turn it is (holds the floor while SPEAKING) */
    int listener;      /* the other partner (sums up while SUMMING_UP) */
    bool timed;        /* false for an untimed sum-up, which waits for couple_talk_skip */
    uint64_t phase_ms; /* length of this phase, extensions included (0 if untimed or done) */
    uint64_t into_ms;  /* time spent in this phase */
    uint64_t left_ms;  /* time left in this phase (0 if untimed or done) */
    bool paused;
    bool done;
} CoupleTalkView;

/* Starts the talk at `now`: first_speaker (COUPLE_A or COUPLE_B; anything else means A) holds
 * the floor for speak_ms (0 means COUPLE_TALK_SPEAK_MS), then the listener sums up for
 * sumup_ms (0 means untimed: until couple_talk_skip), then they switch. */
void couple_talk_start(CoupleTalk *t, int first_speaker, uint32_t speak_ms, uint32_t sumup_ms,
                       uint64_t now);
/* Where the talk is at `now` (never earlier than the last call's `now`). Exact to the ms: at
 * start + speak_ms the phase is SUMMING_UP. */
CoupleTalkView couple_talk_at(const CoupleTalk *t, uint64_t now);
/* Ends the current phase now (speaking -> summing up -> the other's turn -> done). Returns
 * false when already done. Works while paused. */
bool couple_talk_skip(CoupleTalk *t, uint64_t now);
/* Adds COUPLE_TALK_EXTEND_MS to the current phase. Returns false when done or untimed. */
bool couple_talk_extend(CoupleTalk *t, uint64_t now);
/* Pausing freezes the time left; pausing twice or resuming a running talk changes nothing. */
void couple_talk_pause(CoupleTalk *t, uint64_t now);
void couple_talk_resume(CoupleTalk *t, uint64_t now);
/* Holds the talk's time while help covers it, or releases it (a pause stays a pause). */
void couple_talk_hold(CoupleTalk *t, uint64_t now, bool held);

/* ---- Couple round ------------------------------------------------------------------------ */

typedef enum CoupleState {
    COUPLE_PICK_A,  /* A reads the card and picks privately */
    COUPLE_COVER,   /* A has picked: "Hand over to B"; show neither the pick nor the card */
    COUPLE_PICK_B,  /* B reads the same card (same order) and picks privately */
    COUPLE_REVEAL,  /* both picks shown, with whether they matched and a prompt */
    COUPLE_TALK,    /* optional speaker-listener talk about this card */
    COUPLE_END      /* summary */
} CoupleState;

typedef struct CoupleRound CoupleRound;

/* What both partners chose on one card; only available once both have chosen. */
typedef struct CoupleReveal {
    const DeckCard *card;
    int slot[2];                     /* slot 0..3 each partner chose, as shown on screen */
    int response[2];                 /* index into card->responses */
    const DeckResponse *chosen[2];   /* the response each partner chose */
    bool matched;
    const char *headline;  /* "You both chose the same response." / "You chose different responses." */
    const char *opener;    /* how to start talking, e.g. "Talk about why each of you chose what you did." */
    const char *prompt;    /* the card's reflect question */
} CoupleReveal;

typedef struct CoupleSummary {
    int cards;      /* cards both partners answered */
    /* A conversation for later: the card where the picks were furthest apart (anxious vs
     * avoidant, or secure vs fearful-avoidant, before one step apart), the earliest on a tie;
     * if every pick matched, the first card where a pick was not connection-oriented, else
     * the first card. NULL when no card was answered. */
    const DeckCard *later;
    const char *later_prompt; /* its reflect question, or NULL */
    char text[200];           /* a question both can answer; never a score or a comparison */
} CoupleSummary;

/* Deals a round as deck_round_start_for(..., couples = true) does: only partner, family and
 * friend cards, in the same order and response orders as a solo round of those cards and starts at COUPLE_PICK_A of the first card. Names are copied (an empty
 * or NULL name becomes "Partner A" / "Partner B"). Returns NULL when level has no cards or
 * on out-of-memory. The level must outlive the round. */
CoupleRound *couple_new(const DeckLevel *level, int n_cards, uint64_t seed,
                        const char *const *seen_ids, int n_seen, const char *name_a,
                        const char *name_b);
void couple_free(CoupleRound *r);

CoupleState couple_state(const CoupleRound *r);
/* "pick-a", "cover", "pick-b", "reveal", "talk", "end" (for logs and scripts). */
const char *couple_state_name(CoupleState s);
const char *couple_name(const CoupleRound *r, int partner);
/* Partner who should pick now: COUPLE_A in PICK_A, COUPLE_B in PICK_B, otherwise -1. */
int couple_picker(const CoupleRound *r);

int couple_count(const CoupleRound *r);
/* 0-based index of the current card; couple_count() at END. */
int couple_position(const CoupleRound *r);
/* The current card and the response in slot 0..3 (both partners see the same order);
 * NULL at END or for a bad slot. */
const DeckCard *couple_card(const CoupleRound *r);
const DeckResponse *couple_response(const CoupleRound *r, int slot);

/* Records the current picker's choice: PICK_A -> COVER, PICK_B -> REVEAL. Returns false and
 * changes nothing in any other state or for a slot outside 0..3. */
bool couple_choose(CoupleRound *r, int slot);
/* B has the device: COVER -> PICK_B. False in any other state. */
bool couple_handed_over(CoupleRound *r);

/* Slot 0..3 the partner chose on the current card, or -1 unless the state is REVEAL or TALK
 * (before both have chosen, at END, or for a bad partner). */
int couple_pick_of(const CoupleRound *r, int partner);
/* Fills *out for the current card and returns true in REVEAL and TALK; otherwise zeroes *out
 * (slots -1) and returns false. */
bool couple_reveal(const CoupleRound *r, CoupleReveal *out);
/* The same for dealt card i, once both partners have chosen on it (for an end-of-round review). */
bool couple_reveal_at(const CoupleRound *r, int i, CoupleReveal *out);

/* REVEAL -> TALK, starting the talk timer at `now` (arguments as couple_talk_start). */
bool couple_talk_begin(CoupleRound *r, int first_speaker, uint32_t speak_ms, uint32_t sumup_ms,
                       uint64_t now);
/* The talk timer in TALK (drive it with couple_talk_*), NULL in any other state. */
CoupleTalk *couple_talk(CoupleRound *r);
/* TALK -> REVEAL (stop talking, back to the cards). */
bool couple_talk_stop(CoupleRound *r);

/* From REVEAL or TALK to the next card's PICK_A, or to END after the last card. False in any
 * other state. */
bool couple_next(CoupleRound *r);
/* Ends the round now from any state; a card not yet chosen by both is left out of the
 * summary (a lone pick is never revealed). */
void couple_end(CoupleRound *r);

/* Fills *out and returns true at END; otherwise zeroes *out and returns false. */
bool couple_summary(const CoupleRound *r, CoupleSummary *out);

#endif
