/* The check-in before and after a practice: "How stirred up do you feel right now?", answered
 * with one keypress (0-9, T for 10) or one click, or skipped (S, a click on Skip). Esc goes
 * back: before a practice, to where the person came from, with nothing started or recorded;
 * after one, on (the practice is saved already). */
#include <stdio.h>
#include <stdlib.h>

#include "recording.h"
#include "scenes.h"

/* At or above this after a practice, one calm line says where support is. */
#define CHECKIN_SUPPORT_AT 9

#define NCHIPS 11

typedef struct CheckIn {
    bool after;
    const SceneVT *next_vt; /* before: the practice screen, pushed once answered */
    void *next;             /* owned until then */
    int focus, hover;       /* chip, -1 none */
    SDL_Rect chip[NCHIPS];
    UiButtons skip;
    bool done;
} CheckIn;

static void answer(App *a, CheckIn *c, int rating)
{
    if (c->done) return;
    c->done = true;
    if (c->after) {
        scene_pop(a);
        recording_rated_after(a, rating); /* may push a notice: it lands above what is below */
        if (rating >= CHECKIN_SUPPORT_AT)
            notice_push(a, "Thank you for checking in",
                        "Some practices stir things up, and that is part of it too. If it would "
                        "help to talk to someone, support is one key away: F1.");
    } else {
        recording_rated_before(a, rating);
        scene_replace(a, c->next_vt, c->next);
        c->next = NULL;
    }
}

static void checkin_event(App *a, void *s, const SDL_Event *e)
{
    CheckIn *c = s;
    if (e->type == SDL_KEYDOWN) {
        SDL_Keycode k = e->key.keysym.sym;
        if (k >= SDLK_0 && k <= SDLK_9) answer(a, c, (int)(k - SDLK_0));
        else if (k >= SDLK_KP_1 && k <= SDLK_KP_9) answer(a, c, (int)(k - SDLK_KP_1) + 1);
        else if (k == SDLK_KP_0) answer(a, c, 0);
        else if (k == SDLK_t) answer(a, c, 10);
        else if (k == SDLK_s || (k == SDLK_ESCAPE && c->after)) answer(a, c, PRACTICE_NO_RATING);
        else if (k == SDLK_ESCAPE) {
            /* Back, never forward: the practice is not started (checkin_free frees it). */
            c->done = true;
            recording_cancel(a);
            scene_pop(a);
        }
        else if (k == SDLK_LEFT || k == SDLK_RIGHT) {
            /* The first arrow lands in the middle: no end of the scale is suggested. */
            if (c->focus < 0) c->focus = 5;
            else if (k == SDLK_LEFT && c->focus > 0) c->focus--;
            else if (k == SDLK_RIGHT && c->focus < NCHIPS - 1) c->focus++;
            a->dirty = true;
        } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && c->focus >= 0) {
            answer(a, c, c->focus);
        }
        return;
    }
    if (e->type == SDL_MOUSEMOTION) {
        int h = ui_hit(c->chip, NCHIPS, window_mouse(a, e->motion.x, e->motion.y));
        if (h != c->hover) a->dirty = true;
        c->hover = h;
    } else if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
        int h = ui_hit(c->chip, NCHIPS, window_mouse(a, e->button.x, e->button.y));
        if (h >= 0) {
            answer(a, c, h);
            return;
        }
    }
    if (ui_buttons_event(a, &c->skip, e) == 0) answer(a, c, PRACTICE_NO_RATING);
}

static void checkin_render(App *a, void *s)
{
    CheckIn *c = s;
    const Theme *t = &a->theme;
    int cx = a->w / 2;
    int y = a->h / 5;
    SDL_Rect r = text_draw(a, TEXT_SMALL, c->after ? "Before you move on" : "Before you begin", cx, y,
                           ALIGN_CENTER, t->muted, 0);
    y += r.h + a->lay.unit;
    r = text_draw(a, TEXT_TITLE, "How stirred up do you feel right now?", cx, y, ALIGN_CENTER, t->text,
                  text_measure(a));
    y += r.h + a->h / 12;

    /* Eleven round chips, as wide as the window allows. */
    int size = a->h * 85 / 1000;
    int fit = (int)(a->w * 0.9f / (NCHIPS + (NCHIPS - 1) * 0.25f));
    if (size > fit) size = fit;
    int gap = size / 4;
    int total = NCHIPS * size + (NCHIPS - 1) * gap;
    int x0 = (a->w - total) / 2;
    for (int i = 0; i < NCHIPS; i++) {
        SDL_Rect cr = {x0 + i * (size + gap), y, size, size};
        c->chip[i] = cr;
        char name[8];
        snprintf(name, sizeof name, "%d", i);
        ui_control_add(a, name, cr);
        float ccx = cr.x + size / 2.0f, ccy = cr.y + size / 2.0f, rad = size / 2.0f;
        /* A thin ring from calm teal to warm sand: a scale, never a warning. */
        SDL_Color hue = color_mix(t->step[0], t->step[2], i / 10.0f);
        bool lit = i == c->hover || i == c->focus;
        draw_rrect(a, cr, size / 2, lit ? t->surface_hi : t->surface);
        draw_arc(a, ccx, ccy, rad - 1.5f, 1.5f, 0, 1, color_alpha(hue, lit ? 0.9f : 0.45f));
        if (i == c->focus) draw_arc(a, ccx, ccy, rad + 3, 2.0f, 0, 1, t->focus);
        char num[4] = {0};
        if (i < 10) num[0] = (char)('0' + i);
        else num[0] = '1', num[1] = '0';
        SDL_Point sz = text_size(a, TEXT_BODY, num, 0);
        text_draw(a, TEXT_BODY, num, (int)ccx, (int)ccy - sz.y / 2, ALIGN_CENTER, t->text, 0);
    }
    y += size + a->h / 50;
    text_draw(a, TEXT_SMALL, "0 = calm", x0, y, ALIGN_LEFT, t->muted, 0);
    r = text_draw(a, TEXT_SMALL, "10 = as stirred up as it gets", x0 + total, y, ALIGN_RIGHT, t->muted, 0);
    y += r.h + a->h / 14;
    static const char *const labels[1] = {"Skip"};
    ui_buttons_render(a, &c->skip, labels, y);
    ui_hints(a, "Press 0-9, or T for 10", c->after ? "S or Esc to skip" : "S skip   Esc back");
}

static void checkin_free(App *a, void *s)
{
    CheckIn *c = s;
    if (!c->done) {
        /* The app is closing with the question up. */
        if (c->after) recording_rated_after(a, PRACTICE_NO_RATING);
        else recording_cancel(a);
    }
    if (c->next) {
        if (c->next_vt->free) c->next_vt->free(a, c->next);
        else free(c->next);
    }
    free(c);
}

/* Without room for the question, the caller goes straight on, unrated. */
static void *checkin_make(App *a, const void *args)
{
    (void)a;
    const CheckinArgs *ca = args;
    CheckIn *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    *c = (CheckIn){.after = ca->after, .next_vt = ca->next_vt, .next = ca->next, .focus = -1,
                   .hover = -1, .skip = {.count = 1, .focus = -1, .hover = -1}};
    return c;
}

const SceneVT SCENE_CHECKIN = {
    .name = "checkin",
    .make = checkin_make,
    .event = checkin_event,
    .render = checkin_render,
    .free = checkin_free,
};
