/* Small text helpers shared by the stages. */
#ifndef BYLINE_TEXT_H
#define BYLINE_TEXT_H
#include <stddef.h>
#include <string.h>

/* Does s[0..n) contain lit, ASCII case folded? lit must be lower-case. */
static inline int ci_contains(const char *s, size_t n, const char *lit) {
    size_t m = strlen(lit);
    char c0 = lit[0];
    for (size_t i = 0; i + m <= n; i++) {
        if ((s[i] | 0x20) != c0) continue;
        size_t k = 1;
        while (k < m && (s[i + k] | 0x20) == lit[k]) k++;
        if (k == m) return 1;
    }
    return 0;
}
#endif
