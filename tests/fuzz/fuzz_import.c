/* Import: any bytes as an export file through store_import into an empty data folder. Either
 * it is refused with a reason and nothing is written, or every record it reports added is in
 * the log afterwards. */
#include "attune/store.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_clean();
    char data_dir[1300], file[1300];
    snprintf(data_dir, sizeof data_dir, "%s/data", fz_dir());
    snprintf(file, sizeof file, "%s", fz_write("backup.json", data, size));
    ImportResult res;
    memset(&res, 0, sizeof res);
    AtDiag d = {0};
    bool ok = store_import(data_dir, file, &res, &d);
    fz_check_messages(&d, 0, NULL);
    PracticeLog log = {0};
    LogReport rep;
    FZ_ASSERT(log_load(data_dir, &log, &rep, NULL));
    if (ok) {
        FZ_ASSERT(res.added + res.already_there == res.in_file);
        FZ_ASSERT(log.count == res.added && rep.unreadable == 0 && rep.torn == 0);
    } else {
        FZ_ASSERT(d.count > 0);
        FZ_ASSERT(log.count == 0 && rep.lines == 0);
    }
    log_free(&log);
    diag_free(&d);
    return 0;
}
