/* Content loading: breathing pattern validation messages name the file and the JSON path,
 * a bad entry never stops the rest from loading, and cross-file references are checked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attune/content.h"
#include "check.h"
#include "filetest.h"

#define STEPS_OK "\"steps\": [{\"kind\": \"in\", \"ms\": 4000}, {\"kind\": \"out\", \"ms\": 6000}]"

static void a_good_pattern_loads_with_its_defaults(void)
{
    Content c = {0};
    AtDiag d = {0};
    const char *p = write_file("good.json", "{\"patterns\": [{\"id\": \"calm\", \"title\": \"Calm\", "
                                            "\"when\": \"Any time.\", " STEPS_OK "}]}");
    CHECK_INT(content_load_file(&c, p, false, &d), 0);
    const BreathPattern *bp = content_pattern(&c, "calm");
    CHECK(bp != NULL);
    if (bp) {
        CHECK_INT(bp->nsteps, 2);
        CHECK_INT(bp->cycle_ms, 10000);
        CHECK_INT(bp->minutes, 3);
        CHECK_NEAR(bp->steps[0].to, 1.0, 1e-6);
        CHECK_NEAR(bp->steps[1].to, 0.0, 1e-6);
        CHECK(!bp->user);
    }
    dump(&d);
    diag_free(&d);
    content_free(&c);
}

static void each_bad_pattern_gets_one_message_with_file_and_path(void)
{
    Content c = {0};
    AtDiag d = {0};
    const char *p = write_file(
        "bad.json",
        "{\"patterns\": [\n"
        " {\"id\": \"ok\", \"title\": \"Fine\", \"when\": \"Always.\", " STEPS_OK "},\n"
        " {\"id\": \"slow\", \"title\": \"Slow\", \"when\": \"Never.\",\n"
        "  \"steps\": [{\"kind\": \"in\", \"ms\": 40000}, {\"kind\": \"out\", \"ms\": 6000}]},\n"
        " {\"id\": \"odd\", \"title\": \"Odd\", \"when\": \"Never.\",\n"
        "  \"steps\": [{\"kind\": \"in\", \"ms\": 4000}, {\"kind\": \"exhale\", \"ms\": 6000}]},\n"
        " {\"id\": \"Bad Id\", \"title\": \"X\", \"when\": \"Never.\", " STEPS_OK "},\n"
        " {\"id\": \"notitle\", \"when\": \"Never.\", " STEPS_OK "},\n"
        " {\"id\": \"holdonly\", \"title\": \"H\", \"when\": \"Never.\",\n"
        "  \"steps\": [{\"kind\": \"hold\", \"ms\": 4000}, {\"kind\": \"out\", \"ms\": 6000}]},\n"
        " {\"id\": \"backwards\", \"title\": \"B\", \"when\": \"Never.\",\n"
        "  \"steps\": [{\"kind\": \"in\", \"ms\": 3000, \"to\": 0.8}, {\"kind\": \"in\", \"ms\": 1000, \"to\": 0.5},\n"
        "             {\"kind\": \"out\", \"ms\": 6000}]},\n"
        " {\"id\": \"ok\", \"title\": \"Again\", \"when\": \"Always.\", " STEPS_OK "},\n"
        " {\"id\": \"long\", \"title\": \"L\", \"when\": \"Never.\", \"minutes\": 61, " STEPS_OK "},\n"
        " {\"id\": \"short\", \"title\": \"S\", \"when\": \"Never.\",\n"
        "  \"steps\": [{\"kind\": \"in\", \"ms\": 600}, {\"kind\": \"out\", \"ms\": 600}]}\n"
        "]}\n");
    content_load_file(&c, p, false, &d);
    CHECK_INT(c.npatterns, 1); /* only the first "ok" */
    CHECK(said(&d, "bad.json: patterns[1].steps[0].ms: 40000 is out of range (500 to 30000)"));
    CHECK(said(&d, "bad.json: patterns[2].steps[1].kind: expected one of in|hold|out|hold-empty"));
    CHECK(said(&d, "bad.json: patterns[3].id: \"Bad Id\" is not an id"));
    CHECK(said(&d, "bad.json: patterns[4].title: missing"));
    CHECK(said(&d, "bad.json: patterns[5].steps: a pattern needs at least one \"in\" and one \"out\" step"));
    CHECK(said(&d, "bad.json: patterns[6].steps[1]: \"in\" goes the wrong way"));
    CHECK(said(&d, "bad.json: patterns[7].id: \"ok\" is already used by another pattern"));
    CHECK(said(&d, "bad.json: patterns[8].minutes: 61 is out of range (1 to 60)"));
    CHECK(said(&d, "bad.json: patterns[9].steps: one breath must last at least 2000 ms"));
    CHECK_INT(d.count, 9);
    diag_free(&d);
    content_free(&c);
}

static void broken_json_says_where(void)
{
    Content c = {0};
    AtDiag d = {0};
    const char *p = write_file("broken.json", "{\"patterns\": [\n  {\"id\": \"x\",,}\n]}\n");
    CHECK_INT(content_load_file(&c, p, false, &d), 1);
    CHECK(said(&d, "broken.json: line 2, column"));
    CHECK(said(&d, "not valid JSON"));
    diag_free(&d);
    content_load_file(&c, write_file("section.json", "{\"pattern\": []}"), false, &d);
    CHECK(said(&d, "section.json: pattern: unknown section"));
    diag_free(&d);
    content_free(&c);
}

static void a_missing_user_folder_is_fine_but_a_missing_content_folder_is_not(void)
{
    Content c = {0};
    AtDiag d = {0};
    char missing[700];
    snprintf(missing, sizeof missing, "%s/no-such-folder", dir);
    CHECK_INT(content_load_dir(&c, missing, true, &d), 0);
    CHECK_INT(content_load_dir(&c, missing, false, &d), 1);
    CHECK(said(&d, "no-such-folder: cannot open the content folder"));
    diag_free(&d);
    content_free(&c);
}

static void user_patterns_load_beside_shipped_ones_and_cannot_take_their_ids(void)
{
    Content c = {0};
    AtDiag d = {0};
    CHECK_INT(content_load_dir(&c, ATTUNE_SOURCE_DIR "/levels", false, &d), 0);
    dump(&d);
    int shipped = c.npatterns;
    CHECK(shipped >= 9);
    char user[700];
    snprintf(user, sizeof user, "%s/user", dir);
    mkdir(user, 0700);
    snprintf(user, sizeof user, "%s/user/mine.json", dir);
    FILE *f = fopen(user, "w");
    fputs("{\"patterns\": [{\"id\": \"box\", \"title\": \"Mine\", \"when\": \"w\", " STEPS_OK "},\n"
          "               {\"id\": \"mine\", \"title\": \"Mine\", \"when\": \"w\", " STEPS_OK "}]}",
          f);
    fclose(f);
    snprintf(user, sizeof user, "%s/user", dir);
    CHECK_INT(content_load_dir(&c, user, true, &d), 1);
    CHECK(said(&d, "mine.json: patterns[0].id: \"box\" is already used by another pattern"));
    CHECK_INT(c.npatterns, shipped + 1);
    const BreathPattern *m = content_pattern(&c, "mine");
    CHECK(m && m->user);
    CHECK_INT(content_check_refs(&c, &d), 0);
    diag_free(&d);
    content_free(&c);
}

static void references_to_missing_patterns_are_reported(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_file(&c, write_file("ex.json",
        "{\"exercises\": [{\"id\": \"pause\", \"title\": \"Pause\", \"when\": \"w\", \"minutes\": 1,\n"
        "  \"steps\": [{\"prompt\": \"Breathe.\", \"breathe\": {\"pattern\": \"boxx\", \"breaths\": 2}}]}]}"),
        false, &d);
    CHECK_INT(d.count, 0);
    CHECK_INT(content_check_refs(&c, &d), 1);
    CHECK(said(&d, "ex.json: exercises[0].steps[0].breathe.pattern: no breathing pattern \"boxx\" is loaded"));
    diag_free(&d);
    content_free(&c);
}

static void caution_max_breaths_and_unpaced_are_validated(void)
{
    Content c = {0};
    AtDiag d = {0};
    char longtext[460];
    memset(longtext, 'a', 401);
    longtext[401] = 0;
    char text[2400];
    snprintf(text, sizeof text,
        "{\"patterns\": [\n"
        " {\"id\": \"held\", \"title\": \"Held\", \"when\": \"w\", \"max_breaths\": 4,\n"
        "  \"caution\": \"Never strain.\", " STEPS_OK "},\n"
        " {\"id\": \"still\", \"title\": \"Still\", \"when\": \"w\", \"unpaced\": true, \"minutes\": 2},\n"
        " {\"id\": \"zero\", \"title\": \"Z\", \"when\": \"w\", \"max_breaths\": 0, " STEPS_OK "},\n"
        " {\"id\": \"many\", \"title\": \"M\", \"when\": \"w\", \"max_breaths\": 2.5, " STEPS_OK "},\n"
        " {\"id\": \"wordy\", \"title\": \"W\", \"when\": \"w\", \"caution\": \"%s\", " STEPS_OK "},\n"
        " {\"id\": \"stepped\", \"title\": \"S\", \"when\": \"w\", \"unpaced\": true, " STEPS_OK "},\n"
        " {\"id\": \"counted\", \"title\": \"C\", \"when\": \"w\", \"unpaced\": true, \"max_breaths\": 3},\n"
        " {\"id\": \"maybe\", \"title\": \"Y\", \"when\": \"w\", \"unpaced\": \"yes\"},\n"
        " {\"id\": \"bare\", \"title\": \"B\", \"when\": \"w\", \"unpaced\": false},\n"
        " {\"id\": \"your-pace\", \"title\": \"Mine\", \"when\": \"w\", " STEPS_OK "}\n"
        "]}\n", longtext);
    content_load_file(&c, write_file("new.json", text), false, &d);
    dump(&d);
    const BreathPattern *held = content_pattern(&c, "held");
    CHECK(held && held->max_breaths == 4 && held->caution && !strcmp(held->caution, "Never strain."));
    const BreathPattern *still = content_pattern(&c, "still");
    CHECK(still && still->unpaced && still->nsteps == 0 && still->cycle_ms == 0 && still->minutes == 2);
    CHECK(still && !still->caution && still->max_breaths == 0);
    CHECK_INT(c.npatterns, 2);
    CHECK(said(&d, "new.json: patterns[2].max_breaths: 0 is out of range (1 to 100)"));
    CHECK(said(&d, "new.json: patterns[3].max_breaths: expected a whole number"));
    CHECK(said(&d, "new.json: patterns[4].caution: too long (401 characters, at most 400)"));
    CHECK(said(&d, "new.json: patterns[5].steps: not allowed in an unpaced pattern"));
    CHECK(said(&d, "new.json: patterns[6].max_breaths: not allowed in an unpaced pattern"));
    CHECK(said(&d, "new.json: patterns[7].unpaced: expected true or false"));
    CHECK(said(&d, "new.json: patterns[8].steps: missing"));
    CHECK(said(&d, "new.json: patterns[9].id: \"your-pace\" is kept for Find your pace"));
    CHECK_INT(d.count, 8);
    diag_free(&d);
    content_free(&c);
}

static void interludes_need_a_paced_pattern_within_its_breath_limit(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_file(&c, write_file("pats.json",
        "{\"patterns\": [{\"id\": \"still\", \"title\": \"S\", \"when\": \"w\", \"unpaced\": true},\n"
        "  {\"id\": \"four\", \"title\": \"F\", \"when\": \"w\", \"max_breaths\": 4, " STEPS_OK "}],\n"
        " \"exercises\": [{\"id\": \"pause\", \"title\": \"Pause\", \"when\": \"w\", \"minutes\": 1,\n"
        "  \"steps\": [{\"prompt\": \"A.\", \"breathe\": {\"pattern\": \"still\", \"breaths\": 2}},\n"
        "             {\"prompt\": \"B.\", \"breathe\": {\"pattern\": \"four\", \"breaths\": 5}},\n"
        "             {\"prompt\": \"C.\", \"breathe\": {\"pattern\": \"four\", \"breaths\": 4}}]}]}"),
        false, &d);
    CHECK_INT(d.count, 0);
    CHECK_INT(content_check_refs(&c, &d), 2);
    CHECK(said(&d, "pats.json: exercises[0].steps[0].breathe.pattern: \"still\" is unpaced: it has no breaths to count"));
    CHECK(said(&d, "pats.json: exercises[0].steps[1].breathe.breaths: 5 is more than \"four\" allows at a time (4)"));
    dump(&d);
    diag_free(&d);
    content_free(&c);
}

static void shipped_patterns_are_taught_as_they_are(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_file(&c, ATTUNE_SOURCE_DIR "/levels/patterns.json", CONTENT_SHIPPED, &d);
    dump(&d);
    CHECK_INT(d.count, 0);
    CHECK(content_pattern(&c, "4-7-11") == NULL); /* not an established pattern */
    const BreathPattern *p = content_pattern(&c, "seven-eleven");
    CHECK(p && p->nsteps == 2 && p->steps[0].kind == BREATH_IN && p->steps[1].kind == BREATH_OUT);
    CHECK(p && p->steps[0].ms == 3500 && p->steps[1].ms == 5500); /* no hold */
    p = content_pattern(&c, "478");
    CHECK(p && p->max_breaths == 4 && p->caution);
    p = content_pattern(&c, "coherent"); /* the id stays, so history still matches */
    CHECK(p && !strstr(p->title, "esonance") && strstr(p->when, "average"));
    p = content_pattern(&c, "just-notice");
    CHECK(p && p->unpaced);
    diag_free(&d);
    content_free(&c);
}

static void help_lines_come_by_region_from_shipped_content(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_file(&c, ATTUNE_SOURCE_DIR "/levels/resources.json", CONTENT_SHIPPED, &d);
    CHECK_INT(d.count, 0);
    const Resources *r = &c.res;
    CHECK(r->notice && strstr(r->notice, "practice, not therapy"));
    CHECK(r->safety && strlen(r->safety) <= 400 && strstr(r->safety, "not yours to accept"));
    CHECK(r->breathing && strstr(r->breathing, "dizzy"));
    CHECK(r->therapist && r->privacy);
    static const char *const REQUIRED[][2] = {
        {"US", "988"}, {"CA", "9-8-8"}, {"GB", "116 123"}, {"IE", "116 123"},
        {"AU", "13 11 14"}, {"NZ", "1737"},
    };
    for (size_t i = 0; i < sizeof REQUIRED / sizeof REQUIRED[0]; i++) {
        const HelpRegion *g = resources_region(r, REQUIRED[i][0]);
        CHECK(g && strcmp(g->code, REQUIRED[i][0]) == 0);
        CHECK(g && g->ncrisis >= 1 && strstr(g->crisis[0].contact, REQUIRED[i][1]));
        CHECK(g && g->nabuse >= 1 && g->emergency);
    }
    CHECK(r->nregions >= 12);
    CHECK(strstr(resources_region(r, "us")->abuse[0].contact, "START to 88788"));
    /* An unknown or missing region falls back to everywhere else. */
    CHECK(resources_region(r, "XK") == &r->elsewhere);
    CHECK(resources_region(r, "") == &r->elsewhere);
    CHECK(strstr(r->elsewhere.crisis[0].contact, "findahelpline.com"));
    /* The retired "press 3" option of 988 is not offered. */
    CHECK(!strstr(resources_region(r, "US")->crisis[0].contact, "press"));
    diag_free(&d);
    content_free(&c);
}

static void bad_regions_are_reported_with_file_and_path(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_file(&c, write_file("res.json",
        "{\"resources\": {\"regions\": [{\"code\": \"USA\", \"name\": \"X\", \"emergency\": \"1\","
        " \"crisis\": [{\"name\": \"A\"}]}], \"elswhere\": {}}}"), CONTENT_SHIPPED, &d);
    CHECK(said(&d, "res.json: resources.regions[0].code: \"USA\" is longer than 2 characters") ||
          said(&d, "res.json: resources.regions[0].code"));
    CHECK(said(&d, "res.json: resources.regions[0].crisis[0].contact: missing"));
    CHECK(said(&d, "res.json: resources.elswhere: unknown key"));
    diag_free(&d);
    content_load_file(&c, write_file("res2.json",
        "{\"resources\": {\"regions\": [{\"code\": \"CA\", \"name\": \"Canada\", \"emergency\": \"911\","
        " \"crisis\": [{\"name\": \"A\", \"contact\": \"1\", \"hours\": \"24/7\"}], \"_note\": \"ok\"}],"
        " \"elsewhere\": {\"code\": \"XX\", \"name\": \"Elsewhere\", \"emergency\": \"local\","
        " \"crisis\": [{\"name\": \"B\", \"contact\": \"2\"}]}}}"), CONTENT_SHIPPED, &d);
    dump(&d);
    CHECK(said(&d, "res2.json: resources.regions[0].crisis[0].hours: unknown key (expected one of name|contact)"));
    CHECK(said(&d, "res2.json: resources.elsewhere.code: unknown key (expected one of name|emergency|crisis|abuse)"));
    CHECK_INT(d.count, 2);
    CHECK_INT(c.res.nregions, 0);
    diag_free(&d);
    content_free(&c);
}

static void content_outside_the_shipped_folder_cannot_touch_safety_resources(void)
{
    Content c = {0};
    AtDiag d = {0};
    content_load_file(&c, ATTUNE_SOURCE_DIR "/levels/resources.json", CONTENT_SHIPPED, &d);
    const char *notice = c.res.notice;
    int nregions = c.res.nregions;
    const char *res = write_file("mine.json",
        "{\"resources\": {\"notice\": \"Nothing to see.\", \"regions\": []},"
        " \"level\": {}, \"patterns\": []}");
    CHECK_INT(content_load_file(&c, res, CONTENT_USER, &d), 2);
    CHECK(said(&d, "mine.json: resources: not allowed in your own content (it may hold \"patterns\" and \"exercises\")"));
    CHECK(said(&d, "mine.json: level: not allowed in your own content"));
    res = write_file("author.json", "{\"resources\": {\"notice\": \"Nothing to see.\"}, \"patterns\": []}");
    CHECK_INT(content_load_file(&c, res, CONTENT_AUTHOR, &d), 1);
    CHECK(said(&d, "author.json: resources: only the shipped content may hold help and crisis resources"));
    CHECK(c.res.notice == notice);
    CHECK_INT(c.res.nregions, nregions);
    diag_free(&d);
    content_free(&c);
}

/* Loads one file's text as shipped content into a fresh Content; messages land in d. */
static int load_text(Content *c, AtDiag *d, const char *name, const char *text)
{
    return content_load_file(c, write_file(name, text), CONTENT_SHIPPED, d);
}

static void an_empty_or_incomplete_content_folder_is_refused_naming_it(void)
{
    Content c = {0};
    AtDiag d = {0};
    char empty[700];
    snprintf(empty, sizeof empty, "%s/empty-levels", dir);
    mkdir(empty, 0700);
    CHECK_INT(content_load_dir(&c, empty, CONTENT_SHIPPED, &d), 0);
    CHECK_INT(content_check_shipped(&c, empty, &d), 1);
    CHECK_INT(d.count, 1);
    if (d.count) {
        CHECK(strncmp(d.msg[0], empty, strlen(empty)) == 0);
        CHECK_CONTAINS(d.msg[0], "no breathing patterns, grounding exercises, card levels or help and crisis lines");
        CHECK_CONTAINS(d.msg[0], "cannot start");
    }
    diag_free(&d);
    content_free(&c);
    /* patterns alone are not enough */
    content_load_file(&c, ATTUNE_SOURCE_DIR "/levels/patterns.json", CONTENT_SHIPPED, &d);
    CHECK_INT(content_check_shipped(&c, "somewhere", &d), 1);
    CHECK(said(&d, "somewhere: Attune's content folder has no grounding exercises, card levels or help"));
    diag_free(&d);
    content_free(&c);
    /* the shipped folder is complete */
    content_load_dir(&c, ATTUNE_SOURCE_DIR "/levels", CONTENT_SHIPPED, &d);
    CHECK_INT(content_check_shipped(&c, ATTUNE_SOURCE_DIR "/levels", &d), 0);
    diag_free(&d);
    content_free(&c);
}

static void unknown_keys_in_a_pattern_are_errors(void)
{
    Content c = {0};
    AtDiag d = {0};
    load_text(&c, &d, "keys.json",
              "{\"patterns\": [\n"
              " {\"id\": \"a\", \"title\": \"A\", \"when\": \"Now.\", \"minuts\": 10, " STEPS_OK "},\n"
              " {\"id\": \"b\", \"title\": \"B\", \"when\": \"Now.\", \"steps\": [{\"kind\": \"in\", \"ms\": 4000,"
              " \"too\": 0.5}, {\"kind\": \"out\", \"ms\": 6000}]},\n"
              " {\"id\": \"c\", \"title\": \"C\", \"when\": \"Now.\", \"_why\": \"a comment\", " STEPS_OK "},\n"
              " {\"id\": \"d\", \"title\": \"D\", \"when\": \"Now.\", \"minutes\": 2, \"minutes\": 50, " STEPS_OK "}\n"
              "]}");
    dump(&d);
    CHECK_INT(d.count, 3);
    CHECK(said(&d, "keys.json: patterns[0].minuts: unknown key (expected one of id|title|when|minutes|steps|max_breaths|caution|unpaced)"));
    CHECK(said(&d, "keys.json: patterns[1].steps[0].too: unknown key (expected one of kind|ms|to)"));
    CHECK(said(&d, "keys.json: patterns[3].minutes: appears more than once in the same object"));
    CHECK(!content_pattern(&c, "a") && !content_pattern(&c, "b") && !content_pattern(&c, "d"));
    CHECK(content_pattern(&c, "c") != NULL);
    diag_free(&d);
    content_free(&c);
}

static void text_must_be_utf8_without_nul(void)
{
    Content c = {0};
    AtDiag d = {0};
    load_text(&c, &d, "text.json",
              "{\"patterns\": [\n"
              " {\"id\": \"latin1\", \"title\": \"Caf\xE9\", \"when\": \"Now.\", " STEPS_OK "},\n"
              " {\"id\": \"nul\", \"title\": \"Calm\\u0000 and hidden\", \"when\": \"Now.\", " STEPS_OK "},\n"
              " {\"id\": \"overlong\", \"title\": \"X\", \"when\": \"\xC0\xAF\", " STEPS_OK "},\n"
              " {\"id\": \"surrogate\", \"title\": \"X\", \"when\": \"\xED\xA0\x80\", " STEPS_OK "},\n"
              " {\"id\": \"key\", \"title\": \"X\", \"when\": \"Now.\", \"min\\u0000utes\": 3, " STEPS_OK "},\n"
              " {\"id\": \"fine\", \"title\": \"A \\\\u0000 is just text \u00e9\", \"when\": \"\xE2\x80\x94 \xF0\x9F\x8C\xBF\", " STEPS_OK "}\n"
              "]}");
    dump(&d);
    CHECK_INT(d.count, 5);
    CHECK(said(&d, "text.json: patterns[0].title: is not valid UTF-8 (byte 4 is 0xE9)"));
    CHECK(said(&d, "text.json: patterns[1].title: holds a NUL character (\\u0000), which text may not"));
    CHECK(said(&d, "text.json: patterns[2].when: is not valid UTF-8 (byte 1 is 0xC0)"));
    CHECK(said(&d, "text.json: patterns[3].when: is not valid UTF-8 (byte 1 is 0xED)"));
    CHECK(said(&d, "text.json: patterns[4].min\\u0000utes: unknown key"));
    CHECK_INT(c.npatterns, 1);
    const BreathPattern *p = content_pattern(&c, "fine");
    CHECK(p != NULL);
    if (p) CHECK_STR(p->title, "A \\u0000 is just text \xC3\xA9");
    diag_free(&d);
    content_free(&c);
}

/* Found by fuzz_patterns: an id holding control characters went into its message raw, so
 * `attune validate` printed a broken line (or drove the terminal). */
static void messages_stay_one_printable_line_whatever_the_file_holds(void)
{
    Content c = {0};
    AtDiag d = {0};
    load_text(&c, &d, "ctl.json",
              "{\"patterns\": [\n"
              " {\"id\": \"box\\u0017\\u001b[2J\", \"title\": \"T\", \"when\": \"Now.\", " STEPS_OK "},\n"
              " {\"id\": \"ok\", \"title\": \"Two\\nlines\", \"when\": \"Tab\\there.\", " STEPS_OK "},\n"
              " {\"id\": \"" "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" "\", \"title\": \"T\", \"when\": \"W\", " STEPS_OK "}\n"
              "]}");
    dump(&d);
    CHECK(said(&d, "ctl.json: patterns[0].id: holds a control character (U+0017 at character 4)"));
    CHECK(said(&d, "ctl.json: patterns[1].title: holds a control character (U+000A at character 4); "
                   "text is written without tabs or line breaks"));
    CHECK(said(&d, "ctl.json: patterns[1].when: holds a control character (U+0009 at character 4)"));
    CHECK(said(&d, "ctl.json: patterns[2].id: \"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is not an id"));
    for (int i = 0; i < d.count; i++)
        for (const char *m = d.msg[i]; *m; m++) CHECK((unsigned char)*m >= 0x20);
    CHECK_INT(c.npatterns, 0);
    diag_free(&d);
    content_free(&c);
    /* A long value is cut, with an ellipsis, inside the quotes. */
    char q[JV_QUOTE_MAX];
    CHECK_STR(jv_quote(q, "a\tb"), "\"a\\x09b\"");
    char longer[200];
    memset(longer, 'x', 199);
    longer[199] = 0;
    jv_quote(q, longer);
    CHECK(strlen(q) < JV_QUOTE_MAX);
    CHECK(strstr(q, "xxx\xE2\x80\xA6\"") != NULL);
}

#define PATTERN(ID) "{\"id\": \"" ID "\", \"title\": \"T\", \"when\": \"Now.\", " STEPS_OK "}"
#define STEP1 "\"steps\": [{\"prompt\": \"Look around.\"}]"
#define EXERCISE(ID) "{\"id\": \"" ID "\", \"title\": \"T\", \"when\": \"Now.\", \"minutes\": 1, " STEP1 "}"

static void ids_are_unique_across_all_content(void)
{
    Content c = {0};
    AtDiag d = {0};
    load_text(&c, &d, "a-patterns.json", "{\"patterns\": [" PATTERN("box") ", " PATTERN("calm") "]}");
    CHECK_INT(d.count, 0);
    load_text(&c, &d, "b-exercises.json",
              "{\"exercises\": [" EXERCISE("box") ", " EXERCISE("senses") "]}");
    char want[900];
    snprintf(want, sizeof want, "b-exercises.json: exercises[0].id: \"box\" is already used by "
             "a breathing pattern (%s/a-patterns.json)", dir);
    CHECK(said(&d, want));
    CHECK(content_exercise(&c, "box") == NULL);
    CHECK(content_exercise(&c, "senses") != NULL);
    load_text(&c, &d, "c-more.json", "{\"patterns\": [" PATTERN("senses") "]}");
    snprintf(want, sizeof want, "c-more.json: patterns[0].id: \"senses\" is already used by "
             "a grounding exercise (%s/b-exercises.json)", dir);
    CHECK(said(&d, want));
    CHECK(content_pattern(&c, "senses") == NULL);
    /* user patterns cannot take an exercise's id either */
    content_load_file(&c, write_file("mine2.json", "{\"patterns\": [" PATTERN("senses") "]}"),
                      CONTENT_USER, &d);
    CHECK(said(&d, "mine2.json: patterns[0].id: \"senses\" is already used by a grounding exercise"));
    CHECK_INT(d.count, 3);
    dump(&d);
    diag_free(&d);
    content_free(&c);
}

static void a_section_appears_once_per_file(void)
{
    Content c = {0};
    AtDiag d = {0};
    load_text(&c, &d, "twice.json", "{\"patterns\": [" PATTERN("one") "], \"patterns\": [" PATTERN("two") "]}");
    CHECK(said(&d, "twice.json: patterns: appears more than once in the file"));
    CHECK(content_pattern(&c, "one") != NULL);
    CHECK(content_pattern(&c, "two") == NULL);
    diag_free(&d);
    content_free(&c);
}

static void a_file_of_many_problems_lists_the_first_ones_and_counts_the_rest(void)
{
    Content c = {0};
    AtDiag d = {0};
    size_t cap = 40000, n = 0;
    char *text = malloc(cap);
    n += (size_t)snprintf(text + n, cap - n, "{\"patterns\": [{\"id\": \"x\"");
    for (int i = 0; i < 500; i++) n += (size_t)snprintf(text + n, cap - n, ", \"k%d\": 1", i);
    snprintf(text + n, cap - n, "}]}");
    int added = load_text(&c, &d, "many.json", text);
    CHECK_INT(added, JV_MAX_MESSAGES + 1);
    CHECK_INT(d.count, JV_MAX_MESSAGES + 1);
    if (d.count) CHECK_CONTAINS(d.msg[d.count - 1], "many.json: 303 more problems not listed");
    free(text);
    diag_free(&d);
    content_free(&c);
}

static void the_region_comes_from_the_locale(void)
{
    char cc[3];
    resources_locale_region(NULL, NULL, "en_GB.UTF-8", cc);
    CHECK_STR(cc, "GB");
    resources_locale_region("", "", "de_DE", cc);
    CHECK_STR(cc, "DE");
    resources_locale_region(NULL, "fr_CA.UTF-8@euro", "en_US", cc);
    CHECK_STR(cc, "CA");
    resources_locale_region("nl_NL", "fr_CA", "en_US", cc);
    CHECK_STR(cc, "NL");
    resources_locale_region(NULL, NULL, "C.UTF-8", cc);
    CHECK_STR(cc, "");
    resources_locale_region(NULL, NULL, "POSIX", cc);
    CHECK_STR(cc, "");
    resources_locale_region(NULL, NULL, NULL, cc);
    CHECK_STR(cc, "");
    resources_locale_region(NULL, NULL, "en_USA", cc);
    CHECK_STR(cc, "");
}

/* The window holds the card levels back until its first frame is on screen: meanwhile the
 * folder counts as complete and the cards still own their ids; then they load as they would
 * have, with their problems reported. */
static void held_back_levels_load_later_as_they_would_have(void)
{
    Content all = {0}, c = {.defer_levels = true};
    AtDiag d = {0};
    CHECK_INT(content_load_dir(&all, ATTUNE_SOURCE_DIR "/levels", CONTENT_SHIPPED, &d), 0);
    CHECK_INT(content_load_dir(&c, ATTUNE_SOURCE_DIR "/levels", CONTENT_SHIPPED, &d), 0);
    CHECK_INT(c.nlevels, 0);
    CHECK_INT(c.npending, all.nlevels);
    CHECK_INT(c.npatterns, all.npatterns);
    CHECK_INT(c.nlearn, all.nlearn);
    CHECK_INT(content_check_shipped(&c, "levels", &d), 0);
    const char *card = all.levels[1].cards[2].id;
    char mine[300];
    snprintf(mine, sizeof mine, "{\"patterns\": [{\"id\": \"%s\", \"title\": \"Mine\", \"when\": \"w\", "
             STEPS_OK "}]}", card);
    CHECK_INT(content_load_file(&c, write_file("mine.json", mine), CONTENT_USER, &d), 1);
    CHECK(said(&d, "is already used by a card ("));
    CHECK(content_pattern(&c, card) == NULL);
    diag_free(&d);
    CHECK_INT(content_load_pending(&c, &d), 0);
    CHECK_INT(content_check_refs(&c, &d), 0);
    dump(&d);
    CHECK_INT(c.npending, 0);
    CHECK_INT(c.nlevels, all.nlevels);
    for (int i = 0; i < c.nlevels && i < all.nlevels; i++) {
        CHECK_STR(c.levels[i].id, all.levels[i].id);
        CHECK_INT(c.levels[i].ncards, all.levels[i].ncards);
    }
    /* A level file with a problem is reported when it loads. */
    Content bad = {.defer_levels = true};
    const char *p = write_file("bad-level.json", "{\"level\": {\"id\": \"x\"}}");
    CHECK_INT(content_load_file(&bad, p, CONTENT_AUTHOR, &d), 0);
    CHECK_INT(bad.npending, 1);
    CHECK(content_load_pending(&bad, &d) > 0);
    CHECK(said(&d, "bad-level.json: level"));
    CHECK_INT(bad.nlevels, 0);
    diag_free(&d);
    content_free(&bad);
    content_free(&c);
    content_free(&all);
}

int main(void)
{
    if (!filetest_dir("content")) return 2;
    RUN(a_good_pattern_loads_with_its_defaults);
    RUN(each_bad_pattern_gets_one_message_with_file_and_path);
    RUN(broken_json_says_where);
    RUN(a_missing_user_folder_is_fine_but_a_missing_content_folder_is_not);
    RUN(user_patterns_load_beside_shipped_ones_and_cannot_take_their_ids);
    RUN(references_to_missing_patterns_are_reported);
    RUN(caution_max_breaths_and_unpaced_are_validated);
    RUN(interludes_need_a_paced_pattern_within_its_breath_limit);
    RUN(shipped_patterns_are_taught_as_they_are);
    RUN(help_lines_come_by_region_from_shipped_content);
    RUN(bad_regions_are_reported_with_file_and_path);
    RUN(content_outside_the_shipped_folder_cannot_touch_safety_resources);
    RUN(the_region_comes_from_the_locale);
    RUN(an_empty_or_incomplete_content_folder_is_refused_naming_it);
    RUN(unknown_keys_in_a_pattern_are_errors);
    RUN(text_must_be_utf8_without_nul);
    RUN(ids_are_unique_across_all_content);
    RUN(held_back_levels_load_later_as_they_would_have);
    RUN(a_section_appears_once_per_file);
    RUN(messages_stay_one_printable_line_whatever_the_file_holds);
    RUN(a_file_of_many_problems_lists_the_first_ones_and_counts_the_rest);
    return check_report();
}
