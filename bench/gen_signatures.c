/* Generated signature records for the scale benchmark of byline group (bench/group_scale.py).
 *
 * usage: byline-gensig N [SEED]   JSONL on stdout: N records with "signatures" only (no text)
 *
 * A story is a random shingle set's sketch; a third of the stories are wire copy with 2-10 copies,
 * each keeping a share of the original's MinHash slots in [0.45, 0.95] (the rest redrawn: the
 * Jaccard similarity a trimmed, edited copy has) and one copy in ten an exact copy; the other
 * stories are single records. Dates, titles and URLs are made up; agencies on a fifth of them.
 * Deterministic for a seed. */
#include <byline.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t rng_state;

static uint64_t rnd(void) { /* splitmix64 */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double unit(void) { return (double)(rnd() >> 11) / 9007199254740992.0; }

static void emit(uint64_t story, int copy, const uint32_t *mh, uint64_t fp, uint32_t words, int day, int agency) {
    static const char HEX[] = "0123456789abcdef";
    char hex[8 * BYLINE_SIGNATURE_SLOTS + 1];
    for (int i = 0; i < BYLINE_SIGNATURE_SLOTS; i++)
        for (int k = 0; k < 8; k++) hex[8 * i + k] = HEX[(mh[i] >> (28 - 4 * k)) & 15];
    hex[8 * BYLINE_SIGNATURE_SLOTS] = 0;
    printf("{\"source\":\"gen\",\"url\":\"https://site%d.example/news/%llu-%d\",\"title\":\"Story %llu\","
           "\"date_published\":\"2024-%02d-%02dT%02d:00:00Z\",\"agency\":%s,\"signatures\":{\"algorithm\":\"%s\","
           "\"words\":%u,\"shingles\":%u,\"fingerprint\":\"%016llx\",\"simhash\":\"%016llx\",\"minhash\":\"%s\"}}\n",
           copy % 97, (unsigned long long)story, copy, (unsigned long long)story, 1 + day / 28 % 12, 1 + day % 28,
           copy % 24, agency ? "\"AP\"" : "null", BYLINE_SIGNATURE_ALGORITHM, words, words - 2,
           (unsigned long long)fp, (unsigned long long)rnd(), hex);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: byline-gensig N [SEED]\n");
        return 2;
    }
    uint64_t n = strtoull(argv[1], NULL, 10);
    rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 13;
    static char obuf[1 << 20];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    uint32_t base[BYLINE_SIGNATURE_SLOTS], mh[BYLINE_SIGNATURE_SLOTS];
    uint64_t made = 0, story = 0;
    while (made < n) {
        for (int i = 0; i < BYLINE_SIGNATURE_SLOTS; i++) base[i] = (uint32_t)rnd();
        uint32_t words = 100 + (uint32_t)(rnd() % 1900);
        uint64_t fp = rnd();
        int day = (int)(rnd() % 336), copies = rnd() % 3 == 0 ? 2 + (int)(rnd() % 9) : 0;
        emit(story, 0, base, fp, words, day, rnd() % 5 == 0);
        made++;
        for (int c = 1; c <= copies && made < n; c++, made++) {
            if (rnd() % 10 == 0) {
                emit(story, c, base, fp, words, day + 1, 0);
                continue;
            }
            double keep = 0.45 + 0.5 * unit();
            for (int i = 0; i < BYLINE_SIGNATURE_SLOTS; i++) mh[i] = unit() < keep ? base[i] : (uint32_t)rnd();
            emit(story, c, mh, rnd(), words - (uint32_t)(rnd() % (words / 4)), day + (int)(rnd() % 3), 0);
        }
        story++;
    }
    return fflush(stdout) ? 1 : 0;
}
