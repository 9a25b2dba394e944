/* The check-in rules: "How stirred up do you feel right now?", 0 (calm) to 10, asked before and
 * after a practice. When to ask, and when an answer just given stands for the next question.
 * Times are the app clock's milliseconds. */
#ifndef ATTUNE_RATING_H
#define ATTUNE_RATING_H

#include <stdbool.h>
#include <stdint.h>

#define RATING_MAX 10
#define RATING_NONE (-1)              /* skipped, or not asked (PRACTICE_NO_RATING) */
#define RATING_AFTER_MIN_MS 20000u    /* shorter, unfinished practices skip the after question */
#define RATING_REUSE_MS 120000u       /* an after rating this recent is the next before rating */

/* The last "after" answer and when it was given: "Breathe again" right after answering does
 * not ask the same question twice in a row. Start with {RATING_NONE, 0}. */
typedef struct RatingMemory {
    int last_after;
    uint64_t at; /* clock reading when given; 0: never */
} RatingMemory;

/* r if it is a rating (0..RATING_MAX), else RATING_NONE. */
int rating_valid(int r);

/* Remembers an after answer given at now (a skip forgets the last one). */
void rating_remember_after(RatingMemory *m, int rating, uint64_t now);

/* The before rating of a practice starting at now: the last after answer if it was given less
 * than RATING_REUSE_MS ago, else RATING_NONE. */
int rating_reused_before(const RatingMemory *m, uint64_t now);

/* Whether to ask before a practice: check-ins on, the practice personal (a couple shares the
 * screen: no personal question), and no recent answer reused. */
bool rating_ask_before(bool checkins, bool shared, int reused);

/* The id of the breathing pattern that is the quick calm: a break for right now. */
#define RATING_QUICK_CALM_ID "quick-calm"

/* Whether a practice of this kind and content asks its question before: a quick calm starts
 * at once and asks only afterwards, unless quick_before (the quick_calm_checkin setting) asks
 * before it too; everything else asks before (then rating_ask_before decides). */
bool rating_before_wanted(bool breathing, const char *content_id, bool quick_before);

/* Whether to ask after a practice: check-ins on, personal, and it was completed or lasted at
 * least RATING_AFTER_MIN_MS (leaving in the first seconds asks nothing). */
bool rating_ask_after(bool checkins, bool shared, bool completed, uint64_t duration_ms);

#endif
