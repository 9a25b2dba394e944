/* The content the app starts from: without its shipped folder it refuses to start, saying
 * which folder; `attune validate` refuses it too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "apptest.h"
#include "check.h"

static int sh(const char *cmd)
{
    int st = system(cmd);
    if (st == -1) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* A copy of the binary in DIR/bin, which finds its content in DIR/share/attune/levels as an
 * installed Attune does. Returns the copy's path. */
static const char *install_copy(const char *dir)
{
    static char bin[700];
    char cmd[2000];
    snprintf(bin, sizeof bin, "%s/bin/attune", dir);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s/bin' '%s/share/attune/levels' && cp '%s' '%s'", dir, dir,
             at_attune, bin);
    CHECK_INT(sh(cmd), 0);
    return bin;
}

static void without_shipped_content_attune_refuses_to_start_naming_the_folder(void)
{
    const char *dir = at_tmpdir(0), *data = at_tmpdir(1);
    const char *bin = install_copy(dir);
    char cmd[2400], levels[700], path[700];
    snprintf(levels, sizeof levels, "%s/share/attune/levels", dir);
    static const char *const runs[][2] = {
        {"menu", "--script /dev/null"},
        {"breathe", "breathe --script /dev/null"},
        {"list", "list"},
        {"validate", "validate"},
    };
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        snprintf(cmd, sizeof cmd, "timeout -s KILL 60 '%s' --data-dir '%s' %s >/dev/null 2>'%s/%s.err'",
                 bin, data, runs[i][1], dir, runs[i][0]);
        CHECK_INT(sh(cmd), 1);
        snprintf(path, sizeof path, "%s/%s.err", dir, runs[i][0]);
        char *err = at_read_file(path);
        CHECK_CONTAINS(err, levels);
        CHECK_CONTAINS(err, "has no breathing patterns, grounding exercises, card levels or help and crisis lines");
        free(err);
    }
    /* With the shipped files beside it, the same copy starts. */
    snprintf(cmd, sizeof cmd, "cp '%s'/levels/*.json '%s' && '%s' --data-dir '%s' validate >/dev/null 2>&1",
             at_source, levels, bin, data);
    CHECK_INT(sh(cmd), 0);
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    without_shipped_content_attune_refuses_to_start_naming_the_folder();
    return check_report();
}
