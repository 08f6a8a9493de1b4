/* Main-content extraction on pages written for these tests: chrome out,
 * article in, structure kept in Markdown, offsets and JSON consistent. */
#include <byline.h>
#include <json-c/json.h>
#include "test_util.h"
#include "stages.h"

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (fread(b, 1, (size_t)n, f) != (size_t)n) exit(2);
    b[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return b;
}

static byline_status ex(byline_doc *d, const char *html, const byline_options *o) {
    return byline_extract(d, html, strlen(html), o);
}

static void check_record(byline_doc *d) {
    size_t jl, tl;
    const char *j = byline_json(d, &jl);
    const char *text = byline_text(d, &tl);
    json_object *rec = json_tokener_parse(j);
    CHECK(rec != NULL); /* the record is valid JSON */
    if (!rec) return;
    json_object *v, *paras;
    CHECK(json_object_object_get_ex(rec, "byline_version", &v) && !strcmp(json_object_get_string(v), byline_version()));
    CHECK(json_object_object_get_ex(rec, "text", &v) && json_object_get_string_len(v) == (int)tl);
    CHECK(json_object_object_get_ex(rec, "paragraphs", &paras));
    size_t np = json_object_array_length(paras);
    size_t prev_end = 0, prev_cend = 0;
    int ok = 1;
    for (size_t i = 0; i < np; i++) {
        json_object *p = json_object_array_get_idx(paras, i), *s, *e, *cs, *ce;
        json_object_object_get_ex(p, "start_byte", &s);
        json_object_object_get_ex(p, "end_byte", &e);
        json_object_object_get_ex(p, "start", &cs);
        json_object_object_get_ex(p, "end", &ce);
        size_t sb = (size_t)json_object_get_int64(s), eb = (size_t)json_object_get_int64(e);
        size_t sc = (size_t)json_object_get_int64(cs), ec = (size_t)json_object_get_int64(ce);
        /* in order, inside the text, and code points match the bytes */
        ok &= sb >= prev_end && eb > sb && eb <= tl && sc >= prev_cend;
        size_t cps = 0;
        for (size_t k = sb; k < eb && k < tl; k++) cps += ((unsigned char)text[k] & 0xC0) != 0x80;
        ok &= cps == ec - sc;
        size_t before = 0;
        for (size_t k = 0; k < sb && k < tl; k++) before += ((unsigned char)text[k] & 0xC0) != 0x80;
        ok &= before == sc;
        prev_end = eb, prev_cend = ec;
    }
    CHECK(ok);
    json_object_put(rec);
}

static void test_news_page(byline_doc *d) {
    size_t n;
    char *html = slurp("../examples/news.html", &n);
    CHECK(byline_extract(d, html, n, NULL) == BYLINE_OK);
    const char *t = byline_text(d, NULL);
    const char *md = byline_markdown(d, NULL);
    /* the article, lead included */
    CHECK(CONTAINS(t, "After two winters of flooding, Port Alder will spend"));
    CHECK(CONTAINS(t, "The town council voted 9 to 2"));
    CHECK(CONTAINS(t, "This time we are building it properly."));
    CHECK(CONTAINS(t, "Two councillors voted against the plan"));
    CHECK(CONTAINS(t, "Regional flood fund"));
    /* chrome out */
    const char *chrome[] = {"Share on Facebook", "Related stories", "Storm Ciarán", "About time too",
                            "We use cookies", "Waves break over", "Get the Ledger", "Sign up for our",
                            "Tags:", "All rights reserved", "By Mara Quinn", "Advertisement",
                            "Harbour town votes", "Home › News", "Privacy policy"};
    for (size_t i = 0; i < sizeof chrome / sizeof *chrome; i++) {
        if (CONTAINS(t, chrome[i])) fprintf(stderr, "chrome kept: %s\n", chrome[i]);
        CHECK(!CONTAINS(t, chrome[i]));
    }
    /* structure in Markdown */
    CHECK(CONTAINS(md, "\n## What the plan includes\n"));
    CHECK(CONTAINS(md, "\n- a new concrete core behind the existing stone face;\n- raising the wall"));
    CHECK(CONTAINS(md, "| Source | Amount |\n| --- | --- |\n| Regional flood fund | £3.0m |\n"));
    CHECK(CONTAINS(md, "\n> The wall is the only thing between the square"));
    CHECK(CONTAINS(md, "**After two winters of flooding"));
    /* and in plain text, no markup */
    CHECK(!CONTAINS(t, "**") && !CONTAINS(t, "## "));
    check_record(d);

    /* the one precision/recall setting moves the output monotonically */
    byline_options lo, hi;
    byline_options_init(&lo);
    byline_options_init(&hi);
    lo.precision = -1;
    hi.precision = 1;
    byline_extract(d, html, n, &lo);
    size_t len_lo;
    byline_text(d, &len_lo);
    byline_extract(d, html, n, &hi);
    size_t len_hi;
    byline_text(d, &len_hi);
    CHECK(len_lo >= len_hi && len_hi > 0);

    /* links in Markdown on request */
    lo.precision = 0;
    lo.include_links = 1;
    const char *linked = "<html><body><article><p>The report, published by the <a href=\"https://example.org/r?a=1\">flood "
                         "agency</a> on Monday, says the wall must be raised before the next winter storms arrive.</p>"
                         "</article></body></html>";
    CHECK(ex(d, linked, &lo) == BYLINE_OK);
    CHECK(CONTAINS(byline_markdown(d, NULL), "[flood agency](https://example.org/r?a=1)"));
    CHECK(CONTAINS(byline_text(d, NULL), "by the flood agency on Monday"));
    /* relative links are resolved against the page URL; script links are not links */
    lo.url = "https://ledger.example/news/2024/wall.html";
    const char *rel = "<html><body><article><p>The <a href=\"../docs/report.pdf\">engineers' report</a> and the "
                      "<a href=\"javascript:void(0)\">council minutes</a> were published on Monday, ahead of the "
                      "vote on the sea wall.</p></article></body></html>";
    CHECK(ex(d, rel, &lo) == BYLINE_OK);
    CHECK(CONTAINS(byline_markdown(d, NULL), "[engineers' report](https://ledger.example/news/docs/report.pdf)"));
    CHECK(CONTAINS(byline_markdown(d, NULL), "the council minutes were"));
    free(html);
}

static void test_markdown_escaping(byline_doc *d) {
    const char *page =
        "<html><body><article>"
        "<p># not a heading, and 2*3 = 6 is not emphasis; [brackets] and snake_case_names stay literal in this sentence.</p>"
        "<p>1. This paragraph starts like an ordered list item but it is a sentence about the first point made.</p>"
        "<p>- And this one starts with a dash, as quoted dialogue sometimes does in a long news story like this.</p>"
        "<p><em>Emphasis </em>with a trailing space inside it must still close properly in the Markdown output.</p>"
        "</article></body></html>";
    CHECK(ex(d, page, NULL) == BYLINE_OK);
    const char *md = byline_markdown(d, NULL);
    CHECK(CONTAINS(md, "\\# not a heading, and 2\\*3 = 6"));
    CHECK(CONTAINS(md, "\\[brackets\\] and snake\\_case\\_names"));
    CHECK(CONTAINS(md, "\n1\\. This paragraph"));
    CHECK(CONTAINS(md, "\n\\- And this one"));
    CHECK(CONTAINS(md, "*Emphasis* with a trailing"));
    CHECK(CONTAINS(byline_text(d, NULL), "# not a heading, and 2*3 = 6"));
}

/* A kicker and a title joined by a separator only screen readers see: the
 * heading keeps the separator; hidden words stay out. */
static void test_heading_hidden_separator(byline_doc *d) {
    const char *page =
        "<html><body><article>"
        "<p>The town council voted on Monday to rebuild the harbour wall that failed in two winter storms in a row.</p>"
        "<h2><span class=\"kicker\">Harbour</span><span class=\"visually-hidden\">: </span>"
        "<span>Wall to be rebuilt</span><span class=\"sr-only\">Read more</span></h2>"
        "<p>Work starts in spring and is expected to take two years, the council said in a statement afterwards.</p>"
        "</article></body></html>";
    CHECK(ex(d, page, NULL) == BYLINE_OK);
    const char *md = byline_markdown(d, NULL);
    CHECK(CONTAINS(md, "Harbour: Wall to be rebuilt"));
    CHECK(!CONTAINS(md, "Read more"));
}

static void test_layout_table(byline_doc *d) {
    /* an old page laid out with a table: the cells are prose, not a data table */
    const char *page =
        "<html><body><table><tr><td><a href=/>Home</a><br><a href=/a>Archive</a><br><a href=/c>Contact</a></td>"
        "<td><p>The mill closed its doors on Friday after one hundred and twelve years, leaving the village without "
        "its largest employer.</p><p>Former workers gathered at the gates to share stories of the looms, the noise, "
        "and the friendships that outlasted every shift.</p></td></tr></table></body></html>";
    CHECK(ex(d, page, NULL) == BYLINE_OK);
    const char *md = byline_markdown(d, NULL);
    CHECK(CONTAINS(md, "The mill closed its doors"));
    CHECK(CONTAINS(md, "Former workers gathered"));
    CHECK(!CONTAINS(md, "|"));
    CHECK(!CONTAINS(byline_text(d, NULL), "Archive"));
}

static void test_cjk(byline_doc *d) {
    /* CJK paragraphs are short in bytes-per-word terms: characters count, not spaces */
    const char *page =
        "<html><body><div class=menu><a href=/>首页</a> <a href=/n>新闻</a> <a href=/s>体育</a></div>"
        "<div class=content><p>市政府周二宣布，将在明年春天之前重建港口的防波堤，以保护市场免受冬季风暴的侵袭。</p>"
        "<p>工程师表示，旧的防波堤自二零一九年以来已经失去了三分之一的高度。</p></div></body></html>";
    CHECK(ex(d, page, NULL) == BYLINE_OK);
    const char *t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "市政府周二宣布"));
    CHECK(CONTAINS(t, "工程师表示"));
    CHECK(!CONTAINS(t, "体育"));
    check_record(d);
}

static void test_hidden(byline_doc *d) {
    const char *page =
        "<html><body><article><div style=\"visibility : Hidden\"><p>Hidden text that a reader never sees on the "
        "page, however long and sentence-like it is made to look here.</p></div>"
        "<div style=\"color:red;DISPLAY:none\"><p>Also hidden from every reader of the page, in a long enough "
        "sentence to count.</p></div><p hidden>A hidden paragraph with plenty of words in it to be counted.</p>"
        "<p style=\"max-display: none-ish\">The ferry timetable changes on Monday, when the winter service begins "
        "and the last boat leaves at six.</p></article></body></html>";
    CHECK(ex(d, page, NULL) == BYLINE_OK);
    const char *t = byline_text(d, NULL);
    CHECK(!CONTAINS(t, "Hidden text") && !CONTAINS(t, "Also hidden") && !CONTAINS(t, "hidden paragraph"));
    CHECK(CONTAINS(t, "The ferry timetable changes"));
    /* escaped markup inside <noscript> is not prose, even when it is all the
     * page has */
    const char *ns = "<html><body><noscript>&lt;p&gt;Please enable JavaScript to read this story about the "
                     "harbour, the council and the new sea wall that the town will build.&lt;/p&gt;</noscript>"
                     "</body></html>";
    ex(d, ns, NULL);
    CHECK(!CONTAINS(byline_text(d, NULL), "<p>"));
    /* a script-only page's notice is not its article */
    const char *shell = "<html><body><noscript>You need to enable JavaScript to run this app.</noscript>"
                        "<div id=\"root\"></div></body></html>";
    CHECK(ex(d, shell, NULL) == BYLINE_EMPTY);
    /* a part a server streams late (React's hidden <div id="S:0">, moved into place by a script) is
     * read; other hidden divs are not */
    const char *streamed =
        "<html><body><main><template id=\"B:0\"></template></main><footer>Site footer</footer>"
        "<div hidden id=\"S:0\"><p>The ferry timetable changes on Monday, when the winter service begins and the "
        "last boat leaves the harbour at six in the evening.</p><p>The harbour master said the change follows a "
        "survey of passengers taken over the summer months.</p></div>"
        "<div hidden id=\"S:x\"><p>A hidden panel that is not a streamed part, with enough words in it to "
        "count as a paragraph.</p></div></body></html>";
    CHECK(ex(d, streamed, NULL) == BYLINE_OK);
    t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "The ferry timetable changes") && CONTAINS(t, "survey of passengers"));
    CHECK(!CONTAINS(t, "hidden panel"));
    /* a page that hides its whole body until a script reveals it is read as revealed */
    const char *veiled =
        "<html><body><div class=\"root hide\"><main><p>The ferry timetable changes on Monday, when the winter "
        "service begins and the last boat leaves the harbour at six in the evening.</p><p>The harbour master said "
        "the change follows a survey of passengers taken over the summer months.</p><p>Passengers who travel before "
        "seven will find an earlier boat on weekdays, and the Saturday service keeps its summer times until the "
        "end of the month.</p><p>Tickets bought for the summer timetable stay valid, and the office at the pier "
        "opens an hour later from Monday.</p></main></div></body></html>";
    CHECK(ex(d, veiled, NULL) == BYLINE_OK);
    t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "The ferry timetable changes") && CONTAINS(t, "survey of passengers"));
    /* a tab the reader has not opened is content; a hidden panel that is no tab is not */
    const char *tabs =
        "<html><body><main><h1>Send a message</h1><p>Install the library for your language, then send your first "
        "message with the example below, which runs as it is.</p><div role=\"tablist\"><button>Python</button>"
        "<button>Go</button></div><div role=\"tabpanel\"><p>Install the Python library with pip and import the "
        "client in your script before you send.</p></div><div role=\"tabpanel\" hidden style=\"display:none\"><p>"
        "Install the Go module with go get and create a client in your main package before you send.</p></div>"
        "<div hidden><p>A hidden notice about cookies that no reader sees on this page at all.</p></div>"
        "<p>Every message you send is billed to your account at the price of your plan.</p></main></body></html>";
    CHECK(ex(d, tabs, NULL) == BYLINE_OK);
    t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "Install the Python library") && CONTAINS(t, "Install the Go module"));
    CHECK(!CONTAINS(t, "hidden notice about cookies"));
    /* an accordion: the answer a button opens (aria-controls, or Bootstrap's data-bs-target) is content */
    const char *faq =
        "<html><body><main><h1>Questions</h1><p>Answers to what our customers ask most often about deliveries, "
        "returns and the warranty.</p><h3><button aria-expanded=\"false\" aria-controls=\"a1\">How long does "
        "delivery take?</button></h3><div id=\"a1\" hidden><p>Orders placed before noon leave the warehouse the "
        "same day and arrive within three working days.</p></div><h3><button data-bs-target=\"#a2\">Can I return "
        "an order?</button></h3><div id=\"a2\" style=\"display:none\"><p>Unused items can be returned within "
        "thirty days for a full refund of the price paid.</p></div><h3><div role=\"button\" aria-controls=\"a4\">Is there "
        "a warranty?</div></h3><div id=\"a4\" class=\"hidden\"><p>Every machine carries a two-year warranty that "
        "covers parts and the repairer's time.</p></div><div id=\"a3\" hidden><p>A hidden panel "
        "that no button opens, with a long enough sentence to count.</p></div></main></body></html>";
    CHECK(ex(d, faq, NULL) == BYLINE_OK);
    t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "arrive within three working days") && CONTAINS(t, "thirty days for a full refund"));
    CHECK(CONTAINS(t, "two-year warranty"));
    CHECK(!CONTAINS(t, "that no button opens"));
    /* "skip" names skip links, but also sections a page's table of contents jumps to ("skip-item") */
    const char *skip =
        "<html><body><a class=\"skip-link\" href=\"#main\">Skip to content</a><div id=\"main\">"
        "<h1>What is mesh WiFi?</h1><div class=\"skip-item\" id=\"topic1\"><p>A mesh system spreads one network "
        "over a whole house with several units that talk to each other, so there are no dead spots.</p></div>"
        "<div class=\"skip-item\" id=\"topic2\"><p>Each unit hands your phone to the next as you walk from room "
        "to room, and the network keeps one name and one password everywhere.</p></div>"
        "<div class=\"skip-item\" id=\"topic3\"><p>A single router covers a small flat well, but thick walls "
        "and several floors are where a mesh system earns its price.</p></div></div></body></html>";
    CHECK(ex(d, skip, NULL) == BYLINE_OK);
    t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "spreads one network") && CONTAINS(t, "hands your phone") && CONTAINS(t, "earns its price"));
    CHECK(!CONTAINS(t, "Skip to content"));
    /* a <figure> around a <blockquote> is a quotation (a testimonial), not an image's caption */
    const char *quotes =
        "<html><body><main><h1>Reviews</h1><p>What students say about our classes and retreats, in their own "
        "words.</p><figure><blockquote><p>Olivia is a calm and inspiring teacher, and her Tuesday class is the best "
        "hour of my week.</p></blockquote><figcaption>Lizzie W.</figcaption></figure><figure><blockquote><p>The "
        "retreat in the hills was the most restful weekend I have had in years, with good food and long walks."
        "</p></blockquote><figcaption>Abbie Y.</figcaption></figure><figure><img src=\"studio.jpg\"><figcaption>"
        "The studio in the morning light, photographed by a student.</figcaption></figure></main></body></html>";
    CHECK(ex(d, quotes, NULL) == BYLINE_OK);
    t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "best hour of my week") && CONTAINS(t, "most restful weekend"));
    CHECK(!CONTAINS(t, "photographed by a student"));
}

/* Pages whose text the class words or hiding would otherwise take away entirely. */
static void test_nothing_lost(byline_doc *d) {
    /* menus in view, the product deferred in a display:none block a script shows later */
    const char *deferred =
        "<html><body><header><a href=/a>Supplements</a> <a href=/b>Sports</a> <a href=/c>Bath</a> <a href=/d>Beauty"
        "</a> <a href=/e>Grocery</a> <a href=/f>Home</a> <a href=/g>Baby</a> <a href=/h>Pets</a> <a href=/i>Sale</a>"
        " <a href=/j>Brands</a> <a href=/k>Best sellers</a> <a href=/l>New arrivals</a></header>"
        "<div class=\"product-wrapper defer-block\" style=\"display: none\"><h1>Toasted almond thins, cranberry</h1>"
        "<p>Thin slices of twice-baked bread with whole almonds and dried cranberries, baked in small batches.</p>"
        "<p>Low in fat, with no added salt and no preservatives; every serving has three grams of protein.</p>"
        "<p>Keep the packet closed in a cool, dry place and eat the thins within two weeks of opening.</p>"
        "<p>Made in a bakery that also handles peanuts, sesame and milk; the thins themselves hold none.</p>"
        "</div></body></html>";
    CHECK(ex(d, deferred, NULL) == BYLINE_OK);
    const char *t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "twice-baked bread") && CONTAINS(t, "three grams of protein"));
    /* the same behind a store's banners (a few hundred characters that show) and an app that keeps the
     * page hidden until it has run */
    char banners[8192];
    size_t bn = (size_t)snprintf(banners, sizeof banners,
                                 "<html><body><div class=\"announcement\"><p>Subscribe and save forty percent on canned "
                                 "lattes with the code in your first order this week.</p><p>Enter our draw for a "
                                 "chance to win a golden ticket and a year of free deliveries.</p></div>"
                                 "<div class=\"lockdown-content\" style=\"display:none\"><main><h1>Dark roast</h1>");
    for (int i = 0; i < 12; i++)
        bn += (size_t)snprintf(banners + bn, sizeof banners - bn,
                               "<p>A dark roast from beans grown on high slopes, roasted slowly in small batches so "
                               "that the cup stays smooth and strong (%d).</p>", i);
    snprintf(banners + bn, sizeof banners - bn, "</main></div><footer>All rights reserved.</footer></body></html>");
    CHECK(ex(d, banners, NULL) == BYLINE_OK);
    CHECK(CONTAINS(byline_text(d, NULL), "roasted slowly in small batches"));
    /* a page builder that calls every block a widget, on a page of short blocks: the blocks are read,
     * a short widget beside them that holds none of the prose is not */
    const char *widgets =
        "<html><body><nav><a href=/>Home</a> <a href=/trails>Trails</a></nav><div class=\"builder\">"
        "<div class=\"builder-widget widget-follow\">Follow the club on every network</div>"
        "<div class=\"builder-widget widget-editor\"><p>The club builds, maintains and rides the off-road trails "
        "around the city.</p></div>"
        "<div class=\"builder-widget widget-cta\"><h2>North Woods</h2><div>Difficulty: beginner to intermediate, "
        "with a loop of five miles.</div></div>"
        "<div class=\"builder-widget widget-cta\"><h2>Cedar Creek</h2><div>Difficulty: advanced, with ten miles of "
        "roots and climbs.</div></div>"
        "<div class=\"builder-widget widget-cta\"><h2>Pine Hollow</h2><div>Difficulty: beginner, with a flat loop "
        "of three miles.</div></div>"
        "<div class=\"builder-widget widget-cta\"><h2>Bear Ridge</h2><div>Difficulty: intermediate, with six miles "
        "of fast singletrack.</div></div>"
        "<div class=\"builder-widget widget-cta\"><h2>Lake Shore</h2><div>Difficulty: beginner, with eight miles "
        "along the water.</div></div>"
        "<div class=\"builder-widget widget-cta\"><h2>Stone Mill</h2><div>Difficulty: advanced, with four miles of "
        "rock gardens.</div></div>"
        "</div></body></html>";
    CHECK(ex(d, widgets, NULL) == BYLINE_OK);
    t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "The club builds, maintains and rides") && CONTAINS(t, "rock gardens"));
    CHECK(!CONTAINS(t, "Follow the club"));
    /* a tag manager's <noscript><iframe ... /></noscript> as a JSX page writes it: an <iframe> is never
     * closed by "/>", and read with scripting off it would swallow the page that follows */
    const char *jsx =
        "<html><body><noscript><iframe src=\"https://tags.example/ns.html\" height=\"0\" width=\"0\" "
        "style=\"display: none\" /></noscript><main><h1>Harbour wall</h1><p>The council voted on Tuesday to "
        "rebuild the sea wall that protects the market, the chair of the harbour committee said.</p><p>Work "
        "starts in September and lasts eighteen months, with the market staying open throughout.</p></main>"
        "</body></html>";
    CHECK(ex(d, jsx, NULL) == BYLINE_OK);
    t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "rebuild the sea wall") && CONTAINS(t, "eighteen months"));
    check_record(d);
}

/* Forms: a sign-up box beside the story is not the story; a page built inside one form is read. */
static void test_forms(byline_doc *d) {
    const char *story =
        "<p>The council voted on Tuesday to rebuild the sea wall that protects the market, the chair of the "
        "harbour committee said after the meeting.</p><p>Work starts in September and lasts eighteen months, with "
        "the market staying open throughout and the fish auction moving to the north quay.</p><p>The wall was "
        "last rebuilt after the storms of 1953, when the sea reached the square in front of the town hall.</p>";
    char page[4096];
    snprintf(page, sizeof page,
             "<html><body><main><article>%s<form action=\"/ask\"><p>Tell us which stall at the market you would "
             "miss most, and we will print the best answers in the Saturday paper.</p><textarea name=answer>"
             "</textarea><button>Send</button></form>%s</article></main></body></html>", story, story);
    CHECK(ex(d, page, NULL) == BYLINE_OK);
    const char *t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "rebuild the sea wall") && CONTAINS(t, "storms of 1953"));
    CHECK(!CONTAINS(t, "which stall at the market"));
    snprintf(page, sizeof page, "<html><body><form id=\"aspnetForm\" action=\"/default.aspx\"><div>%s</div>"
             "</form></body></html>", story);
    CHECK(ex(d, page, NULL) == BYLINE_OK);
    t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "rebuild the sea wall") && CONTAINS(t, "storms of 1953"));
}

/* The parser is fed in chunks (a time budget is checked between them): a chunk boundary that cuts a
 * tag must not lose the page. Every cut of "</style>" after a long stylesheet is tried. */
static void test_chunk_boundaries(byline_doc *d) {
    const char *head = "<html><head><style>";
    const char *tail = "</style></head><body><div id=\"site\"><div><main><article><p>The council voted on "
                       "Tuesday to rebuild the sea wall that protects the market, the chair of the harbour "
                       "committee said.</p><p>Work starts in September and lasts eighteen months.</p></article>"
                       "</main></div></div><footer><p>Harbour Gazette</p></footer></body></html>";
    size_t hl = strlen(head), tl = strlen(tail), size = 70000;
    char *page = malloc(size + tl + 1);
    int lost = 0;
    for (size_t cut = 0; cut < 8; cut++) {
        /* "</style>" starts `cut` bytes before the 64 KiB mark */
        size_t css = 65536 - cut - hl;
        memcpy(page, head, hl);
        for (size_t i = 0; i < css; i++) page[hl + i] = "a{b:c}"[i % 6];
        memcpy(page + hl + css, tail, tl + 1);
        if (ex(d, page, NULL) != BYLINE_OK || !CONTAINS(byline_text(d, NULL), "rebuild the sea wall")) lost++;
    }
    CHECK(lost == 0);
    free(page);
}

static void test_tail_prompts(byline_doc *d) {
    /* after the body's own container, short prompts are not the article */
    const char *page =
        "<html><body><article><div class=body>"
        "<p>The library reopened on Saturday after a year of repairs to its roof, which had leaked since the storm.</p>"
        "<p>Readers queued from eight in the morning, and the first book borrowed was a guide to local birds.</p>"
        "<p>The council said the reading room would stay open until nine in the evening through the summer.</p>"
        "</div><div class=after><p>Was this article helpful to you and your family?</p><p>Tell us what you think of the new opening hours.</p></div>"
        "</article></body></html>";
    CHECK(ex(d, page, NULL) == BYLINE_OK);
    const char *t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "guide to local birds") && CONTAINS(t, "through the summer."));
    CHECK(!CONTAINS(t, "Was this article helpful") && !CONTAINS(t, "Tell us what you think"));
}

static void test_calls_to_action(byline_doc *d) {
    const char *page =
        "<html><body><article>"
        "<p>The harbour master said the new pontoon would open to visiting yachts from the first of May.</p>"
        "<p>Sign up for our morning newsletter and get the day's news in your inbox.</p>"
        "<p>Berths can be booked by telephone, and the fee includes water and electricity for the night.</p>"
        "<p>Lesen Sie auch: Der Hafen bekommt eine neue Mole</p>"
        "<p>Local fishermen welcomed the plan, which keeps their own moorings on the north wall unchanged.</p>"
        "</article></body></html>";
    CHECK(ex(d, page, NULL) == BYLINE_OK);
    const char *t = byline_text(d, NULL);
    CHECK(CONTAINS(t, "visiting yachts") && CONTAINS(t, "Berths can be booked") && CONTAINS(t, "north wall"));
    CHECK(!CONTAINS(t, "Sign up") && !CONTAINS(t, "Lesen Sie auch"));
    /* the phrase must start a word: "designed" holds "sign", "beeindrucken" holds "drucken" */
    const char *ok = "<html><body><article><p>The pontoon was designed to impress, and it did beeindrucken the "
                     "visitors who came to see it on the first weekend.</p></article></body></html>";
    CHECK(ex(d, ok, NULL) == BYLINE_OK && CONTAINS(byline_text(d, NULL), "designed to impress"));
}

static void test_statuses(byline_doc *d) {
    CHECK(ex(d, "<html><body><nav><a href=/>Home</a></nav></body></html>", NULL) == BYLINE_EMPTY);
    CHECK(CONTAINS(byline_json(d, NULL), "\"status\":\"empty\""));
    /* markup-free input is plain text unless the caller says it is HTML */
    byline_options html;
    byline_options_init(&html);
    html.input = BYLINE_INPUT_HTML;
    CHECK(ex(d, "just some words with no markup at all", &html) == BYLINE_NOT_HTML);
    ex(d, "just some words with no markup at all", NULL);
    CHECK(CONTAINS(byline_json(d, NULL), "\"input\":\"text\""));
    CHECK(!strcmp(byline_status_name(BYLINE_LIMIT_EXCEEDED), "limit_exceeded"));
}

static void test_pre_edges(byline_doc *d) {
    /* a <pre> whose text and Markdown differ at their edges (found by fuzz/fuzz_extract): each is
     * trimmed on its own, the fence still closes */
    byline_options html;
    byline_options_init(&html);
    html.input = BYLINE_INPUT_HTML;
    ex(d, "<pre>< <t>\n", &html);
    size_t ml = 0;
    const char *md = byline_markdown(d, &ml);
    CHECK(md && (ml == 0 || CONTAINS(md, "```\n")));
    CHECK(CONTAINS(byline_json(d, NULL), "\"status\""));
}

static void test_marks_across_blocks(byline_doc *d) {
    /* two <br> inside <em> or <a> end the block: the marks end with it, and an emphasis holding only
     * the breaks leaves nothing behind (it once left a byte past the Markdown's end) */
    byline_options o;
    byline_options_init(&o);
    o.precision = -1;
    o.include_links = 1;
    o.url = "https://ledger.example/news/";
    const char *page =
        "<html><body><article>"
        "<p>The harbour wall failed for the second winter in a row, and the council met on Monday to decide.</p>"
        "<p><em>The first part of a long emphasised sentence that goes on<br><br>and a second part after the "
        "breaks</em> and <a href=\"/x\">a link that starts in one block<br><br>and ends in another</a> today.</p>"
        "<p><em>The harbour office will update these figures every quarter.</em><em><br><br></em></p>"
        "</article></body></html>";
    CHECK(ex(d, page, &o) == BYLINE_OK);
    size_t ml = 0;
    const char *md = byline_markdown(d, &ml);
    CHECK(md && strlen(md) == ml);
    CHECK(CONTAINS(md, "\n*The first part of a long emphasised sentence that goes on*\n"));
    CHECK(CONTAINS(md, "\nand a second part after the breaks and [a link that starts in one block]"
                       "(https://ledger.example/x)\n"));
    CHECK(ml > 2 && !strcmp(md + ml - 2, "*\n") && CONTAINS(md, "\n*The harbour office will update these figures "
                                                                 "every quarter.*\n"));
    CHECK(!CONTAINS(md, "another]("));
}

/* The stage clock of byline-bench (stages.h): off, nothing is counted; on, the stages an HTML page
 * goes through each get time. */
static void test_stage_clock(byline_doc *d) {
    static const char page[] = "<html><head><title>T</title></head><body><article><p>The council voted on Monday "
                               "to close the old bridge, \u201cIt is no longer safe,\u201d said Mayor Ann Lee.</p>"
                               "</article><script>var tracking = 1;</script></body></html>";
    byline_extract(d, page, sizeof page - 1, NULL);
    const uint64_t *ns = byline_doc_stage_ns(d);
    uint64_t sum = 0;
    for (int s = 0; s < ST_COUNT; s++) sum += ns[s];
    CHECK(sum == 0);
    byline_doc_time_stages(d, 1);
    byline_extract(d, page, sizeof page - 1, NULL);
    CHECK(ns[ST_PARSE] > 0 && ns[ST_BLOCKS] > 0 && ns[ST_RECORD] > 0);
    CHECK(!strcmp(byline_stage_name(ST_METADATA), "metadata"));
    byline_doc_time_stages(d, 0);
}

int main(void) {
    byline_doc *d = byline_doc_new();
    test_stage_clock(d);
    test_pre_edges(d);
    test_marks_across_blocks(d);
    test_news_page(d);
    test_markdown_escaping(d);
    test_layout_table(d);
    test_heading_hidden_separator(d);
    test_cjk(d);
    test_hidden(d);
    test_nothing_lost(d);
    test_forms(d);
    test_chunk_boundaries(d);
    test_tail_prompts(d);
    test_calls_to_action(d);
    test_statuses(d);
    byline_doc_free(d);
    return test_summary("test_extract");
}
