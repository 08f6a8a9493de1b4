/* Who said what: each attribution pattern on sentences written for this
 * test, read through the text path so offsets are the input's. */
#include <byline.h>
#include <json-c/json.h>
#include "test_util.h"
#include "record_util.h"
#include "quotes/quotes.h"

/* a long enough story that the text path keeps it whole */
#define LEAD "The harbour council met on Monday evening to decide what to do about the sea wall that failed twice.\n\n"

static void test_cue_after_and_pronoun(void) {
    run(LEAD "Mary Stone, who chairs the council, opened the meeting with a warning about the cost of waiting.\n\n"
             "\xE2\x80\x9CWe cannot wait for a third storm to take the rest of the wall,\xE2\x80\x9D she said.\n");
    json_object *q = quote_with("third storm");
    CHECK_STR(get(q, "speaker"), "Mary Stone");
    CHECK_STR(get(q, "speaker_mention"), "she");
    CHECK_STR(get(q, "cue"), "said");
    CHECK_STR(get(q, "cue_lemma"), "say");
    CHECK_STR(get(q, "type"), "direct");
}

static void test_inverted_title_appositive(void) {
    run(LEAD "\xE2\x80\x9CThe engineers have checked every metre of the old wall,\xE2\x80\x9D said spokesman Tom Reyes.\n\n"
             "\xE2\x80\x9CIt will not survive another winter like the last one,\xE2\x80\x9D Hugh Hill, a surveyor, said.\n");
    CHECK_STR(get(quote_with("every metre"), "speaker"), "Tom Reyes");
    CHECK_STR(get(quote_with("another winter"), "speaker"), "Hugh Hill");
    CHECK_STR(get(quote_with("another winter"), "speaker_mention"), "Hugh Hill");
}

static void test_long_appositive_and_nickname(void) {
    run(LEAD "\xE2\x80\x9CThe wall has to be finished before the autumn storms arrive,\xE2\x80\x9D Samuel Okafor, the engineer who "
             "led the survey of the harbour and wrote the report for the council, said.\n\n"
             "\xE2\x80\x9CWe have waited long enough for this,\xE2\x80\x9D Margaret \"Peg\" Olsen, the oldest member, said.\n");
    CHECK_STR(get(quote_with("autumn storms"), "speaker"), "Samuel Okafor");
    CHECK_STR(get(quote_with("waited long enough"), "speaker_mention"), "Olsen");
}

static void test_colon_according_to_mixed(void) {
    run(LEAD "Anna Berg, the treasurer, said: \xE2\x80\x9CThe flood fund will pay two thirds of the bill and we will find the rest.\xE2\x80\x9D\n\n"
             "According to Paul Vance, \xE2\x80\x9Cthe town has never spent its reserves on anything more important than this.\xE2\x80\x9D\n\n"
             "Lena Fox said the first plan had been \xE2\x80\x9C" "a waste of good money\xE2\x80\x9D and voted against it.\n");
    CHECK_STR(get(quote_with("two thirds"), "speaker"), "Anna Berg");
    json_object *q = quote_with("never spent");
    CHECK_STR(get(q, "speaker"), "Paul Vance");
    CHECK_STR(get(q, "cue_lemma"), "according to");
    q = quote_with("waste of good money");
    CHECK_STR(get(q, "speaker"), "Lena Fox");
    CHECK_STR(get(q, "type"), "mixed");
}

static void test_parts_and_continuations(void) {
    run(LEAD "\xE2\x80\x9CWe voted for the wall,\xE2\x80\x9D Omar Said Khan said, \xE2\x80\x9C" "and we will vote for the money too.\xE2\x80\x9D\n\n"
             "\xE2\x80\x9CThe harbour is the reason this town exists,\xE2\x80\x9D Ruth Klein said on Tuesday. "
             "\xE2\x80\x9CWithout the wall there is no harbour and there is no town.\n\n"
             "\xE2\x80\x9CThat is the whole of the argument for spending the money now.\xE2\x80\x9D\n");
    json_object *q = quote_with("voted for the wall");
    CHECK(parts(q) == 2 && q == quote_with("money too")); /* interrupted by its cue: one quotation */
    CHECK_STR(get(q, "speaker"), "Omar Said Khan");
    q = quote_with("Without the wall");
    CHECK_STR(get(q, "type"), "continuation");
    CHECK_STR(get(q, "speaker"), "Ruth Klein");
    CHECK(parts(q) == 2 && q == quote_with("whole of the argument")); /* runs on into the next paragraph */
}

static void test_not_quotations(void) {
    run(LEAD "The so-called \xE2\x80\x9C" "experts\xE2\x80\x9D had said the wall would last a century.\n\n"
             "Ruth watched the council on the local channel\xE2\x80\x99s \xE2\x80\x9CHarbour Hour\xE2\x80\x9D and didn\xE2\x80\x99t like it.\n\n"
             "The fishermen\xE2\x80\x99s union did not take part in the vote on the wall this week or the last.\n");
    CHECK(n_quotes() == 0); /* a scare quote, a title, apostrophes */
}

static void test_odd_marks(void) {
    run(LEAD "\xE2\x80\x9CThis paragraph opens a quotation and never closes it, as careless copy sometimes does.\n\n"
             "The vote itself took less than a minute once the debate had ended, and the result was clear.\n\n"
             "\xE2\x80\x9CWe will start in March,\xE2\x80\x9D Jonas Weber said.\n");
    CHECK_STR(get(quote_with("start in March"), "speaker"), "Jonas Weber");
}

static void test_other_marks(void) {
    run(LEAD "\xC2\xAB" "Nous reconstruirons le mur avant l\xE2\x80\x99hiver prochain, sans faute\xC2\xBB, a dit Claire Dubois.\n\n"
             "\xE2\x80\x9E" "Wir bauen die Mauer vor dem n\xC3\xA4" "chsten Winter wieder auf\xE2\x80\x9C, sagte Jonas Weber, \xE2\x80\x9C" "das ist sicher.\xE2\x80\x9D\n\n"
             "\xE2\x80\x9CThe sea does not wait for committees to finish their work,\xE2\x80\x9D \xE2\x80\x95 Ines Duarte\n");
    CHECK(quote_with("Nous reconstruirons") != NULL);
    CHECK(quote_with("Wir bauen die Mauer") != NULL);
    json_object *q = quote_with("sea does not wait");
    CHECK_STR(get(q, "speaker"), "Ines Duarte");
    CHECK_STR(get(q, "cue_lemma"), "-");
}

static void test_epithet_and_statement(void) {
    run(LEAD "Harold Finch, the harbour master, has run the port for twenty years and knows every stone of the wall.\n\n"
             "The 61-year-old said in a statement that the repairs were \xE2\x80\x9Clong overdue and badly needed\xE2\x80\x9D.\n");
    json_object *q = quote_with("long overdue");
    CHECK_STR(get(q, "speaker"), "Harold Finch");
    CHECK_STR(get(q, "speaker_mention"), "The 61-year-old");
    CHECK_STR(get(q, "channel"), "statement");
}

static void test_pronoun_not_from_quotes(void) {
    /* "she" goes to the person the article named, not to a name inside a quotation */
    run(LEAD "Lisa Grant, the deputy mayor, answered questions after the vote.\n\n"
             "\xE2\x80\x9CI spoke to Maria Lopez and Tom Reyes this morning about the timetable,\xE2\x80\x9D she said.\n");
    CHECK_STR(get(quote_with("timetable"), "speaker"), "Lisa Grant");
}

static void test_offsets(void) {
    const char *text = LEAD "\xE2\x80\x9C" "Caf\xC3\xA9 owners want the work done by summer,\xE2\x80\x9D said Ana Ruiz.\n";
    run(text);
    json_object *q = quote_with("owners"), *p = NULL, *v;
    CHECK(q && json_object_object_get_ex(q, "parts", &p));
    json_object *part = p ? json_object_array_get_idx(p, 0) : NULL;
    int sb = part && json_object_object_get_ex(part, "start_byte", &v) ? json_object_get_int(v) : -1;
    int scp = part && json_object_object_get_ex(part, "start", &v) ? json_object_get_int(v) : -1;
    const char *at = strstr(text, "\xE2\x80\x9C" "Caf");
    CHECK(at && sb == (int)(at - text)); /* UTF-8 bytes in the input */
    CHECK(scp == sb);                      /* the lead is ASCII: code points equal bytes up to here */
    int eb = part && json_object_object_get_ex(part, "end_byte", &v) ? json_object_get_int(v) : -1;
    int ecp = part && json_object_object_get_ex(part, "end", &v) ? json_object_get_int(v) : -1;
    CHECK(eb - ecp == 5); /* “ (3 bytes), é (2) and ” (3) are one code point each: 2 + 1 + 2 more bytes */
}

static void test_unclosed_nickname_at_end(void) {
    /* a quotation, then a name and an unclosed short quotation ending the text ("Marcia “Cia"), with
     * the text's tokens filling their array exactly for one of these lengths: nothing is read past the
     * last token (found by fuzz/fuzz_extract; the arena's poisoned gaps make ASan see it) */
    static const char *const W[] = {"the", "council", "said", "that", "the", "harbour", "wall", "would", "be",
                                    "rebuilt", "in", "the", "spring", "and", "the", "work", "would", "take", "a",
                                    "year"};
    static char text[16384];
    for (size_t n = 990; n <= 1030; n++) {
        size_t l = 0;
        for (size_t i = 0; i < n; i++) l += (size_t)snprintf(text + l, sizeof text - l, "%s%s", i ? " " : "", W[i % 20]);
        snprintf(text + l, sizeof text - l, ". \xE2\x80\x9CWe will win,\xE2\x80\x9D Marcia \xE2\x80\x9C" "Cia");
        run(text);
        CHECK(rec != NULL);
    }
}

/* Who said what as lines (byline_quotes_text) is made when asked for, after byline_extract has
 * returned: for text input it must not read the caller's bytes, which may be gone by then. */
static void test_quotes_text_after_the_input_is_gone(void) {
    static const char story[] = "The harbour council met on Monday to decide what to do about the sea wall.\n\n"
                                "\xE2\x80\x9CWe cannot wait another winter,\xE2\x80\x9D said Mayor Ann Lee.\n";
    char *input = malloc(sizeof story);
    memcpy(input, story, sizeof story);
    byline_options o;
    byline_options_init(&o);
    o.input = BYLINE_INPUT_TEXT;
    CHECK(byline_extract(doc, input, sizeof story - 1, &o) == BYLINE_OK);
    memset(input, 'x', sizeof story - 1);  /* the caller reuses its buffer */
    size_t n;
    const char *lines = byline_quotes_text(doc, &n);
    CHECK(lines && strstr(lines, "We cannot wait another winter") && strstr(lines, "Ann Lee"));
    free(input);
}

int main(void) {
    doc = byline_doc_new();
    test_quotes_text_after_the_input_is_gone();
    test_unclosed_nickname_at_end();
    CHECK(cues_sorted());
    test_cue_after_and_pronoun();
    test_inverted_title_appositive();
    test_long_appositive_and_nickname();
    test_colon_according_to_mixed();
    test_parts_and_continuations();
    test_not_quotations();
    test_odd_marks();
    test_other_marks();
    test_epithet_and_statement();
    test_pronoun_not_from_quotes();
    test_offsets();
    if (rec) json_object_put(rec);
    byline_doc_free(doc);
    return test_summary("test_quotes");
}
