/* Grounding, drawn: the caution before an exercise, each kind of step (a prompt, marks that
 * fill, a timed ring, feeling words and how strong, a breathing interlude), the note under a
 * step, and the finish. Everything here is read from the run; nothing changes it. */
#include <stdio.h>
#include <string.h>

#include "grounding_scene.h"

/* A gentle highlighted panel for a caution: a warm tint of the surface, never an alarm.
 * Returns its height; with draw false it only measures. */
int grounding_view_caution(App *a, const char *text, int x, int y, int w, TextRole role, bool draw)
{
    const Theme *t = &a->theme;
    int pad = text_line(a, TEXT_SMALL) * 3 / 4;
    int inner = w - 2 * pad - pad / 2;
    SDL_Point sz = text_size(a, role, text, inner);
    int h = sz.y + 2 * pad;
    if (!draw) return h;
    SDL_Rect r = {x, y, w, h};
    draw_rrect(a, r, pad, color_mix(t->surface, t->step[BREATH_OUT], 0.06f));
    draw_rrect_outline(a, r, pad, 1, color_alpha(t->step[BREATH_OUT], 0.45f));
    /* A slim warm bar on the left says "take care" without a word. */
    draw_rrect(a, (SDL_Rect){x + pad / 2, y + pad, pad / 3 > 2 ? pad / 3 : 2, h - 2 * pad}, 2,
               color_alpha(t->step[BREATH_OUT], 0.8f));
    text_draw(a, role, text, x + pad + pad / 2, y + pad, ALIGN_LEFT, t->text, inner);
    return h;
}


/* The prompt as large as it reads well: display size when it fits on two lines. */
static TextRole prompt_role(App *a, const char *prompt)
{
    SDL_Point sz = text_size(a, TEXT_DISPLAY, prompt, text_measure(a));
    return sz.y <= text_line(a, TEXT_DISPLAY) * 2 ? TEXT_DISPLAY : TEXT_TITLE;
}

static void render_buttons(App *a, GroundScene *g, const char *const *labels, const Act *acts, int n, int y)
{
    if (g->buttons.count != n) g->buttons.hover = -1;
    g->buttons.count = n;
    for (int i = 0; i < n; i++) g->acts[i] = acts[i];
    if (g->buttons.focus >= n) g->buttons.focus = n - 1;
    ui_buttons_render(a, &g->buttons, labels, y);
}

/* "Step 3 of 8", a row of dots for the steps, and the exercise name. */
static void draw_progress(App *a, GroundScene *g)
{
    const Theme *t = &a->theme;
    int m = a->lay.margin, top = ui_bar_bottom(a); /* under Leave and Help */
    /* Only the steps on the chosen path count (ground.h). */
    int i = ground_run_step_number(&g->run, ground_run_step_index(&g->run)) - 1;
    int n = ground_run_step_total(&g->run);
    char buf[64];
    text_draw(a, TEXT_SMALL, g->ex->title, a->w / 2, m, ALIGN_CENTER, t->muted, 0);
    snprintf(buf, sizeof buf, "Step %d of %d", i + 1, n);
    text_draw(a, TEXT_SMALL, buf, m, top, ALIGN_LEFT, t->muted, 0);
    float cy = (float)top + text_line(a, TEXT_SMALL) / 2.0f;
    float r = a->h / 200.0f + 1.0f, step = r * 4.0f;
    if (step * (float)n > a->w * 0.4f) { /* long exercises: a thin bar instead of dots */
        int bw = a->w * 2 / 5, bx = (a->w - bw) / 2;
        draw_rrect(a, (SDL_Rect){bx, (int)cy - 2, bw, 4}, 2, color_alpha(t->muted, 0.25f));
        draw_rrect(a, (SDL_Rect){bx, (int)cy - 2, bw * (i + 1) / n, 4}, 2, t->step[0]);
        return;
    }
    float x0 = a->w / 2.0f - step * (float)(n - 1) / 2.0f;
    for (int k = 0; k < n; k++) {
        float x = x0 + step * (float)k;
        /* Opaque mixes, not alpha: tiny translucent discs show their seams. */
        if (k < i) draw_disc(a, x, cy, r, color_mix(t->bg, t->step[0], 0.6f));
        else if (k == i) draw_disc(a, x, cy, r * 1.4f, t->step[0]);
        else draw_arc(a, x, cy, r - 0.5f, 1.5f, 0, 1, color_alpha(t->muted, 0.5f));
    }
}

/* Marks that fill one by one: the newest grows with an ease and sends out a fading ripple. */
static void draw_marks(App *a, GroundScene *g, const GroundStep *st, int cy)
{
    const Theme *t = &a->theme;
    float r = a->h * 0.03f, gap = r * 3.4f;
    int marks = ground_run_marks(&g->run);
    float x0 = a->w / 2.0f - gap * (float)(st->count - 1) / 2.0f;
    for (int i = 0; i < st->count; i++) {
        float x = x0 + gap * (float)i;
        draw_arc(a, x, (float)cy, r, 2.0f, 0, 1, color_alpha(t->muted, 0.45f));
        if (i >= marks) continue;
        uint64_t since = a->now - g->mark_at[i];
        float k = since >= MARK_ANIM_MS ? 1.0f : (float)since / (float)MARK_ANIM_MS;
        float e = (float)breath_ease(k);
        if (k < 1.0f)
            draw_arc(a, x, (float)cy, r * (1.0f + 0.5f * e), 2.0f, 0, 1, color_alpha(t->step[0], 0.5f * (1.0f - e)));
        draw_disc(a, x, (float)cy, r * (0.25f + 0.75f * e), color_alpha(t->step[0], 0.6f + 0.4f * e));
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%d of %d", marks, st->count);
    SDL_Rect tr = text_draw(a, TEXT_SMALL, buf, a->w / 2, cy + (int)(r * 1.8f), ALIGN_CENTER, t->muted, 0);
    /* The whole row and its count answer a click. */
    int left = (int)(x0 - r * 1.5f), right = (int)(x0 + gap * (float)(st->count - 1) + r * 1.5f);
    g->counter = (SDL_Rect){left, (int)(cy - r * 1.5f), right - left, tr.y + tr.h - (int)(cy - r * 1.5f)};
}

static int marks_height(App *a) { return (int)(a->h * 0.03f * 3.8f) + text_line(a, TEXT_SMALL); }

static int ring_radius(App *a) { return a->h * 11 / 100; }

/* A timed step: a thin ring that fills with the step's time, and the seconds left. */
static void draw_timer(App *a, GroundScene *g, int cy)
{
    const Theme *t = &a->theme;
    float r = (float)ring_radius(a), cx = a->w / 2.0f;
    float p = (float)ground_run_progress(&g->run, a->now);
    draw_disc(a, cx, (float)cy, r * 0.9f, color_alpha(t->step[0], 0.05f));
    draw_arc(a, cx, (float)cy, r, 3.0f, 0, 1, color_alpha(t->muted, 0.22f));
    if (p > 0.01f) draw_arc(a, cx, (float)cy, r, 4.0f, 0, p, color_alpha(t->step[0], 0.85f));
    uint32_t left = ground_run_seconds_left(&g->run, a->now);
    char buf[32];
    if (left >= 60) ui_fmt_clock(buf, sizeof buf, (uint64_t)left * 1000);
    else snprintf(buf, sizeof buf, "%u", left);
    SDL_Point sz = text_size(a, TEXT_TITLE, buf, 0);
    text_draw(a, TEXT_TITLE, buf, (int)cx, cy - sz.y / 2, ALIGN_CENTER, t->text, 0);
}

/* The feeling words as chips in centred rows: at first an even grid of equal widths (at most
 * five to a row); when room is short, each chip as wide as its word, as many to a row as the
 * window takes. */
typedef struct Chips {
    TextRole role; /* of the words (and of the strength numbers) */
    bool flow;     /* widths follow the words */
    bool tight;    /* least room: slimmer chips, and the strength row without its label */
    int cw, ch, gap, cols, rows;
} Chips;

static int chip_w(App *a, const Chips *c, const char *word)
{
    return c->flow ? text_size(a, c->role, word, 0).x + 3 * (text_line(a, c->role) / 2) : c->cw;
}

/* Lays the chips out in rows from y (out may be NULL, to measure); returns the rows. */
static int chips_place(App *a, const GroundStep *st, const Chips *c, int y, SDL_Rect *out)
{
    int limit = a->lay.wide, n = st->nfeelings, i = 0, row = 0;
    while (i < n) {
        int k = 0, total = 0;
        while (i + k < n) {
            int add = chip_w(a, c, st->feelings[i + k]) + (k ? c->gap : 0);
            if (k && (total + add > limit || (!c->flow && k >= c->cols))) break;
            total += add;
            k++;
        }
        int x = (a->w - total) / 2;
        for (int j = 0; j < k; j++) {
            int w = chip_w(a, c, st->feelings[i + j]);
            if (out) out[i + j] = (SDL_Rect){x, y + row * (c->ch + c->gap), w, c->ch};
            x += w + c->gap;
        }
        i += k;
        row++;
    }
    return row;
}

static Chips chip_fit(App *a, const GroundStep *st, TextRole role, bool flow, bool tight)
{
    Chips c = {.role = role, .flow = flow, .tight = tight};
    int pad = text_line(a, role) / 2;
    int wmax = 0;
    for (int i = 0; i < st->nfeelings; i++) {
        int w = text_size(a, role, st->feelings[i], 0).x;
        if (w > wmax) wmax = w;
    }
    c.cw = wmax + 3 * pad;
    c.ch = text_line(a, role) + (tight ? pad / 2 : pad);
    c.gap = tight ? pad / 2 : pad * 2 / 3;
    int limit = a->lay.wide;
    c.cols = st->nfeelings < 5 ? st->nfeelings : 5;
    while (c.cols > 1 && c.cols * c.cw + (c.cols - 1) * c.gap > limit) c.cols--;
    c.rows = chips_place(a, st, &c, 0, NULL);
    return c;
}

/* Space between the chips and the strength row, and the row's label with its space. */
static int strength_gap(App *a, const Chips *c) { return c->tight ? c->gap * 2 : a->h / 24; }
static int strength_label(App *a, const Chips *c) { return c->tight ? 0 : text_line(a, TEXT_SMALL) + a->lay.tight; }

/* The chips and the strength row under them. */
static int feelings_height(App *a, const Chips *c)
{
    return c->rows * (c->ch + c->gap) - c->gap + strength_gap(a, c) + strength_label(a, c) + c->ch;
}

static void draw_feelings(App *a, GroundScene *g, const GroundStep *st, const Chips *c, int y)
{
    const Theme *t = &a->theme;
    int ch = c->ch, gap = c->gap;
    g->nchips = st->nfeelings;
    chips_place(a, st, c, y, g->chip_rect);
    int idx = ground_run_step_index(&g->run);
    int chosen = ground_run_feeling(&g->run, idx), strength = ground_run_strength(&g->run, idx);
    int n = st->nfeelings;
    for (int i = 0; i < n; i++) {
        SDL_Rect r = g->chip_rect[i];
        ui_control_add(a, st->feelings[i], r);
        bool focus = g->zone == ZONE_CHIPS && i == g->chip_focus, hover = i == g->chip_hover;
        SDL_Color fill = i == chosen ? t->step[0] : focus || hover ? t->surface_hi : t->surface;
        draw_rrect(a, r, ch / 2, fill);
        if (focus) draw_rrect_outline(a, r, ch / 2, 2, i == chosen ? t->text : t->focus);
        int ty = r.y + (ch - text_line(a, c->role)) / 2;
        text_draw(a, c->role, st->feelings[i], r.x + r.w / 2, ty, ALIGN_CENTER, i == chosen ? t->on_accent : t->text, 0);
    }
    y += c->rows * (ch + gap) - gap + strength_gap(a, c);
    /* How strong: five circles, dim until a word is chosen. */
    float alpha = chosen >= 0 ? 1.0f : 0.45f;
    if (!c->tight) /* otherwise the hints say it */
        text_draw(a, TEXT_SMALL, "How strong is it?  1 a little \u00b7 5 very", a->w / 2, y, ALIGN_CENTER,
                  color_alpha(t->muted, alpha), 0);
    y += strength_label(a, c);
    int d = ch, sgap = d / 2;
    int sx = (a->w - (GROUND_STRENGTH_MAX * d + (GROUND_STRENGTH_MAX - 1) * sgap)) / 2;
    for (int i = 0; i < GROUND_STRENGTH_MAX; i++) {
        SDL_Rect r = {sx + i * (d + sgap), y, d, d};
        g->strength_rect[i] = r;
        if (chosen >= 0) { /* strength is chosen once a word is */
            char name[24];
            snprintf(name, sizeof name, "Strength %d", i + 1);
            ui_control_add(a, name, r);
        }
        float cx = r.x + d / 2.0f, cy = r.y + d / 2.0f;
        bool on = i < strength, focus = g->zone == ZONE_STRENGTH && i + 1 == g->strength_focus;
        bool hover = i == g->strength_hover;
        SDL_Color fill = on ? t->step[0] : hover ? t->surface_hi : t->surface;
        draw_disc(a, cx, cy, d / 2.0f, color_alpha(fill, alpha));
        if (focus) draw_arc(a, cx, cy, d / 2.0f - 1.0f, 2.0f, 0, 1, t->focus);
        char num[4];
        snprintf(num, sizeof num, "%d", i + 1);
        int ty = r.y + (d - text_line(a, c->role)) / 2;
        text_draw(a, c->role, num, (int)cx, ty, ALIGN_CENTER, color_alpha(on ? t->on_accent : t->text, alpha), 0);
    }
}

/* The choose step: one wide row per option, numbered for the keys 1-6. */
static int option_inner(App *a, TextRole role, int w) { return w - 4 * text_line(a, role); }
/* The label starts after the number, at the same place on every row. */
static int option_label_x(App *a, TextRole role) { return 2 * text_line(a, role); }

static void option_layout(App *a, const GroundStep *st, TextRole role, int *w, int *h, int *gap)
{
    int pad = text_line(a, role) / 2;
    int wmax = 0;
    for (int i = 0; i < st->noptions; i++) {
        int lw = text_size(a, role, st->options[i].label, 0).x;
        if (lw > wmax) wmax = lw;
    }
    /* Room for the number on the left and the same margin on the right. */
    *w = wmax + 2 * text_line(a, role) + 4 * pad;
    if (*w < text_measure(a) * 3 / 5) *w = text_measure(a) * 3 / 5;
    if (*w > a->lay.wide) *w = a->lay.wide;
    /* A label too long for the row (large text, a narrow window) wraps: every row grows. */
    int lines = text_line(a, role);
    for (int i = 0; i < st->noptions; i++) {
        int lh = text_size(a, role, st->options[i].label, option_inner(a, role, *w)).y;
        if (lh > lines) lines = lh;
    }
    *h = lines + pad * 3 / 2;
    *gap = pad * 2 / 3;
}

static int options_height(App *a, const GroundStep *st, TextRole role)
{
    int w, h, gap;
    option_layout(a, st, role, &w, &h, &gap);
    return st->noptions * (h + gap) - gap;
}

static void draw_options(App *a, GroundScene *g, const GroundStep *st, TextRole role, int y)
{
    const Theme *t = &a->theme;
    int w, h, gap;
    option_layout(a, st, role, &w, &h, &gap);
    int chosen = ground_run_choice(&g->run, ground_run_step_index(&g->run));
    g->nopts = st->noptions;
    for (int i = 0; i < st->noptions; i++) {
        SDL_Rect r = {(a->w - w) / 2, y + i * (h + gap), w, h};
        g->opt_rect[i] = r;
        ui_control_add(a, st->options[i].label, r);
        bool focus = g->zone == ZONE_OPTIONS && i == g->opt_focus, hover = i == g->opt_hover;
        SDL_Color fill = i == chosen ? t->step[0] : focus || hover ? t->surface_hi : t->surface;
        draw_rrect(a, r, h / 2, fill);
        if (focus) draw_rrect_outline(a, r, h / 2, 2, i == chosen ? t->text : t->focus);
        SDL_Color ink = i == chosen ? t->on_accent : t->text;
        char num[12];
        snprintf(num, sizeof num, "%d", i + 1);
        int inner = option_inner(a, role, w);
        int lh = text_size(a, role, st->options[i].label, inner).y;
        int ty = r.y + (h - lh) / 2;
        text_draw(a, role, num, r.x + text_line(a, role), ty, ALIGN_LEFT, i == chosen ? ink : t->muted, 0);
        text_draw(a, role, st->options[i].label, r.x + option_label_x(a, role), ty, ALIGN_LEFT, ink, inner);
    }
}

#define NOTE_SHOWN_LINES 2 /* of a note on its step: the full text is one Tab away */

/* The note the user wrote on this step, under the prompt: its first lines, then "...". */
static int note_panel(App *a, const char *note, int y, bool draw)
{
    const Theme *t = &a->theme;
    int w = text_measure(a) * 4 / 5, pad = text_line(a, TEXT_SMALL) * 3 / 4;
    int inner = w - 2 * pad;
    int starts[64], lens[64];
    int nl = text_wrap_lines(a, TEXT_BODY, note, inner, starts, lens, 64);
    int shown = nl < NOTE_SHOWN_LINES ? nl : NOTE_SHOWN_LINES;
    int h = text_line(a, TEXT_SMALL) + shown * text_line(a, TEXT_BODY) + 2 * pad;
    if (!draw) return h;
    SDL_Rect r = {(a->w - w) / 2, y, w, h};
    draw_rrect(a, r, pad, t->surface);
    text_draw(a, TEXT_SMALL, "Your note", r.x + pad, r.y + pad, ALIGN_LEFT, t->muted, 0);
    char line[NOTE_MAX + 8];
    for (int i = 0; i < shown; i++) {
        int l = lens[i];
        memcpy(line, note + starts[i], (size_t)l);
        line[l] = 0;
        if (i == shown - 1 && nl > shown) {
            /* Cut back to a word that leaves room for the ellipsis. */
            do {
                while (l > 0 && line[l - 1] != ' ') l--;
                while (l > 0 && line[l - 1] == ' ') l--;
                memcpy(line + l, " \u2026", sizeof " \u2026");
            } while (l > 0 && text_size(a, TEXT_BODY, line, 0).x > inner);
        }
        text_draw(a, TEXT_BODY, line, r.x + pad, r.y + pad + text_line(a, TEXT_SMALL) + i * text_line(a, TEXT_BODY),
                  ALIGN_LEFT, t->text, 0);
    }
    return h;
}

static void render_caution(App *a, GroundScene *g)
{
    const Theme *t = &a->theme;
    int mw = text_measure(a);
    int y = a->h / 8;
    SDL_Rect r = text_draw(a, TEXT_TITLE, g->ex->title, a->w / 2, y, ALIGN_CENTER, t->text, mw);
    y += r.h + a->lay.unit;
    r = text_draw(a, TEXT_BODY, g->ex->when, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
    y += r.h + a->h / 20;
    r = text_draw(a, TEXT_SMALL, "Before you begin", (a->w - mw) / 2, y, ALIGN_LEFT, t->step[BREATH_OUT], 0);
    y += r.h + a->h / 100;
    grounding_view_caution(a, g->ex->caution, (a->w - mw) / 2, y, mw, TEXT_BODY, true);
    static const char *const labels[2] = {"I understand, begin", "Not now"};
    static const Act acts[2] = {ACT_BEGIN, ACT_LEAVE};
    render_buttons(a, g, labels, acts, 2, a->lay.buttons_y);
    ui_hints(a, NULL, "Enter begin   Esc leave");
}

static void render_finish(App *a, GroundScene *g)
{
    const Theme *t = &a->theme;
    char buf[200], len[32];
    int y = a->h / 5;
    SDL_Rect r = text_draw(a, TEXT_DISPLAY, "Well done", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->lay.margin;
    ui_fmt_clock(len, sizeof len, ground_run_elapsed(&g->run, a->now));
    int total = ground_run_step_total(&g->run);
    snprintf(buf, sizeof buf, "%s of %s, %d of %d steps.", len, g->ex->title, ground_run_completed(&g->run), total);
    r = text_draw(a, TEXT_BODY, buf, a->w / 2, y, ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h + a->lay.gap;
    r = text_draw(a, TEXT_BODY, "Take this steadiness with you into whatever comes next.", a->w / 2, y,
                  ALIGN_CENTER, t->muted, text_measure(a));
    y += r.h;
    int n = grounding_nnotes(g), nf = grounding_nfeelings(g);
    int by = a->lay.buttons_y - a->h / 20;
    const char *msg = g->save_msg[0] ? g->save_msg
                      : n == 1        ? "You wrote a note. Save it to read later, or simply let it go."
                      : n > 1         ? "You wrote some notes. Save them to read later, or simply let them go."
                      : nf            ? "You named how you feel. Keep it in your journal, or simply let it go."
                                      : NULL;
    int msg_h = msg ? text_size(a, TEXT_SMALL, msg, text_measure(a)).y : 0;
    /* The still circle of the end of a breath, between the words and the buttons. */
    float rr = a->h * 0.07f;
    float cy = (float)(y + by - msg_h - a->lay.gap) / 2.0f;
    if (cy - rr > y + a->lay.unit) draw_disc(a, a->w / 2.0f, cy, rr, color_alpha(t->step[0], 0.85f));
    if (msg) text_draw(a, TEXT_SMALL, msg, a->w / 2, by - msg_h, ALIGN_CENTER, g->saved ? t->step[0] : t->muted, text_measure(a));
    const char *labels[3];
    Act acts[3];
    int nb = 0;
    if ((n || nf) && !g->saved) labels[nb] = n ? "Save my notes" : "Save to journal", acts[nb++] = ACT_SAVE;
    labels[nb] = "Again", acts[nb++] = ACT_AGAIN;
    labels[nb] = "Menu", acts[nb++] = ACT_MENU;
    render_buttons(a, g, labels, acts, nb, a->lay.buttons_y);
    ui_hints(a, NULL, "Enter choose   Esc leave");
}

static void render_interlude(App *a, GroundScene *g, const GroundStep *st, int y, int bottom)
{
    const Theme *t = &a->theme;
    BreathSessionState bs;
    ground_run_breath(&g->run, a->now, &bs);
    const BreathPattern *p = ground_run_pattern(&g->run);
    int mw = text_measure(a);
    y += a->lay.gap;
    SDL_Rect r = text_draw(a, TEXT_TITLE, st->prompt, a->w / 2, y, ALIGN_CENTER, t->text, mw);
    y += r.h;
    if (st->detail) {
        r = text_draw(a, TEXT_SMALL, st->detail, a->w / 2, y + a->h / 100, ALIGN_CENTER, t->muted, mw);
        y += r.h + a->h / 100;
    }
    /* The step words sit just above the buttons; the circle, as on the breathing screen,
     * fills the space between them and the prompt. */
    int words_y = bottom - text_line(a, TEXT_DISPLAY);
    float gap = a->h * 0.035f;
    float room = (float)(words_y - y) - 2.0f * gap;
    float rmax = room / 2.0f / 1.08f;
    if (rmax > a->h * 0.2f) rmax = a->h * 0.2f;
    float cy = (float)(y + words_y) / 2.0f;
    figure_draw_dim(a, &bs, p, a->w / 2.0f, cy, rmax, g->user_paused);
    const char *words = bs.getting_ready ? "Get ready" : breath_kind_words(bs.phase.kind);
    text_draw(a, TEXT_DISPLAY, words, a->w / 2, words_y, ALIGN_CENTER, t->text, 0);
    char buf[64];
    uint64_t shown = bs.getting_ready ? 1 : bs.phase.cycle + 1;
    if (shown > bs.cycles_total) shown = bs.cycles_total;
    snprintf(buf, sizeof buf, "Breath %llu of %llu", (unsigned long long)shown, (unsigned long long)bs.cycles_total);
    int m = a->lay.margin;
    text_draw(a, TEXT_SMALL, buf, a->w - m, ui_bar_bottom(a), ALIGN_RIGHT, t->muted, 0);
}

static void render_step(App *a, GroundScene *g)
{
    const Theme *t = &a->theme;
    const GroundStep *st = ground_run_step(&g->run);
    GroundStepKind kind = ground_run_kind(&g->run);
    int idx = ground_run_step_index(&g->run);
    draw_progress(a, g);
    int top = ui_bar_bottom(a) + text_line(a, TEXT_SMALL) + a->lay.unit; /* below the progress */
    int by = a->lay.buttons_y;
    int bottom = by - a->lay.margin;
    if (kind == GROUND_STEP_BREATHE) {
        render_interlude(a, g, st, top, bottom);
    } else {
        /* Measure, then centre the prompt, its detail and the step's own part in the space.
         * When it is all too tall (many feelings, large text, a small window), it is made
         * more compact a notch at a time: smaller words for the feelings and options, a
         * smaller prompt and closer spacing; then the detail is left out (what to do is in
         * the hints), and at last the prompt is set at body size. */
        int mw = text_measure(a), room = bottom - top;
        TextRole role = TEXT_BODY;
        int gap = a->lay.gap, wide = a->h / 18, h = 0, part = 0;
        bool detail = false;
        Chips chips = {0};
        const char *note = g->notes[idx];
        TextRole words = TEXT_BODY;
        for (int level = 0; level < 5; level++) {
            role = level < 2 ? prompt_role(a, st->prompt) : level < 4 ? TEXT_TITLE : TEXT_BODY;
            words = level == 0 ? TEXT_BODY : TEXT_SMALL;
            if (level >= 2) wide = gap;
            detail = st->detail && level < 3;
            h = text_size(a, role, st->prompt, mw).y;
            if (detail) h += gap + text_size(a, TEXT_BODY, st->detail, mw).y;
            if (st->caution) h += gap + grounding_view_caution(a, st->caution, 0, 0, mw * 4 / 5, TEXT_BODY, false);
            if (note) h += gap + note_panel(a, note, 0, false);
            if (kind == GROUND_STEP_FEELINGS) chips = chip_fit(a, st, words, level > 0, level > 2);
            part = kind == GROUND_STEP_COUNT      ? marks_height(a)
                   : kind == GROUND_STEP_TIMED    ? 2 * ring_radius(a)
                   : kind == GROUND_STEP_FEELINGS ? feelings_height(a, &chips)
                   : kind == GROUND_STEP_CHOOSE   ? options_height(a, st, words)
                                                  : 0;
            if (part) h += wide + part;
            if (h <= room) break;
        }
        int y = top + (bottom - top - h) / 2;
        if (y < top) y = top;
        SDL_Rect r = text_draw(a, role, st->prompt, a->w / 2, y, ALIGN_CENTER, t->text, mw);
        y += r.h;
        if (detail) {
            r = text_draw(a, TEXT_BODY, st->detail, a->w / 2, y + gap, ALIGN_CENTER, t->muted, mw);
            y += gap + r.h;
        }
        if (st->caution) y += gap + grounding_view_caution(a, st->caution, (a->w - mw * 4 / 5) / 2, y + gap, mw * 4 / 5, TEXT_BODY, true);
        if (part) y += wide;
        switch (kind) {
        case GROUND_STEP_COUNT: draw_marks(a, g, st, y + (int)(a->h * 0.03f)); break;
        case GROUND_STEP_TIMED: draw_timer(a, g, y + ring_radius(a)); break;
        case GROUND_STEP_FEELINGS: draw_feelings(a, g, st, &chips, y); break;
        case GROUND_STEP_CHOOSE: draw_options(a, g, st, words, y); break;
        default: break;
        }
        y += part;
        if (note) note_panel(a, note, y + gap, true);
    }
    const char *labels[3];
    Act acts[3];
    int n = 0;
    bool last = ground_run_last_step(&g->run);
    bool first = ground_run_step_number(&g->run, idx) <= 1;
    if (!first) labels[n] = "Back", acts[n++] = ACT_BACK;
    if (st->note) labels[n] = g->notes[idx] ? "Edit note" : "Write a note", acts[n++] = ACT_NOTE;
    labels[n] = last ? "Finish" : "Next", acts[n++] = ACT_NEXT;
    /* The ring shows what Enter does; on the feelings and choose steps only once the keys
     * reach it. */
    bool picks = kind == GROUND_STEP_FEELINGS || kind == GROUND_STEP_CHOOSE;
    g->buttons.focus = !picks || g->zone == ZONE_BUTTONS ? n - 1 : -1;
    render_buttons(a, g, labels, acts, n, by);
    char hint[128];
    char choose_hint[64];
    snprintf(choose_hint, sizeof choose_hint, "1-%d or Up/Down and Enter choose", st->noptions);
    if (kind != GROUND_STEP_COUNT) g->counter = (SDL_Rect){0, 0, 0, 0};
    if (g->user_paused) {
        int m = a->lay.margin;
        text_draw(a, TEXT_BODY, "Paused", a->w / 2, m + text_line(a, TEXT_SMALL), ALIGN_CENTER, t->text, 0);
    }
    bool pausable = kind != GROUND_STEP_FEELINGS && kind != GROUND_STEP_CHOOSE;
    snprintf(hint, sizeof hint, "%s%s%s   Esc leave", !pausable ? "" : g->user_paused ? "Space resume   " : "Space pause   ",
             !first ? "Backspace back   " : "", st->note ? "Tab note" : "");
    ui_hints(a, kind == GROUND_STEP_FEELINGS ? "Arrows and Enter choose   1-5 how strong"
                : kind == GROUND_STEP_CHOOSE ? choose_hint
                : kind == GROUND_STEP_COUNT  ? "Enter or click a circle to count"
                : audio_muted(a)             ? "Sound off (M)"
                                             : "Sound on (M)",
             hint);
}

void grounding_view_render(App *a, GroundScene *g)
{
    if (!g->entered) return;
    if (ground_run_awaiting_ack(&g->run)) render_caution(a, g);
    else if (ground_run_finished(&g->run)) render_finish(a, g);
    else render_step(a, g);
}

