/* Notes the user wrote during a grounding exercise and chose to keep: entries of the journal
 * (journal.h), in DIR/notes.jsonl. */
#ifndef ATTUNE_NOTES_H
#define ATTUNE_NOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "attune/journal.h"

#define NOTES_FILE JOURNAL_FILE
#define NOTE_TEXT_MAX 400   /* bytes of one note: a few sentences */

/* Appends n notes of one exercise, texts[i] for step steps[i] (1-based), as journal entries of
 * kind "note" dated at local time `when`, with one write. Texts are cut to NOTE_TEXT_MAX bytes
 * on a character boundary. Returns false with a message in err ("could not save to
 * DIR/notes.jsonl: why"). */
bool notes_append(const char *dir, const char *exercise, const int *steps,
                  const char *const *texts, int n, time_t when, char *err, size_t errlen);

#endif
