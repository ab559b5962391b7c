#!/usr/bin/python3
"""Golden test data for the agreement of three or more coders and for unitizing alpha (alpha_u).

Run with Debian's Python and NumPy (not a pyenv interpreter):

    /usr/bin/python3 src/test/resources/golden/agreement/make_multicoder_golden.py

It writes multicoder_expected.json next to itself. The reference is independent of the Java code on purpose:
- unit membership is found by brute force (a boolean per character; an overlap test of every coding against every
  paragraph), giving a coders x units 0/1 reliability matrix per code;
- Krippendorff's alpha (nominal) is the general coincidence-matrix formula on that matrix, Fleiss' kappa the
  general subjects x categories formula, Cohen's kappa comes from each pair's confusion matrix; "overall" joins the
  matrices of all codes side by side (each (unit, code) a unit);
- alpha_u follows DKPro Statistics 2.2.1's KrippendorffAlphaUnitizingAgreement literally: every coder's tiling of
  the continuum into its units and gaps, DKPro's measureDistance over every pair of segments of every pair of
  coders (O(n^2)), and its expected disagreement term by term, all in exact fractions; overall is 1 - mean D_o /
  mean D_e over the codes in codebook order. The continuum is the transcripts in the order of their names (Python
  compares strings by code point) then ids, each coder's overlapping or touching codings of a code merged within
  each transcript (ADR 0090).

Two parts:
- "project": three coders (Ana, Ben, Cai) on five transcripts with emoji and CJK text, two whose names sort
  differently by code point than by UTF-16 unit; codings that touch and overlap within a transcript and that touch
  across the boundary of two transcripts. MultiCoderGoldenTest builds this as a real
  project file and also runs DKPro Statistics on the continuum units listed here.
- "cases": random situations of 3 to 5 coders over 1 to 3 transcripts (some names equal, some codings past the end
  of the text), fed to the core calculator directly.
"""
import json
import os
from fractions import Fraction

import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from make_agreement_golden import kappa as cohen_kappa  # noqa: E402  Cohen's kappa from the confusion matrix


# ---------------------------------------------------------------------------------------------------------------------
# Reliability figures from a 0/1 matrix (coders x units)
# ---------------------------------------------------------------------------------------------------------------------

def kripp_alpha_nominal(data):
    """Krippendorff's alpha, nominal, from the coincidence matrix; no missing values here. None when undefined."""
    data = np.asarray(data, dtype=int)
    values = [0, 1]
    o = np.zeros((2, 2))
    m = data.shape[0]
    for u in range(data.shape[1]):
        counts = np.array([np.sum(data[:, u] == v) for v in values], dtype=float)
        o += (np.outer(counts, counts) - np.diag(counts)) / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n <= 1:
        return None
    observed = o[0, 1] + o[1, 0]
    expected = 2 * n_c[0] * n_c[1]
    if expected == 0:
        return None
    return float(1 - (n - 1) * observed / expected)


def fleiss_kappa(data):
    """Fleiss' kappa over subjects = units, categories = coded or not. None when undefined."""
    data = np.asarray(data, dtype=int)
    m, units = data.shape
    if units == 0:
        return None
    coded = data.sum(axis=0)
    table = np.stack([m - coded, coded], axis=1).astype(float)
    p_j = table.sum(axis=0) / (units * m)
    p_i = ((table * table).sum(axis=1) - m) / (m * (m - 1))
    p_bar = p_i.mean()
    p_e = float((p_j * p_j).sum())
    if p_e == 1:
        return None
    return float((p_bar - p_e) / (1 - p_e))


def figures(data, alpha_u):
    data = np.asarray(data, dtype=int).reshape(len(data), -1)
    m, units = data.shape
    all_agree = int(np.sum((data.sum(axis=0) == 0) | (data.sum(axis=0) == m)))
    pairs = []
    for i in range(m):
        for j in range(i + 1, m):
            a, b = data[i], data[j]
            pairs.append({
                'coders': [i, j],
                'both': int(np.sum((a == 1) & (b == 1))),
                'a_only': int(np.sum((a == 1) & (b == 0))),
                'b_only': int(np.sum((a == 0) & (b == 1))),
                'neither': int(np.sum((a == 0) & (b == 0))),
                'kappa': cohen_kappa(a.tolist(), b.tolist()),
                'percent_agreement': None if units == 0 else float(100.0 * np.mean(a == b)),
            })
    return {
        'units': int(units),
        'percent_agreement': None if units == 0 else float(100.0 * all_agree / units),
        'alpha': kripp_alpha_nominal(data),
        'fleiss_kappa': fleiss_kappa(data),
        'alpha_u': alpha_u,
        'pairs': pairs,
    }


# ---------------------------------------------------------------------------------------------------------------------
# Unitizing alpha as DKPro Statistics 2.2.1 computes it (exact fractions, O(n^2))
# ---------------------------------------------------------------------------------------------------------------------

def measure_distance(b1, l1, c1, b2, l2, c2):
    """DKPro's KrippendorffAlphaUnitizingAgreement.measureDistance."""
    begin_diff = b1 - b2
    length_diff = l1 - l2
    if c1 is not None and c2 is not None and -l1 < begin_diff < l2:
        return begin_diff * begin_diff + (begin_diff + length_diff) ** 2
    if c1 is not None and c2 is None and -length_diff >= begin_diff >= 0:
        return l1 * l1
    if c1 is None and c2 is not None and -length_diff <= begin_diff <= 0:
        return l2 * l2
    return 0


def tiling(units, length):
    """A coder's segments covering [0, length): its units (begin, length, True) and the gaps between them."""
    segments = []
    position = 0
    for b, l in units:
        if b > position:
            segments.append((position, b - position, None))
        segments.append((b, l, True))
        position = b + l
    if length > position:
        segments.append((position, length - position, None))
    return segments


def unitizing_category(per_coder, length):
    """(D_o, D_e) of one code: per_coder[r] = coder r's sorted, disjoint units (begin, length)."""
    m = len(per_coder)
    tilings = [tiling(units, length) for units in per_coder]
    s = 0
    for r1 in range(m):
        for r2 in range(r1 + 1, m):
            for s1 in tilings[r1]:
                for s2 in tilings[r2]:
                    s += measure_distance(*s1, *s2)
    observed = Fraction(2 * s, m * (m - 1) * length * length)
    lengths = [l for units in per_coder for (_, l) in units]
    count = len(lengths)
    squared = sum(l * (l - 1) for l in lengths)
    gaps = [l for t in tilings for (_, l, c) in t if c is None]
    total = Fraction(0)
    for l in lengths:
        total += Fraction((count - 1) * (2 * l ** 3 - 3 * l ** 2 + l), 3)
        total += l * l * sum(g - l + 1 for g in gaps if g >= l)
    expected = total * Fraction(2, length) / (m * length * (m * length - 1) - squared)
    return observed, expected


def alpha_of(observed, expected):
    return 0.0 if observed == expected else float(1 - observed / expected)


def merge(ranges, length):
    """Union of [start, end) ranges clipped to [0, length), overlapping AND touching ones joined."""
    out = []
    for s, e in sorted(ranges):
        s, e = max(s, 0), min(e, length)
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def continuum(transcripts, codings, coders, code):
    """Per coder the merged units of `code` on the continuum, and its length; transcripts in (name, id) order."""
    per_coder = [[] for _ in range(coders)]
    offset = 0
    for t in sorted(transcripts, key=lambda t: (t['name'], t['id'])):
        for r in range(coders):
            mine = [(s, e) for (c, tid, k, s, e) in codings if c == r and tid == t['id'] and k == code]
            per_coder[r].extend((offset + s, e - s) for s, e in merge(mine, t['length']))
        offset += t['length']
    return per_coder, offset


# ---------------------------------------------------------------------------------------------------------------------
# Units and the whole computation
# ---------------------------------------------------------------------------------------------------------------------

def paragraphs(text):
    """Lines, trimmed of white space; blank ones dropped: (start, end) in code points (Python str indices)."""
    units = []
    start = 0
    for line in text.split('\n'):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            units.append((start + lead, start + lead + len(stripped)))
        start += len(line) + 1
    return units


def matrix(transcript, codings, coders, code, unit_kind):
    """coders x units 0/1: does any of the coder's codings with `code` touch the unit?"""
    rows = []
    for r in range(coders):
        mine = [(s, e) for (c, tid, k, s, e) in codings if c == r and tid == transcript['id'] and k == code]
        if unit_kind == 'character':
            coded = np.zeros(transcript['length'], dtype=int)
            for s, e in mine:
                coded[max(s, 0):min(e, transcript['length'])] = 1
            rows.append(coded.tolist())
        else:
            rows.append([int(any(cs < e and s < ce for cs, ce in mine)) for s, e in transcript['units']])
    return rows


def agreement(transcripts, codings, coders, codes, unit_kind):
    """Per code (codebook order, codes some coder applied) and overall, for these transcripts as the continuum."""
    ids = {t['id'] for t in transcripts}
    here = [c for c in codings if c[1] in ids]
    used = [code for code in codes if any(c[2] == code for c in here)]
    rows = []
    joined = [[] for _ in range(coders)]
    disagreements = []
    for code in used:
        data = [[] for _ in range(coders)]
        for t in sorted(transcripts, key=lambda t: t['id']):
            for r, row in enumerate(matrix(t, here, coders, code, unit_kind)):
                data[r].extend(row)
        per_coder, length = continuum(transcripts, here, coders, code)
        if any(per_coder):
            observed, expected = unitizing_category(per_coder, length)
            disagreements.append((observed, expected))
            alpha_u = alpha_of(observed, expected)
        else:
            alpha_u = None
        row = {'code': code}
        row.update(figures(data, alpha_u))
        rows.append(row)
        for r in range(coders):
            joined[r].extend(data[r])
    overall_u = None
    if disagreements:
        overall_u = alpha_of(sum(d[0] for d in disagreements) / len(disagreements),
                             sum(d[1] for d in disagreements) / len(disagreements))
    return {'codes': rows, 'overall': figures(joined, overall_u)}


def expected_figures(transcripts, codings, coders, codes, unit_kind):
    result = agreement(transcripts, codings, coders, codes, unit_kind)
    result['transcripts'] = []
    for t in sorted(transcripts, key=lambda t: (t['name'], t['id'])):
        one = agreement([t], codings, coders, codes, unit_kind)
        one['transcript'] = t['name']
        result['transcripts'].append(one)
    return result


# ---------------------------------------------------------------------------------------------------------------------
# The three-coder project
# ---------------------------------------------------------------------------------------------------------------------

TEXTS = [
    # "P02 ｆollow-up" (U+FF46) sorts before "P02 😀 follow-up" (U+1F600) by code point, after it by UTF-16 unit.
    # The fifth is named as the app names a second import of the same name; it follows the first on the continuum.
    ('P01 interview', 'Interviewer: Why GPUs? 😀\nP1: 計算資源が足りない。Compute is scarce.\n'
                      'P1: Data 🚀 is closed; licences vary.\n'),
    ('P02 😀 follow-up', 'P2: モデルの重み 🤖 are open.\nP2: Docs 📄 lag behind the code.\n'),
    ('P02 ｆollow-up', 'P3: 数据 access 🔒 matters.\n\nP3: Reviews take long. 👍\n'),
    ('P04 nobody', 'Nobody codes this one.\n'),
    ('P01 interview (2)', 'Interviewer: A second session.\nP1: 再び 🔁 compute.'),
]
CODERS = ['Ana', 'Ben', 'Cai']
CODES = ['Compute', 'Data access', 'Documentation']


def find(text, phrase, occurrence=0):
    """The code point offsets of a phrase (Python indexes strings by code point)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def project_codings(texts):
    """(coder, transcript id, code index, start, end): touching and overlapping within and across transcripts."""
    t1, t2, t3, _, t5 = (text for _, text in texts)
    codings = []

    def code(coder, tid, code_index, span):
        codings.append((CODERS.index(coder), tid, code_index, span[0], span[1]))

    compute, data, docs = 0, 1, 2
    # Compute in P01 (id 1): Ana one span; Ben two touching spans that cover the same; Cai an overlapping pair.
    s, e = find(t1, '計算資源が足りない。Compute is scarce.')
    code('Ana', 1, compute, (s, e))
    code('Ben', 1, compute, (s, s + 5))
    code('Ben', 1, compute, (s + 5, e))
    code('Cai', 1, compute, (s + 2, s + 12))
    code('Cai', 1, compute, (s + 8, e - 3))
    code('Ana', 1, compute, find(t1, 'Why GPUs? 😀'))
    # "P01 interview (2)" (id 5) ends with compute; Ana codes to its very end, and P02 ｆollow-up (id 3)
    # follows it on the continuum: her coding at its start touches across the boundary and stays a unit of its own.
    code('Ana', 5, compute, (find(t5, '再び')[0], len(t5)))
    code('Ben', 5, compute, find(t5, 'compute.'))
    code('Ana', 3, compute, (0, 10))
    code('Cai', 3, compute, (0, 4))
    # Data access: everyone in P01 with different extents; Ben and Cai in P02 ｆollow-up; overlapping triples.
    s, e = find(t1, 'Data 🚀 is closed; licences vary.')
    code('Ana', 1, data, (s, e))
    code('Ben', 1, data, (s, s + 17))
    code('Ben', 1, data, (s + 10, e))
    code('Cai', 1, data, (s + 5, e - 2))
    s, e = find(t3, '数据 access 🔒 matters.')
    code('Ben', 3, data, (s, e))
    code('Cai', 3, data, (s, s + 9))
    code('Cai', 3, data, (s + 9, e))
    code('Cai', 3, data, (s + 3, s + 12))
    # Documentation: only Cai and Ben, in P02 😀 follow-up, Cai's to its very end; Ana never uses it.
    s, e = find(t2, 'Docs 📄 lag behind the code.')
    code('Ben', 2, docs, (s, e))
    code('Cai', 2, docs, (s + 5, len(t2)))
    code('Cai', 2, docs, find(t2, 'モデルの重み 🤖'))
    return codings


def project():
    transcripts = []
    for tid, (name, text) in enumerate(TEXTS, start=1):
        transcripts.append({'id': tid, 'name': name, 'text': text, 'length': len(text), 'units': paragraphs(text)})
    codings = project_codings(TEXTS)
    codes = list(range(len(CODES)))
    continuum_units = []
    for code in codes:
        per_coder, length = continuum(transcripts, codings, len(CODERS), code)
        for r, units in enumerate(per_coder):
            continuum_units.extend([b, l, r, code] for b, l in units)
    return {
        'coders': CODERS,
        'codes': CODES,
        'transcripts': [{'name': t['name'], 'text': t['text']} for t in transcripts],
        'codings': [list(c) for c in codings],
        'continuum': {'length': sum(t['length'] for t in transcripts), 'units': continuum_units},
        'expected': {kind: expected_figures(transcripts, codings, len(CODERS), codes, kind)
                     for kind in ('character', 'paragraph')},
    }


# ---------------------------------------------------------------------------------------------------------------------
# Random cases
# ---------------------------------------------------------------------------------------------------------------------

def random_case(rng, index):
    coders = int(rng.integers(3, 6))
    transcripts = []
    for tid in range(1, int(rng.integers(1, 4)) + 1):
        transcripts.append({'id': tid, 'name': 'T%d' % int(rng.integers(0, 3)), 'length': int(rng.integers(20, 300)),
                            'units': None})
    codes = list(range(int(rng.integers(1, 4))))
    codings = []
    for t in transcripts:
        for code in codes:
            base = []
            for _ in range(int(rng.integers(0, 5))):
                start = int(rng.integers(0, t['length'] - 1))
                base.append((start, int(min(t['length'] + 5, start + rng.integers(1, 40)))))
            for r in range(coders):
                if rng.random() < 0.15:
                    continue
                for s, e in base:
                    # Each coder near the common spans, some touching or overlapping their own others.
                    s2 = max(0, s + int(rng.integers(-4, 5)))
                    e2 = max(s2 + 1, e + int(rng.integers(-4, 5)))
                    codings.append((r, t['id'], code, s2, e2))
                    if rng.random() < 0.2:
                        codings.append((r, t['id'], code, e2, e2 + int(rng.integers(1, 6))))
    return {
        'name': 'case-%02d' % index,
        'coders': coders,
        'transcripts': [{'id': t['id'], 'name': t['name'], 'length': t['length']} for t in transcripts],
        'codes': codes,
        'codings': [list(c) for c in codings],
        'expected': expected_figures(transcripts, codings, coders, codes, 'character'),
    }


def main():
    rng = np.random.default_rng(20260120)
    document = {
        'generator': 'make_multicoder_golden.py with NumPy ' + np.__version__,
        'project': project(),
        'cases': [random_case(rng, i) for i in range(16)],
    }
    with open(os.path.join(HERE, 'multicoder_expected.json'), 'w', encoding='utf-8') as out:
        out.write('{"generator": %s,\n"project": %s,\n"cases": [\n' % (
            json.dumps(document['generator']), json.dumps(document['project'], ensure_ascii=False)))
        out.write(',\n'.join(json.dumps(case, separators=(',', ':')) for case in document['cases']))
        out.write('\n]}\n')
    print('wrote the project and %d cases' % len(document['cases']))


if __name__ == '__main__':
    main()
