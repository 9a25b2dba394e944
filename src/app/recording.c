/* Recording practice: the record under way, its check-ins and saving it. The rules live in the
 * core (store, rating); this file only decides when to call them and how to tell the user. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "recording.h"
#include "userdata.h"

_Static_assert(RATING_NONE == PRACTICE_NO_RATING, "a skipped check-in is one value everywhere");

/* ---- saving a practice ---- */

static void remember_unsaved(App *a, const PracticeRecord *r)
{
    AppData *d = &a->data;
    if (d->nunsaved == APP_UNSAVED_MAX) {
        /* Keep the newest; the oldest stays in memory for this run only. A card's choice or
         * favourite goes first: a practice matters more. */
        int drop = 0;
        for (int i = 0; i < d->nunsaved; i++)
            if (d->unsaved[i].type == RECORD_CHOICE || d->unsaved[i].type == RECORD_FAVOURITE) {
                drop = i;
                break;
            }
        memmove(d->unsaved + drop, d->unsaved + drop + 1,
                sizeof d->unsaved[0] * (size_t)(APP_UNSAVED_MAX - 1 - drop));
        d->nunsaved--;
    }
    d->unsaved[d->nunsaved++] = *r;
}

/* Appends r, with any earlier records that could not be written first (ids make a retry
 * safe); tells the user once if it fails, unless quiet (the practice's own save will). */
static void save_record_as(App *a, const PracticeRecord *r, bool quiet)
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
    if (quiet || d->save_error_shown || a->quit) return;
    d->save_error_shown = true;
    userdata_set_note(a, true, "Practice can't be saved to your data folder right now (%s). "
                      "It still counts while Attune is open.", err);
    if (err[0] >= 'a' && err[0] <= 'z') err[0] = (char)(err[0] - 'a' + 'A');
    char body[2400];
    snprintf(body, sizeof body,
             "%s.\n\nYour practice still counts while Attune is open, and Attune will try again "
             "after your next practice. Check that the data folder can be written:\n%s",
             err, a->data_dir);
    scene_open(a, a->scenes->notice, &(NoticeArgs){"Couldn't save this practice", body});
}

static void save_record(App *a, const PracticeRecord *r) { save_record_as(a, r, false); }

void recording_save_card(App *a, const PracticeRecord *r)
{
    /* Loaded first, so the record is not read back and applied twice. */
    CardMemory *m = userdata_cards(a);
    if (!cardmemory_apply(m, r)) app_log("out of memory: a card's choice is not remembered now");
    save_record_as(a, r, true);
}

static void save_current(App *a)
{
    AppData *d = &a->data;
    if (!d->current_open) return;
    d->current_open = false;
    userdata_load_log(a);
    if (!log_add(&d->log, &d->current))
        app_log("out of memory: this practice is not in the stats shown now");
    save_record(a, &d->current);
}

/* ---- begin and end ---- */

bool recording_open(const App *a) { return a->data.current_open; }

static void begin(App *a, PracticeKind kind, const char *content_id, const SceneVT *vt,
                  void *state, bool shared)
{
    if (!state) return;
    AppData *d = &a->data;
    if (d->current_open) /* a screen's bug: without recording_end nothing true is known of it */
        app_log("a %s practice was never ended, so it was not recorded",
                practice_kind_name(d->current.kind));
    practice_init(&d->current, kind, content_id, clock_wall(&a->clock));
    d->current_open = true;
    d->awaiting_after = false;
    d->next_checkpoint_ms = RECORDING_CHECKPOINT_FIRST_MS;
    d->checkpoint_failed = false;
    d->current_shared = shared;
    d->current.before = rating_reused_before(&d->ratings, a->now);
    bool ask = rating_ask_before(d->settings.checkins, shared, d->current.before) &&
               rating_before_wanted(kind == PRACTICE_BREATHING, content_id,
                                    d->settings.quick_calm_checkin);
    if (!ask || !scene_open(a, a->scenes->checkin, &(CheckinArgs){false, vt, state}))
        scene_push(a, vt, state); /* no room to ask: straight on, unrated */
}

void recording_begin(App *a, PracticeKind kind, const char *content_id, const SceneVT *vt,
                    void *state)
{
    begin(a, kind, content_id, vt, state, false);
}

void recording_begin_shared(App *a, PracticeKind kind, const char *content_id, const SceneVT *vt,
                           void *state)
{
    begin(a, kind, content_id, vt, state, true);
}

void recording_rated_before(App *a, int rating)
{
    AppData *d = &a->data;
    if (!d->current_open) return;
    d->current.before = rating_valid(rating);
    /* The practice starts now, not when the question appeared. */
    practice_stamp(&d->current, clock_wall(&a->clock));
}

void recording_rated_after(App *a, int rating)
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

void recording_progress(App *a, uint64_t duration_ms, int count)
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

void recording_cancel(App *a) { a->data.current_open = false; }

static void copy_name(char *dst, const char *src)
{
    snprintf(dst, PRACTICE_NAME_BYTES, "%s", src ? src : "");
}

void recording_end(App *a, uint64_t duration_ms, bool completed, int count, const char *partner_a,
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

void recording_quit(App *a)
{
    /* The scenes, freed before this, have saved their practices; one still open here was
     * never ended (a screen's bug), and nothing true is known of it. */
    if (a->data.current_open)
        app_log("a %s practice was never ended, so it was not recorded",
                practice_kind_name(a->data.current.kind));
    a->data.current_open = false;
}
