/* Shapes drawn as triangle geometry with a feathered edge: smooth on the software renderer,
 * which has no multisampling. Each public function records a command (redraw.h); the static
 * do_* functions draw it when the frame is drawn. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "redraw.h"

#define FEATHER DRAW_FEATHER
#define MAX_SEGS 256

static SDL_Vertex vtx(float x, float y, SDL_Color c) { return (SDL_Vertex){{x, y}, c, {0, 0}}; }

static int segments_for(float r)
{
    /* ~0.3 segments a pixel of radius keeps the chord error near a quarter pixel, which the
     * feathered edge hides; every triangle costs the software rasteriser set-up time. */
    int n = (int)(r * 0.3f);
    if (n < 32) n = 32;
    if (n > MAX_SEGS) n = MAX_SEGS;
    return n;
}

/* The background is a vertical gradient, worked out row by row on the CPU into a texture once
 * per window size (interpolating it as geometry costs tens of milliseconds on the software
 * renderer, which would delay the first frame) and then copied each frame without blending.
 * The colour of each row is kept for the breathing figure drawn on the CPU (figure.c). */
static Uint32 row_colour(SDL_Color top, SDL_Color bottom, int y, int h)
{
    float f = ((float)y + 0.5f) / (float)h;
    int r = (int)(top.r + (bottom.r - top.r) * f + 0.5f);
    int g = (int)(top.g + (bottom.g - top.g) * f + 0.5f);
    int b = (int)(top.b + (bottom.b - top.b) * f + 0.5f);
    return (Uint32)r << 16 | (Uint32)g << 8 | (Uint32)b; /* RGB888 */
}

static void make_background(App *a)
{
    const Theme *t = &a->theme;
    if (a->bg_tex) SDL_DestroyTexture(a->bg_tex);
    a->bg_w = a->w;
    a->bg_h = a->h;
    a->bg_tex = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING,
                                  a->w, a->h);
    Uint32 *rows = realloc(a->bg_rows, (size_t)a->h * sizeof *rows);
    void *pixels;
    int pitch;
    if (!a->bg_tex || !rows || SDL_LockTexture(a->bg_tex, NULL, &pixels, &pitch) != 0) {
        if (a->bg_tex) SDL_DestroyTexture(a->bg_tex);
        a->bg_tex = NULL;
        free(rows);
        a->bg_rows = NULL;
        return;
    }
    a->bg_rows = rows;
    for (int y = 0; y < a->h; y++) {
        /* in a local: a store through p could change rows[y], so the compiler would reload it
         * for every pixel instead of filling the row in wide stores */
        Uint32 c = rows[y] = row_colour(t->bg, t->bg_low, y, a->h);
        Uint32 *p = (Uint32 *)((Uint8 *)pixels + (size_t)y * (size_t)pitch);
        for (int x = 0; x < a->w; x++) p[x] = c;
    }
    SDL_UnlockTexture(a->bg_tex);
    SDL_SetTextureBlendMode(a->bg_tex, SDL_BLENDMODE_NONE);
    a->bg_gen++;
}

typedef struct BgCmd {
    uint32_t gen; /* which background: a new one is a change everywhere */
} BgCmd;

static void do_background(App *a, const void *p)
{
    (void)p;
    const Theme *t = &a->theme;
    if (a->bg_tex) {
        SDL_RenderCopy(a->ren, a->bg_tex, NULL, NULL); /* the renderer keeps to its clip rectangle */
    } else {
        SDL_SetRenderDrawColor(a->ren, t->bg.r, t->bg.g, t->bg.b, 255);
        SDL_RenderFillRect(a->ren, NULL);
    }
}

void draw_background(App *a)
{
    if (!a->bg_tex || a->bg_w != a->w || a->bg_h != a->h) make_background(a);
    BgCmd c = {a->bg_gen};
    redraw_push(a, do_background, &c, sizeof c, (SDL_Rect){0, 0, a->w, a->h}, true);
}

typedef struct FillCmd {
    SDL_Rect r;
    SDL_Color c;
} FillCmd;

static void do_fill(App *a, const void *p)
{
    const FillCmd *f = p;
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(a->ren, f->c.r, f->c.g, f->c.b, f->c.a);
    SDL_RenderFillRect(a->ren, &f->r);
}

void draw_fill(App *a, const SDL_Rect *r, SDL_Color c)
{
    FillCmd f;
    memset(&f, 0, sizeof f);
    f.r = r ? *r : (SDL_Rect){0, 0, a->w, a->h};
    f.c = c;
    if (f.r.w > 0 && f.r.h > 0) redraw_push(a, do_fill, &f, sizeof f, f.r, c.a == 255);
}

/* The pixels a shape around cx, cy reaching out to radius `reach` may touch. */
static SDL_Rect round_bounds(float cx, float cy, float reach)
{
    int x0 = (int)floorf(cx - reach) - 2, y0 = (int)floorf(cy - reach) - 2;
    return (SDL_Rect){x0, y0, (int)ceilf(cx + reach) + 3 - x0, (int)ceilf(cy + reach) + 3 - y0};
}

static SDL_Rect grown(SDL_Rect r, int by) { return (SDL_Rect){r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by}; }

typedef struct ArcCmd {
    float cx, cy, r, thick, from, to;
    SDL_Color c;
    int disc;
} ArcCmd;

static void do_arc(App *a, const void *params)
{
    const ArcCmd *k = params;
    float cx = k->cx, cy = k->cy, r = k->r, thick = k->thick, from = k->from, to = k->to;
    SDL_Color c = k->c;
    if (to <= from || r <= 0) return;
    int n = (int)ceilf(segments_for(r) * (to - from));
    if (n < 2) n = 2;
    /* Four rings of vertices per angle: outer feather, outer edge, inner edge, inner feather. */
    static SDL_Vertex v[(MAX_SEGS + 1) * 4];
    static int idx[MAX_SEGS * 18];
    float ro = r + thick / 2, ri = r - thick / 2;
    if (ri < 0) ri = 0;
    SDL_Color clear = color_alpha(c, 0);
    int nv = 0, ni = 0;
    for (int i = 0; i <= n; i++) {
        float ang = (float)(2 * M_PI) * (from + (to - from) * (float)i / (float)n) - (float)M_PI_2;
        float dx = cosf(ang), dy = sinf(ang);
        v[nv++] = vtx(cx + dx * (ro + FEATHER), cy + dy * (ro + FEATHER), clear);
        v[nv++] = vtx(cx + dx * ro, cy + dy * ro, c);
        v[nv++] = vtx(cx + dx * ri, cy + dy * ri, c);
        v[nv++] = vtx(cx + dx * fmaxf(ri - FEATHER, 0), cy + dy * fmaxf(ri - FEATHER, 0),
                      ri > FEATHER ? clear : c);
        if (i == 0) continue;
        int p = (i - 1) * 4, q = i * 4;
        for (int k = 0; k < 3; k++) {
            int quad[6] = {p + k, q + k, q + k + 1, p + k, q + k + 1, p + k + 1};
            for (int j = 0; j < 6; j++) idx[ni++] = quad[j];
        }
    }
    SDL_RenderGeometry(a->ren, NULL, v, nv, idx, ni);
}

static void do_disc(App *a, const void *params)
{
    const ArcCmd *k = params;
    float cx = k->cx, cy = k->cy, r = k->r;
    SDL_Color c = k->c;
    /* The interior as one span per pixel row: the software renderer fills rectangles far
     * faster than it rasterises the long thin triangles of a fan. */
    static SDL_FRect spans[4096];
    float ri = r - FEATHER / 2;
    int ns = 0;
    for (int y = (int)floorf(cy - ri); y <= (int)ceilf(cy + ri) && ns < 4096; y++) {
        float dy = (float)y + 0.5f - cy;
        if (fabsf(dy) >= ri) continue;
        float hw = sqrtf(ri * ri - dy * dy);
        spans[ns++] = (SDL_FRect){cx - hw, (float)y, 2 * hw, 1};
    }
    SDL_SetRenderDrawColor(a->ren, c.r, c.g, c.b, c.a);
    if (c.a == 255) SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_NONE);
    SDL_RenderFillRectsF(a->ren, spans, ns);
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    /* The feathered edge: one band of quads from full colour to clear, starting a little
     * inside the spans so no pixel between them is left unpainted. */
    int n = segments_for(r);
    static SDL_Vertex v[(MAX_SEGS + 1) * 2];
    static int idx[MAX_SEGS * 6];
    SDL_Color clear = color_alpha(c, 0);
    int ni = 0;
    for (int i = 0; i <= n; i++) {
        float ang = (float)(2 * M_PI) * (float)i / (float)n;
        float dx = cosf(ang), dy = sinf(ang);
        float in = ri > 1.5f ? ri - 1.5f : 0;
        v[i * 2] = vtx(cx + dx * in, cy + dy * in, c);
        v[i * 2 + 1] = vtx(cx + dx * (r + FEATHER), cy + dy * (r + FEATHER), clear);
        if (i == 0) continue;
        int p = (i - 1) * 2, q = i * 2;
        int quad[6] = {p, q, q + 1, p, q + 1, p + 1};
        for (int j = 0; j < 6; j++) idx[ni++] = quad[j];
    }
    SDL_RenderGeometry(a->ren, NULL, v, (n + 1) * 2, idx, ni);
}

/* Builds the outline of a rounded rectangle, inset by `inset` (negative grows it). */
static int rrect_path(SDL_Rect r, float rad, float inset, SDL_FPoint *out)
{
    const int per = 8;
    float cxs[4] = {r.x + rad, (float)(r.x + r.w) - rad, (float)(r.x + r.w) - rad, r.x + rad};
    float cys[4] = {r.y + rad, r.y + rad, (float)(r.y + r.h) - rad, (float)(r.y + r.h) - rad};
    float start[4] = {(float)M_PI, (float)(1.5 * M_PI), 0, (float)(0.5 * M_PI)};
    float rr = rad - inset;
    if (rr < 0) rr = 0;
    int n = 0;
    for (int c = 0; c < 4; c++)
        for (int i = 0; i <= per; i++) {
            float ang = start[c] + (float)M_PI_2 * (float)i / (float)per;
            out[n++] = (SDL_FPoint){cxs[c] + cosf(ang) * rr, cys[c] + sinf(ang) * rr};
        }
    return n;
}

static float clamp_radius(SDL_Rect r, int radius)
{
    float rad = (float)radius;
    if (rad > r.w / 2.0f) rad = r.w / 2.0f;
    if (rad > r.h / 2.0f) rad = r.h / 2.0f;
    return rad < 1 ? 1 : rad;
}

/* A band between two rounded outlines, colours ca (outer) and cb (inner). */
static void band(App *a, SDL_Rect r, float rad, float outer, float inner, SDL_Color ca,
                 SDL_Color cb)
{
    SDL_FPoint po[64], pi[64];
    int n = rrect_path(r, rad, outer, po);
    rrect_path(r, rad, inner, pi);
    SDL_Vertex v[128];
    int idx[64 * 6], ni = 0;
    for (int i = 0; i < n; i++) {
        v[i * 2] = vtx(po[i].x, po[i].y, ca);
        v[i * 2 + 1] = vtx(pi[i].x, pi[i].y, cb);
        int j = (i + 1) % n;
        int q[6] = {i * 2, j * 2, j * 2 + 1, i * 2, j * 2 + 1, i * 2 + 1};
        for (int k = 0; k < 6; k++) idx[ni++] = q[k];
    }
    SDL_RenderGeometry(a->ren, NULL, v, n * 2, idx, ni);
}

typedef struct RectCmd {
    SDL_Rect r;
    int radius, thick;
    SDL_Color c;
} RectCmd;

static void do_rrect(App *a, const void *params)
{
    const RectCmd *k = params;
    SDL_Rect r = k->r;
    int radius = k->radius;
    SDL_Color c = k->c;
    float rad = clamp_radius(r, radius);
    SDL_FPoint p[64];
    int n = rrect_path(r, rad, FEATHER / 2, p);
    SDL_Vertex v[65];
    int idx[64 * 3], ni = 0;
    v[0] = vtx(r.x + r.w / 2.0f, r.y + r.h / 2.0f, c);
    for (int i = 0; i < n; i++) {
        v[i + 1] = vtx(p[i].x, p[i].y, c);
        idx[ni++] = 0;
        idx[ni++] = 1 + i;
        idx[ni++] = 1 + (i + 1) % n;
    }
    SDL_RenderGeometry(a->ren, NULL, v, n + 1, idx, ni);
    band(a, r, rad, -FEATHER / 2, FEATHER / 2, color_alpha(c, 0), c);
}

static void do_rrect_outline(App *a, const void *params)
{
    const RectCmd *k = params;
    SDL_Rect r = k->r;
    int radius = k->radius, thick = k->thick;
    SDL_Color c = k->c;
    float rad = clamp_radius(r, radius);
    SDL_Color clear = color_alpha(c, 0);
    band(a, r, rad, -FEATHER / 2, FEATHER / 2, clear, c);
    band(a, r, rad, FEATHER / 2, (float)thick - FEATHER / 2, c, c);
    band(a, r, rad, (float)thick - FEATHER / 2, (float)thick + FEATHER / 2, c, clear);
}

void draw_arc(App *a, float cx, float cy, float r, float thick, float from, float to, SDL_Color c)
{
    if (to <= from || r <= 0) return;
    ArcCmd k;
    memset(&k, 0, sizeof k);
    k.cx = cx, k.cy = cy, k.r = r, k.thick = thick, k.from = from, k.to = to, k.c = c;
    redraw_push(a, do_arc, &k, sizeof k, round_bounds(cx, cy, r + thick / 2 + FEATHER), false);
}

void draw_disc(App *a, float cx, float cy, float r, SDL_Color c)
{
    if (r <= 0) return;
    ArcCmd k;
    memset(&k, 0, sizeof k);
    k.cx = cx, k.cy = cy, k.r = r, k.c = c, k.disc = 1;
    redraw_push(a, do_disc, &k, sizeof k, round_bounds(cx, cy, r + FEATHER), false);
}

void draw_rrect(App *a, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0) return;
    RectCmd k;
    memset(&k, 0, sizeof k);
    k.r = r, k.radius = radius, k.c = c;
    redraw_push(a, do_rrect, &k, sizeof k, grown(r, 2), false);
}

void draw_rrect_outline(App *a, SDL_Rect r, int radius, int thick, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0) return;
    RectCmd k;
    memset(&k, 0, sizeof k);
    k.r = r, k.radius = radius, k.thick = thick, k.c = c;
    redraw_push(a, do_rrect_outline, &k, sizeof k, grown(r, 2), false);
}
