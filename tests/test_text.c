/* Text input: scraped text with a station's chrome around a story (written
 * for this test), the story told from the chrome, and what the text says:
 * headline once, the site's name, an agency credit, a date with its weekday
 * checked, hashtags and handles. */
#include <byline.h>
#include <json-c/json.h>
#include "test_util.h"

static const char *STORY =
    "Harbour wall to be rebuilt after #StormSeason damage\n"
    "Coast FM 98.2\n"
    "\n"
    "Harbour wall to be rebuilt after #StormSeason damage\n"
    "\n"
    "The town council voted on Monday to rebuild the harbour wall that failed in two winter storms in a row, "
    "and the work is set to start in the spring.\n"
    "\n"
    "\xE2\x80\x9CThis time we are building it properly,\xE2\x80\x9D the mayor said on Tuesday (12Mar24). "
    "\xE2\x80\x9CThe wall is the only thing between the square and the sea.\xE2\x80\x9D\n"
    "\n"
    "The regional flood fund will pay for most of the work, with the rest coming from the town\xE2\x80\x99s "
    "reserves and a loan that runs for twenty years, the council said.\n"
    "\n"
    "Fishermen who moor in the harbour said they had waited for the repairs for years and were glad the "
    "vote was not delayed again.\n"
    "\n"
    "\xE2\x80\x93 Reuters\n"
    "\n"
    "\n"
    "Coast FM 98.2\n"
    "\n"
    "Your Station for the Whole Coast.\n"
    "\n"
    "Coast FM 98.2 | Email | @coastfm982\n"
    "\n"
    "Share This Post";

static json_object *run(byline_doc *d, const char *text, int input) {
    byline_options o;
    byline_options_init(&o);
    o.input = input;
    byline_extract(d, text, strlen(text), &o);
    return json_tokener_parse(byline_json(d, NULL));
}

static const char *str(json_object *r, const char *k) {
    json_object *v;
    if (!json_object_object_get_ex(r, k, &v) || !v) return "(null)";
    return json_object_get_string(v);
}

static void test_story(byline_doc *d) {
    json_object *r = run(d, STORY, BYLINE_INPUT_AUTO);
    CHECK_STR(str(r, "input"), "text");
    CHECK_STR(str(r, "status"), "ok");
    CHECK_STR(str(r, "title"), "Harbour wall to be rebuilt after #StormSeason damage");
    CHECK_STR(str(r, "site_name"), "Coast FM 98.2");
    CHECK_STR(str(r, "agency"), "Reuters");
    CHECK_STR(str(r, "date_published"), "2024-03-12");
    const char *t = str(r, "text");
    CHECK(!strncmp(t, "The town council voted on Monday", 32));
    CHECK(CONTAINS(t, "the mayor said on Tuesday (12Mar24)"));
    CHECK(CONTAINS(t, "were glad the vote was not delayed again."));
    static const char *const chrome[] = {"Coast FM", "Share This", "Your Station", "Reuters", "Harbour wall to be"};
    for (size_t i = 0; i < sizeof chrome / sizeof *chrome; i++) CHECK(!CONTAINS(t, chrome[i]));
    json_object *h, *e, *v;
    CHECK(json_object_object_get_ex(r, "hashtags", &h) && json_object_array_length(h) == 1 &&
          !strcmp(json_object_get_string(json_object_array_get_idx(h, 0)), "#StormSeason"));
    CHECK(json_object_object_get_ex(r, "handles", &h) && json_object_array_length(h) == 1);
    e = json_object_array_get_idx(h, 0);
    CHECK(e && json_object_object_get_ex(e, "handle", &v) && !strcmp(json_object_get_string(v), "@coastfm982"));
    CHECK(e && json_object_object_get_ex(e, "of", &v) && !strcmp(json_object_get_string(v), "site"));
    json_object_put(r);
}

static void test_long_hashtag(byline_doc *d) {
    /* a hashtag is capped in bytes; the cap must not cut a character in two */
    char text[1024];
    int n = snprintf(text, sizeof text, "The council voted on Monday to rebuild the harbour wall after the storms, "
                                        "and people shared the news as #");
    for (int i = 0; i < 40; i++) n += snprintf(text + n, sizeof text - (size_t)n, "\xC3\xA9");
    snprintf(text + n, sizeof text - (size_t)n, " all evening long, while the work is set to start in the spring.\n");
    json_object *r = run(d, text, BYLINE_INPUT_TEXT), *h;
    CHECK(r != NULL);
    CHECK(r && json_object_object_get_ex(r, "hashtags", &h) && json_object_array_length(h) == 1);
    const char *tag = r ? json_object_get_string(json_object_array_get_idx(h, 0)) : "";
    size_t tl = strlen(tag);
    CHECK(tl > 2 && tl <= 60 && (tl - 1) % 2 == 0 && (unsigned char)tag[tl - 1] == 0xA9);
    json_object_put(r);
}

static void test_section_end(byline_doc *d) {
    /* teasers after "Related articles" are prose too, but not the story's */
    const char *text =
        "The town council voted on Monday to rebuild the harbour wall that failed in two winter storms in a row, "
        "and the work is set to start in the spring.\n\n"
        "The regional flood fund will pay for most of the work, with the rest coming from the town reserves and a "
        "loan that runs for twenty years, the council said.\n\n"
        "Fishermen who moor in the harbour said they had waited for the repairs for years and were glad that the "
        "vote was not delayed again.\n\n"
        "Related articles\n\n"
        "Lighthouse keepers in the next bay say that their own sea wall has also been damaged by the storms of this "
        "winter and they want it to be repaired.\n\n"
        "A ferry company has announced that it will add a second boat to the island route from the summer onwards, "
        "after a year in which the one boat was often full.\n\n"
        "The old fish market is to become a museum of the town and its boats, with a cafe on the quay and rooms for "
        "the sailing club on the first floor.\n";
    json_object *r = run(d, text, BYLINE_INPUT_TEXT);
    const char *t = str(r, "text");
    CHECK(CONTAINS(t, "vote was not delayed again."));
    CHECK(!CONTAINS(t, "Lighthouse keepers") && !CONTAINS(t, "ferry company") && !CONTAINS(t, "fish market"));
    json_object_put(r);
}

static void test_weekday_check(byline_doc *d) {
    /* 12 March 2024 was a Tuesday: "Monday (12Mar24)" is not trusted */
    char *bad = strdup(STORY);
    char *p = strstr(bad, "on Tuesday (12Mar24)");
    memcpy(p, "on Monday  (12Mar24)", 20);
    json_object *r = run(d, bad, BYLINE_INPUT_TEXT);
    CHECK_STR(str(r, "date_published"), "(null)");
    json_object_put(r);
    free(bad);
}

static void test_wrapped_lines(byline_doc *d) {
    /* hard-wrapped paragraphs join; a line that ends a sentence does not */
    const char *wrapped =
        "The council met for three hours on Monday evening and heard from residents who\n"
        "live by the harbour about the damage done by the storms of the last two winters.\n"
        "It then voted to rebuild the wall, with work to start in the spring and to finish\n"
        "within two years, paid for by the regional flood fund and the town's reserves.\n";
    json_object *r = run(d, wrapped, BYLINE_INPUT_TEXT);
    const char *t = str(r, "text");
    CHECK(CONTAINS(t, "residents who live by the harbour"));
    CHECK(CONTAINS(t, "two winters.\n\nIt then voted"));
    json_object_put(r);
}

static void test_spaces(byline_doc *d) {
    /* runs of spaces collapse wherever they fall against the eight-byte steps of the line check, and
     * lines without them come through unchanged */
    const char *words = "The council voted on Monday to rebuild the harbour wall that failed in two storms";
    char line[256], doc[1024];
    for (size_t at = 1; at < 24; at++) {
        size_t n = strlen(words);
        if (words[at] == ' ' || words[at - 1] == ' ') continue;
        memcpy(line, words, at);
        line[at] = ' ', line[at + 1] = ' ';
        memcpy(line + at + 2, words + at, n - at + 1);
        snprintf(doc, sizeof doc, "%s.\n\n%s, the mayor said after the vote on Monday evening.\n", line, words);
        json_object *r = run(d, doc, BYLINE_INPUT_TEXT);
        const char *t = str(r, "text");
        CHECK(!strstr(t, "  "));
        CHECK(CONTAINS(t, words));
        json_object_put(r);
    }
}

static void test_tiny(byline_doc *d) {
    /* one letter, one mark: no story, a record all the same (an empty text has no buffer; found by
     * fuzz/fuzz_extract under UBSan) */
    static const char *const TINY[] = {"t", "#", "@", "\n", " ", "#x @y"};
    for (size_t i = 0; i < sizeof TINY / sizeof *TINY; i++) {
        json_object *r = run(d, TINY[i], BYLINE_INPUT_TEXT);
        CHECK(r != NULL);
        CHECK(strcmp(str(r, "status"), "(null)"));
        json_object_put(r);
    }
}

static void test_forced_text_and_all_text(byline_doc *d) {
    const char *html = "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Wall vote</h1>"
                       "<p>The town council voted on Monday to rebuild the harbour wall that failed in two storms.</p>"
                       "</article><footer>Contact us</footer></body></html>";
    byline_options o;
    byline_options_init(&o);
    o.all_text = 1;
    CHECK(byline_extract(d, html, strlen(html), &o) == BYLINE_OK);
    const char *t = byline_text(d, NULL);
    /* every visible block, one per line, nothing dropped */
    CHECK(CONTAINS(t, "Home News\n") && CONTAINS(t, "Wall vote\n") && CONTAINS(t, "Contact us\n"));
    CHECK(!CONTAINS(t, "\n\n"));
    json_object *r = run(d, html, BYLINE_INPUT_TEXT);
    CHECK_STR(str(r, "input"), "text"); /* forced: the markup is read as text */
    json_object_put(r);
}

int main(void) {
    byline_doc *d = byline_doc_new();
    test_story(d);
    test_weekday_check(d);
    test_section_end(d);
    test_long_hashtag(d);
    test_wrapped_lines(d);
    test_spaces(d);
    test_tiny(d);
    test_forced_text_and_all_text(d);
    byline_doc_free(d);
    return test_summary("test_text");
}
