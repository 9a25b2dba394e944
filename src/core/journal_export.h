/* Private to the core: the journal's part of an export file (export.c calls these), the
 * optional key "journal": an array of the journal's lines as objects. An export holds the
 * visible entries (their lines as they are, keys this version does not know included, with the
 * derived id written out for a line that had none), the deletion records (ids only: what was
 * deleted is not in the file), and lines of kinds this version does not know. */
#ifndef ATTUNE_JOURNAL_EXPORT_H
#define ATTUNE_JOURNAL_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "attune/diag.h"

#define JOURNAL_EXPORT_KEY "journal"

/* The elements of the "journal" array, one per line, each line starting with "\n" and all but
 * the first with ",\n" (malloc'd into *out, *len bytes; NULL and 0 when there are none);
 * *count gets how many. False with a message in diag if the journal cannot be read. */
bool journal_export_text(const char *dir, char **out, size_t *len, int *count, AtDiag *diag);

typedef struct JournalImport JournalImport;

/* Checks the value of an export's "journal" key (v[0..vlen), JSON text): an array of objects,
 * each a journal line with an id. Adds one message per problem ("FILE: journal[3].date:
 * expected YYYY-MM-DD") to diag and returns how many; 0 when good. The checked lines are kept
 * in *ji (made if NULL) for journal_import_write. */
int journal_import_check(JournalImport **ji, const char *file, const char *v, size_t vlen,
                         AtDiag *diag);

/* Appends the lines whose ids DIR's journal does not hold yet (file order, one write). *added
 * gets how many. False with a message in err. */
bool journal_import_write(JournalImport *ji, const char *dir, int *added, char *err,
                          size_t errlen);

/* Cuts the journal back to what it was before journal_import_write (when what came after it
 * failed), so the import is all in or all out. */
void journal_import_undo(JournalImport *ji, const char *dir);

void journal_import_free(JournalImport *ji);

#endif
