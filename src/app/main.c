/* Attune's entry point: the command line, then either a terminal command or the window. */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <SDL_ttf.h>

#include "app.h"
#include "datacmd.h"
#include "attune/pace.h"
#include "attune/contentdir.h"
#include "instance.h"
#include "recording.h"
#include "redraw.h"
#include "rings.h"
#include "reminders.h"
#include "scenes.h"
#include "script.h"
#include "userdata.h"

#ifndef ATTUNE_VERSION
#define ATTUNE_VERSION "0.0.0"
#endif
#ifndef ATTUNE_REL_DATADIR
#define ATTUNE_REL_DATADIR "../share/attune"
#endif
#ifndef ATTUNE_BUILD_DIR
#define ATTUNE_BUILD_DIR NULL
#endif
#ifndef ATTUNE_SOURCE_DIR
#define ATTUNE_SOURCE_DIR NULL
#endif

static const char USAGE[] =
    "Usage: attune [OPTIONS] [COMMAND]\n"
    "\n"
    "Commands:\n"
    "  (none)                  open the menu\n"
    "  breathe [PATTERN]       start a breathing break now (default: quick-calm;\n"
    "                          your-pace: the pace you found; find-your-pace: find it)\n"
    "  breathe --choose        choose a breathing pattern and a length\n"
    "  ground [EXERCISE]       a grounding exercise (none given: choose one)\n"
    "  cards [LEVEL]           a round of scenario cards (LEVEL: an id or 1-5)\n"
    "  cards --couple [LEVEL]  cards for two: both choose privately, then talk it through\n"
    "  progress                your streak, your week, your calendar\n"
    "  list                    list breathing patterns, grounding exercises, card levels and\n"
    "                          learning screens\n"
    "  validate [PATH...]      check all content and exit (non-zero on problems); with\n"
    "                          PATHs, check those files or folders as shipped content\n"
    "  stats [--json]          your streak, week, minutes and check-ins (--json for scripts)\n"
    "  export FILE             write all your practice history and settings to FILE\n"
    "  import FILE             merge an export back in (practices already here are skipped)\n"
    "  reminders on|off|status [--at 10:00,15:00] [--days mon-fri] [--quiet 21:00-08:00]\n"
    "                          gentle reminders to practise (off until you turn them on)\n"
    "  remind [--dry-run]      show a reminder now, unless it is quiet or you have practised\n"
    "  help                    show this help\n"
    "\n"
    "A window start while Attune is open on the same data folder hands its command to the\n"
    "open window.\n"
    "\n"
    "Options:\n"
    "  --minutes N             session length for breathe (1-60; a pattern taught a few\n"
    "                          breaths at a time, such as 4-7-8, stops at those)\n"
    "  --data-dir DIR          where practice data lives (also ATTUNE_DATA_DIR)\n"
    "  --script FILE           run FILE's commands with a fake clock, then exit\n"
    "  --now DATE-TIME         start the clock at this local date and time, e.g. 2026-03-08T03:59\n"
    "  --window WxH            window size (default 1280x720)\n"
    "  --fullscreen            start full screen\n"
    "  --mute                  start with sound off\n"
    "  --region CC             help lines for this country (two letters, e.g. GB)\n"
    "  -h, --help              show this help\n"
    "  -V, --version           show the version\n";

typedef struct Args {
    const char *command;
    const char **pos; /* the command's own arguments, argv's order (validate takes any number) */
    int npos;
    const char *data_dir, *script, *region;
    bool now_set;
    time_t now; /* --now */
    int minutes; /* 0: the pattern's default */
    int win_w, win_h;
    bool fullscreen, mute, json, couple, choose, version;
} Args;

static const char USAGE_LINE[] = "Usage: attune [OPTIONS] [COMMAND]";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "attune: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s\nTry 'attune --help'.\n", USAGE_LINE);
    return 2;
}

/* What each command takes: how many arguments, and which of the options that belong to one
 * command. A window option on a terminal command is misplaced, as is an extra argument. */
typedef struct CommandRule {
    const char *name, *usage;
    int max_pos; /* -1: any number */
    bool window; /* opens a window: --window, --fullscreen, --mute, --script, --region apply */
} CommandRule;

static const CommandRule COMMANDS[] = {
    {"", "attune [OPTIONS]", 0, true},
    {"breathe", "attune breathe [PATTERN] [--minutes N] | attune breathe --choose", 1, true},
    {"ground", "attune ground [EXERCISE]", 1, true},
    {"cards", "attune cards [LEVEL] [--couple]", 1, true},
    {"progress", "attune progress", 0, true},
    {"list", "attune list", 0, false},
    {"validate", "attune validate [PATH...]", -1, false},
    {"stats", "attune stats [--json]", 0, false},
    {"export", "attune export FILE", 1, false},
    {"import", "attune import FILE", 1, false},
    {"help", "attune help", 0, false},
};

static int command_error(const CommandRule *c, const char *fmt, const char *arg)
{
    fprintf(stderr, "attune: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nUsage: %s\nTry 'attune --help'.\n", c->usage);
    return 2;
}

/* Returns -1 to go on, or an exit code. */
static int parse_args(int argc, char **argv, Args *g)
{
    static const char *pos_store[64];
    *g = (Args){.win_w = 1280, .win_h = 720, .pos = pos_store};
    const char *window_opt = NULL; /* the first option that only a window uses */
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            fputs(USAGE, stdout);
            return 0;
        } else if (!strcmp(s, "-V") || !strcmp(s, "--version")) {
            g->version = true; /* printed with the content folder, once it is known */
            return -1;
        } else if (!strcmp(s, "--data-dir") || !strcmp(s, "--script") || !strcmp(s, "--minutes") ||
                   !strcmp(s, "--window") || !strcmp(s, "--region") || !strcmp(s, "--now")) {
            if (!val) return usage_error("%s needs a value", s);
            i++;
            if (!window_opt && (!strcmp(s, "--script") || !strcmp(s, "--window") || !strcmp(s, "--region")))
                window_opt = s;
            char cc[3];
            if (!strcmp(s, "--data-dir")) g->data_dir = val;
            else if (!strcmp(s, "--region")) {
                if (!resources_code(val, cc))
                    return usage_error("--region needs a two-letter country code such as GB, not \"%s\"", val);
                g->region = val;
            }
            else if (!strcmp(s, "--script")) g->script = val;
            else if (!strcmp(s, "--now")) {
                if (!clock_parse_local(val, &g->now))
                    return usage_error("--now needs a local date and time like 2026-03-08T03:59, not \"%s\"", val);
                g->now_set = true;
            }
            else if (!strcmp(s, "--minutes")) {
                char *end;
                long m = strtol(val, &end, 10);
                if (*end || m < 1 || m > BREATH_MINUTES_MAX)
                    return usage_error("--minutes must be a whole number from 1 to 60, not \"%s\"", val);
                g->minutes = (int)m;
            } else {
                char x;
                if (sscanf(val, "%d%c%d", &g->win_w, &x, &g->win_h) != 3 || x != 'x' ||
                    g->win_w < WINDOW_MIN_W || g->win_h < WINDOW_MIN_H || g->win_w > 8192 || g->win_h > 8192)
                    return usage_error("--window needs WIDTHxHEIGHT (at least 800x600), not \"%s\"", val);
            }
        } else if (!strcmp(s, "--fullscreen") || !strcmp(s, "--mute")) {
            if (!strcmp(s, "--fullscreen")) g->fullscreen = true;
            else g->mute = true;
            if (!window_opt) window_opt = s;
        }
        else if (!strcmp(s, "--json")) g->json = true;
        else if (!strcmp(s, "--couple")) g->couple = true;
        else if (!strcmp(s, "--choose")) g->choose = true;
        else if (s[0] == '-' && s[1]) return usage_error("unknown option \"%s\"", s);
        else if (!g->command) g->command = s;
        else if (g->npos < (int)(sizeof pos_store / sizeof pos_store[0])) g->pos[g->npos++] = s;
        else return usage_error("too many arguments at \"%s\"", s);
    }
    const CommandRule *rule = NULL;
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (!strcmp(g->command ? g->command : "", COMMANDS[i].name)) rule = &COMMANDS[i];
    if (!rule) return usage_error("unknown command \"%s\"", g->command);
    if (rule->max_pos >= 0 && g->npos > rule->max_pos)
        return command_error(rule, "unexpected argument \"%s\"", g->pos[rule->max_pos]);
    if (g->choose && (strcmp(rule->name, "breathe") || g->npos))
        return usage_error("%s", "--choose goes with 'breathe' alone: attune breathe --choose");
    if (g->minutes && strcmp(rule->name, "breathe"))
        return command_error(rule, "%s", "--minutes goes with 'breathe' only");
    if (g->couple && strcmp(rule->name, "cards"))
        return command_error(rule, "%s", "--couple goes with 'cards' only");
    if (g->json && strcmp(rule->name, "stats"))
        return command_error(rule, "%s", "--json goes with 'stats' only");
    if (window_opt && !rule->window) {
        char msg[160];
        snprintf(msg, sizeof msg, "%s does not go with '%s', which opens no window", window_opt, rule->name);
        return command_error(rule, "%s", msg);
    }
    if (!strcmp(rule->name, "help")) {
        fputs(USAGE, stdout);
        return 0;
    }
    return -1;
}

/* Shipped content and fonts (attune/contentdir.h): installed beside the binary, or the source
 * tree of a binary in its own build folder; nothing else. */
static bool find_content(ContentDirs *d, char *err, size_t n)
{
    char exe[CONTENTDIR_PATH_MAX];
    if (!contentdir_exe_dir(exe, sizeof exe)) {
        snprintf(err, n, "cannot tell where the attune binary is (/proc/self/exe)");
        return false;
    }
    return contentdir_resolve(exe, ATTUNE_REL_DATADIR, ATTUNE_BUILD_DIR, ATTUNE_SOURCE_DIR,
                              getenv("ATTUNE_CONTENT_DIR"), d, err, n);
}

static bool resolve_data_dir(App *a, const Args *g)
{
    const char *d = g->data_dir ? g->data_dir : getenv("ATTUNE_DATA_DIR");
    if (d && *d) {
        snprintf(a->data_dir, sizeof a->data_dir, "%s", d);
        return true;
    }
    char *pref = SDL_GetPrefPath("", "attune");
    if (!pref) {
        app_log("cannot find a data folder (%s); use --data-dir DIR", SDL_GetError());
        return false;
    }
    snprintf(a->data_dir, sizeof a->data_dir, "%s", pref);
    size_t n = strlen(a->data_dir);
    if (n > 1 && a->data_dir[n - 1] == '/') a->data_dir[n - 1] = 0;
    SDL_free(pref);
    return true;
}

/* A data folder that cannot be one (a file in its place, or a file on the way to it) is said
 * once, naming it. The terminal commands cannot go on without it; a practice can (it is not
 * saved, and the person is told when it ends). A folder that does not exist yet is fine: it
 * is made on the first save. */
static bool data_dir_usable(const char *dir)
{
    struct stat st;
    const char *why = "it is a file, not a folder";
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode)) return true;
    } else {
        if (errno == ENOENT) return true;
        why = strerror(errno);
    }
    app_log("the data folder %s cannot be used: %s (choose another with --data-dir DIR)", dir, why);
    return false;
}

/* Returns false when the shipped content is missing or incomplete: Attune cannot start. */
static bool load_content(App *a, const ContentDirs *dirs)
{
    /* An author's folder (ATTUNE_CONTENT_DIR) may not hold resources: the shipped ones are used. */
    content_load_dir(&a->content, a->levels_dir, dirs->overridden ? CONTENT_AUTHOR : CONTENT_SHIPPED,
                     &a->content_diag);
    if (dirs->overridden) content_load_file(&a->content, dirs->resources, CONTENT_SHIPPED, &a->content_diag);
    /* Only the shipped folder must be complete: an author may try out just a few patterns. */
    bool complete = dirs->overridden || content_check_shipped(&a->content, a->levels_dir, &a->content_diag) == 0;
    char user[1100];
    snprintf(user, sizeof user, "%s/patterns", a->data_dir);
    content_load_dir(&a->content, user, CONTENT_USER, &a->content_diag);
    if (!a->content.npending) content_check_refs(&a->content, &a->content_diag); /* else later */
    return complete;
}

/* "9 patterns, 7 exercises, 65 cards in 5 levels, 22 learning screens: no problems" */
static void print_validate_summary(const Content *c, int problems)
{
    int cards = 0;
    for (int i = 0; i < c->nlevels; i++) cards += c->levels[i].ncards;
    printf("%d pattern%s, %d exercise%s, %d card%s in %d level%s, ", c->npatterns,
           c->npatterns == 1 ? "" : "s", c->nexercises, c->nexercises == 1 ? "" : "s", cards,
           cards == 1 ? "" : "s", c->nlevels, c->nlevels == 1 ? "" : "s");
    printf("%d learning screen%s: ", c->nlearn, c->nlearn == 1 ? "" : "s");
    if (problems) printf("%d problem%s\n", problems, problems == 1 ? "" : "s");
    else printf("no problems\n");
}

/* `attune validate PATH...`: the given files and folders, checked as shipped content is (any
 * section, the same rules), before an author drops them in. References may name shipped
 * patterns and exercises; the summary counts what the paths hold. */
static int cmd_validate_paths(const ContentDirs *dirs, const char **paths, int n)
{
    Content c = {0};
    AtDiag diag = {0};
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            diag_addf(&diag, "%s: %s", paths[i], strerror(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode)) content_load_dir(&c, paths[i], CONTENT_SHIPPED, &diag);
        else content_load_file(&c, paths[i], CONTENT_SHIPPED, &diag);
    }
    Content checked = {.npatterns = c.npatterns, .nexercises = c.nexercises, .nlearn = c.nlearn};
    int cards = 0;
    for (int i = 0; i < c.nlevels; i++) cards += c.levels[i].ncards;
    int nlevels = c.nlevels;
    /* The shipped content joins so that references to it resolve; its clashes with what the
     * paths hold (the same ids) are not the author's problem, and are not counted. */
    AtDiag ignored = {0};
    content_load_dir(&c, dirs->levels, CONTENT_SHIPPED, &ignored);
    diag_free(&ignored);
    content_check_refs(&c, &diag);
    app_log_diag(&diag);
    /* One level holding all the cards stands for the count of levels in the summary. */
    DeckLevel *levels = calloc((size_t)(nlevels ? nlevels : 1), sizeof *levels);
    if (levels && nlevels) levels[0].ncards = cards;
    checked.levels = levels;
    checked.nlevels = levels ? nlevels : 0;
    print_validate_summary(&checked, diag.count);
    free(levels);
    int rc = diag.count ? 1 : 0;
    content_free(&c);
    diag_free(&diag);
    return rc;
}

static int cmd_list(App *a)
{
    const Content *c = &a->content;
    /* Your pace (once found) comes first, and Find your pace last, as in the picker. */
    const BreathPattern *yp = breathe_your_pace(a);
    static const char SWEEP_TITLE[] = "Find your pace";
    static const char SWEEP_WHEN[] =
        "About 5 minutes of slow, even breathing at five rates, each rated for comfort.";
    /* One id column and one title column for every section, as wide as the longest. */
    int idw = (int)strlen(PACE_SWEEP_ID), tw = (int)strlen(SWEEP_TITLE);
    if (yp) {
        idw = SDL_max(idw, (int)strlen(yp->id));
        tw = SDL_max(tw, (int)strlen(yp->title));
    }
    for (int i = 0; i < c->npatterns; i++) {
        idw = SDL_max(idw, (int)strlen(c->patterns[i].id));
        tw = SDL_max(tw, (int)strlen(c->patterns[i].title));
    }
    for (int i = 0; i < c->nexercises; i++) {
        idw = SDL_max(idw, (int)strlen(c->exercises[i].id));
        tw = SDL_max(tw, (int)strlen(c->exercises[i].title));
    }
    printf("Breathing patterns:\n");
    if (yp) printf("  %-*s  %-*s  %s\n", idw, yp->id, tw, yp->title, yp->when);
    for (int i = 0; i < c->npatterns; i++) {
        const BreathPattern *p = &c->patterns[i];
        printf("  %-*s  %-*s  %s%s\n", idw, p->id, tw, p->title, p->when, p->user ? " (yours)" : "");
    }
    printf("  %-*s  %-*s  %s\n", idw, PACE_SWEEP_ID, tw, SWEEP_TITLE, SWEEP_WHEN);
    printf("\nGrounding exercises:\n");
    for (int i = 0; i < c->nexercises; i++) {
        const GroundExercise *x = &c->exercises[i];
        printf("  %-*s  %-*s  %s\n", idw, x->id, tw, x->title, x->when);
    }
    printf("\nCard levels:\n");
    for (int i = 0; i < a->content.nlevels; i++) {
        const DeckLevel *l = &a->content.levels[i];
        printf("  %-*s  %-*s  level %d, %d cards\n", idw, l->id, tw, l->title, l->number, l->ncards);
    }
    printf("\nLearning screens:\n");
    int lw = 0;
    for (int i = 0; i < c->nlearn; i++) lw = SDL_max(lw, (int)strlen(c->learn[i].id));
    for (int i = 0; i < c->nlearn; i++) {
        const LearnScreen *s = &c->learn[i];
        printf("  %-*s  %s\n", lw, s->id, s->title);
    }
    return 0;
}

/* Closing the terminal that started Attune (SIGHUP) ends it as SIGTERM does: SDL turns that
 * into a quit, and the practice under way is saved. Its handler is copied, whatever it is. */
static void hangup_like_terminate(void)
{
    struct sigaction sa;
    if (sigaction(SIGTERM, NULL, &sa) != 0) return;
    bool handled = (sa.sa_flags & SA_SIGINFO) || (sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN);
    if (handled) sigaction(SIGHUP, &sa, NULL);
}

/* The scripted mode's clock: time moves only with the script. */
static uint64_t fake_now;

/* The app before anything is read: its defaults, and what the command line and the locale say. */
static void app_defaults(App *a, const Args *g)
{
    a->theme = THEME_DARK;
    a->software = -1; /* asked once the renderer exists */
    a->text_size = 1.0f;
    a->mouse = (SDL_Point){-1, -1}; /* outside the window until it moves in */
    a->audio_muted_setting = g->mute;
    if (g->region) resources_code(g->region, a->region_arg);
    resources_locale_region(getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"), a->locale_region);
}

/* One clock, for windows, scripts and data commands alike: fake in scripted mode, wall time
 * from --now when given. */
static void app_clock_start(App *a, const Args *g)
{
    a->scripted = g->script != NULL;
    a->clock = a->scripted ? clock_fake(&fake_now) : clock_monotonic();
    if (g->now_set) clock_set_wall(&a->clock, g->now);
    clock_set_program(&a->clock);
    a->now = clock_now(&a->clock);
}

/* What the window opens on, from the command and its argument, with the breathing pattern it
 * names (NULL for none, or for the pace not looked up yet). Returns 0, or 2 when the argument
 * names nothing in the content (said on stderr). */
static int window_command_of(App *a, const Args *g, WindowCommand *wc, const BreathPattern **pattern)
{
    const char *cmd = g->command ? g->command : "";
    const char *pattern_id = NULL;
    *pattern = NULL;
    if (!strcmp(cmd, "breathe")) {
        pattern_id = g->npos ? g->pos[0] : "quick-calm";
        *pattern = content_pattern(&a->content, pattern_id);
        if (!*pattern && strcmp(pattern_id, PACE_SWEEP_ID) != 0 && strcmp(pattern_id, PACE_ID) != 0) {
            fprintf(stderr, "attune: no breathing pattern \"%s\" (see 'attune list')\n", pattern_id);
            return 2;
        }
    }
    const GroundExercise *exercise = NULL;
    if (!strcmp(cmd, "ground") && g->npos) {
        exercise = content_exercise(&a->content, g->pos[0]);
        if (!exercise) {
            fprintf(stderr, "attune: no grounding exercise \"%s\" (see 'attune list')\n", g->pos[0]);
            return 2;
        }
    }
    const DeckLevel *level = NULL;
    if (!strcmp(cmd, "cards") && g->npos) {
        level = levels_find(&a->content, g->pos[0]);
        if (!level) {
            fprintf(stderr, "attune: no card level \"%s\" (see 'attune list')\n", g->pos[0]);
            return 2;
        }
    }

    *wc = (WindowCommand){.kind = WINDOW_MENU, .minutes = g->minutes};
    if (pattern_id) wc->kind = g->choose ? WINDOW_BREATHE_CHOOSE : WINDOW_BREATHE;
    else if (!strcmp(cmd, "ground")) wc->kind = WINDOW_GROUND;
    else if (!strcmp(cmd, "cards")) wc->kind = g->couple ? WINDOW_COUPLE : WINDOW_CARDS;
    else if (!strcmp(cmd, "progress")) wc->kind = WINDOW_PROGRESS;
    const char *wc_arg = wc->kind == WINDOW_BREATHE ? pattern_id
                         : exercise                 ? exercise->id
                         : level                    ? level->id
                                                    : "";
    snprintf(wc->arg, sizeof wc->arg, "%s", wc_arg); /* ids are short (JV_ID_MAX): whole */
    return 0;
}

/* Opens the window on wc (over the menu) and runs it, the script or the user's events, until
 * it closes. Returns the exit status; app_close closes what it opened. */
static int window_run(App *a, const Args *g, const WindowCommand *wc, const BreathPattern *pattern, bool data_ok)
{
    if (data_ok) userdata_load_settings(a, g->mute); /* text size and sound apply to the first frame */
    else userdata_without_data(a, g->mute);
    if (wc->kind == WINDOW_BREATHE && !strcmp(wc->arg, PACE_ID)) {
        pattern = breathe_your_pace(a);
        if (!pattern) {
            fprintf(stderr, "attune: no pace found yet: 'attune breathe %s' finds yours\n", PACE_SWEEP_ID);
            return 2;
        }
    }
    if (pattern && g->minutes && breath_minutes_clamped(pattern, g->minutes))
        fprintf(stderr, "attune: %s is taught %d breaths at a time, so this session is %d breaths\n",
                pattern->title, pattern->max_breaths, pattern->max_breaths);
    app_log_stage("settings loaded");
    if (!window_open(a, g->win_w, g->win_h, g->fullscreen)) return 1;
    hangup_like_terminate();
    a->scenes = &SCENE_TABLE;
    scene_open(a, a->scenes->menu, NULL);
    window_command_open(a, wc);
    if (!a->scripted) instance_listen(a);
    app_log_stage("first screen made");
    return a->scripted ? script_run(a, g->script, &fake_now) : app_run(a);
}

/* Closes all that the window opened (what was never opened is skipped). */
static void app_close(App *a)
{
    instance_release();
    a->quit = true; /* scenes freed now are closing with the app: practices save at once */
    scene_free_all(a);
    recording_quit(a);
    userdata_quit(a);
    audio_quit(a);
    text_quit(a);
    rings_quit(a);
    redraw_quit(a);
    draw_quit(a);
    free(a->bg_rows);
    if (a->cursor_hand) SDL_FreeCursor(a->cursor_hand);
    if (a->cursor_arrow) SDL_FreeCursor(a->cursor_arrow);
    if (a->ren) SDL_DestroyRenderer(a->ren);
    if (a->win) SDL_DestroyWindow(a->win);
    SDL_Quit();
}

int main(int argc, char **argv)
{
    /* Reminders have options of their own and never open a window (reminders.c). */
    if (reminders_command_is(argc, argv)) return reminders_command_run(argc, argv);
    Args g;
    int rc = parse_args(argc, argv, &g);
    if (rc >= 0) return rc;
    static ContentDirs dirs;
    char dirs_err[2400], where[2400];
    bool have_content = find_content(&dirs, dirs_err, sizeof dirs_err);
    if (g.version) {
        printf("attune %s\ncontent: %s\n", ATTUNE_VERSION,
               have_content ? contentdir_describe(&dirs, where, sizeof where) : dirs_err);
        return 0;
    }

    static App app;
    App *a = &app;
    app_defaults(a, &g);
    if (!resolve_data_dir(a, &g)) return 1;
    bool data_ok = data_dir_usable(a->data_dir);
    app_clock_start(a, &g);
    /* Data commands need no content and no window. */
    if (datacmd_is(g.command))
        return data_ok ? datacmd_run(a->data_dir, &a->clock, g.command, g.npos ? g.pos[0] : NULL, g.json) : 1;
    if (!have_content) {
        app_log("%s", dirs_err);
        return 1;
    }
    snprintf(a->levels_dir, sizeof a->levels_dir, "%s", dirs.levels);
    snprintf(a->assets_dir, sizeof a->assets_dir, "%s", dirs.assets);
    app_log_stage("main");
    const char *cmd = g.command ? g.command : "";
    /* The menu, breathing and grounding open with no cards: the card levels are checked and
     * loaded once the first frame is on screen (app_after_first_frame). */
    a->content.defer_levels = !*cmd || !strcmp(cmd, "breathe") || !strcmp(cmd, "ground");
    bool complete = load_content(a, &dirs);
    app_log_stage("content loaded");

    if (!complete && strcmp(cmd, "validate") != 0) {
        app_log_diag(&a->content_diag);
        rc = 1;
        goto out;
    }
    if (!strcmp(cmd, "validate")) {
        rc = g.npos ? cmd_validate_paths(&dirs, g.pos, g.npos) : 0;
        if (g.npos) goto out;
        printf("Content folder: %s\n", contentdir_describe(&dirs, where, sizeof where));
        app_log_diag(&a->content_diag);
        print_validate_summary(&a->content, a->content_diag.count);
        rc = a->content_diag.count ? 1 : 0;
        goto out;
    }
    app_log_diag(&a->content_diag);
    if (!strcmp(cmd, "list")) {
        userdata_load_settings(a, g.mute); /* Your pace lives there */
        rc = cmd_list(a);
        goto out;
    }
    WindowCommand wc;
    const BreathPattern *pattern;
    if ((rc = window_command_of(a, &g, &wc, &pattern)) != 0) goto out;
    /* One window per data folder: a later start hands its command over (instance.h). */
    if (!g.script && (rc = instance_claim(a, &wc)) >= 0) goto out;
    rc = window_run(a, &g, &wc, pattern, data_ok);
    app_close(a);
out:
    content_free(&a->content);
    diag_free(&a->content_diag);
    return rc;
}
