/* Reminders, from Settings: on or off, when, which days, quiet hours. Each change is written at
 * once as the systemd user timer `attune reminders on` writes (reminders.c); a muted line says
 * what will happen, in plain words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reminders.h"
#include "scenes.h"

typedef enum { ROW_ON, ROW_TIMES, ROW_DAYS, ROW_QUIET, ROW_COUNT } Row;

static const UiItem ROWS[ROW_COUNT] = {
    {"Reminders", NULL},
    {"Times", NULL},
    {"Days", NULL},
    {"Quiet hours", NULL},
};

/* Choices offered; a plan set on the command line that is not among them is kept as it is. */
static const char *const TIMES[] = {"10:00,15:00", "09:00", "12:30", "18:00",
                                    "09:00,13:00,17:00", "08:00,20:00"};
static const char *const DAYS[] = {"daily", "mon-fri", "sat,sun"};
static const char *const QUIET[] = {"21:00-08:00", "22:00-07:00", "20:00-09:00", "none"};
#define COUNT(x) ((int)(sizeof x / sizeof x[0]))

typedef struct RemindersScene {
    UiList list;
    bool on;
    RemindPlan plan;
    char status[1400];
} RemindersScene;

static void describe(RemindersScene *s, bool running, const char *err)
{
    char plan[300];
    remind_describe(&s->plan, plan, sizeof plan);
    if (err)
        snprintf(s->status, sizeof s->status, "Reminders could not be saved: %s", err);
    else if (!s->on)
        snprintf(s->status, sizeof s->status,
                 "Off. When on, Attune asks gently at the times you choose, never in your quiet "
                 "hours, and stays silent once you have practised.");
    else
        snprintf(s->status, sizeof s->status, "%s. %s%s", plan,
                 running ? "A reminder stays silent once you have practised since the one before."
                         : "They start with your next login session.",
                 reminders_can_notify() ? "" : " To see them, install libnotify-bin.");
}

static void save(App *a, RemindersScene *s)
{
    char err[1200];
    bool ok, running = false, existed;
    if (s->on) ok = reminders_write(&s->plan, a->data_dir, &running, err, sizeof err);
    else ok = reminders_remove(&existed, err, sizeof err);
    if (!ok) app_log("%s", err);
    describe(s, running, ok ? NULL : err);
}

/* The index of the plan's current value among the choices, or -1. */
static int current(const RemindersScene *s, Row row, const char *const *choices, int n)
{
    for (int i = 0; i < n; i++) {
        RemindPlan p = s->plan;
        char err[200];
        bool ok = row == ROW_TIMES  ? remind_parse_times(choices[i], &p, err, sizeof err)
                  : row == ROW_DAYS ? remind_parse_days(choices[i], &p, err, sizeof err)
                                    : remind_parse_quiet(choices[i], &p, err, sizeof err);
        if (ok && !memcmp(&p, &s->plan, sizeof p)) return i;
    }
    return -1;
}

static void change(App *a, RemindersScene *s, Row row, int dir)
{
    if (row == ROW_ON) {
        s->on = !s->on;
    } else {
        const char *const *choices = row == ROW_TIMES ? TIMES : row == ROW_DAYS ? DAYS : QUIET;
        int n = row == ROW_TIMES ? COUNT(TIMES) : row == ROW_DAYS ? COUNT(DAYS) : COUNT(QUIET);
        int i = current(s, row, choices, n);
        i = i < 0 ? 0 : (i + dir + n) % n;
        char err[200];
        if (row == ROW_TIMES) remind_parse_times(choices[i], &s->plan, err, sizeof err);
        else if (row == ROW_DAYS) remind_parse_days(choices[i], &s->plan, err, sizeof err);
        else remind_parse_quiet(choices[i], &s->plan, err, sizeof err);
        if (!s->on) { /* choosing when is choosing to have them */
            s->on = true;
        }
    }
    save(a, s);
    a->dirty = true;
}

static void value_text(const RemindersScene *s, Row row, char *buf, size_t n)
{
    char t[64];
    switch (row) {
    case ROW_ON: snprintf(buf, n, "%s", s->on ? "On" : "Off"); break;
    case ROW_TIMES: {
        remind_format_times(&s->plan, t, sizeof t);
        for (char *c = t; *c; c++)
            if (*c == ',') *c = ' ';
        snprintf(buf, n, "%s", t);
        break;
    }
    case ROW_DAYS: {
        unsigned d = s->plan.days & REMIND_ALL_DAYS;
        snprintf(buf, n, "%s", d == REMIND_ALL_DAYS ? "Every day" : d == 0x1Fu ? "Monday to Friday"
                               : d == 0x60u         ? "Weekends"
                                                    : remind_format_days(&s->plan, t, sizeof t));
        break;
    }
    case ROW_QUIET:
        if (s->plan.quiet_from < 0 || s->plan.quiet_from == s->plan.quiet_to)
            snprintf(buf, n, "None");
        else
            snprintf(buf, n, "%02d:%02d to %02d:%02d", s->plan.quiet_from / 60,
                     s->plan.quiet_from % 60, s->plan.quiet_to / 60, s->plan.quiet_to % 60);
        break;
    default: buf[0] = 0; break;
    }
}

static void reminders_event(App *a, void *v, const SDL_Event *e)
{
    RemindersScene *s = v;
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.sym) {
        case SDLK_ESCAPE:
        case SDLK_BACKSPACE: scene_pop(a); return;
        case SDLK_LEFT: change(a, s, (Row)s->list.focus, -1); return;
        case SDLK_RIGHT:
        case SDLK_SPACE: change(a, s, (Row)s->list.focus, +1); return;
        default: break;
        }
    }
    int i = ui_list_event(a, &s->list, e);
    if (i >= 0) change(a, s, (Row)i, +1);
}

static void reminders_render(App *a, void *v)
{
    RemindersScene *s = v;
    const Theme *t = &a->theme;
    int y = ui_header(a, "Reminders", "A gentle nudge to breathe, only when you want one");
    int w = text_measure(a);
    int pad = a->lay.row_pad; /* as ui_list_render pads its rows */
    int row_h = text_line(a, TEXT_BODY) + 2 * pad, row_gap = pad / 2 + 2;
    int list_h = ROW_COUNT * (row_h + row_gap);
    ui_list_render(a, &s->list, ROWS, (SDL_Rect){(a->w - w) / 2, y, w, list_h});
    for (int k = 0; k < s->list.visible; k++) {
        int i = s->list.first + k;
        SDL_Rect r = s->list.rect[k];
        char val[64];
        value_text(s, (Row)i, val, sizeof val);
        int vx = r.x + r.w - 2 * pad, vy = r.y + pad;
        if (i == s->list.focus) {
            SDL_Rect vr = text_draw(a, TEXT_BODY, "\xE2\x80\xBA", vx, vy, ALIGN_RIGHT, t->muted, 0);
            vr = text_draw(a, TEXT_BODY, val, vr.x - pad, vy, ALIGN_RIGHT, t->focus, 0);
            text_draw(a, TEXT_BODY, "\xE2\x80\xB9", vr.x - pad, vy, ALIGN_RIGHT, t->muted, 0);
        } else {
            text_draw(a, TEXT_BODY, val, vx, vy, ALIGN_RIGHT, t->muted, 0);
        }
    }
    text_draw(a, TEXT_SMALL, s->status, a->w / 2, y + list_h + a->lay.gap, ALIGN_CENTER, t->muted, w);
    ui_hints(a, "Up/Down choose   Left/Right or Enter change", "Esc back");
}

static const SceneVT REMINDERS = {
    .name = "reminders",
    .event = reminders_event,
    .render = reminders_render,
};

void reminders_push(App *a)
{
    RemindersScene *s = calloc(1, sizeof *s);
    if (!s) return;
    char dir[1100];
    s->on = reminders_read(&s->plan, dir, sizeof dir);
    if (!s->on) remind_defaults(&s->plan);
    s->list.count = ROW_COUNT;
    s->list.hover = -1;
    describe(s, true, NULL);
    scene_push(a, &REMINDERS, s);
}
