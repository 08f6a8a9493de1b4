/* byline-dump: print every block of a page with its element path, scores and
 * the selection verdict. A development aid for tuning the extractor. */
#include "../src/decode/decode.h"
#include "../src/extract/blocks.h"
#include "../src/extract/select.h"
#include "../src/parse/dom.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: byline-dump FILE.html\n"); return 2; }
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
    dom_parse(d, dec.data, dec.len, NULL, NULL);
    page pg;
    page_init(&pg);
    walk_limits lim = {4096, 10000000, NULL, NULL, 0, NULL, NULL, NULL, NULL};
    page_build(&pg, &a, d, &lim);
    selection sel;
    select_article(&pg, &a, 0, &sel);
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
