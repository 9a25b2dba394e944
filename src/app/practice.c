/* Recording practice: the record under way, its check-ins, saving it, and the user's data
 * (settings and log) held by the app. The rules live in the core (store, settings, streak);
 * this file only decides when to call them and how to tell the user. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "practice.h"

_Static_assert(RATING_NONE == PRACTICE_NO_RATING, "a skipped check-in is one value everywhere");

/* ---- notes for the user ---- */

/* The first problem is the one to show (later ones are usually its consequences), except
 * that practice not being saved matters most, so it replaces any other (force). */
static void set_note(App *a, bool force, const char *fmt, const char *arg)
{
    if (a->data.note[0] && !force) return;
    snprintf(a->data.note, sizeof a->data.note, fmt, arg);
}

const char *practice_note(const App *a) { return a->data.note[0] ? a->data.note : NULL; }

/* ---- settings ---- */

void practice_load_settings(App *a, bool mute_flag)
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
        set_note(a, false, "About your settings: %s", msg);
    }
    diag_free(&d);
    a->text_size = (float)a->data.settings.text_size;
    theme_apply(a);
    a->audio_muted_setting = mute_flag || a->data.settings.muted;
}

void practice_without_data(App *a, bool mute_flag)
{
    settings_defaults(&a->data.settings);
    a->data.settings_base = a->data.settings;
    a->data.log_loaded = true; /* nothing to read: main.c has said why, once */
    a->audio_muted_setting = mute_flag;
    set_note(a, false, "Your data folder can't be used (%s), so practice isn't saved.", a->data_dir);
}

void practice_save_settings(App *a)
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
    set_note(a, false, "Your settings can't be saved right now: %s", err);
    a->dirty = true;
}

void settings_changed(App *a)
{
    a->data.settings.muted = audio_muted(a);
    a->data.settings.text_size = a->text_size;
    practice_save_settings(a);
}

/* ---- the log ---- */

void practice_load_log(App *a)
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
        set_note(a, false, "Your practice history could not be read (%s). It was left as it is.",
                 d.count ? d.msg[0] : "see the terminal");
    else if (log_report_summary(&a->data.report, buf, sizeof buf)[0])
        set_note(a, false, "%s", buf);
    diag_free(&d);
    a->dirty = true;
}

/* ---- saving a practice ---- */

static void remember_unsaved(App *a, const PracticeRecord *r)
{
    AppData *d = &a->data;
    if (d->nunsaved == APP_UNSAVED_MAX) {
        /* Keep the newest; the oldest stays in memory for this run only. */
        memmove(d->unsaved, d->unsaved + 1, sizeof d->unsaved[0] * (APP_UNSAVED_MAX - 1));
        d->nunsaved--;
    }
    d->unsaved[d->nunsaved++] = *r;
}

/* Appends r, with any earlier records that could not be written first (ids make a retry
 * safe); tells the user once if it fails. */
static void save_record(App *a, const PracticeRecord *r)
{
    AppData *d = &a->data;
    remember_unsaved(a, r);
    char err[1200];
    if (log_append_many(a->data_dir, d->unsaved, d->nunsaved, err, sizeof err)) {
        if (getenv("ATTUNE_TRACE_SAVES")) /* for the torture test: what was acknowledged */
            for (int i = 0; i < d->nunsaved; i++) app_log("saved %s", d->unsaved[i].id);
        d->nunsaved = 0;
        return;
    }
    app_log("couldn't save this practice: %s", err);
    if (d->save_error_shown || a->quit) return;
    d->save_error_shown = true;
    set_note(a, true, "Practice can't be saved to your data folder right now (%s). "
                      "It still counts while Attune is open.", err);
    if (err[0] >= 'a' && err[0] <= 'z') err[0] = (char)(err[0] - 'a' + 'A');
    char body[2400];
    snprintf(body, sizeof body,
             "%s.\n\nYour practice still counts while Attune is open, and Attune will try again "
             "after your next practice. Check that the data folder can be written:\n%s",
             err, a->data_dir);
    scene_open(a, a->scenes->notice, &(NoticeArgs){"Couldn't save this practice", body});
}

static void save_current(App *a)
{
    AppData *d = &a->data;
    if (!d->current_open) return;
    d->current_open = false;
    practice_load_log(a);
    if (!log_add(&d->log, &d->current))
        app_log("out of memory: this practice is not in the stats shown now");
    save_record(a, &d->current);
}

/* ---- begin and end ---- */

bool practice_open(const App *a) { return a->data.current_open; }

static void begin(App *a, PracticeKind kind, const char *content_id, const SceneVT *vt,
                  void *state, bool shared)
{
    if (!state) return;
    AppData *d = &a->data;
    if (d->current_open) /* a screen's bug: without practice_end nothing true is known of it */
        app_log("a %s practice was never ended, so it was not recorded",
                practice_kind_name(d->current.kind));
    practice_init(&d->current, kind, content_id, clock_wall(&a->clock));
    d->current_open = true;
    d->awaiting_after = false;
    d->next_checkpoint_ms = PRACTICE_CHECKPOINT_FIRST_MS;
    d->checkpoint_failed = false;
    d->current_shared = shared;
    d->current.before = rating_reused_before(&d->ratings, a->now);
    bool ask = rating_ask_before(d->settings.checkins, shared, d->current.before) &&
               rating_before_wanted(kind == PRACTICE_BREATHING, content_id,
                                    d->settings.quick_calm_checkin);
    if (!ask || !scene_open(a, a->scenes->checkin, &(CheckinArgs){false, vt, state}))
        scene_push(a, vt, state); /* no room to ask: straight on, unrated */
}

void practice_begin(App *a, PracticeKind kind, const char *content_id, const SceneVT *vt,
                    void *state)
{
    begin(a, kind, content_id, vt, state, false);
}

void practice_begin_shared(App *a, PracticeKind kind, const char *content_id, const SceneVT *vt,
                           void *state)
{
    begin(a, kind, content_id, vt, state, true);
}

void practice_rated_before(App *a, int rating)
{
    AppData *d = &a->data;
    if (!d->current_open) return;
    d->current.before = rating_valid(rating);
    /* The practice starts now, not when the question appeared. */
    practice_stamp(&d->current, clock_wall(&a->clock));
}

void practice_rated_after(App *a, int rating)
{
    AppData *d = &a->data;
    if (!d->awaiting_after) return;
    d->awaiting_after = false;
    int after = rating_valid(rating);
    rating_remember_after(&d->ratings, after, a->now);
    if (after < 0) return; /* skipped: the practice is saved already */
    d->current.after = after;
    int i = log_find(&d->log, d->current.id);
    if (i >= 0) d->log.rec[i].after = after;
    PracticeRecord r;
    practice_rating(&r, &d->current, after, clock_wall(&a->clock));
    save_record(a, &r);
}

void practice_progress(App *a, uint64_t duration_ms, int count)
{
    AppData *d = &a->data;
    if (!d->current_open || duration_ms < d->next_checkpoint_ms) return;
    /* The next when the practice has grown by half (at least a minute) since this one. */
    uint64_t next = duration_ms + duration_ms / 2;
    d->next_checkpoint_ms = next < duration_ms + 60000 ? duration_ms + 60000 : next;
    PracticeRecord p = d->current, c;
    p.duration_ms = duration_ms > PRACTICE_MAX_DURATION_MS ? PRACTICE_MAX_DURATION_MS
                                                           : (uint32_t)duration_ms;
    p.count = count < 0 ? 0 : count > PRACTICE_MAX_COUNT ? PRACTICE_MAX_COUNT : count;
    practice_checkpoint(&c, &p);
    char err[1200];
    if (log_append(a->data_dir, &c, err, sizeof err)) return;
    if (!d->checkpoint_failed) app_log("couldn't save a checkpoint of this practice: %s", err);
    d->checkpoint_failed = true;
}

void practice_cancel(App *a) { a->data.current_open = false; }

static void copy_name(char *dst, const char *src)
{
    snprintf(dst, PRACTICE_NAME_BYTES, "%s", src ? src : "");
}

void practice_end(App *a, uint64_t duration_ms, bool completed, int count, const char *partner_a,
                  const char *partner_b)
{
    AppData *d = &a->data;
    if (!d->current_open) return;
    PracticeRecord *r = &d->current;
    r->duration_ms = duration_ms > PRACTICE_MAX_DURATION_MS ? PRACTICE_MAX_DURATION_MS
                                                            : (uint32_t)duration_ms;
    r->completed = completed;
    r->count = count < 0 ? 0 : count > PRACTICE_MAX_COUNT ? PRACTICE_MAX_COUNT : count;
    bool couple = partner_a && partner_b && *partner_a && *partner_b;
    copy_name(r->partner_a, couple ? partner_a : NULL);
    copy_name(r->partner_b, couple ? partner_b : NULL);
    bool ask = !a->quit && rating_ask_after(d->settings.checkins, d->current_shared, completed, duration_ms);
    save_current(a); /* now: the check-in may wait for ever, or Attune may be stopped meanwhile */
    d->awaiting_after = ask && scene_open(a, a->scenes->checkin, &(CheckinArgs){true, NULL, NULL});
}

void practice_quit(App *a)
{
    /* The scenes, freed before this, have saved their practices; one still open here was
     * never ended (a screen's bug), and nothing true is known of it. */
    if (a->data.current_open)
        app_log("a %s practice was never ended, so it was not recorded",
                practice_kind_name(a->data.current.kind));
    a->data.current_open = false;
    log_free(&a->data.log);
}
