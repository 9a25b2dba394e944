/* Help and crisis resources: the "resources" object. Whatever is accepted, a region lookup
 * answers with a region whose lines are in range, or the "everywhere else" one, or none. */
#include "attune/resources.h"
#include "fuzz.h"

static void check_region(const HelpRegion *g)
{
    if (!g) return;
    FZ_ASSERT(g->name != NULL);
    FZ_ASSERT(g->ncrisis >= 1 && g->ncrisis <= RES_MAX_LINES);
    FZ_ASSERT(g->nabuse >= 0 && g->nabuse <= RES_MAX_LINES);
    for (int i = 0; i < g->ncrisis; i++) FZ_ASSERT(g->crisis[i].name && g->crisis[i].contact);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = fz_text(data, size);
    int line, col;
    cJSON *root = jv_parse_content(buf, size, &line, &col);
    if (root) {
        StrPool *pool = strpool_new();
        AtDiag d = {0};
        JsonV v = {.file = "fuzz.json", .diag = &d, .pool = pool};
        static Resources r; /* large; zeroed each time */
        memset(&r, 0, sizeof r);
        bool ok = resources_from_json(&v, root, "resources", &r);
        fz_check_messages(&d, 0, "fuzz.json: resources");
        FZ_ASSERT(ok == (v.errors == 0));
        FZ_ASSERT(r.nregions >= 0 && r.nregions <= RES_MAX_REGIONS);
        for (int i = 0; i < r.nregions; i++) {
            check_region(&r.regions[i]);
            FZ_ASSERT(strlen(r.regions[i].code) == 2);
            FZ_ASSERT(resources_region(&r, r.regions[i].code) == &r.regions[i]);
        }
        const char *codes[] = {"CA", "gb", "", "X", "ZZ", "\xC3\xA9\xC3\xA9"};
        for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) check_region(resources_region(&r, codes[i]));
        diag_free(&d);
        strpool_free(pool);
        cJSON_Delete(root);
    }
    free(buf);
    return 0;
}
