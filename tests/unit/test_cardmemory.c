/* Coming back to cards: the response picked last time and favourite cards, kept in the
 * practice log as records of their own kinds. What a person would notice: the reveal shows
 * what they chose last time, a favourite stays a favourite until they unmark it, both survive
 * a move to another computer (export and import), and nothing in the log is lost on the way. */
#include "attune/cardmemory.h"
#include "attune/day.h"
#include "check.h"
#include "storetest.h"

static char root[4096];

/* A record written at a local date and time (offset +60), with a fixed id. */
static PracticeRecord at(PracticeRecord r, const char *date, const char *time)
{
    snprintf(r.date, sizeof r.date, "%s", date);
    snprintf(r.time, sizeof r.time, "%s", time);
    r.utc_offset_min = 60;
    return r;
}

static PracticeRecord choice(const char *level, const char *card, DeckStyle s, const char *date,
                             const char *time)
{
    PracticeRecord r;
    cardmemory_choice_record(&r, level, card, s, 1795000000);
    return at(r, date, time);
}

static PracticeRecord favourite(const char *level, const char *card, bool on, const char *date,
                                const char *time)
{
    PracticeRecord r;
    cardmemory_favourite_record(&r, level, card, on, 1795000000);
    return at(r, date, time);
}

static void append(const char *dir, PracticeRecord r)
{
    char err[512] = "";
    bool ok = log_append(dir, &r, err, sizeof err);
    if (!ok) fprintf(stderr, "  append: %s\n", err);
    CHECK(ok);
}

static void load(const char *dir, CardMemory *m)
{
    AtDiag d = {0};
    CHECK(cardmemory_load(dir, m, &d));
    for (int i = 0; i < d.count; i++) fprintf(stderr, "  load: %s\n", d.msg[i]);
    CHECK_INT(d.count, 0);
    diag_free(&d);
}

static void a_choice_is_a_line_of_its_own_and_not_a_practice(void)
{
    char dir[4096], path[4096];
    ST_FMT(dir, sizeof dir, "%s/line", root);
    append(dir, choice("notice", "late-reply", DECK_STYLE_ANXIOUS, "2026-11-23", "18:46:12"));
    append(dir, favourite("notice", "late-reply", true, "2026-11-23", "18:46:20"));

    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    char *text = st_read(path, NULL);
    CHECK_CONTAINS(text, "\"date\":\"2026-11-23\",\"time\":\"18:46:12\",\"utc_offset_min\":60,"
                         "\"kind\":\"choice\",\"level\":\"notice\",\"card\":\"late-reply\","
                         "\"choice\":\"anxious\"}\n");
    CHECK_CONTAINS(text, "\"kind\":\"favourite\",\"level\":\"notice\",\"card\":\"late-reply\","
                         "\"on\":true}\n");
    free(text);

    /* The history of practices is as it was: no practice, nothing unreadable. */
    PracticeLog log = {0};
    LogReport rep;
    AtDiag d = {0};
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK_INT(log.count, 0);
    CHECK_INT(rep.lines, 2);
    CHECK_INT(rep.unreadable, 0);
    CHECK_INT(d.count, 0);
    log_free(&log);
    diag_free(&d);

    CardMemory m = {0};
    load(dir, &m);
    CHECK_INT(cardmemory_last_choice(&m, "notice", "late-reply"), DECK_STYLE_ANXIOUS);
    CHECK(cardmemory_is_favourite(&m, "notice", "late-reply"));
    /* The same card id in another level is another card. */
    CHECK_INT(cardmemory_last_choice(&m, "regulate", "late-reply"), -1);
    CHECK(!cardmemory_is_favourite(&m, "regulate", "late-reply"));
    CHECK_INT(cardmemory_last_choice(&m, "notice", "never-played"), -1);
    cardmemory_free(&m);
}

static void the_last_choice_wins_by_when_it_was_made(void)
{
    char dir[4096];
    ST_FMT(dir, sizeof dir, "%s/last", root);
    append(dir, choice("notice", "a", DECK_STYLE_ANXIOUS, "2026-11-20", "10:00:00"));
    append(dir, choice("notice", "a", DECK_STYLE_SECURE, "2026-11-21", "10:00:00"));
    CardMemory m = {0};
    load(dir, &m);
    CHECK_INT(cardmemory_last_choice(&m, "notice", "a"), DECK_STYLE_SECURE);
    cardmemory_free(&m);

    /* An older choice that comes later in the log (an import from another computer) does not
     * hide the newer one. */
    append(dir, choice("notice", "a", DECK_STYLE_AVOIDANT, "2026-11-19", "10:00:00"));
    load(dir, &m);
    CHECK_INT(cardmemory_last_choice(&m, "notice", "a"), DECK_STYLE_SECURE);
    cardmemory_free(&m);

    /* Two in the same second: the later line. */
    append(dir, choice("notice", "a", DECK_STYLE_FEARFUL, "2026-11-21", "10:00:00"));
    load(dir, &m);
    CHECK_INT(cardmemory_last_choice(&m, "notice", "a"), DECK_STYLE_FEARFUL);
    cardmemory_free(&m);

    /* The same local time an hour further east happened earlier. */
    PracticeRecord east = choice("notice", "a", DECK_STYLE_ANXIOUS, "2026-11-21", "10:30:00");
    east.utc_offset_min = 120;
    append(dir, east);
    load(dir, &m);
    CHECK_INT(cardmemory_last_choice(&m, "notice", "a"), DECK_STYLE_FEARFUL);
    cardmemory_free(&m);
}

static void a_favourite_stays_until_it_is_unmarked(void)
{
    char dir[4096];
    ST_FMT(dir, sizeof dir, "%s/fav", root);
    append(dir, favourite("notice", "a", true, "2026-11-20", "10:00:00"));
    append(dir, favourite("regulate", "b", true, "2026-11-20", "11:00:00"));
    append(dir, favourite("notice", "c", true, "2026-11-20", "09:00:00"));
    CardMemory m = {0};
    load(dir, &m);
    const CardMark *fav[8];
    CHECK_INT(cardmemory_favourites(&m, fav, 8), 3);
    /* In the order they were marked. */
    CHECK_STR(fav[0]->card, "c");
    CHECK_STR(fav[1]->card, "a");
    CHECK_STR(fav[2]->card, "b");
    CHECK_STR(fav[2]->level, "regulate");
    CHECK_INT(cardmemory_favourites(&m, fav, 1), 3); /* how many in all, one written */
    CHECK_STR(fav[0]->card, "c");
    cardmemory_free(&m);

    append(dir, favourite("notice", "a", false, "2026-11-21", "10:00:00"));
    load(dir, &m);
    CHECK(!cardmemory_is_favourite(&m, "notice", "a"));
    CHECK(cardmemory_is_favourite(&m, "notice", "c"));
    CHECK_INT(cardmemory_favourites(&m, fav, 8), 2);
    cardmemory_free(&m);

    /* Marked again: a favourite once more, now the latest marked. */
    append(dir, favourite("notice", "a", true, "2026-11-22", "10:00:00"));
    load(dir, &m);
    CHECK_INT(cardmemory_favourites(&m, fav, 8), 3);
    CHECK_STR(fav[2]->card, "a");
    /* Applied in memory after a save, as the app does: unmarked at once. */
    PracticeRecord off = favourite("notice", "a", false, "2026-11-22", "10:00:00");
    CHECK(cardmemory_apply(&m, &off));
    CHECK(!cardmemory_is_favourite(&m, "notice", "a"));
    CHECK_INT(cardmemory_favourites(&m, fav, 8), 2);
    /* Other records change nothing. */
    PracticeRecord p = st_rec("2026-11-22", "12:00:00", 60, 90000, true);
    CHECK(cardmemory_apply(&m, &p));
    CHECK_INT(m.count, 3);
    cardmemory_free(&m);
}

static void a_choice_or_favourite_that_is_wrong_is_refused_and_named(void)
{
    char dir[4096], path[4096], err[512];
    ST_FMT(dir, sizeof dir, "%s/bad", root);
    mkdir(dir, 0700);
    st_path(path, sizeof path, dir, STORE_LOG_FILE);
    const char *lines =
        "{\"id\":\"c1\",\"date\":\"2026-11-23\",\"time\":\"18:00:00\",\"utc_offset_min\":0,"
        "\"kind\":\"choice\",\"level\":\"notice\",\"card\":\"a\",\"choice\":\"best\"}\n"
        "{\"id\":\"c2\",\"date\":\"2026-11-23\",\"time\":\"18:00:00\",\"utc_offset_min\":0,"
        "\"kind\":\"favourite\",\"level\":\"notice\",\"card\":\"a\"}\n"
        "{\"id\":\"c3\",\"date\":\"2026-11-23\",\"time\":\"18:00:00\",\"utc_offset_min\":0,"
        "\"kind\":\"favourite\",\"level\":\"Notice!\",\"card\":\"a\",\"on\":true}\n"
        "{\"id\":\"c4\",\"date\":\"2026-11-23\",\"time\":\"18:00:00\",\"utc_offset_min\":0,"
        "\"kind\":\"choice\",\"level\":\"notice\",\"card\":\"b\",\"choice\":\"secure\"}\n";
    st_write(path, lines, strlen(lines), "wb");
    PracticeLog log = {0};
    LogReport rep;
    AtDiag d = {0};
    CHECK(log_load(dir, &log, &rep, &d));
    CHECK_INT(rep.unreadable, 3);
    CHECK(d.count >= 3 && strstr(d.msg[0], "practice.jsonl: line 1: choice: expected one of"));
    CHECK(d.count >= 3 && strstr(d.msg[1], "practice.jsonl: line 2: on: missing"));
    CHECK(d.count >= 3 && strstr(d.msg[2], "practice.jsonl: line 3: level:"));
    log_free(&log);
    diag_free(&d);
    CardMemory m = {0};
    CHECK(cardmemory_load(dir, &m, NULL));
    CHECK_INT(m.count, 1);
    CHECK_INT(cardmemory_last_choice(&m, "notice", "b"), DECK_STYLE_SECURE);
    CHECK_INT(cardmemory_last_choice(&m, "notice", "a"), -1);
    cardmemory_free(&m);
    /* The file was left as it was. */
    char *text = st_read(path, NULL);
    CHECK_STR(text, lines);
    free(text);

    /* A record that would not load back is not written. */
    PracticeRecord r = choice("notice", "", DECK_STYLE_SECURE, "2026-11-23", "18:00:00");
    CHECK(!log_append(dir, &r, err, sizeof err));
}

static void choices_and_favourites_travel_with_export_and_import(void)
{
    char a[4096], b[4096], file[4096], path[4096];
    ST_FMT(a, sizeof a, "%s/from", root);
    ST_FMT(b, sizeof b, "%s/to", root);
    ST_FMT(file, sizeof file, "%s/backup.json", root);
    append(a, st_rec("2026-11-23", "18:00:00", 60, 120000, true));
    append(a, choice("notice", "a", DECK_STYLE_AVOIDANT, "2026-11-23", "18:01:00"));
    append(a, favourite("notice", "a", true, "2026-11-23", "18:01:05"));
    append(a, favourite("accept", "z", true, "2026-11-23", "18:02:00"));
    append(a, favourite("accept", "z", false, "2026-11-23", "18:03:00"));
    /* A kind of record from a newer Attune: unreadable here, and kept. */
    const char *future = "{\"id\":\"f1\",\"date\":\"2026-11-23\",\"time\":\"18:04:00\","
                         "\"utc_offset_min\":60,\"kind\":\"mood\",\"word\":\"tender\"}\n";
    st_path(path, sizeof path, a, STORE_LOG_FILE);
    st_write(path, future, strlen(future), "ab");

    AtDiag d = {0};
    int n = 0;
    CHECK(store_export(a, file, &n, &d));
    CHECK_INT(n, 5);
    char *exported = st_read(file, NULL);
    CHECK_CONTAINS(exported, "\"kind\":\"choice\",\"level\":\"notice\",\"card\":\"a\"");
    CHECK_CONTAINS(exported, "\"unreadable\":[");
    CHECK_CONTAINS(exported, "\\\"kind\\\":\\\"mood\\\"");
    free(exported);
    diag_free(&d); /* export describes the line it could not read */

    ImportResult res;
    CHECK(store_import(b, file, &res, &d));
    for (int i = 0; i < d.count; i++) fprintf(stderr, "  import: %s\n", d.msg[i]);
    CHECK_INT(res.added, 1);
    CHECK_INT(res.other_added, 5); /* four about cards, one kept unread */
    CardMemory m = {0};
    load(b, &m);
    CHECK_INT(cardmemory_last_choice(&m, "notice", "a"), DECK_STYLE_AVOIDANT);
    CHECK(cardmemory_is_favourite(&m, "notice", "a"));
    CHECK(!cardmemory_is_favourite(&m, "accept", "z"));
    cardmemory_free(&m);
    st_path(path, sizeof path, b, STORE_LOG_FILE);
    char *text = st_read(path, NULL);
    CHECK_CONTAINS(text, future);
    free(text);

    /* Importing again adds nothing twice. */
    CHECK(store_import(b, file, &res, &d));
    CHECK_INT(res.added, 0);
    CHECK_INT(res.other_added, 0);
    PracticeLog log = {0};
    LogReport rep;
    CHECK(log_load(b, &log, &rep, NULL));
    CHECK_INT(rep.lines, 6);
    CHECK_INT(rep.unreadable, 1); /* the newer kind, still kept */
    log_free(&log);
    diag_free(&d);
}

static void an_older_attune_export_with_them_unread_brings_them_back(void)
{
    /* An older Attune exports these lines under "unreadable": importing that file here reads
     * them as records again. */
    char dir[4096], file[4096];
    ST_FMT(dir, sizeof dir, "%s/older", root);
    ST_FMT(file, sizeof file, "%s/older.json", root);
    const char *json =
        "{\"attune_export\":2,\"records\":[],\"unreadable\":["
        "\"{\\\"id\\\":\\\"c9\\\",\\\"date\\\":\\\"2026-11-23\\\",\\\"time\\\":\\\"18:00:00\\\","
        "\\\"utc_offset_min\\\":0,\\\"kind\\\":\\\"favourite\\\",\\\"level\\\":\\\"notice\\\","
        "\\\"card\\\":\\\"q\\\",\\\"on\\\":true}\"]}";
    st_write(file, json, strlen(json), "wb");
    AtDiag d = {0};
    ImportResult res;
    CHECK(store_import(dir, file, &res, &d));
    for (int i = 0; i < d.count; i++) fprintf(stderr, "  import: %s\n", d.msg[i]);
    CHECK_INT(res.other_added, 1);
    diag_free(&d);
    CardMemory m = {0};
    load(dir, &m);
    CHECK(cardmemory_is_favourite(&m, "notice", "q"));
    cardmemory_free(&m);
}

/* ---- decks across levels ---- */

static DeckCard cards_a[3], cards_b[2];
static DeckLevel levels[2];

static void make_levels(void)
{
    static const char *ids_a[3] = {"a1", "a2", "shared"}, *ids_b[2] = {"shared", "b2"};
    for (int i = 0; i < 3; i++) cards_a[i] = (DeckCard){.id = ids_a[i], .situation = ids_a[i]};
    for (int i = 0; i < 2; i++) cards_b[i] = (DeckCard){.id = ids_b[i], .situation = ids_b[i]};
    levels[0] = (DeckLevel){.id = "notice", .number = 1, .cards = cards_a, .ncards = 3};
    levels[1] = (DeckLevel){.id = "regulate", .number = 2, .cards = cards_b, .ncards = 2};
}

static void the_favourites_deck_holds_the_favourites_still_there(void)
{
    make_levels();
    CardMemory m = {0};
    PracticeRecord r[4] = {
        favourite("regulate", "shared", true, "2026-11-20", "10:00:00"),
        favourite("notice", "a2", true, "2026-11-20", "11:00:00"),
        favourite("notice", "gone", true, "2026-11-20", "12:00:00"), /* no longer shipped */
        favourite("notice", "a1", false, "2026-11-20", "13:00:00"),
    };
    for (int i = 0; i < 4; i++) CHECK(cardmemory_apply(&m, &r[i]));
    CardMix mix;
    CHECK(cardmix_favourites(&mix, &m, levels, 2));
    CHECK_STR(mix.level.id, CARDMIX_FAVOURITES_ID);
    CHECK_INT(mix.level.ncards, 2);
    CHECK_STR(mix.level.cards[0].id, "shared");
    CHECK(cardmix_level_of(&mix, &mix.level.cards[0]) == &levels[1]);
    CHECK_STR(mix.level.cards[1].id, "a2");
    CHECK(cardmix_level_of(&mix, &mix.level.cards[1]) == &levels[0]);
    CHECK(cardmix_level_of(&mix, &cards_a[1]) == NULL);
    /* It deals like a level. */
    DeckRound round;
    CHECK_INT(deck_round_start(&round, &mix.level, 5, 7, NULL, 0), 2);
    cardmix_free(&mix);

    /* None yet: an empty deck, not a failure. */
    CardMemory none = {0};
    CHECK(cardmix_favourites(&mix, &none, levels, 2));
    CHECK_INT(mix.level.ncards, 0);
    cardmix_free(&mix);
    cardmemory_free(&m);
}

static void the_random_deck_holds_every_card_of_every_level(void)
{
    make_levels();
    CardMix mix;
    CHECK(cardmix_random(&mix, levels, 2, 42));
    CHECK_STR(mix.level.id, CARDMIX_RANDOM_ID);
    CHECK_INT(mix.level.ncards, 5);
    int from_b = 0;
    for (int i = 0; i < mix.level.ncards; i++)
        from_b += cardmix_level_of(&mix, &mix.level.cards[i]) == &levels[1];
    CHECK_INT(from_b, 2);
    DeckRound round;
    CHECK_INT(deck_round_start(&round, &mix.level, 1, 9, NULL, 0), 1);
    CHECK(deck_round_card(&round) != NULL);
    cardmix_free(&mix);

    /* More cards than a deck holds: a sample of DECK_MAX_CARDS, each card once. */
    static DeckCard many[150];
    static char ids[150][8];
    for (int i = 0; i < 150; i++) {
        snprintf(ids[i], sizeof ids[i], "c%d", i);
        many[i] = (DeckCard){.id = ids[i]};
    }
    DeckLevel big[2] = {{.id = "x", .cards = many, .ncards = 75},
                        {.id = "y", .cards = many + 75, .ncards = 75}};
    CHECK(cardmix_random(&mix, big, 2, 3));
    CHECK_INT(mix.level.ncards, DECK_MAX_CARDS);
    int late = 0, dup = 0;
    for (int i = 0; i < mix.level.ncards; i++) {
        late += mix.level.cards[i].id[1] != '0' && atoi(mix.level.cards[i].id + 1) >= 100;
        for (int j = 0; j < i; j++) dup += mix.level.cards[i].id == mix.level.cards[j].id;
    }
    CHECK(late > 0); /* the last cards have their chance too */
    CHECK_INT(dup, 0);
    cardmix_free(&mix);
}

int main(void)
{
    st_tmpdir(root, sizeof root, "cardmemory");
    a_choice_is_a_line_of_its_own_and_not_a_practice();
    the_last_choice_wins_by_when_it_was_made();
    a_favourite_stays_until_it_is_unmarked();
    a_choice_or_favourite_that_is_wrong_is_refused_and_named();
    choices_and_favourites_travel_with_export_and_import();
    an_older_attune_export_with_them_unread_brings_them_back();
    the_favourites_deck_holds_the_favourites_still_there();
    the_random_deck_holds_every_card_of_every_level();
    st_rmrf(root);
    return check_report();
}
