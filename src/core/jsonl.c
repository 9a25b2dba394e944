#include "jsonl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_fs.h"

#define PATH_BUF 4096

bool jsonl_append(const char *dir, const char *name, const char *lines, size_t len, char *err,
                  size_t errlen)
{
    char path[PATH_BUF], ferr[PATH_BUF + 128];
    if (!storefs_join(path, sizeof path, dir, name)) {
        if (err && errlen) snprintf(err, errlen, "folder name too long: %s", dir);
        return false;
    }
    if (!storefs_mkdirs(dir, ferr, sizeof ferr)) {
        if (err && errlen) snprintf(err, errlen, "could not save to %s: %s", path, ferr);
        return false;
    }
    int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (err && errlen) snprintf(err, errlen, "could not save to %s: %s", path, strerror(errno));
        return false;
    }
    fchmod(fd, 0600); /* private, even in a file made by hand */
    struct stat st;
    bool fresh = false, newline_first = false;
    if (fstat(fd, &st) == 0) {
        fresh = st.st_size == 0;
        char last = '\n';
        if (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
            newline_first = true; /* a torn line: start ours on a fresh line */
    }
    bool ok = (!newline_first || storefs_write_fd(fd, "\n", 1)) && storefs_write_fd(fd, lines, len) &&
              fsync(fd) == 0;
    int e = errno ? errno : EIO;
    if (close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        if (err && errlen) snprintf(err, errlen, "could not save to %s: %s", path, strerror(e));
        return false;
    }
    if (fresh && !storefs_sync_parent(path)) {
        if (err && errlen)
            snprintf(err, errlen, "saved to %s, but could not sync its folder: %s", path, strerror(errno));
        return false;
    }
    return true;
}

void jsonl_lines(char *text, size_t len,
                 void (*each)(char *line, size_t len, int lineno, bool torn, void *ud), void *ud)
{
    size_t pos = 0;
    int lineno = 0;
    while (pos < len) {
        char *line = text + pos;
        char *nl = memchr(line, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - line) : len - pos;
        pos += ll + (nl ? 1 : 0);
        lineno++;
        bool torn = !nl || memchr(line, 0, ll) != NULL;
        line[ll] = 0; /* the '\n', or the buffer's terminating NUL */
        while (ll && (line[ll - 1] == '\r' || line[ll - 1] == ' ' || line[ll - 1] == '\t')) line[--ll] = 0;
        while (*line == ' ' || *line == '\t') line++, ll--;
        if (ll == 0 && !torn) continue; /* blank */
        if (ll == 0) continue;
        each(line, ll, lineno, torn, ud);
    }
}
