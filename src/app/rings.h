/* The rings of the breathing figure (figure.c): drawn on the CPU into a texture on every
 * renderer and kept between frames, so a frame redraws only what moved; as geometry only when
 * that texture cannot be made. */
#ifndef ATTUNE_RINGS_H
#define ATTUNE_RINGS_H

#include "app.h"
#include "rings_raster.h"

/* One ring of the figure, as draw_arc (or draw_disc) draws it. */
typedef struct Shape {
    bool disc;
    float r, thick; /* radius (of the centre line for arcs) and thickness */
    float to;       /* arcs: the end, in turns clockwise from 12 o'clock (1: whole) */
    SDL_Color c;
} Shape;


static inline Shape rings_arc(float r, float thick, float to, SDL_Color c)
{
    return (Shape){false, r, thick, to, c};
}
static inline Shape rings_disc(float r, SDL_Color c) { return (Shape){true, r, 0, 1, c}; }

/* The box of half-width ext around a centre, in whole pixels. */
SDL_Rect rings_square(float cx, float cy, float ext);

/* Draws the n shapes around cx, cy within rings_square(cx, cy, ext): on the CPU into a kept
 * texture (the box painted whole, background included), else as geometry. */
void rings_draw(App *a, const Shape *sh, int n, float cx, float cy, float ext);

/* Frees the kept pixels (before the renderer goes). */
void rings_quit(App *a);

#endif
