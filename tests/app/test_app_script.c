/* The scripted mode itself: a bad line stops the run with FILE:LINE and a reason, never a
 * hang, and lines of any length are read whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "apptest.h"
#include "check.h"

/* Runs attune on DIR/NAME.script holding exactly `len` bytes of `script` (NUL bytes
 * included), with a watchdog: a run that outlives it is killed and counts as a hang (124).
 * Returns the exit status; stderr is in DIR/NAME.err. */
static int run_bytes(const char *dir, const char *name, const char *data, const char *script,
                     size_t len, const char *args)
{
    char path[600], cmd[2400];
    snprintf(path, sizeof path, "%s/%s.script", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    fwrite(script, 1, len, f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "timeout -s KILL 60 '%s' --data-dir '%s' --window 800x600 --script '%s' %s "
             "2>'%s/%s.err' >/dev/null </dev/null",
             at_attune, data, path, args, dir, name);
    int st = system(cmd);
    if (st == -1) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static char *err_of(const char *dir, const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s.err", dir, name);
    char *s = at_read_file(path);
    return s ? s : calloc(1, 1);
}

static void typing_forty_continuation_bytes_is_refused_with_file_and_line(void)
{
    const char *dir = at_tmpdir(0), *data = at_tmpdir(1);
    char script[200] = "wait 100\n# forty bytes that continue a character that never began\ntype ";
    size_t n = strlen(script);
    memset(script + n, 0x80, 40);
    n += 40;
    memcpy(script + n, "\nwait 100\n", 10);
    n += 10;
    CHECK_INT(run_bytes(dir, "cont", data, script, n, ""), 1);
    char *err = err_of(dir, "cont");
    char want[700];
    snprintf(want, sizeof want, "%s/cont.script:3: type needs UTF-8 text", dir);
    CHECK_CONTAINS(err, want);
    free(err);
}

static void every_kind_of_invalid_utf8_is_refused(void)
{
    static const char *const bad[] = {
        "\xC3",                 /* cut short */
        "ab\xC0\x80",           /* overlong NUL */
        "\xED\xA0\x80",         /* a surrogate */
        "\xF4\x90\x80\x80",     /* above U+10FFFF */
        "\xFF",                 /* never in UTF-8 */
    };
    const char *dir = at_tmpdir(0), *data = at_tmpdir(1);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char script[100], name[20];
        int n = snprintf(script, sizeof script, "type %s\n", bad[i]);
        snprintf(name, sizeof name, "bad%zu", i);
        CHECK_INT(run_bytes(dir, name, data, script, (size_t)n, ""), 1);
        char *err = err_of(dir, name);
        CHECK_CONTAINS(err, ".script:1: type needs UTF-8 text");
        free(err);
    }
}

static void long_lines_and_wide_characters_are_typed_whole(void)
{
    /* 5000 bytes of three- and four-byte characters on one line: read as one line (not cut
     * at a buffer's end into a second, unknown command), split into events between
     * characters, and the run goes on to its last line. */
    const char *dir = at_tmpdir(0), *data = at_tmpdir(1);
    size_t cap = 8000, n = 0;
    char *script = malloc(cap);
    n += (size_t)snprintf(script, cap, "type ");
    while (n < 5000) {
        memcpy(script + n, "\xE2\x82\xAC\xF0\x9F\x8C\xBF", 7); /* euro sign, herb */
        n += 7;
    }
    n += (size_t)snprintf(script + n, cap - n, "\nwait 100\ntexts %s/names.json\n", dir);
    /* Into the first partner's name, which keeps at most 32 characters. */
    CHECK_INT(run_bytes(dir, "long", data, script, n, "cards --couple"), 0);
    free(script);
    cJSON *t = at_texts_of(dir, "names");
    CHECK(at_texts_contains(t, "\xE2\x82\xAC\xF0\x9F\x8C\xBF\xE2\x82\xAC"));
    cJSON_Delete(t);
}

static void a_nul_byte_in_a_line_is_refused(void)
{
    const char *dir = at_tmpdir(0), *data = at_tmpdir(1);
    static const char script[] = "wait 10\ntype ab\0cd\nwait 10\n";
    CHECK_INT(run_bytes(dir, "nul", data, script, sizeof script - 1, ""), 1);
    char *err = err_of(dir, "nul");
    CHECK_CONTAINS(err, "nul.script:2: a NUL byte in the line");
    free(err);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    typing_forty_continuation_bytes_is_refused_with_file_and_line();
    every_kind_of_invalid_utf8_is_refused();
    long_lines_and_wide_characters_are_typed_whole();
    a_nul_byte_in_a_line_is_refused();
    return check_report();
}
