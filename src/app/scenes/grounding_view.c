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
    int m = a->lay.margin, top = m + text_line(a, TEXT_SMALL);
    int i = ground_run_step_index(&g->run), n = ground_run_step_total(&g->run);
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
    text_draw(a, TEXT_SMALL, buf, a->w / 2, cy + (int)(r * 1.8f), ALIGN_CENTER, t->muted, 0);
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

/* Chip sizes for the feelings grid: equal widths, as many columns as fit the measure. */
static void chip_layout(App *a, const GroundStep *st, int *cw, int *ch, int *cols, int *gap)
{
    int pad = text_line(a, TEXT_BODY) / 2;
    int wmax = 0;
    for (int i = 0; i < st->nfeelings; i++) {
        int w = text_size(a, TEXT_BODY, st->feelings[i], 0).x;
        if (w > wmax) wmax = w;
    }
    *cw = wmax + 3 * pad;
    *ch = text_line(a, TEXT_BODY) + pad;
    *gap = pad * 2 / 3;
    int limit = a->lay.wide;
    *cols = st->nfeelings < 5 ? st->nfeelings : 5;
    while (*cols > 1 && *cols * *cw + (*cols - 1) * *gap > limit) (*cols)--;
}

static int feelings_height(App *a, const GroundStep *st)
{
    int cw, ch, cols, gap;
    chip_layout(a, st, &cw, &ch, &cols, &gap);
    int rows = (st->nfeelings + cols - 1) / cols;
    return rows * (ch + gap) - gap + a->h / 24 + text_line(a, TEXT_SMALL) + a->lay.tight + ch;
}

static void draw_feelings(App *a, GroundScene *g, const GroundStep *st, int y)
{
    const Theme *t = &a->theme;
    int cw, ch, cols, gap;
    chip_layout(a, st, &cw, &ch, &cols, &gap);
    g->chip_cols = cols;
    g->nchips = st->nfeelings;
    int idx = ground_run_step_index(&g->run);
    int chosen = ground_run_feeling(&g->run, idx), strength = ground_run_strength(&g->run, idx);
    int n = st->nfeelings;
    for (int i = 0; i < n; i++) {
        int row = i / cols, col = i % cols;
        int in_row = row == (n - 1) / cols ? n - row * cols : cols; /* the last row is centred */
        int rx = (a->w - (in_row * cw + (in_row - 1) * gap)) / 2;
        SDL_Rect r = {rx + col * (cw + gap), y + row * (ch + gap), cw, ch};
        g->chip_rect[i] = r;
        bool focus = g->zone == ZONE_CHIPS && i == g->chip_focus, hover = i == g->chip_hover;
        SDL_Color fill = i == chosen ? t->step[0] : focus || hover ? t->surface_hi : t->surface;
        draw_rrect(a, r, ch / 2, fill);
        if (focus) draw_rrect_outline(a, r, ch / 2, 2, i == chosen ? t->text : t->focus);
        int ty = r.y + (ch - text_line(a, TEXT_BODY)) / 2;
        text_draw(a, TEXT_BODY, st->feelings[i], r.x + cw / 2, ty, ALIGN_CENTER, i == chosen ? t->on_accent : t->text, 0);
    }
    int rows = (n + cols - 1) / cols;
    y += rows * (ch + gap) - gap + a->h / 24;
    /* How strong: five circles, dim until a word is chosen. */
    float alpha = chosen >= 0 ? 1.0f : 0.45f;
    SDL_Rect lr = text_draw(a, TEXT_SMALL, "How strong is it?  1 a little \u00b7 5 very", a->w / 2, y,
                            ALIGN_CENTER, color_alpha(t->muted, alpha), 0);
    y += lr.h + a->lay.tight;
    int d = ch, sgap = d / 2;
    int sx = (a->w - (GROUND_STRENGTH_MAX * d + (GROUND_STRENGTH_MAX - 1) * sgap)) / 2;
    for (int i = 0; i < GROUND_STRENGTH_MAX; i++) {
        SDL_Rect r = {sx + i * (d + sgap), y, d, d};
        g->strength_rect[i] = r;
        float cx = r.x + d / 2.0f, cy = r.y + d / 2.0f;
        bool on = i < strength, focus = g->zone == ZONE_STRENGTH && i + 1 == g->strength_focus;
        bool hover = i == g->strength_hover;
        SDL_Color fill = on ? t->step[0] : hover ? t->surface_hi : t->surface;
        draw_disc(a, cx, cy, d / 2.0f, color_alpha(fill, alpha));
        if (focus) draw_arc(a, cx, cy, d / 2.0f - 1.0f, 2.0f, 0, 1, t->focus);
        char num[4];
        snprintf(num, sizeof num, "%d", i + 1);
        int ty = r.y + (d - text_line(a, TEXT_BODY)) / 2;
        text_draw(a, TEXT_BODY, num, (int)cx, ty, ALIGN_CENTER, color_alpha(on ? t->on_accent : t->text, alpha), 0);
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
    int n = grounding_nnotes(g);
    int by = a->lay.buttons_y - a->h / 20;
    const char *msg = g->save_msg[0] ? g->save_msg
                      : n == 1        ? "You wrote a note. Save it to read later, or simply let it go."
                      : n > 1         ? "You wrote some notes. Save them to read later, or simply let them go."
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
    if (n && !g->saved) labels[nb] = "Save my notes", acts[nb++] = ACT_SAVE;
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
    figure_draw(a, &bs, p, a->w / 2.0f, cy, rmax);
    const char *words = bs.getting_ready ? "Get ready" : breath_kind_words(bs.phase.kind);
    text_draw(a, TEXT_DISPLAY, words, a->w / 2, words_y, ALIGN_CENTER, t->text, 0);
    char buf[64];
    uint64_t shown = bs.getting_ready ? 1 : bs.phase.cycle + 1;
    if (shown > bs.cycles_total) shown = bs.cycles_total;
    snprintf(buf, sizeof buf, "Breath %llu of %llu", (unsigned long long)shown, (unsigned long long)bs.cycles_total);
    int m = a->lay.margin;
    text_draw(a, TEXT_SMALL, buf, a->w - m, m + text_line(a, TEXT_SMALL), ALIGN_RIGHT, t->muted, 0);
}

static void render_step(App *a, GroundScene *g)
{
    const Theme *t = &a->theme;
    const GroundStep *st = ground_run_step(&g->run);
    GroundStepKind kind = ground_run_kind(&g->run);
    int idx = ground_run_step_index(&g->run);
    draw_progress(a, g);
    int top = a->lay.margin + 2 * text_line(a, TEXT_SMALL) + a->lay.margin;
    int by = a->lay.buttons_y;
    int bottom = by - a->lay.margin;
    if (kind == GROUND_STEP_BREATHE) {
        render_interlude(a, g, st, top, bottom);
    } else {
        /* Measure, then centre the prompt, its detail and the step's own part in the space. */
        int mw = text_measure(a);
        TextRole role = prompt_role(a, st->prompt);
        int gap = a->lay.gap, wide = a->h / 18;
        int h = text_size(a, role, st->prompt, mw).y;
        if (st->detail) h += gap + text_size(a, TEXT_BODY, st->detail, mw).y;
        if (st->caution) h += gap + grounding_view_caution(a, st->caution, 0, 0, mw * 4 / 5, TEXT_BODY, false);
        int part = kind == GROUND_STEP_COUNT ? marks_height(a)
                   : kind == GROUND_STEP_TIMED ? 2 * ring_radius(a)
                   : kind == GROUND_STEP_FEELINGS ? feelings_height(a, st)
                                                  : 0;
        if (part) h += wide + part;
        const char *note = g->notes[idx];
        if (note) h += gap + note_panel(a, note, 0, false);
        int y = top + (bottom - top - h) / 2;
        if (y < top) y = top;
        SDL_Rect r = text_draw(a, role, st->prompt, a->w / 2, y, ALIGN_CENTER, t->text, mw);
        y += r.h;
        if (st->detail) {
            r = text_draw(a, TEXT_BODY, st->detail, a->w / 2, y + gap, ALIGN_CENTER, t->muted, mw);
            y += gap + r.h;
        }
        if (st->caution) y += gap + grounding_view_caution(a, st->caution, (a->w - mw * 4 / 5) / 2, y + gap, mw * 4 / 5, TEXT_BODY, true);
        if (part) y += wide;
        switch (kind) {
        case GROUND_STEP_COUNT: draw_marks(a, g, st, y + (int)(a->h * 0.03f)); break;
        case GROUND_STEP_TIMED: draw_timer(a, g, y + ring_radius(a)); break;
        case GROUND_STEP_FEELINGS: draw_feelings(a, g, st, y); break;
        default: break;
        }
        y += part;
        if (note) note_panel(a, note, y + gap, true);
    }
    const char *labels[3];
    Act acts[3];
    int n = 0;
    bool last = idx + 1 >= ground_run_step_total(&g->run);
    if (idx > 0) labels[n] = "Back", acts[n++] = ACT_BACK;
    if (st->note) labels[n] = g->notes[idx] ? "Edit note" : "Write a note", acts[n++] = ACT_NOTE;
    labels[n] = last ? "Finish" : "Next", acts[n++] = ACT_NEXT;
    /* The ring shows what Enter does; on the feelings step only once the keys reach it. */
    g->buttons.focus = kind != GROUND_STEP_FEELINGS || g->zone == ZONE_BUTTONS ? n - 1 : -1;
    render_buttons(a, g, labels, acts, n, by);
    char hint[96];
    snprintf(hint, sizeof hint, "%s%s   Esc leave", idx > 0 ? "Backspace back   " : "",
             st->note ? "Tab note" : "");
    ui_hints(a, kind == GROUND_STEP_FEELINGS ? "Arrows and Enter choose   1-5 how strong"
                                             : audio_muted(a) ? "Sound off (M)" : "Sound on (M)",
             hint);
}

void grounding_view_render(App *a, GroundScene *g)
{
    if (!g->entered) return;
    if (ground_run_awaiting_ack(&g->run)) render_caution(a, g);
    else if (ground_run_finished(&g->run)) render_finish(a, g);
    else render_step(a, g);
}

