#!/usr/bin/env python3
"""Golden test data for inter-coder agreement: random coding situations and the figures an independent,
deliberately naive implementation computes for them.

Run from anywhere (NumPy 2.x was used; see expected.json's "generator"):

    python3 src/test/resources/golden/agreement/make_agreement_golden.py

It writes expected.json next to itself. The reference is independent of the Java code on purpose:
- unit membership is found by brute force (a boolean per character, or an overlap test of every coding against
  every unit), not by interval arithmetic or binary search;
- Cohen's kappa comes from the confusion matrix of the two label vectors (po and pe from the marginals);
- Krippendorff's alpha is the general nominal formula on the coincidence matrix of a reliability data matrix
  (coders x units), not the closed form for two coders and two values;
- "overall" concatenates the label vectors of all (unit, code) pairs before computing the same figures.
The JUnit test (AgreementGoldenTest) feeds the same transcripts, units and codings to the Java calculator and
compares every count exactly and every figure to 1e-12; it never runs Python.
"""
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def kappa(a, b):
    """Cohen's kappa of two binary label vectors; None when pe == 1."""
    a = np.asarray(a, dtype=int)
    b = np.asarray(b, dtype=int)
    n = len(a)
    if n == 0:
        return None
    matrix = np.zeros((2, 2))
    for x, y in zip(a, b):
        matrix[x, y] += 1
    po = np.trace(matrix) / n
    pe = float(np.sum(matrix.sum(axis=1) * matrix.sum(axis=0))) / (n * n)
    if pe == 1.0:
        return None
    return float((po - pe) / (1 - pe))


def alpha(a, b):
    """Krippendorff's alpha (nominal) from the coincidence matrix of the 2 x N reliability data."""
    data = np.vstack([np.asarray(a, dtype=int), np.asarray(b, dtype=int)])
    values = [0, 1]
    coincidence = np.zeros((2, 2))
    for u in range(data.shape[1]):
        column = data[:, u]
        m = len(column)
        for i in range(m):
            for j in range(m):
                if i != j:
                    coincidence[values.index(column[i]), values.index(column[j])] += 1.0 / (m - 1)
    n_c = coincidence.sum(axis=1)
    n = n_c.sum()
    observed = sum(coincidence[c, k] for c in range(2) for k in range(2) if c != k)
    expected = sum(n_c[c] * n_c[k] for c in range(2) for k in range(2) if c != k)
    if n == 0 or expected == 0:
        return None
    return float(1 - (n - 1) * observed / expected)


def percent(a, b):
    if len(a) == 0:
        return None
    return float(100.0 * np.mean(np.asarray(a) == np.asarray(b)))


def labels(transcripts, codings, code, unit_kind):
    """One 0/1 label per unit of every transcript: does any of the coder's codings with `code` touch the unit?"""
    out = []
    for t in transcripts:
        mine = [c for c in codings if c[0] == t['id'] and c[1] == code]
        if unit_kind == 'character':
            coded = np.zeros(t['length'], dtype=int)
            for _, _, s, e in mine:
                coded[s:e] = 1
            out.extend(coded.tolist())
        else:
            for s, e in t['units']:
                out.append(int(any(cs < e and s < ce for _, _, cs, ce in mine)))
    return out


def figures(a, b):
    a = np.asarray(a, dtype=int)
    b = np.asarray(b, dtype=int)
    return {
        'units': int(len(a)),
        'both': int(np.sum((a == 1) & (b == 1))),
        'a_only': int(np.sum((a == 1) & (b == 0))),
        'b_only': int(np.sum((a == 0) & (b == 1))),
        'neither': int(np.sum((a == 0) & (b == 0))),
        'percent_agreement': percent(a, b),
        'kappa': kappa(a, b),
        'alpha': alpha(a, b),
    }


def random_units(rng, length):
    units = []
    position = int(rng.integers(0, 3))
    while position < length:
        size = int(rng.integers(1, 25))
        end = min(length, position + size)
        units.append([position, end])
        position = end + int(rng.integers(0, 4))
    return units


def random_codings(rng, transcripts, codes, count_range):
    codings = []
    for t in transcripts:
        for code in codes:
            for _ in range(int(rng.integers(*count_range))):
                start = int(rng.integers(0, t['length'] - 1))
                end = int(min(t['length'], start + rng.integers(1, max(2, t['length'] // 3))))
                codings.append([t['id'], code, start, end])
    return codings


def make_case(name, rng, unit_kind, variant):
    transcripts = []
    for tid in range(1, int(rng.integers(1, 5)) + 1):
        length = int(rng.integers(30, 400))
        transcripts.append({'id': tid, 'length': length,
                            'units': random_units(rng, length) if unit_kind == 'units' else None})
    codes = list(range(1, int(rng.integers(1, 5)) + 1))
    codings_a = random_codings(rng, transcripts, codes, (0, 6))
    if variant == 'identical':
        codings_b = [list(c) for c in codings_a]
    elif variant == 'silent_b':
        codings_b = []
    elif variant == 'whole':
        # Both coders code every transcript entirely with code 1 (kappa and alpha undefined), and A adds code 2.
        codings_a = [[t['id'], 1, 0, t['length']] for t in transcripts] + [[transcripts[0]['id'], 2, 0, 5]]
        codings_b = [[t['id'], 1, 0, t['length']] for t in transcripts]
    elif variant == 'shifted':
        codings_b = [[t, c, min(s + 2, e - 1), e] for t, c, s, e in codings_a if e - s > 1]
    else:
        codings_b = random_codings(rng, transcripts, codes, (0, 6))
    used = sorted({c[1] for c in codings_a} | {c[1] for c in codings_b})
    rows = []
    pooled_a, pooled_b = [], []
    for code in used:
        la = labels(transcripts, codings_a, code, unit_kind)
        lb = labels(transcripts, codings_b, code, unit_kind)
        row = {'code': code}
        row.update(figures(la, lb))
        rows.append(row)
        pooled_a.extend(la)
        pooled_b.extend(lb)
    overall = figures(pooled_a, pooled_b)
    return {
        'name': name,
        'unit': unit_kind,
        'transcripts': transcripts,
        'codes': codes,
        'codings_a': codings_a,
        'codings_b': codings_b,
        'expected': {'codes': rows, 'overall': {k: overall[k] for k in ('percent_agreement', 'kappa', 'alpha')}},
    }


def main():
    rng = np.random.default_rng(20260115)
    cases = []
    for i in range(40):
        unit_kind = 'character' if i % 2 == 0 else 'units'
        variant = ['random', 'random', 'random', 'identical', 'silent_b', 'shifted'][i % 6]
        cases.append(make_case('case-%02d-%s-%s' % (i, unit_kind, variant), rng, unit_kind, variant))
    cases.append(make_case('case-40-character-whole', rng, 'character', 'whole'))
    cases.append(make_case('case-41-units-whole', rng, 'units', 'whole'))
    document = {
        'generator': 'make_agreement_golden.py with NumPy ' + np.__version__,
        'cases': cases,
    }
    with open(os.path.join(HERE, 'expected.json'), 'w', encoding='utf-8') as out:
        # One case per line: small, and a diff still shows which case changed.
        out.write('{"generator": %s, "cases": [\n' % json.dumps(document['generator']))
        out.write(',\n'.join(json.dumps(case, separators=(',', ':')) for case in document['cases']))
        out.write('\n]}\n')
    print('wrote %d cases' % len(cases))


if __name__ == '__main__':
    main()
