/* Notes the user wrote during a grounding exercise and chose to keep, in DIR/notes.jsonl: one
 * JSON object per line, only ever appended to, with the practice log's promises (store.h): an
 * append is one write and one fsync, files are the user's alone (0600, folders 0700), a torn
 * last line is dropped on load and cannot damage the next append.
 *
 *   {"date":"2026-03-08","exercise":"five-senses","step":3,"text":"the kettle"}
 */
#ifndef ATTUNE_NOTES_H
#define ATTUNE_NOTES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "attune/diag.h"

#define NOTES_FILE "notes.jsonl"
#define NOTE_TEXT_MAX 400   /* bytes of one note: a few sentences */
#define NOTE_EXERCISE_MAX 40

typedef struct Note {
    char date[11];                         /* local "YYYY-MM-DD" when it was saved */
    char exercise[NOTE_EXERCISE_MAX + 1];  /* the exercise id */
    int step;                              /* 1-based, as the user saw it: "Step 3 of 8" */
    char text[NOTE_TEXT_MAX + 1];
} Note;

/* Appends n notes of one exercise, texts[i] for step steps[i] (1-based), dated at local time
 * `when`, with one write. Texts are cut to NOTE_TEXT_MAX bytes on a character boundary.
 * Returns false with a message in err ("could not save to DIR/notes.jsonl: why"). */
bool notes_append(const char *dir, const char *exercise, const int *steps,
                  const char *const *texts, int n, time_t when, char *err, size_t errlen);

typedef struct NoteList {
    Note *note;
    int count;
    int unreadable; /* lines skipped: not a note (torn last lines are dropped, not counted) */
} NoteList;

/* Loads DIR/notes.jsonl into *out (missing file: empty). False only if the file exists and
 * cannot be read (message in diag, which may be NULL). Free with notes_free. */
bool notes_load(const char *dir, NoteList *out, AtDiag *diag);
void notes_free(NoteList *l);

#endif
