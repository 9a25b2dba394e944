/* Scripted mode: a fake clock and a list of commands, for tests and reproducible runs.
 *   wait MS | key NAME | click X Y | move X Y | wheel N | type TEXT | shot PATH | texts PATH |
 *   sounds PATH
 * Frames run at 60 fps of fake time; nothing waits for real. */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "attune/png.h"
#include "attune/utf8.h"
#include "script.h"
#include "userdata.h"

static void pump(App *a)
{
    SDL_Event e;
    while (!a->quit && SDL_PollEvent(&e)) app_handle_event(a, &e);
}

static void frame(App *a, bool draw)
{
    pump(a);
    app_update(a);
    if (draw) {
        app_render(a);
        SDL_RenderPresent(a->ren);
    }
}

/* The next 60 Hz tick strictly after t (ticks fall on floor(k * 1000 / 60)). */
static uint64_t next_tick(uint64_t t)
{
    uint64_t k = t * 60 / 1000 + 1;
    uint64_t n = k * 1000 / 60;
    return n > t ? n : n + 1;
}

static void advance(App *a, uint64_t *now, uint64_t ms)
{
    uint64_t target = *now + ms;
    while (*now < target && !a->quit) {
        uint64_t n = next_tick(*now);
        *now = n < target ? n : target;
        a->now = *now;
        frame(a, false);
    }
    frame(a, true);
}

static bool push_key(App *a, const char *name, char *err, size_t errlen)
{
    SDL_Keycode k = SDL_GetKeyFromName(name);
    if (k == SDLK_UNKNOWN) {
        snprintf(err, errlen, "unknown key \"%s\" (use SDL key names: Return, Escape, Space, Down, 1, F1)", name);
        return false;
    }
    SDL_Event e = ui_key_down(a, k);
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    return true;
}

static void push_move(App *a, int x, int y)
{
    SDL_Event e = {0};
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = SDL_GetWindowID(a->win);
    e.motion.x = x;
    e.motion.y = y;
    SDL_PushEvent(&e);
}

/* A left click at (x, y), the pointer moved there first. */
static void push_click(App *a, int x, int y)
{
    push_move(a, x, y);
    SDL_Event e = {0};
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.windowID = SDL_GetWindowID(a->win);
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

static void push_wheel(App *a, int n)
{
    SDL_Event e = {0};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.windowID = SDL_GetWindowID(a->win);
    e.wheel.y = n;
    e.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
    SDL_PushEvent(&e);
}

/* s must be well-formed UTF-8 (script_run checks): then a character boundary is never more
 * than 3 bytes back, and every event moves on. */
static void push_text(App *a, const char *s)
{
    /* SDL text events carry at most 31 bytes: split on UTF-8 boundaries. */
    size_t n = strlen(s);
    while (n > 0) {
        size_t max = SDL_TEXTINPUTEVENT_TEXT_SIZE - 1;
        size_t take = n < max ? n : max;
        while (take < n && take > 0 && ((unsigned char)s[take] & 0xC0) == 0x80) take--;
        if (take == 0) take = n < max ? n : max; /* never stall, whatever the bytes */
        SDL_Event e = {0};
        e.type = SDL_TEXTINPUT;
        e.text.windowID = SDL_GetWindowID(a->win);
        memcpy(e.text.text, s, take);
        SDL_PushEvent(&e);
        s += take;
        n -= take;
    }
}

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcasecmp(s + a - b, suf) == 0;
}

bool app_screenshot(App *a, const char *path, char *err, size_t errlen)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 24, SDL_PIXELFORMAT_RGB24);
    if (!s) {
        snprintf(err, errlen, "%s", SDL_GetError());
        return false;
    }
    bool ok = SDL_RenderReadPixels(a->ren, NULL, SDL_PIXELFORMAT_RGB24, s->pixels, s->pitch) == 0;
    if (!ok) snprintf(err, errlen, "cannot read the frame: %s", SDL_GetError());
    else if (ends_with(path, ".bmp")) {
        ok = SDL_SaveBMP(s, path) == 0;
        if (!ok) snprintf(err, errlen, "%s: %s", path, SDL_GetError());
    } else {
        ok = png_write_rgb(path, s->pixels, a->w, a->h, (size_t)s->pitch, err, errlen);
    }
    SDL_FreeSurface(s);
    return ok;
}

/* Writes what the JSON document root holds to path. */
static bool write_json(cJSON *root, const char *path, char *err, size_t errlen)
{
    char *s = cJSON_Print(root);
    cJSON_Delete(root);
    FILE *f = fopen(path, "w");
    bool ok = f && s && fputs(s, f) >= 0;
    if (f && fclose(f) != 0) ok = false;
    if (!ok) snprintf(err, errlen, "%s: %s", path, strerror(errno));
    free(s);
    return ok;
}

static bool write_texts(App *a, const char *path, char *err, size_t errlen)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "time_ms", (double)a->now);
    cJSON *list = cJSON_AddArrayToObject(root, "texts");
    float k = a->px_per_pt > 0 ? a->px_per_pt : 1;
    int n;
    const TextRecord *drawn = text_drawn(a, &n);
    for (int i = 0; i < n; i++) {
        const TextRecord *t = &drawn[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "text", t->text);
        cJSON_AddNumberToObject(o, "x", (int)(t->rect.x / k));
        cJSON_AddNumberToObject(o, "y", (int)(t->rect.y / k));
        cJSON_AddNumberToObject(o, "w", (int)(t->rect.w / k));
        cJSON_AddNumberToObject(o, "h", (int)(t->rect.h / k));
        char col[10];
        snprintf(col, sizeof col, "#%02X%02X%02X%02X", t->color.r, t->color.g, t->color.b, t->color.a);
        cJSON_AddStringToObject(o, "color", col);
        if (t->role >= 0 && t->role < TEXT_ROLE_COUNT)
            cJSON_AddNumberToObject(o, "line", (int)(text_line(a, (TextRole)t->role) / k));
        cJSON_AddItemToArray(list, o);
    }
    /* Then every control the pointer can click, by its accessible name. */
    for (int i = 0; i < a->ncontrols; i++) {
        const UiControl *c = &a->controls[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "text", c->label);
        cJSON_AddStringToObject(o, "role", "button");
        cJSON_AddNumberToObject(o, "x", (int)(c->rect.x / k));
        cJSON_AddNumberToObject(o, "y", (int)(c->rect.y / k));
        cJSON_AddNumberToObject(o, "w", (int)(c->rect.w / k));
        cJSON_AddNumberToObject(o, "h", (int)(c->rect.h / k));
        cJSON_AddItemToArray(list, o);
    }
    cJSON_AddStringToObject(root, "cursor", a->cursor_is_hand ? "hand" : "arrow");
    return write_json(root, path, err, errlen);
}

/* The cues played so far: {"time_ms": N, "sounds": [{"time_ms", "cue"}], "device":
 * [{"time_ms", "open"}]}. */
static bool write_sounds(App *a, const char *path, char *err, size_t errlen)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "time_ms", (double)a->now);
    cJSON *list = cJSON_AddArrayToObject(root, "sounds");
    int n;
    const AudioPlayed *p = audio_played(a, &n);
    for (int i = 0; i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "time_ms", (double)p[i].at);
        cJSON_AddStringToObject(o, "cue", audio_cue_name(p[i].cue));
        cJSON_AddItemToArray(list, o);
    }
    /* When the audio device opened and closed: it is open only around sound. */
    cJSON *dev = cJSON_AddArrayToObject(root, "device");
    const AudioDeviceEvent *d = audio_device_events(a, &n);
    for (int i = 0; i < n; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "time_ms", (double)d[i].at);
        cJSON_AddBoolToObject(o, "open", d[i].open);
        cJSON_AddItemToArray(dev, o);
    }
    return write_json(root, path, err, errlen);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = 0;
    return s;
}

/* ---- the commands ---- */

typedef struct Command Command;
typedef bool (*CommandFn)(App *a, uint64_t *now, const Command *c, const char *arg, char *err, size_t n);

struct Command {
    const char *name;
    CommandFn run;
    bool needs_file; /* its argument is a file name, which may not be empty */
    void (*push)(App *a, int x, int y); /* click, move: the pointer events to send */
    bool (*write)(App *a, const char *path, char *err, size_t n); /* shot, texts: what to save */
};

static bool cmd_wait(App *a, uint64_t *now, const Command *c, const char *arg, char *err, size_t n)
{
    (void)c;
    char *end;
    errno = 0;
    unsigned long long ms = strtoull(arg, &end, 10);
    if (!*arg || *end || errno || ms > 24ull * 3600 * 1000) {
        snprintf(err, n, "wait needs milliseconds (0 to 86400000), not \"%s\"", arg);
        return false;
    }
    advance(a, now, ms);
    return true;
}

static bool cmd_key(App *a, uint64_t *now, const Command *c, const char *arg, char *err, size_t n)
{
    (void)now, (void)c;
    if (!push_key(a, arg, err, n)) return false;
    frame(a, true);
    return true;
}

/* "X Y" for click and move: exactly two whole numbers. */
static bool xy_of(const char *cmd, const char *arg, int *x, int *y, char *err, size_t n)
{
    char extra;
    if (sscanf(arg, "%d %d %c", x, y, &extra) == 2) return true;
    snprintf(err, n, "%s needs X Y, not \"%s\"", cmd, arg);
    return false;
}

/* click, move: the pointer events of c at X Y. */
static bool cmd_pointer(App *a, uint64_t *now, const Command *c, const char *arg, char *err, size_t n)
{
    (void)now;
    int x, y;
    if (!xy_of(c->name, arg, &x, &y, err, n)) return false;
    c->push(a, x, y);
    frame(a, true);
    return true;
}

static bool cmd_wheel(App *a, uint64_t *now, const Command *c, const char *arg, char *err, size_t n)
{
    (void)now, (void)c;
    int notches;
    char extra;
    if (sscanf(arg, "%d %c", &notches, &extra) != 1 || notches < -100 || notches > 100) {
        snprintf(err, n, "wheel needs N, a whole number from -100 to 100, not \"%s\"", arg);
        return false;
    }
    push_wheel(a, notches);
    frame(a, true);
    return true;
}

static bool cmd_type(App *a, uint64_t *now, const Command *c, const char *arg, char *err, size_t n)
{
    (void)now, (void)c;
    size_t bad;
    if (!utf8_valid(arg, strlen(arg), &bad)) {
        snprintf(err, n, "type needs UTF-8 text: byte %zu (0x%02X) is not valid UTF-8", bad + 1,
                 (unsigned char)arg[bad]);
        return false;
    }
    push_text(a, arg);
    frame(a, true);
    return true;
}

/* shot, texts: what c writes of the current frame, drawn now. */
static bool cmd_frame(App *a, uint64_t *now, const Command *c, const char *arg, char *err, size_t n)
{
    (void)now;
    app_render(a);
    bool ok = c->write(a, arg, err, n);
    SDL_RenderPresent(a->ren);
    return ok;
}

static bool cmd_sounds(App *a, uint64_t *now, const Command *c, const char *arg, char *err, size_t n)
{
    (void)now, (void)c;
    return write_sounds(a, arg, err, n);
}

static const Command COMMANDS[] = {
    {"wait", cmd_wait, false, NULL, NULL},
    {"key", cmd_key, false, NULL, NULL},
    {"click", cmd_pointer, false, push_click, NULL},
    {"move", cmd_pointer, false, push_move, NULL},
    {"wheel", cmd_wheel, false, NULL, NULL},
    {"type", cmd_type, false, NULL, NULL},
    {"shot", cmd_frame, true, NULL, app_screenshot},
    {"texts", cmd_frame, true, NULL, write_texts},
    {"sounds", cmd_sounds, true, NULL, NULL},
};

/* Runs one command line (trimmed, not empty): false with why in err. */
static bool run_line(App *a, uint64_t *now, char *s, char *err, size_t n)
{
    char *arg = s;
    while (*arg && !isspace((unsigned char)*arg)) arg++;
    if (*arg) *arg++ = 0;
    arg = trim(arg);
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++) {
        if (strcmp(s, COMMANDS[i].name) != 0) continue;
        if (COMMANDS[i].needs_file && !*arg) {
            snprintf(err, n, "%s needs a file name", s);
            return false;
        }
        return COMMANDS[i].run(a, now, &COMMANDS[i], arg, err, n);
    }
    snprintf(err, n, "unknown command \"%s\" (expected wait, key, click, move, wheel, type, shot, "
             "texts or sounds)", s);
    return false;
}

int script_run(App *a, const char *path, uint64_t *now)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        app_log("%s: %s", path, strerror(errno));
        return 1;
    }
    a->now = *now;
    frame(a, true);
    app_after_first_frame(a);
    char *line = NULL, err[512];
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, rc = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (memchr(line, 0, (size_t)len)) {
            app_log("%s:%d: a NUL byte in the line (a script is text)", path, lineno);
            rc = 1;
            break;
        }
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        if (a->quit) {
            app_log("%s:%d: Attune has already quit; \"%s\" was not run", path, lineno, s);
            rc = 1;
            break;
        }
        err[0] = 0;
        if (!run_line(a, now, s, err, sizeof err)) {
            app_log("%s:%d: %s", path, lineno, err);
            rc = 1;
            break;
        }
    }
    free(line);
    fclose(f);
    return rc;
}
