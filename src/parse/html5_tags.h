/* The tag names the HTML parser (html5.c) tells apart: its own number for each, the dom_tag the tree
 * shows (as MyHTML's view showed it), and the tree-construction categories of the HTML standard. */
#ifndef BYLINE_HTML5_TAGS_H
#define BYLINE_HTML5_TAGS_H

enum {
    F_SPECIAL = 1,    /* the standard's "special" category */
    F_FMT = 2,        /* formatting elements: the list of active formatting elements keeps them */
    F_IMPLIED = 4,    /* closed by "generate implied end tags" */
    F_SCOPE = 8,      /* bounds "has an element in scope" */
    F_CLOSEP = 16,    /* a start tag that closes an open <p> first (address, div, ul, ...) */
    F_BLOCKEND = 32,  /* an end tag closing its element when in scope (same list, plus button, listing, pre) */
};

#define HTML5_TAGS(X) \
    X("a", A, T_A, F_FMT) \
    X("abbr", ABBR, T_ABBR, 0) \
    X("address", ADDRESS, T_ADDRESS, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("applet", APPLET, T_OBJECT, F_SPECIAL | F_SCOPE) \
    X("area", AREA, T_AREA, F_SPECIAL) \
    X("article", ARTICLE, T_ARTICLE, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("aside", ASIDE, T_ASIDE, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("audio", AUDIO, T_AUDIO, 0) \
    X("b", B, T_B, F_FMT) \
    X("base", BASE, T_BASE, F_SPECIAL) \
    X("basefont", BASEFONT, T_OTHER, F_SPECIAL) \
    X("bgsound", BGSOUND, T_OTHER, F_SPECIAL) \
    X("big", BIG, T_FONT, F_FMT) \
    X("blockquote", BLOCKQUOTE, T_BLOCKQUOTE, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("body", BODY, T_BODY, F_SPECIAL) \
    X("br", BR, T_BR, F_SPECIAL) \
    X("button", BUTTON, T_BUTTON, F_SPECIAL | F_BLOCKEND) \
    X("canvas", CANVAS, T_CANVAS, 0) \
    X("caption", CAPTION, T_CAPTION, F_SPECIAL | F_SCOPE) \
    X("center", CENTER, T_CENTER, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("cite", CITE, T_CITE, 0) \
    X("code", CODE, T_CODE, F_FMT) \
    X("col", COL, T_COL, F_SPECIAL) \
    X("colgroup", COLGROUP, T_COLGROUP, F_SPECIAL) \
    X("dd", DD, T_DD, F_SPECIAL | F_IMPLIED) \
    X("del", DEL, T_DEL, 0) \
    X("details", DETAILS, T_DETAILS, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("dialog", DIALOG, T_DIALOG, F_CLOSEP | F_BLOCKEND) \
    X("dir", DIR, T_DIR, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("div", DIV, T_DIV, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("dl", DL, T_DL, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("dt", DT, T_DT, F_SPECIAL | F_IMPLIED) \
    X("em", EM, T_EM, F_FMT) \
    X("embed", EMBED, T_EMBED, F_SPECIAL) \
    X("fieldset", FIELDSET, T_FIELDSET, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("figcaption", FIGCAPTION, T_FIGCAPTION, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("figure", FIGURE, T_FIGURE, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("font", FONT, T_FONT, F_FMT) \
    X("footer", FOOTER, T_FOOTER, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("form", FORM, T_FORM, F_SPECIAL) \
    X("frame", FRAME, T_FRAME, F_SPECIAL) \
    X("frameset", FRAMESET, T_FRAMESET, F_SPECIAL) \
    X("h1", H1, T_H1, F_SPECIAL) \
    X("h2", H2, T_H2, F_SPECIAL) \
    X("h3", H3, T_H3, F_SPECIAL) \
    X("h4", H4, T_H4, F_SPECIAL) \
    X("h5", H5, T_H5, F_SPECIAL) \
    X("h6", H6, T_H6, F_SPECIAL) \
    X("head", HEAD, T_HEAD, F_SPECIAL) \
    X("header", HEADER, T_HEADER, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("hgroup", HGROUP, T_HGROUP, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("hr", HR, T_HR, F_SPECIAL) \
    X("html", HTML, T_HTML, F_SPECIAL | F_SCOPE) \
    X("i", I, T_I, F_FMT) \
    X("iframe", IFRAME, T_IFRAME, F_SPECIAL) \
    X("image", IMAGE, T_IMG, 0) \
    X("img", IMG, T_IMG, F_SPECIAL) \
    X("input", INPUT, T_INPUT, F_SPECIAL) \
    X("ins", INS, T_INS, 0) \
    X("isindex", ISINDEX, T_OTHER, F_SPECIAL) \
    X("kbd", KBD, T_KBD, 0) \
    X("keygen", KEYGEN, T_OTHER, F_SPECIAL) \
    X("label", LABEL, T_LABEL, 0) \
    X("legend", LEGEND, T_LEGEND, 0) \
    X("li", LI, T_LI, F_SPECIAL | F_IMPLIED) \
    X("link", LINK, T_LINK, F_SPECIAL) \
    X("listing", LISTING, T_PRE, F_SPECIAL | F_BLOCKEND) \
    X("main", MAIN, T_MAIN, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("map", MAP, T_MAP, 0) \
    X("mark", MARK, T_MARK, 0) \
    X("marquee", MARQUEE, T_DIV, F_SPECIAL | F_SCOPE) \
    X("math", MATH, T_MATH, 0) \
    X("menu", MENU, T_MENU, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("menuitem", MENUITEM, T_OTHER, F_SPECIAL) \
    X("meta", META, T_META, F_SPECIAL) \
    X("nav", NAV, T_NAV, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("nobr", NOBR, T_SPAN, F_FMT) \
    X("noembed", NOEMBED, T_OTHER, F_SPECIAL) \
    X("noframes", NOFRAMES, T_NOFRAMES, F_SPECIAL) \
    X("noscript", NOSCRIPT, T_NOSCRIPT, F_SPECIAL) \
    X("object", OBJECT, T_OBJECT, F_SPECIAL | F_SCOPE) \
    X("ol", OL, T_OL, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("optgroup", OPTGROUP, T_OPTGROUP, F_IMPLIED) \
    X("option", OPTION, T_OPTION, F_IMPLIED) \
    X("p", P, T_P, F_SPECIAL | F_CLOSEP | F_IMPLIED) \
    X("param", PARAM, T_OTHER, F_SPECIAL) \
    X("picture", PICTURE, T_OTHER, 0) /* MyHTML did not know it: byline never saw T_PICTURE */ \
    X("plaintext", PLAINTEXT, T_PRE, F_SPECIAL) \
    X("pre", PRE, T_PRE, F_SPECIAL | F_BLOCKEND) \
    X("q", Q, T_Q, 0) \
    X("rb", RB, T_OTHER, F_IMPLIED) \
    X("rp", RP, T_RP, F_IMPLIED) \
    X("rt", RT, T_RT, F_IMPLIED) \
    X("rtc", RTC, T_OTHER, F_IMPLIED) \
    X("ruby", RUBY, T_RUBY, 0) \
    X("s", S, T_S, F_FMT) \
    X("samp", SAMP, T_SAMP, 0) \
    X("script", SCRIPT, T_SCRIPT, F_SPECIAL) \
    X("section", SECTION, T_SECTION, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("select", SELECT, T_SELECT, F_SPECIAL) \
    X("small", SMALL, T_SMALL, F_FMT) \
    X("source", SOURCE, T_SOURCE, F_SPECIAL) \
    X("span", SPAN, T_SPAN, 0) \
    X("strike", STRIKE, T_S, F_FMT) \
    X("strong", STRONG, T_STRONG, F_FMT) \
    X("style", STYLE, T_STYLE, F_SPECIAL) \
    X("sub", SUB, T_SUB, 0) \
    X("summary", SUMMARY, T_SUMMARY, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("sup", SUP, T_SUP, 0) \
    X("svg", SVG, T_SVG, 0) \
    X("table", TABLE, T_TABLE, F_SPECIAL | F_SCOPE) \
    X("tbody", TBODY, T_TBODY, F_SPECIAL) \
    X("td", TD, T_TD, F_SPECIAL | F_SCOPE) \
    X("template", TEMPLATE, T_TEMPLATE, F_SPECIAL | F_SCOPE) \
    X("textarea", TEXTAREA, T_TEXTAREA, F_SPECIAL) \
    X("tfoot", TFOOT, T_TFOOT, F_SPECIAL) \
    X("th", TH, T_TH, F_SPECIAL | F_SCOPE) \
    X("thead", THEAD, T_THEAD, F_SPECIAL) \
    X("time", TIME, T_TIME, 0) \
    X("title", TITLE, T_TITLE, F_SPECIAL) \
    X("tr", TR, T_TR, F_SPECIAL) \
    X("track", TRACK, T_OTHER, F_SPECIAL) \
    X("tt", TT, T_TT, F_FMT) \
    X("u", U, T_U, F_FMT) \
    X("ul", UL, T_UL, F_SPECIAL | F_CLOSEP | F_BLOCKEND) \
    X("var", VAR, T_VAR, 0) \
    X("video", VIDEO, T_VIDEO, 0) \
    X("wbr", WBR, T_WBR, F_SPECIAL) \
    X("xmp", XMP, T_PRE, F_SPECIAL) \
    /* MathML and SVG names with rules of their own (integration points, scope) */ \
    X("mi", MI, T_OTHER, 0) \
    X("mo", MO, T_OTHER, 0) \
    X("mn", MN, T_OTHER, 0) \
    X("ms", MS, T_OTHER, 0) \
    X("mtext", MTEXT, T_OTHER, 0) \
    X("annotation-xml", ANNOTATION_XML, T_OTHER, 0) \
    X("foreignobject", FOREIGNOBJECT, T_OTHER, 0) \
    X("desc", DESC, T_OTHER, 0)

#define HTML5_TAG_ENUM(name, id, dt, flags) H_##id,
enum { H_UNKNOWN = 0, HTML5_TAGS(HTML5_TAG_ENUM) H__COUNT };
#undef HTML5_TAG_ENUM
#endif
