/* Stage 4a: what kind of page this is, before the content is chosen: an article reads as one run of
 * prose, a forum as a thread of posts, a listing or a collection as repeated items, a product page,
 * documentation or a service page as sections. From the URL's shape, the page's structured data
 * (JSON-LD types, og:type, microdata) and its markup (class words, repeated siblings, prices, code). */
#ifndef BYLINE_PAGE_TYPE_H
#define BYLINE_PAGE_TYPE_H
#include <stddef.h>
#include <stdint.h>
#include "blocks.h"

typedef enum page_kind {
    PK_ARTICLE, PK_LIVEBLOG, PK_FORUM, PK_PRODUCT, PK_COLLECTION, PK_LISTING, PK_DOCS, PK_SERVICE,
    PK_VIDEO, PK_GALLERY, PK_OTHER, PK__COUNT
} page_kind;

/* What the page says about itself besides its markup; every field may be empty. */
typedef struct page_hints {
    const char *url;
    const char *const *jsonld;    /* <script type=application/ld+json> texts */
    const size_t *jsonld_len;
    uint32_t n_jsonld;
    const char *og_type;          /* og:type */
    size_t og_type_len;
    int dated, authored;          /* a publication date or an author given in markup or metadata */
} page_hints;

enum { /* structured-data types found (JSON-LD @type, og:type) */
    SD_ARTICLE = 1 << 0,    /* Article, NewsArticle, BlogPosting, ReportageNewsArticle; og:type article */
    SD_PRODUCT = 1 << 1,    /* Product; og:type product, *:item */
    SD_GROUP = 1 << 2,      /* ProductGroup, AggregateOffer, og:type product.group */
    SD_COLLECTION = 1 << 3, /* CollectionPage, OfferCatalog, SearchResultsPage */
    SD_ITEMLIST = 1 << 4,   /* ItemList */
    SD_FORUM = 1 << 5,      /* DiscussionForumPosting, QAPage, SocialMediaPosting */
    SD_LIVEBLOG = 1 << 6,   /* LiveBlogPosting */
    SD_VIDEO = 1 << 7,      /* VideoObject as the page's object, og:type video */
    SD_GALLERY = 1 << 8,    /* ImageGallery, MediaGallery */
    SD_TECH = 1 << 9,       /* TechArticle, APIReference */
    SD_SERVICE = 1 << 10,   /* Service, ProfessionalService, SoftwareApplication, WebApplication */
    SD_FAQ = 1 << 11,       /* FAQPage */
};

enum { /* what the URL's shape says */
    URL_FORUM_HOST = 1 << 0,  /* forum., community., discuss. … */
    URL_FORUM = 1 << 1,       /* /forum/, /threads/, /discussions/, /comments/ */
    URL_THREAD = 1 << 2,      /* one thread: /topic/123-, /t/slug/123, viewtopic.php, ?topic= */
    URL_DOCS = 1 << 3,        /* docs., developer.; /docs/, /reference/, /api/, /manual/ */
    URL_PRODUCT = 1 << 4,     /* /product/slug, /dp/id, /item/id */
    URL_SHOP_ITEM = 1 << 5,   /* /shop/slug */
    URL_COLLECTION = 1 << 6,  /* /collections/, /category/; ending in /shop, /products */
    URL_SERVICE = 1 << 7,     /* /services/, /solutions/, /pricing/, /platform/ */
    URL_LISTING = 1 << 8,     /* ending in /news, /blog, /latest …; /tag/, /page/, /author/ */
    URL_DATED = 1 << 9,       /* a date in the path */
    URL_SLUG = 1 << 10,       /* a long hyphenated slug last */
    URL_HOME = 1 << 11,       /* a site's front page */
};

/* What the classifier read; kept for tools and tests that explain a decision. */
typedef struct page_features {
    uint32_t url;              /* URL_* */
    uint32_t sd;               /* SD_* */
    /* elements whose class names or itemtype carry a hint (classify.h CLS_H_*, CLS_IT_*) */
    uint32_t forum, product, price, cart, review, docs, service, card, pager, filter;
    uint32_t it_product, it_post, it_article, comment;
    /* text outside chrome, weights as blocks.c counts them */
    uint32_t w, link_w;        /* visible text outside chrome, and of it inside links */
    uint32_t w_all;            /* all visible text */
    uint32_t prose_w, n_prose; /* paragraphs that read as sentences */
    uint32_t n_pre, n_headings, n_items, n_cells, n_forms;
    uint32_t price_texts;      /* short texts that are a price ("$19.99", "12,50 €") */
    /* the largest run of siblings alike in tag and class, each with text */
    uint32_t rep_items, rep_w, rep_link_w;
    uint32_t comment_w;        /* text inside comment-classed elements (of w_all) */
    uint32_t n_link_headings;  /* headings that are links (item titles) */
    uint32_t run_w;            /* the most prose in paragraphs side by side in one element */
    uint32_t n_time, n_code, n_controls, n_articles; /* <time>, <code>, <button>+<input>, <article> */
    uint8_t dated, authored;
} page_features;

typedef struct page_class {
    page_kind kind;
    float confidence;          /* 0..1 */
    page_features f;
} page_class;

/* chrome: select_mark's marking per element (CH_* bits), NULL to read the whole page. */
void page_classify(const page *pg, const page_hints *h, const uint8_t *chrome, arena *a, page_class *out);
/* The model's input for these features: PF_DIM numbers, in the order tools/fit_page_type.py names. */
enum { PF_DIM = 55 };
void page_feature_vector(const page_features *f, float x[PF_DIM]);
const char *page_kind_name(page_kind k);
/* The URL's shape alone (URL_*; exposed for tests). */
uint32_t page_url_signals(const char *url);
/* "$19.99", "12,50 €", "£7": a currency sign next to a number, in a text of at most 40 bytes. */
int text_is_price(const char *t, size_t n);
#endif
