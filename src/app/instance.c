/* One window per data folder (see instance.h): an flock held for the window's lifetime, a unix
 * socket a later start writes its command to, and a small thread that turns what arrives into
 * an SDL event for the loop. */
#define _GNU_SOURCE /* accept4, SO_PEERCRED, O_PATH */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "attune/levels.h"
#include "attune/pace.h"
#include "instance.h"
#include "recording.h"
#include "scenes.h"

#define LOCK_NAME ".window.lock"
#define SOCKET_NAME ".window.sock"
#define PROTOCOL "attune-window 1"
#define ANSWER_MS 5000 /* how long a later start waits for the window to answer */

static const char *const KIND_NAME[WINDOW_KIND_COUNT] = {
    "menu", "breathe", "breathe-choose", "ground", "cards", "couple", "progress",
};

/* The words a later start prints once its command is delivered. */
static const char *const KIND_SAID[WINDOW_KIND_COUNT] = {
    "the menu", "a breathing break", "the breathing patterns", "grounding", "cards",
    "cards together", "your progress",
};

static struct {
    int lock_fd, listen_fd;
    char sock_dir[1100];  /* the socket is sock_dir/sock_name */
    char sock_name[64];
    SDL_Thread *thread;
    SDL_atomic_t stopping;
    Uint32 event;         /* registered SDL event type, 0 until listening */
} inst = {.lock_fd = -1, .listen_fd = -1};

bool window_command_open(App *a, const WindowCommand *wc)
{
    const char *arg = wc->arg[0] ? wc->arg : NULL;
    switch (wc->kind) {
    case WINDOW_MENU: return true;
    case WINDOW_BREATHE: {
        if (arg && !strcmp(arg, PACE_SWEEP_ID)) { /* the sweep ends on the picker, Your pace first */
            breathe_picker_push(a);
            pace_push(a);
            return true;
        }
        const BreathPattern *p = arg && !strcmp(arg, PACE_ID) ? breathe_your_pace(a)
                                                              : content_pattern(&a->content, arg ? arg : "quick-calm");
        if (!p) return false;
        breathe_push(a, p, wc->minutes ? wc->minutes : p->minutes);
        return true;
    }
    case WINDOW_BREATHE_CHOOSE: breathe_picker_push(a); return true;
    case WINDOW_GROUND: {
        const GroundExercise *ex = arg ? content_exercise(&a->content, arg) : NULL;
        if (arg && !ex) return false;
        /* The picker stays under an exercise, so Esc goes back to the list. */
        grounding_picker_push(a, ex ? ex->id : NULL);
        if (ex) grounding_push(a, ex);
        return true;
    }
    case WINDOW_CARDS:
    case WINDOW_COUPLE: {
        const DeckLevel *level = arg ? levels_find(&a->content, arg) : NULL;
        if (arg && !level) return false;
        if (wc->kind == WINDOW_COUPLE) {
            together_names_push(a, level ? level->id : NULL);
        } else {
            /* The picker stays under a round, so Esc from a card goes back to the levels. */
            cards_picker_push(a, level ? level->id : NULL, NULL);
            if (level) cards_begin(a, level, NULL);
        }
        return true;
    }
    case WINDOW_PROGRESS: progress_push(a); return true;
    default: return false;
    }
}

/* ---- the socket's address ---- */

/* FNV-1a: a short stable name for a folder's real path. */
static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void socket_place(const char *data_dir)
{
    const char *run = getenv("XDG_RUNTIME_DIR");
    if (run && *run && run[0] == '/') {
        char real[4096];
        const char *key = realpath(data_dir, real) ? real : data_dir;
        snprintf(inst.sock_dir, sizeof inst.sock_dir, "%s", run);
        snprintf(inst.sock_name, sizeof inst.sock_name, "attune-%016llx.sock",
                 (unsigned long long)hash(key));
    } else {
        snprintf(inst.sock_dir, sizeof inst.sock_dir, "%s", data_dir);
        snprintf(inst.sock_name, sizeof inst.sock_name, "%s", SOCKET_NAME);
    }
}

/* bind() or connect() to the socket. A path too long for sun_path is reached from inside its
 * folder (only before any thread runs: the working folder is the process's). */
static int socket_call(int fd, bool do_bind)
{
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    bool fits = strlen(inst.sock_dir) + 1 + strlen(inst.sock_name) < sizeof addr.sun_path;
    int cwd = -1;
    if (fits) {
        int k = snprintf(addr.sun_path, sizeof addr.sun_path, "%s/%s", inst.sock_dir, inst.sock_name);
        if (k < 0 || (size_t)k >= sizeof addr.sun_path) return -1;
    } else {
        cwd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (cwd < 0 || chdir(inst.sock_dir) != 0) {
            if (cwd >= 0) close(cwd);
            return -1;
        }
        snprintf(addr.sun_path, sizeof addr.sun_path, "%s", inst.sock_name);
    }
    int r = do_bind ? bind(fd, (struct sockaddr *)&addr, sizeof addr)
                    : connect(fd, (struct sockaddr *)&addr, sizeof addr);
    int saved = errno;
    if (cwd >= 0) {
        if (fchdir(cwd) != 0) app_log("could not return to the working folder: %s", strerror(errno));
        close(cwd);
    }
    errno = saved;
    return r;
}

static void socket_unlink(void)
{
    int dir = open(inst.sock_dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return;
    unlinkat(dir, inst.sock_name, 0);
    close(dir);
}

/* ---- a later start ---- */

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* Sends the command: 1 once the window said it has it, -1 if it refused it (another version
 * of Attune), 0 if nothing answered. */
static int deliver(const WindowCommand *wc, uint64_t deadline)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return 0;
    int ok = 0;
    if (socket_call(fd, false) == 0) {
        char msg[200];
        int n = snprintf(msg, sizeof msg, "%s\t%s\t%s\t%d\n", PROTOCOL, KIND_NAME[wc->kind],
                         wc->arg, wc->minutes);
        if (write(fd, msg, (size_t)n) == n) {
            char reply[16] = "";
            size_t got = 0;
            while (got < sizeof reply - 1 && !strchr(reply, '\n')) {
                uint64_t t = now_ms();
                struct pollfd p = {fd, POLLIN, 0};
                if (t >= deadline || poll(&p, 1, (int)(deadline - t)) <= 0) break;
                ssize_t k = read(fd, reply + got, sizeof reply - 1 - got);
                if (k <= 0) break;
                got += (size_t)k;
                reply[got] = 0;
            }
            ok = !strcmp(reply, "ok\n") ? 1 : !strcmp(reply, "error\n") ? -1 : 0;
        }
    }
    close(fd);
    return ok;
}

static bool take_lock(int fd)
{
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) return false;
    inst.lock_fd = fd;
    return true;
}

/* The socket of the window we now are: a stale one (a window that crashed) is replaced. */
static void open_socket(void)
{
    socket_unlink();
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return;
    mode_t old = umask(0077);
    int r = socket_call(fd, true);
    umask(old);
    if (r != 0 || listen(fd, 8) != 0) {
        app_log("later starts cannot reach this window (%s/%s: %s)", inst.sock_dir,
                inst.sock_name, strerror(errno));
        close(fd);
        return;
    }
    inst.listen_fd = fd;
}

/* mkdir -p, folders 0700 as the data folder's own. */
static bool make_dirs(const char *path)
{
    char p[1100];
    snprintf(p, sizeof p, "%s", path);
    for (char *c = p + 1; *c; c++) {
        if (*c != '/') continue;
        *c = 0;
        if (mkdir(p, 0700) != 0 && errno != EEXIST) return false;
        *c = '/';
    }
    return mkdir(p, 0700) == 0 || errno == EEXIST;
}

int instance_claim(App *a, const WindowCommand *wc)
{
    if (!make_dirs(a->data_dir)) return -1;
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", a->data_dir, LOCK_NAME);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return -1; /* a read-only folder: the window runs on its own */
    socket_place(a->data_dir);
    if (take_lock(fd)) {
        open_socket();
        return -1;
    }
    if (errno != EWOULDBLOCK) {
        close(fd);
        return -1;
    }
    /* A window is open on this folder: it may still be starting, so try for a while; if it
     * closes meanwhile, this start becomes the window. */
    uint64_t deadline = now_ms() + ANSWER_MS;
    while (now_ms() < deadline) {
        int r = deliver(wc, deadline);
        if (r != 0) {
            close(fd);
            if (r < 0) {
                app_log("Attune is open on %s but cannot take this command (another version?); "
                        "close it and try again", a->data_dir);
                return 1;
            }
            printf("Attune is already open: it will show %s.\n", KIND_SAID[wc->kind]);
            return 0;
        }
        if (take_lock(fd)) {
            open_socket();
            return -1;
        }
        struct timespec pause = {0, 50 * 1000000L};
        nanosleep(&pause, NULL);
    }
    close(fd);
    app_log("Attune is open on %s but did not answer; close it, or try again in a moment",
            a->data_dir);
    return 1;
}

/* ---- the window ---- */

static bool parse_command(char *line, WindowCommand *wc)
{
    char *fields[5] = {0};
    int n = 0;
    for (char *s = line; n < 5; n++) {
        fields[n] = s;
        char *tab = strchr(s, '\t');
        if (!tab) {
            n++;
            break;
        }
        *tab = 0;
        s = tab + 1;
    }
    if (n != 4 || strcmp(fields[0], PROTOCOL)) return false;
    memset(wc, 0, sizeof *wc);
    int k = 0;
    while (k < WINDOW_KIND_COUNT && strcmp(fields[1], KIND_NAME[k])) k++;
    if (k == WINDOW_KIND_COUNT || strlen(fields[2]) >= sizeof wc->arg) return false;
    wc->kind = (WindowKind)k;
    snprintf(wc->arg, sizeof wc->arg, "%s", fields[2]);
    char *end;
    long m = strtol(fields[3], &end, 10);
    if (*end || m < 0 || m > 600) return false;
    wc->minutes = (int)m;
    return true;
}

static void answer(int c)
{
    /* Only our own user's processes may ask. */
    struct ucred cred;
    socklen_t len = sizeof cred;
    if (getsockopt(c, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || cred.uid != getuid()) return;
    struct timeval tv = {2, 0};
    setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char line[256];
    size_t got = 0;
    while (got < sizeof line - 1) {
        ssize_t k = read(c, line + got, sizeof line - 1 - got);
        if (k <= 0) return;
        got += (size_t)k;
        line[got] = 0;
        char *nl = strchr(line, '\n');
        if (nl) {
            *nl = 0;
            break;
        }
    }
    WindowCommand *wc = malloc(sizeof *wc);
    if (!wc) return;
    if (!parse_command(line, wc)) {
        free(wc);
        if (write(c, "error\n", 6) != 6) {}
        return;
    }
    SDL_Event e = {0};
    e.type = inst.event;
    e.user.data1 = wc;
    if (SDL_PushEvent(&e) != 1) {
        free(wc);
        return;
    }
    if (write(c, "ok\n", 3) != 3) {}
}

static int listen_thread(void *ud)
{
    (void)ud;
    while (!SDL_AtomicGet(&inst.stopping)) {
        int c = accept4(inst.listen_fd, NULL, NULL, SOCK_CLOEXEC);
        if (c < 0) {
            if (errno != EINTR && !SDL_AtomicGet(&inst.stopping)) SDL_Delay(100);
            continue;
        }
        answer(c);
        close(c);
    }
    return 0;
}

void instance_listen(App *a)
{
    (void)a;
    if (inst.listen_fd < 0 || inst.thread) return;
    Uint32 ev = SDL_RegisterEvents(1);
    if (ev == (Uint32)-1) return;
    inst.event = ev;
    inst.thread = SDL_CreateThread(listen_thread, "attune-instance", NULL);
}

bool instance_handle(App *a, const SDL_Event *e)
{
    if (!inst.event || e->type != inst.event) return false;
    WindowCommand *wc = e->user.data1;
    app_log("another start asked for %s", KIND_NAME[wc->kind]);
    if (SDL_GetWindowFlags(a->win) & SDL_WINDOW_MINIMIZED) SDL_RestoreWindow(a->win);
    SDL_RaiseWindow(a->win);
    if (recording_open(a)) {
        app_log("a practice is under way: it carries on");
    } else {
        scene_to_root(a);
        if (!window_command_open(a, wc)) app_log("nothing called \"%s\" is loaded", wc->arg);
    }
    free(wc);
    a->dirty = true;
    return true;
}

void instance_release(void)
{
    if (inst.thread) {
        SDL_AtomicSet(&inst.stopping, 1);
        shutdown(inst.listen_fd, SHUT_RDWR); /* wakes accept() */
        SDL_WaitThread(inst.thread, NULL);
        inst.thread = NULL;
    }
    if (inst.listen_fd >= 0) {
        close(inst.listen_fd);
        inst.listen_fd = -1;
        socket_unlink();
    }
    if (inst.lock_fd >= 0) {
        close(inst.lock_fd); /* releases the lock */
        inst.lock_fd = -1;
    }
}
