/* The level skills of solo cards, drawn: chips to choose from, the breathing figure, the
 * sentence the message makes, the accept-or-ask sort. Layouts are measured before they are
 * drawn and step down a text size when the window is small, as the cards do. */
#include <stdio.h>
#include <string.h>

#include "cards_skill.h"
#include "cards_view.h"

/* ---------- setting up ---------- */

void card_skill_begin(App *a, CardSkill *s, const DeckLevel *level, int card_index, int position,
                      uint64_t seed)
{
    const Content *c = &a->content;
    memset(s, 0, sizeof *s);
    s->feeling = s->picked = -1;
    s->hover = -1;
    s->level = level;
    s->skill = skill_for_card(&c->skills, level, card_index, position);
    if (s->skill == SKILL_NONE) return;
    s->card = &level->cards[card_index];
    unsigned key = (unsigned)card_index;
    switch (s->skill) {
    case SKILL_FEEL_FIRST: s->nfeel = skill_pick(c->skills.nfeelings, SKILL_FEEL_SHOWN, key, s->feel); break;
    case SKILL_BREATHE:
        s->pattern = content_pattern(c, level->breathing[0]);
        if (!s->pattern) s->skill = SKILL_NONE; /* reported by validate; nothing to breathe */
        break;
    case SKILL_MESSAGE: skill_message_start(&s->msg, &c->skills, key); break;
    case SKILL_SUMMARY: s->nopt = skill_summary_options(s->card, seed, s->opt, &s->best); break;
    case SKILL_SORT: skill_sort_start(&s->sort, &c->skills, key); break;
    default: break;
    }
}

bool card_skill_due_before(const CardSkill *s)
{
    return s->skill != SKILL_NONE && !s->done && skill_before_choice(s->skill);
}

bool card_skill_due_after(const CardSkill *s)
{
    return s->skill != SKILL_NONE && !s->done && !skill_before_choice(s->skill);
}

void card_skill_show(App *a, CardSkill *s)
{
    if (s->skill == SKILL_NONE || s->done) return;
    s->active = true;
    s->row = 0;
    s->col = -1; /* no focus ring until the keys are used */
    s->buttons = (UiButtons){.count = 1, .focus = -1, .hover = -1};
    s->cues = (FigureCues){.last_step = -1};
    timer_start(&s->timer, a->now);
    a->dirty = true;
}

const char *card_skill_feeling(const App *a, const CardSkill *s)
{
    if (s->skill != SKILL_FEEL_FIRST || s->feeling < 0) return NULL;
    return a->content.skills.feelings[s->feel[s->feeling]];
}

static void finish(App *a, CardSkill *s)
{
    s->active = false;
    s->done = true;
    a->dirty = true;
}

/* ---------- what each row holds ---------- */

/* Rows of choices before the button row. */
static int choice_rows(const CardSkill *s)
{
    switch (s->skill) {
    case SKILL_FEEL_FIRST: return 1;
    case SKILL_SUMMARY: return s->picked < 0 ? 1 : 0;
    case SKILL_MESSAGE: return SKILL_PARTS;
    case SKILL_SORT: return s->sort.n;
    default: return 0;
    }
}

static int row_count(const CardSkill *s, int row)
{
    switch (s->skill) {
    case SKILL_FEEL_FIRST: return s->nfeel;
    case SKILL_SUMMARY: return s->nopt;
    case SKILL_MESSAGE: return s->msg.noption[row];
    case SKILL_SORT: return 2; /* accept, ask */
    default: return 0;
    }
}

static bool complete(const CardSkill *s)
{
    switch (s->skill) {
    case SKILL_MESSAGE: return skill_message_complete(&s->msg);
    case SKILL_SORT: return skill_sort_complete(&s->sort);
    case SKILL_SUMMARY: return s->picked >= 0;
    default: return false;
    }
}

/* Chooses column col of row; returns true when the skill is over. */
static bool choose(App *a, CardSkill *s, int row, int col)
{
    a->dirty = true;
    switch (s->skill) {
    case SKILL_FEEL_FIRST:
        if (col < 0 || col >= s->nfeel) return false;
        s->feeling = col;
        return true; /* named: on to the responses */
    case SKILL_SUMMARY:
        if (s->picked >= 0 || col < 0 || col >= s->nopt) return false;
        s->picked = col;
        s->row = 0; /* the button row now */
        s->col = 0;
        scene_fade(a);
        return false;
    case SKILL_MESSAGE:
        if (!skill_message_choose(&s->msg, row, col)) return false;
        /* On to the next part still open, or to the button. */
        s->row = SKILL_PARTS;
        for (int p = 0; p < SKILL_PARTS; p++)
            if (s->msg.chosen[(row + 1 + p) % SKILL_PARTS] < 0) {
                s->row = (row + 1 + p) % SKILL_PARTS;
                break;
            }
        s->col = 0;
        return false;
    case SKILL_SORT:
        if (!skill_sort_put(&s->sort, row, col == 0 ? SKILL_ACCEPT : SKILL_ASK)) return false;
        s->row = s->sort.n;
        for (int i = 1; i <= s->sort.n; i++)
            if (s->sort.side[(row + i) % s->sort.n] == SKILL_UNSORTED) {
                s->row = (row + i) % s->sort.n;
                break;
            }
        s->col = s->row < s->sort.n ? col : 0;
        return false;
    default: return false;
    }
}

/* ---------- input ---------- */

static bool key_is(const SDL_Event *e, SDL_Keycode k)
{
    return e->type == SDL_KEYDOWN && !e->key.repeat && e->key.keysym.sym == k;
}

bool card_skill_event(App *a, CardSkill *s, const SDL_Event *e)
{
    if (!s->active) return false;
    if (key_is(e, SDLK_s)) { /* skip, always */
        finish(a, s);
        return true;
    }
    int rows = choice_rows(s);
    if (e->type == SDL_KEYDOWN && !e->key.repeat) {
        SDL_Keycode k = e->key.keysym.sym;
        bool enter = k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE;
        if (s->skill == SKILL_BREATHE && enter) { /* the one button: Skip */
            finish(a, s);
            return true;
        }
        /* Number keys choose in a single group: 1-6 feelings, 1-4 summaries. */
        if (rows == 1 && k >= SDLK_1 && k <= SDLK_9) {
            int i = (int)(k - SDLK_1);
            if (i < row_count(s, 0)) {
                if (choose(a, s, 0, i)) {
                    finish(a, s);
                    return true;
                }
                return false;
            }
        }
        if (s->skill == SKILL_SORT && s->row < rows && (k == SDLK_LEFT || k == SDLK_RIGHT)) {
            choose(a, s, s->row, k == SDLK_LEFT ? 0 : 1);
            return false;
        }
        bool single = rows == 1; /* a single group: the arrows all move along it */
        switch (k) {
        case SDLK_UP:
            if (single && s->row == 0 && s->col > 0) s->col--;
            else if (s->row > 0) s->row--, s->col = s->col < 0 ? 0 : s->col;
            else s->col = s->col < 0 ? 0 : s->col;
            break;
        case SDLK_DOWN:
            if (single && s->row == 0 && s->col < row_count(s, 0) - 1) s->col = s->col < 0 ? 0 : s->col + 1;
            else if (s->row < rows) s->row++, s->col = s->col < 0 ? 0 : s->col;
            break;
        case SDLK_TAB:
            s->row = (s->row + 1) % (rows + 1);
            if (s->col < 0) s->col = 0;
            break;
        case SDLK_LEFT:
            if (s->row < rows) s->col = s->col > 0 ? s->col - 1 : 0;
            break;
        case SDLK_RIGHT:
            if (s->row < rows) {
                int n = row_count(s, s->row);
                s->col = s->col < 0 ? 0 : s->col + 1 < n ? s->col + 1 : n - 1;
            }
            break;
        default:
            if (!enter) return false;
            if (s->row >= rows) { /* the button: done, or skip */
                finish(a, s);
                return true;
            }
            if (s->col < 0) { /* the first Enter shows where the keys are */
                s->col = 0;
                a->dirty = true;
                return false;
            }
            if (choose(a, s, s->row, s->col)) {
                finish(a, s);
                return true;
            }
            return false;
        }
        int n = s->row < rows ? row_count(s, s->row) : 1;
        if (s->col >= n) s->col = n - 1;
        a->dirty = true;
        return false;
    }
    if (e->type == SDL_MOUSEMOTION) {
        int h = ui_hit(s->hit, s->nhit, window_mouse(a, e->motion.x, e->motion.y));
        if (h != s->hover) a->dirty = true;
        s->hover = h;
    }
    if (ui_buttons_event(a, &s->buttons, e) == 0) {
        finish(a, s);
        return true;
    }
    if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
        int h = ui_hit(s->hit, s->nhit, window_mouse(a, e->button.x, e->button.y));
        if (h >= 0 && choose(a, s, s->hit_row[h], s->hit_col[h])) {
            finish(a, s);
            return true;
        }
    }
    return false;
}

/* ---------- time: the breaths ---------- */

static BreathSessionState breaths_at(App *a, const CardSkill *s)
{
    BreathSession bs = {s->pattern, SKILL_READY_MS, (uint64_t)SKILL_BREATHS * s->pattern->cycle_ms};
    return breath_session_at(&bs, timer_elapsed(&s->timer, a->now));
}

bool card_skill_update(App *a, CardSkill *s)
{
    if (!s->active || s->skill != SKILL_BREATHE) return false;
    BreathSessionState st = breaths_at(a, s);
    if (st.done) {
        audio_play(a, CUE_BELL);
        finish(a, s);
        return true;
    }
    figure_cues_play(a, &s->cues, &st, s->pattern);
    return false;
}

bool card_skill_animating(App *a, const CardSkill *s)
{
    (void)a;
    return s->active && s->skill == SKILL_BREATHE && !s->timer.held;
}

void card_skill_hold(App *a, CardSkill *s, bool covered)
{
    timer_hold(&s->timer, a->now, covered);
}

/* ---------- drawing ---------- */

typedef struct Style {
    TextRole situation, prompt, chip;
    int gap, pad;
    bool terse;   /* no how-to line under the prompt */
    bool one_row; /* only the row the keys are on (the message's parts, the things to sort) */
} Style;

static void add_hit(CardSkill *s, SDL_Rect r, int row, int col)
{
    if (s->nhit == CARD_SKILL_HITS) return;
    s->hit[s->nhit] = r;
    s->hit_row[s->nhit] = row;
    s->hit_col[s->nhit] = col;
    s->nhit++;
}

/* A chip: text on a rounded surface; chosen ones tinted teal, the focused one ringed. */
static SDL_Point chip_size(App *a, TextRole role, const char *label, int maxw)
{
    int padx = text_line(a, role) * 2 / 3, pady = text_line(a, role) / 4;
    SDL_Point t = text_size(a, role, label, 0); /* one line when it fits, else wrapped */
    if (t.x > maxw - 2 * padx) t = text_size(a, role, label, maxw - 2 * padx);
    return (SDL_Point){t.x + 2 * padx, t.y + 2 * pady};
}

static void chip_draw(App *a, CardSkill *s, SDL_Rect r, TextRole role, const char *label,
                      bool chosen, int row, int col, SDL_Color accent, bool raised)
{
    const Theme *t = &a->theme;
    int padx = text_line(a, role) * 2 / 3, pady = text_line(a, role) / 4;
    bool focus = s->row == row && s->col == col;
    bool hover = s->hover >= 0 && s->hover == s->nhit;
    int rad = r.h < text_line(a, role) * 2 ? r.h / 2 : a->lay.unit;
    /* Raised: on a panel of the surface colour, so one step lighter to stand out from it. */
    SDL_Color base = raised ? t->surface_hi : t->surface;
    SDL_Color fill = chosen ? color_alpha(accent, 0.30f)
                     : focus || hover ? (raised ? color_mix(t->surface_hi, t->text, 0.12f) : t->surface_hi)
                                      : base;
    draw_rrect(a, r, rad, fill);
    if (chosen) draw_rrect_outline(a, r, rad, 1, accent);
    /* The keyboard focus: a ring just outside the chip, apart from the chosen look. */
    if (focus) draw_rrect_outline(a, (SDL_Rect){r.x - 3, r.y - 3, r.w + 6, r.h + 6}, rad + 3, 2, t->focus);
    int tw = r.w - 2 * padx;
    bool one_line = text_size(a, role, label, 0).x <= tw;
    text_draw(a, role, label, r.x + padx, r.y + pady, ALIGN_LEFT, t->text, one_line ? 0 : tw);
    add_hit(s, r, row, col);
}

/* Chips in rows within [x, x + w] from y, centred (or from the left); draws them when draw is
 * set. Returns the height. chosen: the column chosen in this row (-1 none). */
static int chips_flow(App *a, CardSkill *s, TextRole role, const char *const *labels, int n,
                      int x, int w, int y0, int gap, int row, int chosen, bool left, bool draw)
{
    int y = y0, i = 0;
    while (i < n) {
        int total = 0, k = 0, h = 0;
        while (i + k < n) {
            SDL_Point sz = chip_size(a, role, labels[i + k], w);
            if (k && total + gap + sz.x > w) break;
            total += (k ? gap : 0) + sz.x;
            if (sz.y > h) h = sz.y;
            k++;
        }
        int cx = left ? x : x + (w - total) / 2;
        for (int j = 0; j < k; j++) {
            SDL_Point sz = chip_size(a, role, labels[i + j], w);
            SDL_Rect r = {cx, y, sz.x, h};
            if (draw) chip_draw(a, s, r, role, labels[i + j], i + j == chosen, row, i + j,
                                a->theme.style[DECK_STYLE_SECURE], false);
            cx += sz.x + gap;
        }
        i += k;
        y += h + (i < n ? gap : 0);
    }
    return y - y0;
}

/* The prompt (and a muted line under it), centred. */
static int prompt(App *a, const Style *st, const char *title, const char *detail, int x, int w,
                  int y0, bool draw)
{
    const Theme *t = &a->theme;
    int y = y0;
    SDL_Rect r = cards_put(a, draw, st->prompt, title, x + w / 2, y, ALIGN_CENTER, t->text, w);
    y += r.h;
    if (detail) {
        r = cards_put(a, draw, TEXT_SMALL, detail, x + w / 2, y + st->gap / 2, ALIGN_CENTER, t->muted, w);
        y += r.h + st->gap / 2;
    }
    return y - y0;
}

static int lay_feel(App *a, CardSkill *s, const Style *st, int x, int w, int y0, bool draw)
{
    const Theme *t = &a->theme;
    int y = y0;
    y += cards_put(a, draw, st->situation, s->card->situation, x, y, ALIGN_LEFT, t->text, w).h + st->gap * 2;
    y += prompt(a, st, "What would you feel first?", st->terse ? NULL : "Name it in one word, before "
                "you see the responses. There's no wrong feeling.", x, w, y, draw) + st->gap * 2;
    const char *labels[SKILL_FEEL_SHOWN];
    for (int i = 0; i < s->nfeel; i++) labels[i] = a->content.skills.feelings[s->feel[i]];
    y += chips_flow(a, s, st->chip, labels, s->nfeel, x, w, y, st->gap, 0, s->feeling, false, draw);
    return y - y0;
}

static int lay_summary(App *a, CardSkill *s, const Style *st, int x, int w, int y0, bool draw)
{
    const Theme *t = &a->theme;
    int y = y0;
    /* At the very last resort the card itself stays on the screen before (not here). */
    if (!st->one_row)
        y += cards_put(a, draw, st->situation, s->card->situation, x, y, ALIGN_LEFT, t->text, w).h + st->gap * 2;
    const char *detail = s->picked < 0 ? (st->terse ? NULL : "Choose the summary closest to what they "
                                                             "mean, before you respond.")
                         : s->picked == s->best ? "Yes: that's the heart of it. Feeling heard is what lets people listen."
                                                : "That's one way to hear it. The highlighted one comes closer "
                                                  "to what they seem to mean.";
    y += prompt(a, st, "What are they telling you?", detail, x, w, y, draw) + st->gap * 2;
    for (int i = 0; i < s->nopt; i++) {
        SDL_Point sz = chip_size(a, st->chip, s->opt[i], w);
        SDL_Rect r = {x, y, w, sz.y};
        if (draw) {
            bool shown_best = s->picked >= 0 && i == s->best;
            SDL_Color accent = shown_best ? t->style[DECK_STYLE_SECURE] : t->muted;
            int row = s->picked < 0 ? 0 : -1; /* after the choice they are only shown */
            chip_draw(a, s, r, st->chip, s->opt[i], shown_best || i == s->picked, row, i, accent, false);
        }
        y += sz.y + (i + 1 < s->nopt ? st->gap : 0);
    }
    return y - y0;
}

static int lay_message(App *a, CardSkill *s, const Style *st, int x, int w, int y0, bool draw)
{
    const Theme *t = &a->theme;
    const SkillSet *set = &a->content.skills;
    static const char *const LABEL[SKILL_PARTS] = {"I feel", "and I need", "so I'd ask"};
    int y = y0;
    y += prompt(a, st, "Build the message", st->terse ? NULL : "Choose a feeling, a need and a "
                "request, and see the sentence they make.", x, w, y, draw) + st->gap * 2;
    int lw = 0;
    for (int p = 0; p < SKILL_PARTS; p++) {
        int lx = text_size(a, TEXT_SMALL, LABEL[p], 0).x;
        if (lx > lw) lw = lx;
    }
    lw += st->gap;
    for (int p = 0; p < SKILL_PARTS; p++) {
        if (st->one_row && p != s->row) continue;
        const char *labels[SKILL_MESSAGE_SHOWN];
        for (int i = 0; i < s->msg.noption[p]; i++) labels[i] = skill_message_option(&s->msg, set, p, i);
        /* The label centred on the first row of chips. */
        int ch = s->msg.noption[p] ? chip_size(a, st->chip, labels[0], w - lw).y : 0;
        int cy = y + (ch - text_line(a, TEXT_SMALL)) / 2;
        cards_put(a, draw, TEXT_SMALL, LABEL[p], x + lw - st->gap, cy, ALIGN_RIGHT, t->muted, 0);
        y += chips_flow(a, s, st->chip, labels, s->msg.noption[p], x + lw, w - lw, y, st->gap / 2, p,
                        s->msg.chosen[p], true, draw) + st->gap;
    }
    y += st->gap;
    char sentence[SKILL_WORD_MAX * 8 + SKILL_REQUEST_MAX * 4 + 64];
    skill_message_text(&s->msg, set, sentence, sizeof sentence);
    int tw = w - 2 * st->pad;
    SDL_Point lab = text_size(a, TEXT_SMALL, "Your message", 0);
    SDL_Point line = text_size(a, st->prompt, sentence, tw);
    SDL_Rect note = {x, y, w, st->pad + lab.y + line.y + st->pad};
    if (draw) {
        SDL_Color teal = t->style[DECK_STYLE_SECURE];
        draw_rrect(a, note, a->lay.unit, color_alpha(teal, 0.12f));
        text_draw(a, TEXT_SMALL, "Your message", x + st->pad, y + st->pad, ALIGN_LEFT, teal, 0);
        text_draw(a, st->prompt, sentence, x + st->pad, y + st->pad + lab.y, ALIGN_LEFT,
                  complete(s) ? t->text : t->muted, tw);
    }
    y += note.h;
    return y - y0;
}

static int lay_sort(App *a, CardSkill *s, const Style *st, int x, int w, int y0, bool draw)
{
    const Theme *t = &a->theme;
    const SkillSet *set = &a->content.skills;
    static const char *const SIDE[2] = {"I can accept", "I'd ask for it"};
    int y = y0;
    y += prompt(a, st, "Accept or ask", st->terse ? NULL : "For each one: is it something you can "
                "accept, or something you'd ask for? There's no right answer.", x, w, y, draw) + st->gap * 2;
    int sw[2], sh = 0;
    for (int k = 0; k < 2; k++) {
        SDL_Point sz = chip_size(a, TEXT_SMALL, SIDE[k], w);
        sw[k] = sz.x;
        if (sz.y > sh) sh = sz.y;
    }
    int side_w = sw[0] + sw[1] + st->gap / 2;
    int tw = w - side_w - 2 * st->pad - st->gap;
    if (st->one_row && s->row < s->sort.n) {
        char where[48];
        snprintf(where, sizeof where, "%d of %d", s->row + 1, s->sort.n);
        y += cards_put(a, draw, TEXT_SMALL, where, x + w / 2, y, ALIGN_CENTER, t->muted, 0).h + st->gap / 2;
    }
    for (int i = 0; i < s->sort.n; i++) {
        if (st->one_row && i != s->row) continue;
        const char *text = skill_sort_text(&s->sort, set, i);
        SDL_Point ts = text_size(a, st->chip, text, tw);
        int h = (ts.y > sh ? ts.y : sh) + st->pad;
        SDL_Rect row = {x, y, w, h};
        if (draw) {
            draw_rrect(a, row, a->lay.unit, t->surface);
            text_draw(a, st->chip, text, x + st->pad, y + (h - ts.y) / 2, ALIGN_LEFT, t->text, tw);
            int cx = x + w - st->pad / 2 - side_w;
            for (int k = 0; k < 2; k++) {
                SDL_Rect r = {cx, y + (h - sh) / 2, sw[k], sh};
                SDL_Color accent = k == 0 ? t->style[DECK_STYLE_SECURE] : t->step[2];
                chip_draw(a, s, r, TEXT_SMALL, SIDE[k], s->sort.side[i] == k, i, k, accent, true);
                cx += sw[k] + st->gap / 2;
            }
        }
        y += h + st->gap / 2;
    }
    if (skill_sort_complete(&s->sort)) {
        y += st->gap / 2;
        y += cards_put(a, draw, TEXT_SMALL, "What you can accept is often about who someone is; what "
                       "you ask for is often about how you'd like to be treated.", x + w / 2, y,
                       ALIGN_CENTER, t->muted, w).h;
    }
    return y - y0;
}

static int lay(App *a, CardSkill *s, const Style *st, int x, int w, int y0, bool draw)
{
    switch (s->skill) {
    case SKILL_FEEL_FIRST: return lay_feel(a, s, st, x, w, y0, draw);
    case SKILL_SUMMARY: return lay_summary(a, s, st, x, w, y0, draw);
    case SKILL_MESSAGE: return lay_message(a, s, st, x, w, y0, draw);
    case SKILL_SORT: return lay_sort(a, s, st, x, w, y0, draw);
    default: return 0;
    }
}

static void render_breaths(App *a, CardSkill *s, int top, int bottom)
{
    const Theme *t = &a->theme;
    BreathSessionState st = breaths_at(a, s);
    int mw = text_measure(a);
    char count[64];
    uint64_t shown = st.getting_ready ? 1 : st.phase.cycle + 1;
    if (shown > st.cycles_total) shown = st.cycles_total;
    snprintf(count, sizeof count, "Breath %llu of %llu", (unsigned long long)shown,
             (unsigned long long)st.cycles_total);
    const char *title = "Three slow breaths before you choose";
    if (text_size(a, TEXT_TITLE, title, 0).x > mw) title = "Three slow breaths"; /* one line */
    int words_y = bottom - text_line(a, TEXT_DISPLAY);
    int head = text_size(a, TEXT_TITLE, title, mw).y + text_line(a, TEXT_SMALL);
    int sit = text_size(a, TEXT_SMALL, s->card->situation, mw).y + a->lay.gap;
    /* The card stays in view unless the circle would get too small for it. */
    bool with_card = words_y - top - head - sit > a->h / 4;
    int y = top;
    if (with_card) {
        text_draw(a, TEXT_SMALL, s->card->situation, a->w / 2, y, ALIGN_CENTER, t->muted, mw);
        y += sit;
    }
    y += text_draw(a, TEXT_TITLE, title, a->w / 2, y, ALIGN_CENTER, t->text, mw).h;
    y += text_draw(a, TEXT_SMALL, count, a->w / 2, y, ALIGN_CENTER, t->muted, 0).h;
    float gap = a->h * 0.03f;
    float rmax = ((float)(words_y - y) - 2.0f * gap) / 2.0f / 1.08f;
    if (rmax > a->h * 0.2f) rmax = a->h * 0.2f;
    float cy = (float)(y + words_y) / 2.0f;
    if (rmax > a->h * 0.04f) figure_draw(a, &st, s->pattern, a->w / 2.0f, cy, rmax);
    const char *words = st.getting_ready ? "Get ready" : breath_kind_words(st.phase.kind);
    text_draw(a, TEXT_DISPLAY, words, a->w / 2, words_y, ALIGN_CENTER, t->text, 0);
}

void card_skill_render(App *a, CardSkill *s, const char *top_text, const char *next)
{
    if (!s->active) return;
    s->nhit = 0;
    int top = cards_top_line(a, top_text);
    int bottom = cards_content_bottom(a, true);
    bool last_button = false;
    if (s->skill == SKILL_BREATHE) {
        render_breaths(a, s, top, bottom);
    } else {
        int u = a->lay.unit;
        const Style tries[] = {
            {TEXT_BODY, TEXT_TITLE, TEXT_BODY, u, u + u / 2, false, false},
            {TEXT_BODY, TEXT_BODY, TEXT_BODY, u * 2 / 3, u, false, false},
            {TEXT_SMALL, TEXT_BODY, TEXT_SMALL, u / 2, u * 2 / 3, false, false},
            {TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, u / 3, u / 2, false, false},
            /* Large text in a small window: no how-to line, then one row at a time. */
            {TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, u / 3, u / 2, true, false},
            {TEXT_SMALL, TEXT_SMALL, TEXT_SMALL, u / 3, u / 2, true, true},
        };
        int n = (int)(sizeof tries / sizeof tries[0]);
        int w = text_measure(a) + 6 * u;
        if (w > a->w * 92 / 100) w = a->w * 92 / 100;
        int x = (a->w - w) / 2, k = 0, h = 0, avail = bottom - top;
        for (; k < n; k++) {
            if (tries[k].terse) w = a->w * 94 / 100, x = (a->w - w) / 2;
            h = lay(a, s, &tries[k], x, w, top, false);
            if (h <= avail) break;
        }
        if (k == n) k = n - 1;
        int y = top + (avail - h) / 3;
        lay(a, s, &tries[k], x, w, y < top ? top : y, true);
        last_button = complete(s);
    }
    /* One button: Skip, or once the skill is complete, what comes next. */
    const char *labels[1] = {last_button ? next : "Skip"};
    s->buttons.count = 1;
    s->buttons.focus = s->row >= choice_rows(s) && s->col >= 0 ? 0 : -1;
    ui_buttons_render(a, &s->buttons, labels, a->lay.buttons_y);
    const char *hint;
    switch (s->skill) {
    case SKILL_FEEL_FIRST: hint = "1-6 or click to name it   S skip"; break;
    case SKILL_BREATHE: hint = audio_muted(a) ? "Enter skip   Sound off (M)" : "Enter skip   Sound on (M)"; break;
    case SKILL_SUMMARY: hint = s->picked < 0 ? "1-4 or click to choose   S skip" : "Enter see the responses"; break;
    case SKILL_MESSAGE: hint = "Arrows and Enter choose   S skip"; break;
    case SKILL_SORT: hint = "Left accept   Right ask   Up/Down move   S skip"; break;
    default: hint = ""; break;
    }
    ui_hints(a, hint, "Esc levels");
}
