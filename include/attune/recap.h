/* The weekly recap on Progress: what was practised in the week (Monday to Sunday, by practice
 * day: a practice before the day-start hour belongs to the day before), how the check-ins
 * moved, in words and never as a score, and one thing the person wrote that week (the
 * caller offers what it has read: notes or journal entries, newest first).
 * Pure: computed from the log, the notes and a day. */
#ifndef ATTUNE_RECAP_H
#define ATTUNE_RECAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attune/store.h"

#define RECAP_NOTE_MAX 1000 /* bytes of the note shown, cut on a character boundary */

typedef struct WeekRecap {
    int start;                           /* the Monday of the week (day.h) */
    int sessions[PRACTICE_KIND_COUNT];   /* practices that count (streak_counts) */
    int64_t minutes[PRACTICE_KIND_COUNT];/* all time spent, rounded to the nearest minute */
    int total_sessions;
    int64_t total_minutes;
    int days;                            /* practised days */
    int rated;                           /* practices with both a before and an after answer */
    double avg_before, avg_after;        /* over those; 0 when rated is 0 */
    char note[RECAP_NOTE_MAX + 1];       /* a note written in the week (recap_note), "" if none */
    char note_date[11];
} WeekRecap;

/* The recap of the week holding practice day `day` (a day number, e.g. clock_today), by the
 * practice day of each record with day_start_hour. log may be NULL. No note yet. */
void recap_week(const PracticeLog *log, int day, int day_start_hour, WeekRecap *out);

/* Offers something the person wrote (a grounding note, a reflection) on local date `date`:
 * the recap keeps it when it was written in the week and holds none yet, so offer the newest
 * first. Empty texts are passed over. Returns whether it was kept. */
bool recap_note(WeekRecap *r, const char *date, const char *text);

/* What was practised, in words: "You practised on 3 days: 4 breathing breaks, 2 grounding
 * exercises and 1 round of cards, 35 minutes in all." or, for an empty week, "Nothing yet this
 * week. A minute is enough to begin." Returns buf. */
const char *recap_practice_words(const WeekRecap *r, char *buf, size_t n);

/* How the check-ins moved, gently and without numbers ("After practice you felt a little
 * calmer than before, on average."), or "" when no practice of the week had both answers.
 * Returns buf. */
const char *recap_checkin_words(const WeekRecap *r, char *buf, size_t n);

#endif
