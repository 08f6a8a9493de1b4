/* The top image: chosen from structured data and the head, resolved against the page, logos and
 * icons refused; its caption and credit from a structured-data ImageObject, or from the <figure>
 * that shows the same image; a credit cut off the caption's end and unlabelled. */
#include "metadata.h"
#include "fields.h"
#include "../util/text.h"
#include <string.h>
#include <strings.h>
#include "../util/entities.h"
#include "../util/url.h"

/* The file name of an image URL, without its query: what two sizes of one image share. */
static void image_file(const char *u, size_t n, const char **f, size_t *fl) {
    const char *q = memchr(u, '?', n);
    if (q) n = (size_t)(q - u);
    const char *sl = u;
    for (size_t i = 0; i < n; i++)
        if (u[i] == '/') sl = u + i + 1;
    *f = sl, *fl = (size_t)(u + n - sl);
}

/* A credit without its label: "Foto: Urs Flueeler" -> "Urs Flueeler", "© Getty Images" -> "Getty Images". */
static const char *credit_clean(arena *a, const char *c, size_t n) {
    static const char *const LABELS[] = {"photo by ", "photo: ", "photo : ", "foto: ", "bild: ", "credit: ",
                                         "image: ", "photograph: ", "fotos: ", "photos: ", "\xC2\xA9 ", "\xC2\xA9",
                                         "(c) ", "copyright "};
    while (n && (*c == ' ' || *c == '(')) c++, n--;
    for (size_t k = 0; k < sizeof LABELS / sizeof *LABELS; k++) {
        size_t l = strlen(LABELS[k]);
        if (n > l && !strncasecmp(c, LABELS[k], l)) { c += l, n -= l; break; }
    }
    int open = memchr(c, '(', n) != NULL; /* "Graeme Sloan (Getty)" keeps its bracket */
    while (n && (c[n - 1] == ' ' || (c[n - 1] == ')' && !open) || c[n - 1] == '.')) n--;
    return n ? entities_decode(a, c, n) : NULL;
}

/* A credit at the end of a caption: "… (AP Photo/Jane Doe)", "… Photo: Jane Doe", "… © Getty Images". */
static const char *split_credit(arena *a, char *cap) {
    static const char *const MARKS[] = {"(ap photo", "(ap)", "(photo:", "(photo by", "(reuters", "(afp", "(getty",
                                        "photo:", "photo by", "foto:", "bild:", "credit:", "image:", "\xC2\xA9",
                                        "(c)", "copyright", "photograph:", "fotó:", "photo :"};
    size_t n = strlen(cap), best = n;
    for (size_t k = 0; k < sizeof MARKS / sizeof *MARKS; k++) {
        size_t l = strlen(MARKS[k]);
        for (size_t i = 0; i + l <= n; i++)
            if (!strncasecmp(cap + i, MARKS[k], l) && (i == 0 || cap[i - 1] == ' ' || cap[i - 1] == '(' ||
                                                       cap[i - 1] == '.' || cap[i - 1] == '|')) {
                if (i < best && n - i < 120) best = i;
                break;
            }
    }
    if (best == n) return NULL;
    char *cr = cap + best;
    /* the credit without its label and brackets */
    size_t cl = strlen(cr);
    while (cl && (cr[cl - 1] == ')' || cr[cl - 1] == ' ' || cr[cl - 1] == '.')) cl--;
    const char *c0 = cr;
    if (*c0 == '(') c0++;
    const char *credit = cl > (size_t)(c0 - cr) ? credit_clean(a, c0, cl - (size_t)(c0 - cr)) : NULL;
    /* the caption ends before its credit */
    while (best && (cap[best - 1] == ' ' || cap[best - 1] == '|' || cap[best - 1] == '-')) best--;
    cap[best] = 0;
    return credit;
}

void image_caption_credit(metadata *m, const meta_raw *raw, arena *a) {
    const char *f;
    size_t fl;
    image_file(m->image, strlen(m->image), &f, &fl);
    for (uint32_t i = 0; i < raw->n_figures && !m->image_caption && fl >= 5; i++) {
        const meta_figure *g = &raw->figures[i];
        const char *gf;
        size_t gl;
        image_file(g->src, g->src_len, &gf, &gl);
        /* the same file, or the same name before a size suffix ("photo-1024x576.jpg") */
        size_t stem = fl;
        for (size_t k = 0; k < fl; k++)
            if (f[k] == '.' || (f[k] == '-' && k + 1 < fl && f[k + 1] >= '0' && f[k + 1] <= '9')) { stem = k; break; }
        if (stem < 5 || gl < stem || strncmp(gf, f, stem)) continue;
        if (g->caption && *g->caption) m->image_caption = g->caption;
        if (g->credit && *g->credit && !m->image_credit) m->image_credit = g->credit;
    }
    if (m->image_caption) {
        char *cap = arena_strndup(a, m->image_caption, strlen(m->image_caption));
        /* a credit element inside the caption: cut it off the caption's text */
        if (cap && m->image_credit) {
            char *at = strstr(cap, m->image_credit);
            if (at && at != cap) {
                while (at > cap && (at[-1] == ' ' || at[-1] == '|' || at[-1] == '(')) at--;
                *at = 0;
            }
        }
        const char *cr = cap ? split_credit(a, cap) : NULL;
        if (cr && !m->image_credit) m->image_credit = cr;
        size_t cl = cap ? strlen(cap) : 0;
        while (cl && (cap[cl - 1] == ' ' || cap[cl - 1] == '(' || cap[cl - 1] == '|' || cap[cl - 1] == '-')) cl--;
        m->image_caption = cl ? entities_decode(a, cap, cl) : NULL;
    }
    if (m->image_credit) m->image_credit = credit_clean(a, m->image_credit, strlen(m->image_credit));
}

void image_choose(metadata *m, const meta_raw *raw, arena *a, const char *url) {
    if (!m->image) {
        static const char *const IMG[] = {"og:image", "og:image:url", "og:image:secure_url", "twitter:image",
                                          "twitter:image:src", "thumbnailUrl"};
        const meta_pair *ip = meta_get(raw, IMG, sizeof IMG / sizeof *IMG);
        if (ip) m->image = meta_dup_trim(a, ip->val, ip->val_len), m->image_src = meta_source_of_key(ip->key);
    }
    if (m->image) {
        /* relative to the page; icons and logos are no top image */
        char resolved[2048];
        const char *base = m->canonical_url ? m->canonical_url : url;
        size_t rl = url_resolve(base, m->image, strlen(m->image), resolved, sizeof resolved);
        m->image = arena_strndup(a, resolved, rl);
        static const char *const ICON[] = {"favicon", "/logo", "logo.", "-logo", "_logo", "/icon", "sprite",
                                           "apple-touch", "placeholder", "default-share", "blank."};
        for (size_t k = 0; m->image && k < sizeof ICON / sizeof *ICON; k++)
            if (strcasestr(m->image, ICON[k])) m->image = NULL, m->image_src = MS_NONE;
    }
    if (m->image) image_caption_credit(m, raw, a);
    else m->image_caption = m->image_credit = NULL;
}
