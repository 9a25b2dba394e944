/* Finding the content folder: an installed binary uses ../share/attune beside itself, a binary
 * in its own build folder uses its source tree, anything else is refused with the folder named;
 * ATTUNE_CONTENT_DIR replaces patterns, exercises and levels but never the safety resources. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/content.h"
#include "attune/contentdir.h"
#include "check.h"

static char root[600];

static const char *at(const char *rel)
{
    static char bufs[4][900];
    static int k;
    char *b = bufs[k++ & 3];
    snprintf(b, 900, "%s/%s", root, rel);
    return b;
}

static void mkdirs(const char *rel)
{
    char p[900];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    for (char *c = p + strlen(root) + 1; *c; c++)
        if (*c == '/') {
            *c = 0;
            mkdir(p, 0700);
            *c = '/';
        }
    mkdir(p, 0700);
}

static void write_file(const char *rel, const char *text)
{
    FILE *f = fopen(at(rel), "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = malloc(1 << 20);
    size_t n = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    if (buf) buf[n] = 0;
    fclose(f);
    return buf;
}

static char err[1200];

static void an_installed_binary_uses_share_beside_it(void)
{
    mkdirs("prefix/bin");
    mkdirs("prefix/share/attune/levels");
    mkdirs("prefix/share/attune/fonts");
    mkdirs("src/levels");
    mkdirs("build");
    ContentDirs d;
    CHECK(contentdir_resolve(at("prefix/bin"), "../share/attune", at("build"), at("src"), NULL, &d,
                             err, sizeof err));
    CHECK_INT(d.source, CONTENTDIR_INSTALLED);
    CHECK_STR(d.shipped, at("prefix/share/attune/levels"));
    CHECK_STR(d.levels, d.shipped);
    CHECK_STR(d.assets, at("prefix/share/attune"));
    CHECK_STR(d.resources, at("prefix/share/attune/levels/resources.json"));
    CHECK(!d.overridden);
    char buf[1200];
    CHECK_CONTAINS(contentdir_describe(&d, buf, sizeof buf), "(installed)");
    /* A renamed prefix still works: nothing depends on where it was built or installed. */
    CHECK(rename(at("prefix"), at("moved")) == 0);
    CHECK(contentdir_resolve(at("moved/bin"), "../share/attune", at("build"), at("src"), NULL, &d,
                             err, sizeof err));
    CHECK_STR(d.shipped, at("moved/share/attune/levels"));
    CHECK(rename(at("moved"), at("prefix")) == 0);
}

static void a_binary_in_its_build_folder_uses_the_source_tree(void)
{
    ContentDirs d;
    CHECK(contentdir_resolve(at("build"), "../share/attune", at("build"), at("src"), NULL, &d, err,
                             sizeof err));
    CHECK_INT(d.source, CONTENTDIR_BUILD);
    CHECK_STR(d.shipped, at("src/levels"));
    CHECK_STR(d.assets, at("src/assets"));
    /* The same folder spelt another way still matches. */
    char spelt[900];
    snprintf(spelt, sizeof spelt, "%s/build/../build/", root);
    CHECK(contentdir_resolve(spelt, "../share/attune", at("build"), at("src"), NULL, &d, err,
                             sizeof err));
    CHECK_INT(d.source, CONTENTDIR_BUILD);
}

static void anywhere_else_is_refused_naming_the_folder(void)
{
    ContentDirs d;
    /* A copy of the binary elsewhere, or a build tree that was moved: never the source tree. */
    mkdirs("elsewhere/bin");
    CHECK(!contentdir_resolve(at("elsewhere/bin"), "../share/attune", at("build"), at("src"), NULL,
                              &d, err, sizeof err));
    CHECK_CONTAINS(err, "no content folder found");
    CHECK_CONTAINS(err, at("elsewhere/share/attune/levels"));
    CHECK(rename(at("build"), at("build-moved")) == 0);
    CHECK(!contentdir_resolve(at("build-moved"), "../share/attune", at("build"), at("src"), NULL,
                              &d, err, sizeof err));
    CHECK(rename(at("build-moved"), at("build")) == 0);
    /* An installed-only binary (nothing compiled in). */
    CHECK(!contentdir_resolve(at("elsewhere/bin"), "../share/attune", NULL, NULL, NULL, &d, err,
                              sizeof err));
}

static void the_override_replaces_levels_but_not_resources(void)
{
    mkdirs("mine");
    ContentDirs d;
    CHECK(contentdir_resolve(at("prefix/bin"), "../share/attune", at("build"), at("src"),
                             at("mine"), &d, err, sizeof err));
    CHECK(d.overridden);
    CHECK_STR(d.levels, at("mine"));
    CHECK_STR(d.resources, at("prefix/share/attune/levels/resources.json"));
    char buf[1200];
    CHECK_CONTAINS(contentdir_describe(&d, buf, sizeof buf), "ATTUNE_CONTENT_DIR");
    ContentDirs bad;
    CHECK(!contentdir_resolve(at("prefix/bin"), "../share/attune", at("build"), at("src"),
                              at("no-such"), &bad, err, sizeof err));
    CHECK_CONTAINS(err, "ATTUNE_CONTENT_DIR=");
    CHECK_CONTAINS(err, "no such folder");

    /* Loading as main.c does: the author's folder as CONTENT_AUTHOR (resources there are
     * refused), then the shipped resources.json alone. */
    char shipped_path[900];
    snprintf(shipped_path, sizeof shipped_path, "%s/levels/resources.json", ATTUNE_SOURCE_DIR);
    char *shipped = read_file(shipped_path);
    CHECK(shipped != NULL);
    write_file("prefix/share/attune/levels/resources.json", shipped ? shipped : "");
    free(shipped);
    write_file("mine/resources.json",
               "{\"resources\": {\"notice\": \"Replaced!\"}}");
    write_file("mine/patterns.json",
               "{\"patterns\": [{\"id\": \"mine\", \"title\": \"Mine\", \"when\": \"Any time.\","
               " \"steps\": [{\"kind\": \"in\", \"ms\": 4000}, {\"kind\": \"out\", \"ms\": 6000}]}]}");
    Content c = {0};
    AtDiag diag = {0};
    content_load_dir(&c, d.levels, CONTENT_AUTHOR, &diag);
    CHECK_INT(c.npatterns, 1);
    CHECK_INT(diag.count, 1); /* mine/resources.json: not allowed here */
    CHECK(diag.count && strstr(diag.msg[0], "mine/resources.json"));
    content_load_file(&c, d.resources, CONTENT_SHIPPED, &diag);
    for (int i = 1; i < diag.count; i++) fprintf(stderr, "    message: %s\n", diag.msg[i]);
    CHECK_INT(diag.count, 1); /* the shipped file loads cleanly */
    CHECK(c.res.notice && strcmp(c.res.notice, "Replaced!") != 0);
    content_free(&c);
    diag_free(&diag);
}

int main(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/attune-contentdir-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 2;
    }
    RUN(an_installed_binary_uses_share_beside_it);
    RUN(a_binary_in_its_build_folder_uses_the_source_tree);
    RUN(anywhere_else_is_refused_naming_the_folder);
    RUN(the_override_replaces_levels_but_not_resources);
    return check_report();
}
