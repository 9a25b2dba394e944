/* The window: opened with its icon, sized, full screen, and the mapping from window
 * coordinates to drawable pixels (HiDPI). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "redraw.h"

/* The window's icon: the breathing circle, a teal disc in a faint ring, drawn at start-up. */
static void set_icon(App *a)
{
    enum { N = 64 };
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, N, N, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return;
    SDL_Color c = a->theme.step[BREATH_IN];
    for (int y = 0; y < N; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < N; x++) {
            float dx = x + 0.5f - N / 2.0f, dy = y + 0.5f - N / 2.0f;
            float d = sqrtf(dx * dx + dy * dy);
            float disc = fminf(fmaxf(N * 0.36f - d + 0.5f, 0), 1);        /* edge 1 px wide */
            float ring = fminf(fmaxf(1.5f - fabsf(d - N * 0.45f), 0), 1) * 0.45f;
            float alpha = fmaxf(disc, ring);
            row[x] = (Uint32)(alpha * 255 + 0.5f) << 24 | (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
        }
    }
    SDL_SetWindowIcon(a->win, s);
    SDL_FreeSurface(s);
}

/* Without XDG_RUNTIME_DIR (and no absolute WAYLAND_DISPLAY) no Wayland display can be
 * reached, and libwayland-client, asked by SDL's Wayland driver, prints its own error line on
 * stderr before Attune can say anything. SDL then tries the other drivers anyway: this asks
 * for those alone, so only Attune's message is printed. */
static void skip_unreachable_wayland(void)
{
    const char *run = getenv("XDG_RUNTIME_DIR"), *wl = getenv("WAYLAND_DISPLAY");
    if ((run && *run) || (wl && wl[0] == '/') || getenv("SDL_VIDEODRIVER")) return;
    char list[256] = "";
    size_t n = 0;
    for (int i = 0; i < SDL_GetNumVideoDrivers(); i++) {
        const char *d = SDL_GetVideoDriver(i);
        if (!d || !strcmp(d, "wayland") || strlen(d) + 2 > sizeof list - n) continue;
        n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? "," : "", d);
    }
    if (n) SDL_SetHint(SDL_HINT_VIDEODRIVER, list);
}

/* On X11, SDL opens an input method as it starts, and libX11 then parses the keyboard's
 * Compose table (dead keys, accented letters typed in notes): about 49 M instructions, a third
 * of Attune's start-up. libX11 can keep the parsed table in a cache folder, which it remakes
 * when the table is newer and once a day, but uses one only when the user made ~/.compose-cache
 * or set XCOMPOSECACHE, or the system ships one (never for root). Otherwise this gives it a
 * folder in the user's cache: typing works as before, with no parse on most starts. */
static void use_compose_cache(void)
{
    const char *home = getenv("HOME"), *xdg = getenv("XDG_CACHE_HOME"), *drv = getenv("SDL_VIDEODRIVER");
    if (getenv("XCOMPOSECACHE") || !getenv("DISPLAY") || (drv && strcmp(drv, "x11") != 0) ||
        geteuid() == 0 || !home || home[0] != '/')
        return;
    char dir[1100];
    struct stat st;
    snprintf(dir, sizeof dir, "%s/.compose-cache", home);
    if (stat(dir, &st) == 0 || stat("/var/cache/libx11/compose", &st) == 0) return; /* in use */
    bool xdg_ok = xdg && xdg[0] == '/';
    snprintf(dir, sizeof dir, "%s%s", xdg_ok ? xdg : home, xdg_ok ? "" : "/.cache");
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) return;
    if (strlen(dir) + sizeof "/attune-compose" > sizeof dir) return;
    strcat(dir, "/attune-compose");
    if (mkdir(dir, 0700) == 0 || errno == EEXIST) setenv("XCOMPOSECACHE", dir, 0);
}

bool window_open(App *a, int w, int h, bool fullscreen)
{
    bool headless_asked = getenv("SDL_VIDEODRIVER") != NULL;
    skip_unreachable_wayland();
    use_compose_cache();
    /* The software renderer starts in a few ms with a small footprint, and draws this UI
     * comfortably; SDL_RENDER_DRIVER still overrides it. */
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        app_log("cannot start SDL: %s", SDL_GetError());
        return false;
    }
    app_log_stage("video started");
    const char *drv = SDL_GetCurrentVideoDriver();
    if (!headless_asked && drv && (!strcmp(drv, "offscreen") || !strcmp(drv, "dummy"))) {
        app_log("no display found (set DISPLAY, or SDL_VIDEODRIVER=dummy to run headless)");
        return false;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    a->win = SDL_CreateWindow("Attune", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                              h, flags);
    if (!a->win) {
        app_log("cannot open a window: %s", SDL_GetError());
        return false;
    }
    app_log_stage("window made");
    SDL_SetWindowMinimumSize(a->win, WINDOW_MIN_W, WINDOW_MIN_H);
    set_icon(a);
    a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!a->ren) a->ren = SDL_CreateRenderer(a->win, -1, 0);
    if (!a->ren) {
        app_log("cannot draw in the window: %s", SDL_GetError());
        return false;
    }
    if (getenv("ATTUNE_TRACE_STARTUP")) {
        SDL_RendererInfo info;
        if (SDL_GetRendererInfo(a->ren, &info) == 0) app_log("renderer: %s", info.name);
    }
    app_log_stage("renderer made");
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
    int ww;
    SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
    SDL_GetWindowSize(a->win, &ww, NULL);
    a->px_per_pt = ww > 0 ? (float)a->w / (float)ww : 1.0f;
    SDL_StopTextInput();
    /* The software renderer draws into the window's surface, which SDL keeps from one present
     * to the next on these video drivers (X11 shared memory or XPutImage; the dummy driver), so
     * a frame can redraw only part of it. Elsewhere, and with GPU renderers, every frame is
     * drawn whole. */
    const char *video = SDL_GetCurrentVideoDriver();
    redraw_init(a, window_software(a) && video && (!strcmp(video, "x11") || !strcmp(video, "dummy")));
    bool fonts = text_init(a);
    app_log_stage("fonts open");
    return fonts;
}

void window_toggle_fullscreen(App *a)
{
    Uint32 f = SDL_GetWindowFlags(a->win);
    SDL_SetWindowFullscreen(a->win, (f & SDL_WINDOW_FULLSCREEN_DESKTOP) ? 0
                                                                       : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

void window_resized(App *a)
{
    int ww, wh;
    SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
    SDL_GetWindowSize(a->win, &ww, &wh);
    a->px_per_pt = ww > 0 ? (float)a->w / (float)ww : 1.0f;
    text_resize(a);
    a->dirty = true;
}

SDL_Point window_mouse(const App *a, int x, int y)
{
    return (SDL_Point){(int)(x * a->px_per_pt), (int)(y * a->px_per_pt)};
}

bool window_software(App *a)
{
    if (a->software < 0) {
        SDL_RendererInfo info;
        a->software = SDL_GetRendererInfo(a->ren, &info) == 0 && info.name &&
                      !strcmp(info.name, "software");
    }
    return a->software > 0;
}
