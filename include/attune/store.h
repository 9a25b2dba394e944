/* The user's data folder: practice records, the append-only practice log, export and import.
 *
 * Files in the data folder (the app passes its path; see /tmp/docs-store.md for the format):
 *   practice.jsonl   one JSON record per line, only ever appended to (STORE_LOG_FILE)
 *   settings.json    settings, replaced atomically (see settings.h), with settings.json.bak
 *   notes.jsonl      the journal: notes, feelings, reflections, deletions (see journal.h)
 * Files and folders Attune creates are readable by the user only (0600, folders 0700).
 *
 * Promises:
 *  - An append returns success only after the whole line is written and fsync'd.
 *  - Loading never modifies the log: an interrupted last write ("torn" line) is dropped,
 *    unreadable lines are skipped and counted, duplicate ids keep their first record.
 *  - Nothing here prints: failures come back as false plus a message (err buffer or AtDiag).
 */
#ifndef ATTUNE_STORE_H
#define ATTUNE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "attune/diag.h"
#include "attune/jsonv.h"

#define STORE_LOG_FILE "practice.jsonl"
#define STORE_SETTINGS_FILE "settings.json"

/* ---- Practice records ---------------------------------------------------------------- */

typedef enum PracticeKind {
    PRACTICE_BREATHING, /* "breathing" */
    PRACTICE_GROUNDING, /* "grounding" */
    PRACTICE_CARDS,     /* "cards" */
    PRACTICE_KIND_COUNT
} PracticeKind;

#define PRACTICE_ID_LEN 32          /* generated ids: 32 lowercase hex digits */
#define PRACTICE_CONTENT_MAX 40     /* content id: pattern / exercise / deck id */
#define PRACTICE_NAME_MAX 32        /* partner names: at most 32 characters (UTF-8) */
#define PRACTICE_NAME_BYTES (PRACTICE_NAME_MAX * 4 + 1)
#define PRACTICE_MAX_DURATION_MS 86400000u /* one day */
#define PRACTICE_MAX_COUNT 1000000
#define PRACTICE_NO_RATING (-1)

/* What a line of the log is. A practice is written once, when it ends; what happens around
 * it is written as records of their own kinds, each with its own id, naming the practice:
 * an older Attune counts those lines as unreadable and keeps them. */
typedef enum RecordType {
    RECORD_PRACTICE,   /* kind "breathing", "grounding" or "cards" */
    RECORD_RATING,     /* kind "rating": the after check-in ("after") of practice `practice` */
    RECORD_CHECKPOINT, /* kind "checkpoint": practice `practice` so far, written while it went
                          on; used only if the practice's own record never came */
    RECORD_CHOICE,     /* kind "choice": the response picked for card `card` of level `content`,
                          played alone (cardmemory.h) */
    RECORD_FAVOURITE,  /* kind "favourite": card `card` of level `content` marked as a favourite
                          (`on`) or no longer (cardmemory.h) */
} RecordType;

/* One line of the log. Dates and times are local, as they were when it happened, with the
 * UTC offset of that moment; they are never recomputed. */
typedef struct PracticeRecord {
    char id[PRACTICE_ID_LEN + 1];          /* unique; 1..32 of [a-z0-9_-] */
    char date[11];                         /* local "YYYY-MM-DD" when it started */
    char time[9];                          /* local "HH:MM:SS" when it started */
    int utc_offset_min;                    /* e.g. +60 in Paris in winter, -420 in California */
    PracticeKind kind;
    char content[PRACTICE_CONTENT_MAX + 1]; /* pattern/exercise/deck id; "" if none */
    uint32_t duration_ms;                  /* time actually spent, <= one day */
    bool completed;                        /* reached its natural end */
    int count;                             /* breaths (cycles), steps or cards done */
    int before, after;                     /* check-in 0-10 ("how stirred up"), or -1 */
    char partner_a[PRACTICE_NAME_BYTES];   /* both set for a couple session, both "" solo */
    char partner_b[PRACTICE_NAME_BYTES];
    RecordType type;                       /* RECORD_PRACTICE unless a rating or checkpoint */
    char practice[PRACTICE_ID_LEN + 1];    /* rating, checkpoint: the id of their practice */
    char card[PRACTICE_CONTENT_MAX + 1];   /* choice, favourite: the card id (its level: content) */
    int choice;                            /* choice: the DeckStyle of the response picked */
    bool on;                               /* favourite: marked (true) or unmarked */
} PracticeRecord;

/* "breathing", "grounding", "cards" ("unknown" out of range). */
const char *practice_kind_name(PracticeKind k);
/* The kind named s, or -1. */
int practice_kind_from_name(const char *s);

/* A fresh random id: 32 hex digits from /dev/urandom (time, pid and a counter if that fails). */
void practice_new_id(char out[PRACTICE_ID_LEN + 1]);

/* Fills date, time and utc_offset_min from instant t in the current local time zone.
 * Returns false (record untouched) if t cannot be converted. */
bool practice_stamp(PracticeRecord *r, time_t t);

/* A new record: zeroed, fresh id, stamped at `started`, ratings absent (-1), solo.
 * content_id may be NULL; it is truncated to PRACTICE_CONTENT_MAX characters. */
void practice_init(PracticeRecord *r, PracticeKind kind, const char *content_id, time_t started);

/* The after rating of practice p as a record of its own (fresh id, stamped at t, "after"
 * 0-10). */
void practice_rating(PracticeRecord *out, const PracticeRecord *p, int after, time_t t);

/* A checkpoint of practice p as it is now (its duration and count so far; not completed). */
void practice_checkpoint(PracticeRecord *out, const PracticeRecord *p);

/* True for a couple session (both partner names set). */
bool practice_is_couple(const PracticeRecord *r);

/* The record as a JSON object with the log's stable keys (caller deletes). Absent ratings,
 * an empty content id and partners of a solo session are left out. A rating has id, date,
 * time, utc_offset_min, kind "rating", practice and after; a checkpoint has the practice's
 * keys with kind "checkpoint", practice (its id) and practice_kind. NULL on out-of-memory. */
cJSON *practice_to_json(const PracticeRecord *r);

/* Validates a record object at `path` (messages "FILE: PATH.key: ...") and fills *out.
 * Unknown keys are ignored. v->pool must be set. Returns false if the record is unusable. */
bool practice_from_json(JsonV *v, const cJSON *obj, const char *path, PracticeRecord *out);

/* ---- The practice log ---------------------------------------------------------------- */

/* Practices in file order (not necessarily date order: clocks get set back), each joined
 * with its rating (`after`) and, for a practice whose own record never came (Attune was
 * stopped mid-practice), made from its last checkpoint. Only RECORD_PRACTICE records.
 * Zero-initialise ({0}) before first use; free with log_free. */
typedef struct PracticeLog {
    PracticeRecord *rec;
    int count, cap;
} PracticeLog;

typedef struct LogReport {
    bool missing;   /* no log file yet (a fresh start, not an error) */
    int lines;      /* non-blank lines read */
    int loaded;     /* records now in the log */
    int torn;       /* interrupted writes dropped (the torn end of a line, never acknowledged) */
    int unreadable; /* other lines skipped: not JSON or not a valid record (the user is told) */
    int duplicates; /* lines repeating an id already loaded (kept: the first) */
    int ratings;    /* rating records joined to their practice */
    int from_checkpoints; /* practices kept from their last checkpoint (never ended) */
    bool import_pending;  /* an import was interrupted: its part of the file is ignored until
                             the next write to the log removes it */
} LogReport;

/* At most this many per-line messages are added to the diag by one load. */
#define LOG_MAX_MESSAGES 10

/* Loads DIR/practice.jsonl into *out (overwritten: log_free a previous log first). A missing
 * folder or file is an empty log; anything but a regular file (a FIFO, a folder) is refused at
 * once without waiting. A line is torn when it is a cut-short JSON prefix or holds
 * NUL bytes (what an interrupted write or a power cut leaves); torn lines are dropped silently.
 * Unreadable lines are skipped, counted, and described in diag ("DIR/practice.jsonl: line 12:
 * date: expected YYYY-MM-DD", at most LOG_MAX_MESSAGES). The file is never modified.
 * Returns false only if the file exists but cannot be read (message in diag); *out is then
 * an empty log and the app can still run. rep and diag may be NULL. */
bool log_load(const char *dir, PracticeLog *out, LogReport *rep, AtDiag *diag);

/* The one-line note for the user about skipped lines, e.g. "2 lines of your practice history
 * could not be read and were skipped; the file was left as it is.", or "" when none. */
const char *log_report_summary(const LogReport *rep, char *buf, size_t n);

/* Appends one record to DIR/practice.jsonl: creates the folder (0700) and file (0600) if
 * needed, takes an exclusive lock on the file (flock: two processes never interleave), writes
 * the whole line with one write(), then fsync (and fsyncs the folder when the file is new).
 * If the file does not end in a newline (a torn write), the line starts on a new line so the
 * torn part cannot damage it. The record is validated first; an invalid one is refused.
 * Returns false with a message in err (e.g. "could not save to /x/practice.jsonl: Permission
 * denied"); a failed write (a full disk) is cut back off the file, so the log is as it was.
 * Retrying after a failure is safe: ids are deduplicated. */
bool log_append(const char *dir, const PracticeRecord *r, char *err, size_t errlen);

/* Appends n records, all or nothing: with more than one, the append is journaled
 * (practice.jsonl.importing holds the old length until the new lines are fsync'd), so a
 * failure or a kill part-way leaves the log as it was for every reader. Same promises as
 * log_append otherwise. */
bool log_append_many(const char *dir, const PracticeRecord *recs, int n, char *err,
                     size_t errlen);

/* In-memory only: adds a copy of r (after a successful log_append). False on out-of-memory. */
bool log_add(PracticeLog *log, const PracticeRecord *r);

/* Index of the record with this id, or -1. */
int log_find(const PracticeLog *log, const char *id);

void log_free(PracticeLog *log);

/* ---- Export and import ---------------------------------------------------------------- */

/* Export format version ("attune_export" key): 2 adds rating and checkpoint records and the
 * "unreadable" lines; import reads 1 and 2. The format grows by optional keys without a new
 * version (an older Attune reads past a key it does not know): "journal" holds the journal
 * (journal.h), and files without it still import. */
#define STORE_EXPORT_VERSION 2
/* Largest export file import will read. */
#define STORE_IMPORT_MAX_BYTES (256u * 1024u * 1024u)

/* Writes everything in DIR to `file` as one JSON object, atomically (temp file, fsync, rename,
 * fsync of the folder): every record line of the log exactly as it is (keys this version does
 * not know included; the first line of a repeated id), every line this version cannot read
 * under "unreadable" (as text, or {"base64": ...} when it is not text), and the settings (the
 * file's object as it is; read only, never moved aside). A symbolic link at `file` is followed:
 * the file it names is replaced. A target inside the data folder (compared by device and
 * inode, so no other spelling gets past) is refused. The journal goes under "journal" when it
 * has anything: its visible entries and its deletions (ids only), never a deleted entry's
 * words. *nrecords (may be NULL) gets the number of
 * records written. Returns false with a message in diag if the file cannot be written. */
bool store_export(const char *dir, const char *file, int *nrecords, AtDiag *diag);

typedef struct ImportResult {
    int in_file;        /* records in the file */
    int added;          /* practices appended to the log */
    int other_added;    /* other lines appended: ratings, checkpoints, lines kept unread */
    int already_there;  /* practices whose id was already in the log (or earlier in the file) */
    bool settings_used; /* settings taken from the file: we had no settings.json */
    int levels_merged;  /* card levels whose progress grew from the file's */
    int journal_added;  /* journal lines appended (entries and deletions new to DIR) */
} ImportResult;

/* Merges an export file into DIR. The file is read as a stream and checked whole first; if
 * anything is wrong, nothing changes and diag says why, e.g. "backup.json: records[12].date:
 * expected YYYY-MM-DD" (the first 20 problems, then how many more; checking stops after 1000).
 * Then, under the log's lock, records whose id is not in the log yet are appended in file order
 * exactly as they are in the file (keys this version does not know included), and "unreadable"
 * lines the log does not already hold, all journaled: a failure (a full disk) or a kill
 * part-way leaves the log as it was, so the import is all in or all out. Settings in the file
 * are used only when DIR has no settings.json (as they are, unknown keys included); otherwise
 * ours are kept, except card level progress, which takes the larger counts per level. Journal
 * lines ("journal") whose id DIR's journal does not hold yet are appended with one write,
 * before the log's commit, and cut off again if the commit fails.
 * Returns false with diag messages on a bad file or a write failure (re-running is safe). */
bool store_import(const char *dir, const char *file, ImportResult *res, AtDiag *diag);

#endif
