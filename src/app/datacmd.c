/* The terminal commands about the user's data: `attune stats [--json]`, `attune export FILE`,
 * `attune import FILE`. They never open a window: the core does the work, this prints it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "attune/stats.h"
#include "datacmd.h"

bool datacmd_is(const char *cmd)
{
    return cmd && (!strcmp(cmd, "stats") || !strcmp(cmd, "export") || !strcmp(cmd, "import"));
}

static int cmd_stats(const char *dir, const AtClock *clock, bool json)
{
    AtDiag d = {0};
    Settings st;
    settings_peek(dir, &st, NULL, &d); /* reading only: an unreadable file stays where it is */
    PracticeLog log = {0};
    LogReport rep;
    bool ok = log_load(dir, &log, &rep, &d);
    app_log_diag(&d);
    diag_free(&d);
    char note[300];
    if (log_report_summary(&rep, note, sizeof note)[0]) fprintf(stderr, "attune: %s\n", note);
    if (!ok) {
        log_free(&log);
        return 1;
    }
    Stats *s = malloc(sizeof *s);
    if (!s) {
        log_free(&log);
        fprintf(stderr, "attune: out of memory\n");
        return 1;
    }
    stats_compute_at(&log, day_moment_now(clock_wall(clock)), &st, s);
    char *text = NULL;
    if (json) {
        cJSON *o = stats_to_json(s);
        text = o ? cJSON_Print(o) : NULL;
        cJSON_Delete(o);
    } else {
        text = stats_format_text(s);
    }
    int rc = 0;
    if (text) {
        fputs(text, stdout);
        if (json) fputc('\n', stdout);
    } else {
        fprintf(stderr, "attune: out of memory\n");
        rc = 1;
    }
    if (json) cJSON_free(text);
    else free(text);
    free(s);
    log_free(&log);
    return rc;
}

static int cmd_export(const char *dir, const char *file)
{
    AtDiag d = {0};
    int n = 0;
    bool ok = store_export(dir, file, &n, &d);
    app_log_diag(&d);
    diag_free(&d);
    if (!ok) return 1;
    printf("Exported %d %s, your journal and your settings to %s.\n", n, n == 1 ? "practice" : "practices", file);
    return 0;
}

static int cmd_import(const char *dir, const char *file)
{
    AtDiag d = {0};
    ImportResult r = {0};
    bool ok = store_import(dir, file, &r, &d);
    app_log_diag(&d);
    diag_free(&d);
    if (!ok) return 1; /* the core's messages say what happened, and that nothing changed */
    if (r.already_there > 0)
        printf("Imported %d %s (%d %s already here).\n", r.added, r.added == 1 ? "practice" : "practices",
               r.already_there, r.already_there == 1 ? "was" : "were");
    else
        printf("Imported %d %s.\n", r.added, r.added == 1 ? "practice" : "practices");
    if (r.other_added > 0)
        printf("With them, %d %s: check-in answers, checkpoints, or lines kept for a newer Attune.\n",
               r.other_added, r.other_added == 1 ? "other line" : "other lines");
    if (r.journal_added > 0)
        printf("Your journal gained %d %s (entries, or deletions made there).\n", r.journal_added,
               r.journal_added == 1 ? "line" : "lines");
    if (r.settings_used) printf("Settings were taken from the file (you had none yet).\n");
    if (r.levels_merged > 0)
        printf("Card progress was merged for %d %s.\n", r.levels_merged, r.levels_merged == 1 ? "level" : "levels");
    return 0;
}

int datacmd_run(const char *dir, const AtClock *clock, const char *cmd, const char *file, bool json)
{
    if (!strcmp(cmd, "stats")) return cmd_stats(dir, clock, json);
    if (!file) {
        fprintf(stderr, "attune: %s needs a file name, e.g. 'attune %s attune-backup.json'\n"
                        "Try 'attune --help'.\n", cmd, cmd);
        return 2;
    }
    return !strcmp(cmd, "export") ? cmd_export(dir, file) : cmd_import(dir, file);
}
