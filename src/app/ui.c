/* Shared widgets: a vertical list of choices, a row of buttons, headers and key hints. */
#include <stdio.h>
#include <string.h>

#include "app.h"

int ui_hit(const SDL_Rect *rects, int n, SDL_Point p)
{
    for (int i = 0; i < n; i++)
        if (SDL_PointInRect(&p, &rects[i])) return i;
    return -1;
}

bool ui_is_help_key(const SDL_Event *e)
{
    if (e->type != SDL_KEYDOWN) return false;
    SDL_Keycode k = e->key.keysym.sym;
    return k == SDLK_F1 || k == SDLK_QUESTION ||
           (k == SDLK_SLASH && (e->key.keysym.mod & KMOD_SHIFT));
}

int ui_list_event(App *a, UiList *l, const SDL_Event *e)
{
    if (l->count <= 0) return -1;
    int cols = l->columns > 1 ? l->columns : 1;
    switch (e->type) {
    case SDL_KEYDOWN:
        switch (e->key.keysym.sym) {
        case SDLK_UP:
            if (cols == 1) l->focus = (l->focus + l->count - 1) % l->count;
            else if (l->focus >= cols) l->focus -= cols;
            break;
        case SDLK_DOWN:
            if (cols == 1) l->focus = (l->focus + 1) % l->count;
            else if (l->focus + cols < l->count) l->focus += cols;
            break;
        case SDLK_LEFT:
            if (cols == 1) return -1;
            if (l->focus > 0) l->focus--;
            break;
        case SDLK_RIGHT:
            if (cols == 1) return -1;
            if (l->focus + 1 < l->count) l->focus++;
            break;
        case SDLK_TAB: l->focus = (l->focus + 1) % l->count; break;
        case SDLK_HOME: l->focus = 0; break;
        case SDLK_END: l->focus = l->count - 1; break;
        case SDLK_PAGEUP: l->focus = l->focus > 5 ? l->focus - 5 : 0; break;
        case SDLK_PAGEDOWN: l->focus = l->focus + 5 < l->count ? l->focus + 5 : l->count - 1; break;
        case SDLK_RETURN:
        case SDLK_KP_ENTER: return l->focus;
        default: return -1;
        }
        a->dirty = true;
        return -1;
    case SDL_MOUSEMOTION: {
        int h = ui_hit(l->rect, l->visible, window_mouse(a, e->motion.x, e->motion.y));
        int nh = h >= 0 ? l->first + h : -1;
        if (nh != l->hover) a->dirty = true;
        l->hover = nh;
        return -1;
    }
    case SDL_MOUSEWHEEL:
        l->focus -= e->wheel.y;
        if (l->focus < 0) l->focus = 0;
        if (l->focus >= l->count) l->focus = l->count - 1;
        a->dirty = true;
        return -1;
    case SDL_MOUSEBUTTONUP:
        if (e->button.button == SDL_BUTTON_LEFT) {
            int h = ui_hit(l->rect, l->visible, window_mouse(a, e->button.x, e->button.y));
            if (h >= 0) {
                l->focus = l->first + h;
                return l->focus;
            }
        }
        return -1;
    default: return -1;
    }
}

void ui_list_render(App *a, UiList *l, const UiItem *items, SDL_Rect area)
{
    const Theme *t = &a->theme;
    int pad = a->lay.row_pad;
    int row_h = text_line(a, TEXT_BODY) + 2 * pad;
    bool any_sub = false;
    for (int i = 0; i < l->count; i++) any_sub |= items[i].sub != NULL;
    if (any_sub) row_h += text_line(a, TEXT_SMALL);
    int gap = pad / 2 + 2;
    int cols = l->columns > 1 ? l->columns : 1;
    int rows = (l->count + cols - 1) / cols;
    int fit = (area.h + gap) / (row_h + gap); /* whole rows that fit */
    if (fit < 1) fit = 1;
    /* A list longer than its area scrolls, with a scrollbar at its right and a line under
     * the rows saying there is more. */
    SDL_Rect track = {0};
    int cue = text_line(a, TEXT_SMALL);
    if (rows > fit) {
        fit = (area.h - cue + gap) / (row_h + gap);
        if (fit < 1) fit = 1;
        int tw = a->lay.unit / 2 > 3 ? a->lay.unit / 2 : 3;
        track = (SDL_Rect){area.x + area.w - tw, area.y, tw, fit * (row_h + gap) - gap};
        area.w -= tw + gap;
    }
    int col_w = (area.w - gap * (cols - 1)) / cols;
    int first_row = l->first / cols, focus_row = l->focus / cols;
    if (focus_row < first_row) first_row = focus_row;
    if (focus_row >= first_row + fit) first_row = focus_row - fit + 1;
    if (first_row > rows - fit) first_row = rows - fit > 0 ? rows - fit : 0;
    l->first = first_row * cols;
    l->visible = 0;
    int radius = row_h / 4;
    for (int i = l->first; i < l->count && l->visible < fit * cols && l->visible < UI_LIST_MAX; i++) {
        int row = l->visible / cols, col = l->visible % cols;
        SDL_Rect r = {area.x + col * (col_w + gap), area.y + row * (row_h + gap), col_w, row_h};
        l->rect[l->visible++] = r;
        ui_control_add(a, items[i].title, r);
        bool focus = i == l->focus, hover = i == l->hover;
        draw_rrect(a, r, radius, focus || hover ? t->surface_hi : t->surface);
        if (focus) draw_rrect_outline(a, r, radius, 2, t->focus);
        int tx = r.x + pad * 2, tw = r.w - pad * 4;
        char buf[256];
        text_draw(a, TEXT_BODY, text_fit(a, TEXT_BODY, items[i].title, tw, buf, sizeof buf), tx,
                  r.y + pad, ALIGN_LEFT, t->text, 0);
        if (items[i].sub)
            text_draw(a, TEXT_SMALL, text_fit(a, TEXT_SMALL, items[i].sub, tw, buf, sizeof buf), tx,
                      r.y + pad + text_line(a, TEXT_BODY), ALIGN_LEFT, t->muted, 0);
    }
    if (track.w) {
        ui_scrollbar(a, track, first_row, fit, rows);
        bool below = l->first + l->visible < l->count;
        text_draw(a, TEXT_SMALL, below ? l->first > 0 ? "more above and below" : "more below" : "more above",
                  area.x + area.w, area.y + fit * (row_h + gap) - gap / 2, ALIGN_RIGHT, t->muted, 0);
    }
}

void ui_scrollbar(App *a, SDL_Rect track, int first, int shown, int total)
{
    const Theme *t = &a->theme;
    if (total <= shown || total <= 0) return;
    draw_rrect(a, track, track.w / 2, t->surface_hi);
    int th = track.h * shown / total, ty = track.y + track.h * first / total;
    if (th < track.w * 2) th = track.w * 2;
    if (ty + th > track.y + track.h) ty = track.y + track.h - th;
    draw_rrect(a, (SDL_Rect){track.x, ty, track.w, th}, track.w / 2, t->muted);
}

/* Calls line(ctx, i, text, len) for every line of s wrapped at width (paragraphs split at
 * newlines; an empty one is a blank line); returns the line count. */
static int scroll_lines(App *a, TextRole role, const char *s, int width,
                        void (*line)(App *, void *, int, const char *, int), void *ctx)
{
    enum { MAXL = 200 };
    int n = 0, start[MAXL], len[MAXL];
    char para[2400];
    for (const char *p = s; p && n < 4096;) {
        size_t pl = strcspn(p, "\n");
        if (pl >= sizeof para) pl = sizeof para - 1;
        memcpy(para, p, pl);
        para[pl] = 0;
        int k = pl ? text_wrap_lines(a, role, para, width, start, len, MAXL) : 1;
        for (int i = 0; i < k; i++, n++) {
            int l = pl ? len[i] : 0;
            while (l > 0 && para[start[i] + l - 1] == ' ') l--;
            if (line) line(a, ctx, n, pl ? para + start[i] : "", l);
        }
        p = p[strcspn(p, "\n")] ? p + strcspn(p, "\n") + 1 : NULL;
    }
    return n;
}

typedef struct ScrollDraw {
    const UiScroll *sc;
    TextRole role;
    SDL_Rect area;
    SDL_Color c;
    int step;
} ScrollDraw;

static void scroll_draw_line(App *a, void *ctx, int i, const char *text, int len)
{
    const ScrollDraw *d = ctx;
    int row = i - d->sc->first;
    if (row < 0 || row >= d->sc->shown || len <= 0) return;
    char buf[600];
    snprintf(buf, sizeof buf, "%.*s", len, text);
    text_draw(a, d->role, buf, d->area.x, d->area.y + row * d->step, ALIGN_LEFT, d->c, 0);
}

int ui_scroll_height(App *a, TextRole role, const char *s, int width)
{
    return scroll_lines(a, role, s, width, NULL, NULL) * text_line(a, role);
}

int ui_scroll_text(App *a, UiScroll *sc, TextRole role, const char *s, SDL_Rect area, SDL_Color c)
{
    int step = text_line(a, role);
    sc->page = area.h / step > 0 ? area.h / step : 1;
    sc->lines = scroll_lines(a, role, s, area.w, NULL, NULL);
    if (sc->lines <= sc->page) {
        /* All of it fits: one paragraph, as text_draw wraps it. */
        sc->first = 0;
        sc->shown = sc->lines;
        return text_draw(a, role, s, area.x, area.y, ALIGN_LEFT, c, area.w).h;
    }
    SDL_Rect text = area, track = {0};
    {
        /* Room for the scrollbar and the cue: the text wraps a little narrower. */
        int tw = a->lay.unit / 2 > 3 ? a->lay.unit / 2 : 3;
        track = (SDL_Rect){area.x + area.w - tw, area.y, tw, area.h};
        text.w -= tw + a->lay.unit * 2;
        sc->lines = scroll_lines(a, role, s, text.w, NULL, NULL);
    }
    sc->shown = sc->lines < sc->page ? sc->lines : sc->page;
    if (sc->first > sc->lines - sc->shown) sc->first = sc->lines - sc->shown;
    if (sc->first < 0) sc->first = 0;
    bool more = sc->first + sc->shown < sc->lines;
    if (more && sc->shown > 1) sc->shown--; /* the last row holds "more below" */
    ScrollDraw d = {sc, role, text, c, step};
    scroll_lines(a, role, s, text.w, scroll_draw_line, &d);
    if (track.w) {
        ui_scrollbar(a, track, sc->first, sc->shown, sc->lines);
        if (more)
            text_draw(a, TEXT_SMALL, "more below", text.x + text.w, area.y + sc->shown * step,
                      ALIGN_RIGHT, a->theme.muted, 0);
    }
    return sc->shown * step + (more ? step : 0);
}

bool ui_scroll_event(App *a, UiScroll *sc, const SDL_Event *e)
{
    int by = 0;
    if (e->type == SDL_MOUSEWHEEL) by = -3 * e->wheel.y;
    else if (e->type == SDL_KEYDOWN) switch (e->key.keysym.sym) {
        case SDLK_UP: by = -1; break;
        case SDLK_DOWN: by = 1; break;
        case SDLK_PAGEUP: by = -(sc->page > 2 ? sc->page - 1 : 1); break;
        case SDLK_PAGEDOWN: by = sc->page > 2 ? sc->page - 1 : 1; break;
        default: return false;
        }
    else return false;
    int was = sc->first;
    sc->first += by;
    if (sc->first > sc->lines - sc->shown) sc->first = sc->lines - sc->shown;
    if (sc->first < 0) sc->first = 0;
    if (sc->first != was) a->dirty = true;
    return true;
}

static TextRole step_down(TextRole r) { return r == TEXT_SMALL ? r : (TextRole)(r + 1); }

typedef struct DetailDraw {
    TextRole role;
    SDL_Color c;
    int x, y, w;
    int left; /* lines that may still be drawn (the last gets "…" when cut is set) */
    bool cut;
} DetailDraw;

static void detail_line(App *a, void *ctx, int i, const char *text, int len)
{
    (void)i;
    DetailDraw *d = ctx;
    if (d->left <= 0) return;
    char line[600], buf[640];
    snprintf(line, sizeof line, "%.*s", len, text);
    const char *s = d->left == 1 && d->cut ? text_fit_more(a, d->role, line, d->w, buf, sizeof buf) : line;
    if (len > 0) text_draw(a, d->role, s, d->x, d->y, ALIGN_LEFT, d->c, 0);
    d->y += text_line(a, d->role);
    d->left--;
}

int ui_detail(App *a, SDL_Rect panel, const UiBlock *b, int n, bool fit_height)
{
    int pad = a->lay.margin, w = panel.w - 2 * pad, room = panel.h - 2 * pad, need = 0;
    bool small = false;
    for (int pass = 0; pass < 2; pass++) {
        small = pass == 1;
        need = 0;
        for (int i = 0; i < n; i++) {
            if (!b[i].text || !*b[i].text) continue;
            TextRole r = small ? step_down(b[i].role) : b[i].role;
            need += (need ? b[i].space : 0) + ui_scroll_height(a, r, b[i].text, w);
        }
        if (need <= room) break;
    }
    if (fit_height && need < room) panel.h = need + 2 * pad;
    draw_rrect(a, panel, a->lay.unit, a->theme.surface);
    int y = panel.y + pad, bottom = panel.y + panel.h - pad;
    bool first = true;
    for (int i = 0; i < n && y < bottom; i++) {
        if (!b[i].text || !*b[i].text) continue;
        TextRole r = small ? step_down(b[i].role) : b[i].role;
        if (!first) y += b[i].space;
        first = false;
        int lh = text_line(a, r), lines = ui_scroll_height(a, r, b[i].text, w) / lh;
        int fits = (bottom - y) / lh;
        if (fits <= 0) break;
        /* Cut short when this block or a later one does not fit. */
        bool later = false;
        for (int k = i + 1; k < n; k++) later |= b[k].text && *b[k].text;
        bool cut = lines > fits || (lines == fits && later);
        if (!cut) { /* whole: one paragraph, as text_draw wraps it */
            y += text_draw(a, r, b[i].text, panel.x + pad, y, ALIGN_LEFT, b[i].color, w).h;
            continue;
        }
        DetailDraw d = {r, b[i].color, panel.x + pad, y, w, lines < fits ? lines : fits, cut};
        scroll_lines(a, r, b[i].text, w, detail_line, &d);
        break;
    }
    return panel.h;
}

int ui_header(App *a, const char *title, const char *subtitle)
{
    const Theme *t = &a->theme;
    int y = a->h / 12;
    SDL_Rect r = text_draw(a, TEXT_TITLE, title, a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->lay.tight;
    if (subtitle) {
        r = text_draw(a, TEXT_SMALL, subtitle, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
        y += r.h;
    }
    return y + a->lay.margin;
}

void ui_hints(App *a, const char *left, const char *right)
{
    const Theme *t = &a->theme;
    int m = a->lay.margin, y = a->lay.hints_y, gap = text_line(a, TEXT_SMALL);
    /* Large text in a small window: the left hints give up their last ones ("…") rather
     * than run into the right ones. They are reminders: every key has a control too. */
    int rw = right ? text_size(a, TEXT_SMALL, right, 0).x + gap : 0;
    char buf[256];
    if (left)
        text_draw(a, TEXT_SMALL, text_fit(a, TEXT_SMALL, left, a->w - 2 * m - rw, buf, sizeof buf), m, y,
                  ALIGN_LEFT, t->muted, 0);
    if (right) text_draw(a, TEXT_SMALL, right, a->w - m, y, ALIGN_RIGHT, t->muted, 0);
}

void ui_fmt_clock(char *buf, size_t n, uint64_t ms)
{
    uint64_t s = (ms + 999) / 1000; /* whole seconds, rounded up: a countdown never shows 0:00 early */
    snprintf(buf, n, "%u:%02u", (unsigned)(s / 60), (unsigned)(s % 60));
}

void ui_columns(App *a, const UiItem *items, int n, int y, int bottom, SDL_Rect *list,
                SDL_Rect *panel)
{
    int gap = a->w / 40;
    int lw = a->w * 30 / 100, pw = a->w * 42 / 100;
    /* Rows are padded 2 * pad on each side (ui_list_render); a long title widens the list
     * at the panel's expense rather than running past its row. */
    int pad = a->lay.row_pad, need = 0;
    int bar = (a->lay.unit / 2 > 3 ? a->lay.unit / 2 : 3) + pad / 2 + 2; /* a scrollbar, as ui_list_render */
    for (int i = 0; i < n; i++) {
        int w = text_size(a, TEXT_BODY, items[i].title, 0).x + 4 * pad + bar;
        if (w > need) need = w;
    }
    if (need > a->w * 45 / 100) need = a->w * 45 / 100;
    if (need > lw) {
        lw = need;
        if (lw + gap + pw > a->w * 92 / 100) pw = a->w * 92 / 100 - lw - gap;
    }
    int lx = (a->w - lw - pw - gap) / 2;
    *list = (SDL_Rect){lx, y, lw, bottom - y};
    *panel = (SDL_Rect){lx + lw + gap, y, pw, bottom - y};
}

int ui_buttons_event(App *a, UiButtons *b, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_KEYDOWN:
        switch (e->key.keysym.sym) {
        case SDLK_LEFT: b->focus = b->focus > 0 ? b->focus - 1 : b->count - 1; break;
        case SDLK_RIGHT:
        case SDLK_TAB: b->focus = (b->focus + 1) % b->count; break;
        case SDLK_RETURN:
        case SDLK_KP_ENTER: return b->focus >= 0 ? b->focus : -1;
        default: return -1;
        }
        a->dirty = true;
        return -1;
    case SDL_MOUSEMOTION: {
        int h = ui_hit(b->rect, b->count, window_mouse(a, e->motion.x, e->motion.y));
        if (h != b->hover) a->dirty = true;
        b->hover = h;
        return -1;
    }
    case SDL_MOUSEBUTTONUP:
        if (e->button.button != SDL_BUTTON_LEFT) return -1;
        return ui_hit(b->rect, b->count, window_mouse(a, e->button.x, e->button.y));
    default: return -1;
    }
}

/* Lays the buttons out in centred rows no wider than maxw, from y down; returns the height. */
static int buttons_layout(App *a, UiButtons *b, const char *const *labels, int y, int maxw)
{
    int pad = text_line(a, TEXT_BODY) / 2, gap = pad, top = y;
    int i = 0;
    while (i < b->count) {
        /* As many buttons as fit on this row (at least one). */
        int total = 0, n = 0, h = 0;
        /* Buttons that would wrap are padded less first. */
        int inset = 4 * pad, all = 0;
        for (int k = i; k < b->count; k++) all += text_size(a, TEXT_BODY, labels[k], 0).x + 4 * pad + (k > i ? gap : 0);
        if (all > maxw) inset = 2 * pad;
        while (i + n < b->count) {
            SDL_Point sz = text_size(a, TEXT_BODY, labels[i + n], 0);
            int bw = sz.x + inset + (n ? gap : 0);
            if (n && total + bw > maxw) break;
            total += bw;
            if (sz.y + pad * 3 / 2 > h) h = sz.y + pad * 3 / 2;
            n++;
        }
        int x = (a->w - total) / 2;
        for (int k = 0; k < n; k++) {
            SDL_Point sz = text_size(a, TEXT_BODY, labels[i + k], 0);
            b->rect[i + k] = (SDL_Rect){x, y, sz.x + inset, h};
            x += b->rect[i + k].w + gap;
        }
        i += n;
        y += h + (i < b->count ? gap : 0);
    }
    return y - top;
}

int ui_buttons_height(App *a, UiButtons *b, const char *const *labels, int maxw)
{
    return buttons_layout(a, b, labels, 0, maxw);
}

void ui_buttons_render_in(App *a, UiButtons *b, const char *const *labels, int y, int maxw)
{
    const Theme *t = &a->theme;
    int pad = text_line(a, TEXT_BODY) / 2;
    buttons_layout(a, b, labels, y, maxw);
    for (int i = 0; i < b->count; i++) {
        SDL_Rect r = b->rect[i];
        bool focus = i == b->focus, hover = i == b->hover;
        draw_rrect(a, r, r.h / 2, focus || hover ? t->surface_hi : t->surface);
        if (focus) draw_rrect_outline(a, r, r.h / 2, 2, t->focus);
        text_draw(a, TEXT_BODY, labels[i], r.x + r.w / 2, r.y + pad * 3 / 4, ALIGN_CENTER, t->text, 0);
        ui_control_add(a, labels[i], r);
    }
}

int ui_buttons_top(App *a, UiButtons *b, const char *const *labels)
{
    return a->lay.buttons_y + a->lay.button_h - ui_buttons_height(a, b, labels, a->w * 94 / 100);
}

void ui_buttons_render(App *a, UiButtons *b, const char *const *labels, int y)
{
    ui_buttons_render_in(a, b, labels, y, a->w * 94 / 100);
}
