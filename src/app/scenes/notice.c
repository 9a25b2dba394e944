/* A calm panel over the current screen: a title, a few words and one to three choices. Used for
 * a practice that could not be saved, the first-start welcome, the safety note, "moves, not
 * types" and the Cards together gate. It explains; it never alarms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenes.h"

#define NOTICE_CHOICES 3

typedef struct Notice {
    char title[120];
    char body[2400];
    char labels[NOTICE_CHOICES][48];
    UiButtons buttons;
    UiScroll scroll; /* the body, when the window is too small for it */
    int space;       /* the choice Space makes (-1: none) */
    NoticeDone done; /* called once: with the choice (-1: Esc) after the panel is popped */
    void *ctx;
    bool answered;
} Notice;

static void notice_choose(App *a, Notice *n, int choice)
{
    n->answered = true;
    scene_pop(a);
    if (n->done) n->done(a, n->ctx, choice);
}

/* Closed unanswered (the app closing over it): done still hears of it, as Esc, so it can free
 * its ctx. */
static void notice_free(App *a, void *s)
{
    Notice *n = s;
    if (!n->answered && n->done) n->done(a, n->ctx, -1);
    free(n);
}

static void notice_event(App *a, void *s, const SDL_Event *e)
{
    Notice *n = s;
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k == SDLK_ESCAPE) {
            notice_choose(a, n, -1);
            return;
        }
        if (k == SDLK_SPACE && n->space >= 0) {
            notice_choose(a, n, n->space);
            return;
        }
    }
    if (ui_scroll_event(a, &n->scroll, e)) return;
    int i = ui_buttons_event(a, &n->buttons, e);
    if (i >= 0) notice_choose(a, n, i);
}

static void notice_render(App *a, void *s)
{
    Notice *n = s;
    const Theme *t = &a->theme;
    int line = text_line(a, TEXT_BODY);
    int w = text_measure(a) + 2 * line;
    if (w > a->w - 2 * line) w = a->w - 2 * line;
    int wrap = w - 2 * line;
    const char *labels[NOTICE_CHOICES];
    for (int i = 0; i < n->buttons.count; i++) labels[i] = n->labels[i];
    /* The panel sits between the control bar and the bottom edge. When it would not fit, the
     * body steps down a size, then the title; then the body scrolls. */
    int top = ui_bar_bottom(a) + a->lay.unit, room = a->h - a->lay.gap - top;
    TextRole title = TEXT_TITLE, body = TEXT_BODY;
    int bh = ui_buttons_height(a, &n->buttons, labels, w), th = 0, bodyh = 0, h = 0;
    for (int step = 0; step < 3; step++) {
        if (step == 1) body = TEXT_SMALL;
        if (step == 2) title = TEXT_BODY;
        th = text_size(a, title, n->title, wrap).y;
        bodyh = ui_scroll_height(a, body, n->body, wrap);
        h = line + th + line / 2 + bodyh + line + bh + line;
        if (h <= room) break;
    }
    if (h > room) {
        bodyh -= h - room;
        h = room;
    }
    SDL_Rect panel = {(a->w - w) / 2, top + (room - h) / 2, w, h};
    draw_rrect(a, panel, a->h / 50, t->surface);
    int y = panel.y + line;
    SDL_Rect r = text_draw(a, title, n->title, a->w / 2, y, ALIGN_CENTER, t->text, wrap);
    y += r.h + line / 2;
    ui_scroll_text(a, &n->scroll, body, n->body, (SDL_Rect){panel.x + line, y, wrap, bodyh}, t->muted);
    ui_buttons_render_in(a, &n->buttons, labels, panel.y + panel.h - line - bh, w);
}

static Notice *notice_new(const char *title, const char *body, const char *const *labels,
                          int nlabels, int space, NoticeDone done, void *ctx)
{
    Notice *n = calloc(1, sizeof *n);
    if (!n) return NULL;
    snprintf(n->title, sizeof n->title, "%s", title);
    snprintf(n->body, sizeof n->body, "%s", body ? body : "");
    if (nlabels > NOTICE_CHOICES) nlabels = NOTICE_CHOICES;
    for (int i = 0; i < nlabels; i++) snprintf(n->labels[i], sizeof n->labels[i], "%s", labels[i]);
    n->buttons = (UiButtons){.count = nlabels, .focus = 0, .hover = -1};
    n->space = space < nlabels ? space : -1;
    n->done = done;
    n->ctx = ctx;
    return n;
}

static const char *const OK[1] = {"OK"};

/* For the engine (scene_open with NoticeArgs): one OK. */
static void *notice_make(App *a, const void *args)
{
    (void)a;
    const NoticeArgs *na = args;
    return notice_new(na->title, na->body, OK, 1, 0, NULL, NULL);
}

const SceneVT SCENE_NOTICE = {
    .name = "notice",
    .make = notice_make,
    .event = notice_event,
    .render = notice_render,
    .free = notice_free,
    .overlay = true,
};

void notice_push_choice(App *a, const char *title, const char *body, const char *const *labels,
                        int nlabels, int space, NoticeDone done, void *ctx)
{
    scene_push(a, &SCENE_NOTICE, notice_new(title, body, labels, nlabels, space, done, ctx));
}

void notice_push(App *a, const char *title, const char *body)
{
    notice_push_choice(a, title, body, OK, 1, 0, NULL, NULL);
}
