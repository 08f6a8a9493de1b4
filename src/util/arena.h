/* Arena: bump allocation for everything one document needs; reset frees it all
 * at once and keeps the largest chunk for the next document. */
#ifndef BYLINE_ARENA_H
#define BYLINE_ARENA_H
#include <stddef.h>

typedef struct arena_chunk arena_chunk;
typedef struct arena {
    arena_chunk *head;
    char *cur, *end;
    size_t total;      /* bytes reserved in all chunks */
} arena;

void arena_init(arena *a);
void *arena_alloc(arena *a, size_t n);           /* 16-byte aligned; NULL on OOM */
void *arena_calloc(arena *a, size_t n);
char *arena_strndup(arena *a, const char *s, size_t n);
void arena_reset(arena *a);
void arena_free(arena *a);
#endif
