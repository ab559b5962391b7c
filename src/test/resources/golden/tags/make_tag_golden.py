#!/usr/bin/env python3
"""Golden data for compare --by tag:NAME: untagged (a) vs tagged (b) repositories on a known split.

Run from anywhere (NumPy and SciPy as for ../make_golden.py, whose statistics this reuses):

    python3 src/test/resources/golden/tags/make_tag_golden.py

It reads ../small.csv, picks a fixed set of repositories to tag by hand (seeded), and writes tagged.txt (one
PLATFORM:FULL_NAME per line) and expected.json next to itself. Cases: the hand-tagged split over all repositories,
the same within Hugging Face only (--where platform=huggingface), and a split made by a rule, which this script
evaluates on its own (so the test also checks the rule's SQL). The JUnit test (TagCompareGoldenTest) tags the
repositories through the command line and compares every figure; it never runs Python.
"""
import csv
import json
import os
import sys

import numpy as np
import scipy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import make_golden as g  # noqa: E402

TAG = 'Compute requirements'
RULE = "commits > 20 OR (platform = huggingface AND likes >= 2)"


def rows_with_names():
    with open(os.path.join(HERE, '..', 'small.csv'), newline='') as f:
        rows = []
        for r in csv.DictReader(f):
            row = {'platform': r['platform'], 'repo_type': r['repo_type'], 'full_name': r['full_name'],
                   'created_at': r['created_at'] or None}
            for c in g.COUNT_COLUMNS:
                row[c] = None if r[c] == '' else int(r[c])
            rows.append(row)
        return rows


def rule_matches(r):
    """commits > 20 OR (platform = huggingface AND likes >= 2), with SQL's unknowns: NULL never matches."""
    commits = r['commits'] is not None and r['commits'] > 20
    liked = r['platform'] == 'huggingface' and r['likes'] is not None and r['likes'] >= 2
    return commits or liked


def case(name, rows, tagged, where=None, rule=None):
    keep = [r for r in rows if not where or all(r[k] in vs for k, vs in where.items())]
    a = [r for r in keep if (r['platform'], r['full_name']) not in tagged]
    b = [r for r in keep if (r['platform'], r['full_name']) in tagged]
    return {'name': name, 'by': 'tag:' + TAG, 'rule': rule,
            'where': [f'{k}={v}' for k, vs in (where or {}).items() for v in vs],
            'tagged': len(tagged), 'untagged_compared': len(a), 'tagged_compared': len(b),
            'expected': {'group_by': 'tag:' + TAG, 'groups': ['untagged', TAG],
                         'metrics': g.compare(a, b, True, False)}}


def main():
    rows = rows_with_names()
    rng = np.random.default_rng(1212)
    picked = sorted(np.flatnonzero(rng.random(len(rows)) < 0.35).tolist())
    hand = {(rows[i]['platform'], rows[i]['full_name']) for i in picked}
    with open(os.path.join(HERE, 'tagged.txt'), 'w') as f:
        for i in picked:
            f.write(f"{rows[i]['platform']}:{rows[i]['full_name']}\n")
    by_rule = {(r['platform'], r['full_name']) for r in rows if rule_matches(r)}
    cases = [
        case('small, hand-tagged', rows, hand),
        case('small, hand-tagged, Hugging Face only', rows, hand, where={'platform': ['huggingface']}),
        case('small, tagged by rule', rows, by_rule, rule=RULE),
    ]
    doc = {'generator': {'script': 'make_tag_golden.py', 'python': sys.version.split()[0], 'numpy': np.__version__,
                         'scipy': scipy.__version__},
           'input': 'small.csv', 'tag': TAG, 'cases': cases}
    with open(os.path.join(HERE, 'expected.json'), 'w') as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write('\n')
    for c in cases:
        print(f"{c['name']}: {c['tagged_compared']} tagged vs {c['untagged_compared']} untagged compared")


if __name__ == '__main__':
    main()
