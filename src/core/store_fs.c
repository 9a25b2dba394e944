#include "store_fs.h"

#include "attune/clock.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define PATH_BUF 4096

const char *storefs_strerror(int e)
{
    return e == STOREFS_ENOTREG ? "not a regular file" : strerror(e);
}

static void set_err(char *err, size_t errlen, const char *fmt, const char *a, int e)
{
    if (err && errlen) snprintf(err, errlen, fmt, a, storefs_strerror(e));
}

int storefs_open_regular(const char *path, int flags, int *err_no)
{
    /* O_NONBLOCK: opening a FIFO (or a device) must not wait for a writer; it is refused
     * below. On a regular file the flag changes nothing. */
    int fd = open(path, flags | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0600);
    if (fd < 0) {
        *err_no = errno;
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err_no = errno;
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        *err_no = S_ISDIR(st.st_mode) ? EISDIR : STOREFS_ENOTREG;
        close(fd);
        return -1;
    }
    return fd;
}

int storefs_lock(const char *path, char *err, size_t errlen)
{
    int e = 0;
    int fd = storefs_open_regular(path, O_RDWR | O_CREAT, &e);
    if (fd < 0) {
        set_err(err, errlen, "cannot lock %s: %s", path, e);
        return -1;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        /* No locks on this file system (some network mounts): go on unlocked, as before. */
        if (errno == ENOLCK || errno == EOPNOTSUPP) break;
        set_err(err, errlen, "cannot lock %s: %s", path, errno);
        close(fd);
        return -1;
    }
    return fd;
}

void storefs_unlock(int fd)
{
    if (fd >= 0) close(fd); /* closing releases the flock */
}

bool storefs_join(char *buf, size_t n, const char *dir, const char *name)
{
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/') dl--;
    int w = snprintf(buf, n, "%.*s/%s", (int)dl, dir, name);
    return w > 0 && (size_t)w < n;
}

const char *storefs_base(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

bool storefs_mkdirs(const char *dir, char *err, size_t errlen)
{
    char p[PATH_BUF];
    size_t len = strlen(dir);
    if (len == 0 || len >= sizeof p) {
        if (err && errlen) snprintf(err, errlen, "not a usable folder name: \"%s\"", dir);
        return false;
    }
    memcpy(p, dir, len + 1);
    for (size_t i = 1; i <= len; i++) {
        if (p[i] != '/' && p[i] != 0) continue;
        char c = p[i];
        p[i] = 0;
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            set_err(err, errlen, "cannot create the folder %s: %s", p, errno);
            return false;
        }
        p[i] = c;
    }
    struct stat st;
    if (stat(dir, &st) != 0) {
        set_err(err, errlen, "cannot use the folder %s: %s", dir, errno);
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        set_err(err, errlen, "cannot use the folder %s: %s", dir, ENOTDIR);
        return false;
    }
    return true;
}

bool storefs_sync_parent(const char *path)
{
    char d[PATH_BUF];
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(d, sizeof d, ".");
    else if (slash == path) snprintf(d, sizeof d, "/");
    else snprintf(d, sizeof d, "%.*s", (int)(slash - path), path);
    int fd = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = fsync(fd) == 0 || errno == EINVAL; /* some file systems cannot sync folders */
    close(fd);
    return ok;
}

char *storefs_read_all(const char *path, size_t max, size_t *len, int *err_no)
{
    *len = 0;
    int fd = storefs_open_regular(path, O_RDONLY, err_no);
    if (fd < 0) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        close(fd);
        *err_no = ENOMEM;
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            if (cap >= max + 1) {
                free(buf);
                close(fd);
                *err_no = EFBIG;
                return NULL;
            }
            size_t nc = cap * 2 > max + 1 ? max + 1 : cap * 2;
            char *b = realloc(buf, nc + 1);
            if (!b) {
                free(buf);
                close(fd);
                *err_no = ENOMEM;
                return NULL;
            }
            buf = b;
            cap = nc;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (r < 0) {
            *err_no = errno;
            free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    if (n > max) {
        free(buf);
        *err_no = EFBIG;
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

bool storefs_write_fd(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            if (w == 0) errno = EIO;
            return false;
        }
        data += w;
        len -= (size_t)w;
    }
    return true;
}

/* Writes data to a new file at tmp (0600) and syncs it. */
static bool write_synced(const char *tmp, const char *data, size_t len, char *err, size_t errlen)
{
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        set_err(err, errlen, "cannot write %s: %s", tmp, errno);
        return false;
    }
    if (!storefs_write_fd(fd, data, len) || fsync(fd) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        set_err(err, errlen, "cannot write %s: %s", tmp, e);
        return false;
    }
    if (close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        set_err(err, errlen, "cannot write %s: %s", tmp, e);
        return false;
    }
    return true;
}

/* path.bak becomes the current content of path: a hard link when possible (no copy, and the
 * old version survives the coming rename intact), otherwise an atomic copy. */
static bool keep_backup_of(const char *path, char *err, size_t errlen)
{
    char bak[PATH_BUF], baktmp[PATH_BUF];
    if ((size_t)snprintf(bak, sizeof bak, "%s.bak", path) >= sizeof bak ||
        (size_t)snprintf(baktmp, sizeof baktmp, "%s.bak.tmp-%ld", path, (long)getpid()) >=
            sizeof baktmp) {
        if (err && errlen) snprintf(err, errlen, "path too long: %s", path);
        return false;
    }
    unlink(baktmp);
    if (link(path, baktmp) == 0) {
        if (rename(baktmp, bak) == 0) return true;
        int e = errno;
        unlink(baktmp);
        set_err(err, errlen, "cannot keep a backup %s: %s", bak, e);
        return false;
    }
    if (errno == ENOENT) return true; /* nothing to back up */
    size_t len;
    int e;
    char *old = storefs_read_all(path, 64u * 1024 * 1024, &len, &e);
    if (!old) {
        if (e == ENOENT) return true;
        set_err(err, errlen, "cannot keep a backup of %s: %s", path, e);
        return false;
    }
    bool ok = write_synced(baktmp, old, len, err, errlen);
    free(old);
    if (ok && rename(baktmp, bak) != 0) {
        set_err(err, errlen, "cannot keep a backup %s: %s", bak, errno);
        unlink(baktmp);
        ok = false;
    }
    return ok;
}

bool storefs_write_atomic(const char *path, const char *data, size_t len, bool keep_backup,
                          char *err, size_t errlen)
{
    char tmp[PATH_BUF];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= sizeof tmp) {
        if (err && errlen) snprintf(err, errlen, "path too long: %s", path);
        return false;
    }
    if (!write_synced(tmp, data, len, err, errlen)) return false;
    if (keep_backup && !keep_backup_of(path, err, errlen)) {
        unlink(tmp);
        return false;
    }
    if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        set_err(err, errlen, "cannot replace %s: %s", path, e);
        return false;
    }
    if (!storefs_sync_parent(path)) {
        set_err(err, errlen, "cannot sync the folder of %s: %s", path, errno);
        return false;
    }
    return true;
}

bool storefs_keep_aside(const char *path, char *newpath, size_t n, char *err, size_t errlen)
{
    time_t now = clock_wall(clock_program());
    struct tm tm;
    char stamp[64] = "unknown-time";
    if (localtime_r(&now, &tm))
        snprintf(stamp, sizeof stamp, "%04d%02d%02d-%02d%02d%02d", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    for (int i = 1; i < 100; i++) {
        int w = i == 1 ? snprintf(newpath, n, "%s.unreadable-%s", path, stamp)
                       : snprintf(newpath, n, "%s.unreadable-%s-%d", path, stamp, i);
        if (w < 0 || (size_t)w >= n) {
            if (err && errlen) snprintf(err, errlen, "path too long: %s", path);
            return false;
        }
        /* link + unlink never replaces an existing file, unlike rename. */
        if (link(path, newpath) == 0) {
            unlink(path);
            storefs_sync_parent(path);
            return true;
        }
        if (errno == EEXIST) continue;
        if (errno == ENOENT) {
            set_err(err, errlen, "cannot keep %s aside: %s", path, ENOENT);
            return false;
        }
        /* No hard links here (some file systems): rename, after checking the name is free. */
        struct stat st;
        if (lstat(newpath, &st) == 0) continue;
        if (rename(path, newpath) == 0) {
            storefs_sync_parent(path);
            return true;
        }
        set_err(err, errlen, "cannot keep %s aside: %s", path, errno);
        return false;
    }
    if (err && errlen) snprintf(err, errlen, "cannot keep %s aside: too many copies", path);
    return false;
}

/* True for "PREFIX<digits>" naming a process that no longer exists. */
static bool dead_writer(const char *name, const char *prefix)
{
    size_t pl = strlen(prefix);
    if (strncmp(name, prefix, pl) != 0 || !name[pl]) return false;
    long pid = 0;
    for (const char *c = name + pl; *c; c++) {
        if (*c < '0' || *c > '9' || pid > 100000000) return false;
        pid = pid * 10 + (*c - '0');
    }
    if (pid <= 0 || pid == (long)getpid()) return false;
    return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

void storefs_sweep_tmp(const char *path)
{
    char dir[PATH_BUF], p1[512], p2[512], full[PATH_BUF];
    const char *base = storefs_base(path);
    if (base == path) snprintf(dir, sizeof dir, ".");
    else snprintf(dir, sizeof dir, "%.*s", (int)(base - path - 1 > 0 ? base - path - 1 : 1), path);
    snprintf(p1, sizeof p1, "%s.tmp-", base);
    snprintf(p2, sizeof p2, "%s.bak.tmp-", base);
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!dead_writer(e->d_name, p1) && !dead_writer(e->d_name, p2)) continue;
        if (storefs_join(full, sizeof full, dir, e->d_name)) unlink(full);
    }
    closedir(d);
}
