/* The command line as a contract: extra or misplaced arguments are refused with a usage line
 * and status 2; `attune help` is --help; `attune validate PATH...` checks an author's files
 * with the rules of shipped content and counts what it checked; without a display, only
 * Attune's own message is printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "apptest.h"
#include "check.h"

static char *read_in(const char *dir, const char *name)
{
    char path[900];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return at_read_file(path);
}

static void write_in(const char *dir, const char *name, const char *text)
{
    char path[900];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void refused(const char *dir, const char *name, const char *args, const char *says,
                    const char *usage)
{
    CHECK_INT(at_run_cli(dir, name, dir, args), 2);
    char file[200];
    snprintf(file, sizeof file, "%s.err", name);
    char *err = read_in(dir, file);
    CHECK_CONTAINS(err, says);
    CHECK_CONTAINS(err, usage);
    free(err);
}

static void extra_and_misplaced_arguments_are_refused(void)
{
    const char *dir = at_tmpdir(0);
    refused(dir, "list", "list extra", "unexpected argument \"extra\"", "Usage: attune list");
    refused(dir, "stats", "stats extra", "unexpected argument \"extra\"", "Usage: attune stats");
    refused(dir, "progress", "progress now", "unexpected argument \"now\"", "Usage: attune progress");
    refused(dir, "breathe", "breathe box slow", "unexpected argument \"slow\"", "Usage: attune breathe");
    refused(dir, "export", "export a.json b.json", "unexpected argument \"b.json\"", "Usage: attune export FILE");
    refused(dir, "menu", "nothing", "unknown command \"nothing\"", "Usage: attune");
    refused(dir, "minutes", "--minutes 5 list", "--minutes goes with 'breathe' only", "Usage: attune list");
    refused(dir, "couple", "breathe --couple", "--couple goes with 'cards' only", "Usage: attune breathe");
    refused(dir, "json", "list --json", "--json goes with 'stats' only", "Usage: attune list");
    refused(dir, "window", "validate --window 800x600", "--window does not go with 'validate'",
            "Usage: attune validate [PATH...]");
    refused(dir, "small", "--window 640x480", "at least 800x600", "Usage: attune");
    /* What stays allowed: options anywhere on the line. */
    CHECK_INT(at_run_cli(dir, "ok", dir, "list --now 2026-03-08T10:00"), 0);
}

static void help_is_a_command_too(void)
{
    const char *dir = at_tmpdir(1);
    CHECK_INT(at_run_cli(dir, "flag", dir, "--help"), 0);
    CHECK_INT(at_run_cli(dir, "word", dir, "help"), 0);
    char *a = read_in(dir, "flag.out"), *b = read_in(dir, "word.out");
    CHECK(a && b && !strcmp(a, b));
    CHECK_CONTAINS(b, "validate [PATH...]");
    free(a);
    free(b);
    refused(dir, "extra", "help me", "unexpected argument \"me\"", "Usage: attune help");
}

static void validate_checks_the_paths_it_is_given(void)
{
    const char *dir = at_tmpdir(2);
    /* All the shipped content, counted in full. */
    CHECK_INT(at_run_cli(dir, "all", dir, "validate"), 0);
    char *out = read_in(dir, "all.out");
    CHECK_CONTAINS(out, " patterns, ");
    CHECK_CONTAINS(out, " exercises, ");
    CHECK_CONTAINS(out, " learning screens: no problems");
    free(out);

    /* One good file of an author's: only it is counted; it may use shipped patterns. */
    write_in(dir, "mine.json",
             "{\"patterns\": [{\"id\": \"my-square\", \"title\": \"My square\", \"when\": \"Any time.\","
             " \"minutes\": 2, \"steps\": [{\"kind\": \"in\", \"ms\": 4000}, {\"kind\": \"out\", \"ms\": 4000}]}]}\n");
    char args[1200];
    snprintf(args, sizeof args, "validate '%s/mine.json'", dir);
    int rc = at_run_cli(dir, "good", dir, args);
    out = read_in(dir, "good.out");
    char *err = read_in(dir, "good.err");
    if (rc != 0) fprintf(stderr, "validate mine.json said: %s\n", err ? err : "");
    CHECK_INT(rc, 0);
    CHECK_CONTAINS(out, "1 pattern, 0 exercises, 0 cards in 0 levels, 0 learning screens: no problems");
    free(out);
    free(err);

    /* A bad one and a missing one: each named, the status 1. */
    write_in(dir, "bad.json", "{\"patterns\": [{\"id\": \"x\"}]}\n");
    snprintf(args, sizeof args, "validate '%s/bad.json' '%s/missing.json'", dir, dir);
    CHECK_INT(at_run_cli(dir, "bad", dir, args), 1);
    out = read_in(dir, "bad.out");
    err = read_in(dir, "bad.err");
    CHECK_CONTAINS(err, "bad.json");
    CHECK_CONTAINS(err, "missing.json");
    CHECK_CONTAINS(out, "problems");
    free(out);
    free(err);

    /* The shipped folder given as a path: the same counts as a plain validate. */
    snprintf(args, sizeof args, "validate '%s/levels'", at_source);
    CHECK_INT(at_run_cli(dir, "folder", dir, args), 0);
    char *a = read_in(dir, "all.out"), *b = read_in(dir, "folder.out");
    CHECK(a && b && strstr(a, b) != NULL);
    free(a);
    free(b);
}

static void without_a_display_only_attunes_message_is_printed(void)
{
    const char *dir = at_tmpdir(3);
    char cmd[2400];
    snprintf(cmd, sizeof cmd,
             "env -u DISPLAY -u WAYLAND_DISPLAY -u XDG_RUNTIME_DIR -u SDL_VIDEODRIVER '%s' "
             "--data-dir '%s' 2>'%s/nodisplay.err' >/dev/null </dev/null",
             at_attune, dir, dir);
    int st = system(cmd);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 1);
    char *err = read_in(dir, "nodisplay.err");
    CHECK(err != NULL);
    if (err) {
        CHECK(!strncmp(err, "attune: no display found", 24));
        if (strncmp(err, "attune: no display found", 24)) fprintf(stderr, "stderr was: %s\n", err);
        CHECK(strstr(err, "XDG_RUNTIME_DIR") == NULL);
        CHECK(strchr(err, '\n') == err + strlen(err) - 1); /* one line */
    }
    free(err);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(extra_and_misplaced_arguments_are_refused);
    RUN(help_is_a_command_too);
    RUN(validate_checks_the_paths_it_is_given);
    RUN(without_a_display_only_attunes_message_is_printed);
    return check_report();
}
