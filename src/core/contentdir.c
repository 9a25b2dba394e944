#include "attune/contentdir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_dir(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The same folder, whatever the path spelling (symlinks, "..", a trailing slash). */
static bool same_dir(const char *a, const char *b)
{
    struct stat sa, sb;
    return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 && S_ISDIR(sa.st_mode) &&
           sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* dir/name made absolute without "." or "..": the existing folder dir is resolved (realpath),
 * then name's parts are applied to it as text, so a path that does not exist yet still reads
 * plainly in messages. */
static bool join(char *out, size_t n, const char *dir, const char *name)
{
    char real[PATH_MAX];
    if (!realpath(dir, real)) {
        int k = snprintf(real, sizeof real, "%s", dir);
        if (k < 0 || (size_t)k >= sizeof real) return false;
    }
    size_t len = strlen(real);
    while (len > 1 && real[len - 1] == '/') real[--len] = 0;
    const char *p = name ? name : "";
    while (*p) {
        const char *e = strchr(p, '/');
        size_t pl = e ? (size_t)(e - p) : strlen(p);
        if (pl == 2 && p[0] == '.' && p[1] == '.') {
            char *slash = strrchr(real, '/');
            if (slash && slash != real) *slash = 0;
            else real[1] = 0;
        } else if (pl && !(pl == 1 && p[0] == '.')) {
            len = strlen(real);
            if (len + 1 + pl + 1 > sizeof real) return false;
            if (len > 1) real[len++] = '/';
            memcpy(real + len, p, pl);
            real[len + pl] = 0;
        }
        p += pl + (e ? 1 : 0);
    }
    int k = snprintf(out, n, "%s", real);
    return k >= 0 && (size_t)k < n;
}

bool contentdir_exe_dir(char *out, size_t n)
{
    char buf[PATH_MAX];
    ssize_t k = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (k <= 0) return false;
    buf[k] = 0;
    char *slash = strrchr(buf, '/');
    if (!slash) return false;
    if (slash == buf) slash[1] = 0;
    else *slash = 0;
    int w = snprintf(out, n, "%s", buf);
    return w >= 0 && (size_t)w < n;
}

bool contentdir_resolve(const char *exe_dir, const char *rel_share, const char *build_dir,
                        const char *source_dir, const char *override, ContentDirs *out,
                        char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    char share[CONTENTDIR_PATH_MAX], levels[CONTENTDIR_PATH_MAX];
    bool have_share = exe_dir && rel_share && join(share, sizeof share, exe_dir, rel_share) &&
                      join(levels, sizeof levels, share, "levels");
    if (have_share && is_dir(levels)) {
        out->source = CONTENTDIR_INSTALLED;
        snprintf(out->shipped, sizeof out->shipped, "%s", levels);
        snprintf(out->assets, sizeof out->assets, "%s", share);
    } else if (same_dir(exe_dir, build_dir) && source_dir &&
               join(levels, sizeof levels, source_dir, "levels") && is_dir(levels)) {
        out->source = CONTENTDIR_BUILD;
        snprintf(out->shipped, sizeof out->shipped, "%s", levels);
        join(out->assets, sizeof out->assets, source_dir, "assets");
    } else {
        snprintf(err, errlen,
                 "no content folder found: %s%s does not exist (is Attune installed there?)%s",
                 have_share ? share : (exe_dir ? exe_dir : "(unknown folder)"),
                 have_share ? "/levels" : "", same_dir(exe_dir, build_dir)
                     ? ", and the source tree of this build has no levels folder" : "");
        return false;
    }
    snprintf(out->levels, sizeof out->levels, "%s", out->shipped);
    if (override && *override) {
        char o[CONTENTDIR_PATH_MAX];
        if (!join(o, sizeof o, override, NULL) || !is_dir(o)) {
            snprintf(err, errlen, "ATTUNE_CONTENT_DIR=%s: no such folder", override);
            return false;
        }
        snprintf(out->levels, sizeof out->levels, "%s", o);
        out->overridden = !same_dir(o, out->shipped);
    }
    int k = snprintf(out->resources, sizeof out->resources, "%s/%s", out->shipped,
                     CONTENTDIR_RESOURCES_FILE);
    if (k < 0 || (size_t)k >= sizeof out->resources) {
        snprintf(err, errlen, "%s: path too long", out->shipped);
        return false;
    }
    return true;
}

const char *contentdir_describe(const ContentDirs *d, char *buf, size_t n)
{
    if (d->overridden)
        snprintf(buf, n, "%s (ATTUNE_CONTENT_DIR; safety resources from %s)", d->levels,
                 d->shipped);
    else
        snprintf(buf, n, "%s (%s)", d->levels,
                 d->source == CONTENTDIR_INSTALLED ? "installed" : "source tree of this build");
    return buf;
}
