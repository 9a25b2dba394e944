/* The rings of the breathing figure on the CPU, pixel by pixel: private to rings.c, which
 * keeps what was drawn and asks this for only what changed.
 *
 * A ring's coverage is a function of the distance from the centre, with linear feathered
 * edges, composited over the background's colour for the row (the gradient is vertical).
 * Along a row, the runs between feathers have one colour and are filled; only feathers, and
 * the progress arc (which also depends on the angle), are worked out per pixel, from a table
 * sampled finely along the radius. */
#ifndef ATTUNE_RINGS_RASTER_H
#define ATTUNE_RINGS_RASTER_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#define MAX_SHAPES 4
#define LUT_STEPS 32  /* table samples per pixel of radius */
#define MAX_SPANS (2 * MAX_SHAPES + 2)
#define MAX_BOUNDS (4 * MAX_SPANS + 2)
#define MAX_STRIPS 256 /* rectangles copied after an update, from top to bottom */

/* A ring's coverage against the distance d from the centre. */
typedef struct Ring {
    float in0, in1;         /* rises from 0 at in0 to 1 at in1 (in1 == 0: filled to the centre) */
    float full, out0, out1; /* 1 out to full, then (out1 - d) / (out1 - out0), clamped */
    float r, g, b, alpha;
} Ring;

typedef struct FigKey {
    int x, y, w, h; /* the box drawn, in window pixels */
    float cx, cy;   /* the centre of the rings */
    float shift;    /* how far that is up and left of the centre given */
    uint32_t bg_gen;
    int nrings;
    Ring ring[MAX_SHAPES];
    int partial; /* the last ring is an arc that ends at `to` */
    float to;
} FigKey;

/* The rings at one radius, in 1/256ths: the whole rings over a background give
 * (bg * t + c) / 256 for each channel, then the partial arc (where the angle is inside it)
 * mixes in by k / 256. c is kept as red and blue in one word (each in 16 bits) and green
 * shifted to its place, so shade() works on two channels at once. */
typedef struct Sample {
    uint32_t t, rb, g;
    int32_t k;
} Sample;

/* The table of samples along the radius (only where needed). */
typedef struct RingTable {
    Sample *lut; /* the rings every 1/LUT_STEPS pixel of radius */
    int nlut;
} RingTable;

typedef struct Span {
    float lo, hi;
} Span;

/* What to draw: everything, or only the radii in spans (at every angle) and, with wedge, the
 * band of the partial arc within the rectangle w (box pixels). */
typedef struct Update {
    const Span *spans; /* NULL: everything */
    int nspans;
    bool wedge;
    SDL_Rect w;
} Update;

/* The pixels drawn in a band of rows, left and right of the centre (empty: x0 >= x1). */
typedef struct Strip {
    int l0, l1, r0, r1;
} Strip;

static inline float ring_lo(const Ring *g) { return g->in1 > 0 ? g->in0 : 0; }

static inline int ifloor(float x)
{
    int i = (int)x;
    return i - (x < (float)i);
}

static inline int iceil(float x)
{
    int i = (int)x;
    return i + (x > (float)i);
}

/* Draws the rings of k into the locked pixels (box-sized): all of them, or only what u asks
 * for, noting in strips (of strip_h rows) where it drew. */
void rings_raster(RingTable *f, const FigKey *k, const Uint32 *bg_rows, Uint32 *pixels,
                  int pitch, const Update *u, Strip *strips, int strip_h);

#endif
