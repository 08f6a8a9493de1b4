#!/usr/bin/env python3
"""Builds byline's word lexicon (src/people/lexicon.h) as one C file.

    gen_lexicon.py [--data DIR] OUT.c              the lexicon (lexicon_data.c)
    gen_lexicon.py --fold-vectors OUT.h            folding test vectors for tests/test_lexicon.c

Sources (Debian packages, see src/people/data/SOURCES.md):
  libtext-names-perl  US Census 1990 given names (per sex, with frequency) and surnames
  unicode-cldr-core   English territory names, ISO 3166-2 subdivision names, time-zone cities
  libgeonames-common  English names of cities, regions and countries (a GNU .mo catalogue)
  wamerican           the English dictionary (SCOWL): lower-case words, for the common-word flag
and the hand-written lists src/people/data/*.txt, whose file stem names the flag (LIST_FLAGS below).

The output is deterministic: the same inputs give a byte-identical file. Stdlib only.
"""
import math
import os
import re
import struct
import sys
import unicodedata
import xml.etree.ElementTree as ET

# ---------------------------------------------------------------------------------------------
# Flags. The numbers must equal the enum in src/people/lexicon.h: the generated file checks them
# with _Static_assert, so a mismatch fails the build.
FLAGS = {
    'LEX_GIVEN': 1 << 0, 'LEX_SURNAME': 1 << 1, 'LEX_PLACE': 1 << 2, 'LEX_COUNTRY': 1 << 3,
    'LEX_HONORIFIC': 1 << 4, 'LEX_ROLE': 1 << 5, 'LEX_TITLE_MOD': 1 << 6, 'LEX_ORG_HEAD': 1 << 7,
    'LEX_DEMONYM': 1 << 8, 'LEX_TIME': 1 << 9, 'LEX_NOT_NAME': 1 << 10, 'LEX_GROUP': 1 << 11,
    'LEX_COMMON': 1 << 12,
}
# Hand-written lists: file stem in src/people/data/ -> flag. A new list is a new line here (and a
# new bit in lexicon.h); a .txt file not named here stops the build.
LIST_FLAGS = {
    'honorifics': 'LEX_HONORIFIC',
    'roles': 'LEX_ROLE',
    'title_mods': 'LEX_TITLE_MOD',
    'org_heads': 'LEX_ORG_HEAD',
    'demonyms': 'LEX_DEMONYM',
    'time_words': 'LEX_TIME',
    'not_names': 'LEX_NOT_NAME',
    'groups': 'LEX_GROUP',
}

NAMES_PM = ('/usr/share/perl5/Text/Names.pm', 'libtext-names-perl')
CLDR = '/usr/share/unicode/cldr/common/'
CLDR_EN = (CLDR + 'main/en.xml', 'unicode-cldr-core')
CLDR_ROOT = (CLDR + 'main/root.xml', 'unicode-cldr-core')
CLDR_SUBDIV = (CLDR + 'subdivisions/en.xml', 'unicode-cldr-core')
CLDR_TZ = (CLDR + 'bcp47/timezone.xml', 'unicode-cldr-core')
GEONAMES_MO = ('/usr/share/locale/en/LC_MESSAGES/geonames.mo', 'libgeonames-common')
DICT = ('/usr/share/dict/american-english', 'wamerican')
SOURCES = [NAMES_PM, CLDR_EN, CLDR_ROOT, CLDR_SUBDIV, CLDR_TZ, GEONAMES_MO, DICT]
# Common English words (LEX_COMMON): a Bloom filter of BLOOM_BITS bits probed BLOOM_K times, for the
# dictionary words that are not keys of the table (those carry the flag in their entry)
BLOOM_BITS = 1 << 20
BLOOM_K = 7

KEY_MAX = 255          # key length in bytes fits the slot's 8-bit length field
NOT_GIVEN = (128, 0)   # female, given_rank of an entry that is not a given name


def die(msg):
    print('gen_lexicon: ' + msg, file=sys.stderr)
    sys.exit(1)


def need(src):
    path, pkg = src
    if not os.path.isfile(path):
        die('%s is missing: install the Debian package %s (scripts/deps.sh installs it)' % (path, pkg))
    return path


# ---------------------------------------------------------------------------------------------
# Folding: exactly what lexicon.c does (tests/test_lexicon.c checks both sides on the same vectors).
#   ASCII A-Z -> a-z; U+00C0..U+00DE except U+00D7 -> +0x20; Latin Extended-A capitals -> their
#   small letters (U+0178 Y-diaeresis -> U+00FF; U+0130 I-dot -> 'i', its simple lowercase);
#   runs of U+0020 / U+00A0 -> one U+0020. Nothing else changes.

def fold_cp(cp):
    if 0x41 <= cp <= 0x5A:
        return cp + 0x20
    if 0xC0 <= cp <= 0xDE and cp != 0xD7:
        return cp + 0x20
    if 0x100 <= cp <= 0x17F:
        if cp == 0x130:
            return 0x69
        if cp == 0x178:
            return 0xFF
        if cp <= 0x137 or 0x14A <= cp <= 0x177:
            return cp + 1 if cp % 2 == 0 else cp
        if 0x139 <= cp <= 0x148 or 0x179 <= cp <= 0x17E:
            return cp + 1 if cp % 2 == 1 else cp
    return cp


def fold(s):
    out = []
    space = False
    for ch in s:
        cp = ord(ch)
        if cp in (0x20, 0xA0):
            if not space:
                out.append(' ')
            space = True
            continue
        space = False
        out.append(chr(fold_cp(cp)))
    return ''.join(out)


def check_fold_rules():
    """fold_cp agrees with Unicode's simple lowercase mapping wherever it changes something, and
    misses no capital of the three blocks it claims."""
    for cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x180)):
        ch = chr(cp)
        low = ch.lower()
        if cp == 0x130:
            low = 'i'
        want = ord(low) if len(low) == 1 else cp
        if fold_cp(cp) != want:
            die('fold rule disagrees with Unicode at U+%04X' % cp)


def clean_ws(s):
    return ' '.join(unicodedata.normalize('NFC', s).split())


def key_of(s):
    k = fold(clean_ws(s))
    return k


# ---------------------------------------------------------------------------------------------
# Census names (Text::Names heredocs: NAME, frequency %, cumulative %, rank; a line may hold two)

def census_blocks(path):
    with open(path, encoding='latin-1') as f:
        text = f.read()
    blocks = {}
    for var in ('COMMON_MALE_FIRSTNAMES', 'COMMON_FEMALE_FIRSTNAMES', 'COMMON_SURNAMES'):
        m = re.search(r'^\$' + var + r'\s*=\s*<<\s*ENDNAMES;\n(.*?)^ENDNAMES$', text, re.S | re.M)
        if not m:
            die('%s: heredoc $%s not found (package libtext-names-perl changed?)' % (path, var))
        toks = m.group(1).split()
        if len(toks) % 4:
            die('%s: $%s has %d tokens, not groups of 4' % (path, var, len(toks)))
        rows = []
        for i in range(0, len(toks), 4):
            name, freq, cum, rank = toks[i:i + 4]
            if not re.fullmatch(r"[A-Z][A-Z'\-]*", name) or not re.fullmatch(r'\d+\.\d+', freq) \
                    or not re.fullmatch(r'\d+', rank):
                die('%s: $%s: unexpected row %r' % (path, var, toks[i:i + 4]))
            rows.append((name, float(freq), int(rank)))
        blocks[var] = rows
    return blocks


def given_values(male, female):
    """name -> (female 0..255, given_rank 1..255).
    female: female freq / (female + male freq), the census percentages being per sex.
    given_rank: a log-frequency scale over the combined share c = (male% + female%) / 2:
    1 + round(254 * ln(c_top / c) / ln(c_top / c_min)): 1 = the most common name, 255 = the rarest
    the tables hold (0.001% of one sex)."""
    m = {n: f for n, f, _ in male}
    f = {n: fr for n, fr, _ in female}
    names = sorted(set(m) | set(f))
    comb = {n: (m.get(n, 0.0) + f.get(n, 0.0)) / 2 for n in names}
    top = max(comb.values())
    low = min(comb.values())
    out = {}
    for n in names:
        fm, ff = m.get(n, 0.0), f.get(n, 0.0)
        fem = int(round(255 * ff / (ff + fm))) if ff + fm > 0 else 128
        rank = 1 + int(round(254 * math.log(top / comb[n]) / math.log(top / low)))
        out[n] = (fem, max(1, min(255, rank)))
    return out


# ---------------------------------------------------------------------------------------------
# Place names: cleaning and spelling variants

SLASH_QUALIFIERS = {'North', 'South', 'East', 'West', 'Central', 'Urban', 'Rural'}


def place_forms(raw, keep_paren=False):
    """The names a source string stands for. Footnote marks (superscript two, dagger) go; text in
    parentheses goes (with keep_paren, a closing "(Other Name)" is a name too); a comma ends the
    name ("Beulah, North Dakota" -> Beulah); "A / B" and "A/B" are two names, "Zanzibar
    Central/South" two names sharing "Zanzibar" (a qualifier before the slash); names with digits
    go. Variants are added for
    spellings news text uses: "&" -> "and", curly apostrophe -> straight, en dash -> hyphen,
    "St." <-> "St" <-> "Saint"."""
    s = clean_ws(raw.replace('\u00b2', '').replace('\u2020', ''))
    names = []
    m = re.fullmatch(r'(.*?)\s*\(([^()]*)\)\s*', s)
    if keep_paren and m:
        names.append(m.group(2))
    s = re.sub(r'\([^()]*\)', ' ', s)
    s = s.split(',')[0]
    s = clean_ws(s)
    if ' / ' in s:
        parts = s.split(' / ')
    elif '/' in s:
        parts = s.split('/')
        head = parts[0].split(' ')
        if len(head) > 1 and head[-1] in SLASH_QUALIFIERS and all(' ' not in p for p in parts[1:]):
            parts = [parts[0]] + [' '.join(head[:-1] + [p]) for p in parts[1:]]
    else:
        parts = [s]
    names = parts + names
    out = []
    for n in names:
        n = clean_ws(n)
        if not n or re.search(r'\d', n):
            continue
        if sum(1 for c in n if c.isalpha()) < 2:
            continue
        out.extend(variants(n))
    return out


def variants(n):
    forms = {n}
    if '&' in n:
        forms |= {clean_ws(f.replace('&', ' and ')) for f in forms}
    if '\u2019' in n:
        forms |= {f.replace('\u2019', "'") for f in forms}
    if '\u2013' in n:
        forms |= {f.replace('\u2013', '-') for f in forms}
    saint = re.compile(r'(?<!\S)(St\.|St|Saint) (?=\w)')
    if saint.search(n):
        more = set()
        for f in forms:
            for rep in ('St.', 'St', 'Saint'):
                more.add(saint.sub(rep + ' ', f))
        forms |= more
    return sorted(forms)


# CLDR territory codes that are no country: groupings and private use (dropped), and the
# exceptionally reserved codes, which are places but no states.
TERRITORY_DROP = {'001', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'}
TERRITORY_PLACE_ONLY = {'AC', 'CP', 'DG', 'EA', 'IC', 'TA'}
# a parenthesised alternative that is no name: "Congo (Republic)"
PAREN_NOT_NAME = {'Republic'}
# time-zone ids: the areas whose last component is a city; legacy aliases that name a region by
# a compass point or an adjective rather than a city
TZ_AREAS = {'Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe',
            'Indian', 'Pacific'}
TZ_SKIP = {'Australia/North', 'Australia/South', 'Australia/West', 'America/Virgin'}


def xml_root(src):
    try:
        return ET.parse(need(src)).getroot()
    except ET.ParseError as e:
        die('%s: %s' % (src[0], e))


def cldr_territories():
    """[(name, is_country)]"""
    out = []
    root = xml_root(CLDR_EN)
    for t in root.iterfind('./localeDisplayNames/territories/territory'):
        code = t.get('type')
        if code in TERRITORY_DROP or not t.text:
            continue
        country = bool(re.fullmatch(r'[A-Z]{2}', code)) and code not in TERRITORY_PLACE_ONLY
        text = t.text.strip()
        if ' - ' in text:                      # "Congo - Kinshasa": the country is "Congo"
            text = text.split(' - ')[0]
        for n in place_forms(text, keep_paren=True):
            if n not in PAREN_NOT_NAME:
                out.append((n, country))
    return out


def cldr_subdivisions():
    root = xml_root(CLDR_SUBDIV)
    out = []
    for s in root.iterfind('./localeDisplayNames/subdivisions/subdivision'):
        if s.text:
            out.extend(place_forms(s.text))
    return out


def cldr_cities():
    out = []
    for src in (CLDR_ROOT, CLDR_EN):
        root = xml_root(src)
        for z in root.iterfind('./dates/timeZoneNames/zone'):
            if (z.get('type') or '').startswith('Etc/'):
                continue
            for e in z.findall('exemplarCity'):
                if e.text:
                    out.extend(place_forms(e.text))
    root = xml_root(CLDR_TZ)
    for t in root.iter('type'):
        for tz in (t.get('alias') or '').split():
            parts = tz.split('/')
            if len(parts) < 2 or parts[0] not in TZ_AREAS or tz in TZ_SKIP:
                continue
            city = parts[-1].replace('_', ' ')
            if re.search(r'[a-z][A-Z]', city) and not city.startswith('Mc'):
                continue                       # DumontDUrville, ComodRivadavia: squeezed names
            if re.search(r'\b[A-Z]{2,}\b', city):
                continue                       # Knox_IN, ACT, NSW
            out.extend(place_forms(city))
    return out


def geonames():
    """[(name, is_country)] from the .mo catalogue: msgid = geonames id (a number: a city),
    "CC.nn" (a first-level region) or "CC" (a country); msgstr = the English name."""
    path = need(GEONAMES_MO)
    with open(path, 'rb') as f:
        data = f.read()
    if len(data) < 28:
        die('%s: too short for a .mo file' % path)
    magic = struct.unpack('<I', data[:4])[0]
    if magic == 0x950412de:
        end = '<'
    elif magic == 0xde120495:
        end = '>'
    else:
        die('%s: not a GNU .mo file' % path)
    _rev, n, orig, trans = struct.unpack(end + '4I', data[4:20])
    out = []
    for i in range(n):
        ol, oo = struct.unpack(end + '2I', data[orig + 8 * i:orig + 8 * i + 8])
        tl, to = struct.unpack(end + '2I', data[trans + 8 * i:trans + 8 * i + 8])
        msgid = data[oo:oo + ol].decode('utf-8')
        msgstr = data[to:to + tl].decode('utf-8')
        if not msgid or '\x00' in msgid or '\x04' in msgid:
            continue                           # header; plural or context entries (none today)
        country = bool(re.fullmatch(r'[A-Z]{2}', msgid))
        for name in place_forms(msgstr):
            out.append((name, country))
    return out


# ---------------------------------------------------------------------------------------------
# Hand-written lists

def hand_lists(data_dir):
    """{stem: [entries]} from DIR/*.txt"""
    if not os.path.isdir(data_dir):
        die('%s: no such directory' % data_dir)
    lists = {}
    for fn in sorted(os.listdir(data_dir)):
        if not fn.endswith('.txt'):
            continue
        stem = fn[:-4]
        if stem not in LIST_FLAGS:
            die('%s: no flag for the list "%s": add it to LIST_FLAGS in %s (and a bit to '
                'src/people/lexicon.h)' % (os.path.join(data_dir, fn), stem, os.path.basename(__file__)))
        entries = []
        with open(os.path.join(data_dir, fn), encoding='utf-8') as f:
            for ln, line in enumerate(f, 1):
                line = line.split('#', 1)[0]
                line = clean_ws(line)
                if not line:
                    continue
                if len(fold(line).encode()) > KEY_MAX:
                    die('%s:%d: entry longer than %d bytes' % (fn, ln, KEY_MAX))
                entries.append(line)
        lists[stem] = entries
    for stem in LIST_FLAGS:
        if stem not in lists:
            die('%s/%s.txt is missing (LIST_FLAGS names it)' % (data_dir, stem))
    return lists


def dictionary():
    """Lower-case words of the English dictionary (wamerican, SCOWL): 'truth', 'camp', 'downing'.
    A capitalised run that starts with one of them and no given name is a thing, not a person
    ("Truth Social", "Camp Strava"). Words of one or two letters ('xi') and possessives are left
    out."""
    path = need(DICT)
    out = set()
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            w = line.strip()
            if len(w) >= 3 and re.fullmatch(r"[a-z][a-z'-]*", w) and not w.endswith("'s"):
                out.add(w)
    return sorted(out)


def bloom_mix(h):
    """The second hash of the Bloom filter, derived from the FNV-1a hash (lexicon.c does the same)."""
    h ^= h >> 16
    h = (h * 0x7feb352d) & 0xffffffff
    h ^= h >> 15
    h = (h * 0x846ca68b) & 0xffffffff
    h ^= h >> 16
    return h | 1


def bloom(words):
    bits = bytearray(BLOOM_BITS // 8)
    for w in words:
        h = fnv1a(w.encode('utf-8'))
        h2 = bloom_mix(h)
        for i in range(BLOOM_K):
            b = (h + i * h2) & (BLOOM_BITS - 1)
            bits[b >> 3] |= 1 << (b & 7)
    return bytes(bits)


# ---------------------------------------------------------------------------------------------
# Table

def fnv1a(b):
    h = 0x811c9dc5
    for c in b:
        h = ((h ^ c) * 0x01000193) & 0xffffffff
    return h


def c_string_lines(b, width=100):
    """b as adjacent C string literals, every byte outside printable ASCII (and '?', against
    trigraphs) as a 3-digit octal escape."""
    lines, cur = [], []
    n = 0
    for c in b:
        if 0x20 <= c < 0x7f and c not in (0x22, 0x5c, 0x3f):
            piece = chr(c)
        else:
            piece = '\\%03o' % c
        cur.append(piece)
        n += len(piece)
        if n >= width:
            lines.append('"' + ''.join(cur) + '"')
            cur, n = [], 0
    if cur or not lines:
        lines.append('"' + ''.join(cur) + '"')
    return lines


def build(entries, common_only):
    """entries: {key: [flags, female, given_rank]}, common_only: dictionary words not in entries
    -> (C source text, stats)"""
    keys = sorted(entries)
    kb = {k: k.encode('utf-8') for k in keys}
    for k in keys:
        if not kb[k] or len(kb[k]) > KEY_MAX:
            die('key %r: length %d out of range' % (k, len(kb[k])))
    # pool: keys in sorted order; a key that is a substring of the previous one is not shared
    # (kept simple and deterministic)
    pool = bytearray()
    off = {}
    for k in keys:
        off[k] = len(pool)
        pool += kb[k]
    if len(pool) >= 1 << 24:
        die('string pool over 16 MB')
    # distinct entry values
    vals = sorted({tuple(v) for v in entries.values()})
    vidx = {v: i for i, v in enumerate(vals)}
    if len(vals) > 0xffff:
        die('too many distinct entries')
    nslots = 2 * len(keys) + 1
    slots = [None] * nslots
    probes = 0
    maxprobe = 0
    for k in keys:
        h = fnv1a(kb[k])
        i = (h * nslots) >> 32
        d = 1
        while slots[i] is not None:
            i = i + 1 if i + 1 < nslots else 0
            d += 1
        slots[i] = ((off[k] << 8) | len(kb[k]), h & 0xffff, vidx[tuple(entries[k])])
        probes += d
        maxprobe = max(maxprobe, d)
    out = []
    w = out.append
    w('/* Generated by tools/gen_lexicon.py: do not edit. The word lexicon of src/people/lexicon.h,')
    w(' * from the Debian packages libtext-names-perl, unicode-cldr-core, libgeonames-common and wamerican')
    w(' * (SCOWL word lists, Copyright 2000-2011 by Kevin Atkinson; notice in SOURCES.md) and')
    w(' * the lists in src/people/data (sources and licences: src/people/data/SOURCES.md). */')
    w('#include "people/lexicon_data.h"')
    w('')
    for name, bit in FLAGS.items():
        w('_Static_assert(%s == %du, "gen_lexicon.py FLAGS and lexicon.h disagree on %s");' % (name, bit, name))
    w('')
    w('const uint32_t lex_nkeys = %du;' % len(keys))
    w('const uint32_t lex_nslots = %du;' % nslots)
    w('const uint32_t lex_key_max = %du;' % max(len(b) for b in kb.values()))
    w('')
    w('const lex_entry lex_entries[%d] = {' % len(vals))
    for i in range(0, len(vals), 8):
        w('    ' + ' '.join('{%d, %d, %d},' % v for v in vals[i:i + 8]))
    w('};')
    w('')
    w('const char lex_pool[%d] =' % (len(pool) + 1))
    for line in c_string_lines(bytes(pool)):
        w('    ' + line)
    w('    ;')
    w('')
    w('const lex_slot lex_slots[%d] = {' % nslots)
    row = []
    for s in slots:
        row.append('{0, 0, 0},' if s is None else '{0x%x, 0x%x, %d},' % s)
        if len(row) == 6:
            w('    ' + ' '.join(row))
            row = []
    if row:
        w('    ' + ' '.join(row))
    w('};')
    w('')
    bits = bloom(common_only)
    w('const uint32_t lex_bloom_bits = %du, lex_bloom_k = %du;' % (BLOOM_BITS, BLOOM_K))
    w('const uint8_t lex_bloom[%d] = {' % len(bits))
    for i in range(0, len(bits), 24):
        w('    ' + ' '.join('%d,' % b for b in bits[i:i + 24]))
    w('};')
    size = len(pool) + 1 + nslots * 8 + len(vals) * 4 + len(bits)
    stats = dict(keys=len(keys), slots=nslots, values=len(vals), pool=len(pool) + 1, bytes=size,
                 avg_probe=probes / len(keys), max_probe=maxprobe)
    return '\n'.join(out) + '\n', stats


def generate(data_dir, out_path):
    check_fold_rules()
    for src in SOURCES:
        need(src)
    entries = {}
    counts = {}

    def add(name, flag, fem_rank=None):
        k = key_of(name)
        if not k:
            return
        if len(k.encode()) > KEY_MAX:
            return
        e = entries.setdefault(k, [0, NOT_GIVEN[0], NOT_GIVEN[1]])
        e[0] |= FLAGS[flag]
        if fem_rank is not None:
            e[1], e[2] = fem_rank

    blocks = census_blocks(NAMES_PM[0])
    male, female = blocks['COMMON_MALE_FIRSTNAMES'], blocks['COMMON_FEMALE_FIRSTNAMES']
    gv = given_values(male, female)
    for n, v in gv.items():
        add(n, 'LEX_GIVEN', v)
    counts['given'] = len(gv)
    counts['male'] = len(male)
    counts['female'] = len(female)
    for n, _f, _r in blocks['COMMON_SURNAMES']:
        add(n, 'LEX_SURNAME')
    counts['surnames'] = len(blocks['COMMON_SURNAMES'])

    places = set()
    terr = cldr_territories()
    for n, country in terr:
        add(n, 'LEX_PLACE')
        places.add(key_of(n))
        if country:
            add(n, 'LEX_COUNTRY')
    counts['territories'] = len({key_of(n) for n, _ in terr})
    sub = cldr_subdivisions()
    for n in sub:
        add(n, 'LEX_PLACE')
        places.add(key_of(n))
    counts['subdivisions'] = len({key_of(n) for n in sub})
    cities = cldr_cities()
    for n in cities:
        add(n, 'LEX_PLACE')
        places.add(key_of(n))
    counts['tz_cities'] = len({key_of(n) for n in cities})
    geo = geonames()
    for n, country in geo:
        add(n, 'LEX_PLACE')
        places.add(key_of(n))
        if country:
            add(n, 'LEX_COUNTRY')
    counts['geonames'] = len({key_of(n) for n, _ in geo})

    lists = hand_lists(data_dir)
    for stem in sorted(lists):
        for n in lists[stem]:
            add(n, LIST_FLAGS[stem])
    not_names = {key_of(n) for n in lists.get('not_names', [])}

    common = dictionary()
    common_only = []
    for w in common:
        k = key_of(w)
        if k in entries:
            entries[k][0] |= FLAGS['LEX_COMMON']
        else:
            common_only.append(k)
    counts['common'] = len(common)

    src, st = build(entries, common_only)
    tmp = out_path + '.tmp'
    with open(tmp, 'w', encoding='ascii', newline='\n') as f:
        f.write(src)
    os.replace(tmp, out_path)
    lists_txt = ' '.join('%s %d' % (s, len(lists[s])) for s in sorted(lists))
    print('gen_lexicon: given %d (male %d, female %d), surnames %d, places %d (cldr territories %d, '
          'subdivisions %d, tz cities %d; geonames %d), countries %d; lists: %s; %d keys in %d slots '
          '(probe avg %.2f max %d), %d bytes (pool %d); places also in not_names: %d; dictionary words %d'
          % (counts['given'], counts['male'], counts['female'], counts['surnames'], len(places),
             counts['territories'], counts['subdivisions'], counts['tz_cities'], counts['geonames'],
             sum(1 for e in entries.values() if e[0] & FLAGS['LEX_COUNTRY']), lists_txt,
             st['keys'], st['slots'], st['avg_probe'], st['max_probe'], st['bytes'], st['pool'],
             len(places & not_names), counts['common']), file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Folding test vectors: every code point of U+0001..U+07FF and a sample beyond, alone and after
# a capital, plus space runs; each as (input, folded) C string literals.

def c_lit(b):
    return ''.join(c_string_lines(b, width=1 << 30))


def fold_vectors(out_path):
    check_fold_rules()
    cps = [cp for cp in range(1, 0x800)]
    cps += [0x1E00, 0x1E9E, 0x1EA0, 0x1EF9, 0x2013, 0x2019, 0x20AC, 0x3042, 0xFEFF, 0xFFFD, 0x1F600, 0x10400]
    cases = []
    for cp in cps:
        s = chr(cp)
        cases.append(s)
        cases.append('A' + s + '\u00c9')
    cases += ['NEW  DELHI', 'New\u00a0Delhi', 'New \u00a0 \u00a0Delhi', '  Lead', 'Trail  ', '\u00a0',
              'K\u0158\u00cd\u017d', '\u0130STANBUL', '\u0178VES', 'J\u00d6NK\u00d6PING', '\u00d7\u00df\u00de\u00f7',
              '\u0141\u00d3D\u0179', 'Z\u00dcRICH', 'Mix\u00a0 \u00a0 ed']
    out = ['/* Generated by tools/gen_lexicon.py --fold-vectors: the folding of gen_lexicon.py, for',
           ' * tests/test_lexicon.c to hold lex_fold() to. */',
           'static const struct { const char *in, *out; } fold_vectors[] = {']
    for s in cases:
        out.append('    {%s, %s},' % (c_lit(s.encode('utf-8')), c_lit(fold(s).encode('utf-8'))))
    out.append('};')
    tmp = out_path + '.tmp'
    with open(tmp, 'w', encoding='ascii', newline='\n') as f:
        f.write('\n'.join(out) + '\n')
    os.replace(tmp, out_path)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    data_dir = os.path.join(here, '..', 'src', 'people', 'data')
    args = argv[1:]
    if args[:1] == ['--fold-vectors'] and len(args) == 2:
        fold_vectors(args[1])
        return
    if args[:1] == ['--data'] and len(args) >= 2:
        data_dir = args[1]
        args = args[2:]
    if len(args) != 1 or args[0].startswith('-'):
        die('usage: gen_lexicon.py [--data DIR] OUT.c | --fold-vectors OUT.h')
    generate(data_dir, args[0])


if __name__ == '__main__':
    main(sys.argv)
