/* The window commands the launcher uses and the Reminders screen, headless: `attune progress`
 * opens Progress, `attune breathe --choose` the breathing picker; --version and validate name the
 * content folder; Settings > Reminders writes the systemd timer at once and removes it when
 * turned off (in a temporary config folder, with a stand-in systemctl that finds no session). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "apptest.h"
#include "check.h"

static char *read_in(const char *dir, const char *name)
{
    char path[900];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return at_read_file(path);
}

static void progress_and_the_breathing_picker_open_from_the_command_line(void)
{
    const char *dir = at_tmpdir(0);
    CHECK_INT(at_run(dir, "progress", dir, "wait 500\ntexts $D/progress.json\n", "progress"), 0);
    cJSON *t = at_texts_of(dir, "progress");
    CHECK(at_texts_has(t, "Progress"));
    CHECK(at_texts_has(t, "Days in a row"));
    cJSON_Delete(t);

    CHECK_INT(at_run(dir, "choose", dir,
                     "wait 500\ntexts $D/picker.json\nkey Escape\nwait 500\ntexts $D/menu.json\n",
                     "breathe --choose"),
              0);
    t = at_texts_of(dir, "picker");
    CHECK(at_texts_has(t, "Box breathing"));
    CHECK(at_texts_has(t, "Length"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "menu"); /* Esc goes back to the menu */
    CHECK(at_texts_has(t, "Quick calm"));
    cJSON_Delete(t);

    CHECK_INT(at_run_cli(dir, "both", dir, "breathe box --choose"), 2);
    char *err = read_in(dir, "both.err");
    CHECK_CONTAINS(err, "--choose goes with 'breathe' alone");
    free(err);
}

static void version_and_validate_name_the_content_folder(void)
{
    const char *dir = at_tmpdir(1);
    CHECK_INT(at_run_cli(dir, "version", dir, "--version"), 0);
    char *out = read_in(dir, "version.out");
    CHECK_CONTAINS(out, "content: ");
    CHECK_CONTAINS(out, "/levels (source tree of this build)");
    free(out);
    CHECK_INT(at_run_cli(dir, "validate", dir, "validate"), 0);
    out = read_in(dir, "validate.out");
    CHECK_CONTAINS(out, "Content folder: ");
    free(out);
    /* An author's folder that does not exist: a clear refusal. */
    setenv("ATTUNE_CONTENT_DIR", "/no/such/attune/content", 1);
    CHECK_INT(at_run_cli(dir, "nocontent", dir, "list"), 1);
    unsetenv("ATTUNE_CONTENT_DIR");
    char *err = read_in(dir, "nocontent.err");
    CHECK_CONTAINS(err, "ATTUNE_CONTENT_DIR=/no/such/attune/content: no such folder");
    free(err);
}

static void reminders_turn_on_and_off_in_settings(void)
{
    const char *dir = at_tmpdir(2);
    char config[600], timer[800], path[800];
    snprintf(config, sizeof config, "%s/config", dir);
    snprintf(timer, sizeof timer, "%s/systemd/user/attune-reminder.timer", config);
    setenv("XDG_CONFIG_HOME", config, 1);
    setenv("ATTUNE_SYSTEMCTL", "false", 1); /* no user session */
    /* Settings' last row is Reminders; on, then the next choice of times. */
    const char *on = "wait 300\nkey End\nkey Return\nwait 400\nkey End\nkey Return\nwait 400\n"
                     "texts $D/off.json\nkey Return\nwait 100\ntexts $D/on.json\n"
                     "key Down\nkey Right\nwait 100\ntexts $D/times.json\n";
    CHECK_INT(at_run(dir, "on", dir, on, ""), 0);
    cJSON *t = at_texts_of(dir, "off");
    CHECK(at_texts_has(t, "Reminders"));
    CHECK(at_texts_has(t, "Off"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "on");
    CHECK(at_texts_has(t, "On"));
    CHECK(at_texts_contains(t, "They start with your next login session."));
    cJSON_Delete(t);
    t = at_texts_of(dir, "times");
    CHECK(at_texts_has(t, "09:00"));
    cJSON_Delete(t);
    char *text = at_read_file(timer);
    CHECK_CONTAINS(text, "OnCalendar=*-*-* 09:00:00");
    free(text);
    snprintf(path, sizeof path, "%s/systemd/user/attune-reminder.service", config);
    text = at_read_file(path);
    CHECK_CONTAINS(text, "--data-dir");
    CHECK_CONTAINS(text, dir);
    free(text);

    /* Settings shows the times; turning them off removes the files. */
    const char *off = "wait 300\nkey End\nkey Return\nwait 400\nkey End\nwait 100\n"
                      "texts $D/settings.json\nkey Return\nwait 400\nkey Return\nwait 100\n"
                      "texts $D/off2.json\n";
    CHECK_INT(at_run(dir, "off", dir, off, ""), 0);
    t = at_texts_of(dir, "settings");
    CHECK(at_texts_has(t, "09:00"));
    cJSON_Delete(t);
    t = at_texts_of(dir, "off2");
    CHECK(at_texts_has(t, "Off"));
    cJSON_Delete(t);
    CHECK(access(timer, F_OK) != 0);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("ATTUNE_SYSTEMCTL");
}

int main(int argc, char **argv)
{
    at_init(argc, argv);
    RUN(progress_and_the_breathing_picker_open_from_the_command_line);
    RUN(version_and_validate_name_the_content_folder);
    RUN(reminders_turn_on_and_off_in_settings);
    return check_report();
}
