/* Attune's entry point: the command line, then either a terminal command or the window. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <SDL_ttf.h>

#include "app.h"
#include "datacmd.h"
#include "recording.h"
#include "redraw.h"
#include "rings.h"
#include "scenes.h"
#include "script.h"
#include "userdata.h"

#ifndef ATTUNE_VERSION
#define ATTUNE_VERSION "0.0.0"
#endif

static const char USAGE[] =
    "Usage: attune [OPTIONS] [COMMAND]\n"
    "\n"
    "Commands:\n"
    "  (none)                  open the menu\n"
    "  breathe [PATTERN]       start a breathing break now (default: quick-calm)\n"
    "  ground [EXERCISE]       a grounding exercise (none given: choose one)\n"
    "  cards [LEVEL]           a round of scenario cards (LEVEL: an id or 1-5)\n"
    "  cards --couple [LEVEL]  cards for two: both choose privately, then talk it through\n"
    "  list                    list breathing patterns, grounding exercises and card levels\n"
    "  validate                check all content and exit (non-zero on problems)\n"
    "  stats [--json]          your streak, week, minutes and check-ins (--json for scripts)\n"
    "  export FILE             write all your practice history and settings to FILE\n"
    "  import FILE             merge an export back in (practices already here are skipped)\n"
    "\n"
    "Options:\n"
    "  --minutes N             session length for breathe (1-60)\n"
    "  --data-dir DIR          where practice data lives (also ATTUNE_DATA_DIR)\n"
    "  --script FILE           run FILE's commands with a fake clock, then exit\n"
    "  --now DATE-TIME         start the clock at this local date and time, e.g. 2026-03-08T03:59\n"
    "  --window WxH            window size (default 1280x720)\n"
    "  --fullscreen            start full screen\n"
    "  --mute                  start with sound off\n"
    "  -h, --help              show this help\n"
    "  -V, --version           show the version\n";

typedef struct Args {
    const char *command;
    const char *pos[4];
    int npos;
    const char *data_dir, *script;
    bool now_set;
    time_t now; /* --now */
    int minutes; /* 0: the pattern's default */
    int win_w, win_h;
    bool fullscreen, mute, json, couple;
} Args;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "attune: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'attune --help'.\n");
    return 2;
}

/* Returns -1 to go on, or an exit code. */
static int parse_args(int argc, char **argv, Args *g)
{
    *g = (Args){.win_w = 1280, .win_h = 720};
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
            fputs(USAGE, stdout);
            return 0;
        } else if (!strcmp(s, "-V") || !strcmp(s, "--version")) {
            printf("attune %s\n", ATTUNE_VERSION);
            return 0;
        } else if (!strcmp(s, "--data-dir") || !strcmp(s, "--script") || !strcmp(s, "--minutes") ||
                   !strcmp(s, "--window") || !strcmp(s, "--now")) {
            if (!val) return usage_error("%s needs a value", s);
            i++;
            if (!strcmp(s, "--data-dir")) g->data_dir = val;
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
                    g->win_w < 320 || g->win_h < 240 || g->win_w > 8192 || g->win_h > 8192)
                    return usage_error("--window needs WIDTHxHEIGHT (at least 320x240), not \"%s\"", val);
            }
        } else if (!strcmp(s, "--fullscreen")) g->fullscreen = true;
        else if (!strcmp(s, "--mute")) g->mute = true;
        else if (!strcmp(s, "--json")) g->json = true;
        else if (!strcmp(s, "--couple")) g->couple = true;
        else if (s[0] == '-' && s[1]) return usage_error("unknown option \"%s\"", s);
        else if (!g->command) g->command = s;
        else if (g->npos < 4) g->pos[g->npos++] = s;
        else return usage_error("too many arguments at \"%s\"", s);
    }
    static const char *const known[] = {"breathe", "ground", "cards", "list", "validate", "stats", "export", "import"};
    if (g->command) {
        bool ok = false;
        for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) ok |= !strcmp(g->command, known[i]);
        if (!ok) return usage_error("unknown command \"%s\"", g->command);
    }
    return -1;
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Shipped content and assets: beside the binary when installed, else the source tree. */
static void find_dir(char *out, size_t n, const char *name)
{
    char *base = SDL_GetBasePath();
    const char *cands[3] = {"%s%s", "%s../share/attune/%s", NULL};
    for (int i = 0; base && cands[i]; i++) {
        snprintf(out, n, cands[i], base, name);
        if (is_dir(out)) {
            SDL_free(base);
            return;
        }
    }
    SDL_free(base);
    snprintf(out, n, "%s/%s", ATTUNE_SOURCE_DIR, name);
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

static void load_content(App *a)
{
    content_load_dir(&a->content, a->levels_dir, false, &a->content_diag);
    char user[1100];
    snprintf(user, sizeof user, "%s/patterns", a->data_dir);
    content_load_dir(&a->content, user, true, &a->content_diag);
    content_check_refs(&a->content, &a->content_diag);
}

static int cmd_list(App *a)
{
    const Content *c = &a->content;
    /* One id column and one title column for every section, as wide as the longest. */
    int idw = 0, tw = 0;
    for (int i = 0; i < c->npatterns; i++) {
        idw = SDL_max(idw, (int)strlen(c->patterns[i].id));
        tw = SDL_max(tw, (int)strlen(c->patterns[i].title));
    }
    for (int i = 0; i < c->nexercises; i++) {
        idw = SDL_max(idw, (int)strlen(c->exercises[i].id));
        tw = SDL_max(tw, (int)strlen(c->exercises[i].title));
    }
    printf("Breathing patterns:\n");
    for (int i = 0; i < c->npatterns; i++) {
        const BreathPattern *p = &c->patterns[i];
        printf("  %-*s  %-*s  %s%s\n", idw, p->id, tw, p->title, p->when, p->user ? " (yours)" : "");
    }
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
    return 0;
}

int main(int argc, char **argv)
{
    Args g;
    int rc = parse_args(argc, argv, &g);
    if (rc >= 0) return rc;

    static App app;
    App *a = &app;
    a->theme = THEME_DARK;
    a->software = -1; /* asked once the renderer exists */
    a->text_size = 1.0f;
    a->audio_muted_setting = g.mute;
    find_dir(a->levels_dir, sizeof a->levels_dir, "levels");
    find_dir(a->assets_dir, sizeof a->assets_dir, "assets");
    if (!resolve_data_dir(a, &g)) return 1;
    /* One clock, for windows, scripts and data commands alike: fake in scripted mode (time
     * moves only with the script), wall time from --now when given. */
    static uint64_t fake_now = 0;
    a->scripted = g.script != NULL;
    a->clock = a->scripted ? clock_fake(&fake_now) : clock_monotonic();
    if (g.now_set) clock_set_wall(&a->clock, g.now);
    clock_set_program(&a->clock);
    a->now = clock_now(&a->clock);
    /* Data commands need no content and no window. */
    if (datacmd_is(g.command))
        return datacmd_run(a->data_dir, &a->clock, g.command, g.npos ? g.pos[0] : NULL, g.json);
    load_content(a);

    const char *cmd = g.command ? g.command : "";
    if (!strcmp(cmd, "validate")) {
        app_log_diag(&a->content_diag);
        printf("%d patterns; %d problems\n", a->content.npatterns, a->content_diag.count);
        rc = a->content_diag.count ? 1 : 0;
        goto out;
    }
    app_log_diag(&a->content_diag);
    if (!strcmp(cmd, "list")) {
        rc = cmd_list(a);
        goto out;
    }
    const BreathPattern *pattern = NULL;
    if (!strcmp(cmd, "breathe")) {
        const char *id = g.npos ? g.pos[0] : "quick-calm";
        pattern = content_pattern(&a->content, id);
        if (!pattern) {
            fprintf(stderr, "attune: no breathing pattern \"%s\" (see 'attune list')\n", id);
            rc = 2;
            goto out;
        }
    }
    const GroundExercise *exercise = NULL;
    if (!strcmp(cmd, "ground") && g.npos) {
        exercise = content_exercise(&a->content, g.pos[0]);
        if (!exercise) {
            fprintf(stderr, "attune: no grounding exercise \"%s\" (see 'attune list')\n", g.pos[0]);
            rc = 2;
            goto out;
        }
    }
    const DeckLevel *level = NULL;
    if (!strcmp(cmd, "cards") && g.npos) {
        level = levels_find(&a->content, g.pos[0]);
        if (!level) {
            fprintf(stderr, "attune: no card level \"%s\" (see 'attune list')\n", g.pos[0]);
            rc = 2;
            goto out;
        }
    }

    userdata_load_settings(a, g.mute); /* text size and sound apply to the first frame */
    if (!window_open(a, g.win_w, g.win_h, g.fullscreen)) {
        rc = 1;
        goto quit;
    }
    a->scenes = &SCENE_TABLE;
    scene_open(a, a->scenes->menu, NULL);
    if (pattern) breathe_push(a, pattern, g.minutes ? g.minutes : pattern->minutes);
    if (!strcmp(cmd, "ground")) {
        /* The picker stays under an exercise, so Esc goes back to the list. */
        grounding_picker_push(a, exercise ? exercise->id : NULL);
        if (exercise) grounding_push(a, exercise);
    }
    if (!strcmp(cmd, "cards")) {
        /* The picker stays under a round, so Esc from a card goes back to the levels. */
        if (g.couple) together_names_push(a, level ? level->id : NULL);
        else {
            cards_picker_push(a, level ? level->id : NULL, NULL);
            if (level) cards_round_push(a, level);
        }
    }
    rc = a->scripted ? script_run(a, g.script, &fake_now) : app_run(a);
quit:
    a->quit = true; /* scenes freed now are closing with the app: practices save at once */
    scene_free_all(a);
    recording_quit(a);
    userdata_quit(a);
    audio_quit(a);
    text_quit(a);
    rings_quit(a);
    redraw_quit(a);
    if (a->bg_tex) SDL_DestroyTexture(a->bg_tex);
    free(a->bg_rows);
    if (a->ren) SDL_DestroyRenderer(a->ren);
    if (a->win) SDL_DestroyWindow(a->win);
    SDL_Quit();
out:
    content_free(&a->content);
    diag_free(&a->content_diag);
    return rc;
}
