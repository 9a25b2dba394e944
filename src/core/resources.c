#include "attune/resources.h"

#include <ctype.h>
#include <string.h>

bool resources_code(const char *code, char out[3])
{
    if (!code || !isalpha((unsigned char)code[0]) || !isalpha((unsigned char)code[1]) || code[2])
        return false;
    out[0] = (char)toupper((unsigned char)code[0]);
    out[1] = (char)toupper((unsigned char)code[1]);
    out[2] = 0;
    return true;
}

static const char *const LINE_KEYS[] = {"name", "contact"};
static const char *const REGION_KEYS[] = {"code", "name", "emergency", "crisis", "abuse"};

/* "crisis" or "abuse": 0..RES_MAX_LINES lines of name and contact. */
static bool lines_from_json(JsonV *v, const cJSON *obj, const char *path, const char *key,
                            HelpLine *lines, int *n, bool required)
{
    char kp[JV_PATH_MAX], ip[JV_PATH_MAX];
    int errors = v->errors;
    const cJSON *arr = jv_array(v, obj, path, key, 1, RES_MAX_LINES, required);
    jv_key_path(kp, path, key);
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        jv_index_path(ip, kp, i++);
        if (!cJSON_IsObject(it)) {
            jv_error(v, ip, "expected an object");
            continue;
        }
        jv_check_keys(v, it, ip, LINE_KEYS, 2);
        HelpLine l = {jv_str(v, it, ip, "name", 80, true), jv_str(v, it, ip, "contact", 160, true)};
        if (l.name && l.contact) lines[(*n)++] = l;
    }
    return v->errors == errors;
}

static bool region_from_json(JsonV *v, const cJSON *obj, const char *path, bool coded,
                             HelpRegion *out)
{
    int errors = v->errors;
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(obj)) {
        jv_error(v, path, "expected an object");
        return false;
    }
    /* "everywhere else" has no code */
    jv_check_keys(v, obj, path, REGION_KEYS + !coded, 5 - !coded);
    if (coded) {
        const char *code = jv_str(v, obj, path, "code", 2, true);
        char kp[JV_PATH_MAX], q[JV_QUOTE_MAX];
        if (code && !resources_code(code, out->code))
            jv_error(v, jv_key_path(kp, path, "code"),
                     "%s is not a region code (two letters, ISO 3166-1, e.g. \"CA\")",
                     jv_quote(q, code));
    }
    out->name = jv_str(v, obj, path, "name", 60, true);
    out->emergency = jv_str(v, obj, path, "emergency", 60, true);
    lines_from_json(v, obj, path, "crisis", out->crisis, &out->ncrisis, true);
    lines_from_json(v, obj, path, "abuse", out->abuse, &out->nabuse, false);
    return v->errors == errors;
}

bool resources_from_json(JsonV *v, const cJSON *obj, const char *path, Resources *r)
{
    int errors = v->errors;
    char kp[JV_PATH_MAX], ip[JV_PATH_MAX];
    static const struct { const char *key; size_t max; size_t off; } TEXTS[] = {
        {"notice", RES_NOTICE_MAX, offsetof(Resources, notice)},
        {"safety", RES_SAFETY_MAX, offsetof(Resources, safety)},
        {"breathing", RES_TEXT_MAX, offsetof(Resources, breathing)},
        {"therapist", RES_TEXT_MAX, offsetof(Resources, therapist)},
        {"privacy", RES_TEXT_MAX, offsetof(Resources, privacy)},
    };
    for (size_t i = 0; i < sizeof TEXTS / sizeof TEXTS[0]; i++) {
        const char *s = jv_str(v, obj, path, TEXTS[i].key, TEXTS[i].max, false);
        if (s) *(const char **)((char *)r + TEXTS[i].off) = s;
    }
    const cJSON *regions = jv_array(v, obj, path, "regions", 0, RES_MAX_REGIONS, false);
    if (regions) r->nregions = 0;
    jv_key_path(kp, path, "regions");
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, regions) {
        jv_index_path(ip, kp, i++);
        HelpRegion g;
        if (!region_from_json(v, it, ip, true, &g)) continue;
        bool dup = false;
        for (int k = 0; k < r->nregions && !dup; k++) dup = strcmp(r->regions[k].code, g.code) == 0;
        if (dup) {
            char cp[JV_PATH_MAX];
            jv_error(v, jv_key_path(cp, ip, "code"), "\"%s\" appears twice", g.code);
            continue;
        }
        r->regions[r->nregions++] = g;
    }
    const cJSON *else_obj = cJSON_GetObjectItemCaseSensitive(obj, "elsewhere");
    if (else_obj) {
        HelpRegion g;
        if (region_from_json(v, else_obj, jv_key_path(kp, path, "elsewhere"), false, &g))
            r->elsewhere = g;
    }
    static const char *const KNOWN[] = {"notice", "safety", "breathing", "therapist",
                                        "privacy", "regions", "elsewhere"};
    jv_check_keys(v, obj, path, KNOWN, (int)(sizeof KNOWN / sizeof KNOWN[0]));
    return v->errors == errors;
}

const HelpRegion *resources_region(const Resources *r, const char *code)
{
    char c[3];
    if (resources_code(code, c))
        for (int i = 0; i < r->nregions; i++)
            if (strcmp(r->regions[i].code, c) == 0) return &r->regions[i];
    return r->elsewhere.name ? &r->elsewhere : NULL;
}

void resources_locale_region(const char *lc_all, const char *lc_messages, const char *lang,
                             char out[3])
{
    const char *v = lc_all && *lc_all ? lc_all : lc_messages && *lc_messages ? lc_messages : lang;
    out[0] = 0;
    if (!v) return;
    const char *u = strchr(v, '_');
    if (!u) return;
    char cc[3] = {u[1], u[1] ? u[2] : 0, 0};
    /* The country is exactly two letters, ended by the string, a charset or a modifier. */
    if (!cc[1] || (u[3] && u[3] != '.' && u[3] != '@')) return;
    resources_code(cc, out);
}
