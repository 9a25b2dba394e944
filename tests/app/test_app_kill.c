/* Attune stopped without warning, headless: a practice is in the history as soon as it ends,
 * even while the after check-in waits and Attune is then killed; a long practice killed
 * part-way keeps most of its time; closing the terminal (SIGHUP) saves the practice as SIGTERM
 * does. The scripted runs park on a long `wait` so the test can stop them at a known point. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "apptest.h"
#include "attune/store.h"
#include "check.h"

/* Keeps a scripted run busy (in fake time) long enough to be stopped from outside. */
#define PARK "wait 86400000\nwait 86400000\nwait 86400000\nwait 86400000\n"

/* Sends sig once DIR/NAME.json exists; returns how the process ended (-1: it never got there). */
static int stop_at(pid_t pid, const char *dir, const char *name, int sig)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s.json", dir, name);
    bool there = at_wait_for(path, 60000);
    kill(pid, there ? sig : SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!there) {
        fprintf(stderr, "%s never appeared\n", path);
        return -1;
    }
    return status;
}

static void a_finished_practice_survives_a_kill_while_the_after_check_in_waits(void)
{
    const char *dir = at_tmpdir(0);
    /* quick-calm: answer before, breathe its minute, then the after question waits. */
    const char *script = "key 6\nwait 64000\ntexts $D/asking.json\n" PARK;
    /* A quick calm asks before it only with the setting on. */
    at_write_settings(dir, "{" AT_INTROS_SEEN ", \"quick_calm_checkin\": true}");
    pid_t pid = at_spawn(dir, "ask", dir, script, "breathe quick-calm");
    int status = stop_at(pid, dir, "asking", SIGKILL);
    CHECK(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(dir, &log, &rep, NULL));
    CHECK_INT(log.count, 1);
    if (log.count == 1) {
        CHECK(log.rec[0].completed);
        CHECK_INT(log.rec[0].duration_ms, 60000);
        CHECK_INT(log.rec[0].before, 6);
        CHECK_INT(log.rec[0].after, PRACTICE_NO_RATING);
    }
    log_free(&log);
}

static void a_long_practice_killed_after_ten_minutes_keeps_most_of_it(void)
{
    const char *dir = at_tmpdir(1);
    /* Ten minutes of box breathing (after 3 s to get ready), then paused where it is. */
    const char *script = "key s\nwait 603000\nkey space\nwait 100\ntexts $D/ten.json\n" PARK;
    pid_t pid = at_spawn(dir, "ten", dir, script, "breathe box --minutes 20");
    int status = stop_at(pid, dir, "ten", SIGKILL);
    CHECK(status != -1 && WIFSIGNALED(status));
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(dir, &log, &rep, NULL));
    CHECK_INT(log.count, 1);
    CHECK_INT(rep.from_checkpoints, 1);
    CHECK(rep.lines <= 6); /* a few checkpoints, not one a minute */
    if (log.count == 1) {
        CHECK(log.rec[0].duration_ms >= 400000); /* at least two thirds of the ten minutes */
        CHECK(log.rec[0].duration_ms <= 600000);
        CHECK(!log.rec[0].completed);
        CHECK(log.rec[0].count > 0);
        CHECK_STR(log.rec[0].content, "box");
        printf("killed after 600 s of practice: %u s kept, %d lines\n",
               log.rec[0].duration_ms / 1000, rep.lines);
    }
    log_free(&log);
}

static void closing_the_terminal_saves_the_practice_like_sigterm(void)
{
    const int sigs[2] = {SIGHUP, SIGTERM};
    for (int i = 0; i < 2; i++) {
        const char *dir = at_tmpdir(2 + i);
        const char *script = "key s\nwait 33000\nkey space\nwait 100\ntexts $D/half.json\n" PARK;
        pid_t pid = at_spawn(dir, "half", dir, script, "breathe box");
        int status = stop_at(pid, dir, "half", sigs[i]);
        CHECK(status != -1 && WIFEXITED(status));
        PracticeLog log = {0};
        CHECK(log_load(dir, &log, NULL, NULL));
        CHECK_INT(log.count, 1);
        if (log.count == 1) {
            CHECK_INT(log.rec[0].duration_ms, 30000);
            CHECK(!log.rec[0].completed);
        }
        log_free(&log);
        if (check_failed) fprintf(stderr, "  with signal %d\n", sigs[i]);
    }
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(a_finished_practice_survives_a_kill_while_the_after_check_in_waits);
    RUN(a_long_practice_killed_after_ten_minutes_keeps_most_of_it);
    RUN(closing_the_terminal_saves_the_practice_like_sigterm);
    return check_report();
}
