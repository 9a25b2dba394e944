/* A calm notice over the current screen (a practice that could not be saved): a title, a few
 * words, one "OK". It explains; it never alarms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenes.h"

typedef struct Notice {
    char title[120];
    char body[2400];
    UiButtons ok;
} Notice;

static void notice_event(App *a, void *s, const SDL_Event *e)
{
    Notice *n = s;
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_ESCAPE || k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) scene_pop(a);
        return;
    }
    if (ui_buttons_event(a, &n->ok, e) == 0) scene_pop(a);
}

static void notice_render(App *a, void *s)
{
    Notice *n = s;
    const Theme *t = &a->theme;
    int line = text_line(a, TEXT_BODY);
    int w = text_measure(a) + 2 * line;
    if (w > a->w - 2 * line) w = a->w - 2 * line;
    int wrap = w - 2 * line;
    SDL_Point ts = text_size(a, TEXT_TITLE, n->title, wrap);
    SDL_Point bs = text_size(a, TEXT_BODY, n->body, wrap);
    int bh = line * 5 / 2;
    int h = line + ts.y + line / 2 + bs.y + line + bh + line;
    SDL_Rect panel = {(a->w - w) / 2, (a->h - h) / 2, w, h};
    if (panel.y < a->h / 20) panel.y = a->h / 20;
    draw_rrect(a, panel, a->h / 50, t->surface);
    int y = panel.y + line;
    SDL_Rect r = text_draw(a, TEXT_TITLE, n->title, a->w / 2, y, ALIGN_CENTER, t->text, wrap);
    y += r.h + line / 2;
    r = text_draw(a, TEXT_BODY, n->body, a->w / 2, y, ALIGN_CENTER, t->muted, wrap);
    y += r.h + line;
    static const char *const labels[1] = {"OK"};
    ui_buttons_render(a, &n->ok, labels, y);
    ui_hints(a, NULL, "Enter or Esc close");
}

static void *notice_make(App *a, const void *args)
{
    (void)a;
    const NoticeArgs *na = args;
    Notice *n = calloc(1, sizeof *n);
    if (!n) return NULL;
    snprintf(n->title, sizeof n->title, "%s", na->title);
    snprintf(n->body, sizeof n->body, "%s", na->body);
    n->ok = (UiButtons){.count = 1, .focus = 0, .hover = -1};
    return n;
}

const SceneVT SCENE_NOTICE = {
    .name = "notice",
    .make = notice_make,
    .event = notice_event,
    .render = notice_render,
    .overlay = true,
};
