/* Help: keys, the "practice, not therapy" notice and crisis lines, one key from anywhere. */
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "scenes.h"

static const char *const KEYS[][2] = {
    {"Space", "quick calm from the menu; pause and resume a practice"},
    {"Enter / click", "choose, go on"},
    {"Esc", "go back"},
    {"Backspace", "the previous step of a grounding exercise"},
    {"Tab", "write a note, where a grounding step offers it"},
    {"M", "sound on or off"},
    {"F11", "full screen"},
    {"F1 or ?", "this help (a practice waits while it is open)"},
};

static void help_event(App *a, void *s, const SDL_Event *e)
{
    (void)s;
    if ((e->type == SDL_KEYDOWN && (e->key.keysym.sym == SDLK_ESCAPE ||
                                    e->key.keysym.sym == SDLK_RETURN || ui_is_help_key(e))) ||
        (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT))
        scene_pop(a);
}

/* Lays out the panel's contents from y down, drawing them when draw is set; returns the y
 * below them. Run once to measure, so the panel fits its contents, then to draw. */
static int help_layout(App *a, int x, int y, int w, bool draw)
{
    const Theme *t = &a->theme;
    int line = text_line(a, TEXT_BODY);
    int wrap = w - 2 * line;
    SDL_Point sz = text_size(a, TEXT_TITLE, "Help", 0);
    if (draw) text_draw(a, TEXT_TITLE, "Help", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += sz.y + line / 2;
    int col = x + w * 30 / 100;
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        if (draw) {
            text_draw(a, TEXT_SMALL, KEYS[i][0], col, y, ALIGN_RIGHT, t->text, 0);
            text_draw(a, TEXT_SMALL, KEYS[i][1], col + line / 2, y, ALIGN_LEFT, t->muted, 0);
        }
        y += text_line(a, TEXT_SMALL);
    }
    y += line;
    const Content *c = &a->content;
    if (c->notice) {
        if (draw) text_draw(a, TEXT_BODY, c->notice, a->w / 2, y, ALIGN_CENTER, t->text, wrap);
        y += text_size(a, TEXT_BODY, c->notice, wrap).y + line / 2;
    }
    for (int i = 0; i < c->ncrisis; i++) {
        char buf[320];
        snprintf(buf, sizeof buf, "%s: %s. %s", c->crisis[i].region, c->crisis[i].name,
                 c->crisis[i].contact);
        if (draw) text_draw(a, TEXT_SMALL, buf, a->w / 2, y, ALIGN_CENTER, t->step[0], wrap);
        y += text_size(a, TEXT_SMALL, buf, wrap).y + line / 4;
    }
    y += line;
    if (draw) text_draw(a, TEXT_SMALL, "Esc close", a->w / 2, y, ALIGN_CENTER, t->muted, 0);
    return y + text_line(a, TEXT_SMALL);
}

static void help_render(App *a, void *s)
{
    (void)s;
    const Theme *t = &a->theme;
    int line = text_line(a, TEXT_BODY);
    int w = text_measure(a) + 2 * line;
    int x = (a->w - w) / 2;
    int h = help_layout(a, x, 0, w, false) + 2 * line; /* a line of margin above and below */
    int y = (a->h - h) / 2;
    if (y < a->lay.gap) y = a->lay.gap;
    draw_rrect(a, (SDL_Rect){x, y, w, h}, a->h / 50, t->surface);
    help_layout(a, x, y + line, w, true);
}

static void *help_make(App *a, const void *args)
{
    (void)a;
    (void)args;
    return malloc(1); /* the help screen has no state of its own */
}

const SceneVT SCENE_HELP = {
    .name = "help",
    .make = help_make,
    .event = help_event,
    .render = help_render,
    .overlay = true,
};
