/* What an element's class, id, role and itemprop say about it. */
#ifndef BYLINE_CLASSIFY_H
#define BYLINE_CLASSIFY_H
#include <stddef.h>
#include <stdint.h>
#include "../parse/dom.h"

enum {
    CLS_NEG_STRONG = 1 << 0, /* comments, share bars, related links, ads, newsletter pitches */
    CLS_NEG_WEAK = 1 << 1,   /* layout words that wrappers also use: sidebar, header, widget */
    CLS_POS = 1 << 2,        /* article, content, story, post body */
    CLS_BODY = 1 << 3,       /* schema.org articleBody or role=main / article */
    CLS_HIDDEN = 1 << 4,     /* hidden attribute, display:none, aria-hidden */
    CLS_CAPTION = 1 << 5,    /* caption / credit */
    CLS_META = 1 << 6,       /* byline, dateline, timestamp, author box */
    CLS_ROLE_CHROME = 1 << 7, /* ARIA landmark of page chrome: navigation, banner, contentinfo */
    CLS_COMMENT = 1 << 8,    /* reader comments: never a wrapper of the article */
    /* What kind of page the markup belongs to (page_type.c counts them; selection ignores them). */
    CLS_H_FORUM = 1 << 9,    /* username, signature, reactions, replies, thread, topic */
    CLS_H_PRODUCT = 1 << 10, /* product, sku, quantity, swatch, availability, stock */
    CLS_H_PRICE = 1 << 11,   /* price, sale */
    CLS_H_CART = 1 << 12,    /* cart, basket, checkout, wishlist */
    CLS_H_REVIEW = 1 << 13,  /* review, rating, stars */
    CLS_H_DOCS = 1 << 14,    /* docs, admonition, headerlink, highlight, toc */
    CLS_H_SERVICE = 1 << 15, /* hero, testimonial, accordion, faq, feature, pricing, cta */
    CLS_H_CARD = 1 << 16,    /* card, tile, grid */
    CLS_H_PAGER = 1 << 17,   /* pagination, pager */
    CLS_H_FILTER = 1 << 18,  /* filter, facet, sort */
    /* schema.org microdata itemtype */
    CLS_IT_PRODUCT = 1 << 19, /* Product, Offer */
    CLS_IT_POST = 1 << 20,    /* DiscussionForumPosting, Comment, Answer, Question */
    CLS_IT_ARTICLE = 1 << 21, /* Article, NewsArticle, BlogPosting, TechArticle */
    CLS_HINTS = 0x3FFE00u,
    /* consent and cookie banners: laid over the page, never its content, however much
     * text they hold */
    CLS_OVERLAY = 1 << 22,
    /* what a forum hangs on a post besides the post: signature, reactions, votes, join date, post count */
    CLS_POST_EXTRA = 1 << 23,
    CLS_CONTROLS = 1 << 24,  /* aria-controls / data-target: a toggle that opens a panel elsewhere */
};

/* The class lists already read on a page and their flags: most elements repeat a class list
 * ("post-item", "c-link c-link--small"), and reading one costs a pass over its words. Direct-mapped
 * by the list's hash; a list found there is compared whole. The lists a page does not repeat still
 * share their words ("post", "card", "title"): what each word says is kept too, direct-mapped by the
 * word's hash and compared whole. Zero it before a page's walk. */
enum { CLASS_CACHE_SLOTS = 512, CLASS_WORD_SLOTS = 256 };
typedef struct class_slot { const char *s; uint32_t hash, len; unsigned flags; } class_slot;
typedef struct class_word { char s[31]; uint8_t len; uint32_t kind; unsigned flags, hints; } class_word;
typedef struct class_cache { class_slot slot[CLASS_CACHE_SLOTS]; class_word word[CLASS_WORD_SLOTS]; } class_cache;

/* Flags for element n from its class, id, role, itemprop, itemtype, style and hidden attributes;
 * class_hash gets a hash of its class attribute (0 without one). cache: NULL, or the page's. */
unsigned classify_element(const dom_node *n, uint32_t *class_hash, class_cache *cache);
/* Flags for a class attribute's value. */
unsigned classify_class_list(const char *s, size_t n);
/* Flags for one class/id token (exposed for tests). */
unsigned classify_token(const char *tok, size_t len);
/* 1 when the pattern table is in binary-search order (a test checks it). */
int classify_patterns_sorted(void);
/* The same for the page-kind hint words. */
int classify_hints_sorted(void);
#endif
