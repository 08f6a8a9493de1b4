/* byline-dump: print every block of a page with its element path, scores and
 * the selection verdict. A development aid for tuning the extractor. */
#include "../src/decode/decode.h"
#include "../src/extract/blocks.h"
#include "../src/extract/select.h"
#include "../src/metadata/hints.h"
#include "../src/parse/dom.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void print_el(const page *pg, uint32_t e) {
    const xel *x = &pg->els[e];
    size_t n;
    const char *name = dom_tag_name(x->node, &n);
    printf("%.*s", (int)n, name);
    size_t cl, il;
    const char *c = dom_attr_get(x->node, "class", &cl);
    const char *id = dom_attr_get(x->node, "id", &il);
    if (id) printf("#%.*s", (int)(il > 30 ? 30 : il), id);
    if (c) printf(".%.*s", (int)(cl > 40 ? 40 : cl), c);
}

typedef struct { meta_raw *raw; arena *a; page *pg; } meta_ctx;
static int visit(void *v, dom_node *n, dom_tag tag) {
    meta_ctx *m = v;
    m->raw->at_block = m->pg->n_blocks;
    return meta_visit(m->raw, m->a, n, tag);
}
static void skipped(void *v, dom_node *n) {
    meta_ctx *m = v;
    m->raw->at_block = m->pg->n_blocks;
    meta_walk(m->raw, m->a, n);
}

/* The page-type classifier's features and verdict as one JSON line. */
static void print_features(const page_class *pc) {
    const page_features *f = &pc->f;
    printf("{\"kind\":\"%s\",\"confidence\":%.2f,\"urlf\":%u,\"sd\":%u,", page_kind_name(pc->kind),
           pc->confidence, f->url, f->sd);
#define F(x) printf("\"" #x "\":%u,", f->x)
    F(forum); F(product); F(price); F(cart); F(review); F(docs); F(service); F(card); F(pager); F(filter);
    F(it_product); F(it_post); F(it_article); F(comment); F(w); F(link_w); F(prose_w); F(n_prose); F(n_pre);
    F(n_headings); F(n_items); F(n_cells); F(n_forms); F(price_texts); F(rep_items); F(rep_w); F(rep_link_w);
    F(n_link_headings); F(run_w); F(n_time); F(n_code); F(n_controls); F(n_articles); F(dated); F(authored);
#undef F
    printf("\"comment_w\":%u,\"x\":[", f->comment_w);
    float x[PF_DIM];
    page_feature_vector(f, x);
    for (int i = 0; i < PF_DIM; i++) printf("%s%.6g", i ? "," : "", (double)x[i]);
    printf("]}\n");
}

static void json_str(const char *s, size_t n) {
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 0x20) printf("\\u%04x", c);
        else putchar(c);
    }
    putchar('"');
}

/* One JSON line per block: what selection saw and decided, for studies of what to keep. */
static void print_blocks_json(const page *pg, const selection *sel, const page_class *pc) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < pg->n_blocks; i++) {
        const xblock *b = &pg->blocks[i];
        int kept = k < sel->n_kept && sel->kept[k] == i;
        if (kept) k++;
        uint32_t anc = 0, depth = 0;
        for (uint32_t e = b->el; e != NO_EL; e = pg->els[e].parent) anc |= pg->els[e].cls, depth++;
        printf("{\"i\":%u,\"pk\":\"%s\",\"kind\":%u,\"level\":%u,\"w\":%u,\"lw\":%u,\"punct\":%u,\"ch\":%u,"
               "\"kept\":%d,\"cls\":%u,\"anc\":%u,\"depth\":%u,\"tag\":%u,\"text\":",
               i, page_kind_name(pc->kind), b->kind, b->level, b->w, b->link_w, b->punct,
               b->el == NO_EL ? 0 : sel->chrome[b->el], kept, b->el == NO_EL ? 0 : pg->els[b->el].cls, anc, depth,
               b->el == NO_EL ? 0 : pg->els[b->el].tag);
        json_str(pg->text.data + b->text_off, b->text_len);
        printf("}\n");
    }
}

int main(int argc, char **argv) {
    const char *url = NULL;
    int feats = 0, blocks_json = 0, force = -1;
    while (argc > 2 && argv[1][0] == '-') {
        if (!strcmp(argv[1], "--features")) feats = 1, argv++, argc--;
        else if (!strcmp(argv[1], "--blocks-json")) blocks_json = 1, argv++, argc--;
        else if (!strcmp(argv[1], "--kind") && argc > 3) force = atoi(argv[2]), argv += 2, argc -= 2;
        else if (!strcmp(argv[1], "--url") && argc > 3) url = argv[2], argv += 2, argc -= 2;
        else break;
    }
    if (argc < 2) { fprintf(stderr, "usage: byline-dump [--url URL] [--kind N] [--features | --blocks-json] FILE.html\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    if (len < 0) { fprintf(stderr, "byline-dump: %s: not a regular file\n", argv[1]); return 1; }
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)len + 1);
    if (fread(data, 1, (size_t)len, f) != (size_t)len) return 1;
    fclose(f);
    arena a;
    arena_init(&a);
    decoded dec;
    if (decode_bytes(&a, data, (size_t)len, NULL, &dec)) return 1;
    dom *d = dom_new();
    dom_parse(d, dec.data, dec.len, 0, 0, 0, NULL, NULL);
    page pg;
    page_init(&pg);
    meta_raw raw;
    meta_init(&raw, &a);
    meta_ctx mc = {&raw, &a, &pg};
    walk_limits lim = {4096, 10000000, NULL, NULL, 0, NULL, visit, skipped, &mc, 0};
    page_build(&pg, &a, d, &lim);
    page_hints ph;
    page_hints_from_raw(&raw, url, &ph);
    selection sel;
    select_mark(&pg, &a, PK_ARTICLE, &sel);
    page_class pc;
    page_classify(&pg, &ph, sel.chrome, &a, &pc);
    if (feats) {
        print_features(&pc);
        return 0;
    }
    if (force >= 0 && force < PK__COUNT) pc.kind = (page_kind)force;
    page_kind read_as;
    if (force >= 0) select_article(&pg, &a, 0, pc.kind, &sel);
    else select_content(&pg, &a, 0, pc.kind, pc.confidence, &read_as, &sel);
    if (blocks_json) {
        print_blocks_json(&pg, &sel, &pc);
        return 0;
    }
    printf("page type: %s (%.2f)\n", page_kind_name(pc.kind), pc.confidence);
    printf("root: ");
    for (uint32_t e = sel.root; e != NO_EL; e = pg.els[e].parent) {
        print_el(&pg, e);
        printf(" (%.0f) < ", pg.els[e].score);
    }
    printf("\n");
    uint32_t k = 0;
    for (uint32_t i = 0; i < pg.n_blocks; i++) {
        const xblock *b = &pg.blocks[i];
        int kept = k < sel.n_kept && sel.kept[k] == i;
        if (kept) k++;
        printf("%c%c%4u k%u w%-4u l%-4u g%-6.0f ch%u ", kept ? '+' : '-', i >= sel.from && i < sel.to ? 'r' : ' ', i, b->kind, b->w, b->link_w, b->good,
               b->el == NO_EL ? 0 : sel.chrome[b->el]);
        if (b->el != NO_EL) print_el(&pg, b->el);
        int full = getenv("DUMP_FULL") != NULL;
        printf(" | %.*s\n", (int)(b->text_len > 100 && !full ? 100 : b->text_len), pg.text.data + b->text_off);
        if (getenv("DUMP_CHAIN") && (uint32_t)atoi(getenv("DUMP_CHAIN")) == i)
            for (uint32_t e = b->el; e != NO_EL; e = pg.els[e].parent) {
                printf("      ch%u cls%u ", sel.chrome[e], pg.els[e].cls);
                print_el(&pg, e);
                printf("\n");
            }
    }
    return 0;
}
