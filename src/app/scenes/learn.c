/* Learn: the learning screens (Content.learn) as a list of topics and a reading panel. Reached
 * from the card picker (L) and from a card's reveal ("Read: ..."). The panel keeps its title in
 * place and scrolls the rest by whole lines when it is taller than the window allows, with a
 * visible cue and a "Read on" button beside Back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenes.h"

#define LEARN_LINES 96  /* wrapped lines of one screen, at most */
#define LINE_BYTES 320

typedef struct Line {
    TextRole role;
    bool muted;
    int gap;            /* space above it, in pixels */
    char text[LINE_BYTES];
} Line;

typedef struct Learn {
    UiList list;
    UiItem items[UI_LIST_MAX];
    char titles[UI_LIST_MAX][LEARN_TITLE_MAX * 4 + 8];
    UiButtons buttons;  /* Back, and Read on when the panel scrolls */
    int shown_focus;    /* the screen the panel showed last frame: a new one starts at its top */
    int scroll;         /* first line shown */
    int shown;          /* lines shown last frame */
    int max_scroll;     /* from here the last line shows: no need to go further */
    int nlines;
    bool more;          /* lines below the panel last frame */
    SDL_Rect panel;     /* last drawn, for the wheel */
    SDL_Point mouse;
    Line lines[LEARN_LINES];
} Learn;

/* Wraps s (one paragraph, no line breaks) at width into the lines; returns false when full. */
static bool add_wrapped(App *a, Learn *l, TextRole role, bool muted, int gap, const char *s,
                        int width)
{
    int start[LEARN_LINES], len[LEARN_LINES];
    int n = text_wrap_lines(a, role, s, width, start, len, LEARN_LINES);
    for (int i = 0; i < n; i++) {
        if (l->nlines == LEARN_LINES) return false;
        Line *ln = &l->lines[l->nlines++];
        ln->role = role;
        ln->muted = muted;
        ln->gap = i == 0 ? gap : 0;
        int k = len[i];
        while (k > 0 && s[start[i] + k - 1] == ' ') k--; /* no trailing spaces on screen */
        if (k >= LINE_BYTES) k = LINE_BYTES - 1;
        while (k > 0 && ((unsigned char)s[start[i] + k] & 0xC0) == 0x80) k--; /* whole characters */
        memcpy(ln->text, s + start[i], (size_t)k);
        ln->text[k] = 0;
    }
    return true;
}

/* The body in paragraphs (split at line breaks; an empty line is a paragraph gap), then the
 * line naming where to read more. */
static void lay_out(App *a, Learn *l, const LearnScreen *s, int width)
{
    l->nlines = 0;
    int para = text_line(a, TEXT_BODY) / 2, gap = 0;
    const char *p = s->body;
    char buf[LEARN_BODY_MAX * 4 + 1];
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n == 0) {
            gap = para;
        } else {
            if (n >= sizeof buf) n = sizeof buf - 1;
            memcpy(buf, p, n);
            buf[n] = 0;
            if (!add_wrapped(a, l, TEXT_BODY, false, gap, buf, width)) return;
            gap = 0;
        }
        p += n + (nl ? 1 : 0);
        if (!nl) break;
    }
    char more[LEARN_READ_MORE_MAX * 4 + 32];
    snprintf(more, sizeof more, "To read more: %s", s->read_more);
    add_wrapped(a, l, TEXT_SMALL, true, para * 2, more, width);
}

static int line_h(App *a, const Line *ln) { return ln->gap + text_line(a, ln->role); }

/* How many lines from `from` fit in h pixels (at least one). */
static int lines_fitting(App *a, const Learn *l, int from, int h)
{
    int n = 0, y = 0;
    for (int i = from; i < l->nlines; i++) {
        int lh = line_h(a, &l->lines[i]) - (i == from ? l->lines[i].gap : 0);
        if (y + lh > h && n > 0) break;
        y += lh;
        n++;
    }
    return n;
}

static void scroll_by(App *a, Learn *l, int step)
{
    int s = l->scroll + step;
    if (s > l->max_scroll) s = l->max_scroll;
    if (s < 0) s = 0;
    l->scroll = s;
    a->dirty = true;
}

static int page(const Learn *l) { return l->shown > 1 ? l->shown - 1 : 1; }

static void learn_event(App *a, void *s, const SDL_Event *e)
{
    Learn *l = s;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE: scene_pop(a); return;
        case SDLK_PAGEDOWN:
        case SDLK_SPACE: scroll_by(a, l, page(l)); return;
        case SDLK_PAGEUP: scroll_by(a, l, -page(l)); return;
        default: break;
        }
    }
    if (e->type == SDL_MOUSEMOTION) l->mouse = window_mouse(a, e->motion.x, e->motion.y);
    if (e->type == SDL_MOUSEWHEEL && SDL_PointInRect(&l->mouse, &l->panel)) {
        scroll_by(a, l, e->wheel.y > 0 ? -2 : e->wheel.y < 0 ? 2 : 0);
        return;
    }
    if (e->type != SDL_KEYDOWN) {
        int b = ui_buttons_event(a, &l->buttons, e);
        if (b == 0) {
            scene_pop(a);
            return;
        }
        if (b == 1) { /* Read on, or back to the top at the end */
            if (l->more) scroll_by(a, l, page(l));
            else l->scroll = 0, a->dirty = true;
            return;
        }
    }
    ui_list_event(a, &l->list, e); /* Up/Down and clicks choose a topic; Enter changes nothing */
}

static void learn_render(App *a, void *s)
{
    Learn *l = s;
    const Theme *t = &a->theme;
    const Content *c = &a->content;
    /* Large text in a small window: the reading panel alone, the full width (Up/Down still
     * change the topic). */
    bool compact = text_line(a, TEXT_BODY) * 20 > a->h;
    int y = compact ? ui_bar_bottom(a) - a->lay.margin /* its words under Back and Help */
                    : ui_header(a, "Learn", "Short reads on the ideas behind the cards.");
    if (c->nlearn == 0) {
        text_draw(a, TEXT_BODY, "No learning screens are installed.", a->w / 2, y, ALIGN_CENTER,
                  t->muted, text_measure(a));
        ui_hints(a, NULL, "Esc back");
        return;
    }
    if (l->list.focus != l->shown_focus) {
        l->shown_focus = l->list.focus;
        l->scroll = 0;
    }
    const LearnScreen *ls = &c->learn[l->list.focus];

    /* The button row: Back, and Read on while the panel has more than it shows. */
    const char *labels[2] = {"Back", l->scroll > 0 && !l->more ? "Back to the top" : "Read on"};
    int m = a->lay.margin;
    int by = a->h - m - text_line(a, TEXT_SMALL) - m / 2 -
             ui_buttons_height(a, &l->buttons, labels, a->w * 94 / 100);
    int bottom = by - m / 2;

    /* A list of topics on the left, the reading panel on the right, centred together. */
    int gap = a->w / 40, inset = 4 * (a->lay.row_pad); /* ui_list_render's, kept on the right too */
    int full = a->w * 94 / 100, lw = a->w * 30 / 100;
    int pw = text_measure(a) + 2 * (a->lay.margin);
    /* A wide window gives the list room for whole titles, the panel keeping its measure. */
    int need = 0;
    for (int i = 0; i < l->list.count; i++) {
        int tw = text_size(a, TEXT_BODY, c->learn[i].title, 0).x + inset;
        if (tw > need) need = tw;
    }
    if (need > lw) lw = need < full - gap - pw ? need : full - gap - pw;
    if (lw < a->w * 30 / 100) lw = a->w * 30 / 100;
    if (pw > full - lw - gap) pw = full - lw - gap;
    int lx = (a->w - lw - pw - gap) / 2;
    int room = lw - inset;
    for (int i = 0; i < l->list.count; i++) {
        text_elide(a, TEXT_BODY, c->learn[i].title, room, l->titles[i], sizeof l->titles[i]);
        l->items[i] = (UiItem){l->titles[i], NULL};
    }
    SDL_Rect panel = {lx + lw + gap, y, pw, bottom - y};
    if (compact) {
        l->list.visible = 0; /* not drawn: nothing of it to click */
        panel = (SDL_Rect){(a->w - full) / 2, y, full, bottom - y};
    } else {
        /* Room for the list's "more above" cue under the subtitle. */
        int cue = text_line(a, TEXT_SMALL) - a->lay.margin;
        if (cue > 0) panel.y += cue, panel.h -= cue;
        ui_list_render(a, &l->list, l->items, (SDL_Rect){lx, panel.y, lw, panel.h});
    }
    l->panel = panel;
    draw_rrect(a, panel, a->lay.unit, t->surface);
    int pad = a->lay.margin, x = panel.x + pad, w = panel.w - 2 * pad;
    int ty = panel.y + pad;
    if (compact) {
        char where[64];
        snprintf(where, sizeof where, "Learn \u00b7 %d of %d \u00b7 Up/Down for another",
                 l->list.focus + 1, l->list.count);
        /* On the control bar's row, between Back and Help. */
        text_draw(a, TEXT_SMALL, where, a->w / 2, a->lay.margin + text_line(a, TEXT_SMALL) / 4,
                  ALIGN_CENTER, t->muted, 0);
    }
    SDL_Rect r = text_draw(a, TEXT_TITLE, ls->title, x, ty, ALIGN_LEFT, t->text, w);
    ty += r.h + text_line(a, TEXT_SMALL) / 2;
    lay_out(a, l, ls, w);
    int cue_h = text_line(a, TEXT_SMALL);
    int avail = panel.y + panel.h - pad - ty;
    /* Everything fits: no cue. Otherwise keep a line for it. */
    int all = lines_fitting(a, l, 0, avail);
    if (all >= l->nlines) l->scroll = 0;
    else avail -= cue_h + cue_h / 2;
    /* The furthest it scrolls: the last lines fill the panel. */
    l->max_scroll = l->nlines - 1;
    while (l->max_scroll > 0 && lines_fitting(a, l, l->max_scroll - 1, avail) >= l->nlines - l->max_scroll + 1)
        l->max_scroll--;
    if (l->scroll > l->max_scroll) l->scroll = l->max_scroll;
    l->shown = lines_fitting(a, l, l->scroll, avail);
    for (int i = l->scroll; i < l->scroll + l->shown; i++) {
        const Line *ln = &l->lines[i];
        if (i > l->scroll) ty += ln->gap;
        text_draw(a, ln->role, ln->text, x, ty, ALIGN_LEFT, ln->muted ? t->muted : t->text, 0);
        ty += text_line(a, ln->role);
    }
    l->more = l->scroll + l->shown < l->nlines;
    if (l->more || l->scroll > 0) {
        const char *cue = l->more && l->scroll > 0 ? "More above and below: PageUp/PageDown or the wheel"
                          : l->more                 ? "More below: PageDown or the wheel"
                                                    : "More above: PageUp or the wheel";
        text_draw(a, TEXT_SMALL, cue, x, panel.y + panel.h - pad - cue_h, ALIGN_LEFT, t->step[0], 0);
    }
    l->buttons.count = l->more || l->scroll > 0 ? 2 : 1;
    labels[1] = l->more ? "Read on" : "Back to the top";
    ui_buttons_render(a, &l->buttons, labels, by);
    ui_hints(a, l->more ? "Up/Down topic   PageDown read on"
                : l->scroll > 0 ? "Up/Down topic   PageUp back up" : "Up/Down topic",
             "Esc back");
}

static const SceneVT LEARN = {.name = "learn", .event = learn_event, .render = learn_render};

void learn_push(App *a, const char *id)
{
    Learn *l = calloc(1, sizeof *l);
    if (!l) return;
    const Content *c = &a->content;
    int n = c->nlearn < UI_LIST_MAX ? c->nlearn : UI_LIST_MAX;
    l->list = (UiList){.count = n, .hover = -1};
    const LearnScreen *s = id ? content_learn(c, id) : NULL;
    if (s && s - c->learn < n) l->list.focus = (int)(s - c->learn);
    l->shown_focus = l->list.focus;
    l->buttons = (UiButtons){.count = 1, .focus = -1, .hover = -1};
    l->mouse = (SDL_Point){-1, -1};
    scene_push(a, &LEARN, l);
}
