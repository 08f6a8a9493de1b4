"""The Python tests' harness: check() records failures and keeps going; done() prints
"NAME: N passed, N failed" and exits nonzero on failure (the same contract as test_util.h)."""
import sys

_counts = {'ok': 0, 'failed': 0}


def check(name, cond):
    if cond:
        _counts['ok'] += 1
    else:
        _counts['failed'] += 1
        print('FAILED:', name, file=sys.stderr)


def done(test):
    print(f"{test}: {_counts['ok']} passed, {_counts['failed']} failed")
    sys.exit(1 if _counts['failed'] else 0)
