/* Shared widgets: a vertical list of choices, a row of buttons, headers and key hints. */
#include <stdio.h>

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
    int col_w = (area.w - gap * (cols - 1)) / cols;
    int rows = (l->count + cols - 1) / cols;
    int fit = (area.h + gap) / (row_h + gap); /* whole rows that fit */
    if (fit < 1) fit = 1;
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
        bool focus = i == l->focus, hover = i == l->hover;
        draw_rrect(a, r, radius, focus || hover ? t->surface_hi : t->surface);
        if (focus) draw_rrect_outline(a, r, radius, 2, t->focus);
        int tx = r.x + pad * 2;
        text_draw(a, TEXT_BODY, items[i].title, tx, r.y + pad, ALIGN_LEFT, t->text, 0);
        if (items[i].sub)
            text_draw(a, TEXT_SMALL, items[i].sub, tx, r.y + pad + text_line(a, TEXT_BODY),
                      ALIGN_LEFT, t->muted, 0);
    }
    if (l->first > 0)
        text_draw(a, TEXT_SMALL, "more above", area.x + area.w, area.y - text_line(a, TEXT_SMALL),
                  ALIGN_RIGHT, t->muted, 0);
    if (l->first + l->visible < l->count)
        text_draw(a, TEXT_SMALL, "more below", area.x + area.w,
                  area.y + (l->visible + cols - 1) / cols * (row_h + gap), ALIGN_RIGHT, t->muted, 0);
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
    int m = a->lay.margin, y = a->lay.hints_y;
    if (left) text_draw(a, TEXT_SMALL, left, m, y, ALIGN_LEFT, t->muted, 0);
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
    for (int i = 0; i < n; i++) {
        int w = text_size(a, TEXT_BODY, items[i].title, 0).x + 4 * pad;
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

void ui_buttons_render(App *a, UiButtons *b, const char *const *labels, int y)
{
    const Theme *t = &a->theme;
    int pad = text_line(a, TEXT_BODY) / 2;
    int gap = pad;
    int total = 0;
    SDL_Point sz[8];
    for (int i = 0; i < b->count; i++) {
        sz[i] = text_size(a, TEXT_BODY, labels[i], 0);
        total += sz[i].x + 4 * pad + (i ? gap : 0);
    }
    int x = (a->w - total) / 2;
    for (int i = 0; i < b->count; i++) {
        SDL_Rect r = {x, y, sz[i].x + 4 * pad, a->lay.button_h};
        b->rect[i] = r;
        bool focus = i == b->focus, hover = i == b->hover;
        draw_rrect(a, r, r.h / 2, focus || hover ? t->surface_hi : t->surface);
        if (focus) draw_rrect_outline(a, r, r.h / 2, 2, t->focus);
        text_draw(a, TEXT_BODY, labels[i], r.x + r.w / 2, r.y + (r.h - sz[i].y) / 2, ALIGN_CENTER, t->text, 0);
        x += r.w + gap;
    }
}
