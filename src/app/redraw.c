/* Redrawing only what changed (see redraw.h). */
#include "redraw.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DIRTY 128
#define MERGE_PX 1024 /* a copy costs about as much as copying this many more pixels in one */
#define LOOK_BACK 8   /* dirty rectangles a new one may join */

typedef struct Cmd {
    RedrawFn fn;
    SDL_Rect rect;
    uint32_t hash;
    bool opaque;
    size_t at, size;          /* its parameters in the frame's bytes */
    int changed_at, nchanged; /* its own changed rectangles (redraw_changed_within), or -1 */
} Cmd;

typedef struct Frame {
    Cmd *cmd;
    int n, cap;
    unsigned char *bytes;
    size_t nbytes, cap_bytes;
    SDL_Rect *changed;
    int nchanged, cap_changed;
    int w, h;
} Frame;

struct Redraw {
    Frame frame[2]; /* this one and the last, swapped at the end of each frame */
    int cur;
    bool keeps_pixels;
    bool whole;      /* the next frame is drawn whole */
    bool have_last;  /* the last frame was drawn */
    uint64_t frames, partial;
};

void redraw_init(App *a, bool keeps_pixels)
{
    struct Redraw *r = calloc(1, sizeof *r);
    if (!r) return;
    r->keeps_pixels = keeps_pixels;
    r->whole = true;
    a->redraw = r;
}

void redraw_quit(App *a)
{
    struct Redraw *r = a->redraw;
    if (!r) return;
    for (int i = 0; i < 2; i++) {
        free(r->frame[i].cmd);
        free(r->frame[i].bytes);
        free(r->frame[i].changed);
    }
    free(r);
    a->redraw = NULL;
}

void redraw_invalidate(App *a)
{
    if (a->redraw) a->redraw->whole = true;
}

void redraw_begin(App *a)
{
    struct Redraw *r = a->redraw;
    if (!r) return;
    Frame *f = &r->frame[r->cur];
    f->n = 0;
    f->nbytes = 0;
    f->nchanged = 0;
    f->w = a->w;
    f->h = a->h;
}

static uint32_t hash_bytes(const void *p, size_t n, uint32_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 16777619u;
    return h;
}

static bool grow(void **p, int *cap, int need, size_t elem)
{
    if (need <= *cap) return true;
    int c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *q = realloc(*p, (size_t)c * elem);
    if (!q) return false;
    *p = q;
    *cap = c;
    return true;
}

void redraw_push(App *a, RedrawFn fn, const void *params, size_t size, SDL_Rect bounds, bool opaque)
{
    struct Redraw *r = a->redraw;
    if (!r) {
        fn(a, params); /* no recording (no frame under way): draw at once */
        return;
    }
    Frame *f = &r->frame[r->cur];
    size_t at = (f->nbytes + 7) & ~(size_t)7; /* parameters stay aligned */
    if (at + size > f->cap_bytes) {
        size_t c = f->cap_bytes ? f->cap_bytes : 4096;
        while (c < at + size) c *= 2;
        unsigned char *b = realloc(f->bytes, c);
        if (!b) {
            r->whole = true; /* this frame cannot be compared: draw the next one whole */
            return;
        }
        f->bytes = b;
        f->cap_bytes = c;
    }
    if (!grow((void **)&f->cmd, &f->cap, f->n + 1, sizeof *f->cmd)) {
        r->whole = true;
        return;
    }
    memcpy(f->bytes + at, params, size);
    f->nbytes = at + size;
    uint32_t h = hash_bytes(&fn, sizeof fn, 2166136261u);
    f->cmd[f->n++] = (Cmd){fn, bounds, hash_bytes(params, size, h), opaque, at, size, -1, 0};
}

void redraw_changed_within(App *a, const SDL_Rect *rects, int n)
{
    struct Redraw *r = a->redraw;
    if (!r) return;
    Frame *f = &r->frame[r->cur];
    if (f->n == 0 || !grow((void **)&f->changed, &f->cap_changed, f->nchanged + n, sizeof *f->changed))
        return;
    Cmd *c = &f->cmd[f->n - 1];
    c->changed_at = f->nchanged;
    c->nchanged = n;
    memcpy(f->changed + f->nchanged, rects, (size_t)n * sizeof *rects);
    f->nchanged += n;
}

/* ---- the rectangles to draw again ---- */

typedef struct Dirty {
    SDL_Rect r[MAX_DIRTY];
    int n;
    long area;
    SDL_Rect screen;
} Dirty;

static long area(SDL_Rect r) { return (long)r.w * r.h; }

/* Adds r, joined with a recent rectangle when that draws few pixels that did not change. */
static void dirty_add(Dirty *d, SDL_Rect r)
{
    if (!SDL_IntersectRect(&r, &d->screen, &r)) return;
    for (int i = d->n - 1; i >= 0 && i >= d->n - LOOK_BACK; i--) {
        SDL_Rect u;
        SDL_UnionRect(&d->r[i], &r, &u);
        if (area(u) - area(d->r[i]) - area(r) <= MERGE_PX) {
            d->area += area(u) - area(d->r[i]);
            d->r[i] = u;
            return;
        }
    }
    if (d->n == MAX_DIRTY) {
        SDL_Rect u;
        SDL_UnionRect(&d->r[d->n - 1], &r, &u);
        d->area += area(u) - area(d->r[d->n - 1]);
        d->r[d->n - 1] = u;
        return;
    }
    d->r[d->n++] = r;
    d->area += area(r);
}

static bool same_cmd(const Cmd *p, const Cmd *q)
{
    return p->fn == q->fn && p->hash == q->hash && SDL_RectEquals(&p->rect, &q->rect);
}

/* Where this frame differs from the last: both where a changed command was and where it is
 * now; for a command that knows its own changes at the same place, only those. */
static void find_dirty(const Frame *last, const Frame *now, Dirty *d)
{
    int most = now->n > last->n ? now->n : last->n;
    for (int i = 0; i < most; i++) {
        const Cmd *p = i < last->n ? &last->cmd[i] : NULL;
        const Cmd *q = i < now->n ? &now->cmd[i] : NULL;
        if (p && q && same_cmd(p, q)) continue;
        if (p && q && p->fn == q->fn && SDL_RectEquals(&p->rect, &q->rect) && q->changed_at >= 0) {
            for (int k = 0; k < q->nchanged; k++) {
                SDL_Rect c;
                if (SDL_IntersectRect(&now->changed[q->changed_at + k], &q->rect, &c)) dirty_add(d, c);
            }
            continue;
        }
        if (p) dirty_add(d, p->rect);
        if (q) dirty_add(d, q->rect);
    }
}

static bool contains(SDL_Rect outer, SDL_Rect r)
{
    return r.x >= outer.x && r.y >= outer.y && r.x + r.w <= outer.x + outer.w &&
           r.y + r.h <= outer.y + outer.h;
}

/* Draws every command touching clip, from the last one that paints all of it. */
static void replay(App *a, const Frame *f, SDL_Rect clip)
{
    int start = 0;
    for (int i = f->n - 1; i > 0; i--)
        if (f->cmd[i].opaque && contains(f->cmd[i].rect, clip)) {
            start = i;
            break;
        }
    for (int i = start; i < f->n; i++)
        if (SDL_HasIntersection(&f->cmd[i].rect, &clip)) f->cmd[i].fn(a, f->bytes + f->cmd[i].at);
}

void redraw_end(App *a)
{
    struct Redraw *r = a->redraw;
    if (!r) return;
    Frame *now = &r->frame[r->cur], *last = &r->frame[!r->cur];
    SDL_Rect screen = {0, 0, a->w, a->h};
    bool whole = r->whole || !r->keeps_pixels || !r->have_last || last->w != now->w || last->h != now->h;
    static Dirty d; /* large; one frame at a time */
    if (!whole) {
        d.n = 0;
        d.area = 0;
        d.screen = screen;
        find_dirty(last, now, &d);
        whole = d.area * 2 > area(screen); /* most of it: one pass is cheaper */
    }
    if (whole) {
        replay(a, now, screen);
    } else {
        for (int i = 0; i < d.n; i++) {
            SDL_RenderSetClipRect(a->ren, &d.r[i]); /* never empty: dirty_add keeps none */
            replay(a, now, d.r[i]);
        }
        SDL_RenderSetClipRect(a->ren, NULL);
        r->partial++;
    }
    r->frames++;
    r->whole = false;
    r->have_last = true;
    r->cur = !r->cur;
}

void redraw_counts(const App *a, uint64_t *frames, uint64_t *partial)
{
    *frames = a->redraw ? a->redraw->frames : 0;
    *partial = a->redraw ? a->redraw->partial : 0;
}
