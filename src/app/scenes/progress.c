/* Progress: the streak in kind words, the week, time per practice, a 26-week calendar and the
 * check-ins before and after. Everything shown comes from stats_compute(); this file lays it
 * out from the window size so it fits from 800x600 up, and nothing here is ever red.
 *
 * The screen is a column of rows of panels (progress_layout): the tiles; the calendar with, beside
 * it or under it, the totals by practice (or the day opened on the calendar); the check-ins
 * chart and words. Each panel is drawn by a function of its own from its rectangle. Panels sit
 * side by side where the width allows and one under another where it does not; when the rows
 * are taller than the window they scroll a row at a time (wheel, Page Up/Down, "More below"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attune/journal.h"
#include "attune/recap.h"
#include "attune/stats.h"
#include "scenes.h"
#include "userdata.h"

#define CHART_POINTS 30
#define DAY_SHOWN_MAX 12 /* practices listed for one day */

typedef enum PanelKind { PANEL_TILES, PANEL_CALENDAR, PANEL_SIDE, PANEL_CHART, PANEL_WORDS, PANEL_COUNT } PanelKind;

typedef struct StatsScene {
    Stats st;
    char message[200];
    SDL_Rect cells;      /* the heatmap grid, for hit tests (w 0: not on screen) */
    SDL_Rect cal_box;    /* the calendar panel's inside: the tooltip stays in it */
    int pitch, cell;     /* cell pitch and size in pixels, from the last frame */
    int focus;           /* the one highlighted day (calendar index), -1 none */
    bool focus_by_mouse; /* it follows the pointer (it goes when the pointer leaves the days) */
    int open;            /* the day whose practices are shown, -1 none */
    int first_row;       /* the first row on screen (scrolling) */
    int nrows, last_row; /* rows in all, and the last one on screen, from the last frame */
    int want_row;        /* a row to bring on screen at the next frame, -1 none */
    int cal_row, side_row;
    SDL_Rect close_rect, more_rect; /* the day's Close and the scroll cue, from the last frame */
    int pill_hover;                 /* 1 Close, 2 the scroll cue, 0 neither */
    SDL_Rect journal;               /* the Journal button, last drawn */
    WeekRecap week;                 /* this week in words: "Your week" */
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
    if (s->pitch <= 0 || s->cells.w <= 0 || p.x < s->cells.x || p.y < s->cells.y) return -1;
    int col = (p.x - s->cells.x) / s->pitch, row = (p.y - s->cells.y) / s->pitch;
    if (col >= STATS_WEEKS || row >= 7) return -1;
    /* The gap between cells belongs to no day. */
    if ((p.x - s->cells.x) % s->pitch >= s->cell || (p.y - s->cells.y) % s->pitch >= s->cell) return -1;
    int i = col * 7 + row;
    return s->st.calendar[i].future ? -1 : i;
}

static int today_index(const StatsScene *s) { return s->st.today - s->st.calendar[0].day; }

static void move_focus(StatsScene *s, int delta)
{
    int i = s->focus < 0 ? today_index(s) : s->focus + delta;
    s->focus_by_mouse = false;
    s->want_row = s->cal_row;
    if (i < 0 || i >= STATS_DAYS || s->st.calendar[i].future) return;
    s->focus = i;
}

static void open_day(StatsScene *s, int i)
{
    s->open = i;
    s->want_row = s->side_row;
}

static void scroll(StatsScene *s, int rows)
{
    s->first_row += rows;
    if (s->first_row > s->nrows - 1) s->first_row = s->nrows - 1;
    if (s->first_row < 0) s->first_row = 0;
}

static bool more_below(const StatsScene *s) { return s->last_row < s->nrows - 1; }

static void progress_event(App *a, void *v, const SDL_Event *e)
{
    StatsScene *s = v;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE:
        case SDLK_BACKSPACE:
            if (s->open >= 0) s->open = -1; /* back from the day first */
            else scene_pop(a);
            break;
        case SDLK_LEFT: move_focus(s, -7); break;
        case SDLK_RIGHT: move_focus(s, 7); break;
        case SDLK_UP: move_focus(s, -1); break;
        case SDLK_DOWN: move_focus(s, 1); break;
        case SDLK_HOME:
            s->focus = today_index(s);
            s->focus_by_mouse = false;
            break;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            if (s->focus < 0) s->focus = today_index(s);
            s->focus_by_mouse = false;
            open_day(s, s->focus);
            break;
        case SDLK_PAGEDOWN: scroll(s, more_below(s) ? 1 : 0); break;
        case SDLK_PAGEUP: scroll(s, -1); break;
        case SDLK_j: journal_push(a); return;
        case SDLK_w: show_week(a, s); return;
        default: return;
        }
        a->dirty = true;
    } else if (e->type == SDL_MOUSEMOTION) {
        SDL_Point p = window_mouse(a, e->motion.x, e->motion.y);
        int h = cell_at(s, p);
        if (h >= 0 && h != s->focus) {
            s->focus = h;
            s->focus_by_mouse = true;
            a->dirty = true;
        } else if (h < 0 && s->focus_by_mouse) {
            s->focus = -1;
            s->focus_by_mouse = false;
            a->dirty = true;
        }
        /* The pills draw their hover from the pointer. */
        int pill = SDL_PointInRect(&p, &s->close_rect) ? 1 : SDL_PointInRect(&p, &s->more_rect) ? 2 : 0;
        if (pill != s->pill_hover) a->dirty = true;
        s->pill_hover = pill;
    } else if (e->type == SDL_MOUSEWHEEL) {
        int dy = e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -e->wheel.y : e->wheel.y;
        if (dy < 0 && more_below(s)) scroll(s, 1);
        else if (dy > 0) scroll(s, -1);
        a->dirty = true;
    } else if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
        SDL_Point p = window_mouse(a, e->button.x, e->button.y);
        int i = cell_at(s, p);
        if (SDL_PointInRect(&p, &s->journal)) {
            journal_push(a);
            return;
        }
        if (SDL_PointInRect(&p, &s->week_button)) {
            show_week(a, s);
            return;
        }
        if (SDL_PointInRect(&p, &s->close_rect)) s->open = -1;
        else if (SDL_PointInRect(&p, &s->more_rect)) scroll(s, more_below(s) ? 1 : -s->nrows);
        else if (i >= 0) {
            s->focus = i;
            s->focus_by_mouse = true;
            open_day(s, i);
        } else return;
        a->dirty = true;
    } else if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_RIGHT) {
        scene_pop(a);
    }
}

/* ---- drawing helpers ---- */

/* Sizes shared by the panels, for one try at fitting the screen. */
typedef struct Metrics {
    int pad, gap;     /* inside a panel; between panels */
    int lh, bh;       /* a line of small and of body text */
    int cell, cgap;   /* a calendar day and the space between days */
    int label_w;      /* the weekday labels' column */
    TextRole value;   /* the big numbers of the tiles */
    TextRole week;    /* "3 of 5 days" */
} Metrics;

/* A small filled circle (a rounded square of full radius: crisp at these sizes). */
static void dot(App *a, float cx, float cy, float r, SDL_Color c)
{
    int d = (int)(2 * r + 0.5f);
    draw_rrect(a, (SDL_Rect){(int)(cx - r + 0.5f), (int)(cy - r + 0.5f), d, d}, d, c);
}

static void panel_bg(App *a, SDL_Rect r) { draw_rrect(a, r, a->lay.unit, a->theme.surface); }

/* Measures (draw false) or draws a string; returns its rectangle either way. */
static SDL_Rect put(App *a, bool draw, TextRole role, const char *s, int x, int y, Align align, SDL_Color c,
                    int wrap)
{
    if (draw) return text_draw(a, role, s, x, y, align, c, wrap);
    SDL_Point sz = text_size(a, role, s, wrap);
    SDL_Rect r = {x, y, sz.x, sz.y};
    if (align == ALIGN_CENTER) r.x -= sz.x / 2;
    else if (align == ALIGN_RIGHT) r.x -= sz.x;
    return r;
}

/* ---- the tiles: streak, longest, rest days saved, this week ---- */

static const char *week_words(const StreakInfo *k, char *buf, size_t n, const char **label)
{
    /* Plain words: "3 of 5 days", or once reached "6 days" over "This week, goal reached". */
    bool reached = k->week_goal_reached || k->week_days >= k->week_goal;
    if (reached) snprintf(buf, n, "%d day%s", k->week_days, k->week_days == 1 ? "" : "s");
    else snprintf(buf, n, "%d of %d days", k->week_days, k->week_goal);
    *label = reached ? "This week, goal reached" : "This week";
    return buf;
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

static void tile_rest(App *a, const StreakInfo *k, SDL_Rect r, TextRole role)
{
    const Theme *t = &a->theme;
    tile_text(a, r, NULL, role, "Rest days saved");
    int vh = text_line(a, role), lh = text_line(a, TEXT_SMALL);
    float cy = r.y + (r.h - vh - lh) / 2.0f + vh * 0.5f;
    float rad = vh * 0.2f, step = rad * 3.2f;
    float cx0 = r.x + r.w / 2.0f - step * (STREAK_FREEZE_MAX - 1) / 2.0f;
    for (int i = 0; i < STREAK_FREEZE_MAX; i++) { /* filled when held, as rest days on the calendar */
        float cx = cx0 + step * i;
        if (i < k->freezes_held) dot(a, cx, cy, rad, t->step[1]);
        else draw_arc(a, cx, cy, rad - 1, 2.0f, 0, 1, color_alpha(t->muted, 0.6f));
    }
}

/* This week against the goal: a bar that fills, never a warning. */
static void tile_week(App *a, const StreakInfo *k, SDL_Rect r, const Metrics *m)
{
    const Theme *t = &a->theme;
    char buf[64];
    const char *label;
    week_words(k, buf, sizeof buf, &label);
    int th = text_line(a, m->week), lh = m->lh;
    int bar_h = a->h / 90 + 2, space = a->h / 90;
    int by = r.y + (r.h - th - space - bar_h - lh - a->lay.tight) / 2;
    text_draw(a, m->week, buf, r.x + r.w / 2, by, ALIGN_CENTER, t->text, 0);
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
    text_draw(a, TEXT_SMALL, label, r.x + r.w / 2, bar.y + bar.h + a->lay.tight, ALIGN_CENTER, t->muted, 0);
}

/* Four tiles in a row, or two by two when a row is too narrow; returns the height. */
static int panel_tiles(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
{
    const StreakInfo *k = &s->st.streak;
    char cur[16], lon[16], week[64];
    const char *week_label;
    snprintf(cur, sizeof cur, "%d", k->current);
    snprintf(lon, sizeof lon, "%d", k->longest);
    week_words(k, week, sizeof week, &week_label);
    const char *cur_label = k->current == 1 ? "Day in a row" : "Days in a row";
    int need = 0;
    const char *labels[] = {cur_label, "Longest streak", "Rest days saved", week_label};
    for (int i = 0; i < 4; i++) need = SDL_max(need, text_size(a, TEXT_SMALL, labels[i], 0).x);
    need = SDL_max(need, text_size(a, m->week, week, 0).x);
    need += 2 * m->pad;
    int cols = 4 * need + 3 * m->gap <= p.w ? 4 : 2;
    int tw = (p.w - (cols - 1) * m->gap) / cols;
    int vh = text_line(a, m->value) + m->lh;
    int wh = text_line(a, m->week) + a->h / 90 * 2 + 2 + m->lh + a->lay.tight;
    int th = SDL_max(vh, wh) + m->pad * 3 / 2;
    int rows = 4 / cols;
    if (draw) {
        for (int i = 0; i < 4; i++) {
            SDL_Rect r = {p.x + (i % cols) * (tw + m->gap), p.y + (i / cols) * (th + m->gap), tw, th};
            panel_bg(a, r);
            if (i == 0) tile_text(a, r, cur, m->value, cur_label);
            else if (i == 1) tile_text(a, r, lon, m->value, "Longest streak");
            else if (i == 2) tile_rest(a, k, r, m->value);
            else tile_week(a, k, r, m);
        }
    }
    return rows * th + (rows - 1) * m->gap;
}

/* ---- the calendar ---- */

/* Cell colour: the calm teal, stronger with more minutes. */
static SDL_Color cell_colour(const Theme *t, const StatsDay *d)
{
    float f = d->minutes >= 30 ? 1.0f : d->minutes >= 15 ? 0.8f : d->minutes >= 5 ? 0.6f
            : d->minutes > 0 || d->practised ? 0.38f : 0.0f;
    return color_mix(t->surface_hi, t->step[0], f);
}

static const char REST_LEGEND[] = "Rest day: a day off that a saved rest day covered, so your streak went on. "
                                  "Every 7th day you practise saves one.";

static int calendar_grid_w(const Metrics *m) { return m->label_w + STATS_WEEKS * (m->cell + m->cgap) - m->cgap; }

/* The width of "less [] [] [] [] [] more". */
static int scale_w(App *a, const Metrics *m)
{
    return text_size(a, TEXT_SMALL, "less", 0).x + text_size(a, TEXT_SMALL, "more", 0).x + 5 * m->cell +
           4 * m->cgap + 4 * m->cgap;
}

/* "less [] [] [] [] [] more" with its right edge at x. */
static void draw_scale(App *a, const Metrics *m, int x, int y)
{
    const Theme *t = &a->theme;
    int cell = m->cell, gap = m->cgap, lh = m->lh;
    SDL_Rect r = text_draw(a, TEXT_SMALL, "more", x, y, ALIGN_RIGHT, t->muted, 0);
    int lx = r.x - gap * 2;
    static const int LEGEND[5] = {30, 15, 5, 1, 0};
    for (int i = 0; i < 5; i++) {
        StatsDay d = {.minutes = LEGEND[i]};
        lx -= cell;
        draw_rrect(a, (SDL_Rect){lx, y + (lh - cell) / 2, cell, cell}, cell / 4, cell_colour(t, &d));
        if (i < 4) lx -= gap;
    }
    text_draw(a, TEXT_SMALL, "less", lx - gap * 2, y, ALIGN_RIGHT, t->muted, 0);
}

/* Title and scale, month names, the grid of days, and the legend of rest days under it. */
static int panel_calendar(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
{
    const Theme *t = &a->theme;
    int pad = m->pad, lh = m->lh, cell = m->cell, gap = m->cgap, pitch = cell + gap;
    int inner = p.w - 2 * pad;
    int y = p.y + pad;
    const char *title = "Last 26 weeks";
    bool scale_on_top = text_size(a, TEXT_SMALL, title, 0).x + 2 * pad + scale_w(a, m) <= inner;
    if (draw) {
        panel_bg(a, p);
        s->cal_box = (SDL_Rect){p.x + pad, p.y + pad, inner, p.h - 2 * pad};
        text_draw(a, TEXT_SMALL, title, p.x + pad, y, ALIGN_LEFT, t->muted, 0);
        if (scale_on_top) draw_scale(a, m, p.x + p.w - pad, y);
    }
    y += lh;
    int gx = p.x + pad + m->label_w, gy = y + lh;
    if (draw) {
        s->cells = (SDL_Rect){gx, gy, STATS_WEEKS * pitch - gap, 7 * pitch - gap};
        s->pitch = pitch;
        s->cell = cell;
        ui_control_add(a, "Calendar: choose a day", s->cells);
        /* Month names above the first week holding a month's first day. */
        int last_end = -1;
        for (int w = 0; w < STATS_WEEKS; w++) {
            int month = -1, yy, mm, dd;
            for (int d = 0; d < 7; d++) {
                day_to_ymd(s->st.calendar[w * 7 + d].day, &yy, &mm, &dd);
                if (dd == 1) month = mm - 1;
            }
            if (w == 0 && month < 0) {
                day_to_ymd(s->st.calendar[0].day, &yy, &mm, &dd);
                if (dd <= 24) month = mm - 1; /* enough of it shows to name it */
            }
            if (month < 0) continue;
            char name[4];
            snprintf(name, sizeof name, "%.3s", day_month_name(month + 1));
            int x = gx + w * pitch;
            if (x <= last_end || x + text_size(a, TEXT_SMALL, name, 0).x > p.x + p.w - pad) continue;
            SDL_Rect mr = text_draw(a, TEXT_SMALL, name, x, y, ALIGN_LEFT, t->muted, 0);
            last_end = mr.x + mr.w + gap * 2;
        }
        for (int d = 0; d < 7; d += 2) { /* Mon, Wed, Fri, Sun */
            char label[4];
            snprintf(label, sizeof label, "%.3s", day_weekday_name(d));
            text_draw(a, TEXT_SMALL, label, gx - gap * 2, gy + d * pitch + (cell - lh) / 2, ALIGN_RIGHT,
                      t->muted, 0);
        }
        for (int i = 0; i < STATS_DAYS; i++) {
            const StatsDay *d = &s->st.calendar[i];
            if (d->future) continue;
            SDL_Rect c = {gx + (i / 7) * pitch, gy + (i % 7) * pitch, cell, cell};
            draw_rrect(a, c, cell / 4, cell_colour(t, d));
            if (d->rested) dot(a, c.x + cell / 2.0f, c.y + cell / 2.0f, cell * 0.22f + 1, t->step[1]);
            /* One highlight at a time: the day under the pointer or the keys. */
            if (i == s->focus)
                draw_rrect_outline(a, (SDL_Rect){c.x - 2, c.y - 2, c.w + 4, c.h + 4}, cell / 3, 2, t->focus);
        }
    }
    /* Under the grid and under the Sunday label, which may stand taller than a day. */
    y = SDL_max(gy + 7 * pitch - gap, gy + 6 * pitch + (cell - lh) / 2 + lh) + pad / 2;
    if (!scale_on_top) {
        if (draw) draw_scale(a, m, p.x + pad + scale_w(a, m), y);
        y += lh + pad / 3;
    }
    /* The rest days, said in plain words where they are shown. */
    float rad = lh * 0.22f;
    int tx = p.x + pad + (int)(rad * 2) + pad / 2;
    SDL_Rect r = put(a, draw, TEXT_SMALL, REST_LEGEND, tx, y, ALIGN_LEFT, t->muted, p.x + p.w - pad - tx);
    if (draw) dot(a, p.x + pad + rad, y + lh / 2.0f, rad, t->step[1]);
    y += r.h + pad;
    return y - p.y;
}

/* The width the calendar panel takes at these metrics. */
static int calendar_w(const Metrics *m) { return 2 * m->pad + calendar_grid_w(m); }

/* The hovered or focused day in words, in a box kept inside the calendar panel. */
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
    else if (d->rested) snprintf(buf + n, sizeof buf - (size_t)n, ": a rest day");
    else snprintf(buf + n, sizeof buf - (size_t)n, ": a quiet day");
    SDL_Rect box = s->cal_box;
    int pad = text_line(a, TEXT_SMALL) / 2;
    SDL_Point sz = text_size(a, TEXT_SMALL, buf, box.w - 2 * pad);
    SDL_Rect c = {s->cells.x + (i / 7) * s->pitch, s->cells.y + (i % 7) * s->pitch, s->cell, s->cell};
    SDL_Rect tip = {c.x + c.w / 2 - sz.x / 2 - pad, c.y - sz.y - pad * 2, sz.x + 2 * pad, sz.y + pad};
    if (tip.y < box.y) tip.y = c.y + c.h + pad;              /* no room above: below the day */
    if (tip.y + tip.h > box.y + box.h) tip.y = box.y;         /* nor below: at the top */
    if (tip.x + tip.w > box.x + box.w) tip.x = box.x + box.w - tip.w;
    if (tip.x < box.x) tip.x = box.x;
    draw_rrect(a, tip, tip.h / 3 < pad ? tip.h / 3 : pad, t->surface_hi);
    draw_rrect_outline(a, tip, tip.h / 3 < pad ? tip.h / 3 : pad, 1, color_alpha(t->muted, 0.5f));
    text_draw(a, TEXT_SMALL, buf, tip.x + pad, tip.y + pad / 2, ALIGN_LEFT, t->text, box.w - 2 * pad);
}

/* ---- beside the calendar: totals by practice, or the day opened ---- */

static int totals_min_w(App *a, const Metrics *m)
{
    return 2 * m->pad + text_size(a, TEXT_BODY, "Grounding", 0).x + 2 * text_size(a, TEXT_SMALL, "Sessions", 0).x +
           3 * m->pad;
}

static int panel_totals(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
{
    const Theme *t = &a->theme;
    int pad = m->pad, lh = m->lh, bh = m->bh;
    int y = p.y + pad;
    int natural = pad + lh + pad / 2 + (PRACTICE_KIND_COUNT + 1) * bh * 3 / 2 + pad;
    if (!draw) return natural;
    panel_bg(a, p);
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
    return natural;
}

/* What a record was: "Box breathing", "Short body scan", "Notice cards". */
static void practice_title(App *a, const PracticeRecord *r, char *buf, size_t n)
{
    const char *title = NULL;
    if (r->kind == PRACTICE_BREATHING) {
        const BreathPattern *p = content_pattern(&a->content, r->content);
        title = p ? p->title : NULL;
        snprintf(buf, n, "%s", title ? title : "Breathing");
    } else if (r->kind == PRACTICE_GROUNDING) {
        const GroundExercise *e = content_exercise(&a->content, r->content);
        snprintf(buf, n, "%s", e ? e->title : "Grounding");
    } else {
        const DeckLevel *l = content_level(&a->content, r->content);
        if (l) snprintf(buf, n, "%s cards%s", l->title, practice_is_couple(r) ? ", together" : "");
        else snprintf(buf, n, "Cards");
    }
}

/* The day opened on the calendar: its date, each practice with its minutes and check-ins, and
 * a Close. Returns the height it needs. */
static int panel_day(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
{
    const Theme *t = &a->theme;
    int pad = m->pad, wrap = p.w - 2 * pad;
    const StatsDay *d = &s->st.calendar[s->open];
    int y = p.y + pad;
    if (draw) panel_bg(a, p);
    SDL_Rect close = {0, 0, 0, 0};
    if (draw) {
        close = ui_pill(a, "Close", p.x + p.w - pad, y, ALIGN_RIGHT);
        s->close_rect = close;
    } else {
        SDL_Point sz = text_size(a, TEXT_SMALL, "Close", 0);
        close.w = sz.x + 3 * (m->lh / 2);
        close.h = m->lh + m->lh / 2;
    }
    int yy, mm, dd;
    day_to_ymd(d->day, &yy, &mm, &dd);
    char buf[300];
    snprintf(buf, sizeof buf, "%s %d %s%s", day_weekday_name(day_weekday(d->day)), dd, day_month_name(mm),
             d->day == s->st.today ? ", today" : "");
    SDL_Rect r = put(a, draw, TEXT_BODY, buf, p.x + pad, y, ALIGN_LEFT, t->text, wrap - close.w - pad);
    y += SDL_max(r.h, close.h) + pad / 2;
    const PracticeRecord *recs[DAY_SHOWN_MAX];
    int n = stats_day_practices(&a->data.log, d->day, s->st.day_start_hour, recs, DAY_SHOWN_MAX);
    if (d->rested) {
        r = put(a, draw, TEXT_SMALL, "A rest day: a saved rest day covered it, so your streak went on.",
                p.x + pad, y, ALIGN_LEFT, t->muted, wrap);
        y += r.h + pad / 2;
    } else if (n == 0) {
        r = put(a, draw, TEXT_SMALL, d->day == s->st.today ? "Nothing yet today. It is here whenever you are."
                                                           : "A quiet day. Days off are part of practice too.",
                p.x + pad, y, ALIGN_LEFT, t->muted, wrap);
        y += r.h + pad / 2;
    }
    int bottom = p.h > 0 ? p.y + p.h - pad : 1 << 29;
    int shown = n < DAY_SHOWN_MAX ? n : DAY_SHOWN_MAX;
    for (int i = 0; i < shown; i++) {
        const PracticeRecord *rec = recs[i];
        char title[200], line[200];
        practice_title(a, rec, title, sizeof title);
        int mins = (int)stats_minutes(rec->duration_ms);
        snprintf(buf, sizeof buf, "%s, %d %s", title, mins, mins == 1 ? "minute" : "minutes");
        int k = snprintf(line, sizeof line, "%.5s", rec->time);
        if (rec->before >= 0 && rec->after >= 0)
            snprintf(line + k, sizeof line - (size_t)k, ". How stirred up: %d before, %d after", rec->before, rec->after);
        else if (rec->before >= 0)
            snprintf(line + k, sizeof line - (size_t)k, ". How stirred up: %d before", rec->before);
        else if (rec->after >= 0)
            snprintf(line + k, sizeof line - (size_t)k, ". How stirred up: %d after", rec->after);
        int h = text_size(a, TEXT_SMALL, buf, wrap).y + text_size(a, TEXT_SMALL, line, wrap).y + pad / 2;
        if (draw && y + h > bottom) { /* the rest in one line, when the panel is full */
            snprintf(buf, sizeof buf, "and %d more", n - i);
            if (y + m->lh <= bottom) text_draw(a, TEXT_SMALL, buf, p.x + pad, y, ALIGN_LEFT, t->muted, 0);
            break;
        }
        r = put(a, draw, TEXT_SMALL, buf, p.x + pad, y, ALIGN_LEFT, t->text, wrap);
        y += r.h;
        r = put(a, draw, TEXT_SMALL, line, p.x + pad, y, ALIGN_LEFT, t->muted, wrap);
        y += r.h + pad / 2;
    }
    return y + pad / 2 - p.y;
}

/* ---- check-ins: the chart and the words ---- */

/* Before and after each rated practice: a sand dot, a teal dot, joined. 10 is at the top. */
static int panel_chart(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
{
    const Theme *t = &a->theme;
    int pad = m->pad, lh = m->lh;
    float rad = lh * 0.28f;
    int key_w = text_size(a, TEXT_SMALL, "after", 0).x + text_size(a, TEXT_SMALL, "before", 0).x + (int)(rad * 10) + pad;
    int n = s->st.npoints < CHART_POINTS ? s->st.npoints : CHART_POINTS;
    char title[80];
    if (n > 1) snprintf(title, sizeof title, "Before and after, your last %d check-ins", n);
    else snprintf(title, sizeof title, "Before and after");
    if (text_size(a, TEXT_SMALL, title, 0).x + pad + key_w > p.w - 2 * pad) snprintf(title, sizeof title, "Before and after");
    bool key_below = text_size(a, TEXT_SMALL, title, 0).x + pad + key_w > p.w - 2 * pad;
    int head = lh + pad / 2 + (key_below ? lh : 0);
    if (!draw) return 2 * pad + head + lh * 5;
    panel_bg(a, p);
    int y = p.y + pad;
    text_draw(a, TEXT_SMALL, title, p.x + pad, y, ALIGN_LEFT, t->muted, 0);
    SDL_Color before = t->step[2], after = t->step[0];
    int ky = key_below ? y + lh : y;
    int lx = p.x + p.w - pad;
    SDL_Rect r = text_draw(a, TEXT_SMALL, "after", lx, ky, ALIGN_RIGHT, t->muted, 0);
    dot(a, r.x - rad * 2.5f, ky + lh / 2.0f, rad, after);
    r = text_draw(a, TEXT_SMALL, "before", (int)(r.x - rad * 5 - pad / 2), ky, ALIGN_RIGHT, t->muted, 0);
    dot(a, r.x - rad * 2.5f, ky + lh / 2.0f, rad, before);
    y += head;

    const StatsPoint *pts = s->st.points + (s->st.npoints - n);
    int axis_w = text_size(a, TEXT_SMALL, "10", 0).x + pad / 2;
    SDL_Rect area = {p.x + pad + axis_w, y + lh / 2, p.w - 2 * pad - axis_w, p.y + p.h - pad - lh / 2 - (y + lh / 2)};
    if (area.h < 10) return 0;
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
        return 0;
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
    return 0;
}

static int panel_words(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
{
    const Theme *t = &a->theme;
    int pad = m->pad, y = p.y + pad, wrap = p.w - 2 * pad;
    if (draw) panel_bg(a, p);
    SDL_Rect r = put(a, draw, TEXT_SMALL, "Check-ins", p.x + pad, y, ALIGN_LEFT, t->muted, 0);
    y += r.h + pad / 2;
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
    r = put(a, draw, TEXT_BODY, main, p.x + pad, y, ALIGN_LEFT, t->text, wrap);
    y += r.h + pad / 2;
    r = put(a, draw, TEXT_SMALL, sub, p.x + pad, y, ALIGN_LEFT, t->muted, wrap);
    y += r.h + pad / 2;
    /* A last word when there is room for it: every answer is welcome. */
    const char *kind = "Any answer is useful. Noticing how you feel is part of the practice.";
    if (draw && st->rated > 0 && y + text_size(a, TEXT_SMALL, kind, wrap).y <= p.y + p.h - pad)
        text_draw(a, TEXT_SMALL, kind, p.x + pad, y, ALIGN_LEFT, t->muted, wrap);
    return y + pad / 2 - p.y;
}

/* ---- the layout: rows of panels ---- */

typedef int (*PanelFn)(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw);

typedef struct Row {
    PanelFn fn[2];
    int n;       /* panels in the row: 1 or 2 */
    int w0;      /* width of the first when there are two */
    int h;
    bool grows;  /* takes the height left over */
} Row;

#define ROWS_MAX 8

typedef struct ProgressLayout {
    Metrics m;
    Row rows[ROWS_MAX];
    int nrows;
    int cal_row, side_row;
} ProgressLayout;

static void add_row(ProgressLayout *L, PanelFn a, PanelFn b, int w0, int h, bool grows)
{
    if (L->nrows == ROWS_MAX) return;
    L->rows[L->nrows++] = (Row){{a, b}, b ? 2 : 1, w0, h, grows};
}

/* The rows at one notch of compactness (0 roomy .. 2 tight), for width w. */
static void progress_layout(App *a, StatsScene *s, int notch, int w, ProgressLayout *L)
{
    memset(L, 0, sizeof *L);
    Metrics *m = &L->m;
    m->pad = notch ? a->lay.gap * 2 / 3 : a->lay.gap;
    m->gap = notch ? a->h / 70 : a->h / 45;
    m->lh = text_line(a, TEXT_SMALL);
    m->bh = text_line(a, TEXT_BODY);
    m->value = notch == 0 ? TEXT_DISPLAY : notch == 1 ? TEXT_TITLE : TEXT_BODY;
    m->week = notch == 0 ? TEXT_TITLE : TEXT_BODY;
    m->cell = a->h / 46;
    m->cgap = m->cell / 5 > 2 ? m->cell / 5 : 2;
    m->label_w = text_size(a, TEXT_SMALL, "Wed", 0).x + m->cgap * 3;
    SDL_Rect full = {0, 0, w, 0};

    add_row(L, panel_tiles, NULL, 0, panel_tiles(a, s, full, m, false), false);

    /* The calendar, with the totals (or the day opened) beside it when both fit. */
    PanelFn side = s->open >= 0 ? panel_day : panel_totals;
    int side_min = totals_min_w(a, m);
    int max_cell = (w - side_min - m->gap - 2 * m->pad - m->label_w) / STATS_WEEKS - m->cgap;
    bool beside = max_cell >= m->cell * 2 / 3 && max_cell >= 6;
    if (beside) {
        if (m->cell > max_cell) m->cell = max_cell;
    } else {
        int fit = (w - 2 * m->pad - m->label_w) / STATS_WEEKS - m->cgap;
        if (m->cell > fit) m->cell = fit;
    }
    int cw = beside ? calendar_w(m) : w;
    int ch = panel_calendar(a, s, (SDL_Rect){0, 0, cw, 0}, m, false);
    L->cal_row = L->nrows;
    if (beside) {
        int sh = side(a, s, (SDL_Rect){0, 0, w - cw - m->gap, 0}, m, false);
        L->side_row = L->nrows;
        add_row(L, panel_calendar, side, cw, SDL_max(ch, sh), false);
    } else {
        add_row(L, panel_calendar, NULL, 0, ch, false);
        L->side_row = L->nrows;
        add_row(L, side, NULL, 0, side(a, s, full, m, false), false);
    }

    /* Check-ins: the chart and the words, side by side in the calendar's columns when the
     * words have a comfortable measure there. */
    int ww = w - cw - m->gap;
    if (beside && ww >= text_measure(a) / 2) {
        int hw = panel_words(a, s, (SDL_Rect){0, 0, ww, 0}, m, false);
        int hc = panel_chart(a, s, (SDL_Rect){0, 0, cw, 0}, m, false);
        add_row(L, panel_chart, panel_words, cw, SDL_max(hw, hc), true);
    } else {
        add_row(L, panel_chart, NULL, 0, panel_chart(a, s, full, m, false), true);
        add_row(L, panel_words, NULL, 0, panel_words(a, s, full, m, false), false);
    }
}

static int rows_height(const ProgressLayout *L, int from)
{
    int h = 0;
    for (int i = from; i < L->nrows; i++) h += L->rows[i].h + (i > from ? L->m.gap : 0);
    return h;
}

/* The last row that fits between top and bottom from row `first`. */
static int last_fitting(const ProgressLayout *L, int first, int top, int bottom)
{
    int y = top, last = first - 1;
    for (int i = first; i < L->nrows; i++) {
        if (y + L->rows[i].h > bottom && i > first) break;
        last = i;
        y += L->rows[i].h + L->m.gap;
    }
    return last;
}

static void progress_render(App *a, void *v)
{
    StatsScene *s = v;
    const Theme *t = &a->theme;
    int margin = a->w / 24 > a->h / 20 ? a->w / 24 : a->h / 20;
    int x = margin, w = a->w - 2 * margin;

    /* The title between the bar's pills (Back, Your week; Journal, Help), else under them. */
    s->week_button = ui_bar_pill(a, WEEK_LABEL);
    s->journal = journal_bar_button(a);
    int y = a->h / 16, half = text_size(a, TEXT_TITLE, "Progress", 0).x / 2, gap = a->lay.unit;
    if (a->w / 2 - half < s->week_button.x + s->week_button.w + gap || a->w / 2 + half > s->journal.x - gap)
        y = ui_bar_bottom(a);
    SDL_Rect r = text_draw(a, TEXT_TITLE, "Progress", a->w / 2, y, ALIGN_CENTER, t->text, 0);
    y += r.h + a->h / 100;
    r = text_draw(a, TEXT_BODY, s->message, a->w / 2, y, ALIGN_CENTER, t->step[0], w);
    y += r.h + a->lay.gap;
    int top = y, bottom = a->lay.hints_y - a->lay.gap / 2;

    /* The roomiest notch whose rows all fit; else the tightest, scrolled a row at a time. */
    ProgressLayout L;
    for (int notch = 0; notch < 3; notch++) {
        progress_layout(a, s, notch, w, &L);
        if (rows_height(&L, 0) <= bottom - top) break;
    }
    bool scrolls = rows_height(&L, 0) > bottom - top;
    int cue_h = text_line(a, TEXT_SMALL) * 3 / 2;
    if (scrolls) bottom -= cue_h + L.m.gap / 2;
    else s->first_row = 0;
    s->nrows = L.nrows;
    s->cal_row = L.cal_row;
    s->side_row = L.side_row;
    if (s->first_row >= L.nrows) s->first_row = L.nrows - 1;
    if (s->want_row >= 0 && scrolls) { /* bring a row on screen: the day opened, the calendar */
        if (s->want_row < s->first_row) s->first_row = s->want_row;
        while (last_fitting(&L, s->first_row, top, bottom) < s->want_row && s->first_row < s->want_row)
            s->first_row++;
    }
    s->want_row = -1;
    s->last_row = last_fitting(&L, s->first_row, top, bottom);
    if (!scrolls) { /* the rows that can grow share what is left */
        int extra = bottom - top - rows_height(&L, 0);
        for (int i = 0; i < L.nrows && extra > 0; i++)
            if (L.rows[i].grows) {
                L.rows[i].h += extra;
                break;
            }
    }

    s->cells = (SDL_Rect){0, 0, 0, 0};
    s->close_rect = s->more_rect = (SDL_Rect){0, 0, 0, 0};
    y = top;
    for (int i = s->first_row; i <= s->last_row; i++) {
        const Row *row = &L.rows[i];
        if (row->n == 2) {
            row->fn[0](a, s, (SDL_Rect){x, y, row->w0, row->h}, &L.m, true);
            row->fn[1](a, s, (SDL_Rect){x + row->w0 + L.m.gap, y, w - row->w0 - L.m.gap, row->h}, &L.m, true);
        } else {
            row->fn[0](a, s, (SDL_Rect){x, y, w, row->h}, &L.m, true);
        }
        y += row->h + L.m.gap;
    }
    if (scrolls) {
        bool more = s->last_row < L.nrows - 1;
        int pill_w = text_size(a, TEXT_SMALL, more ? "More below" : "Back to the top", 0).x + 3 * (text_line(a, TEXT_SMALL) / 2);
        s->more_rect = ui_pill(a, more ? "More below" : "Back to the top", a->w / 2 - pill_w / 2, bottom + L.m.gap / 2,
                               ALIGN_LEFT);
    }
    if (s->focus >= 0 && s->cells.w > 0) draw_tooltip(a, s, s->focus);
    ui_hints(a, scrolls ? "Arrows, Enter: a day   Page Down: more   W your week"
                        : "Arrows choose a day   Enter see it   W your week",
             s->open >= 0 ? "Esc close the day" : "Esc back");
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
    s->focus = s->open = s->want_row = -1;
    scene_push(a, &STATS, s);
}
