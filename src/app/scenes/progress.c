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
#include "progress_scene.h"
#include "userdata.h"

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

    add_row(L, progress_panel_tiles, NULL, 0, progress_panel_tiles(a, s, full, m, false), false);

    /* The calendar, with the totals (or the day opened) beside it when both fit. */
    PanelFn side = s->open >= 0 ? progress_panel_day : progress_panel_totals;
    int side_min = progress_totals_min_w(a, m);
    int max_cell = (w - side_min - m->gap - 2 * m->pad - m->label_w) / STATS_WEEKS - m->cgap;
    bool beside = max_cell >= m->cell * 2 / 3 && max_cell >= 6;
    if (beside) {
        if (m->cell > max_cell) m->cell = max_cell;
    } else {
        int fit = (w - 2 * m->pad - m->label_w) / STATS_WEEKS - m->cgap;
        if (m->cell > fit) m->cell = fit;
    }
    int cw = beside ? progress_calendar_w(m) : w;
    int ch = progress_panel_calendar(a, s, (SDL_Rect){0, 0, cw, 0}, m, false);
    L->cal_row = L->nrows;
    if (beside) {
        int sh = side(a, s, (SDL_Rect){0, 0, w - cw - m->gap, 0}, m, false);
        L->side_row = L->nrows;
        add_row(L, progress_panel_calendar, side, cw, SDL_max(ch, sh), false);
    } else {
        add_row(L, progress_panel_calendar, NULL, 0, ch, false);
        L->side_row = L->nrows;
        add_row(L, side, NULL, 0, side(a, s, full, m, false), false);
    }

    /* Check-ins: the chart and the words, side by side in the calendar's columns when the
     * words have a comfortable measure there. */
    int ww = w - cw - m->gap;
    if (beside && ww >= text_measure(a) / 2) {
        int hw = progress_panel_words(a, s, (SDL_Rect){0, 0, ww, 0}, m, false);
        int hc = progress_panel_chart(a, s, (SDL_Rect){0, 0, cw, 0}, m, false);
        add_row(L, progress_panel_chart, progress_panel_words, cw, SDL_max(hw, hc), true);
    } else {
        add_row(L, progress_panel_chart, NULL, 0, progress_panel_chart(a, s, full, m, false), true);
        add_row(L, progress_panel_words, NULL, 0, progress_panel_words(a, s, full, m, false), false);
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
        int pill_w = ui_pill_w(a, more ? "More below" : "Back to the top");
        s->more_rect = ui_pill(a, more ? "More below" : "Back to the top", a->w / 2 - pill_w / 2, bottom + L.m.gap / 2,
                               ALIGN_LEFT);
    }
    if (s->focus >= 0 && s->cells.w > 0) progress_tooltip(a, s, s->focus);
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
