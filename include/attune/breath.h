/* Paced breathing: patterns and the pure function that says where in the breath you are. */
#ifndef ATTUNE_BREATH_H
#define ATTUNE_BREATH_H

#include <stdbool.h>
#include <stdint.h>

#include "attune/jsonv.h"

typedef enum BreathKind {
    BREATH_IN,
    BREATH_HOLD,       /* hold with full lungs */
    BREATH_OUT,
    BREATH_HOLD_EMPTY, /* rest with empty lungs */
    BREATH_KIND_COUNT
} BreathKind;

#define BREATH_MAX_STEPS 8
#define BREATH_STEP_MIN_MS 500u
#define BREATH_STEP_MAX_MS 30000u
#define BREATH_CYCLE_MIN_MS 2000u
#define BREATH_MINUTES_MAX 60
#define BREATH_MAX_BREATHS 100   /* the largest "max_breaths" */
#define BREATH_CAUTION_MAX 400   /* characters of a pattern's "caution" */
/* Text limits, in characters: what fits its place on screen (tests/app/test_app_content.c). */
#define BREATH_TITLE_MAX 28
#define BREATH_WHEN_MAX 160

typedef struct BreathStep {
    BreathKind kind;
    uint32_t ms;
    float to; /* lung fill at the end of the step, 0..1 (holds keep the fill they start with) */
} BreathStep;

typedef struct BreathPattern {
    const char *id, *title, *when; /* "when" is a one-line description of when to use it */
    const char *file;              /* where it was loaded from */
    BreathStep steps[BREATH_MAX_STEPS];
    int nsteps;
    uint32_t cycle_ms;
    int minutes; /* default session length */
    bool user;   /* from the user's data folder */
    /* Optional: the most breaths a session may have (4-7-8: four at a time); 0 = no limit. */
    int max_breaths;
    /* Optional: shown before the first breath, to acknowledge before beginning; NULL = none. */
    const char *caution;
    /* No pace at all: the breath is only noticed, never led. Such a pattern has no steps
     * (nsteps and cycle_ms are 0), its sessions last whole minutes and count no breaths. */
    bool unpaced;
} BreathPattern;

typedef struct BreathPhase {
    int step;            /* index into steps */
    BreathKind kind;
    double progress;     /* 0..1 within the step */
    double fill;         /* eased lung fill 0..1 */
    uint64_t cycle;      /* 0-based breath number */
    uint32_t step_ms;    /* length of this step */
    uint32_t step_left_ms;
} BreathPhase;

/* Smooth ease-in-out: 0 -> 0, 1 -> 1, zero slope at both ends. */
double breath_ease(double t);

/* Where the breath is at elapsed_ms since the first inhale began. Exact at any elapsed time:
 * integer arithmetic on milliseconds, no accumulated state. For an unpaced pattern: a still
 * phase (step 0, kind BREATH_HOLD, fill 0.5, cycle 0) at every instant. */
BreathPhase breath_at(const BreathPattern *p, uint64_t elapsed_ms);

/* Length of a session of about `minutes`: whole breaths, never less than the target and at
 * least one breath, so a session always ends on a completed exhale; but never more than the
 * pattern's max_breaths. An unpaced pattern: exactly `minutes` (at least 1). */
uint64_t breath_session_ms(const BreathPattern *p, int minutes);

/* Breaths in a session of about `minutes` (0 for an unpaced pattern). */
uint64_t breath_session_breaths(const BreathPattern *p, int minutes);

/* True when the pattern's max_breaths makes a session of `minutes` shorter than asked (then
 * the session is max_breaths breaths): "4-7-8 for 10 minutes" is four breaths. */
bool breath_minutes_clamped(const BreathPattern *p, int minutes);

/* Ids Attune keeps for itself ("your-pace", "find-your-pace"): no content may use them. */
bool breath_id_reserved(const char *id);

/* "in", "hold", "out", "hold-empty" (the JSON names). */
const char *breath_kind_name(BreathKind k);
/* The words shown on screen: "Breathe in", "Hold", "Breathe out", "Rest". */
const char *breath_kind_words(BreathKind k);

/* The get-ready countdown before the first breath, wherever a breath is practised. */
#define BREATH_READY_MS 3000u

/* A session: a get-ready countdown, then whole breaths. */
typedef struct BreathSession {
    const BreathPattern *pattern;
    uint32_t ready_ms;  /* get-ready countdown before the first breath */
    uint64_t total_ms;  /* breathing time, from breath_session_ms */
} BreathSession;

typedef struct BreathSessionState {
    bool getting_ready;
    uint32_t ready_left_ms;
    bool done;
    uint64_t breathing_ms; /* time spent breathing so far */
    uint64_t left_ms;      /* breathing time left */
    uint64_t cycles_total;
    uint64_t cycles_done;  /* completed breaths */
    BreathPhase phase;     /* valid when breathing or done (then the final instant) */
} BreathSessionState;

BreathSession breath_session(const BreathPattern *p, int minutes, uint32_t ready_ms);
BreathSessionState breath_session_at(const BreathSession *s, uint64_t elapsed_ms);

/* Validates one pattern object at `path` and fills *out (strings in v->pool): id, title,
 * when, minutes, steps, and the optional max_breaths (1..BREATH_MAX_BREATHS), caution (at most
 * BREATH_CAUTION_MAX characters) and unpaced (true: no steps and no max_breaths allowed).
 * Returns false (with messages in v) if the entry is unusable. */
bool breath_pattern_from_json(JsonV *v, const cJSON *obj, const char *path, BreathPattern *out);

#endif
