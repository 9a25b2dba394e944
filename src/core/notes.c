#include "attune/notes.h"

#include <stdio.h>
#include <stdlib.h>

bool notes_append(const char *dir, const char *exercise, const int *steps,
                  const char *const *texts, int n, time_t when, char *err, size_t errlen)
{
    if (n <= 0) return true;
    JournalEntry *e = calloc((size_t)n, sizeof *e);
    if (!e) {
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return false;
    }
    for (int i = 0; i < n; i++) {
        journal_entry_init(&e[i], JOURNAL_NOTE, when);
        journal_copy_text(e[i].source, sizeof e[i].source, exercise);
        e[i].step = steps[i];
        journal_copy_text(e[i].text, NOTE_TEXT_MAX + 1, texts[i]);
    }
    bool ok = journal_append(dir, e, n, err, errlen);
    free(e);
    return ok;
}
