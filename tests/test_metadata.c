/* Metadata: headline, outlet, authors, dates and where each came from. */
#include <byline.h>
#include <json-c/json.h>
#include "metadata/metadata.h"
#include "util/entities.h"
#include "metadata/agency.h"
#include "metadata/fields.h"
#include "people/names.h"
#include "test_util.h"

static json_object *record(byline_doc *d, const char *html, const char *url) {
    byline_options o;
    byline_options_init(&o);
    o.url = url;
    byline_extract(d, html, strlen(html), &o);
    return json_tokener_parse(byline_json(d, NULL));
}

static const char *field(json_object *r, const char *k) {
    json_object *v;
    if (!json_object_object_get_ex(r, k, &v) || !v) return "(null)";
    return json_object_get_string(v);
}

static const char *source(json_object *r, const char *k) {
    json_object *s, *v;
    if (!json_object_object_get_ex(r, "sources", &s) || !json_object_object_get_ex(s, k, &v)) return "(none)";
    return json_object_get_string(v);
}

/* The record's authors joined with "; " (into a buffer the next call reuses), "(none)" without the key. */
static const char *authors(json_object *r) {
    static char out[256];
    json_object *au;
    if (!json_object_object_get_ex(r, "authors", &au)) return "(none)";
    out[0] = 0;
    for (size_t i = 0; i < json_object_array_length(au); i++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? "; " : "",
                 json_object_get_string(json_object_array_get_idx(au, i)));
    return out;
}

static const char *BODY =
    "<p>The harbour wall will be rebuilt after two winters of storms, the council decided on Tuesday evening.</p>"
    "<p>Work starts in September and is expected to last eighteen months, with the market staying open.</p>";

static void test_cleaning(void) {
    arena a;
    arena_init(&a);
    const char *out[8];
    uint32_t n = authors_clean(&a, "By Jane Doe and John Smith", 26, out, 8);
    CHECK(n == 2 && !strcmp(out[0], "Jane Doe") && !strcmp(out[1], "John Smith"));
    n = authors_clean(&a, "Von Max Mustermann, Redakteur", 29, out, 8);
    CHECK(n == 1 && !strcmp(out[0], "Max Mustermann"));
    n = authors_clean(&a, "Staff", 5, out, 8);
    CHECK(n == 0);
    n = authors_clean(&a, "jane.doe@example.org", 20, out, 8);
    CHECK(n == 0);
    n = authors_clean(&a, "Ana García; Luis Pérez & Marta Ruiz", strlen("Ana García; Luis Pérez & Marta Ruiz"), out, 8);
    CHECK(n == 3 && !strcmp(out[2], "Marta Ruiz"));
    n = authors_clean(&a, "Posted by Sam Lee on 12 March 2024", 34, out, 8);
    CHECK(n == 0 || strcmp(out[0], "Sam Lee on 12 March 2024")); /* dates never become names */
#define CLEAN(s) authors_clean(&a, (s), strlen(s), out, 8)
    n = CLEAN("Lena Hart \xE2\x80\x94"); /* a trailing em dash */
    CHECK(n == 1 && !strcmp(out[0], "Lena Hart"));
    n = CLEAN("Paul Berger (avec Iris Nolte et Tom Vidal)"); /* co-writers in a parenthesis */
    CHECK(n == 3 && !strcmp(out[0], "Paul Berger") && !strcmp(out[1], "Iris Nolte") && !strcmp(out[2], "Tom Vidal"));
    n = CLEAN("Carla (Maria Souza) Pinto"); /* a parenthesis inside a name stays */
    CHECK(n == 1 && !strcmp(out[0], "Carla (Maria Souza) Pinto"));
    n = CLEAN("Written by Omar Fadel\n   Edited by Ruth Klein"); /* editors are not writers */
    CHECK(n == 1 && !strcmp(out[0], "Omar Fadel"));
    n = CLEAN("Name (required)"); /* a comment form, not a byline */
    CHECK(n == 0);
    n = CLEAN("Published by"); /* labels only */
    CHECK(n == 0);
    n = CLEAN("Daniel Brandt; Kommentare geschlossen"); /* a comment section's label */
    CHECK(n == 1 && !strcmp(out[0], "Daniel Brandt"));
    n = CLEAN("Von Lina Berg, Hamburg"); /* a dateline after the name */
    CHECK(n == 1 && !strcmp(out[0], "Lina Berg"));
    n = authors_clean_field(&a, "Tom Eck, Kai Lund, dpa", 22, out, 8); /* an agency stays for the agency field */
    CHECK(n == 3 && !strcmp(out[2], "dpa"));
    n = CLEAN("news.example.org"); /* the outlet's host */
    CHECK(n == 0);
    n = CLEAN("Von unserer Redaktion"); /* "our newsroom" */
    CHECK(n == 0);
    n = CLEAN("Anna van der Berg"); /* a particle inside a name stays */
    CHECK(n == 1 && !strcmp(out[0], "Anna van der Berg"));
    n = CLEAN("By KTN, in World, Politics"); /* the sections the post is filed in */
    CHECK(n == 1 && !strcmp(out[0], "KTN"));
    n = CLEAN("Karla Weiss More Posts");
    CHECK(n == 1 && !strcmp(out[0], "Karla Weiss"));
    n = CLEAN("gizzmo"); /* a handle in a byline is not trusted ... */
    CHECK(n == 0);
    n = authors_clean_field(&a, "gizzmo", 6, out, 8); /* ... in the page's author field it is */
    CHECK(n == 1 && !strcmp(out[0], "gizzmo"));
#undef CLEAN
    CHECK_STR(title_clean(&a, "Harbour wall to be rebuilt | The Coastal Ledger", 47, "The Coastal Ledger", NULL),
              "Harbour wall to be rebuilt");
    CHECK_STR(title_clean(&a, "Ledger - Harbour wall to be rebuilt", 35, NULL, "www.ledger.example"),
              "Harbour wall to be rebuilt");
    CHECK_STR(title_clean(&a, "Harbour wall – a decade of storms", 35, "The Coastal Ledger", "ledger.example"),
              "Harbour wall – a decade of storms");
    /* references a page escaped twice */
    const char *twice = "R&uuml;ckbau &quot;jetzt&quot; &#8216;ok&#8217; &#x41;&amp;";
    CHECK_STR(entities_decode(&a, twice, strlen(twice)),
              "R\xC3\xBC" "ckbau \"jetzt\" \xE2\x80\x98ok\xE2\x80\x99 A&");
    const char *plain = "Fish & chips &unknown; &#xD800;";
    CHECK_STR(entities_decode(&a, plain, strlen(plain)), plain);
    arena_free(&a);
}

/* Author credits read as names (people/names.h): titles and honours around a name go, a title
 * alone names no one, organisations are told from people. */
static void test_credit_names(void) {
    arena a;
    arena_init(&a);
    const char *out[8];
    uint32_t n;
#define CLEAN(s) authors_clean(&a, (s), strlen(s), out, 8)
#define ONE(s, want) do { n = CLEAN(s); CHECK(n == 1); if (n == 1) CHECK_STR(out[0], want); } while (0)
    /* a title before the name */
    ONE("By Senior Correspondent Jane Doe", "Jane Doe");
    ONE("By Deputy Harbour Editor Tomas Reyes", "Tomas Reyes");
    n = CLEAN("By Lena Okafor and Chief Political Correspondent Tomas Reyes");
    CHECK(n == 2 && !strcmp(out[0], "Lena Okafor") && !strcmp(out[1], "Tomas Reyes"));
    /* a form of address; an academic title stays, as publishers write it */
    ONE("Mrs Ana Ruiz", "Ana Ruiz");
    ONE("By Sir Tomas Reyes", "Tomas Reyes");
    ONE("By The Rev. Lena Okafor", "Lena Okafor");
    ONE("Dr. Ana Ruiz", "Dr. Ana Ruiz");
    ONE("Senior Editor Dr. Ana Ruiz", "Dr. Ana Ruiz");
    /* honours after the name go, a generation stays */
    ONE("By Councillor Lena Okafor MBE", "Lena Okafor");
    ONE("Tomas Reyes, PhD", "Tomas Reyes");
    ONE("By Tomas Reyes Jr.", "Tomas Reyes Jr");
    /* a title alone, a desk: no one */
    CHECK(CLEAN("Foreign Editor") == 0);
    CHECK(CLEAN("Sports Desk") == 0);
    CHECK(authors_clean_field(&a, "editor", 6, out, 8) == 0);      /* a placeholder in an author field ... */
    CHECK(authors_clean_field(&a, "sen", 3, out, 8) == 1);         /* ... but someone's initials are someone */
    ONE("Lena Okafor, Chief Political Correspondent", "Lena Okafor");
    /* a name whose words are also titles or common words stays whole */
    ONE("By Jane Baker", "Jane Baker");
    CHECK(author_kind("Jane Baker") == EK_PERSON);
    ONE("By Dean Major", "Dean Major");
    ONE("By Will Fairbrook", "Will Fairbrook");
    ONE("By Helen Church", "Helen Church");
    CHECK(author_kind("Helen Church") == EK_PERSON);
    /* names the lexicon does not know */
    ONE("By Zanele Mokoatsi", "Zanele Mokoatsi");
    CHECK(author_kind("Zanele Mokoatsi") == EK_PERSON);
    ONE("Von Sigrun Haavardsholm-Kvist", "Sigrun Haavardsholm-Kvist");
    /* capitals and dotted initials are people, not acronyms */
    ONE("BY HANNE VOSSBERG", "HANNE VOSSBERG");
    CHECK(author_kind("HANNE VOSSBERG") == EK_PERSON);
    CHECK(author_kind("T.J. Marlowe") == EK_PERSON);
    CHECK(author_kind("T.J. MARLOWE") == EK_PERSON);
    /* organisations, and the desks of an outlet */
    CHECK(author_kind("Harbour Holdings Ltd") == EK_ORG);
    CHECK(author_kind("Coastline News") == EK_ORG);
    CHECK(author_kind("Ledger Staff") == EK_ORG);
    CHECK(author_kind("Hafenblatt-Redaktion") == EK_ORG);
    CHECK(author_kind("U.S. Army") == EK_ORG);
#undef ONE
#undef CLEAN
    arena_free(&a);
}

static void test_jsonld(byline_doc *d) {
    char page[4096];
    snprintf(page, sizeof page,
             "<html lang=\"en\"><head><title>Wall vote | Ledger</title>"
             "<script type=\"application/ld+json\"><!--//--><![CDATA[//><!--\n"
             "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Page\"},"
             "{\"@type\":\"NewsArticle\",\"headline\":\"Town votes to rebuild its sea wall\","
             "\"datePublished\":\"2024-03-12T08:30:00+00:00\",\"dateModified\":\"2024-03-13T10:00:00+01:00\","
             "\"author\":[{\"@type\":\"Person\",\"name\":\"Mara Quinn\"},{\"@type\":\"Person\",\"name\":\"Tom Reyes\"}],"
             "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Coastal Ledger\"}}]}\n//--><!]]></script>"
             "<meta property=\"article:published_time\" content=\"2020-01-01\"></head><body><article>%s</article>"
             "</body></html>", BODY);
    json_object *r = record(d, page, "https://ledger.example/news/wall");
    CHECK_STR(field(r, "title"), "Town votes to rebuild its sea wall");
    CHECK_STR(source(r, "title"), "json-ld");
    CHECK_STR(field(r, "date_published"), "2024-03-12T08:30:00+00:00"); /* JSON-LD before meta */
    CHECK_STR(source(r, "date_published"), "json-ld");
    CHECK_STR(field(r, "date_modified"), "2024-03-13T10:00:00+01:00");
    CHECK_STR(field(r, "site_name"), "The Coastal Ledger");
    CHECK_STR(field(r, "hostname"), "ledger.example");
    CHECK_STR(authors(r), "Mara Quinn; Tom Reyes");
    json_object_put(r);
    /* a byline whose label and name are separate elements */
    snprintf(page, sizeof page,
             "<html><head><title>Wall vote</title></head><body><article><h1>Town votes to rebuild its sea wall</h1>"
             "<div class=\"byline\"><span>Ver\xC3\xB6" "ffentlicht von</span><a href=\"/a/cj\">Chris Jung</a></div>%s</article>"
             "</body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "Chris Jung");
    json_object_put(r);
    /* a description under "headline" and the title under "name": the page's h1 decides */
    snprintf(page, sizeof page,
             "<html><head><title>Harbour of Port Alder - Town Wiki</title>"
             "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"name\":\"Harbour of Port Alder\","
             "\"headline\":\"sheltered anchorage on the north coast\"}</script></head><body><h1>Harbour of Port Alder</h1>"
             "<article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "title"), "Harbour of Port Alder");
    json_object_put(r);
    /* ... while a headline that the h1 repeats stays, whatever "name" says */
    snprintf(page, sizeof page,
             "<html><head><title>Wall vote - Ledger</title>"
             "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"name\":\"Wall vote - Ledger\","
             "\"headline\":\"Town votes to rebuild its sea wall\"}</script></head><body>"
             "<h1>Town votes to rebuild its sea wall</h1><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "title"), "Town votes to rebuild its sea wall");
    json_object_put(r);
    /* a site's name that ends with its host's label is cut off the title */
    snprintf(page, sizeof page,
             "<html><head><title>Town votes to rebuild its sea wall - Die Neue Coastledger</title></head><body>"
             "<article>%s</article></body></html>", BODY);
    r = record(d, page, "https://www.coastledger.example/news/wall");
    CHECK_STR(field(r, "title"), "Town votes to rebuild its sea wall");
    json_object_put(r);
    /* a headline that is the h1 behind a topic gives way to the h1 */
    snprintf(page, sizeof page,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
             "\"headline\":\"Coastal storms: Town votes to rebuild its sea wall\"}</script></head><body>"
             "<article><h1>Town votes to rebuild its sea wall</h1>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "title"), "Town votes to rebuild its sea wall");
    CHECK_STR(source(r, "title"), "h1");
    json_object_put(r);
    /* the outlet's desk beside a writer goes; the outlet beside an agency too */
    snprintf(page, sizeof page,
             "<html><head><meta property=\"og:site_name\" content=\"Ledger\"><meta name=\"author\" "
             "content=\"Mara Quinn, Ledger Harbour Desk\"></head><body><article><h1>Wall</h1>%s</article></body></html>",
             BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "Mara Quinn");
    json_object_put(r);
    snprintf(page, sizeof page,
             "<html><head><meta property=\"og:site_name\" content=\"Ledger\"><meta name=\"author\" "
             "content=\"Ledger\"></head><body><article><h1>Wall</h1><p>PORT ALDER (AP) &mdash; The harbour wall will "
             "be rebuilt after two winters of storms, the council decided on Tuesday evening.</p>%s</article></body></html>",
             BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "");
    CHECK_STR(field(r, "agency"), "AP");
    CHECK_STR(field(r, "authors_are_organization"), "true");
    json_object_put(r);
    /* an e-mail under "author" names no one: the sharing card's "Written by" does */
    snprintf(page, sizeof page,
             "<html><head><meta name=\"author\" content=\"m.quinn@ledger.example\"><meta name=\"twitter:label1\" "
             "content=\"Written by\"><meta name=\"twitter:data1\" content=\"Mara Quinn\"></head><body><article>"
             "<h1>Wall</h1>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "Mara Quinn");
    json_object_put(r);
    /* an agency listed as a Person among the authors */
    snprintf(page, sizeof page,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Wall\","
             "\"author\":[{\"@type\":\"Person\",\"name\":\"Ines Alder\"},{\"@type\":\"Person\",\"name\":\"AP\"}]}"
             "</script></head><body><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "Ines Alder");
    CHECK_STR(field(r, "agency"), "AP");
    json_object_put(r);
    /* a Person given by its parts */
    snprintf(page, sizeof page,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Wall\","
             "\"author\":[{\"@type\":\"Person\",\"givenName\":\"Ines\",\"familyName\":\"Alder\"}]}</script>"
             "</head><body><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "Ines Alder");
    json_object_put(r);
    /* writers listed with their initials beside them: the initials go */
    snprintf(page, sizeof page,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Wall\","
             "\"author\":[{\"@type\":\"Person\",\"name\":\"Mara Quinn\"},{\"@type\":\"Person\",\"name\":\"mqu\"},"
             "{\"@type\":\"Person\",\"name\":\"Tom Reyes\"},{\"@type\":\"Person\",\"name\":\"tre\"}]}</script>"
             "</head><body><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "Mara Quinn; Tom Reyes");
    json_object_put(r);
}

static void test_meta_and_fallbacks(byline_doc *d) {
    char page[4096];
    snprintf(page, sizeof page,
             "<html lang=\"de\"><head><title>Die Mauer wird neu gebaut - Hafenblatt</title>"
             "<meta property=\"og:site_name\" content=\"Hafenblatt\">"
             "<meta property=\"article:published_time\" content=\"2021-11-04T23:00Z\">"
             "<meta name=\"author\" content=\"Von Max Mustermann\"></head><body><article>%s</article></body></html>",
             BODY);
    json_object *r = record(d, page, NULL);
    CHECK_STR(field(r, "title"), "Die Mauer wird neu gebaut");
    CHECK_STR(source(r, "title"), "title");
    /* a UTC timestamp on a German page is read in Central European time */
    CHECK_STR(field(r, "date_published"), "2021-11-05T00:00:00+01:00");
    CHECK_STR(source(r, "date_published"), "opengraph");
    CHECK_STR(authors(r), "Max Mustermann");
    json_object_put(r);

    /* the URL, then the text by the article */
    snprintf(page, sizeof page, "<html><body><article><h1>Wall</h1>%s</article></body></html>", BODY);
    r = record(d, page, "https://ledger.example/2024/03/12/wall.html");
    CHECK_STR(field(r, "date_published"), "2024-03-12");
    CHECK_STR(source(r, "date_published"), "url");
    json_object_put(r);
    snprintf(page, sizeof page, "<html><body><article><h1>Wall</h1><p class=date>12 March 2024</p>%s</article>"
                                "</body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2024-03-12");
    CHECK_STR(source(r, "date_published"), "text");
    json_object_put(r);

    /* dates announced as updates are not publication dates */
    snprintf(page, sizeof page, "<html><body><article><h1>Wall</h1><p>Letzte Änderung: 31.10.2023</p>"
                                "<p>Erschienen am: 01.11.2023</p>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2023-11-01");
    json_object_put(r);

    /* a UTC instant past midnight, with the local day and time printed by the article */
    snprintf(page, sizeof page,
             "<html><head><meta property=\"article:published_time\" content=\"2023-11-09T01:09:55Z\"></head>"
             "<body><article><p>November 8, 2023 at 6:09 pm</p>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2023-11-08T18:09:55-07:00");
    json_object_put(r);

    /* the same instant as a wall-clock <time>: the zone follows from the two */
    snprintf(page, sizeof page,
             "<html><head><meta property=\"article:published_time\" content=\"2023-11-09T05:30:59Z\"></head>"
             "<body><article><p><time datetime=\"2023-11-08 23:30:59\">Late edition</time></p>%s</article>"
             "</body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2023-11-08T23:30:59-06:00");
    json_object_put(r);

    /* on a Central European page a midday UTC instant cannot fall on the next day: a date in the page
     * header is not the article's */
    snprintf(page, sizeof page,
             "<html lang=de><head><meta property=\"article:published_time\" content=\"2023-10-30T13:01:18Z\"></head>"
             "<body><div class=masthead>31 October 2023</div><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK(!strncmp(field(r, "date_published"), "2023-10-30", 10));
    json_object_put(r);

    /* sidebar items marked as published lose to the article's own <time> */
    snprintf(page, sizeof page,
             "<html><body><article><h1>Wall</h1><p>Posted <time datetime=\"2019-06-28\">28 June</time></p>%s"
             "</article><aside><ul><li>Other story <time pubdate datetime=\"2019-09-22\">22 Sep</time></li>"
             "</ul></aside></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2019-06-28");
    json_object_put(r);

    /* a text element classed as the publication date */
    snprintf(page, sizeof page,
             "<html><body><article><h1>Wall</h1><p>Anna Roth &middot; <span class=\"published\">31. Oktober 2023"
             "</span></p>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2023-10-31");
    CHECK_STR(source(r, "date_published"), "time-element");
    json_object_put(r);

    /* structured sources days apart: the one the article shows */
    snprintf(page, sizeof page,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Wall\","
             "\"datePublished\":\"2022-01-04T07:29:00Z\"}</script><meta property=\"article:published_time\" "
             "content=\"2022-01-06T08:29:34\"></head><body><article><h1>Wall</h1><p>06.01.2022</p>%s</article>"
             "</body></html>", BODY);
    r = record(d, page, NULL);
    CHECK(!strncmp(field(r, "date_published"), "2022-01-06", 10));
    CHECK_STR(source(r, "date_published"), "opengraph");
    json_object_put(r);

    /* a generic <meta name=date> (often the last change) gives way to the day shown by the article */
    snprintf(page, sizeof page,
             "<html><head><meta name=\"date\" content=\"2020-04-30\"></head><body><article><h1>Wall</h1>"
             "<p class=byline>By Ann Lee, 29.04.2020</p>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2020-04-29");
    json_object_put(r);
    snprintf(page, sizeof page,
             "<html><head><meta name=\"date\" content=\"2020-04-30\"></head><body><article><h1>Wall</h1>"
             "%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2020-04-30");
    CHECK_STR(source(r, "date_published"), "meta");
    json_object_put(r);
}

static json_object *record_at(byline_doc *d, const char *html, const char *url, const char *crawl) {
    byline_options o;
    byline_options_init(&o);
    o.url = url;
    o.crawl_date = crawl;
    byline_extract(d, html, strlen(html), &o);
    return json_tokener_parse(byline_json(d, NULL));
}

/* The date printed by the headline weighed against structured data. */
static void test_datelines(byline_doc *d) {
    static char page[4096];
    json_object *r;
#define LD(date) "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Wall\"," \
                 "\"datePublished\":\"" date "\"}</script>"
    /* JSON-LD alone, days from the date the page prints under its headline: the page wins */
    snprintf(page, sizeof page, "<html><head>" LD("2021-05-02T10:00:00Z") "</head><body><article><h1>Wall</h1>"
             "<p class=meta>By Ann Lee · March 14, 2024</p>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2024-03-14");
    CHECK_STR(source(r, "date_published"), "text");
    json_object_put(r);
    /* ... but not when the URL names the structured day */
    r = record(d, page, "https://ledger.example/2021/05/02/wall.html");
    CHECK(!strncmp(field(r, "date_published"), "2021-05-02", 10));
    json_object_put(r);
    /* ... nor when the page prints the structured day too */
    snprintf(page, sizeof page, "<html><head>" LD("2021-05-02T10:00:00Z") "</head><body><article><h1>Wall</h1>"
             "<p class=meta>March 14, 2024 · May 2, 2021</p>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK(!strncmp(field(r, "date_published"), "2021-05-02", 10));
    json_object_put(r);
    /* "Published" and "Updated" both shown: the published one, whatever the order */
    snprintf(page, sizeof page, "<html><head>" LD("2024-06-01T10:00:00Z") "</head><body><article><h1>Wall</h1>"
             "<p>Updated June 1, 2024</p><p>Published April 26, 2023</p>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2023-04-26");
    json_object_put(r);
    /* a date in the headline is what the story is about */
    snprintf(page, sizeof page, "<html><head>" LD("2007-05-20T10:00:00Z") "</head><body><article>"
             "<h1>Results of the meeting, 12.5.2007</h1>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK(!strncmp(field(r, "date_published"), "2007-05-20", 10));
    json_object_put(r);
    /* a forum thread prints its newest post by the title; it began when the structured data says */
    snprintf(page, sizeof page, "<html><head><script type=\"application/ld+json\">{\"@type\":"
             "\"DiscussionForumPosting\",\"headline\":\"Wall\",\"datePublished\":\"2023-03-09T14:00:00Z\"}"
             "</script></head><body><article><h1>Wall</h1><p>Last post: March 5, 2026</p>%s</article></body></html>",
             BODY);
    r = record(d, page, NULL);
    CHECK(!strncmp(field(r, "date_published"), "2023-03-09", 10));
    json_object_put(r);
    /* no date from a copyright line; a dateline beside one stays */
    snprintf(page, sizeof page, "<html><body><article><h1>Wall</h1>%s</article><footer><p>Copyright © 19.12.2019 "
             "Ledger GmbH</p></footer></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "(null)");
    json_object_put(r);
    snprintf(page, sizeof page, "<html><body><article><h1>Wall</h1>%s<p>Erschienen am: 01.11.2023 · © bei der "
             "Autorin</p></article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2023-11-01");
    json_object_put(r);
    /* a dotted numeric date is day first, also on an English page; with slashes American English
     * puts the month first */
    snprintf(page, sizeof page, "<html lang=en><body><article><h1>Wall</h1><p class=meta>02.12.19</p>%s"
             "</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2019-12-02");
    json_object_put(r);
    snprintf(page, sizeof page, "<html lang=en-US><body><article><h1>Wall</h1><p class=meta>02/12/2019</p>%s"
             "</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2019-02-12");
    json_object_put(r);
    /* relative dates only against a crawl date */
    snprintf(page, sizeof page, "<html><body><article><h1>Wall</h1><p class=meta>By Ann Lee · 11 hours ago</p>%s"
             "</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "(null)");
    json_object_put(r);
    r = record_at(d, page, NULL, "2024-03-05T08:00:00Z");
    CHECK_STR(field(r, "date_published"), "2024-03-04");
    json_object_put(r);
    /* a meta line whose class mentions comments is no comment section; a comment section is */
    snprintf(page, sizeof page, "<html><body><article><h1>Wall</h1><div class=comments-date>August 30, 2017"
             "</div>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "date_published"), "2017-08-30");
    json_object_put(r);
#undef LD
}

static void test_long_inner_text(byline_doc *d) {
    /* element texts read up to a fixed length: a word break falling on that length writes nothing past
     * it (found when the arena learnt to poison its gaps under ASan) */
    static char page[8192];
    for (int n = 280; n <= 310; n++) {
        char word[400];
        memset(word, 'x', (size_t)n);
        word[n] = 0;
        snprintf(page, sizeof page, "<html><body><article><h1>Wall</h1><div class=\"byline\"><span>%s</span>"
                                    "<a>Mara Quinn</a></div><figure><img src=\"/a.jpg\"><figcaption><b>%s</b> "
                                    "<i>Harbour</i></figcaption></figure>%s</article></body></html>", word, word, BODY);
        json_object *r = record(d, page, NULL);
        CHECK(r != NULL);
        json_object_put(r);
    }
}

static void test_image_caption(byline_doc *d) {
    char page[4096];
    /* the top image found again in a figure (another size of it), its credit at the caption's end */
    snprintf(page, sizeof page,
             "<html><head><title>Wall vote</title><meta property=\"og:image\" "
             "content=\"https://ledger.example/img/harbour-wall.jpg?w=1200\"></head><body><article>"
             "<h1>Town votes to rebuild its sea wall</h1><figure><img src=\"/img/harbour-wall-800x450.jpg\">"
             "<figcaption>Waves break over the old harbour wall in January. (AP Photo/Jane Roe)</figcaption></figure>"
             "%s</article></body></html>", BODY);
    json_object *r = record(d, page, "https://ledger.example/news/wall");
    CHECK_STR(field(r, "image_caption"), "Waves break over the old harbour wall in January.");
    CHECK_STR(field(r, "image_credit"), "AP Photo/Jane Roe");
    json_object_put(r);
    /* an ImageObject that says it; a credit element of its own, label removed */
    snprintf(page, sizeof page,
             "<html><head><title>Wall vote</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
             "\"headline\":\"Town votes to rebuild its sea wall\",\"image\":{\"@type\":\"ImageObject\","
             "\"url\":\"https://ledger.example/img/a.jpg\",\"caption\":\"The wall at low tide\","
             "\"creditText\":\"Foto: Max Muster\"}}</script></head><body><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "image_caption"), "The wall at low tide");
    CHECK_STR(field(r, "image_credit"), "Max Muster");
    json_object_put(r);
}

static void test_agency(byline_doc *d) {
    /* names and their spellings */
    CHECK_STR(agency_match("The Associated Press", 20), "AP");
    CHECK_STR(agency_match("By REUTERS", 10), "Reuters");
    CHECK_STR(agency_match("(dpa)", 5), "dpa");
    CHECK_STR(agency_match("\xE2\x80\x93 Cover Media", 15), "Cover Media");  /* "– Cover Media" */
    CHECK_STR(agency_match("(c) 2019 Reuters", 16), "Reuters");
    CHECK_STR(agency_match("Source: AFP", 11), "AFP");
    CHECK(agency_match("ap", 2) == NULL);                 /* short names only in their case */
    CHECK(agency_match("Mara Quinn", 10) == NULL);
    /* a dateline, a credit line of its own */
    const char *first = "WASHINGTON (AP) \xE2\x80\x94 The Senate voted on Tuesday to fund the bridge.";
    CHECK_STR(agency_in_text(first, strlen(first), NULL, 0), "AP");
    const char *last = "\xE2\x80\x93 Cover Media";
    CHECK_STR(agency_in_text("The actress said she was proud.", 31, last, strlen(last)), "Cover Media");
    CHECK(agency_in_text("The actress said she was proud.", 31, "She was proud.", 14) == NULL);

    char page[4096];
    /* an agency as JSON-LD author is the agency, not an author */
    snprintf(page, sizeof page,
             "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Bridge vote\","
             "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"@type\":\"Organization\",\"name\":"
             "\"Associated Press\"}]}</script></head><body><article>%s</article></body></html>", BODY);
    json_object *r = record(d, page, NULL);
    CHECK_STR(field(r, "agency"), "AP");
    CHECK_STR(authors(r), "Jane Doe");
    json_object_put(r);
    /* a byline naming the outlet's desk and the agency */
    snprintf(page, sizeof page, "<html><head><meta name=\"author\" content=\"Max Muster mit dpa\"></head>"
                                "<body><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "agency"), "dpa");
    json_object_put(r);
    /* a story that ends with the agency's credit line */
    snprintf(page, sizeof page, "<html><body><article>%s<p>\xE2\x80\x93 Cover Media</p></article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(field(r, "agency"), "Cover Media");
    CHECK_STR(source(r, "agency"), "text");
    json_object_put(r);
    /* only an organisation named as author */
    snprintf(page, sizeof page, "<html><head><meta name=\"author\" content=\"Reuters\"></head>"
                                "<body><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    json_object *org;
    CHECK(json_object_object_get_ex(r, "authors_are_organization", &org) && json_object_get_boolean(org));
    json_object_put(r);
    /* an organisation as the only credit: listed as the page gives it, and flagged */
    snprintf(page, sizeof page, "<html><head><meta name=\"author\" content=\"Harbour Holdings Ltd\"></head>"
                                "<body><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "Harbour Holdings Ltd");
    CHECK(json_object_object_get_ex(r, "authors_are_organization", &org) && json_object_get_boolean(org));
    json_object_put(r);
    snprintf(page, sizeof page, "<html><head><meta name=\"author\" content=\"Coastline News Staff\"></head>"
                                "<body><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK(json_object_object_get_ex(r, "authors_are_organization", &org) && json_object_get_boolean(org));
    json_object_put(r);
    /* ... but a byline by the article that names a person is the credit */
    snprintf(page, sizeof page, "<html><head><meta name=\"author\" content=\"Harbour Holdings Ltd\"></head>"
                                "<body><article><h1>Wall</h1><p class=\"byline\">By Mara Quinn</p>%s</article>"
                                "</body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "Mara Quinn");
    CHECK(json_object_object_get_ex(r, "authors_are_organization", &org) && !json_object_get_boolean(org));
    json_object_put(r);
    /* a person and a title in the author field: the person, unflagged */
    snprintf(page, sizeof page, "<html><head><meta name=\"author\" content=\"Senior Correspondent Mara Quinn\">"
                                "</head><body><article>%s</article></body></html>", BODY);
    r = record(d, page, NULL);
    CHECK_STR(authors(r), "Mara Quinn");
    CHECK(json_object_object_get_ex(r, "authors_are_organization", &org) && !json_object_get_boolean(org));
    json_object_put(r);
}

static void test_page_fields(byline_doc *d) {
    char page[4096];
    snprintf(page, sizeof page,
             "<html><head><meta property=\"og:image\" content=\"/img/wall.jpg\">"
             "<meta property=\"article:section\" content=\"Local\"><meta property=\"article:tag\" content=\"\">"
             "<meta property=\"article:tag\" content=\"Flooding\"><link rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">"
             "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"headline\":\"Storm live\","
             "\"isAccessibleForFree\":\"False\"}</script></head><body><article>%s</article></body></html>", BODY);
    json_object *r = record(d, page, "https://ledger.example/news/live");
    CHECK_STR(field(r, "image"), "https://ledger.example/img/wall.jpg");
    CHECK_STR(field(r, "section"), "Local");
    json_object *tags, *b;
    CHECK(json_object_object_get_ex(r, "tags", &tags) && json_object_array_length(tags) == 1); /* the empty one is no tag */
    CHECK_STR(field(r, "license"), "https://creativecommons.org/licenses/by/4.0/");
    CHECK_STR(field(r, "page_type"), "liveblog");
    CHECK(json_object_object_get_ex(r, "is_article", &b) && json_object_get_boolean(b));
    CHECK(json_object_object_get_ex(r, "paywalled", &b) && json_object_get_boolean(b));
    json_object_put(r);
    /* a logo is no top image; a page of headline links is a listing */
    char idx[8192] = "<html><head><meta property=\"og:image\" content=\"https://ledger.example/static/logo.png\"></head><body><ul>";
    for (int i = 0; i < 40; i++) {
        char li[128];
        snprintf(li, sizeof li, "<li><a href=\"/n/%d\">Headline number %d of the day</a></li>", i, i);
        strcat(idx, li);
    }
    strcat(idx, "</ul></body></html>");
    r = record(d, idx, NULL);
    CHECK_STR(field(r, "image"), "(null)");
    CHECK_STR(field(r, "page_type"), "listing");
    CHECK(json_object_object_get_ex(r, "is_article", &b) && !json_object_get_boolean(b));
    json_object_put(r);
}

static void test_language(byline_doc *d) {
    const char *de = "<html lang=\"en\"><body><article><p>Der Gemeinderat hat am Dienstag beschlossen, die alte "
                     "Hafenmauer zu erneuern. Die Arbeiten beginnen im September und dauern achtzehn Monate, "
                     "während der Markt geöffnet bleibt.</p></article></body></html>";
    json_object *r = record(d, de, NULL);
    CHECK_STR(field(r, "language"), "de");            /* detected from the text */
    CHECK_STR(field(r, "language_declared"), "en");   /* what the page says, kept apart */
    json_object *c;
    CHECK(json_object_object_get_ex(r, "language_confidence", &c) && json_object_get_double(c) > 0.5);
    json_object_put(r);
}

int main(void) {
    byline_doc *d = byline_doc_new();
    test_cleaning();
    test_credit_names();
    test_jsonld(d);
    test_meta_and_fallbacks(d);
    test_language(d);
    test_agency(d);
    test_image_caption(d);
    test_long_inner_text(d);
    test_page_fields(d);
    test_datelines(d);
    byline_doc_free(d);
    return test_summary("test_metadata");
}
