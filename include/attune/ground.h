/* Grounding exercises: the content format and the step machine that walks through one.
 *
 * An exercise is a list of steps shown one prompt at a time. The run (GroundRun) is pure: every
 * call that depends on time takes the clock reading `now` in ms, and all timing is derived from
 * stored instants (an AtTimer), never from summed frame deltas. The app draws what the queries
 * report and turns input into ground_run_* calls: Space/Enter/click -> ground_run_next,
 * Back -> ground_run_back, each frame (or wake-up) -> ground_run_update. */
#ifndef ATTUNE_GROUND_H
#define ATTUNE_GROUND_H

#include <stdbool.h>
#include <stdint.h>

#include "attune/breath.h"
#include "attune/clock.h"
#include "attune/diag.h"
#include "attune/jsonv.h"

/* Limits of the content format (see levels/README.md). */
#define GROUND_MAX_STEPS 40
#define GROUND_MINUTES_MAX 60
#define GROUND_COUNT_MAX 10
#define GROUND_SECONDS_MIN 3
#define GROUND_SECONDS_MAX 600
#define GROUND_BREATHS_MAX 20
#define GROUND_FEELINGS_MIN 4
#define GROUND_FEELINGS_MAX 16
#define GROUND_FEELING_LEN 20
/* Text limits, in characters: what fits its place on screen (tests/app/test_app_content.c). */
#define GROUND_TITLE_MAX 40
#define GROUND_WHEN_MAX 160
#define GROUND_CAUTION_MAX 400      /* the exercise's, before the first step */
#define GROUND_PROMPT_MAX 140
#define GROUND_DETAIL_MAX 300
#define GROUND_STEP_CAUTION_MAX 100
#define GROUND_STRENGTH_MAX 5
#define GROUND_OPTIONS_MIN 2
#define GROUND_OPTIONS_MAX 6
#define GROUND_OPTION_LABEL 60

/* A full row of marks stays on screen this long before the run moves on by itself, so the
 * user sees the last mark fill. */
#define GROUND_LINGER_MS 800u
/* A breathing interlude opens with the same get-ready pause as a breathing session. */
#define GROUND_BREATHE_READY_MS BREATH_READY_MS

typedef enum GroundStepKind {
    GROUND_STEP_PLAIN,    /* a prompt; Next moves on */
    GROUND_STEP_COUNT,    /* notice `count` things: each Next fills one mark */
    GROUND_STEP_TIMED,    /* a progress ring for `ms`; moves on by itself, or early on Next */
    GROUND_STEP_BREATHE,  /* `breaths` breaths of the pattern `pattern`, after a get-ready */
    GROUND_STEP_FEELINGS, /* pick one of `feelings`, then optionally a strength 1..5 */
    GROUND_STEP_CHOOSE,   /* pick one of `options`; the steps that follow it `only` then show */
    GROUND_STEP_KIND_COUNT
} GroundStepKind;

/* One option of a choose step: "options": [{"id": "water", "label": "Cool water"}]. */
typedef struct GroundOption {
    const char *id;    /* unique among the options of the whole exercise */
    const char *label; /* what the user picks, at most GROUND_OPTION_LABEL characters */
} GroundOption;

typedef struct GroundStep {
    GroundStepKind kind;
    const char *prompt;          /* the one thing on screen */
    const char *detail;          /* smaller helper text, or NULL */
    const char *caution;         /* shown with the step, or NULL */
    bool note;                   /* the user may type what they noticed (the app keeps the text) */
    int count;                   /* COUNT: 1..GROUND_COUNT_MAX marks */
    uint32_t ms;                 /* TIMED: length in ms (3 s .. 600 s) */
    const char *pattern;         /* BREATHE: a breathing pattern id, checked after loading by
                                  * ground_exercise_check_patterns */
    int breaths;                 /* BREATHE: 1..GROUND_BREATHS_MAX */
    const char *const *feelings; /* FEELINGS: nfeelings distinct words */
    int nfeelings;
    const GroundOption *options; /* CHOOSE: GROUND_OPTIONS_MIN..MAX options */
    int noptions;
    /* A step of any kind but CHOOSE may be shown only on one option's path: `only` is that
     * option's id (NULL: always shown), options[only_option] of the choose step only_step,
     * which comes earlier in the exercise. */
    const char *only;
    int only_step, only_option;
} GroundStep;

typedef struct GroundExercise {
    const char *id, *title;
    const char *when;    /* one line: when to use it */
    const char *caution; /* shown before the first step and acknowledged, or NULL */
    const char *file;    /* where it was loaded from */
    const char *path;    /* its JSON path in that file ("exercises[2]"), for later messages */
    int minutes;         /* approximate length, for the list */
    GroundStep *steps;
    int nsteps;          /* 1..GROUND_MAX_STEPS */
} GroundExercise;

/* Validates one exercise object at `path` (e.g. "exercises[2]") and fills *out. Strings, the
 * steps array and the feelings lists live in v->pool. Every problem is one message
 * "FILE: exercises[2].steps[4].count: ..."; returns false if the exercise is unusable, and the
 * caller skips it. Breathing pattern ids are stored, not checked (see below). */
bool ground_exercise_from_json(JsonV *v, const cJSON *obj, const char *path, GroundExercise *out);

/* How many steps a walk through ex shows: *fewest and *most over the options of its choose
 * steps (equal for an exercise without choices). Either pointer may be NULL. */
void ground_exercise_steps(const GroundExercise *ex, int *fewest, int *most);

/* Checks that every "breathe" step names one of patterns[0..npatterns-1], a paced one, and
 * asks for no more breaths than its max_breaths; call it once all content is loaded. Adds one
 * message per problem
 * ("FILE: exercises[2].steps[4].breathe.pattern: no breathing pattern \"x\" is loaded") and
 * returns the number of problems. A run still works without the pattern (the step then
 * behaves as a plain prompt), so skipping the exercise is the caller's choice. */
int ground_exercise_check_patterns(const GroundExercise *ex, const BreathPattern *patterns,
                                   int npatterns, AtDiag *diag);

/* What an input or an update did, so the app can play a cue or cross-fade. */
typedef enum GroundEvent {
    GROUND_NONE,     /* nothing changed */
    GROUND_STARTED,  /* the exercise caution was acknowledged; the first step begins */
    GROUND_MARKED,   /* a mark filled; still on the same step */
    GROUND_FORWARD,  /* moved on to the next step */
    GROUND_BACK,     /* moved back to the previous step */
    GROUND_FINISHED  /* the last step is done; the run is over */
} GroundEvent;

/* One walk through an exercise, in caller-provided storage. Read it through the functions
 * below; the fields are the machine's own state. */
typedef struct GroundRun {
    const GroundExercise *ex;
    const BreathPattern *patterns; /* looked up by id when an interlude begins */
    int npatterns;
    const BreathPattern *breath;   /* the current interlude's pattern, or NULL */
    AtTimer timer;                 /* run time: starts when the first step does, stops on pause */
    bool awaiting_ack, finished;
    int step, furthest, marks;
    uint64_t step_start;  /* run time when the current step began */
    uint64_t full_at;     /* run time when a count step's last mark filled, or UINT64_MAX */
    uint64_t end;         /* run time at the finish */
    signed char feeling[GROUND_MAX_STEPS];  /* chosen feeling per step, -1 for none */
    signed char strength[GROUND_MAX_STEPS]; /* chosen strength per step, 0 for none */
    signed char choice[GROUND_MAX_STEPS];   /* chosen option per choose step, -1 for none */
} GroundRun;

/* Starts a run of ex at `now`. patterns[0..npatterns-1] (e.g. Content.patterns; may be NULL, 0)
 * must outlive the run; so must ex. With an exercise caution the run waits for ground_run_next
 * to acknowledge it, and run time starts then; otherwise the first step begins at `now`. An
 * exercise without 1..GROUND_MAX_STEPS steps (never one that loaded) gives a finished run. */
void ground_run_start(GroundRun *r, const GroundExercise *ex, const BreathPattern *patterns,
                      int npatterns, uint64_t now);

/* Space/Enter/click. Acknowledges the caution (STARTED); on a count step fills the next mark
 * (MARKED), or, once all are full, moves on at once; on a plain, timed or breathing step moves
 * on (a timed step or interlude may be left early); on a feelings step moves on only once a
 * feeling is chosen, on a choose step only once an option is. Moving on skips the steps that
 * belong to options not chosen (`only`). Moving past the last step returns FINISHED. Returns
 * NONE, changing nothing, when there is nothing to do, while paused, and after the finish. */
GroundEvent ground_run_next(GroundRun *r, uint64_t now);

/* Back: returns to the previous step shown (skipping those of options not chosen) with its
 * state reset (no marks, a fresh timer, no feeling chosen) and returns BACK. A choose step
 * keeps its option, so Next goes the same way again; choosing another changes the path. On the
 * first step, while paused, awaiting the caution, or after
 * the finish it does nothing and returns NONE (the app may offer to leave instead). */
GroundEvent ground_run_back(GroundRun *r, uint64_t now);

/* On a feelings step, chooses feelings[index] (choosing again replaces it). Returns false, and
 * changes nothing, on another kind of step, an index out of range, or while paused. */
bool ground_run_choose_feeling(GroundRun *r, int index);

/* On a feelings step, sets how strong the feeling is, 1..GROUND_STRENGTH_MAX. Returns false,
 * changing nothing, otherwise. */
bool ground_run_set_strength(GroundRun *r, int strength);

/* On a choose step, chooses options[index] (choosing again replaces it; the steps shown from
 * here on follow it). Returns false, and changes nothing, on another kind of step, an index out
 * of range, or while paused. The app usually calls ground_run_next straight after. */
bool ground_run_choose(GroundRun *r, int index);

/* Moves on by itself when a timed step's time is up, an interlude's breaths are done, or a
 * full row of marks has lingered GROUND_LINGER_MS. The next step begins at the instant the last
 * one was due, not when update happened to be called, so late frames never stretch an exercise;
 * after a long gap it catches up through every step that ran out. Returns FORWARD, FINISHED or
 * NONE. Call it every frame while ground_run_animating, and before reading the queries. */
GroundEvent ground_run_update(GroundRun *r, uint64_t now);

/* Pause and resume (e.g. for a help overlay): run time stops, so timed steps, interludes and the
 * linger freeze exactly where they were. Input is ignored while paused. Pausing twice, or
 * resuming when not paused, changes nothing. */
void ground_run_pause(GroundRun *r, uint64_t now);
void ground_run_resume(GroundRun *r, uint64_t now);
bool ground_run_paused(const GroundRun *r);

/* --- Queries. All are pure reads. --- */

/* True until the exercise caution is acknowledged (always false without a caution). */
bool ground_run_awaiting_ack(const GroundRun *r);
bool ground_run_finished(const GroundRun *r);

/* The current step: its index in ex->steps (0-based; after the finish it stays on the last
 * step). Use it for ground_run_feeling, ground_run_choice and the app's per-step state; show
 * the user ground_run_step_number instead. */
int ground_run_step_index(const GroundRun *r);

/* What the user sees, "Step number of total", counting only the steps on the chosen path.
 * ground_run_step_number(r, step) is the 1-based place of ex->steps[step] among the steps
 * shown before and with it (0 for an index out of range). The total counts the steps shown
 * with the options chosen so far; a choice not yet made counts its longest option (so making
 * it never adds steps). */
int ground_run_step_number(const GroundRun *r, int step);
int ground_run_step_total(const GroundRun *r);

/* True if the current step is the last to be shown: Next finishes (a choice not yet made
 * counts as leading to its longest option). */
bool ground_run_last_step(const GroundRun *r);

/* Whether ex->steps[step] is on the chosen path: it has no `only`, or its option is chosen. */
bool ground_run_step_shown(const GroundRun *r, int step);

/* The current step, or NULL while awaiting the caution and after the finish. */
const GroundStep *ground_run_step(const GroundRun *r);

/* How the current step behaves: its kind, except that an interlude whose pattern is not loaded
 * behaves as GROUND_STEP_PLAIN. GROUND_STEP_PLAIN when there is no current step. */
GroundStepKind ground_run_kind(const GroundRun *r);

/* True if ground_run_next would do something now (e.g. false on a feelings step until a feeling
 * is chosen): the app can dim its Next button. */
bool ground_run_can_next(const GroundRun *r);

/* True while something on screen moves with time (a timed step, an interlude, a full row of
 * marks about to move on) and the run is neither paused nor finished: the app keeps drawing
 * frames; otherwise it may sleep until the next input. */
bool ground_run_animating(const GroundRun *r);

/* Marks filled on a count step (0..count); 0 on other steps. */
int ground_run_marks(const GroundRun *r);

/* Milliseconds spent on the current step (0 when there is none). */
uint64_t ground_run_step_ms(const GroundRun *r, uint64_t now);

/* Progress through the current step, 0..1: time on a timed step, breathing time (0 during
 * the get-ready) on an interlude, marks/count on a count step; 0 otherwise. */
double ground_run_progress(const GroundRun *r, uint64_t now);

/* Whole seconds left, rounded up, on a timed step or an interlude (get-ready included); 0
 * otherwise. */
uint32_t ground_run_seconds_left(const GroundRun *r, uint64_t now);

/* The interlude's pattern, or NULL when the current step is not a (loaded) interlude. */
const BreathPattern *ground_run_pattern(const GroundRun *r);

/* Milliseconds since the interlude's first inhale began (0 during the get-ready, at most
 * breaths * cycle): pass it to breath_at(ground_run_pattern(r), ...). 0 on other steps. */
uint64_t ground_run_interlude_ms(const GroundRun *r, uint64_t now);

/* The interlude as a breathing session (get-ready countdown, breaths done and left, phase),
 * the same shape the Breathe screen draws. Returns false, leaving *out zeroed, when the
 * current step is not a (loaded) interlude. */
bool ground_run_breath(const GroundRun *r, uint64_t now, BreathSessionState *out);

/* The feeling chosen on step `step` (an index into its feelings, or -1) and its strength
 * (1..5, or 0). Kept after the run moves on, so the app can record what was named. */
int ground_run_feeling(const GroundRun *r, int step);
int ground_run_strength(const GroundRun *r, int step);

/* The option chosen on choose step `step` (an index into its options), or -1. */
int ground_run_choice(const GroundRun *r, int step);

/* Run time in ms: 0 while awaiting the caution, paused time excluded, frozen at the finish. */
uint64_t ground_run_elapsed(const GroundRun *r, uint64_t now);

/* Steps completed: the steps shown before the furthest the user got (going back does not
 * undo it); ground_run_step_total once finished. For the practice record when the user leaves
 * early. */
int ground_run_completed(const GroundRun *r);

#endif
