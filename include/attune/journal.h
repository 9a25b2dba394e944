/* The journal: what the user chose to keep to read later, in DIR/notes.jsonl. Three kinds of
 * entry: a note typed during a grounding exercise, a feeling named there (with how strong, if
 * given), and a reflection answering a card's or a round's question. One JSON object per line,
 * only ever appended to, with the practice log's promises (store.h): an append is one write and
 * one fsync, files are the user's alone (0600, folders 0700), a torn last line is dropped on
 * load and cannot damage the next append. Deleting an entry appends a line that hides it:
 *
 *   {"id":"3f..","kind":"note","date":"2026-03-08","time":"21:14:03","utc_offset_min":60,
 *    "exercise":"five-senses","step":3,"text":"the kettle"}
 *   {"id":"a1..","kind":"feeling","date":..,"time":..,"exercise":"stop","step":2,
 *    "feeling":"tense","strength":4}
 *   {"id":"77..","kind":"reflection","date":..,"time":..,"deck":"regulate","card":"late-text",
 *    "question":"What did you need then?","text":"to be asked"}
 *   {"id":"c0..","deletes":"3f..","date":..,"time":..,"utc_offset_min":60}
 *
 * Lines written before the journal had ids ({"date","exercise","step","text"}: notes) still
 * load, with an id derived from the line's bytes ("n" + 16 hex digits, "-2", "-3"... for a
 * repeat of the same line), so they can be deleted like any other. Lines with an id and a kind
 * this version does not know (a newer Attune's) are kept and exported, never shown.
 */
#ifndef ATTUNE_JOURNAL_H
#define ATTUNE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "attune/diag.h"

#define JOURNAL_FILE "notes.jsonl"
#define JOURNAL_ID_LEN 32         /* 1..32 of [a-z0-9_-]; generated ones are 32 hex digits */
#define JOURNAL_SOURCE_MAX 40     /* an exercise or deck id */
#define JOURNAL_TEXT_MAX 1000     /* bytes of a note or an answer, cut on a character boundary */
#define JOURNAL_QUESTION_MAX 600  /* bytes of the question a reflection answers */
#define JOURNAL_FEELING_MAX 80    /* bytes of a feeling word */
#define JOURNAL_STRENGTH_MAX 5
/* At most this many per-line messages are added to the diag by one load. */
#define JOURNAL_MAX_MESSAGES 10

typedef enum JournalKind {
    JOURNAL_NOTE,       /* "note": text typed at a step of an exercise */
    JOURNAL_FEELING,    /* "feeling": a feeling named at a step, strength 1..5 or 0 (not given) */
    JOURNAL_REFLECTION, /* "reflection": an answer to a card's or a round's question */
    JOURNAL_KIND_COUNT
} JournalKind;

typedef struct JournalEntry {
    char id[JOURNAL_ID_LEN + 1];
    JournalKind kind;
    char date[11];     /* local "YYYY-MM-DD" when it was saved */
    char time[9];      /* local "HH:MM:SS", or "" (a note saved before the journal had times) */
    int utc_offset_min;
    /* note, feeling: the exercise id; reflection: the deck id ("" if none) */
    char source[JOURNAL_SOURCE_MAX + 1];
    int step;          /* note, feeling: 1-based, as the user saw it ("Step 3 of 8"); 0 none */
    char card[JOURNAL_SOURCE_MAX + 1];     /* reflection: the card's id; "" for a whole round */
    char practice[JOURNAL_ID_LEN + 1];     /* the practice record it belongs to, or "" */
    char feeling[JOURNAL_FEELING_MAX + 1]; /* feeling */
    int strength;                          /* feeling: 1..JOURNAL_STRENGTH_MAX, 0 not given */
    char question[JOURNAL_QUESTION_MAX + 1]; /* reflection */
    char text[JOURNAL_TEXT_MAX + 1];         /* note, reflection */
} JournalEntry;

/* "note", "feeling", "reflection" ("unknown" out of range). */
const char *journal_kind_name(JournalKind k);

/* A new entry: zeroed, a fresh id, stamped at local time `when` (the current time if `when`
 * cannot be converted). The caller fills in the rest. */
void journal_entry_init(JournalEntry *e, JournalKind kind, time_t when);

/* Sets dst (of size cap) to src cut to fit on a UTF-8 character boundary. */
void journal_copy_text(char *dst, size_t cap, const char *src);

/* Appends entries[0..n) with one write and one fsync. Each is checked first (a known kind, an
 * id, a date; a note or reflection with text, a feeling with a word and a strength 0..5): an
 * entry that is not is refused, and nothing is written. Returns false with a message in err
 * ("could not save to DIR/notes.jsonl: why"). Retrying after a failure is safe: a repeated id
 * loads once. */
bool journal_append(const char *dir, const JournalEntry *entries, int n, char *err, size_t errlen);

/* Hides the entry with this id: appends {"id", "deletes", "date", "time", ...} stamped at
 * `when`. The entry's line stays in the file (the file is only ever appended to); it is no
 * longer loaded, exported or searched. False with a message in err. */
bool journal_delete(const char *dir, const char *id, time_t when, char *err, size_t errlen);

typedef struct Journal {
    JournalEntry *entry; /* visible entries, newest first (by date and time; then file order) */
    int count;
    int hidden;          /* entries hidden by a deletion */
    int unreadable;      /* lines skipped: not an entry (torn last lines are dropped, not counted) */
    int other;           /* lines of a kind this version does not know: kept, not shown */
} Journal;

/* Loads DIR/notes.jsonl into *out (overwritten; missing folder or file: empty). Unreadable
 * lines are skipped, counted and described in diag ("DIR/notes.jsonl: line 12: date: expected
 * YYYY-MM-DD", at most JOURNAL_MAX_MESSAGES); a repeated id keeps its first line. The file is
 * never modified. False only if the file exists and cannot be read (message in diag, which may
 * be NULL); *out is then empty. Free with journal_free. */
bool journal_load(const char *dir, Journal *out, AtDiag *diag);
void journal_free(Journal *j);

/* Index in j of the entry with this id, or -1. */
int journal_find(const Journal *j, const char *id);

/* Whether entry e matches a search: every word of query (split at spaces and punctuation)
 * begins a word of the entry's text, feeling or question, ignoring case (ASCII, Latin-1,
 * Latin Extended-A, Greek and Cyrillic letters; other characters compare as they are). Bytes
 * that are not UTF-8 compare as themselves. An empty or blank query matches everything. */
bool journal_entry_matches(const JournalEntry *e, const char *query);

/* The indexes of the entries of j that match query, newest first, into idx (room for j->count);
 * returns how many. */
int journal_search(const Journal *j, const char *query, int *idx);

#endif
