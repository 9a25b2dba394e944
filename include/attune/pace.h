/* Find your pace: a guided sweep of slow, even breathing from 6.5 down to 4.5 breaths a
 * minute, about a minute at each rate, each rated for comfort; the most comfortable rate
 * becomes "Your pace" (Settings.your_pace), a breathing pattern like any other.
 *
 * About 5.5 breaths a minute is an average, not everyone's rate; without a heart-rate sensor
 * the kindest guide is comfort. The rules here are pure so they can be tested:
 *  - the sweep: PACE_STEPS rates, faster to slower (pace_rate), each as whole even breaths
 *    lasting at least PACE_STEP_MS (pace_step_breaths);
 *  - the choice (pace_best): the highest comfort wins; among equally comfortable rates, the
 *    one nearest PACE_AVERAGE, and of two equally near, the faster (less effort); nothing is
 *    chosen unless some rate felt at least "all right". */
#ifndef ATTUNE_PACE_H
#define ATTUNE_PACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "attune/breath.h"

#define PACE_STEPS 5
#define PACE_STEP_MS 60000u   /* about a minute at each rate: whole breaths, at least this */
#define PACE_AVERAGE 5.5      /* breaths a minute: the tie-break's centre */
#define PACE_ID "your-pace"
#define PACE_SWEEP_ID "find-your-pace"

/* Comfort of one rate, as the user rates it with one key. */
typedef enum PaceComfort {
    PACE_UNRATED = 0,
    PACE_UNCOMFORTABLE = 1, /* "1 Not comfortable" */
    PACE_ALL_RIGHT = 2,     /* "2 All right" */
    PACE_COMFORTABLE = 3,   /* "3 Comfortable" */
} PaceComfort;

/* The rate of sweep step i (0..PACE_STEPS-1), breaths a minute: 6.5, 6.0, 5.5, 5.0, 4.5. */
double pace_rate(int step);

/* Breaths at sweep step i: whole breaths of at least PACE_STEP_MS (7, 6, 6, 5, 5). */
int pace_step_breaths(int step);

/* An even breath at `per_minute` breaths a minute (0 < per_minute <= 30): in and out each half
 * a breath, to the millisecond. id, title and when are stored as given (not copied). Returns
 * false (and leaves *out zeroed) for a rate outside that range. */
bool pace_pattern(double per_minute, const char *id, const char *title, const char *when,
                  BreathPattern *out);

/* The rate to keep from one rating per step (PaceComfort; ratings[i] for pace_rate(i)), by the
 * rule above; 0 when no step was rated at least PACE_ALL_RIGHT. */
double pace_best(const int ratings[PACE_STEPS]);

/* "Your pace" from Settings.your_pace (breaths a minute, 0 = not found yet): the pattern with
 * id PACE_ID and a "when" line written into when_buf. False when your_pace is 0 or out of
 * range (SETTINGS_PACE_MIN..SETTINGS_PACE_MAX). */
bool pace_your_pattern(double your_pace, BreathPattern *out, char *when_buf, size_t n);

/* ---- the sweep, step by step ---- */

typedef struct PaceSweep {
    int step;                 /* 0..PACE_STEPS-1, PACE_STEPS once every step is rated */
    bool rating;              /* this step's breaths are done: waiting for its rating */
    int ratings[PACE_STEPS];  /* PaceComfort per step */
    BreathPattern pattern;    /* this step's even breath */
} PaceSweep;

/* Starts at the first (fastest) rate. */
void pace_sweep_start(PaceSweep *s);

/* This step's breathing: pace_step_breaths(step) breaths of s->pattern after ready_ms. */
BreathSession pace_sweep_session(const PaceSweep *s, uint32_t ready_ms);

/* This step's breaths are done: it waits for its rating. */
void pace_sweep_breathed(PaceSweep *s);

/* Rates this step (PACE_UNCOMFORTABLE..PACE_COMFORTABLE) and moves on to the next, slower
 * one. Ignored (false) when not waiting for a rating or comfort is out of range. */
bool pace_sweep_rate(PaceSweep *s, int comfort);

/* True once every step is rated. */
bool pace_sweep_done(const PaceSweep *s);

/* pace_best of the ratings: 0 until done, or when nothing felt comfortable enough. */
double pace_sweep_result(const PaceSweep *s);

#endif
