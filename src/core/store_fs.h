/* Private to the store: careful file operations for the user's data folder. Every function
 * reports failure as false plus a one-line message in err (when err is not NULL). */
#ifndef ATTUNE_STORE_FS_H
#define ATTUNE_STORE_FS_H

#include <stdbool.h>
#include <stddef.h>

/* An errno-like code for "not a regular file" (a FIFO, a device, a socket). */
#define STOREFS_ENOTREG (-1000)

/* strerror, knowing STOREFS_ENOTREG. */
const char *storefs_strerror(int e);

/* open(path, flags | O_CLOEXEC | O_NONBLOCK, 0600) that only ever returns a regular file: a
 * FIFO or device in its place is refused at once (*err_no = STOREFS_ENOTREG, EISDIR for a
 * folder) instead of hanging. -1 with *err_no on failure. */
int storefs_open_regular(const char *path, int flags, int *err_no);

/* Takes an exclusive flock on the lock file path (created 0600 if missing), waiting for
 * other processes that hold it. Returns the fd to pass to storefs_unlock, or -1 with err. */
int storefs_lock(const char *path, char *err, size_t errlen);
void storefs_unlock(int fd);

/* dir + "/" + name into buf; false if it does not fit. */
bool storefs_join(char *buf, size_t n, const char *dir, const char *name);

/* mkdir -p with mode 0700 for every folder it creates (existing folders are left as they are). */
bool storefs_mkdirs(const char *dir, char *err, size_t errlen);

/* fsync the folder holding path, so a create or rename in it survives a power cut. */
bool storefs_sync_parent(const char *path);

/* Reads a whole file (at most max bytes) into a NUL-terminated malloc'd buffer. On failure
 * returns NULL with *err_no set (EFBIG when larger than max). */
char *storefs_read_all(const char *path, size_t max, size_t *len, int *err_no);

/* Writes all of data to fd, retrying short writes and EINTR. */
bool storefs_write_fd(int fd, const char *data, size_t len);

/* Replaces path atomically: data goes to "path.tmp-PID" (0600), fsync, then rename over path
 * and fsync the folder. With keep_backup and an existing path, the previous version is kept
 * as "path.bak" (a hard link, or a copy where links are not supported). A crash at any moment
 * leaves path as either the old or the new version. */
bool storefs_write_atomic(const char *path, const char *data, size_t len, bool keep_backup,
                          char *err, size_t errlen);

/* Renames an unusable file to "path.unreadable-YYYYMMDD-HHMMSS" (local time; "-2", "-3"...
 * added if taken), never replacing anything. The new name goes to newpath. */
bool storefs_keep_aside(const char *path, char *newpath, size_t n, char *err, size_t errlen);

/* Removes "path.tmp-PID" and "path.bak.tmp-PID" left by writers that are no longer running. */
void storefs_sweep_tmp(const char *path);

/* The last path component (no allocation). */
const char *storefs_base(const char *path);

#endif
