#!/usr/bin/python3
"""Every line of a JSONL file is one record in strict UTF-8 that parses as JSON, whose strings hold no
NUL and no lone surrogate (what a half-cut character or a stray byte turns into).

usage: strict_records.py FILE.jsonl   -> prints "N records, M bad" and the first bad ones; exit 1 if any"""
import json, sys


def bad_string(v):
    if isinstance(v, str):
        return '\0' in v or any(0xD800 <= ord(c) <= 0xDFFF for c in v)
    if isinstance(v, list):
        return any(bad_string(x) for x in v)
    if isinstance(v, dict):
        return any(bad_string(x) for x in v.values())
    return False


def main():
    n, bad = 0, []
    with open(sys.argv[1], 'rb') as f:
        for line in f:
            n += 1
            try:
                r = json.loads(line.decode('utf-8', 'strict'))
                if bad_string(r):
                    raise ValueError('NUL or lone surrogate in a string')
            except ValueError as e:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
                src = line[:2000].split(b'"source":"', 1)[-1].split(b'"', 1)[0].decode('utf-8', 'replace')
                bad.append(f'{src}: {e}')
    print(f'{n} records, {len(bad)} bad')
    for b in bad[:10]:
        print('  ' + b)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
