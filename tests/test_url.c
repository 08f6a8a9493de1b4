/* Link resolution against the page URL (RFC 3986 section 5.4 examples). */
#include "util/url.h"
#include "test_util.h"

static const char *res(const char *base, const char *ref) {
    static char out[1024];
    url_resolve(base, ref, strlen(ref), out, sizeof out);
    return out;
}

int main(void) {
    const char *b = "http://a/b/c/d;p?q";
    CHECK_STR(res(b, "g:h"), "g:h");
    CHECK_STR(res(b, "g"), "http://a/b/c/g");
    CHECK_STR(res(b, "./g"), "http://a/b/c/g");
    CHECK_STR(res(b, "g/"), "http://a/b/c/g/");
    CHECK_STR(res(b, "/g"), "http://a/g");
    CHECK_STR(res(b, "//g"), "http://g");
    CHECK_STR(res(b, "?y"), "http://a/b/c/d;p?y");
    CHECK_STR(res(b, "g?y"), "http://a/b/c/g?y");
    CHECK_STR(res(b, "#s"), "http://a/b/c/d;p?q#s");
    CHECK_STR(res(b, "g#s"), "http://a/b/c/g#s");
    CHECK_STR(res(b, ".."), "http://a/b/");
    CHECK_STR(res(b, "../g"), "http://a/b/g");
    CHECK_STR(res(b, "../../g"), "http://a/g");
    CHECK_STR(res(b, "../../../g"), "http://a/g");
    CHECK_STR(res(b, "g;x=1/../y"), "http://a/b/c/y");
    CHECK_STR(res("https://news.example/2024/story.html", "img/a.jpg"), "https://news.example/2024/img/a.jpg");
    CHECK_STR(res("https://news.example", "about"), "https://news.example/about");
    CHECK_STR(res(NULL, "/relative"), "/relative");
    CHECK(url_scheme_len("javascript:void(0)", 18) == 10);
    CHECK(url_scheme_len("/path:x", 7) == 0);
    return test_summary("test_url");
}
