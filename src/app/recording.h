/* Recording a practice: the one pair of calls every practice screen uses, and the check-ins
 * around it.
 *
 * How a practice screen uses it (three lines):
 *
 *     // 1. where it used to scene_push(a, &MY_SCENE, state):
 *     recording_begin(a, PRACTICE_GROUNDING, exercise->id, &MY_SCENE, state);
 *     // 2. in MY_SCENE's .enter (called when the scene really appears): start its clock
 *     timer_start(&s->timer, a->now);
 *     // 3. when it finishes, or the user leaves early (Esc), exactly once, then pop or stay:
 *     recording_end(a, timer_elapsed(&s->timer, a->now), completed, steps_done, NULL, NULL);
 *
 * and in MY_SCENE's .free, if recording_end was never called but .enter was (the window was
 * closed mid-practice), call recording_end too: it then saves at once, with no check-in.
 *
 * The flow:
 *  - recording_begin opens a record (kind, content id, start: the app clock's wall time, fake in
 *    scripted mode, from --now when given) and, when check-ins are on, shows the "before" check-in first; the practice
 *    scene is pushed (replacing the check-in) once it is answered or skipped, so its clock never
 *    runs while the question is up. With check-ins off, the scene is pushed at once. If an
 *    "after" rating was given less than RATING_REUSE_MS ago (rating.h) ("Breathe again"), it is used as
 *    this practice's "before" and the question is not asked twice in a row.
 *  - From that call on, recording_begin owns `state`: if the app closes during the before
 *    check-in, the state is freed with vt->free (or free()) and nothing is recorded.
 *  - recording_end fills in the duration (the app clock's, excluding pauses), completion, count
 *    and partners and appends the record at once; then, when check-ins are on and the practice
 *    lasted at least RATING_AFTER_MIN_MS or was completed, it pushes the "after" check-in
 *    above the current scene (a practice that pops itself right after recording_end leaves the
 *    check-in on top of the screen below it). An answer is appended as a rating record of its
 *    own naming the practice, so a practice is never lost while the question waits.
 *  - While a practice goes on, its screen reports progress (recording_progress); from
 *    RECORDING_CHECKPOINT_FIRST_MS on, a checkpoint record is appended each time it has grown by
 *    half since the last, so a long practice Attune is killed in keeps at least two thirds of
 *    its time (a few lines an hour).
 *  - Saving never crashes and never loses the practice for this run: a record that cannot be
 *    written stays in the in-memory log (stats still show it), is retried with the next save,
 *    the reason is logged to stderr, and the first failure is shown on screen once.
 */
#ifndef ATTUNE_RECORDING_H
#define ATTUNE_RECORDING_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "attune/rating.h"
#include "attune/store.h"

#define RECORDING_CHECKPOINT_FIRST_MS 120000u /* practices this long are checkpointed */

/* Starts a practice of `kind` on content `content_id` (may be NULL) whose screen is (vt, state):
 * shows the before check-in if check-ins are on, then pushes the screen. Takes ownership of
 * state (freed with vt->free or free() if the screen never appears). */
void recording_begin(App *a, PracticeKind kind, const char *content_id, const SceneVT *vt,
                    void *state);

/* The same for a practice two people do together (cards as a couple): "how stirred up do
 * you feel" is personal, so no check-ins are asked. */
void recording_begin_shared(App *a, PracticeKind kind, const char *content_id, const SceneVT *vt,
                           void *state);

/* Ends the practice begun last: duration_ms of practice (app clock), completed if it reached
 * its natural end, count = breaths, steps or cards done, partner names for a couple session
 * (both or neither; NULL for solo). Shows the after check-in if due, then saves. Safe to call
 * while the app closes (saves at once). Does nothing if no practice is open. */
void recording_end(App *a, uint64_t duration_ms, bool completed, int count, const char *partner_a,
                  const char *partner_b);

/* While the practice begun last goes on: its time so far (as recording_end would get it) and
 * count. Cheap; call it every update. Writes a checkpoint when one is due (quietly: a failure
 * is logged once, and recording_end tells the user). */
void recording_progress(App *a, uint64_t duration_ms, int count);

/* How long the loop may sleep while a practice is open, so checkpoints are written on time
 * even on screens that wait for the user. */
#define RECORDING_WAKE_MS 15000

/* Saves a record about a card (cardmemory.h: a choice or a favourite) and applies it to the
 * cards' memory at once. A failure is handled as for a practice (retried with the next save,
 * told once). */
void recording_save_card(App *a, const PracticeRecord *r);

/* True from recording_begin until the practice is saved (or dropped). */
bool recording_open(const App *a);

/* ---- check-ins (checkin.c) ---- */

/* Called by the check-in: the rating (0-10, or PRACTICE_NO_RATING when skipped). */
void recording_rated_before(App *a, int rating);
void recording_rated_after(App *a, int rating);
/* Called by the check-in when the app closes before the practice started: nothing to record. */
void recording_cancel(App *a);

/* At exit, after scene_free_all (the scenes save their practices as they are freed, with
 * a->quit set): says so if one was never ended. */
void recording_quit(App *a);

#endif
