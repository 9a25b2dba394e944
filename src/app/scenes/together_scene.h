/* Cards together, private to its scene files: a round on screen, shared by the scene
 * (together.c: input and time) and its drawing (together_view.c). */
#ifndef ATTUNE_TOGETHER_SCENE_H
#define ATTUNE_TOGETHER_SCENE_H

#include "attune/couple.h"
#include "cards_view.h"

typedef struct Couple {
    const DeckLevel *level;
    CoupleRound *r;
    CardChoice choice;
    UiButtons reveal_btn; /* Talk it through / Next card / Read: ... (a learning screen) */
    UiScroll reveal_scroll; /* the reveal, in pixels, when the window is too small for it */
    UiButtons talk_btn;   /* when the talk is done: Next card / Back to the card */
    UiButtons flood_btn;  /* while talking: We're flooded: take a break */
    UiButtons end_btn;    /* Another round / Menu */
    UiButtons cover_btn;  /* Continue, on the hand-over (a click anywhere does too) */
    CoupleTalkView talk;  /* as of the last update */
    bool entered, recorded; /* on screen (clock running); handed to recording_end */
    AtTimer timer;
    SDL_Rect answer;      /* "Write your answer" at the end (w 0: none) */
    bool answered;        /* the end's question was answered in the journal */
} Couple;


static inline const char *together_name(const Couple *c, int p) { return couple_name(c->r, p); }

/* The learning screen that goes with the card on the reveal, or NULL (none applies, or the
 * picks are not revealed). */
static inline const LearnScreen *together_learn(const App *a, const Couple *c)
{
    CoupleReveal rv;
    if (!couple_reveal(c->r, &rv)) return NULL;
    return content_learn_for_card(&a->content, c->level, rv.card);
}

/* "We're flooded: take a break" (together_break.c): twenty minutes apart with slow breathing
 * to follow, then back to the card that was on screen. */
void together_break_push(App *a);

/* Draws the round's current screen: a pick, the cover, the reveal, the talk or the end. */
void together_view_render(App *a, Couple *c);

#endif
