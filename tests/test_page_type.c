/* What kind of page: the URL's shape, and whole pages written for these tests, each clearly one
 * kind, through the public API. */
#include "decode/decode.h"
#include "extract/page_type.h"
#include "extract/select.h"
#include "record_util.h"
#include "test_util.h"
#include <stdio.h>

static void test_url_signals(void) {
    CHECK(page_url_signals("https://forum.example.org/topic/1571202-new-wall-plans/") & URL_FORUM_HOST);
    CHECK(page_url_signals("https://forum.example.org/topic/1571202-new-wall-plans/") & URL_THREAD);
    CHECK(page_url_signals("https://talk.example.org/t/harbour-wall-repairs/68911") & URL_THREAD);
    CHECK(page_url_signals("https://board.example/viewtopic.php?f=20&t=4871") & URL_THREAD);
    /* a topic page of a news site is an index of stories, not a thread */
    CHECK(!(page_url_signals("https://news.example/topic/harbours") & URL_THREAD));
    CHECK(page_url_signals("https://news.example/topic/harbours") & URL_LISTING);
    CHECK(page_url_signals("https://docs.example.dev/guides/auth") & URL_DOCS);
    CHECK(page_url_signals("https://shop.example/products/blue-kettle-2l") & URL_PRODUCT);
    CHECK(!(page_url_signals("https://shop.example/products/") & URL_PRODUCT));
    CHECK(page_url_signals("https://shop.example/products/") & URL_COLLECTION);
    CHECK(page_url_signals("https://example.com/services/harbour-engineering/") & URL_SERVICE);
    CHECK(page_url_signals("https://ledger.example/news") & URL_LISTING);
    CHECK(page_url_signals("https://ledger.example/2024/03/12/wall.html") & URL_DATED);
    CHECK(page_url_signals("https://ledger.example/harbour-wall-to-be-rebuilt-after-storms") & URL_SLUG);
    CHECK(page_url_signals("https://ledger.example/") & URL_HOME);
    CHECK(page_url_signals("https://ledger.example") & URL_HOME);
    CHECK(!(page_url_signals("https://ledger.example/about") & URL_HOME));
    CHECK(page_url_signals(NULL) == 0);
}

static void test_forum(void) {
    char page[16384];
    size_t n = (size_t)snprintf(page, sizeof page, "<html><head><title>Rebuilding the harbour wall - Harbour Forum</title>"
                                                   "</head><body><main><h1>Rebuilding the harbour wall</h1>");
    static const char *const who[] = {"wallwatcher", "pia_l", "tom.r", "engineer42", "harbourcat"};
    for (int i = 0; i < 5; i++)
        n += (size_t)snprintf(page + n, sizeof page - n,
                              "<article class=\"message\" itemscope itemtype=\"https://schema.org/Comment\">"
                              "<div class=\"message-user\"><span class=\"username\">%s</span> Joined 2019</div>"
                              "<div class=\"stats\">%d,2%d1 posts</div>"
                              "<time datetime=\"2024-03-1%dT10:00:00Z\">Mar 1%d, 2024</time>"
                              "<div class=\"message-body\"><p>I walked along the old wall again this morning and the "
                              "cracks near the lighthouse are wider than last week. Has anyone heard when the "
                              "council will start the repairs, or is it still waiting for the engineers?</p></div>"
                              "<div class=\"signature\">Harbour walker since 1998</div></article>",
                              who[i], i + 1, i, i, i);
    snprintf(page + n, sizeof page - n, "</main></body></html>");
    run_html(page, "https://community.example.org/t/rebuilding-the-harbour-wall/4512");
    CHECK_STR(get(rec, "page_type"), "forum");
    /* every post, without the signatures under them */
    const char *text = get(rec, "text");
    CHECK(text && strstr(text, "wallwatcher") && strstr(text, "cracks near the lighthouse"));
    CHECK(text && !strstr(text, "Harbour walker since 1998"));
    CHECK(text && !strstr(text, "1 posts")); /* the post count under every author, whatever its number */
    json_object *b;
    CHECK(json_object_object_get_ex(rec, "is_article", &b) && !json_object_get_boolean(b));
}

static void test_product(void) {
    const char *page =
        "<html><head><title>Blue Kettle 2 l | Harbour Home</title><meta property=\"og:type\" content=\"product\">"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
        "\"name\":\"Blue Kettle 2 l\",\"offers\":{\"@type\":\"Offer\",\"price\":\"39.00\"}}</script></head><body>"
        "<div class=\"product-page\"><h1 class=\"product-title\">Blue Kettle 2 l</h1>"
        "<div class=\"price\">$39.00</div><div class=\"product-quantity\">Quantity</div>"
        "<div class=\"add-to-cart\">Add to cart</div>"
        "<div class=\"product-description\"><p>A two-litre enamel kettle for gas, electric and induction hobs, "
        "with a whistle you can hear from the garden.</p></div>"
        "<div class=\"reviews\"><h2>Reviews</h2><div class=\"rating\">4.5 stars</div></div></div></body></html>";
    run_html(page, "https://shop.example/products/blue-kettle-2l");
    CHECK_STR(get(rec, "page_type"), "product");
}

static void test_docs(void) {
    char page[16384];
    size_t n = (size_t)snprintf(page, sizeof page, "<html><head><title>Reading a page - libharbour docs</title></head>"
                                                   "<body><nav class=\"docs-sidebar toc\"><a href=\"/a\">Start</a></nav>"
                                                   "<main class=\"docs-content\"><h1>Reading a page</h1>");
    for (int i = 0; i < 6; i++)
        n += (size_t)snprintf(page + n, sizeof page - n,
                              "<h2>Step %d</h2><p>Call <code>harbour_read()</code> with the page and its length; the "
                              "<code>harbour_doc</code> handle keeps the result until the next call.</p>"
                              "<pre class=\"highlight\"><code>harbour_doc *d = harbour_new();\nharbour_read(d, buf, len);"
                              "</code></pre>", i + 1);
    snprintf(page + n, sizeof page - n, "</main></body></html>");
    run_html(page, "https://docs.example.dev/reading-a-page");
    CHECK_STR(get(rec, "page_type"), "documentation");
}

static void test_article(void) {
    const char *page =
        "<html><head><title>Harbour wall to be rebuilt - The Ledger</title>"
        "<meta property=\"og:type\" content=\"article\">"
        "<meta property=\"article:published_time\" content=\"2024-03-12T09:00:00Z\"></head><body><article>"
        "<h1>Harbour wall to be rebuilt</h1><p class=\"byline\">By Jane Doe</p>"
        "<p>The town council voted on Monday to rebuild the harbour wall that failed in two winter storms in a row, "
        "and the work is set to start in the spring.</p>"
        "<p>Engineers told the council that the old wall could not be repaired again, and that a new wall would "
        "protect the market and the houses behind it for at least fifty years.</p>"
        "<p>Residents who have lived by the harbour for decades said they were relieved, though some worried about "
        "the noise and the closed road during the two years of work.</p></article></body></html>";
    run_html(page, "https://ledger.example/2024/03/12/harbour-wall-to-be-rebuilt");
    CHECK_STR(get(rec, "page_type"), "article");
    json_object *c;
    CHECK(json_object_object_get_ex(rec, "page_type_confidence", &c) && json_object_get_double(c) > 0.5);
}

/* A consent dialog with more prose than the thread under it is still laid over the page. */
static void test_overlay(void) {
    char page[16384];
    size_t n = (size_t)snprintf(page, sizeof page, "<html><head><title>Harbour wall - Harbour Forum</title></head><body>"
                                                   "<main><h1>Harbour wall</h1>");
    for (int i = 0; i < 3; i++)
        n += (size_t)snprintf(page + n, sizeof page - n,
                              "<article class=\"message\"><span class=\"username\">walker%d</span>"
                              "<div class=\"message-body\"><p>The cracks near the lighthouse look wider this week, "
                              "does anyone know when repairs start?</p></div></article>", i);
    n += (size_t)snprintf(page + n, sizeof page - n, "</main><div id=\"site-consent-sdk\"><div class=\"pc-dialog\">");
    for (int i = 0; i < 6; i++)
        n += (size_t)snprintf(page + n, sizeof page - n,
                              "<h3>Purpose %d</h3><p>These technologies help us understand how our site is used, how "
                              "visitors move through its pages and which of them they return to, so that we can "
                              "measure and improve what we offer; they may be set by us or by our partners.</p>", i);
    snprintf(page + n, sizeof page - n, "</div></div></body></html>");
    run_html(page, "https://community.example.org/t/harbour-wall/4512");
    const char *text = get(rec, "text");
    CHECK(text && strstr(text, "cracks near the lighthouse"));
    CHECK(text && !strstr(text, "These technologies"));
    /* a story shown in a modal viewer is the page's content: only consent dialogs are overlays */
    run_html("<html><body><div class=\"render-target-modal\"><article><h1>Sea wall</h1><p>The council voted on "
         "Tuesday to rebuild the sea wall that protects the market, the chair of the harbour committee said.</p>"
         "<p>Work starts in September and lasts eighteen months, with the market staying open throughout.</p>"
         "<p>The wall was last rebuilt after the storms of 1953, when the sea reached the square.</p></article>"
         "</div><div class=\"signup\"><p>Our weekly letter about the harbour goes out every Friday.</p></div>"
         "</body></html>",
         NULL);
    text = get(rec, "text");
    CHECK(text && strstr(text, "rebuild the sea wall") && strstr(text, "storms of 1953"));
}

/* A page built and its content chosen as a page of this kind told with this confidence, through the
 * stages byline_extract runs (decode, parse, blocks, marking, selection). */
typedef struct {
    arena a;
    dom *d;
    page pg;
    selection sel;
    page_kind used;
} reading;

static void read_page(reading *r, const char *src, page_kind kind, float confidence) {
    arena_init(&r->a);
    decoded dec;
    CHECK(!decode_bytes(&r->a, src, strlen(src), NULL, &dec));
    r->d = dom_new();
    dom_parse(r->d, dec.data, dec.len, 0, 0, 0, NULL, NULL);
    page_init(&r->pg);
    walk_limits lim = {4096, 1000000, NULL, NULL, 0, NULL, NULL, NULL, NULL, 0};
    CHECK(!page_build(&r->pg, &r->a, r->d, &lim));
    CHECK(!select_mark(&r->pg, &r->a, PK_ARTICLE, &r->sel));
    CHECK(!select_content(&r->pg, &r->a, 0, kind, confidence, &r->used, &r->sel));
}

static void reading_free(reading *r) {
    page_free(&r->pg);
    dom_free(r->d);
    arena_free(&r->a);
}

/* Kept blocks whose text starts with s (whole: is s). */
static int kept(const reading *r, const char *s, int whole) {
    int n = 0;
    size_t l = strlen(s);
    for (uint32_t k = 0; k < r->sel.n_kept; k++) {
        const xblock *b = &r->pg.blocks[r->sel.kept[k]];
        n += (whole ? b->text_len == l : b->text_len >= l) && !memcmp(r->pg.text.data + b->text_off, s, l);
    }
    return n;
}

/* The kind decides the reading only when it is told with confidence: an article beside a long menu,
 * called a listing with little confidence, is read as an article; called one with confidence, as a
 * listing, menu entries and all. */
static void test_uncertain_kind(void) {
    char src[16384];
    size_t n = (size_t)snprintf(src, sizeof src, "<html><body><div class=\"sections\"><ul>");
    for (int i = 0; i < 5; i++)
        n += (size_t)snprintf(src + n, sizeof src - n, "<li><a href=\"/s/%d\">Section number %d</a></li>", i, i);
    n += (size_t)snprintf(src + n, sizeof src - n, "</ul></div><div class=\"story\">");
    for (int i = 0; i < 4; i++)
        n += (size_t)snprintf(src + n, sizeof src - n,
                              "<p>The council voted on Tuesday to rebuild the sea wall that protects the market, "
                              "and work starts in September, the chair of the harbour committee said (%d).</p>", i);
    snprintf(src + n, sizeof src - n, "</div></body></html>");
    for (int sure = 0; sure < 2; sure++) {
        reading r;
        read_page(&r, src, PK_LISTING, sure ? 0.9f : 0.5f);
        CHECK(r.used == (sure ? PK_LISTING : PK_ARTICLE));
        CHECK((kept(&r, "Section", 0) > 0) == sure);
        reading_free(&r);
    }
}

/* Read as a service page: the feature sections stay, a mock-up of the app made of scraps of text goes. */
static void test_scraps(void) {
    char src[8192];
    size_t n = (size_t)snprintf(src, sizeof src, "<html><body><main><section><h2>Plan every sprint</h2><p>Turn feedback "
                                                 "into issues that are routed, labelled and ranked for your team.</p>"
                                                 "</section><section class=\"mock\">");
    for (int i = 0; i < 8; i++) n += (size_t)snprintf(src + n, sizeof src - n, "<div>ENG-20%d</div>", i);
    snprintf(src + n, sizeof src - n, "</section><section><h2>Ship faster</h2><p>Cut the noise and keep the momentum "
                                      "that helps teams ship with focus.</p></section></main><div class=\"site-wide\"><p>Our letter goes out "
                                      "every Friday to all who signed up on any of our pages.</p></div></body></html>");
    reading r;
    read_page(&r, src, PK_SERVICE, 0.9f);
    CHECK(r.used == PK_SERVICE);
    CHECK(kept(&r, "ENG-", 0) == 0 && kept(&r, "Turn", 0) == 1 && kept(&r, "Cut", 0) == 1);
    /* what the site puts around the page's <main> is not this page's */
    CHECK(kept(&r, "Our letter", 0) == 0);
    reading_free(&r);
}

/* Read as a collection: each card's name and price stay; the filters and the button on every card go. */
static void test_collection_cards(void) {
    char src[8192];
    size_t n = (size_t)snprintf(src, sizeof src, "<html><body><h1>Harbour mugs</h1><div class=\"filters\"><ul>"
                                                 "<li>Stoneware</li><li>Porcelain</li><li>Blue glaze</li></ul></div>"
                                                 "<div class=\"grid\">");
    static const char *const names[] = {"Tide mug", "Lighthouse mug", "Anchor cup", "Gull beaker", "Pier tumbler"};
    for (int i = 0; i < 5; i++)
        n += (size_t)snprintf(src + n, sizeof src - n, "<div class=\"card\"><p>%s</p><p>$1%d</p><p>View details</p></div>",
                              names[i], i);
    snprintf(src + n, sizeof src - n, "</div></body></html>");
    reading r;
    read_page(&r, src, PK_COLLECTION, 0.9f);
    CHECK(r.used == PK_COLLECTION);
    int cards = 0;
    for (int i = 0; i < 5; i++) cards += kept(&r, names[i], 1);
    CHECK(cards == 5 && kept(&r, "$1", 0) == 5);
    CHECK(kept(&r, "View details", 1) == 0 && kept(&r, "Stoneware", 1) == 0);
    reading_free(&r);
}

/* When every part of the page that holds text is chrome by its class (the whole page in a wrapper whose
 * class speaks of comments, the rest in a block of related links), the reading is not empty: the last
 * resort keeps what shows outside the navigation, asides and footer. */
static void test_last_resort(void) {
    const char *src =
        "<html><body><nav><a href=/>Home</a> <a href=/r>Rankings</a></nav><section class=\"commenting-on-page\">"
        "<h1>Rankings 2025</h1><p>Discover the top universities in the world for studying computer science, by "
        "subject.</p><p>Over eight hundred universities are ranked this year, three more than last year, and the "
        "top three are all in the United States.</p><p>Singapore, Britain and Switzerland each have a university "
        "among the first ten.</p></section><div class=\"related-stories\"><p>The rankings company publishes its "
        "tables every spring, with the methods used to make them.</p><p>Its offices are in London, Singapore and "
        "Boston, and it employs four hundred people.</p></div><footer><p>Copyright the rankings company, all rights "
        "reserved in every country.</p></footer></body></html>";
    reading r;
    read_page(&r, src, PK_ARTICLE, 0.9f);
    CHECK(kept(&r, "Discover the top universities", 0) == 1 && kept(&r, "Singapore, Britain", 0) == 1);
    CHECK(!kept(&r, "Copyright", 0) && !kept(&r, "Home", 0));
    reading_free(&r);
}

/* A carousel clones its slides: a block of some length read a second time word for word is left out on
 * pages read by sections; a short label may repeat. */
static void test_repeats(void) {
    const char *slide = "<div class=\"slide\"><p>I bought the linen blazer last spring and it still looks new after a "
                        "dozen washes.</p></div>";
    char src[4096];
    snprintf(src, sizeof src,
             "<html><body><main><h1>Linen blazer</h1><p>A relaxed blazer in washed linen, with two patch pockets "
             "and a single button.</p><p>Size</p><div class=\"carousel\">%s%s</div><p>Size</p></main></body></html>",
             slide, slide);
    reading r;
    read_page(&r, src, PK_PRODUCT, 0.9f);
    CHECK(kept(&r, "I bought the linen blazer", 0) == 1);
    CHECK(kept(&r, "A relaxed blazer in washed linen", 0) == 1);
    reading_free(&r);
    /* a label printed twice ("Free returns" above and below the buy box) is kept once */
    snprintf(src, sizeof src,
             "<html><body><main><h1>Linen blazer</h1><p>Free returns</p><p>A relaxed blazer in washed linen, with "
             "two patch pockets and a single button.</p><p>Free returns</p></main></body></html>");
    read_page(&r, src, PK_PRODUCT, 0.9f);
    CHECK(kept(&r, "Free returns", 1) == 1);
    reading_free(&r);
}

/* A thread's dates and counts beside every post are not what its people wrote. */
static void test_forum_stamps(void) {
    char src[8192];
    size_t n = (size_t)snprintf(src, sizeof src, "<html><body><main><h1>Which tent for a windy coast?</h1>");
    /* two posts: below the count at which repeated labels go anyway */
    for (int i = 0; i < 2; i++)
        n += (size_t)snprintf(src + n, sizeof src - n,
                              "<div class=\"post\"><div class=\"info\"><div>Mar %d, 2024</div><div>Posts: %d"
                              "</div></div><p>I have camped on that coast for years, and a low dome with short poles "
                              "stands up to the wind best of all (%d).</p></div>", i + 3, 40 + i, i);
    snprintf(src + n, sizeof src - n, "</main></body></html>");
    reading r;
    read_page(&r, src, PK_FORUM, 0.9f);
    CHECK(kept(&r, "I have camped on that coast", 0) == 2);
    CHECK(!kept(&r, "Mar 4, 2024", 1) && !kept(&r, "Posts: 41", 1));
    reading_free(&r);
}

/* The site's footer landmark (role="contentinfo") is chrome even when its fine print is most of the
 * page's prose: a grid of products has short names and prices, the legal notes below have sentences. */
static void test_footer_landmark(void) {
    char src[8192];
    size_t n = (size_t)snprintf(src, sizeof src, "<html><body><main><h1>Watches</h1><p>Every watch in the lineup "
                                "tracks your sleep, your heart and your workouts, and each one pairs with a phone.</p><ul>");
    for (int i = 0; i < 6; i++)
        n += (size_t)snprintf(src + n, sizeof src - n, "<li><h3>Series %d</h3><p>From $%d99</p></li>", i, i + 2);
    n += (size_t)snprintf(src + n, sizeof src - n, "</ul></main><footer role=\"contentinfo\"><ol>");
    for (int i = 0; i < 4; i++)
        n += (size_t)snprintf(src + n, sizeof src - n,
                              "<li>Financing is available to qualified customers, subject to credit approval and a "
                              "credit limit, and requires the selection of a monthly plan at checkout (%d).</li>", i);
    snprintf(src + n, sizeof src - n, "</ol></footer></body></html>");
    reading r;
    read_page(&r, src, PK_COLLECTION, 0.9f);
    CHECK(kept(&r, "Series 3", 1) == 1);
    CHECK(!kept(&r, "Financing is available", 0));
    reading_free(&r);
}

/* A listing told with little confidence whose article reading is a blurb (its introduction) and whose
 * items are links with teasers: read as a listing, items and all. */
static void test_blurb_listing(void) {
    char src[16384];
    size_t n = (size_t)snprintf(src, sizeof src, "<html><body><main><div class=\"intro\"><p>Remote jobs for "
                                "engineers, updated every day.</p></div><ul class=\"jobs\">");
    for (int i = 0; i < 12; i++)
        n += (size_t)snprintf(src + n, sizeof src - n,
                              "<li><a href=\"/jobs/%d\"><h3>Software engineer number %d at a harbour logistics "
                              "company</h3><span>Full time, remote, anywhere in Europe</span></a></li>", i, i);
    snprintf(src + n, sizeof src - n, "</ul></main></body></html>");
    reading r;
    read_page(&r, src, PK_LISTING, 0.5f);
    CHECK(r.used == PK_LISTING);
    CHECK(kept(&r, "Software engineer number 7", 0) == 1);
    reading_free(&r);
}

int main(void) {
    test_forum_stamps();
    test_blurb_listing();
    test_footer_landmark();
    test_repeats();
    test_last_resort();
    doc = byline_doc_new();
    test_url_signals();
    test_forum();
    test_product();
    test_docs();
    test_article();
    test_overlay();
    test_uncertain_kind();
    test_scraps();
    test_collection_cards();
    json_object_put(rec);
    byline_doc_free(doc);
    return test_summary("test_page_type");
}
