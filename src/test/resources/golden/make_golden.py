#!/usr/bin/env python3
"""Golden test data for the compare feature: input samples and the figures NumPy/SciPy compute for them.

Run from anywhere (NumPy 2.x and SciPy 1.1x were used; see expected.json's "generator"):

    python3 src/test/resources/golden/make_golden.py

It writes the samples (*.csv, the study's canonical columns, empty cell = NULL) and expected.json next to itself.
This is an independent reference implementation: plain NumPy arrays of the raw values, numpy.mean/median/percentile,
scipy.stats.mannwhitneyu / chi2_contingency, Cliff's delta from the full dominance matrix (or searchsorted for the
large sample), and a brute-force bootstrap. The JUnit tests (GoldenComparisonTest) read the CSVs into a real project
and compare every figure with expected.json; they never run Python.
"""
import csv
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ['platform', 'repo_type', 'full_name', 'created_at', 'contributors', 'commits', 'pull_requests',
           'merged_pull_requests', 'issues', 'discussions', 'stars', 'forks', 'downloads', 'likes', 'derivatives']
COUNT_COLUMNS = COLUMNS[4:]

# metric, dimension, kind: BRIEF section 3, in the order the workbench reports them.
METRICS = [
    ('contributors', 'collaboration_intensity', 'numeric'),
    ('commits', 'collaboration_intensity', 'numeric'),
    ('commits_per_contributor', 'collaboration_intensity', 'numeric'),
    ('multi_contributor', 'collaboration_intensity', 'share'),
    ('pull_requests', 'collaboration_openness', 'numeric'),
    ('pr_acceptance_rate', 'collaboration_openness', 'numeric'),
    ('has_pull_requests', 'collaboration_openness', 'share'),
    ('knowledge_threads', 'knowledge_exchange', 'numeric'),
    ('has_knowledge_threads', 'knowledge_exchange', 'share'),
    ('derivatives', 'user_innovation', 'numeric'),
    ('has_derivatives', 'user_innovation', 'share'),
    ('endorsements', 'popularity', 'numeric'),
]
BOOTSTRAP_REFERENCE_RESAMPLES = 4000


# ---------------------------------------------------------------------------------------------------------------
# Samples

def dates(rng, n, start, end, null_frac):
    s = np.datetime64(start, 's').astype(np.int64)
    e = np.datetime64(end, 's').astype(np.int64)
    t = rng.integers(s, e, n).astype('datetime64[s]')
    out = [str(x) + 'Z' for x in np.datetime_as_string(t, unit='s')]
    for i in np.flatnonzero(rng.random(n) < null_frac):
        out[i] = None
    return out


def heavy(rng, n, zero_frac, a, scale):
    v = np.floor(scale * rng.pareto(a, n)).astype(np.int64)
    v[rng.random(n) < zero_frac] = 0
    return v


def with_nulls(rng, values, frac):
    out = [int(v) for v in values]
    for i in np.flatnonzero(rng.random(len(out)) < frac):
        out[i] = None
    return out


def github_rows(rng, n, shift=0.0):
    contributors = 1 + heavy(rng, n, 0.0, 1.6, 1.5 + shift)
    contributors[rng.random(n) < 0.04] = 0
    commits = np.where(contributors == 0, 0,
                       np.floor(contributors * (1 + rng.lognormal(2.0 + shift, 1.2, n))).astype(np.int64))
    prs = heavy(rng, n, 0.55, 1.3, 2.0 + shift)
    merged = rng.binomial(prs, rng.uniform(0.3, 0.95, n))
    issues = heavy(rng, n, 0.5, 1.2, 3.0 + shift)
    stars = heavy(rng, n, 0.3, 0.9, 1.0 + shift)
    forks = np.floor(stars * rng.uniform(0, 0.3, n)).astype(np.int64)
    cols = {
        'contributors': with_nulls(rng, contributors, 0.03), 'commits': with_nulls(rng, commits, 0.03),
        'pull_requests': with_nulls(rng, prs, 0.02), 'issues': with_nulls(rng, issues, 0.02),
        'stars': with_nulls(rng, stars, 0.01), 'forks': with_nulls(rng, forks, 0.01),
    }
    merged_list = [None if p is None else int(m) for p, m in zip(cols['pull_requests'], merged)]
    for i in np.flatnonzero(rng.random(n) < 0.02):
        merged_list[i] = None
    cols['merged_pull_requests'] = merged_list
    created = dates(rng, n, '2008-02-01', '2025-12-31', 0.05)
    return [dict(platform='github', repo_type='code', created_at=created[i],
                 **{c: cols[c][i] for c in cols}) for i in range(n)]


def huggingface_rows(rng, n, shift=0.0):
    types = rng.choice(np.array(['model', 'dataset', 'space']), n, p=[0.6, 0.25, 0.15])
    contributors = 1 + heavy(rng, n, 0.75, 2.2, 1.0 + shift)
    commits = np.floor(1 + rng.lognormal(1.0 + shift, 1.1, n)).astype(np.int64) * contributors
    prs = heavy(rng, n, 0.85, 1.5, 1.5 + shift)
    merged = rng.binomial(prs, rng.uniform(0.1, 0.8, n))
    discussions = heavy(rng, n, 0.85, 1.4, 2.0 + shift)
    likes = heavy(rng, n, 0.6, 1.0, 1.0 + shift)
    downloads = heavy(rng, n, 0.6, 0.8, 10.0)
    derivatives = heavy(rng, n, 0.9, 1.1, 2.0 + shift)
    cols = {
        'contributors': with_nulls(rng, contributors, 0.03), 'commits': with_nulls(rng, commits, 0.03),
        'pull_requests': with_nulls(rng, prs, 0.02), 'discussions': with_nulls(rng, discussions, 0.02),
        'likes': with_nulls(rng, likes, 0.01), 'downloads': with_nulls(rng, downloads, 0.02),
        'derivatives': with_nulls(rng, derivatives, 0.0),
    }
    cols['merged_pull_requests'] = [None if p is None else int(m) for p, m in zip(cols['pull_requests'], merged)]
    for i in np.flatnonzero(types == 'space'):
        cols['derivatives'][i] = None
    created = dates(rng, n, '2021-01-01', '2025-12-31', 0.08)
    return [dict(platform='huggingface', repo_type=str(types[i]), created_at=created[i],
                 **{c: cols[c][i] for c in cols}) for i in range(n)]


def edge_rows():
    """Hand-made corner cases: a metric with no known value in one group, all values tied, zero means, n = 1."""
    rows = []
    for i in range(6):  # GitHub: no PRs at all (acceptance undefined), everyone has exactly 3 contributors
        rows.append(dict(platform='github', repo_type='code', created_at='2020-01-0%dT00:00:00Z' % (i + 1),
                         contributors=3, commits=[0, 0, 5, 9, 9, None][i], pull_requests=0, merged_pull_requests=0,
                         issues=0, stars=[0, 1, 1, 2, 40, None][i], forks=0))
    rows.append(dict(platform='huggingface', repo_type='model', created_at=None, contributors=3, commits=2,
                     pull_requests=4, merged_pull_requests=1, discussions=0, likes=7, derivatives=0))
    rows.append(dict(platform='huggingface', repo_type='dataset', created_at='2023-01-01T00:00:00Z',
                     contributors=3, commits=None, pull_requests=None, merged_pull_requests=None,
                     discussions=None, likes=None, derivatives=None))
    return rows


def fartail_rows(rng):
    """Two clearly separated groups: p-values between 1e-300 and 1e-150 (far tail, no underflow) and some that do
    underflow to 0 (commits, endorsements)."""
    rows = []
    n_a, n_b = 2600, 1900
    a_contrib = 1 + rng.poisson(1.5, n_a)
    b_contrib = 1 + rng.poisson(0.35, n_b)
    a_issues = (rng.random(n_a) < 0.5) * (1 + rng.poisson(2, n_a))
    b_discussions = (rng.random(n_b) < 0.05) * (1 + rng.poisson(1, n_b))
    for i in range(n_a):
        rows.append(dict(platform='github', repo_type='code', created_at='2019-05-05T00:00:00Z',
                         contributors=int(a_contrib[i]), commits=int(rng.poisson(20)),
                         pull_requests=int(rng.poisson(0.6)), merged_pull_requests=0, issues=int(a_issues[i]),
                         stars=int(rng.poisson(30)), forks=int(rng.poisson(0.3))))
    for i in range(n_b):
        rows.append(dict(platform='huggingface', repo_type='model', created_at='2024-05-05T00:00:00Z',
                         contributors=int(b_contrib[i]), commits=int(rng.poisson(10)),
                         pull_requests=int(rng.poisson(0.05)), merged_pull_requests=0,
                         discussions=int(b_discussions[i]), likes=int(rng.poisson(1)),
                         derivatives=int(rng.poisson(0.02))))
    return rows


def write_csv(name, rows):
    with open(os.path.join(HERE, name), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(COLUMNS)
        for i, r in enumerate(rows):
            full_name = '%s-%d/repo-%d' % (r['platform'][:2], i // 3, i)
            w.writerow([r['platform'], r['repo_type'], full_name, r.get('created_at') or '']
                       + ['' if r.get(c) is None else r[c] for c in COUNT_COLUMNS])


def read_csv(name):
    with open(os.path.join(HERE, name), newline='') as f:
        rows = []
        for r in csv.DictReader(f):
            row = {'platform': r['platform'], 'repo_type': r['repo_type'], 'created_at': r['created_at'] or None}
            for c in COUNT_COLUMNS:
                row[c] = None if r[c] == '' else int(r[c])
            rows.append(row)
        return rows


# ---------------------------------------------------------------------------------------------------------------
# Metrics (BRIEF section 3): NaN marks "unknown" and drops the row from that metric only.

def canonical(row, column):
    v = row.get(column)
    return math.nan if v is None else float(v)


def numeric_value(row, metric):
    gh = row['platform'] == 'github'
    if metric in ('contributors', 'commits', 'pull_requests'):
        return canonical(row, metric)
    if metric == 'commits_per_contributor':
        c, k = canonical(row, 'commits'), canonical(row, 'contributors')
        return math.nan if math.isnan(c) or math.isnan(k) or k == 0 else c / k
    if metric == 'pr_acceptance_rate':
        m, p = canonical(row, 'merged_pull_requests'), canonical(row, 'pull_requests')
        return math.nan if math.isnan(m) or math.isnan(p) or p == 0 else m / p
    if metric == 'knowledge_threads':
        return canonical(row, 'issues' if gh else 'discussions')
    if metric == 'derivatives':
        return canonical(row, 'forks' if gh else 'derivatives')
    if metric == 'endorsements':
        return canonical(row, 'stars' if gh else 'likes')
    raise KeyError(metric)


SHARE_SOURCE = {'multi_contributor': ('contributors', 2), 'has_pull_requests': ('pull_requests', 1),
                'has_knowledge_threads': ('knowledge_threads', 1), 'has_derivatives': ('derivatives', 1)}


def share_value(row, metric):
    source, threshold = SHARE_SOURCE[metric]
    v = numeric_value(row, source)
    return math.nan if math.isnan(v) else float(v >= threshold)


def values(rows, metric, kind):
    f = numeric_value if kind == 'numeric' else share_value
    v = np.array([f(r, metric) for r in rows], dtype=np.float64)
    return v[~np.isnan(v)]


# ---------------------------------------------------------------------------------------------------------------
# Statistics

def num(x):
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


def magnitude_delta(d):
    if d is None:
        return None
    d = abs(d)
    return 'negligible' if d < 0.147 else 'small' if d < 0.33 else 'medium' if d < 0.474 else 'large'


def magnitude_h(h):
    if h is None:
        return None
    h = abs(h)
    return 'negligible' if h < 0.2 else 'small' if h < 0.5 else 'medium' if h < 0.8 else 'large'


def summary(v):
    if len(v) == 0:
        return {'n': 0, 'mean': None, 'median': None, 'q1': None, 'q3': None}
    return {'n': int(len(v)), 'mean': float(np.mean(v)), 'median': float(np.median(v)),
            'q1': float(np.percentile(v, 25)), 'q3': float(np.percentile(v, 75))}


def cliffs_delta_ci(a, b, brute_force):
    """R effsize::cliff.delta defaults (unbiased variance, Student-t quantile, Feng & Cliff asymmetric interval)."""
    n1, n2 = len(a), len(b)
    if brute_force:
        dom = np.sign(np.subtract.outer(a, b))
        d = dom.mean()
        di = dom.mean(axis=1)
        dj = dom.mean(axis=0)
        ss = ((dom - d) ** 2).sum()
    else:
        bs, as_ = np.sort(b), np.sort(a)
        di = (np.searchsorted(bs, a, 'left') - (n2 - np.searchsorted(bs, a, 'right'))) / n2
        dj = ((n1 - np.searchsorted(as_, b, 'right')) - np.searchsorted(as_, b, 'left')) / n1
        d = di.mean()
        tied = np.searchsorted(bs, a, 'right') - np.searchsorted(bs, a, 'left')
        ss = (n1 * n2 - tied.sum()) - 2 * d * d * n1 * n2 + n1 * n2 * d * d
    if n1 < 2 or n2 < 2:
        return float(d), None, None
    s2 = (n2 ** 2 * ((di - d) ** 2).sum() + n1 ** 2 * ((dj - d) ** 2).sum() - ss) / (n1 * n2 * (n1 - 1) * (n2 - 1))
    z = stats.t.ppf(0.975, n1 + n2 - 2)
    if not s2 >= 0:
        return float(d), None, None
    root = z * math.sqrt(s2) * math.sqrt((1 - d * d) ** 2 + z * z * s2)
    denominator = 1 - d * d + z * z * s2
    if denominator == 0:
        return float(d), None, None
    return float(d), num((d - d ** 3 - root) / denominator), num((d - d ** 3 + root) / denominator)


def bootstrap_median_diff(a, b, seed):
    """Brute-force percentile bootstrap of median(b) - median(a): a loose reference for the workbench's exact
    order-statistic sampler (different random streams, so tests compare with a tolerance)."""
    if len(a) == 0 or len(b) == 0:
        return None
    rng = np.random.default_rng(seed)
    diffs = np.empty(BOOTSTRAP_REFERENCE_RESAMPLES)
    for i in range(BOOTSTRAP_REFERENCE_RESAMPLES):
        diffs[i] = np.median(rng.choice(b, len(b))) - np.median(rng.choice(a, len(a)))
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return {'low': float(lo), 'high': float(hi), 'sd': float(np.std(diffs)),
            'resamples': BOOTSTRAP_REFERENCE_RESAMPLES}


def numeric_comparison(metric, dimension, a, b, brute_force, with_bootstrap):
    out = {'metric': metric, 'dimension': dimension, 'kind': 'numeric', 'a': summary(a), 'b': summary(b)}
    if len(a) and len(b):
        res = stats.mannwhitneyu(a, b, alternative='two-sided', use_continuity=True, method='asymptotic')
        out['mann_whitney_u'] = float(res.statistic)
        out['p_value'] = float(res.pvalue)
        out['cliffs_delta'] = 2 * float(res.statistic) / (len(a) * len(b)) - 1
        d, lo, hi = cliffs_delta_ci(a, b, brute_force)
        out['cliffs_delta_ci'] = None if lo is None else {'low': lo, 'high': hi}
        if brute_force:  # independent check of the U-based delta
            assert abs(d - out['cliffs_delta']) < 1e-12, (metric, d, out['cliffs_delta'])
        mean_a, mean_b = np.mean(a), np.mean(b)
        out['mean_pct_diff'] = None if mean_a == 0 else float((mean_b - mean_a) / mean_a * 100)
        out['median_diff'] = float(np.median(b) - np.median(a))
    else:
        out.update(mann_whitney_u=None, p_value=None, cliffs_delta=None, cliffs_delta_ci=None, mean_pct_diff=None,
                   median_diff=None)
    out['magnitude'] = magnitude_delta(out['cliffs_delta'])
    if with_bootstrap:
        out['bootstrap_reference'] = bootstrap_median_diff(a, b, seed=len(a) * 7919 + len(b))
    return out


def share_comparison(metric, dimension, a, b):
    out = {'metric': metric, 'dimension': dimension, 'kind': 'share',
           'a': {'n': int(len(a)), 'count': int(a.sum()), 'share': num(a.mean()) if len(a) else None},
           'b': {'n': int(len(b)), 'count': int(b.sum()), 'share': num(b.mean()) if len(b) else None}}
    table = np.array([[a.sum(), len(a) - a.sum()], [b.sum(), len(b) - b.sum()]], dtype=np.float64)
    try:
        chi2, p, dof, expected = stats.chi2_contingency(table, correction=False)
        out['chi_square'], out['p_value'] = float(chi2), float(p)
    except ValueError:  # an expected count is zero (or a group is empty)
        out['chi_square'], out['p_value'] = None, None
    if len(a) and len(b):
        out['share_diff'] = float(b.mean() - a.mean())
        out['cohens_h'] = float(2 * math.asin(math.sqrt(b.mean())) - 2 * math.asin(math.sqrt(a.mean())))
    else:
        out['share_diff'] = out['cohens_h'] = None
    out['magnitude'] = magnitude_h(out['cohens_h'])
    return out


def compare(rows_a, rows_b, brute_force, with_bootstrap):
    metrics = []
    for metric, dimension, kind in METRICS:
        a, b = values(rows_a, metric, kind), values(rows_b, metric, kind)
        if kind == 'numeric':
            metrics.append(numeric_comparison(metric, dimension, a, b, brute_force, with_bootstrap))
        else:
            metrics.append(share_comparison(metric, dimension, a, b))
    return metrics


def filtered(rows, where, created_from, created_to):
    keep = []
    for r in rows:
        if any(r[k] not in vs for k, vs in where.items()):
            continue
        if created_from or created_to:
            day = (r['created_at'] or '')[:10]
            if not day or (created_from and day < created_from) or (created_to and day > created_to):
                continue
        keep.append(r)
    return keep


def run_case(name, sample, by, where=None, created_from=None, created_to=None, with_bootstrap=False):
    rows = filtered(read_csv(sample), where or {}, created_from, created_to)
    brute_force = len(rows) <= 6000
    case = {'name': name, 'input': sample, 'by': by,
            'where': [f'{k}={v}' for k, vs in (where or {}).items() for v in vs],
            'created_from': created_from, 'created_to': created_to}
    if by == 'platform':
        a = [r for r in rows if r['platform'] == 'github']
        b = [r for r in rows if r['platform'] == 'huggingface']
        case['expected'] = {'group_by': 'platform', 'groups': ['github', 'huggingface'],
                            'metrics': compare(a, b, brute_force, with_bootstrap)}
    else:
        code = [r for r in rows if r['repo_type'] == 'code']
        comparisons = []
        for t in ('model', 'dataset', 'space'):
            other = [r for r in rows if r['repo_type'] == t]
            comparisons.append({'groups': ['code', t], 'metrics': compare(code, other, brute_force, with_bootstrap)})
        case['expected'] = {'group_by': 'repo_type', 'comparisons': comparisons}
    return case


def frequency_case(name, a_counts, b_counts):
    """Statistics of two samples given as {value: count}: millions of observations with massive ties, the shape of
    the study's data (e.g. 2 million repositories with 0 pull requests), checked without a project file."""
    a = np.repeat(np.array(list(a_counts.keys()), dtype=np.float64), list(a_counts.values()))
    b = np.repeat(np.array(list(b_counts.keys()), dtype=np.float64), list(b_counts.values()))
    res = stats.mannwhitneyu(a, b, alternative='two-sided', use_continuity=True, method='asymptotic')
    return {'name': name, 'a': [[k, v] for k, v in a_counts.items()], 'b': [[k, v] for k, v in b_counts.items()],
            'expected': {'a': summary(a), 'b': summary(b), 'mann_whitney_u': float(res.statistic),
                         'p_value': float(res.pvalue),
                         'cliffs_delta': 2 * float(res.statistic) / (len(a) * len(b)) - 1}}


def main():
    rng = np.random.default_rng(4242)
    write_csv('small.csv', github_rows(rng, 170) + huggingface_rows(rng, 140))
    write_csv('large.csv', github_rows(rng, 12000, shift=0.3) + huggingface_rows(rng, 8000))
    write_csv('edge.csv', edge_rows())
    write_csv('fartail.csv', fartail_rows(rng))
    cases = [
        run_case('small by platform', 'small.csv', 'platform', with_bootstrap=True),
        run_case('small by repo_type', 'small.csv', 'repo_type'),
        run_case('small, created 2021-06-01..2024-12-31, models and code', 'small.csv', 'platform',
                 where={'repo_type': ['code', 'model']}, created_from='2021-06-01', created_to='2024-12-31'),
        run_case('large by platform', 'large.csv', 'platform', with_bootstrap=True),
        run_case('large by repo_type, datasets and spaces only', 'large.csv', 'repo_type',
                 where={'repo_type': ['dataset', 'space', 'code']}),
        run_case('edge cases', 'edge.csv', 'platform'),
        run_case('far tail', 'fartail.csv', 'platform'),
    ]
    frequency_cases = [
        # tie groups larger than 2,097,152 (t^3 overflows 64-bit integers; SciPy works in float64)
        frequency_case('millions of tied zeros', {0: 2_200_000, 1: 150_000, 2: 40_000, 7: 3_000, 250: 12},
                       {0: 1_335_000, 1: 90_000, 3: 15_000, 9: 400}),
        # far in the tail (about 1e-243), with ties
        frequency_case('far tail with ties', {0: 900, 1: 1500, 2: 700, 5: 300}, {0: 1900, 1: 900, 2: 160}),
        frequency_case('underflow', {0: 900, 1: 1500, 2: 700, 5: 300}, {0: 2100, 1: 500, 2: 60}),
        frequency_case('barely different', {0: 500_000, 1: 300_000, 2: 100_000},
                       {0: 499_000, 1: 301_000, 2: 100_000}),
        frequency_case('even sizes, fractional values', {0.25: 4, 0.5: 6, 1 / 3: 10, 2.75: 2},
                       {0.25: 3, 0.5: 3, 1 / 3: 1, 3.5: 3}),
    ]
    doc = {'generator': {'script': 'make_golden.py', 'python': sys.version.split()[0], 'numpy': np.__version__,
                         'scipy': scipy.__version__},
           'cases': cases, 'frequency_cases': frequency_cases}
    with open(os.path.join(HERE, 'expected.json'), 'w') as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write('\n')
    for c in cases:
        exp = c['expected']
        groups = [exp] if 'metrics' in exp else exp['comparisons']
        ps = [m['p_value'] for g in groups for m in g['metrics'] if m.get('p_value') is not None]
        print(f"{c['name']}: smallest p = {min(ps) if ps else None}")
    for c in frequency_cases:
        print(f"{c['name']}: p = {c['expected']['p_value']}")


if __name__ == '__main__':
    main()
