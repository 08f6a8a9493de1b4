// Language identification through CLD2 (Debian libcld2): the one C++ file,
// a C entry point over CLD2's C++ API so the rest of byline stays C.
#include "langid.h"
#include <cstdio>  // CLD2 headers use FILE without including it
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <cld2/internal/lang_script.h>
#include <cstring>

extern "C" int langid_detect(const char *text, size_t n, const char *tld, langid_result *out) {
    std::memset(out, 0, sizeof *out);
    if (!text || n == 0) return 0;
    if (n > LANGID_MAX_BYTES) {
        n = LANGID_MAX_BYTES;
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) n--;  // whole code points only
    }
    CLD2::CLDHints hints = {nullptr, tld, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language lang3[3];
    int percent3[3];
    double score3[3];
    int text_bytes = 0, valid_prefix = 0;
    bool reliable = false;
    CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text, static_cast<int>(n), true, &hints, 0, lang3, percent3, score3, nullptr, &text_bytes, &reliable,
        &valid_prefix);
    if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return 0;
    const char *code = CLD2::LanguageCode(lang);
    if (!code || !*code || !std::strcmp(code, "un")) return 0;
    std::strncpy(out->code, code, sizeof out->code - 1);
    out->confidence = percent3[0] / 100.0;
    if (!reliable) out->confidence *= 0.5;
    out->reliable = reliable;
    return 1;
}
