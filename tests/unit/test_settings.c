/* Settings shared between processes: a window that saves never undoes what another window
 * or `attune import` saved meanwhile (card progress that went from 13 seen back to 1), two
 * processes saving at once both keep their changes, and commands that only read never move
 * an unreadable file aside. */
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attune/settings.h"
#include "check.h"
#include "storetest.h"

static char root[4096];

static void a_save_keeps_what_another_process_saved_meanwhile(void)
{
    char dir[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/lost", root);
    Settings first;
    settings_defaults(&first);
    settings_level(&first, "01-notice")->seen = 1;
    CHECK(settings_save(dir, &first, err, sizeof err));

    /* A window loads the settings... */
    Settings win, base;
    CHECK_INT(settings_load(dir, &win, NULL), 0);
    base = win;
    /* ...meanwhile an import (another process) raises card progress and the goal... */
    Settings other;
    CHECK_INT(settings_load(dir, &other, NULL), 0);
    settings_level(&other, "01-notice")->seen = 13;
    settings_level(&other, "02-regulate")->seen = 4;
    other.weekly_goal = 3;
    CHECK(settings_save(dir, &other, err, sizeof err));
    /* ...then the window saves its own change (sound off, one more card seen). */
    win.muted = true;
    settings_level(&win, "01-notice")->seen = 2;
    CHECK(settings_update(dir, &base, &win, NULL, err, sizeof err));

    Settings now;
    CHECK_INT(settings_load(dir, &now, NULL), 0);
    CHECK(now.muted);
    CHECK_INT(now.weekly_goal, 3);
    CHECK_INT(settings_find_level(&now, "01-notice")->seen, 13);
    CHECK(settings_find_level(&now, "02-regulate") && settings_find_level(&now, "02-regulate")->seen == 4);
    /* The window now holds the merged settings, so its next save keeps them too. */
    CHECK_INT(win.weekly_goal, 3);
    CHECK_INT(settings_find_level(&win, "01-notice")->seen, 13);
    CHECK_INT(base.weekly_goal, 3);
    win.text_size = 1.5;
    CHECK(settings_update(dir, &base, &win, NULL, err, sizeof err));
    CHECK_INT(settings_load(dir, &now, NULL), 0);
    CHECK_INT(now.weekly_goal, 3);
    CHECK_NEAR(now.text_size, 1.5, 1e-9);
    CHECK(now.muted);
}

static void a_change_made_here_wins_over_the_file(void)
{
    char dir[4096], err[512], path[4096];
    ST_FMT(dir, sizeof dir, "%s/ours", root);
    mkdir(dir, 0700);
    st_path(path, sizeof path, dir, "settings.json");
    const char *text = "{\"weekly_goal\": 4, \"from_a_newer_attune\": {\"x\": 1}}\n";
    st_write(path, text, strlen(text), "wb");
    Settings s, base;
    CHECK_INT(settings_load(dir, &s, NULL), 0);
    base = s;
    text = "{\"weekly_goal\": 6, \"from_a_newer_attune\": {\"x\": 2}}\n";
    st_write(path, text, strlen(text), "wb");
    s.weekly_goal = 2;
    CHECK(settings_update(dir, &base, &s, NULL, err, sizeof err));
    char *now = st_read(path, NULL);
    CHECK_CONTAINS(now, "\"weekly_goal\":\t2");
    CHECK_CONTAINS(now, "\"x\":\t2"); /* a key this version does not know: as the file had it */
    free(now);
}

static void two_processes_saving_at_once_both_keep_their_changes(void)
{
    char dir[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/two", root);
    enum { N = 40 };
    static const char *const ids[2] = {"level-a", "level-b"};
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        if (kids[k] == 0) {
            Settings s, base;
            settings_load(dir, &s, NULL);
            base = s;
            for (int i = 1; i <= N; i++) {
                LevelProgress *l = settings_level(&s, ids[k]);
                l->seen = i;
                l->connected = i / 2;
                if (k == 0) s.weekly_goal = 1 + i % 7;
                else s.last_minutes = 1 + i % 60;
                if (!settings_update(dir, &base, &s, NULL, err, sizeof err)) _exit(1);
            }
            _exit(0);
        }
    }
    for (int k = 0; k < 2; k++) {
        int status = 0;
        waitpid(kids[k], &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    Settings s;
    CHECK_INT(settings_load(dir, &s, NULL), 0);
    for (int k = 0; k < 2; k++) {
        const LevelProgress *l = settings_find_level(&s, ids[k]);
        CHECK(l && l->seen == N && l->connected == N / 2);
    }
    CHECK_INT(s.weekly_goal, 1 + N % 7);
    CHECK_INT(s.last_minutes, 1 + N % 60);
}

static void reading_never_moves_an_unreadable_file_aside(void)
{
    char dir[4096], path[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/peek", root);
    Settings s;
    settings_defaults(&s);
    s.weekly_goal = 3;
    CHECK(settings_save(dir, &s, err, sizeof err));
    CHECK(settings_save(dir, &s, err, sizeof err)); /* a backup with goal 3 */
    st_path(path, sizeof path, dir, "settings.json");
    st_write(path, "{ not json", 10, "wb");
    AtDiag d = {0};
    cJSON *raw = NULL;
    CHECK(settings_peek(dir, &s, &raw, &d) > 0);
    CHECK_INT(s.weekly_goal, 3); /* from the backup */
    CHECK(raw && cJSON_GetObjectItemCaseSensitive(raw, "weekly_goal"));
    CHECK(d.count >= 1 && strstr(d.msg[0], "it was left as it is"));
    CHECK_INT(st_count_prefix(dir, "settings.json.unreadable"), 0);
    char *kept = st_read(path, NULL);
    CHECK_STR(kept, "{ not json");
    free(kept);
    cJSON_Delete(raw);
    diag_free(&d);
    /* A command that writes settings does set it aside, as before. */
    CHECK(settings_load(dir, &s, NULL) > 0);
    CHECK_INT(st_count_prefix(dir, "settings.json.unreadable"), 1);
}

/* The text size is held to the sizes Settings offers, 80% to 200%, whatever the file says. */
static void the_text_size_is_held_to_what_settings_offers(void)
{
    static const char *const given[] = {"0.1", "0.8", "1.75", "2", "3", "-4"};
    static const double held[] = {0.8, 0.8, 1.75, 2.0, 2.0, 0.8};
    for (int i = 0; i < 6; i++) {
        char dir[4096], path[4200], json[100];
        ST_FMT(dir, sizeof dir, "%s/size%d", root, i);
        mkdir(dir, 0700);
        st_path(path, sizeof path, dir, "settings.json");
        int n = snprintf(json, sizeof json, "{\"text_size\": %s}\n", given[i]);
        st_write(path, json, (size_t)n, "w");
        Settings s;
        settings_load(dir, &s, NULL);
        CHECK_NEAR(s.text_size, held[i], 1e-9);
    }
}

int main(void)
{
    st_tmpdir(root, sizeof root, "settings");
    RUN(a_save_keeps_what_another_process_saved_meanwhile);
    RUN(a_change_made_here_wins_over_the_file);
    RUN(the_text_size_is_held_to_what_settings_offers);
    RUN(two_processes_saving_at_once_both_keep_their_changes);
    RUN(reading_never_moves_an_unreadable_file_aside);
    int rc = check_report();
    if (rc == 0) st_rmrf(root);
    return rc;
}
