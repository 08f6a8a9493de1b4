#include "arena.h"
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer the arena's free space is poisoned and every allocation is followed by a
 * poisoned gap, so a read past what was asked for (past a token array's count, say) is reported as
 * it would be with malloc; without it these are no-ops. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
enum { REDZONE = 16 };
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
enum { REDZONE = 0 };
#endif

struct arena_chunk {
    arena_chunk *next;
    size_t size;
    _Alignas(16) char data[];
};

enum { ARENA_MIN_CHUNK = 64 * 1024 };

void arena_init(arena *a) { memset(a, 0, sizeof *a); }

static int arena_grow(arena *a, size_t need) {
    size_t size = a->head ? a->head->size * 2 : ARENA_MIN_CHUNK;
    if (size < need + 16) size = need + 16;
    arena_chunk *c = malloc(sizeof *c + size);
    if (!c) return 0;
    c->size = size;
    POISON(c->data, size);
    c->next = a->head;
    a->head = c;
    a->cur = c->data;
    a->end = c->data + size;
    a->total += size;
    return 1;
}

void *arena_alloc(arena *a, size_t n) {
    size_t asked = n;
    n = ((n + 15) & ~(size_t)15) + REDZONE;
    if (n == 0) n = 16;
    if ((size_t)(a->end - a->cur) < n && !arena_grow(a, n)) return NULL;
    void *p = a->cur;
    a->cur += n;
    UNPOISON(p, asked);
    return p;
}

void *arena_calloc(arena *a, size_t n) {
    void *p = arena_alloc(a, n);
    if (p) memset(p, 0, n);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* Keep only the newest (largest) chunk so a worker reaches a steady state. */
void arena_reset(arena *a) {
    if (!a->head) return;
    arena_chunk *keep = a->head, *c = keep->next;
    while (c) {
        arena_chunk *n = c->next;
        UNPOISON(c->data, c->size);
        free(c);
        c = n;
    }
    keep->next = NULL;
    POISON(keep->data, keep->size);
    a->cur = keep->data;
    a->end = keep->data + keep->size;
    a->total = keep->size;
}

void arena_free(arena *a) {
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *n = c->next;
        UNPOISON(c->data, c->size);
        free(c);
        c = n;
    }
    arena_init(a);
}
