/* Grounding, private to its scene files: the state of one exercise on screen, shared by the
 * scene (grounding.c: input and time), its drawing (grounding_view.c) and the note field
 * (grounding_note.c). The run (core, ground.h) decides everything that depends on time. */
#ifndef ATTUNE_GROUNDING_SCENE_H
#define ATTUNE_GROUNDING_SCENE_H

#include "app.h"
#include "attune/journal.h"

#define MARK_ANIM_MS 260u /* a mark's fill grows over this long */
#define NOTE_MAX 400       /* bytes in one note: a few sentences (journal.h keeps up to 1000) */
#define NOTE_LINES 6      /* lines the note field shows (it scrolls to the end beyond that) */

typedef enum Zone { ZONE_CHIPS, ZONE_STRENGTH, ZONE_OPTIONS, ZONE_BUTTONS } Zone;
typedef enum Act { ACT_BACK, ACT_NOTE, ACT_NEXT, ACT_BEGIN, ACT_LEAVE, ACT_SAVE, ACT_AGAIN, ACT_MENU } Act;

typedef struct GroundScene {
    const GroundExercise *ex;
    GroundRun run;
    bool entered;  /* on screen: the run has started */
    bool reported; /* on_finished has been called */
    uint64_t mark_at[GROUND_COUNT_MAX]; /* a->now when each mark of this step filled */
    FigureCues cues;
    /* The feelings step: where the keyboard is, and what was drawn (for the mouse). */
    Zone zone;
    int chip_focus, chip_hover, nchips;
    int strength_focus, strength_hover;
    SDL_Rect chip_rect[GROUND_FEELINGS_MAX], strength_rect[GROUND_STRENGTH_MAX];
    /* The choose step: the option with keyboard focus, under the mouse, and where each was
     * drawn. */
    int opt_focus, opt_hover, nopts;
    SDL_Rect opt_rect[GROUND_OPTIONS_MAX];
    /* The button row of the current screen, and what each button does. */
    UiButtons buttons;
    Act acts[8];
    /* What the user typed, per step; kept only if they save it at the finish. */
    char *notes[GROUND_MAX_STEPS];
    bool saved;
    char save_msg[400];
    /* Paused with Space (apart from the pause while help or a note lies over it). */
    bool user_paused;
    /* Where the marks of a count step were drawn: a click there counts. */
    SDL_Rect counter;
} GroundScene;

static inline int grounding_nnotes(const GroundScene *g)
{
    int n = 0;
    for (int i = 0; i < GROUND_MAX_STEPS; i++) n += g->notes[i] != NULL;
    return n;
}

/* Feelings named on this run (on the steps it went through), each kept with the notes. */
static inline int grounding_nfeelings(const GroundScene *g)
{
    int n = 0;
    for (int i = 0; i < g->ex->nsteps && i < GROUND_MAX_STEPS; i++)
        n += g->ex->steps[i].kind == GROUND_STEP_FEELINGS && ground_run_feeling(&g->run, i) >= 0;
    return n;
}

/* ---- grounding_view.c ---- */
/* Draws the caution, a step or the finish (and notes the buttons drawn, for the mouse). */
void grounding_view_render(App *a, GroundScene *g);
/* A gentle highlighted panel for a caution: a warm tint of the surface, never an alarm.
 * Returns its height; with draw false it only measures. */
int grounding_view_caution(App *a, const char *text, int x, int y, int w, TextRole role, bool draw);

/* ---- grounding_note.c ---- */
/* The note field for the current step, over it (if the step offers a note). */
void grounding_note_push(App *a, GroundScene *g);

#endif
