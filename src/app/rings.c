/* The rings of the breathing figure, drawn and kept.
 *
 * As triangles (draw_arc and draw_disc) the rings cost more than all the rest of the screen at
 * 60 frames a second wherever the triangles are rasterised on the CPU: SDL's software renderer,
 * the default, draws each through a temporary surface and a blended blit, with per-pixel
 * divisions where colours vary; OpenGL on Mesa's llvmpipe (no GPU) spent most of a core on
 * them. So on every renderer the rings are drawn on the CPU (rings_raster.c) into a streaming
 * texture that is copied without blending: the same pixels everywhere. Streaming textures keep
 * their pixels between locks on every SDL renderer (the software one hands back the texture's
 * own; OpenGL and GLES keep a copy that an unlock uploads). Triangles remain the fallback
 * when a texture cannot be made.
 *
 * From one frame to the next a breath moves each edge by about a pixel, so the texture keeps
 * what it holds and only the radii where a ring changed (and the wedge the progress arc grew
 * by) are drawn again; the frame is told that only those parts changed, so only they are
 * copied to a window that keeps its pixels (redraw.c). */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "redraw.h"
#include "rings.h"

typedef struct FigureCache {
    SDL_Texture *tex; /* the rings and the background under them, box-sized */
    int tw, th;
    FigKey key; /* what the texture holds */
    bool valid;
    uint64_t gen; /* counts updates of the texture */
    RingTable table;
} FigureCache;

static void draw_shapes(App *a, const Shape *sh, int n, float cx, float cy)
{
    for (int i = 0; i < n; i++) {
        if (sh[i].disc) draw_disc(a, cx, cy, sh[i].r, sh[i].c);
        else draw_arc(a, cx, cy, sh[i].r, sh[i].thick, 0, sh[i].to, sh[i].c);
    }
}

static Ring ring_of(const Shape *s)
{
    const float F = DRAW_FEATHER;
    Ring g = {0};
    if (s->disc) {
        /* Spans fill to r - F/2; a band fades from r - F/2 - 1.5 (under the spans) to r + F. */
        float ri = s->r - F / 2;
        g.full = ri;
        g.out0 = ri > 1.5f ? ri - 1.5f : 0;
        g.out1 = s->r + F;
    } else {
        float ro = s->r + s->thick / 2, ri = s->r - s->thick / 2;
        if (ri > F) {
            g.in0 = ri - F;
            g.in1 = ri;
        }
        g.full = g.out0 = ro;
        g.out1 = ro + F;
    }
    g.r = s->c.r;
    g.g = s->c.g;
    g.b = s->c.b;
    g.alpha = s->c.a / 255.0f;
    return g;
}

static int ring_changes(const Ring *o, const Ring *n, Span *out)
{
    if (!memcmp(o, n, sizeof *o)) return 0;
    if (o->r != n->r || o->g != n->g || o->b != n->b || o->alpha != n->alpha) {
        out[0] = (Span){fminf(ring_lo(o), ring_lo(n)), fmaxf(o->out1, n->out1)};
        return 1;
    }
    int c = 0;
    if (o->in0 != n->in0 || o->in1 != n->in1)
        out[c++] = (Span){fminf(ring_lo(o), ring_lo(n)), fmaxf(o->in1, n->in1)};
    if (o->full != n->full || o->out0 != n->out0 || o->out1 != n->out1)
        out[c++] = (Span){fminf(o->full, n->full), fmaxf(o->out1, n->out1)};
    return c;
}

/* Trims the spans where ring j changed to what shows: a later ring that is opaque, of the same
 * colour, and full over some radii in both frames hides them (the disc over the halo's inner
 * feather). */
static void trim_hidden(const FigKey *o, const FigKey *k, int j, Span *sp, int n)
{
    for (int q = j + 1; q < k->nrings - k->partial; q++) {
        const Ring *a = &o->ring[q], *b = &k->ring[q];
        if (a->alpha < 1 || b->alpha < 1 || a->r != b->r || a->g != b->g || a->b != b->b) continue;
        float lo = fmaxf(a->in1, b->in1), hi = fminf(a->full, b->full);
        for (int i = 0; i < n; i++) {
            if (sp[i].lo >= lo && sp[i].lo < hi) sp[i].lo = hi;
            if (sp[i].hi > lo && sp[i].hi <= hi) sp[i].hi = lo;
            if (sp[i].hi < sp[i].lo) sp[i].hi = sp[i].lo; /* all hidden */
        }
    }
}

/* The rectangle (box pixels) around the partial arc's band between turns t0 and t1. */
static SDL_Rect wedge_rect(const FigKey *k, float t0, float t1)
{
    const Ring *q = &k->ring[k->nrings - 1];
    float rad[2] = {ring_lo(q), q->out1};
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    float turns[6] = {t0, t1, 0.25f, 0.5f, 0.75f, 1.0f};
    for (int i = 0; i < 6; i++) {
        if (i >= 2 && (turns[i] <= t0 || turns[i] >= t1)) continue;
        float sx = sinf(2 * (float)M_PI * turns[i]), sy = -cosf(2 * (float)M_PI * turns[i]);
        for (int j = 0; j < 2; j++) {
            float x = k->cx + sx * rad[j], y = k->cy + sy * rad[j];
            x0 = fminf(x0, x), x1 = fmaxf(x1, x), y0 = fminf(y0, y), y1 = fmaxf(y1, y);
        }
    }
    /* a margin for the rounding of the cut, which is placed half a pixel off (k->shift) */
    SDL_Rect r = {ifloor(x0) - 2 - k->x, ifloor(y0) - 2 - k->y, 0, 0};
    r.w = iceil(x1) + 3 - k->x - r.x;
    r.h = iceil(y1) + 3 - k->y - r.y;
    return r;
}

/* The box of half-width ext around a centre, in whole pixels. */
SDL_Rect rings_square(float cx, float cy, float ext)
{
    int x = (int)floorf(cx - ext), y = (int)floorf(cy - ext);
    return (SDL_Rect){x, y, (int)ceilf(cx + ext) - x, (int)ceilf(cy + ext) - y};
}

/* The rectangles of the box (window pixels) drawn by one update, joined while that adds few
 * pixels that did not change: a copy costs about as much as copying MERGE_PX more pixels in one.
 * Left and right of the centre are joined separately. */
#define MERGE_PX 1024
#define MAX_CHANGED (2 * MAX_STRIPS)

typedef struct Changed {
    SDL_Rect pending[2];
    long needed[2]; /* the pixels of each that were drawn */
    SDL_Rect out[MAX_CHANGED];
    int n;
} Changed;

static void changed_add(Changed *c, int side, SDL_Rect r)
{
    if (r.w <= 0 || r.h <= 0) return;
    SDL_Rect *p = &c->pending[side];
    long need = (long)r.w * r.h;
    if (p->w > 0) {
        SDL_Rect u;
        SDL_UnionRect(p, &r, &u);
        if ((long)u.w * u.h - c->needed[side] - need <= MERGE_PX) {
            *p = u;
            c->needed[side] += need;
            return;
        }
        if (c->n < MAX_CHANGED) c->out[c->n++] = *p;
    }
    *p = r;
    c->needed[side] = need;
}

/* The layer as the frame draws it: the texture copied over its box. */
typedef struct LayerCmd {
    SDL_Rect box;
    uint64_t gen; /* which drawing of the texture */
} LayerCmd;

static void do_layer(App *a, const void *p)
{
    const LayerCmd *l = p;
    if (a->fig && a->fig->tex) SDL_RenderCopy(a->ren, a->fig->tex, NULL, &l->box);
}

/* Draws the shapes, and the background under them, on all of the box of half-width ext around
 * the centre (rings_square()), on the CPU, into the texture that keeps them. False when it
 * cannot (not the software renderer, shapes it does not draw, no texture): draw them with
 * draw_shapes.
 *
 * When the box is where it was, only what changed is drawn again: the radii where a ring moved
 * or changed colour, and the wedge where the progress arc grew. A breath moves its edges by
 * about a pixel a frame, so that is a few thin rings instead of the whole box, and the frame
 * is told so (redraw_changed_within). */
static bool raster_shapes(App *a, const Shape *sh, int n, float cx, float cy, float ext)
{
    if (!a->bg_rows || n > MAX_SHAPES) return false;
    FigKey k;
    memset(&k, 0, sizeof k); /* compared with memcmp */
    for (int i = 0; i < n; i++) {
        if (sh[i].disc && sh[i].c.a != 255) return false; /* draw_disc blends twice at its edge */
        bool part = !sh[i].disc && sh[i].to < 1;
        if (part && i != n - 1) return false; /* only the last ring may be partial */
        if (part && sh[i].to <= 0) continue;  /* nothing to draw */
        k.ring[k.nrings++] = ring_of(&sh[i]);
        if (part) {
            k.partial = 1;
            k.to = sh[i].to;
        }
    }
    SDL_Rect box = rings_square(cx, cy, ext);
    SDL_Rect all = {0, 0, a->w, a->h};
    if (!SDL_IntersectRect(&box, &all, &box)) return true;
    k.x = box.x;
    k.y = box.y;
    k.w = box.w;
    k.h = box.h;
    /* The software renderer truncates vertices to whole pixels, which puts its rings half a
     * pixel up and left on average: so do these, to sit where they always have (on every
     * renderer, so that all draw the same pixels). */
    k.shift = 0.5f;
    k.cx = cx - k.shift;
    k.cy = cy - k.shift;
    k.bg_gen = a->bg_gen;

    FigureCache *f = a->fig;
    if (!f) {
        f = a->fig = calloc(1, sizeof *f);
        if (!f) return false;
    }
    if (!f->tex || f->tw != box.w || f->th != box.h) {
        if (f->tex) SDL_DestroyTexture(f->tex);
        f->tex = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING,
                                   box.w, box.h);
        f->tw = box.w;
        f->th = box.h;
        f->valid = false;
        if (!f->tex) return false;
        SDL_SetTextureBlendMode(f->tex, SDL_BLENDMODE_NONE);
    }
    int nlut = (int)((ext + 4) * LUT_STEPS) + 2;
    if (nlut > f->table.nlut) {
        Sample *lut = realloc(f->table.lut, (size_t)nlut * sizeof *lut);
        if (!lut) return false;
        f->table.lut = lut;
        f->table.nlut = nlut;
    }
    /* The header (box, centre, background) is all of the key before the rings. */
    bool same_box = f->valid && !memcmp(&k, &f->key, offsetof(FigKey, nrings));
    static Changed c;
    c.n = -1; /* -1: all of it changed */
    if (!f->valid || memcmp(&k, &f->key, sizeof k) != 0) {
        Update u = {NULL, 0, false, {0, 0, 0, 0}};
        Span changed[MAX_SPANS];
        bool in_part = same_box && k.nrings == f->key.nrings && k.partial == f->key.partial;
        if (in_part) {
            int nc = 0;
            for (int j = 0; j < k.nrings; j++) {
                int cc = ring_changes(&f->key.ring[j], &k.ring[j], changed + nc);
                trim_hidden(&f->key, &k, j, changed + nc, cc);
                nc += cc;
            }
            /* a hair wider, for rounding where a row crosses their ends */
            for (int j = 0; j < nc; j++) changed[j].lo -= 0.125f, changed[j].hi += 0.125f;
            u.spans = changed;
            u.nspans = nc;
            if (k.partial && k.to != f->key.to) {
                u.wedge = true;
                u.w = wedge_rect(&k, fminf(k.to, f->key.to), fmaxf(k.to, f->key.to));
            }
        }
        int strip_h = (box.h + MAX_STRIPS - 1) / MAX_STRIPS;
        if (strip_h < 4) strip_h = 4;
        Strip strips[MAX_STRIPS] = {{0, 0, 0, 0}};
        void *pixels;
        int pitch;
        /* The lock hands back the pixels the texture holds (the software renderer's own, or
         * the copy OpenGL keeps and uploads on unlock), so what is not drawn now keeps what
         * was drawn before. */
        if (SDL_LockTexture(f->tex, NULL, &pixels, &pitch) != 0) return false;
        rings_raster(&f->table, &k, a->bg_rows, pixels, pitch, &u, strips, strip_h);
        SDL_UnlockTexture(f->tex);
        f->key = k;
        f->valid = true;
        f->gen++;
        if (in_part) {
            memset(&c, 0, sizeof c);
            for (int i = 0; i * strip_h < box.h; i++) {
                const Strip *st = &strips[i];
                SDL_Rect l = {box.x + st->l0, box.y + i * strip_h, st->l1 - st->l0, strip_h};
                SDL_Rect r = {box.x + st->r0, box.y + i * strip_h, st->r1 - st->r0, strip_h};
                if (l.w > 0 && r.w > 0 && st->l1 >= st->r0) {
                    SDL_UnionRect(&l, &r, &l);
                    r.w = 0;
                }
                changed_add(&c, 0, l);
                changed_add(&c, 1, r);
            }
            for (int i = 0; i < 2; i++)
                if (c.pending[i].w > 0 && c.n < MAX_CHANGED) c.out[c.n++] = c.pending[i];
        }
    }
    LayerCmd l;
    memset(&l, 0, sizeof l);
    l.box = box;
    l.gen = f->gen;
    redraw_push(a, do_layer, &l, sizeof l, box, true);
    if (c.n >= 0) redraw_changed_within(a, c.out, c.n);
    return true;
}

void rings_quit(App *a)
{
    FigureCache *f = a->fig;
    if (!f) return;
    if (f->tex) SDL_DestroyTexture(f->tex);
    free(f->table.lut);
    free(f);
    a->fig = NULL;
}

void rings_draw(App *a, const Shape *sh, int n, float cx, float cy, float ext)
{
    if (!raster_shapes(a, sh, n, cx, cy, ext)) draw_shapes(a, sh, n, cx, cy);
}

