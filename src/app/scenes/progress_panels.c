/* Progress: the panels, each drawn by a function of its own from its rectangle (the screen
 * lays them out in progress.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress_scene.h"

/* ---- drawing helpers ---- */

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
int progress_panel_tiles(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
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
int progress_panel_calendar(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
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
int progress_calendar_w(const Metrics *m) { return 2 * m->pad + calendar_grid_w(m); }

/* The hovered or focused day in words, in a box kept inside the calendar panel. */
void progress_tooltip(App *a, const StatsScene *s, int i)
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

int progress_totals_min_w(App *a, const Metrics *m)
{
    return 2 * m->pad + text_size(a, TEXT_BODY, "Grounding", 0).x + 2 * text_size(a, TEXT_SMALL, "Sessions", 0).x +
           3 * m->pad;
}

int progress_panel_totals(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
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
int progress_panel_day(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
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
int progress_panel_chart(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
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

int progress_panel_words(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw)
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
