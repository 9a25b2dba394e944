/* `attune reminders on|off|status` and `attune remind` (see reminders.h). */
#define _GNU_SOURCE /* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "attune/clock.h"
#include "attune/day.h"
#include "attune/remind.h"
#include "reminders.h"

#ifndef ATTUNE_APP_ID
#define ATTUNE_APP_ID "io.github.attune.Attune"
#endif

#define PATH_N 2048
#define WAIT_MAX_MIN 30 /* a reminder nobody answered is taken back after this long */

typedef struct RArgs {
    const char *command, *sub;
    const char *data_dir, *now, *at, *days, *quiet;
    bool dry_run;
} RArgs;

static bool takes_value(const char *s)
{
    static const char *const opts[] = {"--data-dir", "--script", "--minutes", "--window",
                                       "--at",       "--days",   "--quiet",   "--now"};
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
        if (!strcmp(s, opts[i])) return true;
    return false;
}

bool reminders_command_is(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (!strcmp(s, "-h") || !strcmp(s, "--help") || !strcmp(s, "-V") || !strcmp(s, "--version"))
            return false;
        if (takes_value(s)) i++;
        else if (s[0] != '-' || !s[1]) return !strcmp(s, "reminders") || !strcmp(s, "remind");
    }
    return false;
}

static int usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "attune: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'attune --help'.\n");
    return 2;
}

/* Returns -1 to go on, or an exit code. */
static int parse(int argc, char **argv, RArgs *r)
{
    *r = (RArgs){0};
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (takes_value(s)) {
            if (i + 1 >= argc) return usage("%s needs a value", s);
            const char *v = argv[++i];
            if (!strcmp(s, "--data-dir")) r->data_dir = v;
            else if (!strcmp(s, "--now")) r->now = v;
            else if (!strcmp(s, "--at")) r->at = v;
            else if (!strcmp(s, "--days")) r->days = v;
            else if (!strcmp(s, "--quiet")) r->quiet = v;
            else return usage("%s does not go with reminders", s);
        } else if (!strcmp(s, "--dry-run")) {
            r->dry_run = true;
        } else if (s[0] == '-' && s[1]) {
            return usage("unknown option \"%s\"", s);
        } else if (!r->command) {
            r->command = s;
        } else if (!r->sub && !strcmp(r->command, "reminders")) {
            r->sub = s;
        } else {
            return usage("too many arguments at \"%s\"", s);
        }
    }
    bool plan = r->at || r->days || r->quiet;
    if (!strcmp(r->command, "reminders")) {
        if (!r->sub || (strcmp(r->sub, "on") && strcmp(r->sub, "off") && strcmp(r->sub, "status")))
            return usage("%s", "reminders needs on, off or status, e.g. 'attune reminders on --at 10:00,15:00'");
        if (plan && strcmp(r->sub, "on"))
            return usage("--at, --days and --quiet go with 'reminders on', not '%s'", r->sub);
        if (r->dry_run || r->now) return usage("%s", "--dry-run and --now go with 'attune remind'");
    }
    return -1;
}

/* ---- places ---- */

static bool data_dir_of(const RArgs *r, char *out, size_t n, bool *given)
{
    const char *d = r->data_dir ? r->data_dir : getenv("ATTUNE_DATA_DIR");
    *given = d && *d;
    if (*given) {
        char cwd[PATH_N] = "";
        if (d[0] != '/' && !getcwd(cwd, sizeof cwd)) return false;
        int k = snprintf(out, n, "%s%s%s", cwd, cwd[0] ? "/" : "", d);
        return k > 0 && (size_t)k < n;
    }
    char *pref = SDL_GetPrefPath("", "attune");
    if (!pref) {
        app_log("cannot find a data folder (%s); use --data-dir DIR", SDL_GetError());
        return false;
    }
    snprintf(out, n, "%s", pref);
    SDL_free(pref);
    size_t len = strlen(out);
    if (len > 1 && out[len - 1] == '/') out[len - 1] = 0;
    return true;
}

/* $XDG_CONFIG_HOME/systemd/user, or ~/.config/systemd/user. */
static bool unit_dir(char *out, size_t n)
{
    const char *x = getenv("XDG_CONFIG_HOME");
    if (x && x[0] == '/') return snprintf(out, n, "%s/systemd/user", x) < (int)n;
    const char *home = getenv("HOME");
    if (!home || home[0] != '/') {
        struct passwd *pw = getpwuid(getuid());
        home = pw ? pw->pw_dir : NULL;
    }
    if (!home) return false;
    return snprintf(out, n, "%s/.config/systemd/user", home) < (int)n;
}

static bool mkdirs(const char *path)
{
    char p[PATH_N];
    snprintf(p, sizeof p, "%s", path);
    for (char *c = p + 1; *c; c++) {
        if (*c != '/') continue;
        *c = 0;
        if (mkdir(p, 0700) != 0 && errno != EEXIST) return false;
        *c = '/';
    }
    return mkdir(p, 0700) == 0 || errno == EEXIST;
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    char *buf = malloc(16384);
    size_t n = buf ? fread(buf, 1, 16383, f) : 0;
    if (buf) buf[n] = 0;
    fclose(f);
    return buf;
}

static bool write_atomic(const char *path, const char *text)
{
    char tmp[PATH_N + 8];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    size_t n = strlen(text);
    bool ok = write(fd, text, n) == (ssize_t)n && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) == 0) return true;
    int saved = errno;
    unlink(tmp);
    errno = saved;
    return false;
}

/* ---- other programs ---- */

/* Runs argv[0] (searched in PATH) and returns its exit status (127 when it cannot run). quiet:
 * its output goes nowhere. posix_spawn, not fork: the Settings screen calls this from a
 * process with threads. */
static int run(char *const argv[], bool quiet)
{
    fflush(stdout);
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0) return 127;
    if (quiet) {
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    }
    pid_t pid;
    int err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err != 0) return 127;
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) return 127;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static const char *systemctl_cmd(void)
{
    const char *s = getenv("ATTUNE_SYSTEMCTL"); /* tests only */
    return s && *s ? s : "systemctl";
}

static int systemctl(const char *a, const char *b, const char *c)
{
    char *argv[] = {(char *)systemctl_cmd(), "--user", (char *)a, (char *)b, (char *)c, NULL};
    return run(argv, true);
}

static const char *notify_cmd(void)
{
    const char *s = getenv("ATTUNE_NOTIFY_SEND"); /* tests only */
    return s && *s ? s : "notify-send";
}

/* True if cmd can be run: a path that is executable, or a name found in PATH. */
static bool runnable(const char *cmd)
{
    if (strchr(cmd, '/')) return access(cmd, X_OK) == 0;
    const char *path = getenv("PATH");
    char dir[PATH_N];
    for (const char *p = path ? path : "/usr/bin:/bin"; *p;) {
        const char *e = strchr(p, ':');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        snprintf(dir, sizeof dir, "%.*s/%s", (int)len, p, cmd);
        if (len && access(dir, X_OK) == 0) return true;
        p += len + (e ? 1 : 0);
    }
    return false;
}

static bool exe_path(char *out, size_t n)
{
    ssize_t k = readlink("/proc/self/exe", out, n - 1);
    if (k <= 0) return false;
    out[k] = 0;
    return true;
}

/* ---- reminders on | off | status ---- */

typedef struct Units {
    char dir[PATH_N], timer[PATH_N + 64], service[PATH_N + 64], wants_dir[PATH_N + 64],
        wants[PATH_N + 128];
} Units;

static bool units_at(Units *u)
{
    if (!unit_dir(u->dir, sizeof u->dir)) {
        app_log("cannot find your config folder: set HOME or XDG_CONFIG_HOME");
        return false;
    }
    snprintf(u->timer, sizeof u->timer, "%s/%s", u->dir, REMIND_TIMER_UNIT);
    snprintf(u->service, sizeof u->service, "%s/%s", u->dir, REMIND_SERVICE_UNIT);
    snprintf(u->wants_dir, sizeof u->wants_dir, "%s/timers.target.wants", u->dir);
    snprintf(u->wants, sizeof u->wants, "%s/%s", u->wants_dir, REMIND_TIMER_UNIT);
    return true;
}

/* The plan in the service file, if reminders are on. */
static bool current_plan(const Units *u, RemindPlan *p, char *data_dir, size_t n)
{
    char *text = read_text(u->service);
    bool ok = text && remind_service_parse(text, p, data_dir, n);
    free(text);
    return ok;
}

static int apply_plan_options(const RArgs *r, RemindPlan *p)
{
    char err[300];
    if ((r->at && !remind_parse_times(r->at, p, err, sizeof err)) ||
        (r->days && !remind_parse_days(r->days, p, err, sizeof err)) ||
        (r->quiet && !remind_parse_quiet(r->quiet, p, err, sizeof err)))
        return usage("%s", err);
    return -1;
}

static const char HOW_BY_HAND[] =
    "  systemctl --user daemon-reload\n"
    "  systemctl --user enable --now " REMIND_TIMER_UNIT "\n";

bool reminders_read(RemindPlan *p, char *data_dir, size_t n)
{
    Units u;
    return units_at(&u) && current_plan(&u, p, data_dir, n);
}

bool reminders_write(const RemindPlan *p, const char *data_dir, bool *running, char *err,
                     size_t n)
{
    *running = false;
    Units u;
    if (!units_at(&u)) {
        snprintf(err, n, "cannot find your config folder: set HOME or XDG_CONFIG_HOME");
        return false;
    }
    char exe[PATH_N];
    if (!exe_path(exe, sizeof exe)) {
        snprintf(err, n, "cannot tell where the attune binary is (/proc/self/exe)");
        return false;
    }
    static char timer[8192], service[8192];
    if (!remind_timer_text(p, timer, sizeof timer) ||
        !remind_service_text(p, exe, data_dir, service, sizeof service)) {
        snprintf(err, n, "the reminder unit files are too long");
        return false;
    }
    if (!mkdirs(u.dir) || !write_atomic(u.service, service) || !write_atomic(u.timer, timer) ||
        !mkdirs(u.wants_dir)) {
        snprintf(err, n, "cannot write the reminders to %s: %s", u.dir, strerror(errno));
        return false;
    }
    /* Enabled as `systemctl --user enable` would: so it starts with every login session. */
    unlink(u.wants);
    if (symlink(u.timer, u.wants) != 0) {
        snprintf(err, n, "cannot enable the reminders (%s): %s", u.wants, strerror(errno));
        return false;
    }
    *running = systemctl("daemon-reload", NULL, NULL) == 0 &&
               systemctl("restart", REMIND_TIMER_UNIT, NULL) == 0;
    return true;
}

bool reminders_remove(bool *existed, char *err, size_t n)
{
    Units u;
    *existed = false;
    if (!units_at(&u)) {
        snprintf(err, n, "cannot find your config folder: set HOME or XDG_CONFIG_HOME");
        return false;
    }
    struct stat st;
    *existed = lstat(u.timer, &st) == 0 || lstat(u.service, &st) == 0 || lstat(u.wants, &st) == 0;
    if (*existed) systemctl("disable", "--now", REMIND_TIMER_UNIT);
    const char *files[] = {u.wants, u.timer, u.service};
    for (int i = 0; i < 3; i++)
        if (unlink(files[i]) != 0 && errno != ENOENT) {
            snprintf(err, n, "cannot remove %s: %s", files[i], strerror(errno));
            return false;
        }
    /* The folders too, when nothing else is in them. */
    rmdir(u.wants_dir);
    rmdir(u.dir);
    char parent[PATH_N];
    snprintf(parent, sizeof parent, "%s", u.dir);
    char *slash = strrchr(parent, '/');
    if (slash) {
        *slash = 0;
        rmdir(parent);
    }
    if (*existed) systemctl("daemon-reload", NULL, NULL);
    return true;
}

bool reminders_can_notify(void) { return runnable(notify_cmd()); }

static int reminders_on(const RArgs *r, const char *data_dir, bool dir_given)
{
    RemindPlan p;
    char old_dir[PATH_N];
    if (!reminders_read(&p, old_dir, sizeof old_dir)) remind_defaults(&p);
    int rc = apply_plan_options(r, &p);
    if (rc >= 0) return rc;
    char err[PATH_N + 200];
    bool running;
    if (!reminders_write(&p, dir_given ? data_dir : NULL, &running, err, sizeof err)) {
        app_log("%s", err);
        return 1;
    }
    Units u;
    units_at(&u);
    char desc[300];
    printf("Reminders are on: %s.\n", remind_describe(&p, desc, sizeof desc));
    for (int i = 0; i < p.ntimes; i++)
        if (remind_is_quiet(&p, p.times[i]))
            printf("%02d:%02d is in your quiet hours, so it will stay silent.\n", p.times[i] / 60,
                   p.times[i] % 60);
    printf("A reminder stays silent when you have already practised since the one before.\n");
    printf("Written to %s (" REMIND_TIMER_UNIT " and " REMIND_SERVICE_UNIT ").\n", u.dir);
    if (running)
        printf("The timer is running now.\n");
    else
        printf("No user session answered now (systemctl --user), so they will start with your\n"
               "next login session. To start them by hand in a session:\n%s", HOW_BY_HAND);
    if (!reminders_can_notify())
        printf("To see them, install notify-send (the Debian package libnotify-bin).\n");
    return 0;
}

static int reminders_off(void)
{
    char err[PATH_N + 200];
    bool existed;
    if (!reminders_remove(&existed, err, sizeof err)) {
        app_log("%s", err);
        return 1;
    }
    Units u;
    units_at(&u);
    if (existed)
        printf("Reminders are off. Removed " REMIND_TIMER_UNIT " and " REMIND_SERVICE_UNIT
               " from %s.\n", u.dir);
    else
        printf("Reminders are off.\n");
    return 0;
}

static int reminders_status(void)
{
    Units u;
    if (!units_at(&u)) return 1;
    RemindPlan p;
    char dir[PATH_N], desc[300];
    if (!current_plan(&u, &p, dir, sizeof dir)) {
        struct stat st;
        if (lstat(u.timer, &st) == 0)
            printf("Reminders are off, but %s is left over: 'attune reminders off' removes it.\n",
                   u.timer);
        else
            printf("Reminders are off. 'attune reminders on' turns them on.\n");
        return 0;
    }
    printf("Reminders are on: %s.\n", remind_describe(&p, desc, sizeof desc));
    if (dir[0]) printf("Data folder: %s\n", dir);
    printf("Unit files: %s and %s\n", u.timer, u.service);
    char *text = read_text(u.service), exe[PATH_N] = "";
    const char *cmd = text ? strstr(text, "\nExecStart=") : NULL;
    if (cmd && sscanf(cmd + 11, "%2047s", exe) == 1 && exe[0] == '/' && access(exe, X_OK) != 0)
        printf("The timer runs %s, which is not there any more: 'attune reminders on' points it\n"
               "at this attune.\n", exe);
    free(text);
    struct stat st;
    if (lstat(u.wants, &st) != 0)
        printf("They are not enabled: 'attune reminders on' enables them again.\n");
    else if (systemctl("is-active", "--quiet", REMIND_TIMER_UNIT) == 0)
        printf("The timer is running.\n");
    else
        printf("The timer is not running in this session; it starts with your next login session,\n"
               "or by hand:\n%s", HOW_BY_HAND);
    return 0;
}

/* ---- remind ---- */

/* --now (as everywhere in Attune: "2026-03-11T09:00", a space may stand for the T), or the
 * local time now. */
static bool now_of(const RArgs *r, RemindNow *now)
{
    time_t t = clock_wall(clock_program());
    if (r->now && !clock_parse_local(r->now, &t)) return false;
    struct tm tm;
    if (!localtime_r(&t, &tm)) return false;
    now->day = day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    now->minute = tm.tm_hour * 60 + tm.tm_min;
    return true;
}

/* How long to wait for an answer: until a minute before the next reminder, at most 30 min. */
static int wait_minutes(const RemindPlan *p, int minute)
{
    int w = WAIT_MAX_MIN;
    for (int i = 0; i < p->ntimes; i++)
        if (p->times[i] > minute && p->times[i] - minute - 1 < w) w = p->times[i] - minute - 1;
    return w < 1 ? 1 : w;
}

/* The quick calm, in a window of its own (or handed to the open one). */
static void open_quick_calm(const char *data_dir, bool dir_given)
{
    char exe[PATH_N];
    if (!exe_path(exe, sizeof exe)) return;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        char *argv[] = {exe, "breathe", NULL, NULL, NULL};
        if (dir_given) {
            argv[1] = "--data-dir";
            argv[2] = (char *)data_dir;
            argv[3] = "breathe";
        }
        execv(exe, argv);
        _exit(127);
    }
}

/* Shows the notification and waits for its action; returns the exit code. */
static int notify(const RemindPlan *p, RemindNow now, const char *data_dir, bool dir_given)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return 1;
    char action[80];
    snprintf(action, sizeof action, "--action=breathe=%s", remind_action_label());
    char *argv[] = {(char *)notify_cmd(),
                    "--app-name=Attune",
                    "--icon=" ATTUNE_APP_ID,
                    "--hint=string:desktop-entry:" ATTUNE_APP_ID,
                    action,
                    (char *)remind_summary(),
                    (char *)remind_body(now.day),
                    NULL};
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) return 1;
    if (pid == 0) {
        dup2(fds[1], 1);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    char out[256] = "";
    size_t got = 0;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long limit_ms = (long)wait_minutes(p, now.minute) * 60000L;
    bool timed_out = false;
    for (;;) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        long spent = (t.tv_sec - t0.tv_sec) * 1000L + (t.tv_nsec - t0.tv_nsec) / 1000000L;
        if (spent >= limit_ms) {
            /* Nobody answered: notify-send takes the notification back on SIGINT. */
            kill(pid, SIGINT);
            timed_out = true;
            break;
        }
        struct pollfd pf = {fds[0], POLLIN, 0};
        int pr = poll(&pf, 1, (int)(limit_ms - spent));
        if (pr < 0 && errno == EINTR) continue;
        if (pr <= 0) continue;
        ssize_t k = read(fds[0], out + got, sizeof out - 1 - got);
        if (k <= 0) break;
        got += (size_t)k;
        out[got] = 0;
        if (got == sizeof out - 1) break;
    }
    close(fds[0]);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
    if (!timed_out && WIFEXITED(st) && WEXITSTATUS(st) == 127) {
        app_log("cannot show a notification: %s did not run (install the Debian package "
                "libnotify-bin)", argv[0]);
        return 1;
    }
    if (!strncmp(out, "breathe", 7) && (out[7] == '\n' || out[7] == 0)) {
        printf("Opening a quick calm.\n");
        open_quick_calm(data_dir, dir_given);
    }
    return 0;
}

static int remind(const RArgs *r, const char *data_dir, bool dir_given)
{
    /* The plan comes on the command line from the service; run by hand, it is the one that
     * `reminders on` wrote, else the defaults. */
    RemindPlan p;
    Units u;
    char ignored[PATH_N];
    if (r->at || r->days || r->quiet || !units_at(&u) || !current_plan(&u, &p, ignored, sizeof ignored))
        remind_defaults(&p);
    int rc = apply_plan_options(r, &p);
    if (rc >= 0) return rc;
    RemindNow now;
    if (!now_of(r, &now))
        return usage("--now needs a local date and time like 2026-03-11T09:00, not \"%s\"", r->now);
    Settings st;
    settings_load(data_dir, &st, NULL);
    now.day_start_hour = st.day_start_hour;
    PracticeLog log = {0};
    log_load(data_dir, &log, NULL, NULL);
    int since_day, since_min;
    RemindVerdict v = remind_decide(&p, &log, now, &since_day, &since_min);
    log_free(&log);
    static const char *const WEEKDAY[7] = {"Mondays", "Tuesdays", "Wednesdays", "Thursdays",
                                           "Fridays", "Saturdays", "Sundays"};
    char q[16];
    switch (v) {
    case REMIND_SILENT_QUIET:
        printf("Silent: %02d:%02d is in your quiet hours (%s).\n", now.minute / 60, now.minute % 60,
               remind_format_quiet(&p, q, sizeof q));
        return 0;
    case REMIND_SILENT_DAY:
        printf("Silent: no reminders on %s.\n", WEEKDAY[day_weekday(now.day)]);
        return 0;
    case REMIND_SILENT_PRACTISED:
        if (since_day == now.day && since_min > now.day_start_hour * 60)
            printf("Silent: you have practised since %02d:%02d.\n", since_min / 60, since_min % 60);
        else
            printf("Silent: you have practised today.\n");
        return 0;
    case REMIND_SHOW: break;
    }
    if (r->dry_run) {
        printf("Would show: %s\n  %s\n  [%s] opens a quick calm\n", remind_summary(),
               remind_body(now.day), remind_action_label());
        return 0;
    }
    return notify(&p, now, data_dir, dir_given);
}

int reminders_command_run(int argc, char **argv)
{
    RArgs r;
    int rc = parse(argc, argv, &r);
    if (rc >= 0) return rc;
    char data_dir[PATH_N];
    bool given;
    if (!data_dir_of(&r, data_dir, sizeof data_dir, &given)) return 1;
    if (!strcmp(r.command, "remind")) return remind(&r, data_dir, given);
    if (!strcmp(r.sub, "on")) return reminders_on(&r, data_dir, given);
    if (!strcmp(r.sub, "off")) return reminders_off();
    return reminders_status();
}
