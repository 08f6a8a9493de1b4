/* What class and id tokens say about an element. */
#include "extract/classify.h"
#include "test_util.h"

static unsigned tok(const char *s) { return classify_token(s, strlen(s)); }
static unsigned classify_element_class(const char *s) { return classify_class_list(s, strlen(s)); }

int main(void) {
    CHECK(classify_patterns_sorted());
    CHECK(classify_hints_sorted());
    CHECK(tok("share") & CLS_NEG_STRONG);
    CHECK(tok("sharebar") & CLS_NEG_STRONG);
    CHECK(tok("comments") & CLS_NEG_STRONG);
    CHECK(tok("newsletter") & CLS_NEG_STRONG);
    CHECK(tok("related") & CLS_NEG_STRONG);
    CHECK(tok("ad") & CLS_NEG_STRONG);
    CHECK(!(tok("adjust") & CLS_NEG_STRONG)); /* "ad" only as a whole token */
    CHECK(!(tok("promoted") & CLS_NEG_STRONG));
    CHECK(tok("widget") & CLS_NEG_WEAK);
    CHECK(tok("content") & CLS_POS);
    CHECK(tok("articlebody") & CLS_BODY);
    CHECK(tok("byline") & CLS_META);
    CHECK(tok("caption") & CLS_CAPTION);
    CHECK(tok("harbour") == 0);
    CHECK(tok("commentary") == 0); /* an opinion piece, not reader comments */
    CHECK(tok("commentlist") & CLS_COMMENT);
    /* modifiers mute the rest of a class name */
    CHECK(classify_element_class("o-section o-section--has-ads") == 0);
    CHECK(classify_element_class("no-comments article-body") & CLS_POS);
    CHECK(!(classify_element_class("no-comments article-body") & CLS_NEG_STRONG));
    CHECK(classify_element_class("share-tools") & CLS_NEG_STRONG);
    CHECK(classify_element_class("relatedArticles") & CLS_NEG_STRONG); /* camelCase */
    /* names in capitals are words too, not one word a letter; a run of capitals then a word ("PDFViewer")
     * stays one token, as camelCase splits only after a lower-case letter */
    CHECK(classify_element_class("SIDEBAR") & CLS_NEG_STRONG);
    /* utility classes that hide the element: whole class names only */
    CHECK(classify_element_class("btn d-none") & CLS_HIDDEN);
    CHECK(classify_element_class("sr-only") & CLS_HIDDEN);
    CHECK(classify_element_class("a\tvisually-hidden\nb") & CLS_HIDDEN);
    CHECK(!(classify_element_class("hidden-xs col-md-4") & CLS_HIDDEN));
    CHECK(!(classify_element_class("unhide") & CLS_HIDDEN));
    CHECK(classify_element_class("Newsletter-SIGNUP") & CLS_NEG_STRONG);
    CHECK(classify_element_class("PremiumPROMO") & CLS_NEG_STRONG);
    CHECK(classify_element_class("o-row c-fixed-sidebar-layout") == 0); /* layout grids */
    CHECK(classify_element_class("sidebar") & CLS_NEG_STRONG);
    CHECK(classify_element_class("one-sidebar") == 0);
    /* CMS taxonomy values are not semantics */
    CHECK(classify_element_class("post hentry tag-creditshelf category-share-market") == CLS_POS);
    CHECK(classify_element_class("tag") & CLS_NEG_WEAK);
    return test_summary("test_classify");
}
