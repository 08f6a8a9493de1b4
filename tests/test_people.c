/* The people layer: names read from capitalised runs (titles off, organisations and places told
 * apart) and speakers resolved to the entity they name, on sentences written for this test. */
#include "test_util.h"
#include "record_util.h"
#include "people/names.h"

#define LQ "\xE2\x80\x9C" /* “ */
#define RQ "\xE2\x80\x9D" /* ” */
#define LEAD "The harbour council met on Monday evening to decide what to do about the sea wall that failed twice.\n\n"

/* name_read_string: the kind, and the name without its title. */
static const char *read_name(const char *s, entity_kind *kind) {
    static char buf[128];
    size_t ns, ne;
    *kind = name_read_string(s, strlen(s), &ns, &ne);
    snprintf(buf, sizeof buf, "%.*s", (int)(ne - ns), s + ns);
    return buf;
}

static void test_names(void) {
    entity_kind k;
    CHECK_STR(read_name("Deputy Health Minister Anita Rowe", &k), "Anita Rowe");
    CHECK(k == EK_PERSON);
    CHECK_STR(read_name("Acme CEO Joan Pike", &k), "Joan Pike");
    CHECK_STR(read_name("Councillor Ravi Mehta MBE", &k), "Ravi Mehta");
    CHECK_STR(read_name("Secretary of State Ada Blom", &k), "Ada Blom");
    CHECK_STR(read_name("Rear Admiral Tomas Varga", &k), "Tomas Varga");
    CHECK(k == EK_PERSON);
    read_name("Northfield County Police", &k);
    CHECK(k == EK_ORG);
    read_name("Ministry of Coastal Affairs", &k);
    CHECK(k == EK_ORG);
    read_name("New Delhi", &k);
    CHECK(k == EK_PLACE);
    read_name("Harbour Watch Monthly", &k); /* common words: a thing, not a person */
    CHECK(k == EK_OTHER);
    read_name("Mirela Ostrova", &k); /* no given name known, no common word: a person */
    CHECK(k == EK_PERSON);
    read_name("Prime Minister", &k); /* a title alone names no one */
    CHECK(k == EK_NONE);
    read_name("CEO of Harbour Holdings", &k);
    CHECK(k == EK_NONE);
}

static void test_title_stripped(void) {
    run(LEAD "Deputy Health Minister Anita Rowe visited the wall on Tuesday with the engineers.\n\n"
             LQ "We will not let another winter pass without repairs to this wall," RQ " Rowe said.\n");
    json_object *q = quote_with("another winter");
    CHECK_STR(get(q, "speaker"), "Anita Rowe");
    json_object *p = person_named("Anita Rowe");
    CHECK_STR(get(p, "kind"), "person");
    CHECK_STR(get(p, "title"), "Deputy Health Minister");
}

static void test_organisation_and_person(void) {
    run(LEAD "The Northfield County Police said the wall had been closed to walkers since the storm.\n\n"
             LQ "Nobody should walk on the wall until the engineers have checked every metre of it," RQ
             " the force said in a statement.\n\n"
             "Marta Quill, who runs the harbour cafe, watched the inspection from her window.\n\n"
             LQ "We lose customers every week the wall stays closed," RQ " Quill said.\n");
    json_object *q = quote_with("Nobody should walk");
    CHECK_STR(get(q, "speaker"), "Northfield County Police");
    CHECK_STR(get(q, "channel"), "statement");
    CHECK_STR(get(person_named("Northfield County Police"), "kind"), "organisation");
    CHECK_STR(get(quote_with("lose customers"), "speaker"), "Marta Quill");
    CHECK_STR(get(person_named("Marta Quill"), "kind"), "person");
}

static void test_pronoun_across_organisation(void) {
    /* "she" skips the organisation named between, and the man, for the woman the article made a
     * speaker; her gender comes from the article's pronoun, never from her name */
    run(LEAD "Helen Okoro, the council's engineer, said the repairs would take a year.\n\n"
             "The Coastal Authority published its own survey of the wall later that day, and Tom Reyes "
             "of the authority presented it.\n\n"
             LQ "The survey confirms what we found in the spring," RQ " she said.\n\n"
             "Susan Ward, who lives on the harbour front, was not convinced by either report.\n");
    json_object *q = quote_with("confirms what we found");
    CHECK_STR(get(q, "speaker"), "Helen Okoro");
    CHECK_STR(get(q, "speaker_mention"), "she");
    json_object *p = person_named("Helen Okoro"), *g = NULL, *v = NULL;
    CHECK(p && json_object_object_get_ex(p, "gender", &g) && g && json_object_object_get_ex(g, "value", &v) &&
          !strcmp(json_object_get_string(v), "female"));
    CHECK(g && json_object_object_get_ex(g, "source", &v) && !strcmp(json_object_get_string(v), "pronoun"));
    /* no pronoun refers to Susan Ward: no gender, whatever her first name suggests */
    p = person_named("Susan Ward");
    CHECK(p && json_object_object_get_ex(p, "gender", &g) && g == NULL);
    CHECK_STR(get(person_named("Coastal Authority"), "kind"), "organisation");
}

static void test_description_linked_back(void) {
    run(LEAD "Pia Larsen has fished from the harbour since she was a girl and lost two boats in the storm.\n\n"
             "The 45-year-old said: " LQ "I cannot afford to lose a third one." RQ "\n\n"
             "Gardening expert Radu Vlasi, who advises the council on the dunes, walked the beach with her.\n\n"
             LQ "The grass on these dunes holds more sand than any wall," RQ " the expert explained.\n");
    json_object *q = quote_with("lose a third");
    CHECK_STR(get(q, "speaker"), "Pia Larsen");
    CHECK_STR(get(q, "speaker_mention"), "The 45-year-old");
    CHECK_STR(get(quote_with("holds more sand"), "speaker"), "Radu Vlasi");
}

static void test_continuation_after_another_name(void) {
    run(LEAD LQ "We will rebuild the wall this year," RQ " said Ann Cole, who chairs the harbour board with "
             "Ben Ortiz.\n\n"
             LQ "The harbour has kept this town alive for two hundred years, and it will again." RQ "\n");
    json_object *q = quote_with("two hundred years");
    CHECK_STR(get(q, "type"), "continuation");
    CHECK_STR(get(q, "speaker"), "Ann Cole");
}

static void test_organisation_speaker(void) {
    run(LEAD "The Ministry of Coastal Affairs has promised money for the repairs but has not said how much.\n\n"
             "The ministry said in a statement that it would " LQ "support every town on the coast" RQ
             " that lost its defences this winter.\n\n"
             "Greenline Harbour Services, which built the old wall, said it would bid for the work.\n\n"
             LQ "We know this wall better than anyone," RQ " the company said.\n");
    json_object *q = quote_with("support every town");
    CHECK_STR(get(q, "speaker"), "Ministry of Coastal Affairs");
    CHECK_STR(get(q, "type"), "mixed");
    CHECK_STR(get(quote_with("know this wall"), "speaker"), "Greenline Harbour Services");
}

static void test_title_alone_and_appositive(void) {
    run(LEAD "The harbour was visited last week by Harbour Minister Jonas Lund, who promised to return.\n\n"
             "The delegation's spokesperson, Irene Castell, said the visit had been " LQ "useful and overdue" RQ ".\n\n"
             "In a radio interview, the Harbour Minister said: " LQ "Every town on this coast deserves a wall that holds." RQ
             "\n");
    CHECK_STR(get(quote_with("useful and overdue"), "speaker"), "Irene Castell");
    json_object *q = quote_with("deserves a wall");
    CHECK_STR(get(q, "speaker"), "Jonas Lund");
    CHECK_STR(get(q, "channel"), "interview");
}

static void test_name_stops_at_cell(void) {
    /* a table's header row ("Harbour Fund | Council Reserve") is two cells, never one name */
    const char *page = "<html><body><article><p>The harbour council met on Monday evening to decide what to do "
                       "about the sea wall that failed twice this winter.</p><table><tr><th>Harbour Fund</th>"
                       "<th>Council Reserve</th></tr><tr><td>2.0m</td><td>1.2m</td></tr></table><p>Marta Quill, "
                       "who runs the harbour cafe, said the wall should be rebuilt before the summer.</p>"
                       "</article></body></html>";
    run_html(page, NULL);
    CHECK(person_named("Harbour Fund Council Reserve") == NULL);
    CHECK(person_named("Marta Quill") != NULL);
    /* a header cell's word opens its cell as a word opens a line: "Amount" is a column, not a name */
    const char *costs = "<html><body><article><p>The harbour council met on Monday evening to decide what to do "
                        "about the sea wall that failed twice this winter.</p><table><tr><th>Source</th>"
                        "<th>Amount</th></tr><tr><td>Regional fund</td><td>3.0m</td></tr></table><p>The council "
                        "said it would publish a timetable next month, and Marta Quill said the cafe would stay "
                        "open.</p></article></body></html>";
    run_html(costs, NULL);
    CHECK(person_named("Amount") == NULL);
    CHECK(person_named("Marta Quill") != NULL);
}

int main(void) {
    doc = byline_doc_new();
    test_names();
    test_title_stripped();
    test_organisation_and_person();
    test_name_stops_at_cell();
    test_pronoun_across_organisation();
    test_description_linked_back();
    test_continuation_after_another_name();
    test_organisation_speaker();
    test_title_alone_and_appositive();
    if (rec) json_object_put(rec);
    byline_doc_free(doc);
    return test_summary("test_people");
}
