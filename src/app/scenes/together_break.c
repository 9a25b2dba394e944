/* "We're flooded: take a break", from the talk timer of Cards together. When a body is flooded
 * (heart racing, thoughts narrowing), listening stops working for a while; about twenty minutes
 * apart, doing something soothing, lets it settle. The break shows slow breathing to follow,
 * the time left, and a gentle way back to the same card. The round's clock waits meanwhile. */
#include <stdio.h>
#include <stdlib.h>

#include "together_scene.h"

#define BREAK_MS (20u * 60u * 1000u)

typedef struct Break {
    BreathSession sess; /* slow breathing for the length of the break */
    AtTimer timer;
    FigureCues cues;
    BreathSessionState st;
    UiButtons buttons;
} Break;

static const BreathPattern *break_pattern(const App *a)
{
    const BreathPattern *p = content_pattern(&a->content, "exhale-4-6");
    if (!p) p = content_pattern(&a->content, "quick-calm");
    return p ? p : a->content.npatterns ? &a->content.patterns[0] : NULL;
}

static void break_update(App *a, void *s)
{
    Break *b = s;
    b->st = breath_session_at(&b->sess, timer_elapsed(&b->timer, a->now));
    if (!b->st.done) figure_cues_play(a, &b->cues, &b->st, b->sess.pattern);
}

static bool break_animating(App *a, void *s)
{
    (void)a;
    Break *b = s;
    return !b->st.done && !b->timer.paused;
}

static void break_pause(App *a, Break *b)
{
    if (b->timer.paused) timer_resume(&b->timer, a->now);
    else timer_pause(&b->timer, a->now);
    a->dirty = true;
}

static void break_event(App *a, void *s, const SDL_Event *e)
{
    Break *b = s;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE: scene_pop(a); return;
        case SDLK_SPACE: break_pause(a, b); return;
        default: break;
        }
    }
    int i = ui_buttons_event(a, &b->buttons, e);
    if (i == 0) scene_pop(a);
    else if (i == 1) break_pause(a, b);
}

static void break_render(App *a, void *s)
{
    Break *b = s;
    const Theme *t = &a->theme;
    int y = a->h / 14;
    SDL_Rect r = text_draw(a, TEXT_TITLE, "Take a break: twenty minutes apart", a->w / 2, y,
                           ALIGN_CENTER, t->text, a->lay.wide);
    y += r.h + a->lay.tight;
    r = text_draw(a, TEXT_SMALL,
                  "When a body is flooded, listening stops working for a while. Breathe with the "
                  "circle, walk, or do something soothing, and try not to rehearse the argument. "
                  "The card will be waiting.",
                  a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h;
    const char *labels[2] = {b->st.done ? "Back to the card" : "Back to the card now",
                             b->timer.paused ? "Resume" : "Pause"};
    b->buttons.count = b->st.done ? 1 : 2; /* nothing left to pause */
    int by = a->h - a->lay.margin - text_line(a, TEXT_SMALL) - a->lay.margin -
             ui_buttons_height(a, &b->buttons, labels, a->w * 94 / 100);
    char buf[120];
    if (b->st.done) {
        text_draw(a, TEXT_DISPLAY, "Welcome back", a->w / 2, (y + by) / 2 - text_line(a, TEXT_DISPLAY),
                  ALIGN_CENTER, t->text, 0);
        text_draw(a, TEXT_BODY, "When you are both ready, go back to the same card, gently.",
                  a->w / 2, (y + by) / 2, ALIGN_CENTER, t->muted, text_measure(a));
    } else {
        /* The circle fills what is left between the words and the time line. */
        int words_h = text_line(a, TEXT_TITLE), time_h = text_line(a, TEXT_BODY) + a->lay.gap;
        float space = (float)(by - time_h - words_h - y);
        float rmax = space * 0.42f;
        if (rmax > a->w * 0.25f) rmax = a->w * 0.25f;
        float cy = (float)y + space / 2.0f;
        figure_draw(a, &b->st, b->sess.pattern, a->w / 2.0f, cy, rmax);
        text_draw(a, TEXT_TITLE, b->st.getting_ready ? "Get ready" : breath_kind_words(b->st.phase.kind),
                  a->w / 2, (int)(cy + rmax * 1.08f), ALIGN_CENTER, t->text, 0);
        uint64_t left = b->st.getting_ready ? b->sess.total_ms : b->st.left_ms;
        unsigned minutes = (unsigned)((left + 30000) / 60000); /* the nearest whole minute */
        if (minutes < 1) minutes = 1;
        snprintf(buf, sizeof buf, b->timer.paused ? "Paused. About %u minute%s left"
                                                  : "About %u minute%s left",
                 minutes, minutes == 1 ? "" : "s");
        text_draw(a, TEXT_BODY, buf, a->w / 2, by - time_h, ALIGN_CENTER, t->muted, 0);
    }
    ui_buttons_render(a, &b->buttons, labels, by);
    ui_hints(a, b->st.done ? NULL : b->timer.paused ? "Space resume" : "Space pause",
             "Esc back to the card");
}

static void break_enter(App *a, void *s)
{
    Break *b = s;
    timer_start(&b->timer, a->now);
}

/* Under help the break's time stands still too. */
static void break_covered(App *a, void *s, bool covered)
{
    Break *b = s;
    timer_hold(&b->timer, a->now, covered);
}

static int break_paused(App *a, void *s)
{
    (void)a;
    Break *b = s;
    return b->st.done ? -1 : b->timer.paused;
}

static const SceneVT BREAK = {
    .paused = break_paused,
    .bar = UI_BAR_LEAVE | UI_BAR_PAUSE | UI_BAR_HELP,
    .name = "flooding-break",
    .enter = break_enter,
    .event = break_event,
    .update = break_update,
    .render = break_render,
    .animating = break_animating,
    .covered = break_covered,
};

void together_break_push(App *a)
{
    const BreathPattern *p = break_pattern(a);
    if (!p) return;
    Break *b = calloc(1, sizeof *b);
    if (!b) return;
    b->sess = breath_session(p, BREAK_MS / 60000, BREATH_READY_MS);
    b->cues.last_step = -1;
    b->buttons = (UiButtons){.count = 2, .focus = 0, .hover = -1};
    b->st = breath_session_at(&b->sess, 0);
    scene_push(a, &BREAK, b);
}
