/* Private to Progress: the screen's state (progress.c) and its panels (progress_panels.c). Each
 * panel measures (draw false) or draws itself in rectangle p and returns its height. */
#ifndef ATTUNE_PROGRESS_SCENE_H
#define ATTUNE_PROGRESS_SCENE_H

#include "attune/recap.h"
#include "attune/stats.h"
#include "scenes.h"

#define CHART_POINTS 30
#define DAY_SHOWN_MAX 12 /* practices listed for one day */

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

/* Sizes shared by the panels, for one try at fitting the screen. */
typedef struct Metrics {
    int pad, gap;     /* inside a panel; between panels */
    int lh, bh;       /* a line of small and of body text */
    int cell, cgap;   /* a calendar day and the space between days */
    int label_w;      /* the weekday labels' column */
    TextRole value;   /* the big numbers of the tiles */
    TextRole week;    /* "3 of 5 days" */
} Metrics;

int progress_panel_tiles(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw);
int progress_panel_calendar(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw);
/* Beside the calendar: totals by practice, or the day opened on it. */
int progress_panel_totals(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw);
int progress_panel_day(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw);
int progress_panel_chart(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw);
int progress_panel_words(App *a, StatsScene *s, SDL_Rect p, const Metrics *m, bool draw);
/* The calendar panel's width, and the narrowest the totals beside it may be. */
int progress_calendar_w(const Metrics *m);
int progress_totals_min_w(App *a, const Metrics *m);
/* Day i's tooltip, kept inside the calendar panel. */
void progress_tooltip(App *a, const StatsScene *s, int i);

#endif
