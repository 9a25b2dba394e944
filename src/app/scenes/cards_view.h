/* What the solo cards (cards.c) and couple mode (together.c) share: round seeds, and the drawing of a card, its responses and style chips.
 * Every layout here is computed from the window size and measured before it is drawn, so
 * text is never clipped or overlapped: when a screen would not fit, smaller roles are used. */
#ifndef ATTUNE_CARDS_VIEW_H
#define ATTUNE_CARDS_VIEW_H

#include "app.h"
#include "attune/deck.h"
#include "attune/levels.h"

/* A new seed for every round: the real clock, or in scripted mode a fixed base, so test runs
 * repeat; a counter makes each round of one run differ. */
uint64_t cards_seed(App *a);

/* Draws (draw true) or only measures text; returns the rectangle it takes either way. */
SDL_Rect cards_put(App *a, bool draw, TextRole role, const char *s, int x, int y, Align align,
                   SDL_Color c, int wrap);

/* A style chip (the style's title in its colour on a faint tint of it) with its top-left at
 * x, y; returns its rectangle. */
SDL_Rect cards_chip(App *a, bool draw, DeckStyle s, int x, int y, TextRole role);

/* A filled circle, drawn as a ring closed at its centre: on the software renderer
 * draw_disc leaves hairline seams between its fill and its feathered edge. */
void cards_dot(App *a, float cx, float cy, float r, SDL_Color c);

/* A small muted line at the top centre ("Notice · Card 2 of 5"); returns the y below it. */
int cards_top_line(App *a, const char *s);

/* ---- choosing a response ---- */

typedef struct CardChoice {
    int focus;  /* keyboard focus 0..3, -1 until Up/Down is used */
    int hover;  /* mouse hover, -1 none */
    SDL_Rect rect[DECK_RESPONSES]; /* last drawn panels, for the mouse */
    bool drawn;
} CardChoice;

/* No focus and no hover: nothing on screen hints at an earlier pick. */
void card_choice_reset(CardChoice *c);
/* 1-4, Up/Down + Enter, hover and click. Returns the slot chosen, or -1. */
int card_choice_event(App *a, CardChoice *c, const SDL_Event *e);
/* The situation and the four responses in slot order (resp[slot]), between top and bottom;
 * no style is named. */
void card_choice_render(App *a, CardChoice *c, const DeckCard *card,
                        const DeckResponse *const resp[DECK_RESPONSES], int top, int bottom);

/* Bottom y available to content above the key hints (and a button row when with_buttons). */
int cards_content_bottom(App *a, bool with_buttons);

/* "3 of 8 cards seen" (or "8 cards, none seen yet") for a level. */
void cards_progress_line(const App *a, const DeckLevel *l, char *buf, size_t n);

/* A reveal too tall for the window scrolls: while a band is set (cards_band), only what lies
 * in it is drawn: a string whole, a paragraph by the lines inside it, a panel by its part
 * inside it. cards_band_clear ends it. */
void cards_band(int top, int bottom);
void cards_band_clear(void);
bool cards_in_band(SDL_Rect r);
SDL_Rect cards_band_put(App *a, bool draw, TextRole role, const char *s, int x, int y, Align align,
                        SDL_Color c, int wrap);
void cards_band_rrect(App *a, SDL_Rect r, SDL_Color c);

/* A reveal h tall in [top, bottom) that does not fit: sc is set up (a line at a time, a cue
 * line kept at the bottom) and the band set; returns the y to draw it at, cards_scroll_room
 * narrower on the right for the scrollbar. cards_scroll_end then ends the band and draws the
 * scrollbar and "more below". */
int cards_scroll_room(App *a);
int cards_scroll_begin(App *a, UiScroll *sc, int h, int top, int bottom);
void cards_scroll_end(App *a, const UiScroll *sc, int x, int w, int top, int bottom);

/* ---- the solo reveal (cards_reveal.c) ---- */

/* How the solo reveal is set: cards.c tries these in order until one fits. */
typedef struct CardsRevealStyle {
    TextRole situation; /* the scenario, kept in view above the responses */
    TextRole chosen;    /* the response chosen: first, and larger than the others */
    TextRole text;      /* the other responses */
    TextRole why;       /* every explanation: body size while the window allows */
    TextRole note;      /* "try saying" and the question */
    int gap, pad;
    bool wide; /* the full window width, for long content in small windows */
} CardsRevealStyle;

/* Measures (draw false) or draws the reveal of the card r shows at x, y0 in width w;
 * last_choice is the style picked the last time the card came round, or -1. Returns its
 * height. */
int cards_reveal_layout(App *a, const DeckRound *r, int last_choice, CardsRevealStyle st, int x,
                        int w, int y0, bool draw);

#endif
