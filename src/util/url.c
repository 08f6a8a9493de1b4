#include "url.h"
#include <string.h>

size_t url_scheme_len(const char *s, size_t n) {
    if (!n || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z')) return 0;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (c == ':') return i;
        if (!(((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
            return 0;
    }
    return 0;
}

typedef struct { char *p; size_t len, cap; } sink;

static void put(sink *s, const char *t, size_t n) {
    if (s->len + n >= s->cap) n = s->cap - 1 - s->len;
    memcpy(s->p + s->len, t, n);
    s->len += n;
}

/* Append path with "." and ".." segments removed (RFC 3986, 5.2.4). */
static void put_path(sink *s, const char *path, size_t n) {
    size_t start = s->len;
    size_t i = 0;
    while (i < n) {
        size_t j = i + 1;
        while (j < n && path[j] != '/') j++;
        const char *seg = path + i; /* "/name" */
        size_t sl = j - i;
        if (sl == 2 && seg[1] == '.') {
            if (j == n) put(s, "/", 1);
        } else if (sl == 3 && seg[1] == '.' && seg[2] == '.') {
            while (s->len > start && s->p[s->len - 1] != '/') s->len--;
            if (s->len > start) s->len--;
            if (j == n) put(s, "/", 1);
        } else {
            put(s, seg, sl);
        }
        i = j;
    }
}

size_t url_resolve(const char *base, const char *ref, size_t rn, char *out, size_t cap) {
    sink s = {out, 0, cap};
    if (!cap) return 0;
    size_t bn = base ? strlen(base) : 0;
    size_t bs = base ? url_scheme_len(base, bn) : 0;
    if (!bs || url_scheme_len(ref, rn)) {
        put(&s, ref, rn);
        out[s.len] = 0;
        return s.len;
    }
    /* split the base: scheme ":" ["//" authority] path ["?" query] ["#" fragment] */
    size_t frag = bn;
    for (size_t i = 0; i < bn; i++) if (base[i] == '#') { frag = i; break; }
    size_t auth_end = bs + 1;
    if (bn >= bs + 3 && base[bs + 1] == '/' && base[bs + 2] == '/') {
        auth_end = bs + 3;
        while (auth_end < frag && base[auth_end] != '/' && base[auth_end] != '?') auth_end++;
    }
    size_t query = frag;
    for (size_t i = auth_end; i < frag; i++) if (base[i] == '?') { query = i; break; }
    if (rn >= 2 && ref[0] == '/' && ref[1] == '/') {
        put(&s, base, bs + 1);
        put(&s, ref, rn);
    } else if (rn == 0 || ref[0] == '#') {
        put(&s, base, frag);
        put(&s, ref, rn);
    } else if (ref[0] == '?') {
        put(&s, base, query);
        put(&s, ref, rn);
    } else {
        put(&s, base, auth_end);
        size_t rp = 0; /* end of the ref's path */
        while (rp < rn && ref[rp] != '?' && ref[rp] != '#') rp++;
        if (ref[0] == '/') {
            put_path(&s, ref, rp);
        } else {
            /* merge: the base path up to its last '/', then the ref */
            char merged[4096];
            size_t ml = 0, last = auth_end;
            for (size_t i = auth_end; i < query; i++) if (base[i] == '/') last = i + 1;
            if (last == auth_end) merged[ml++] = '/';
            size_t bl = last - auth_end;
            if (bl > sizeof merged - 2) bl = sizeof merged - 2;
            memcpy(merged + ml, base + auth_end, bl);
            ml += bl;
            size_t take = rp < sizeof merged - ml ? rp : sizeof merged - ml;
            memcpy(merged + ml, ref, take);
            ml += take;
            put_path(&s, merged, ml);
        }
        put(&s, ref + rp, rn - rp);
    }
    out[s.len] = 0;
    return s.len;
}
