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
    UiButtons reveal_btn; /* Talk it through / Next card */
    UiButtons talk_btn;   /* when the talk is done: Next card / Back to the card */
    UiButtons end_btn;    /* Another round / Menu */
    CoupleTalkView talk;  /* as of the last update */
    bool entered, recorded; /* on screen (clock running); handed to recording_end */
    AtTimer timer;
} Couple;


static inline const char *together_name(const Couple *c, int p) { return couple_name(c->r, p); }

/* Draws the round's current screen: a pick, the cover, the reveal, the talk or the end. */
void together_view_render(App *a, Couple *c);

#endif
