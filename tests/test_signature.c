/* Signatures (issue 13): normalisation, the fingerprint of exact copies, shingle counts, the MinHash
 * estimates of similarity and containment, and the record's "signatures" object. */
#include "test_util.h"
#include <byline.h>
#include <math.h>
#include <stdio.h>

static byline_signature sig_of(const char *s) {
    byline_signature g;
    if (byline_signature_text(s, strlen(s), &g)) memset(&g, 0xEE, sizeof g);
    return g;
}

static int same_fp(const char *a, const char *b) {
    byline_signature x = sig_of(a), y = sig_of(b);
    return x.fingerprint && x.fingerprint == y.fingerprint;
}

/* "w<from> w<from+1> ... w<to-1>" */
static char *words(int from, int to) {
    char *s = malloc((size_t)(to - from) * 8 + 1), *p = s;
    for (int i = from; i < to; i++) p += sprintf(p, "w%d ", i);
    *p = 0;
    return s;
}

int main(void) {
    /* normalisation: case, punctuation, apostrophes, compatibility forms, composed accents */
    CHECK(same_fp("Don't stop, now!", "DON\xe2\x80\x99T stop now"));
    CHECK(same_fp("\xef\xac\x81nance \xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "finance abc")); /* fi ligature, fullwidth */
    CHECK(same_fp("caf\xc3\xa9 au lait", "cafe\xcc\x81 au lait"));                         /* é = e + U+0301 */
    CHECK(same_fp("Stra\xc3\x9f" "e", "STRASSE"));                                           /* ß folds to ss */
    CHECK(same_fp("Hello \xe2\x80\x94 world\n\nagain", "hello world again"));
    CHECK(!same_fp("cafe au lait", "caf\xc3\xa9 au lait")); /* accents are kept */
    CHECK(!same_fp("the cat sat", "the cat sat down"));
    CHECK(!same_fp("one two three", "three two one"));

    byline_signature s = sig_of("a b c d");
    CHECK(s.words == 4 && s.shingles == 2);
    s = sig_of("a b c a b c");
    CHECK(s.words == 6 && s.shingles == 3); /* "a b c" twice: distinct shingles */
    s = sig_of("two words");
    CHECK(s.words == 2 && s.shingles == 1);
    s = sig_of("\xe5\x8c\x97\xe4\xba\xac\xe6\xac\xa2\xe8\xbf\x8e\xe4\xbd\xa0"); /* 北京欢迎你: a word a character */
    CHECK(s.words == 5 && s.shingles == 3);
    s = sig_of(" ... -- !! ");
    CHECK(s.words == 0 && s.shingles == 0 && s.fingerprint == 0);
    s = sig_of("");
    CHECK(s.words == 0 && s.fingerprint == 0);
    s = sig_of("ok \xff\xfe bytes \xc3");
    CHECK(s.words == 2);
    /* long words are hashed whole: a difference at the end counts */
    char l1[300], l2[300];
    memset(l1, 'x', 299), l1[299] = 0;
    memcpy(l2, l1, 300), l2[298] = 'y';
    CHECK(!same_fp(l1, l2) && same_fp(l1, l1));

    /* estimates: A = w0..w999, B = w300..w1299 share 698 of 998 shingles each: J = 698/1298 = 0.54 */
    char *a = words(0, 1000), *b = words(300, 1300), *part = words(100, 500), *other = words(5000, 6000);
    byline_signature sa = sig_of(a), sb = sig_of(b), sp = sig_of(part), so = sig_of(other);
    double a_in_b, b_in_a;
    double j = byline_signature_compare(&sa, &sb, &a_in_b, &b_in_a);
    CHECK(fabs(j - 698.0 / 1298) < 0.12);
    CHECK(fabs(a_in_b - 0.70) < 0.15 && fabs(b_in_a - 0.70) < 0.15);
    j = byline_signature_compare(&sp, &sa, &a_in_b, &b_in_a); /* a part: wholly in A, 398 of its 998 */
    CHECK(fabs(j - 0.40) < 0.12 && a_in_b > 0.85 && fabs(b_in_a - 0.40) < 0.12);
    CHECK(byline_signature_compare(&sa, &so, NULL, NULL) < 0.05);
    CHECK(byline_signature_compare(&sa, &sa, &a_in_b, &b_in_a) == 1.0 && a_in_b == 1.0);
    byline_signature empty = sig_of("");
    CHECK(byline_signature_compare(&empty, &empty, &a_in_b, NULL) == 0 && a_in_b == 0);
    /* a short text's sketch is densified: the same text with one more word keeps most slots */
    byline_signature s4 = sig_of("alpha beta gamma delta epsilon"), s5 = sig_of("alpha beta gamma delta epsilon zeta");
    CHECK(byline_signature_compare(&s4, &s5, NULL, NULL) > 0.5);

    /* the record: "signatures" only when asked for, the same as byline_signature_doc */
    static const char page[] = "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><article><h1>Harbour"
                               " wall</h1><p>The town council voted on Tuesday to rebuild the harbour wall after the"
                               " winter storms broke it in three places.</p><p>Work starts in May and should take"
                               " two years, the council said.</p></article><footer>Contact us</footer></body></html>";
    byline_doc *d = byline_doc_new();
    byline_options o;
    byline_options_init(&o);
    CHECK(o.signatures == 0);
    byline_extract(d, page, sizeof page - 1, &o);
    CHECK(!CONTAINS(byline_json(d, NULL), "\"signatures\""));
    o.signatures = 1;
    byline_extract(d, page, sizeof page - 1, &o);
    const char *js = byline_json(d, NULL);
    byline_signature ds, ts;
    CHECK(byline_signature_doc(d, &ds) == 0);
    const char *text = byline_text(d, NULL);
    CHECK(byline_signature_text(text, strlen(text), &ts) == 0 && !memcmp(&ds, &ts, sizeof ds));
    char want[64];
    snprintf(want, sizeof want, "\"fingerprint\":\"%016llx\"", (unsigned long long)ds.fingerprint);
    CHECK(CONTAINS(js, "\"signatures\":{\"algorithm\":\"" BYLINE_SIGNATURE_ALGORITHM "\"") && CONTAINS(js, want));
    CHECK(!CONTAINS(text, "Home") && !CONTAINS(text, "Contact")); /* the article only */
    byline_extract(d, "%PDF-1.4 binary", 15, &o);                  /* a failed document: null */
    CHECK(CONTAINS(byline_json(d, NULL), "\"signatures\":null"));
    byline_doc_free(d);
    free(a), free(b), free(part), free(other);
    return test_summary("test_signature");
}
