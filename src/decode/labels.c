/* WHATWG Encoding Standard labels -> canonical names, and canonical names ->
 * glibc iconv names. Families with regular spellings (iso-8859-N, cp125N) are
 * matched by rule; the rest by table. */
#include <string.h>
#include <ctype.h>
#include "decode.h"
#include "labels.h"

typedef struct { const char *label, *name; } label_row;

static const label_row LABELS[] = {
    {"unicode-1-1-utf-8", "UTF-8"}, {"unicode11utf8", "UTF-8"}, {"unicode20utf8", "UTF-8"},
    {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"x-unicode20utf8", "UTF-8"},
    {"866", "IBM866"}, {"cp866", "IBM866"}, {"csibm866", "IBM866"}, {"ibm866", "IBM866"},
    {"csisolatin2", "ISO-8859-2"}, {"iso-ir-101", "ISO-8859-2"}, {"l2", "ISO-8859-2"}, {"latin2", "ISO-8859-2"},
    {"csisolatin3", "ISO-8859-3"}, {"iso-ir-109", "ISO-8859-3"}, {"l3", "ISO-8859-3"}, {"latin3", "ISO-8859-3"},
    {"csisolatin4", "ISO-8859-4"}, {"iso-ir-110", "ISO-8859-4"}, {"l4", "ISO-8859-4"}, {"latin4", "ISO-8859-4"},
    {"csisolatincyrillic", "ISO-8859-5"}, {"cyrillic", "ISO-8859-5"}, {"iso-ir-144", "ISO-8859-5"},
    {"arabic", "ISO-8859-6"}, {"asmo-708", "ISO-8859-6"}, {"csiso88596e", "ISO-8859-6"},
    {"csiso88596i", "ISO-8859-6"}, {"csisolatinarabic", "ISO-8859-6"}, {"ecma-114", "ISO-8859-6"},
    {"iso-8859-6-e", "ISO-8859-6"}, {"iso-8859-6-i", "ISO-8859-6"}, {"iso-ir-127", "ISO-8859-6"},
    {"csisolatingreek", "ISO-8859-7"}, {"ecma-118", "ISO-8859-7"}, {"elot_928", "ISO-8859-7"},
    {"greek", "ISO-8859-7"}, {"greek8", "ISO-8859-7"}, {"iso-ir-126", "ISO-8859-7"}, {"sun_eu_greek", "ISO-8859-7"},
    {"csiso88598e", "ISO-8859-8"}, {"csisolatinhebrew", "ISO-8859-8"}, {"hebrew", "ISO-8859-8"},
    {"iso-8859-8-e", "ISO-8859-8"}, {"iso-ir-138", "ISO-8859-8"}, {"visual", "ISO-8859-8"},
    {"csiso88598i", "ISO-8859-8-I"}, {"iso-8859-8-i", "ISO-8859-8-I"}, {"logical", "ISO-8859-8-I"},
    {"csisolatin6", "ISO-8859-10"}, {"iso-ir-157", "ISO-8859-10"}, {"l6", "ISO-8859-10"}, {"latin6", "ISO-8859-10"},
    {"csisolatin9", "ISO-8859-15"}, {"l9", "ISO-8859-15"}, {"latin9", "ISO-8859-15"},
    {"cskoi8r", "KOI8-R"}, {"koi", "KOI8-R"}, {"koi8", "KOI8-R"}, {"koi8-r", "KOI8-R"}, {"koi8_r", "KOI8-R"},
    {"koi8-ru", "KOI8-U"}, {"koi8-u", "KOI8-U"},
    {"csmacintosh", "macintosh"}, {"mac", "macintosh"}, {"macintosh", "macintosh"}, {"x-mac-roman", "macintosh"},
    {"dos-874", "windows-874"}, {"iso-8859-11", "windows-874"}, {"iso8859-11", "windows-874"},
    {"iso885911", "windows-874"}, {"tis-620", "windows-874"}, {"windows-874", "windows-874"},
    /* iso-8859-1, latin1 and ascii mean windows-1252 on the web */
    {"ansi_x3.4-1968", "windows-1252"}, {"ascii", "windows-1252"}, {"cp819", "windows-1252"},
    {"csisolatin1", "windows-1252"}, {"ibm819", "windows-1252"}, {"iso-8859-1", "windows-1252"},
    {"iso-ir-100", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"iso88591", "windows-1252"},
    {"iso_8859-1", "windows-1252"}, {"iso_8859-1:1987", "windows-1252"}, {"l1", "windows-1252"},
    {"latin1", "windows-1252"}, {"us-ascii", "windows-1252"}, {"x-user-defined", "windows-1252"},
    {"csisolatin5", "windows-1254"}, {"iso-8859-9", "windows-1254"}, {"iso-ir-148", "windows-1254"},
    {"iso8859-9", "windows-1254"}, {"iso88599", "windows-1254"}, {"iso_8859-9", "windows-1254"},
    {"iso_8859-9:1989", "windows-1254"}, {"l5", "windows-1254"}, {"latin5", "windows-1254"},
    {"x-mac-cyrillic", "x-mac-cyrillic"}, {"x-mac-ukrainian", "x-mac-cyrillic"}, {"mac-cyrillic", "x-mac-cyrillic"},
    {"chinese", "GB18030"}, {"csgb2312", "GB18030"}, {"csiso58gb231280", "GB18030"}, {"gb2312", "GB18030"},
    {"gb_2312", "GB18030"}, {"gb_2312-80", "GB18030"}, {"gbk", "GB18030"}, {"iso-ir-58", "GB18030"},
    {"x-gbk", "GB18030"}, {"gb18030", "GB18030"},
    {"big5", "Big5"}, {"big5-hkscs", "Big5"}, {"cn-big5", "Big5"}, {"csbig5", "Big5"}, {"x-x-big5", "Big5"},
    {"cseucpkdfmtjapanese", "EUC-JP"}, {"euc-jp", "EUC-JP"}, {"x-euc-jp", "EUC-JP"},
    {"csiso2022jp", "ISO-2022-JP"}, {"iso-2022-jp", "ISO-2022-JP"},
    {"csshiftjis", "Shift_JIS"}, {"ms932", "Shift_JIS"}, {"ms_kanji", "Shift_JIS"}, {"shift-jis", "Shift_JIS"},
    {"shift_jis", "Shift_JIS"}, {"sjis", "Shift_JIS"}, {"windows-31j", "Shift_JIS"}, {"x-sjis", "Shift_JIS"},
    {"cseuckr", "EUC-KR"}, {"csksc56011987", "EUC-KR"}, {"euc-kr", "EUC-KR"}, {"iso-ir-149", "EUC-KR"},
    {"korean", "EUC-KR"}, {"ks_c_5601-1987", "EUC-KR"}, {"ks_c_5601-1989", "EUC-KR"}, {"ksc5601", "EUC-KR"},
    {"ksc_5601", "EUC-KR"}, {"windows-949", "EUC-KR"}, {"uhc", "EUC-KR"},
    {"unicodefffe", "UTF-16BE"}, {"utf-16be", "UTF-16BE"},
    {"csunicode", "UTF-16LE"}, {"iso-10646-ucs-2", "UTF-16LE"}, {"ucs-2", "UTF-16LE"}, {"unicode", "UTF-16LE"},
    {"unicodefeff", "UTF-16LE"}, {"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"},
    /* encodings the web replaces wholesale */
    {"csiso2022kr", "replacement"}, {"hz-gb-2312", "replacement"}, {"iso-2022-cn", "replacement"},
    {"iso-2022-cn-ext", "replacement"}, {"iso-2022-kr", "replacement"},
};

static const label_row ICONV_NAMES[] = {
    {"windows-874", "CP874"}, {"macintosh", "MACINTOSH"}, {"x-mac-cyrillic", "MAC-CYRILLIC"},
    {"Big5", "BIG5-HKSCS"}, {"Shift_JIS", "CP932"}, {"EUC-KR", "CP949"}, {"ISO-8859-8-I", "ISO-8859-8"},
};

static const char *const ISO8859[17] = {
    NULL, NULL, "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7",
    "ISO-8859-8", NULL, "ISO-8859-10", NULL, NULL, "ISO-8859-13", "ISO-8859-14", "ISO-8859-15", "ISO-8859-16"};
static const char *const CP125X[9] = {"windows-1250", "windows-1251", "windows-1252", "windows-1253",
                                       "windows-1254", "windows-1255", "windows-1256", "windows-1257",
                                       "windows-1258"};

/* "iso-8859-N", "iso8859-N", "iso_8859-N[:year]", "iso8859N" */
static const char *iso8859_rule(const char *s) {
    const char *p;
    if (!strncmp(s, "iso-8859-", 9) || !strncmp(s, "iso_8859-", 9)) p = s + 9;
    else if (!strncmp(s, "iso8859-", 8)) p = s + 8;
    else if (!strncmp(s, "iso8859", 7)) p = s + 7;
    else return NULL;
    if (!isdigit((unsigned char)p[0])) return NULL;
    int n = p[0] - '0';
    p++;
    if (isdigit((unsigned char)*p)) n = n * 10 + (*p++ - '0');
    if (*p && *p != ':') return NULL;
    return n > 0 && n < 17 ? ISO8859[n] : NULL;
}

/* "windows-125N", "cp125N", "x-cp125N" */
static const char *cp125x_rule(const char *s) {
    const char *p;
    if (!strncmp(s, "windows-125", 11)) p = s + 11;
    else if (!strncmp(s, "x-cp125", 7)) p = s + 7;
    else if (!strncmp(s, "cp125", 5)) p = s + 5;
    else return NULL;
    if (p[0] >= '0' && p[0] <= '8' && !p[1]) return CP125X[p[0] - '0'];
    return NULL;
}

const char *encoding_for_label(const char *label, size_t n) {
    while (n && (unsigned char)*label <= ' ') label++, n--;
    while (n && (unsigned char)label[n - 1] <= ' ') n--;
    char low[40];
    if (n == 0 || n >= sizeof low) return NULL;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)label[i]);
    low[n] = 0;
    const char *r = iso8859_rule(low);
    if (!r) r = cp125x_rule(low);
    if (r) return r;
    for (size_t i = 0; i < sizeof LABELS / sizeof *LABELS; i++)
        if (!strcmp(LABELS[i].label, low)) return LABELS[i].name;
    return NULL;
}

const char *iconv_name_for(const char *encoding) {
    for (size_t i = 0; i < sizeof ICONV_NAMES / sizeof *ICONV_NAMES; i++)
        if (!strcmp(ICONV_NAMES[i].label, encoding)) return ICONV_NAMES[i].name;
    return encoding;
}
