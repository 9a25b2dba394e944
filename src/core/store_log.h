/* Private to the store: reading the practice log line by line, and appending to it under a
 * lock, all or nothing (export, import and log_append share these). */
#ifndef ATTUNE_STORE_LOG_H
#define ATTUNE_STORE_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "attune/store.h"

/* Beside the log while an append of several records is under way: the log's length before
 * it. Readers ignore everything past that length; the next writer cuts it off. */
#define STORE_JOURNAL_SUFFIX ".importing"

typedef enum LogLine {
    LOGLINE_RECORD,     /* a readable record (any RecordType) */
    LOGLINE_TORN,       /* the cut-short end of an interrupted write */
    LOGLINE_UNREADABLE, /* anything else this version cannot read */
} LogLine;

/* Called for every non-blank line of the log in order: its text (trimmed, not NUL-terminated
 * when torn) and, for a record, the parsed record. Returns false to stop (out of memory). */
typedef bool (*LogLineFn)(void *ctx, LogLine kind, const char *text, size_t len,
                          const PracticeRecord *r);

/* Reads DIR/practice.jsonl (up to the journaled length during an interrupted import) and
 * calls fn for each line. Fills rep's lines, torn, unreadable, missing and import_pending, and
 * describes the first LOG_MAX_MESSAGES unreadable lines in diag (may be NULL). False if the
 * file exists but cannot be read (message in diag), or fn stopped. */
bool log_scan(const char *dir, LogLineFn fn, void *ctx, LogReport *rep, AtDiag *diag);

/* An append under way: the log open and locked. */
typedef struct LogTxn {
    int fd;
    off_t start;       /* the log's length before this append */
    bool journaled;    /* a journal holds `start` until commit */
    bool need_newline; /* the log ends in a torn line: the first write starts a new line */
    bool fresh;        /* the file was created (or empty): its folder is synced on commit */
    char path[4096];
    char journal[4120];
} LogTxn;

/* Creates the folder and log if needed, opens the log (a regular file only) and locks it,
 * cuts off what an interrupted journaled append left, then, with `journal`, writes and syncs
 * the journal. False with err ("could not save to PATH: why"). */
bool log_txn_begin(const char *dir, LogTxn *t, bool journal, char *err, size_t errlen);

/* Appends data (whole lines, each ending in '\n'); the first write starts on a new line if
 * the log ended in a torn one. */
bool log_txn_write(LogTxn *t, const char *data, size_t len, char *err, size_t errlen);

/* fsyncs the log, then removes the journal (and syncs the folder): from here on the records
 * are in for every reader. Unlocks. False with err: the append was undone (as abort). */
bool log_txn_commit(LogTxn *t, char *err, size_t errlen);

/* Cuts the log back to its length before the append, removes the journal, unlocks. If the
 * log cannot be cut back, the journal stays, so readers still ignore the partial append. */
void log_txn_abort(LogTxn *t);

/* The record as one validated line without a newline (malloc'd, free with cJSON_free), or
 * NULL with err when the record would not load back. */
char *log_record_line(const PracticeRecord *r, char *err, size_t errlen);

#endif
