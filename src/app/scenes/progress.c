/* Progress: the streak in kind words, the week, time per practice, a 26-week calendar and the
 * check-ins before and after. Everything shown comes from stats_compute(); this file lays it
 * out from the window size so it fits from 800x600 up, and nothing here is ever red. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/journal.h"
#include "attune/recap.h"
#include "attune/stats.h"
#include "scenes.h"
#include "userdata.h"

#define CHART_POINTS 30

typedef struct StatsScene {
    Stats st;
    char message[200];
    SDL_Rect cells;      /* the heatmap grid, for hit tests */
    int pitch, cell;     /* cell pitch and size in pixels, from the last frame */
    int hover;           /* calendar index under the mouse, -1 none */
    int cursor;          /* calendar index chosen with the arrow keys, -1 none */
    SDL_Rect journal;    /* the Journal button, last drawn */
    WeekRecap week;      /* this week in words: "Your week" */
    SDL_Rect week_button;
} StatsScene;

static const char WEEK_LABEL[] = "Your week";

/* This week in a few kind sentences: what was practised, how the check-ins moved, and one
 * thing written in it. */
static void show_week(App *a, StatsScene *s)
{
    const WeekRecap *w = &s->week;
    char body[2400], practised[300], moved[200];
    int y, m, d;
    day_to_ymd(w->start, &y, &m, &d);
    int n = snprintf(body, sizeof body, "Since Monday %d %s.\n\n%s", d, day_month_name(m),
                     recap_practice_words(w, practised, sizeof practised));
    if (recap_checkin_words(w, moved, sizeof moved)[0] && n < (int)sizeof body)
        n += snprintf(body + n, sizeof body - (size_t)n, "\n\n%s", moved);
    if (w->note[0] && n < (int)sizeof body)
        snprintf(body + n, sizeof body - (size_t)n, "\n\nSomething you wrote: \u201c%s\u201d", w->note);
    static const char *const ok[1] = {"OK"};
    notice_push_choice(a, WEEK_LABEL, body, ok, 1, 0, NULL, NULL);
}

/* ---- input ---- */

static int cell_at(const StatsScene *s, SDL_Point p)
{
    if (s->pitch <= 0 || p.x < s->cells.x || p.y < s->cells.y) return -1;
    int col = (p.x - s->cells.x) / s->pitch, row = (p.y - s->cells.y) / s->pitch;
    if (col >= STATS_WEEKS || row >= 7) return -1;
    /* The gap between cells belongs to no day. */
    if ((p.x - s->cells.x) % s->pitch >= s->cell || (p.y - s->cells.y) % s->pitch >= s->cell) return -1;
    int i = col * 7 + row;
    return s->st.calendar[i].future ? -1 : i;
}

static int today_index(const StatsScene *s) { return s->st.today - s->st.calendar[0].day; }

static void move_cursor(StatsScene *s, int delta)
{
    int i = s->cursor < 0 ? today_index(s) : s->cursor + delta;
    if (i < 0 || i >= STATS_DAYS || s->st.calendar[i].future) return;
    s->cursor = i;
}

static void progress_event(App *a, void *v, const SDL_Event *e)
{
    StatsScene *s = v;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE:
        case SDLK_BACKSPACE: scene_pop(a); return;
        case SDLK_LEFT: move_cursor(s, -7); break;
        case SDLK_RIGHT: move_cursor(s, 7); break;
        case SDLK_UP: move_cursor(s, -1); break;
        case SDLK_DOWN: move_cursor(s, 1); break;
        case SDLK_HOME: s->cursor = today_index(s); break;
        case SDLK_j: journal_push(a); return;
        case SDLK_w: show_week(a, s); return;
        default: return;
        }
        a->dirty = true;
    } else if (e->type == SDL_MOUSEMOTION) {
        int h = cell_at(s, window_mouse(a, e->motion.x, e->motion.y));
        if (h != s->hover) a->dirty = true;
        s->hover = h;
    } else if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_RIGHT) {
        scene_pop(a);
    } else if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
        SDL_Point p = window_mouse(a, e->button.x, e->button.y);
        if (SDL_PointInRect(&p, &s->journal)) journal_push(a);
        else if (SDL_PointInRect(&p, &s->week_button)) show_week(a, s);
    }
}

/* ---- drawing helpers ---- */

/* A small filled circle (a rounded square of full radius: crisp at these sizes). */
static void dot(App *a, float cx, float cy, float r, SDL_Color c)
{
    int d = (int)(2 * r + 0.5f);
    draw_rrect(a, (SDL_Rect){(int)(cx - r + 0.5f), (int)(cy - r + 0.5f), d, d}, d, c);
}

static SDL_Rect panel(App *a, int x, int y, int w, int h)
{
    SDL_Rect r = {x, y, w, h};
    draw_rrect(a, r, a->lay.unit, a->theme.surface);
    return r;
}

/* One tile: a big value, a small label under it, centred. */
static void tile_text(App *a, SDL_Rect r, const char *value, TextRole role, const char *label)
{
    const Theme *t = &a->theme;
    int vh = text_line(a, role), lh = text_line(a, TEXT_SMALL);
    int y = r.y + (r.h - vh - lh) / 2;
    if (value) text_draw(a, role, value, r.x + r.w / 2, y, ALIGN_CENTER, t->text, 0);
    text_draw(a, TEXT_SMALL, label, r.x + r.w / 2, y + vh, ALIGN_CENTER, t->muted, 0);
}

static void draw_tiles(App *a, StatsScene *s, int x, int y, int w, int h, int gap)
{
    const Theme *t = &a->theme;
    const StreakInfo *k = &s->st.streak;
    int tw = (w - 3 * gap) / 4;
    char buf[64];
    SDL_Rect r = panel(a, x, y, tw, h);
    snprintf(buf, sizeof buf, "%d", k->current);
    tile_text(a, r, buf, TEXT_DISPLAY, k->current == 1 ? "Day in a row" : "Days in a row");

    r = panel(a, x + (tw + gap), y, tw, h);
    snprintf(buf, sizeof buf, "%d", k->longest);
    tile_text(a, r, buf, TEXT_DISPLAY, "Longest streak");

    /* Rest days saved (freezes): small circles, filled when held. */
    r = panel(a, x + 2 * (tw + gap), y, tw, h);
    tile_text(a, r, NULL, TEXT_DISPLAY, "Rest days saved");
    int vh = text_line(a, TEXT_DISPLAY), lh = text_line(a, TEXT_SMALL);
    float cy = r.y + (r.h - vh - lh) / 2.0f + vh * 0.5f;
    float rad = vh * 0.2f, step = rad * 3.2f;
    float cx0 = r.x + r.w / 2.0f - step * (STREAK_FREEZE_MAX - 1) / 2.0f;
    for (int i = 0; i < STREAK_FREEZE_MAX; i++) {
        float cx = cx0 + step * i;
        if (i < k->freezes_held) dot(a, cx, cy, rad, t->step[1]);
        else draw_arc(a, cx, cy, rad - 1, 2.0f, 0, 1, color_alpha(t->muted, 0.6f));
    }

    /* This week against the goal: a bar that fills, never a warning. */
    r = panel(a, x + 3 * (tw + gap), y, tw, h);
    /* Plain words: "3 of 5 days", or once reached "6 days" over "This week, goal reached". */
    bool reached = k->week_goal_reached || k->week_days >= k->week_goal;
    if (reached) snprintf(buf, sizeof buf, "%d day%s", k->week_days, k->week_days == 1 ? "" : "s");
    else snprintf(buf, sizeof buf, "%d of %d days", k->week_days, k->week_goal);
    int th = text_line(a, TEXT_TITLE);
    int bar_h = a->h / 90 + 2;
    int space = a->h / 90;
    int by = r.y + (r.h - th - space - bar_h - lh - a->lay.tight) / 2;
    text_draw(a, TEXT_TITLE, buf, r.x + r.w / 2, by, ALIGN_CENTER, t->text, 0);
    SDL_Rect bar = {r.x + r.w / 6, by + th + space, r.w * 2 / 3, bar_h};
    draw_rrect(a, bar, bar_h / 2, t->surface_hi);
    float f = k->week_goal > 0 ? (float)k->week_days / (float)k->week_goal : 0;
    if (f > 1) f = 1;
    if (f > 0) {
        SDL_Rect fill = bar;
        fill.w = (int)(bar.w * f);
        if (fill.w < bar_h) fill.w = bar_h;
        draw_rrect(a, fill, bar_h / 2, t->step[0]);
    }
    text_draw(a, TEXT_SMALL, reached ? "This week, goal reached" : "This week", r.x + r.w / 2,
              bar.y + bar.h + a->lay.tight, ALIGN_CENTER, t->muted, 0);
}

/* Cell colour: the calm teal, stronger with more minutes. */
static SDL_Color cell_colour(const Theme *t, const StatsDay *d)
{
    float f = d->minutes >= 30 ? 1.0f : d->minutes >= 15 ? 0.8f : d->minutes >= 5 ? 0.6f
            : d->minutes > 0 || d->practised ? 0.38f : 0.0f;
    return color_mix(t->surface_hi, t->step[0], f);
}

static void draw_heatmap(App *a, StatsScene *s, SDL_Rect p, int pad, int cell, int gap)
{
    const Theme *t = &a->theme;
    int pitch = cell + gap, lh = text_line(a, TEXT_SMALL);
    int y = p.y + pad;
    text_draw(a, TEXT_SMALL, "Last 26 weeks", p.x + pad, y, ALIGN_LEFT, t->muted, 0);
    /* Legend on the title line: less ... more. */
    int lx = p.x + p.w - pad;
    SDL_Rect r = text_draw(a, TEXT_SMALL, "more", lx, y, ALIGN_RIGHT, t->muted, 0);
    lx = r.x - gap * 2;
    static const int LEGEND[4] = {30, 15, 5, 1};
    for (int i = 0; i < 4; i++) {
        StatsDay d = {.minutes = LEGEND[i]};
        lx -= cell;
        draw_rrect(a, (SDL_Rect){lx, y + (lh - cell) / 2, cell, cell}, cell / 4, cell_colour(t, &d));
        lx -= gap;
    }
    StatsDay none = {0};
    lx -= cell;
    draw_rrect(a, (SDL_Rect){lx, y + (lh - cell) / 2, cell, cell}, cell / 4, cell_colour(t, &none));
    text_draw(a, TEXT_SMALL, "less", lx - gap * 2, y, ALIGN_RIGHT, t->muted, 0);
    y += lh;

    int label_w = text_size(a, TEXT_SMALL, "Wed", 0).x + gap * 3;
    int gx = p.x + pad + label_w, gy = y + lh;
    s->cells = (SDL_Rect){gx, gy, STATS_WEEKS * pitch - gap, 7 * pitch - gap};
    s->pitch = pitch;
    s->cell = cell;

    /* Month names above the first week holding a month's first day. */
    int last_end = -1;
    for (int w = 0; w < STATS_WEEKS; w++) {
        int month = -1;
        for (int d = 0; d < 7; d++) {
            int yy, mm, dd;
            day_to_ymd(s->st.calendar[w * 7 + d].day, &yy, &mm, &dd);
            if (dd == 1) month = mm - 1;
        }
        if (w == 0 && month < 0) {
            int yy, mm, dd;
            day_to_ymd(s->st.calendar[0].day, &yy, &mm, &dd);
            if (dd <= 24) month = mm - 1; /* enough of it shows to name it */
        }
        if (month < 0) continue;
        char name[4];
        snprintf(name, sizeof name, "%.3s", day_month_name(month + 1));
        int x = gx + w * pitch;
        if (x <= last_end) continue;
        SDL_Rect mr = text_draw(a, TEXT_SMALL, name, x, y, ALIGN_LEFT, t->muted, 0);
        last_end = mr.x + mr.w + gap * 2;
    }
    for (int d = 0; d < 7; d += 2) { /* Mon, Wed, Fri, Sun */
        char label[4];
        snprintf(label, sizeof label, "%.3s", day_weekday_name(d));
        text_draw(a, TEXT_SMALL, label, gx - gap * 2, gy + d * pitch + (cell - lh) / 2, ALIGN_RIGHT,
                  t->muted, 0);
    }
    int today = today_index(s);
    for (int i = 0; i < STATS_DAYS; i++) {
        const StatsDay *d = &s->st.calendar[i];
        if (d->future) continue;
        SDL_Rect c = {gx + (i / 7) * pitch, gy + (i % 7) * pitch, cell, cell};
        draw_rrect(a, c, cell / 4, cell_colour(t, d));
        if (i == today)
            draw_rrect_outline(a, (SDL_Rect){c.x - 2, c.y - 2, c.w + 4, c.h + 4}, cell / 3, 2, t->text);
        if (i == s->cursor || i == s->hover)
            draw_rrect_outline(a, (SDL_Rect){c.x - 2, c.y - 2, c.w + 4, c.h + 4}, cell / 3, 2, t->focus);
    }
}

static void draw_by_practice(App *a, const StatsScene *s, SDL_Rect p, int pad)
{
    const Theme *t = &a->theme;
    int lh = text_line(a, TEXT_SMALL), bh = text_line(a, TEXT_BODY);
    int y = p.y + pad;
    int right = p.x + p.w - pad;
    int col_w = text_size(a, TEXT_SMALL, "Sessions", 0).x;
    int gap = pad * 3 / 2;
    int c_min = right, c_ses = right - col_w - gap;
    text_draw(a, TEXT_SMALL, "By practice", p.x + pad, y, ALIGN_LEFT, t->muted, 0);
    text_draw(a, TEXT_SMALL, "Sessions", c_ses, y, ALIGN_RIGHT, t->muted, 0);
    text_draw(a, TEXT_SMALL, "Minutes", c_min, y, ALIGN_RIGHT, t->muted, 0);
    y += lh + pad / 2;
    static const char *const NAME[PRACTICE_KIND_COUNT] = {"Breathing", "Grounding", "Cards"};
    char buf[32];
    /* Rows share the height left, so the panel never overflows. */
    int rows = PRACTICE_KIND_COUNT + 1;
    int row_h = (p.y + p.h - pad - y) / rows;
    if (row_h > bh * 3 / 2) row_h = bh * 3 / 2;
    for (int i = 0; i < rows; i++) {
        const StatsTotals *tot = i < PRACTICE_KIND_COUNT ? &s->st.by_kind[i] : &s->st.total;
        SDL_Color c = i < PRACTICE_KIND_COUNT ? t->text : t->muted;
        int ry = y + (row_h - bh) / 2;
        if (i == PRACTICE_KIND_COUNT) /* a thin rule above the total */
            draw_rrect(a, (SDL_Rect){p.x + pad, y, p.w - 2 * pad, 1}, 0, t->surface_hi);
        text_draw(a, TEXT_BODY, i < PRACTICE_KIND_COUNT ? NAME[i] : "All", p.x + pad, ry, ALIGN_LEFT, c, 0);
        snprintf(buf, sizeof buf, "%d", tot->sessions);
        text_draw(a, TEXT_BODY, buf, c_ses, ry, ALIGN_RIGHT, c, 0);
        snprintf(buf, sizeof buf, "%lld", (long long)tot->minutes);
        text_draw(a, TEXT_BODY, buf, c_min, ry, ALIGN_RIGHT, c, 0);
        y += row_h;
    }
}

/* Before and after each rated practice: a sand dot, a teal dot, joined. 10 is at the top. */
static void draw_chart(App *a, const StatsScene *s, SDL_Rect p, int pad)
{
    const Theme *t = &a->theme;
    int lh = text_line(a, TEXT_SMALL);
    int y = p.y + pad;
    int n = s->st.npoints < CHART_POINTS ? s->st.npoints : CHART_POINTS;
    char title[80];
    if (n > 1) snprintf(title, sizeof title, "Before and after, your last %d check-ins", n);
    else snprintf(title, sizeof title, "Before and after");
    text_draw(a, TEXT_SMALL, title, p.x + pad, y, ALIGN_LEFT, t->muted, 0);
    SDL_Color before = t->step[2], after = t->step[0];
    float rad = lh * 0.28f;
    int lx = p.x + p.w - pad;
    SDL_Rect r = text_draw(a, TEXT_SMALL, "after", lx, y, ALIGN_RIGHT, t->muted, 0);
    dot(a, r.x - rad * 2.5f, y + lh / 2.0f, rad, after);
    r = text_draw(a, TEXT_SMALL, "before", (int)(r.x - rad * 5 - pad / 2), y, ALIGN_RIGHT, t->muted, 0);
    dot(a, r.x - rad * 2.5f, y + lh / 2.0f, rad, before);
    y += lh + pad / 2;

    const StatsPoint *pts = s->st.points + (s->st.npoints - n);
    int axis_w = text_size(a, TEXT_SMALL, "10", 0).x + pad / 2;
    SDL_Rect area = {p.x + pad + axis_w, y + lh / 2, p.w - 2 * pad - axis_w, p.y + p.h - pad - lh / 2 - (y + lh / 2)};
    if (area.h < 10) return;
    for (int v = 0; v <= 10; v += 5) {
        int gy = area.y + area.h - area.h * v / 10;
        draw_rrect(a, (SDL_Rect){area.x, gy, area.w, 1}, 0, t->surface_hi);
        char num[4];
        snprintf(num, sizeof num, "%d", v);
        text_draw(a, TEXT_SMALL, num, area.x - pad / 2, gy - lh / 2, ALIGN_RIGHT, t->muted, 0);
    }
    if (n == 0) {
        const char *none = s->st.points_total ? "No check-ins with a rating yet" : "No check-ins yet";
        SDL_Point sz = text_size(a, TEXT_SMALL, none, 0);
        SDL_Rect bg = {area.x + (area.w - sz.x) / 2 - pad, area.y + (area.h - sz.y) / 2 - pad / 3,
                       sz.x + 2 * pad, sz.y + pad * 2 / 3};
        draw_rrect(a, bg, bg.h / 2, t->surface);
        text_draw(a, TEXT_SMALL, none, area.x + area.w / 2, bg.y + pad / 3, ALIGN_CENTER, t->muted, 0);
        return;
    }
    float slot = (float)area.w / (float)CHART_POINTS;
    /* The newest sits at the right edge, as on the calendar. */
    float x0 = area.x + area.w - slot * n + slot / 2;
    for (int i = 0; i < n; i++) {
        float x = x0 + slot * i;
        float yb = pts[i].before >= 0 ? area.y + area.h - area.h * pts[i].before / 10.0f : -1;
        float ya = pts[i].after >= 0 ? area.y + area.h - area.h * pts[i].after / 10.0f : -1;
        if (yb >= 0 && ya >= 0) {
            float top = yb < ya ? yb : ya, bot = yb < ya ? ya : yb;
            draw_rrect(a, (SDL_Rect){(int)(x - 1), (int)top, 2, (int)(bot - top)}, 0, color_alpha(t->muted, 0.45f));
        }
        if (yb >= 0) dot(a, x, yb, rad, before);
        if (ya >= 0) dot(a, x, ya, rad, after);
    }
}

static void draw_checkin_words(App *a, const StatsScene *s, SDL_Rect p, int pad)
{
    const Theme *t = &a->theme;
    int y = p.y + pad;
    int wrap = p.w - 2 * pad;
    text_draw(a, TEXT_SMALL, "Check-ins", p.x + pad, y, ALIGN_LEFT, t->muted, 0);
    y += text_line(a, TEXT_SMALL) + pad / 2;
    char main[200], sub[200];
    const Stats *st = &s->st;
    if (st->rated > 0) {
        double ch = st->avg_change;
        if (ch <= -0.05)
            snprintf(main, sizeof main, "On average you felt %.1f %s calmer after practice.", -ch,
                     -ch < 1.05 && -ch > 0.95 ? "point" : "points");
        else if (ch >= 0.05)
            snprintf(main, sizeof main, "Some practices stir things up. Noticing that is part of it.");
        else
            snprintf(main, sizeof main, "On average you felt about the same before and after.");
        snprintf(sub, sizeof sub, "%.1f before, %.1f after, over %d %s rated both times.",
                 st->avg_before, st->avg_after, st->rated, st->rated == 1 ? "practice" : "practices");
    } else if (!a->data.settings.checkins) {
        snprintf(main, sizeof main, "Check-ins are turned off.");
        snprintf(sub, sizeof sub, "Turn them on in settings to see how practice changes how you feel.");
    } else {
        snprintf(main, sizeof main, "Nothing here yet, and that's fine.");
        snprintf(sub, sizeof sub, "Before and after a practice, Attune asks how stirred up you feel. "
                                  "Your answers will show here.");
    }
    SDL_Rect r = text_draw(a, TEXT_BODY, main, p.x + pad, y, ALIGN_LEFT, t->text, wrap);
    y += r.h + pad / 2;
    r = text_draw(a, TEXT_SMALL, sub, p.x + pad, y, ALIGN_LEFT, t->muted, wrap);
    y += r.h + pad / 2;
    /* A last word when there is room for it: every answer is welcome. */
    const char *kind = "Any answer is useful. Noticing how you feel is part of the practice.";
    if (st->rated > 0 && y + text_size(a, TEXT_SMALL, kind, wrap).y <= p.y + p.h - pad)
        text_draw(a, TEXT_SMALL, kind, p.x + pad, y, ALIGN_LEFT, t->muted, wrap);
}

static void draw_tooltip(App *a, const StatsScene *s, int i)
{
    const Theme *t = &a->theme;
    const StatsDay *d = &s->st.calendar[i];
    int yy, mm, dd;
    day_to_ymd(d->day, &yy, &mm, &dd);
    char buf[160];
    int n = snprintf(buf, sizeof buf, "%s %d %s", day_weekday_name(day_weekday(d->day)), dd, day_month_name(mm));
    if (d->day == s->st.today) n += snprintf(buf + n, sizeof buf - (size_t)n, " (today)");
    if (d->minutes > 0 || d->sessions > 0)
        snprintf(buf + n, sizeof buf - (size_t)n, ": %d %s, %d %s", d->minutes, d->minutes == 1 ? "minute" : "minutes",
                 d->sessions, d->sessions == 1 ? "practice" : "practices");
    else snprintf(buf + n, sizeof buf - (size_t)n, ": a quiet day");
    int pad = text_line(a, TEXT_SMALL) / 2;
    SDL_Point sz = text_size(a, TEXT_SMALL, buf, 0);
    SDL_Rect c = {s->cells.x + (i / 7) * s->pitch, s->cells.y + (i % 7) * s->pitch, s->cell, s->cell};
    SDL_Rect box = {c.x + c.w / 2 - sz.x / 2 - pad, c.y - sz.y - pad * 2, sz.x + 2 * pad, sz.y + pad};
    if (box.y < 0) box.y = c.y + c.h + pad;
    if (box.x < pad) box.x = pad;
    if (box.x + box.w > a->w - pad) box.x = a->w - pad - box.w;
    draw_rrect(a, box, box.h / 3, t->surface_hi);
    draw_rrect_outline(a, box, box.h / 3, 1, color_alpha(t->muted, 0.5f));
    text_draw(a, TEXT_SMALL, buf, box.x + pad, box.y + pad / 2, ALIGN_LEFT, t->text, 0);
}

static void progress_render(App *a, void *v)
{
    StatsScene *s = v;
    const Theme *t = &a->theme;
    int margin = a->w / 24 > a->h / 20 ? a->w / 24 : a->h / 20;
    int gap = a->h / 45;
    int pad = a->lay.gap;
    int x = margin, w = a->w - 2 * margin;

    int y = a->h / 16;
    SDL_Rect r = text_draw(a, TEXT_TITLE, "Progress", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->h / 100;
    r = text_draw(a, TEXT_BODY, s->message, a->w / 2, y, ALIGN_CENTER, t->step[0], w);
    y += r.h + a->lay.margin;

    int tile_h = text_line(a, TEXT_DISPLAY) + text_line(a, TEXT_SMALL) + pad * 3 / 2;
    draw_tiles(a, s, x, y, w, tile_h, gap);
    y += tile_h + gap;

    /* Calendar panel as wide as its cells; the rest of the row for totals. */
    int lh = text_line(a, TEXT_SMALL);
    int cell = a->h / 46;
    int cgap = cell / 5 > 2 ? cell / 5 : 2;
    int label_w = text_size(a, TEXT_SMALL, "Wed", 0).x + cgap * 3;
    int max_cell = (w * 62 / 100 - 2 * pad - label_w) / STATS_WEEKS - cgap;
    if (cell > max_cell) cell = max_cell;
    int heat_w = 2 * pad + label_w + STATS_WEEKS * (cell + cgap) - cgap;
    int heat_h = 2 * pad + 2 * lh + 7 * (cell + cgap) - cgap;
    SDL_Rect heat = panel(a, x, y, heat_w, heat_h);
    SDL_Rect tot = panel(a, x + heat_w + gap, y, w - heat_w - gap, heat_h);
    draw_heatmap(a, s, heat, pad, cell, cgap);
    draw_by_practice(a, s, tot, pad);
    y += heat_h + gap;

    int bottom = a->h - a->lay.margin - lh - gap;
    SDL_Rect chart = panel(a, x, y, heat_w, bottom - y);
    SDL_Rect words = panel(a, x + heat_w + gap, y, w - heat_w - gap, bottom - y);
    draw_chart(a, s, chart, pad);
    draw_checkin_words(a, s, words, pad);

    s->journal = journal_bar_button(a);
    s->week_button = ui_bar_pill(a, WEEK_LABEL);
    int tip = s->hover >= 0 ? s->hover : s->cursor;
    if (tip >= 0) draw_tooltip(a, s, tip);
    ui_hints(a, "Arrows: look at a day on the calendar   W your week   J journal", "Esc back");
}

static const SceneVT STATS = {
    .name = "stats",
    .event = progress_event,
    .render = progress_render,
};

void progress_push(App *a)
{
    userdata_load_log(a);
    StatsScene *s = calloc(1, sizeof *s);
    if (!s) return;
    const Settings *st = &a->data.settings;
    stats_compute_at(&a->data.log, day_moment_now(clock_wall(&a->clock)), st, &s->st);
    streak_message(&s->st.streak, s->message, sizeof s->message);
    recap_week(&a->data.log, s->st.today, st->day_start_hour, &s->week);
    /* The newest thing written this week (the journal loads newest first; a named feeling has
     * no words of its own). */
    Journal j = {0};
    if (journal_load(a->data_dir, &j, NULL))
        for (int i = 0; i < j.count; i++)
            if (j.entry[i].text[0] && recap_note(&s->week, j.entry[i].date, j.entry[i].text)) break;
    journal_free(&j);
    s->hover = s->cursor = -1;
    scene_push(a, &STATS, s);
}
