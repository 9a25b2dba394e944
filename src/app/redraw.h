/* Redrawing only what changed, for the engine's drawing primitives (draw.c, text.c, rings.c) and
 * the loop; scenes never see it. As rxi/lite's rencache: a frame's drawing is recorded as
 * commands (a function, its parameters and the rectangle it may touch) instead of being drawn
 * at once. At the end of the frame the commands are compared with the last frame's, one by one;
 * where the window keeps its pixels from one present to the next (SDL's software renderer on
 * X11 or the dummy driver), only the rectangles where something changed are drawn again, each
 * with every command that touches it, from the last one that covers it whole. Elsewhere, and
 * after anything happened but time passing, the frame is drawn whole. */
#ifndef ATTUNE_REDRAW_H
#define ATTUNE_REDRAW_H

#include "app.h"

/* Draws a command from its recorded parameters (within the renderer's clip rectangle). */
typedef void (*RedrawFn)(App *a, const void *params);

/* Once the renderer exists; keeps_pixels: presenting keeps the last frame's pixels, so a frame
 * may be drawn in part. */
void redraw_init(App *a, bool keeps_pixels);
void redraw_quit(App *a);

/* The next frame is drawn whole (an event came, the background or the text size changed). */
void redraw_invalidate(App *a);

/* Starts recording a frame. */
void redraw_begin(App *a);

/* Records fn(params) (size bytes, copied; padding must be zeroed, as the bytes are compared)
 * touching at most bounds; opaque: it paints every pixel of bounds. */
void redraw_push(App *a, RedrawFn fn, const void *params, size_t size, SDL_Rect bounds, bool opaque);

/* For the command just pushed, when it draws something that keeps its own pixels (the breathing
 * figure's texture) and was at the same place in the last frame: only these rectangles of it
 * changed since. Without this call, a changed command counts as changed all over. */
void redraw_changed_within(App *a, const SDL_Rect *rects, int n);

/* Compares the frame with the last one and draws it, whole or in part. */
void redraw_end(App *a);

/* Frames drawn so far, and of them how many in part. */
void redraw_counts(const App *a, uint64_t *frames, uint64_t *partial);

#endif
