/* The user's data held by the app: settings and the practice log, loaded and saved through the
 * core, and the one note about a problem with the data folder that the menu shows. */
#include <stdio.h>
#include <string.h>

#include "userdata.h"

/* ---- notes for the user ---- */

/* The first problem is the one to show (later ones are usually its consequences), except
 * that practice not being saved matters most, so it replaces any other (force). */
void userdata_set_note(App *a, bool force, const char *fmt, const char *arg)
{
    if (a->data.note[0] && !force) return;
    snprintf(a->data.note, sizeof a->data.note, fmt, arg);
}

const char *userdata_note(const App *a) { return a->data.note[0] ? a->data.note : NULL; }

/* ---- settings ---- */

void userdata_load_settings(App *a, bool mute_flag)
{
    AtDiag d = {0};
    int problems = settings_load(a->data_dir, &a->data.settings, &d);
    a->data.settings_base = a->data.settings;
    for (int i = 0; i < d.count; i++) app_log("%s", d.msg[i]);
    if (problems > 0) {
        /* The core's words name the file and what happened to it; two lines at most. */
        char msg[1000];
        snprintf(msg, sizeof msg, "%s%s%s", d.count ? d.msg[0] : "Some settings could not be read.",
                 d.count > 1 ? " " : "", d.count > 1 ? d.msg[1] : "");
        userdata_set_note(a, false, "About your settings: %s", msg);
    }
    diag_free(&d);
    a->text_size = (float)a->data.settings.text_size;
    theme_apply(a);
    a->audio_muted_setting = mute_flag || a->data.settings.muted;
}

void userdata_without_data(App *a, bool mute_flag)
{
    settings_defaults(&a->data.settings);
    a->data.settings_base = a->data.settings;
    a->data.log_loaded = true; /* nothing to read: main.c has said why, once */
    a->audio_muted_setting = mute_flag;
    userdata_set_note(a, false, "Your data folder can't be used (%s), so practice isn't saved.", a->data_dir);
}

void userdata_save_settings(App *a)
{
    char err[1200];
    /* Only what changed here is written: a second window or an import meanwhile keeps its own. */
    if (settings_update(a->data_dir, &a->data.settings_base, &a->data.settings, NULL, err,
                        sizeof err))
        return;
    /* Saving settings is a convenience: say so once, then stay quiet. */
    if (a->data.settings_save_failed) return;
    a->data.settings_save_failed = true;
    app_log("%s", err);
    userdata_set_note(a, false, "Your settings can't be saved right now: %s", err);
    a->dirty = true;
}

void userdata_settings_changed(App *a)
{
    a->data.settings.muted = audio_muted(a);
    a->data.settings.text_size = a->text_size;
    userdata_save_settings(a);
}

/* ---- the log ---- */

void userdata_load_log(App *a)
{
    if (a->data.log_loaded) return;
    a->data.log_loaded = true;
    AtDiag d = {0};
    PracticeLog loaded = {0};
    bool ok = log_load(a->data_dir, &loaded, &a->data.report, &d);
    for (int i = 0; i < d.count; i++) app_log("%s", d.msg[i]);
    /* Practices recorded before the log was read (it is read after the first frame) stay. */
    for (int i = 0; i < a->data.log.count; i++)
        if (log_find(&loaded, a->data.log.rec[i].id) < 0) log_add(&loaded, &a->data.log.rec[i]);
    log_free(&a->data.log);
    a->data.log = loaded;
    char buf[300];
    if (!ok)
        userdata_set_note(a, false, "Your practice history could not be read (%s). It was left as it is.",
                 d.count ? d.msg[0] : "see the terminal");
    else if (log_report_summary(&a->data.report, buf, sizeof buf)[0])
        userdata_set_note(a, false, "%s", buf);
    diag_free(&d);
    a->dirty = true;
}

CardMemory *userdata_cards(App *a)
{
    AppData *d = &a->data;
    if (d->cards_loaded) return &d->cards;
    d->cards_loaded = true;
    /* Read when cards are first opened, not at start-up: most visits never need it. Lines it
     * cannot read are the log's (userdata_load_log tells the user about them). */
    AtDiag diag = {0};
    if (!cardmemory_load(a->data_dir, &d->cards, &diag))
        for (int i = 0; i < diag.count; i++) app_log("%s", diag.msg[i]);
    diag_free(&diag);
    return &d->cards;
}

void userdata_quit(App *a)
{
    log_free(&a->data.log);
    cardmemory_free(&a->data.cards);
}
