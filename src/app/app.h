/* The SDL front end: one App, a stack of scenes, and the shared drawing/text/sound helpers.
 * Scenes turn core state into pixels and input into core calls; they compute nothing a test
 * would want to check (that lives in src/core). */
#ifndef ATTUNE_APP_H
#define ATTUNE_APP_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "app_log.h"
#include "attune/cardmemory.h"
#include "attune/clock.h"
#include "attune/content.h"
#include "attune/diag.h"
#include "attune/levels.h"
#include "attune/rating.h"
#include "attune/settings.h"
#include "attune/store.h"

typedef struct App App;
typedef struct TextCache TextCache;
typedef struct Audio Audio;

/* ---- theme: one palette, one type scale (LOOK-AND-FEEL.md) ---- */
typedef enum TextRole { TEXT_DISPLAY, TEXT_TITLE, TEXT_BODY, TEXT_SMALL, TEXT_ROLE_COUNT } TextRole;

typedef struct Theme {
    SDL_Color bg, bg_low;      /* background, with a subtle vertical gradient to bg_low */
    SDL_Color surface, surface_hi;
    SDL_Color text, muted, on_accent;
    SDL_Color focus;           /* keyboard focus ring */
    SDL_Color step[4];         /* breathe in, hold, breathe out, hold empty (BreathKind order) */
    SDL_Color style[4];        /* secure, anxious, avoidant, fearful */
    float type_scale[TEXT_ROLE_COUNT]; /* fraction of window height */
    uint32_t fade_ms;          /* screen transition */
    uint32_t colour_fade_ms;   /* colour cross-fade between steps */
} Theme;

extern const Theme THEME_DARK, THEME_LIGHT, THEME_CONTRAST;
/* The palette of a `theme` setting (dark for anything unknown). */
const Theme *theme_for(SettingsTheme t);
/* Uses the theme of a->data.settings from the next frame on: the background and every cache
 * drawn with the old colours are made again. */
void theme_apply(App *a);

SDL_Color color_mix(SDL_Color a, SDL_Color b, float t);
SDL_Color color_alpha(SDL_Color c, float alpha);

/* Layout metrics shared by every screen, derived from the window and text size (text.c keeps
 * them current), so no screen repeats a ratio of its own. */
typedef struct Layout {
    int margin;    /* h/30: from the window's edges; the key hints sit in it */
    int unit;      /* h/60: a panel's corner radius, a small space */
    int gap;       /* h/40: between blocks */
    int tight;     /* h/80: between a title and the line under it */
    int row_pad;   /* h/60 + 2: inside a list row (ui_list_render) */
    int wide;      /* w*9/10: the widest a line of text may run */
    int hints_y;   /* top of the key hints line (ui_hints) */
    int button_h;  /* height of a button (ui_buttons_render) */
    int buttons_y; /* top of a row of buttons just above the hints */
} Layout;

/* ---- scenes ---- */
typedef struct SceneVT {
    const char *name;
    /* optional: makes the scene's state from args (what they are is the scene's to say), or
     * NULL to not open it; for scene_open. */
    void *(*make)(App *a, const void *args);
    /* optional: called once when the scene goes onto the stack, with a->now the moment it
     * appears (start clocks here, not when the state is made: a check-in may come first).
     * It must not change the stack. */
    void (*enter)(App *a, void *s);
    void (*event)(App *a, void *s, const SDL_Event *e);
    void (*update)(App *a, void *s);     /* optional: advance with a->now */
    void (*render)(App *a, void *s);
    bool (*animating)(App *a, void *s);  /* optional: true while something moves on its own */
    void (*free)(App *a, void *s);       /* optional: frees s (default: free(s)) */
    /* optional: another screen (help, a note) now lies over this one (true), or has gone
     * (false). Practices stop their clocks meanwhile, so nothing runs on unseen. */
    void (*covered)(App *a, void *s, bool covered);
    /* optional: -1 nothing to pause now, 0 running, 1 paused: the control bar then offers
     * Pause or Resume, which acts as Space does. */
    int (*paused)(App *a, void *s);
    /* The control bar's controls (UI_BAR_*); 0 is Help on the menu, Back and Help elsewhere. */
    unsigned bar;
    bool overlay;                        /* drawn over the scene below it (help) */
    bool text_entry;                     /* typing goes to the scene: no single-key shortcuts */
} SceneVT;

typedef struct Scene {
    const SceneVT *vt;
    void *s;
    bool covered; /* not on top (SceneVT.covered was told) */
} Scene;

#define SCENE_STACK_MAX 8

/* The scenes the engine opens itself; main.c points App.scenes at the table in
 * scenes/scene_table.c. Each is opened with scene_open and the args named here. */
typedef struct SceneTable {
    const SceneVT *menu;    /* the bottom of the stack (args NULL) */
    const SceneVT *help;    /* F1 or ? over any screen (args NULL) */
    const SceneVT *notice;  /* a calm notice with one OK (args const NoticeArgs *) */
    const SceneVT *checkin; /* "how stirred up" around a practice (args const CheckinArgs *) */
} SceneTable;

typedef struct NoticeArgs {
    const char *title, *body;
} NoticeArgs;

/* Before a practice, (next_vt, next) is pushed in the check-in's place when answered or
 * skipped (and freed if the app closes first); after one (next_vt NULL), the check-in pops
 * itself and the practice is saved. */
typedef struct CheckinArgs {
    bool after;
    const SceneVT *next_vt;
    void *next;
} CheckinArgs;

/* Opens vt over the current scene with state vt->make(a, args); false if it was not made. */
bool scene_open(App *a, const SceneVT *vt, const void *args);
/* Stack changes are deferred until the current event/update finishes, so a scene may pop
 * itself from its own handler. */
void scene_push(App *a, const SceneVT *vt, void *state);
void scene_pop(App *a);
void scene_replace(App *a, const SceneVT *vt, void *state);
/* Pops everything above the bottom scene (the menu). */
void scene_to_root(App *a);
/* Frees every scene (at exit). */
void scene_free_all(App *a);
/* Applies the stack changes asked for since the last call (the loop calls it). */
void scene_apply(App *a);
/* The scene on top, or NULL. */
Scene *scene_top(App *a);
/* Fades in a new step of the same scene, like a change of scene. */
void scene_fade(App *a);
/* True while the screen fade-in runs. */
bool scene_fading(const App *a);

/* ---- the app ---- */
typedef struct TextRecord {
    char *text;
    SDL_Rect rect; /* output pixels */
    SDL_Color color;
    int role;
} TextRecord;

#define APP_UNSAVED_MAX 16

/* Something the pointer can click in the last frame, with its accessible name. */
typedef struct UiControl {
    char label[48];
    SDL_Rect rect; /* output pixels */
    int action;    /* a control bar action (UiBarAction), or 0: the scene handles it */
} UiControl;

#define UI_CONTROLS_MAX 96

/* The user's data (userdata.c) and the practice under way (recording.c). */
typedef struct AppData {
    Settings settings;         /* loaded before the first frame */
    Settings settings_base;    /* as last read or written: a save changes only what differs */
    PracticeLog log;           /* loaded just after it (userdata_load_log) */
    LogReport report;
    bool log_loaded;
    char note[1400];           /* a data-folder problem, shown small on the menu ("" none) */
    bool settings_save_failed; /* told once */
    bool save_error_shown;     /* a practice that could not be saved was shown once */
    PracticeRecord current;    /* the practice under way */
    bool current_open;
    bool current_shared;       /* a couple session: no personal check-ins */
    PracticeRecord unsaved[APP_UNSAVED_MAX]; /* not written yet: retried with the next save */
    int nunsaved;
    LevelsSeen seen_cards;     /* card levels: the cards this run has dealt */
    CardMemory cards;          /* choices and favourites (userdata_cards loads it when needed) */
    bool cards_loaded;
    RatingMemory ratings;      /* the last after rating, for "Breathe again" */
    bool awaiting_after;       /* `current` is saved; its after check-in is up */
    uint64_t next_checkpoint_ms; /* practice time at which `current` is next checkpointed */
    bool checkpoint_failed;    /* logged once per practice */
} AppData;

struct App {
    SDL_Window *win;
    SDL_Renderer *ren;
    int w, h;          /* drawable size in pixels */
    float px_per_pt;   /* drawable pixels per window coordinate (HiDPI) */
    AtClock clock;
    uint64_t now;      /* clock reading for this frame */
    bool scripted;
    bool quit;
    int exit_code;

    Content content;
    AtDiag content_diag;
    char data_dir[1024];
    char levels_dir[1024];
    char assets_dir[1024];

    Theme theme;
    TextCache *text;
    Audio *audio;
    float text_size;   /* user multiplier on the type scale */
    char region_arg[3];    /* --region CC for this run ("" none) */
    char locale_region[3]; /* the country of the locale (LC_ALL, LC_MESSAGES, LANG), "" none */
    Layout lay;        /* from the window and text size */
    bool audio_muted_setting;
    AppData data;
    const SceneTable *scenes;

    Scene stack[SCENE_STACK_MAX];
    int depth;
    Scene pending[SCENE_STACK_MAX];
    int npending;
    int pending_pops;
    bool pending_root;
    uint64_t fade_start; /* start of the current screen fade-in */
    bool faded;          /* a screen change has happened (the first screen does not fade) */
    bool dirty;          /* something changed: draw a frame */
    int bg_w, bg_h;      /* the background's size: it is worked out once per size */
    Uint32 *bg_rows;     /* its colour on each row (RGB888): the gradient is vertical */
    uint32_t bg_gen;     /* counts background redraws */
    int software;        /* the renderer is SDL's software one (-1: not asked yet) */
    struct FigureCache *fig; /* the breathing figure, drawn on the CPU (figure.c) */
    struct DrawMasks *masks; /* the coverage of rounded rectangles, by shape (draw.c) */

    /* Clickable controls of the top screen in the last frame (ui_control_add), the pointer
     * (output pixels; -1, -1 outside the window) and the cursor shown over them. */
    UiControl controls[UI_CONTROLS_MAX];
    int ncontrols;
    bool collect_controls; /* set while a frame is drawn */
    SDL_Point mouse;
    SDL_Cursor *cursor_hand, *cursor_arrow;
    bool cursor_is_hand;

    /* Strings drawn in the last frame, for the scripted `texts` command. */
    TextRecord *texts;
    int ntexts, cap_texts;

    struct Redraw *redraw;   /* the frame's drawing, kept to redraw only what changes (redraw.c) */
};


/* ---- window ---- */
/* Opens the window (w x h, or full screen) with its renderer and fonts; false with a line on
 * stderr when it cannot (no display, no renderer). */
/* The smallest window Attune lays out for (--window refuses less; the window cannot shrink
 * below it). */
#define WINDOW_MIN_W 800
#define WINDOW_MIN_H 600
bool window_open(App *a, int w, int h, bool fullscreen);
/* After a size change: the drawable size, pixels per point, and fonts at the new scale. */
void window_resized(App *a);
void window_toggle_fullscreen(App *a);
/* True if the renderer is SDL's software one (pixels drawn by the CPU into the window). */
bool window_software(App *a);
/* Window coordinates of a mouse event, in drawable pixels. */
SDL_Point window_mouse(const App *a, int x, int y);

/* ---- loop ---- */
void app_handle_event(App *a, const SDL_Event *e);
void app_update(App *a);
void app_render(App *a);
bool app_animating(App *a);
int app_run(App *a);
/* What the first frame does not need, done once it is on screen (start-up stays fast): the
 * sound device, the card levels main held back (their problems logged then), the practice log. */
void app_after_first_frame(App *a);

/* ---- drawing: recorded for the frame, drawn where it changed (redraw.c) ---- */
/* The background, over the whole window. */
void draw_background(App *a);
/* A rectangle of colour c (blended), or the whole window when r is NULL. */
void draw_fill(App *a, const SDL_Rect *r, SDL_Color c);
/* Width of the feathered edge of discs and arcs, in pixels. */
#define DRAW_FEATHER 1.5f
/* Anti-aliased filled circle (feathered 1.5 px edge). */
void draw_disc(App *a, float cx, float cy, float r, SDL_Color c);
/* Anti-aliased ring of the given thickness from fraction `from` to `to` of a full turn,
 * starting at 12 o'clock, clockwise. */
void draw_arc(App *a, float cx, float cy, float r, float thick, float from, float to, SDL_Color c);
/* Filled rounded rectangle. */
void draw_rrect(App *a, SDL_Rect r, int radius, SDL_Color c);
/* Rounded outline of the given thickness. */
void draw_rrect_outline(App *a, SDL_Rect r, int radius, int thick, SDL_Color c);
/* Frees what drawing keeps (before the renderer goes). */
void draw_quit(App *a);

/* ---- the breathing figure (figure.c): the same circle on every screen that breathes ---- */
/* The circle for st (a session of pattern p) centred at cx, cy, at most rmax across the
 * full breath, with the seconds left in the get-ready or the step in its middle. */
void figure_draw(App *a, const BreathSessionState *st, const BreathPattern *p, float cx, float cy,
                 float rmax);
/* The same, dimmed while paused (dim true): the breath rests, quieter. */
void figure_draw_dim(App *a, const BreathSessionState *st, const BreathPattern *p, float cx,
                     float cy, float rmax, bool dim);
/* The same circle at rest, for practice without a pace: the outline of a full breath, an
 * opaque disc of colour disc at its middle size and a soft halo of colour halo (its alpha is
 * the glow). No countdown, nothing that follows a breath. */
void figure_draw_rest(App *a, SDL_Color disc, SDL_Color halo, float cx, float cy, float rmax);
/* Plays the cue of each new breathing step once. Start with {.last_step = -1}. */
typedef struct FigureCues {
    int last_step;
    uint64_t last_cycle;
} FigureCues;
void figure_cues_play(App *a, FigureCues *c, const BreathSessionState *st, const BreathPattern *p);

/* ---- text ---- */
typedef enum Align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;

bool text_init(App *a);
void text_quit(App *a);
/* Call when the window size or text size changes: re-rasterises at the new scale. */
void text_resize(App *a);
/* Draws s with its top edge at y; x is the left edge, centre or right edge per align.
 * wrap > 0 wraps to that width. Returns the rectangle drawn. Rendered once, then cached. */
SDL_Rect text_draw(App *a, TextRole role, const char *s, int x, int y, Align align, SDL_Color c,
                   int wrap);
/* Size s would take, without drawing. */
SDL_Point text_size(App *a, TextRole role, const char *s, int wrap);
/* Copies s into out (n bytes), cut as text_fit does (after a whole word, with an ellipsis) so
 * it fits in w pixels on one line (list rows do not wrap). */
void text_elide(App *a, TextRole role, const char *s, int w, char *out, size_t n);
/* Pixel height of one line of a role. */
int text_line(App *a, TextRole role);
/* A comfortable measure (about 60 characters of body text), capped by the window. */
int text_measure(App *a);
/* Greedy word wrap as text_draw does it, keeping the last line's trailing spaces (for a
 * caret after them): fills line starts and byte lengths of s at width, at most max lines;
 * returns the line count (at least 1). */
int text_wrap_lines(App *a, TextRole role, const char *s, int width, int *start, int *len, int max);
/* s if it fits in width on one line; else s cut after its last whole word that leaves room
 * for "…" (the cut prefers a gap of three spaces, between key hints), written to buf. */
const char *text_fit(App *a, TextRole role, const char *s, int width, char *buf, size_t n);
/* s with "…" after it, for a line more text would follow: cut as text_fit does to fit width. */
const char *text_fit_more(App *a, TextRole role, const char *s, int width, char *buf, size_t n);
/* Starts a new list of the strings drawn (a frame, or an overlay over it: only its words are
 * there to read). */
void text_frame_begin(App *a);
/* The strings drawn since text_frame_begin, for the scripted `texts` command. */
const TextRecord *text_drawn(const App *a, int *n);

/* ---- sound ---- */
typedef enum Cue { CUE_IN, CUE_HOLD, CUE_OUT, CUE_REST, CUE_BELL, CUE_TICK, CUE_COUNT } Cue;
/* After the first frame: SDL_mixer, or silence without a device; in scripted mode a recording
 * backend that plays nothing and keeps what sounded. Opens no device yet: the device is open
 * only around sound (audio_prepare, audio_play, audio_idle). */
void audio_init(App *a);
void audio_quit(App *a);
/* Plays a cue now, opening the device first if it is closed. */
void audio_play(App *a, Cue c);
/* A cue may come within seconds (a breathing screen, from its get-ready on): opens the device
 * now, so the cue is not delayed, and keeps it open. */
void audio_prepare(App *a);
/* Closes the device when nothing has sounded or been prepared for a while (and nothing still
 * sounds). Returns the milliseconds until it may close (wake then to close it), 0 if it is
 * closed. The loop calls it before it waits. */
uint32_t audio_idle(App *a);
/* True while the audio device is open. */
bool audio_device_open(const App *a);
bool audio_muted(const App *a);
void audio_set_muted(App *a, bool muted);
/* "in", "hold", "out", "rest", "bell", "tick". */
const char *audio_cue_name(Cue c);
/* The cues played so far and when (app clock), in scripted mode; none otherwise. */
typedef struct AudioPlayed {
    uint64_t at;
    Cue cue;
} AudioPlayed;
const AudioPlayed *audio_played(const App *a, int *n);
/* When the device opened and closed (app clock), in scripted mode. */
typedef struct AudioDeviceEvent {
    uint64_t at;
    bool open;
} AudioDeviceEvent;
const AudioDeviceEvent *audio_device_events(const App *a, int *n);

/* ---- shared widgets ---- */
typedef struct UiItem {
    const char *title;
    const char *sub; /* optional second line, muted */
} UiItem;

#define UI_LIST_MAX 64

typedef struct UiList {
    int count;
    int focus;          /* keyboard focus */
    int hover;          /* mouse hover, -1 none */
    int first;          /* first visible item (scrolling) */
    int columns;        /* items per row: 0 or 1 for a plain list, more for a grid */
    SDL_Rect rect[UI_LIST_MAX]; /* last drawn items */
    int visible;        /* items drawn last frame */
} UiList;

/* Index of the rectangle holding p, or -1. */
int ui_hit(const SDL_Rect *rects, int n, SDL_Point p);
/* Handles Up/Down/Home/End/PageUp/PageDown (and Left/Right in a grid), mouse hover, wheel and
 * clicks.
 * Returns the index activated with Enter or a click, or -1. */
int ui_list_event(App *a, UiList *l, const SDL_Event *e);
/* Draws rows within area, keeping the focused row visible. */
void ui_list_render(App *a, UiList *l, const UiItem *items, SDL_Rect area);
/* A paragraph that scrolls when it is longer than its area: whole lines only, never a line
 * cut by the area's edge. */
typedef struct UiScroll {
    int first; /* first line shown */
    int lines; /* lines in all (last drawn) */
    int shown; /* lines shown */
    int page;  /* lines that fit */
} UiScroll;
/* Draws s (newlines split paragraphs) wrapped to area.w, the lines from sc->first that fit in
 * area.h; when not all fit, a scrollbar at the right and "more below" under the last line.
 * Returns the height used. */
int ui_scroll_text(App *a, UiScroll *sc, TextRole role, const char *s, SDL_Rect area, SDL_Color c);
/* Height all of s takes, wrapped to width as ui_scroll_text does. */
int ui_scroll_height(App *a, TextRole role, const char *s, int width);
/* Up/Down, PageUp/PageDown and the wheel scroll sc; true if the event was one of them. */
bool ui_scroll_event(App *a, UiScroll *sc, const SDL_Event *e);
/* A block of a detail panel (ui_detail): text wrapped to the panel, space pixels below the
 * one before it. */
typedef struct UiBlock {
    TextRole role;
    const char *text;
    SDL_Color color;
    int space;
} UiBlock;
/* A picker's detail panel: its background, then the blocks top-down inside it. When they do
 * not fit, each steps down a size (a title to body, body to small); what still does not fit
 * stops at the last whole line that does, ending in "…". With fit_height the panel is only as
 * tall as its blocks. Returns the panel's height. */
int ui_detail(App *a, SDL_Rect panel, const UiBlock *b, int n, bool fit_height);
/* A scrollbar in track: shown of total rows (lines) visible from first. Nothing when all fit. */
void ui_scrollbar(App *a, SDL_Rect track, int first, int shown, int total);
/* Title centred near the top, optional subtitle under it; returns the y below them. */
int ui_header(App *a, const char *title, const char *subtitle);
/* Key hints: small muted text in the bottom corners. */
void ui_hints(App *a, const char *left, const char *right);
/* The picker layout: a list of items[0..n-1] on the left, wide enough for the longest title
 * where the window allows, and a detail panel for the focused entry on the right, from y
 * down to bottom, centred together. */
void ui_columns(App *a, const UiItem *items, int n, int y, int bottom, SDL_Rect *list,
                SDL_Rect *panel);
/* "m:ss" of ms, seconds rounded up (a countdown). */
void ui_fmt_clock(char *buf, size_t n, uint64_t ms);
/* A row of buttons, centred at y; returns the index clicked or -1 (for events pass e, to draw
 * pass NULL). Keyboard focus shown on `focus` (-1 none). */
typedef struct UiButtons {
    int count;
    int focus;
    int hover;
    SDL_Rect rect[8];
} UiButtons;
int ui_buttons_event(App *a, UiButtons *b, const SDL_Event *e);
void ui_buttons_render(App *a, UiButtons *b, const char *const *labels, int y);
/* The same within maxw: buttons that do not fit on one row wrap onto the next. */
void ui_buttons_render_in(App *a, UiButtons *b, const char *const *labels, int y, int maxw);
/* Height the buttons take within maxw (ui_buttons_render_in). */
int ui_buttons_height(App *a, UiButtons *b, const char *const *labels, int maxw);
/* Top of the row (or rows) of buttons ui_buttons_render puts just above the hints: lay.buttons_y
 * when they fit on one row, higher when they wrap. */
int ui_buttons_top(App *a, UiButtons *b, const char *const *labels);
/* True if the event is a key press of the help key (F1 or '?'). */
bool ui_is_help_key(const SDL_Event *e);

/* ---- clickable controls and the control bar ---- */
/* Records a clickable area of the frame being drawn under its accessible name (for the
 * pointer's cursor and the scripted `texts`); the shared widgets record their own. */
void ui_control_add(App *a, const char *label, SDL_Rect r);
/* Index of the control under p in the last whole frame, or -1. */
int ui_control_at(const App *a, SDL_Point p);
/* The hand cursor over anything clickable, the arrow elsewhere: the one place that decides. */
void ui_cursor_update(App *a);

/* The control bar: Back (or Leave) and Pause/Resume in the top left corner, Help in the top
 * right, on every screen (SceneVT.bar says which). Back or Leave acts as Esc does on that
 * screen, Pause and Resume as Space; Help opens help. */
enum {
    UI_BAR_BACK = 1u << 0,
    UI_BAR_LEAVE = 1u << 1,  /* Back, named Leave (a practice) */
    UI_BAR_PAUSE = 1u << 2,  /* Pause/Resume, when SceneVT.paused says there is something to pause */
    UI_BAR_HELP = 1u << 3,
    UI_BAR_NONE = 1u << 4,   /* no controls at all */
};
typedef enum UiBarAction { UI_ACT_NONE, UI_ACT_BACK, UI_ACT_PAUSE, UI_ACT_HELP } UiBarAction;
/* Draws the bar of scene sc (the top one) and records its controls. */
void ui_bar_render(App *a, Scene *sc, bool bottom);
/* The free span between the bar's left controls and Help on the top screen (0 and the window
 * width where there are none). */
void ui_bar_span(App *a, int *left, int *right);
/* A line of text at the top of the screen, beside the bar's controls where it fits between
 * them (centred if it can be), else under them. Returns the y below it. */
int ui_bar_top_line(App *a, TextRole role, const char *s, SDL_Color c);
/* A scene's own control in the bar's style, right of Back, on a screen without Pause; the
 * scene handles its clicks (hit-test the rect returned). */
SDL_Rect ui_bar_pill(App *a, const char *label);
/* A small pill button as the bar's (hover drawn from the pointer, recorded as a control the
 * scene handles), with its left or right edge at x per align; returns its rectangle. */
SDL_Rect ui_pill(App *a, const char *label, int x, int y, Align align);
/* The width ui_pill (and the bar) gives a pill with this label. */
int ui_pill_w(App *a, const char *label);
/* The span of the bar's line between its controls on the left and on the right (of the top
 * scene), for a title of the scene's own on that line. */
void ui_bar_free(App *a, int *left, int *right);
/* The y just below the bar's controls: a scene's own corner text goes there. */
int ui_bar_bottom(App *a);
/* A pointer event on the bar: acts and returns true (the scene does not see it). */
bool ui_bar_event(App *a, Scene *sc, const SDL_Event *e);
/* A press of key k in the window, as SDL would send it (the bar's controls, the scripted mode). */
SDL_Event ui_key_down(App *a, SDL_Keycode k);

#endif
