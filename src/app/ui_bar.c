/* Clickable controls (each drawn control's name and place, for the pointer, the hand cursor
 * and the scripted mode's `texts`) and the control bar: Back or Leave, Pause, Help, drawn over
 * every scene and answering its keys. The other shared widgets are in ui.c. */
#include <stdio.h>
#include <string.h>

#include "app.h"

static void control_add(App *a, const char *label, SDL_Rect r, int action)
{
    if (!a->collect_controls || a->ncontrols == UI_CONTROLS_MAX || !label) return;
    UiControl *c = &a->controls[a->ncontrols++];
    snprintf(c->label, sizeof c->label, "%s", label);
    c->rect = r;
    c->action = action;
}

void ui_control_add(App *a, const char *label, SDL_Rect r) { control_add(a, label, r, UI_ACT_NONE); }

int ui_control_at(const App *a, SDL_Point p)
{
    /* The last recorded wins: the control bar is drawn over the scene. */
    for (int i = a->ncontrols - 1; i >= 0; i--)
        if (SDL_PointInRect(&p, &a->controls[i].rect)) return i;
    return -1;
}

void ui_cursor_update(App *a)
{
    bool hand = ui_control_at(a, a->mouse) >= 0;
    if (hand == a->cursor_is_hand) return;
    a->cursor_is_hand = hand;
    if (!a->cursor_hand) a->cursor_hand = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND);
    if (!a->cursor_arrow) a->cursor_arrow = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_ARROW);
    SDL_Cursor *c = hand ? a->cursor_hand : a->cursor_arrow;
    if (c) SDL_SetCursor(c);
}

static unsigned bar_flags(const Scene *sc, bool bottom)
{
    unsigned f = sc->vt->bar;
    if (f & UI_BAR_NONE) return 0;
    if (!f) f = bottom ? UI_BAR_HELP : UI_BAR_BACK | UI_BAR_HELP;
    return f;
}

/* One small pill with its label; x is its left or right edge per align. Returns its rect. */
static SDL_Rect bar_button(App *a, const char *label, int x, int y, Align align, int action)
{
    const Theme *t = &a->theme;
    int line = text_line(a, TEXT_SMALL), pad = line / 2;
    SDL_Point sz = text_size(a, TEXT_SMALL, label, 0);
    SDL_Rect r = {0, y, sz.x + 3 * pad, line + pad};
    r.x = align == ALIGN_RIGHT ? x - r.w : x;
    bool hover = SDL_PointInRect(&a->mouse, &r);
    draw_rrect(a, r, r.h / 2, hover ? t->surface_hi : t->surface);
    if (hover) draw_rrect_outline(a, r, r.h / 2, 1, t->muted);
    text_draw(a, TEXT_SMALL, label, r.x + r.w / 2, r.y + pad / 2, ALIGN_CENTER,
              hover ? t->text : color_mix(t->muted, t->text, 0.5f), 0);
    control_add(a, label, r, action);
    return r;
}

int ui_pill_w(App *a, const char *label)
{
    int pad = text_line(a, TEXT_SMALL) / 2;
    return text_size(a, TEXT_SMALL, label, 0).x + 3 * pad;
}

void ui_bar_span(App *a, int *left, int *right)
{
    int m = a->lay.margin, gap = text_line(a, TEXT_SMALL) / 2;
    *left = 0;
    *right = a->w;
    Scene *sc = scene_top(a);
    if (!sc) return;
    unsigned f = bar_flags(sc, a->depth <= 1);
    int x = m;
    if (f & (UI_BAR_BACK | UI_BAR_LEAVE)) x += ui_pill_w(a, f & UI_BAR_LEAVE ? "Leave" : "Back") + gap;
    int paused = (f & UI_BAR_PAUSE) && sc->vt->paused ? sc->vt->paused(a, sc->s) : -1;
    /* Room for the wider of Pause and Resume: the line does not move when one becomes the other. */
    if (paused >= 0) {
        int p = ui_pill_w(a, "Pause"), r = ui_pill_w(a, "Resume");
        x += (p > r ? p : r) + gap;
    }
    /* A line beside the controls keeps a small space from them. */
    if (x > m) *left = x - gap + a->lay.unit / 2;
    if (f & UI_BAR_HELP) *right = a->w - m - ui_pill_w(a, "Help") - a->lay.unit / 2;
}

/* Where ui_bar_top_line puts s: centred in the window if the bar leaves room, else in the room
 * between its controls, else under them. */
static SDL_Point top_line_at(App *a, TextRole role, const char *s)
{
    int left, right, m = a->lay.margin, w = text_size(a, role, s, 0).x;
    ui_bar_span(a, &left, &right);
    int x = a->w / 2 - w / 2, y = m;
    if (x < left || x + w > right) x = left + (right - left - w) / 2;
    if (x < left) {
        x = (a->w - w) / 2;
        y = ui_bar_bottom(a);
    }
    return (SDL_Point){x < 0 ? 0 : x, y};
}

int ui_bar_top_line(App *a, TextRole role, const char *s, SDL_Color c)
{
    SDL_Point p = top_line_at(a, role, s);
    text_draw(a, role, s, p.x, p.y, ALIGN_LEFT, c, 0);
    return p.y + text_line(a, role);
}

SDL_Rect ui_bar_pill(App *a, const char *label)
{
    int pad = text_line(a, TEXT_SMALL) / 2;
    return bar_button(a, label, a->lay.margin + ui_pill_w(a, "Back") + pad, a->lay.margin, ALIGN_LEFT, 0);
}

SDL_Rect ui_pill(App *a, const char *label, int x, int y, Align align)
{
    return bar_button(a, label, x, y, align, UI_ACT_NONE);
}

int ui_bar_bottom(App *a)
{
    int line = text_line(a, TEXT_SMALL);
    return a->lay.margin + line + line / 2 + line / 4;
}

void ui_bar_free(App *a, int *left, int *right)
{
    int m = a->lay.margin, line = text_line(a, TEXT_SMALL), gap = line / 2, pad = line / 2;
    Scene *sc = scene_top(a);
    unsigned f = sc ? bar_flags(sc, a->depth == 1) : 0;
    *left = m;
    *right = a->w - m;
    if (f & (UI_BAR_BACK | UI_BAR_LEAVE))
        *left += text_size(a, TEXT_SMALL, f & UI_BAR_LEAVE ? "Leave" : "Back", 0).x + 3 * pad + gap;
    if ((f & UI_BAR_PAUSE) && sc->vt->paused) /* room for the wider of its two names */
        *left += SDL_max(text_size(a, TEXT_SMALL, "Pause", 0).x, text_size(a, TEXT_SMALL, "Resume", 0).x) + 3 * pad + gap;
    if (f & UI_BAR_HELP) *right -= text_size(a, TEXT_SMALL, "Help", 0).x + 3 * pad + gap;
}

void ui_bar_render(App *a, Scene *sc, bool bottom)
{
    unsigned f = bar_flags(sc, bottom);
    int m = a->lay.margin, gap = text_line(a, TEXT_SMALL) / 2, x = m;
    if (f & (UI_BAR_BACK | UI_BAR_LEAVE)) {
        SDL_Rect r = bar_button(a, f & UI_BAR_LEAVE ? "Leave" : "Back", x, m, ALIGN_LEFT, UI_ACT_BACK);
        x = r.x + r.w + gap;
    }
    int paused = (f & UI_BAR_PAUSE) && sc->vt->paused ? sc->vt->paused(a, sc->s) : -1;
    if (paused >= 0) bar_button(a, paused ? "Resume" : "Pause", x, m, ALIGN_LEFT, UI_ACT_PAUSE);
    if (f & UI_BAR_HELP) bar_button(a, "Help", a->w - m, m, ALIGN_RIGHT, UI_ACT_HELP);
}

SDL_Event ui_key_down(App *a, SDL_Keycode k)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.windowID = SDL_GetWindowID(a->win);
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    return e;
}

/* The scene sees a bar control exactly as the key it stands for. */
static void send_key(App *a, Scene *sc, SDL_Keycode k)
{
    SDL_Event e = ui_key_down(a, k);
    if (sc->vt->event) sc->vt->event(a, sc->s, &e);
}

bool ui_bar_event(App *a, Scene *sc, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_MOUSEMOTION: {
        SDL_Point p = window_mouse(a, e->motion.x, e->motion.y);
        int was = ui_control_at(a, a->mouse), now = ui_control_at(a, p);
        a->mouse = p;
        /* The bar draws its own hover from the pointer. */
        if (was != now && ((was >= 0 && a->controls[was].action) || (now >= 0 && a->controls[now].action)))
            a->dirty = true;
        ui_cursor_update(a);
        return false;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        if (e->button.button != SDL_BUTTON_LEFT) return false;
        SDL_Point p = window_mouse(a, e->button.x, e->button.y);
        int i = ui_control_at(a, p);
        if (i < 0 || !a->controls[i].action) return false;
        if (e->type == SDL_MOUSEBUTTONDOWN) return true;
        switch (a->controls[i].action) {
        case UI_ACT_BACK: send_key(a, sc, SDLK_ESCAPE); break;
        case UI_ACT_PAUSE: send_key(a, sc, SDLK_SPACE); break;
        case UI_ACT_HELP:
            if (sc->vt != a->scenes->help) scene_open(a, a->scenes->help, NULL);
            break;
        default: break;
        }
        a->dirty = true;
        return true;
    }
    default: return false;
    }
}
