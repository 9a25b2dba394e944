/* The scripted mode, fuzzed: random scripts of keys, clicks, typed text (long, in every
 * script of the world, now and then not UTF-8 at all) and waits, each run by the real binary
 * from one of its starting screens. Every run must end by itself, well inside a generous
 * watchdog, with exit 0, or 1 and a FILE:LINE message for a line it refuses (text that is not
 * UTF-8, or a line after Attune has quit). A crash, a sanitizer report or a hang fails, and
 * the script is kept with the command line that reproduces it.
 *
 * Usage: script_fuzz ATTUNE_BINARY SECONDS [SEED]   (SCRIPT_FUZZ_VERBOSE=1: a line per script)
 * Scripts and data folders go under /dev/shm (else $TMPDIR); failing scripts are kept under
 * $TMPDIR/script-fuzz-failures. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "attune/deck.h" /* the core's seeded generator */

#define WATCHDOG_S 120 /* one script; a fair run takes a second or two, even under ASan */

static DeckRng rng;

static uint32_t below(uint32_t n) { return deck_rng_below(&rng, n); }
static bool chance(int percent) { return (int)below(100) < percent; }

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Starting screens: the menu and every command that opens a window. */
static const char *const STARTS[] = {
    "",        "",           "breathe",     "breathe box --minutes 1", "breathe sigh",
    "ground",  "ground senses", "ground stop", "cards",                "cards 1",
    "cards 3", "cards --couple", "cards --couple 2",
};

static const char *const KEYS[] = {
    "Return", "Return", "Return", "Space",  "Space", "Up",     "Down",  "Down",  "Left",
    "Right",  "Tab",    "Backspace", "Escape", "F1",  "?",      "0",     "1",     "2",
    "3",      "5",      "7",      "9",      "T",     "S",      "M",     "E",     "N",
    "Home",   "End",    "PageUp", "PageDown", "Delete", "Keypad Enter", "Keypad 4", "A", "Z",
};

/* Pieces of text to type: every script and width, joiners and marks, and the edges. */
static const char *const WORDS[] = {
    "Ana", "Ben", "calm", "I notice", "tight chest", " ", "  ", "\xC3\xA9t\xC3\xA9", "Zo\xC3\xAB",
    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",                 /* Japanese */
    "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",                     /* Hebrew, right to left */
    "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7",             /* Arabic */
    "\xF0\x9F\x8C\xBF", "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
    "e\xCC\x81\xCC\x81\xCC\x81",                            /* combining accents */
    "\xE2\x80\x8B", "\xEF\xBB\xBF", "\xEF\xBF\xBD", "\xF4\x8F\xBF\xBF", "%s%n%x", "\\u0000",
    "\"quoted\"", "{\"json\": 1}", "<b>", "#", "\xE2\x80\xAE" "reversed",
};

/* Byte sequences that are not UTF-8 (refused by `type`: the script then ends there). */
static const char *const BAD[] = {
    "\x80", "\xC3", "\xC0\x80",
    "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80"
    "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80", /* 40 */ "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF\xFE", "\xE2\x82",
};

typedef struct Buf {
    char *s;
    size_t n, cap;
} Buf;

static void put(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s) abort();
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}

static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

static void typed_text(Buf *b)
{
    int pieces = chance(10) ? 200 + (int)below(800) : 1 + (int)below(6); /* now and then, long */
    for (int i = 0; i < pieces; i++) {
        if (chance(15)) {
            char c = (char)(0x21 + below(0x5E)); /* any printable ASCII */
            put(b, &c, 1);
        } else {
            puts_(b, WORDS[below(sizeof WORDS / sizeof WORDS[0])]);
        }
    }
}

/* One script of n commands for a w x h window; returns whether its last line is text that is
 * not UTF-8 (the one line a fair run may refuse, besides lines after a quit). */
static bool make_script(Buf *b, int n, int w, int h, const char *dir)
{
    bool bad_end = false;
    char line[700];
    for (int i = 0; i < n; i++) {
        int r = (int)below(100);
        if (r < 38) {
            const char *k = KEYS[below(sizeof KEYS / sizeof KEYS[0])];
            if (!strcmp(k, "Escape") && chance(60)) k = "Return"; /* Esc on the menu quits */
            snprintf(line, sizeof line, "key %s\n", k);
        } else if (r < 58) {
            /* mostly inside, biased to the lower half where buttons are; now and then outside */
            int x = chance(5) ? (int)below((uint32_t)w + 200) - 100 : (int)below((uint32_t)w);
            int y = chance(5) ? (int)below((uint32_t)h + 200) - 100
                              : chance(60) ? h / 2 + (int)below((uint32_t)h / 2) : (int)below((uint32_t)h);
            snprintf(line, sizeof line, "click %d %d\n", x, y);
        } else if (r < 70) {
            puts_(b, "type ");
            typed_text(b);
            puts_(b, "\n");
            continue;
        } else if (r < 97) {
            unsigned ms = chance(6) ? 10000 + below(110000) : below(2500); /* long: practices end */
            snprintf(line, sizeof line, "wait %u\n", ms);
        } else if (r < 99) {
            snprintf(line, sizeof line, "texts %s/texts.json\n", dir);
        } else {
            snprintf(line, sizeof line, "shot %s/shot.bmp\n", dir);
        }
        puts_(b, line);
    }
    if (chance(10)) {
        puts_(b, "type ");
        typed_text(b);
        puts_(b, BAD[below(sizeof BAD / sizeof BAD[0])]);
        puts_(b, "\n");
        bad_end = true;
    }
    return bad_end;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return calloc(1, 1);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)(n > 0 ? n : 0) + 1);
    size_t got = s && n > 0 ? fread(s, 1, (size_t)n, f) : 0;
    if (s) s[got] = 0;
    fclose(f);
    return s;
}

static void write_all(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0) {
        perror(path);
        exit(2);
    }
}

/* Runs attune; returns its wait status, or -1 when the watchdog had to kill it. */
static int run(char *const argv[], const char *err_path)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int nul = open("/dev/null", O_RDWR);
        if (fd < 0 || nul < 0) _exit(127);
        dup2(nul, 0);
        dup2(nul, 1);
        dup2(fd, 2);
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        /* a sanitizer report must not pass for the exit 1 of a refused line */
        setenv("ASAN_OPTIONS", "exitcode=86:abort_on_error=0", 0);
        setenv("UBSAN_OPTIONS", "halt_on_error=1:exitcode=86:print_stacktrace=1", 0);
        execv(argv[0], argv);
        _exit(127);
    }
    double until = now_s() + WATCHDOG_S;
    for (;;) {
        int st;
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid) return st;
        if (r < 0 && errno != EINTR) return -2;
        if (now_s() > until) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            return -1;
        }
        usleep(5000);
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s ATTUNE_BINARY SECONDS [SEED]\n", argv[0]);
        return 2;
    }
    const char *attune = argv[1];
    double seconds = atof(argv[2]);
    uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 0) : (uint64_t)time(NULL) ^ (uint64_t)getpid() << 32;
    deck_rng_seed(&rng, seed);
    const char *tmp = getenv("TMPDIR");
    /* Runs work in /dev/shm when there is one: every practice and setting Attune saves is
     * fsync'd, which on a busy disk takes longer than the run itself. */
    const char *work = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : tmp && *tmp ? tmp : "/tmp";
    char dir[600], fails[700];
    snprintf(dir, sizeof dir, "%s/attune-script-fuzz-XXXXXX", work);
    if (!mkdtemp(dir)) {
        perror(dir);
        return 2;
    }
    snprintf(fails, sizeof fails, "%s/script-fuzz-failures", tmp && *tmp ? tmp : "/tmp");
    printf("script fuzz: seed %llu, %.0f s, scripts under %s\n", (unsigned long long)seed, seconds, dir);
    fflush(stdout);

    double start = now_s();
    int scripts = 0, commands = 0, failures = 0, refused = 0, quit_early = 0;
    double slowest = 0;
    while (now_s() - start < seconds || scripts == 0) {
        int w = chance(70) ? 800 : 480 + (int)below(1500), h = chance(70) ? 600 : 360 + (int)below(800);
        int n = 20 + (int)below(120);
        const char *start_args = STARTS[below(sizeof STARTS / sizeof STARTS[0])];
        char script[700], err[700], data[700], win[32];
        snprintf(script, sizeof script, "%s/run.script", dir);
        snprintf(err, sizeof err, "%s/run.err", dir);
        snprintf(data, sizeof data, "%s/data-%d", dir, scripts % 4); /* data carries over a bit */
        snprintf(win, sizeof win, "%dx%d", w, h);
        Buf b = {0};
        bool bad_end = make_script(&b, n, w, h, dir);
        write_all(script, b.s, b.n);

        char *args[24];
        int na = 0;
        args[na++] = (char *)attune;
        args[na++] = "--data-dir";
        args[na++] = data;
        args[na++] = "--window";
        args[na++] = win;
        if (chance(20)) args[na++] = "--mute";
        args[na++] = "--script";
        args[na++] = script;
        char words[200];
        snprintf(words, sizeof words, "%s", start_args);
        for (char *t = strtok(words, " "); t && na < 22; t = strtok(NULL, " ")) args[na++] = t;
        args[na] = NULL;

        double t0 = now_s();
        int st = run(args, err);
        double took = now_s() - t0;
        if (took > slowest) slowest = took;
        if (getenv("SCRIPT_FUZZ_VERBOSE"))
            fprintf(stderr, "script %d: %d commands, %s --window %s, %.1f s\n", scripts, n,
                    start_args[0] ? start_args : "(menu)", win, took);
        char *msg = read_all(err);
        const char *why = NULL;
        if (st == -1) why = "hang: killed by the watchdog";
        else if (st < 0) why = "could not wait for it";
        else if (WIFSIGNALED(st)) why = "crash: killed by a signal";
        else if (strstr(msg, "Sanitizer") || strstr(msg, "runtime error")) why = "a sanitizer report";
        else if (WEXITSTATUS(st) == 1) {
            char at[720];
            snprintf(at, sizeof at, "%s:", script);
            if (strstr(msg, at) && strstr(msg, "has already quit")) quit_early++;
            else if (bad_end && strstr(msg, at) && strstr(msg, "type needs UTF-8 text")) refused++;
            else why = "exit 1 without a FILE:LINE message for a line it may refuse";
        } else if (WEXITSTATUS(st) != 0) {
            why = "an unexpected exit status";
        } else if (bad_end) {
            why = "text that is not UTF-8 was accepted";
        }
        if (why) {
            failures++;
            mkdir(fails, 0700);
            char keep[800], keep_err[820];
            snprintf(keep, sizeof keep, "%s/fail-%llu-%d.script", fails, (unsigned long long)seed, scripts);
            snprintf(keep_err, sizeof keep_err, "%s.err", keep);
            write_all(keep, b.s, b.n);
            write_all(keep_err, msg, strlen(msg));
            fprintf(stderr, "FAILED (%s), status %d after %.1f s\n  reproduce: SDL_VIDEODRIVER=dummy "
                    "SDL_AUDIODRIVER=dummy %s --data-dir DIR --window %s --script %s %s\n  stderr: %s\n",
                    why, st, took, attune, win, keep, start_args, keep_err);
            const char *tail = strlen(msg) > 1500 ? msg + strlen(msg) - 1500 : msg;
            fprintf(stderr, "%s\n", tail);
        }
        free(msg);
        free(b.s);
        scripts++;
        commands += n;
        if (failures >= 3) break;
    }
    printf("script fuzz: %d scripts, %d commands in %.0f s (slowest %.1f s): %d failed; "
           "%d ended on text that is not UTF-8, refused with FILE:LINE; %d quit before their end\n",
           scripts, commands, now_s() - start, slowest, failures, refused, quit_early);
    if (!failures) {
        char cmd[800];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    }
    return failures ? 1 : 0;
}
