#!/usr/bin/env python3
"""Reference timing for `compare`: the same 12 metrics with NumPy/SciPy, read from the same SQLite table.

    python3 bench/compare_scipy.py PROJECT.divergence [--by platform|repo_type] [--per-metric]
                                   [--where KEY=V[,V]]... [--created-from D] [--created-to D]
                                   [--json OUT.json] [--check JAVA.json]

It reads the project's `repository` table once (only the columns the metrics need), builds each metric's values per
group as NumPy arrays, and computes what `compare --json` reports for the issue's figures: n, mean, median, q1, q3
(numpy.percentile, linear), scipy.stats.mannwhitneyu(a, b, alternative='two-sided', use_continuity=True,
method='asymptotic'), Cliff's delta = 2U/(n_a n_b) - 1, mean_pct_diff; for shares n, share, chi2_contingency(table,
correction=False) and share_diff. It does NOT compute the workbench's extras (bootstrap interval of the median
difference, Cliff's delta interval, Cohen's h), so the comparison of times is conservative for the Java side.

--per-metric reads each metric's own columns with its own query, as a script written metric by metric does (the
issue's reference figure, "about 3 s per numeric metric, load included", describes that style); the default reads
the table once, which is faster.

--where platform=…/repo_type=…, --created-from and --created-to filter in the query, as `compare` does (inclusive
dates; an unknown creation date is left out once a date bound is given).

--check compares every figure with a `compare --json` output of the same project (relative 1e-9; p-values
relative 1e-6 or both below 1e-300) and prints the largest differences. See docs/benchmarks.md.
"""
import argparse
import json
import math
import sqlite3
import sys
import time

import numpy as np
from scipy import stats

COUNT_COLUMNS = ['contributors', 'commits', 'pull_requests', 'merged_pull_requests', 'issues', 'discussions',
                 'stars', 'forks', 'likes', 'derivatives']
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


FILTER = {'where': '1', 'parameters': []}


def set_filter(where_items, created_from, created_to):
    """The rows `compare --where … --created-from … --created-to …` reads, as an SQL condition."""
    conditions, parameters = [], []
    for item in where_items or []:
        key, values = item.split('=', 1)
        if key not in ('platform', 'repo_type'):
            raise SystemExit(f'--where {item}: use platform or repo_type')
        names = values.split(',')
        conditions.append(f"{key} IN ({', '.join('?' * len(names))})")
        parameters += names
    if created_from:
        conditions.append('created_at >= ?')
        parameters.append(created_from)
    if created_to:  # everything on the last day sorts below the next day's date
        conditions.append("created_at < date(?, '+1 day')")
        parameters.append(created_to)
    FILTER.update(where=' AND '.join(conditions) or '1', parameters=parameters)


def load(path, names=COUNT_COLUMNS):
    """One query for the given count columns; NULL becomes NaN through numpy's float conversion."""
    con = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    rows = con.execute(
        "SELECT platform = 'huggingface', CASE repo_type WHEN 'code' THEN 0 WHEN 'model' THEN 1 "
        "WHEN 'dataset' THEN 2 ELSE 3 END, " + ', '.join(names) + " FROM repository WHERE " + FILTER['where'],
        FILTER['parameters']).fetchall()
    con.close()
    table = np.array(rows, dtype=np.float64)
    columns = {name: table[:, i + 2] for i, name in enumerate(names)}
    return table[:, 0] == 1, table[:, 1].astype(np.int8), columns


# the count columns each metric reads (both platforms' columns where they differ)
INPUTS = {
    'contributors': ['contributors'], 'commits': ['commits'],
    'commits_per_contributor': ['commits', 'contributors'], 'multi_contributor': ['contributors'],
    'pull_requests': ['pull_requests'], 'pr_acceptance_rate': ['merged_pull_requests', 'pull_requests'],
    'has_pull_requests': ['pull_requests'], 'knowledge_threads': ['issues', 'discussions'],
    'has_knowledge_threads': ['issues', 'discussions'], 'derivatives': ['forks', 'derivatives'],
    'has_derivatives': ['forks', 'derivatives'], 'endorsements': ['stars', 'likes'],
}


def metric_columns(hf, c):
    """Each metric's value per repository, NaN when unknown (BRIEF section 3)."""
    with np.errstate(divide='ignore', invalid='ignore'):
        contributors = c['contributors']
        knowledge = np.where(hf, c['discussions'], c['issues'])
        derivatives = np.where(hf, c['derivatives'], c['forks'])
        return {
            'contributors': contributors,
            'commits': c['commits'],
            'commits_per_contributor': np.where(contributors == 0, np.nan, c['commits'] / contributors),
            'multi_contributor': np.where(np.isnan(contributors), np.nan, contributors >= 2),
            'pull_requests': c['pull_requests'],
            'pr_acceptance_rate': np.where(c['pull_requests'] == 0, np.nan,
                                           c['merged_pull_requests'] / c['pull_requests']),
            'has_pull_requests': np.where(np.isnan(c['pull_requests']), np.nan, c['pull_requests'] >= 1),
            'knowledge_threads': knowledge,
            'has_knowledge_threads': np.where(np.isnan(knowledge), np.nan, knowledge >= 1),
            'derivatives': derivatives,
            'has_derivatives': np.where(np.isnan(derivatives), np.nan, derivatives >= 1),
            'endorsements': np.where(hf, c['likes'], c['stars']),
        }


def numeric(a, b):
    out = {}
    for side, v in (('a', a), ('b', b)):
        out[side] = {'n': int(len(v)), 'mean': float(np.mean(v)) if len(v) else None,
                     'median': float(np.median(v)) if len(v) else None,
                     'q1': float(np.percentile(v, 25)) if len(v) else None,
                     'q3': float(np.percentile(v, 75)) if len(v) else None}
    if len(a) and len(b):
        res = stats.mannwhitneyu(a, b, alternative='two-sided', use_continuity=True, method='asymptotic')
        out['mann_whitney_u'] = float(res.statistic)
        out['p_value'] = float(res.pvalue)
        out['cliffs_delta'] = 2 * float(res.statistic) / (len(a) * len(b)) - 1
        mean_a = out['a']['mean']
        out['mean_pct_diff'] = None if mean_a == 0 else (out['b']['mean'] - mean_a) / mean_a * 100
    else:
        out.update(mann_whitney_u=None, p_value=None, cliffs_delta=None, mean_pct_diff=None)
    return out


def share(a, b):
    out = {'a': {'n': int(len(a)), 'share': float(a.mean()) if len(a) else None},
           'b': {'n': int(len(b)), 'share': float(b.mean()) if len(b) else None}}
    table = np.array([[a.sum(), len(a) - a.sum()], [b.sum(), len(b) - b.sum()]])
    try:
        chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
        out['chi_square'], out['p_value'] = float(chi2), float(p)
    except ValueError:
        out['chi_square'] = out['p_value'] = None
    out['share_diff'] = None if not (len(a) and len(b)) else float(b.mean() - a.mean())
    return out


def metric_result(name, dimension, kind, v, in_a, in_b):
    known = ~np.isnan(v)
    a, b = v[in_a & known], v[in_b & known]
    result = numeric(a, b) if kind == 'numeric' else share(a, b)
    return {'metric': name, 'dimension': dimension, 'kind': kind, **result}


TIMES = {}


def groups(by, hf, repo_type):
    """(name a, name b, in_a, in_b) per comparison."""
    if by == 'platform':
        return [('github', 'huggingface', ~hf, hf)]
    return [('code', name, repo_type == 0, repo_type == code)
            for code, name in ((1, 'model'), (2, 'dataset'), (3, 'space'))]


def run(path, by, per_metric=False):
    pairs = [(a, b) for a, b, _, _ in groups(by, np.zeros(0, bool), np.zeros(0, np.int8))]
    results = [[] for _ in pairs]
    if per_metric:
        TIMES['load'] = 0.0
        for name, dimension, kind in METRICS:  # one query per metric
            hf, repo_type, columns = load(path, INPUTS[name])
            full = {c: columns.get(c, np.full(len(hf), np.nan)) for c in COUNT_COLUMNS}
            v = metric_columns(hf, full)[name]
            for p, (_, _, in_a, in_b) in enumerate(groups(by, hf, repo_type)):
                results[p].append(metric_result(name, dimension, kind, v, in_a, in_b))
    else:
        start = time.perf_counter()
        hf, repo_type, columns = load(path)
        TIMES['load'] = time.perf_counter() - start
        values = metric_columns(hf, columns)
        for p, (_, _, in_a, in_b) in enumerate(groups(by, hf, repo_type)):
            for name, dimension, kind in METRICS:
                results[p].append(metric_result(name, dimension, kind, values[name], in_a, in_b))
    comparisons = [{'groups': [a, b], 'metrics': metrics} for (a, b), metrics in zip(pairs, results)]
    if by == 'platform':
        return {'group_by': 'platform', **comparisons[0]}
    return {'group_by': 'repo_type', 'comparisons': comparisons}


def check(reference, java):
    """Largest relative differences between this script's figures and the workbench's JSON."""
    worst = {}
    failures = []

    def visit(ref, other, where):
        if isinstance(ref, dict):
            for key, value in ref.items():
                visit(value, other.get(key) if isinstance(other, dict) else None, where + '/' + key)
        elif isinstance(ref, list):
            for i, value in enumerate(ref):
                visit(value, other[i] if isinstance(other, list) and i < len(other) else None, f'{where}/{i}')
        elif isinstance(ref, (int, float)) and not isinstance(ref, bool):
            if other is None:
                failures.append(f'{where}: reference {ref}, workbench null')
                return
            key = where.rsplit('/', 1)[1]
            if key == 'p_value' and ref < 1e-300 and other < 1e-300:
                return
            diff = abs(other - ref) / max(abs(ref), 1e-300) if ref != other else 0.0
            tolerance = 1e-6 if key == 'p_value' else 1e-9
            worst[key] = max(worst.get(key, 0.0), diff)
            if diff > tolerance:
                failures.append(f'{where}: reference {ref!r}, workbench {other!r} (relative {diff:.2e})')
        elif ref is None and other is not None:
            failures.append(f'{where}: reference null, workbench {other!r}')
        elif isinstance(ref, str) and ref != other:
            failures.append(f'{where}: reference {ref!r}, workbench {other!r}')

    visit(reference, java, '')
    for key in sorted(worst):
        print(f'  largest relative difference in {key}: {worst[key]:.2e}')
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('project')
    parser.add_argument('--by', choices=['platform', 'repo_type'], default='platform')
    parser.add_argument('--per-metric', action='store_true', help="read each metric's columns with its own query")
    parser.add_argument('--where', action='append', help='platform=… or repo_type=…[,…], as compare takes it')
    parser.add_argument('--created-from', help='YYYY-MM-DD, inclusive')
    parser.add_argument('--created-to', help='YYYY-MM-DD, inclusive')
    parser.add_argument('--json', help='write the figures to this file')
    parser.add_argument('--check', help='compare with a `compare --json` output of the same project')
    args = parser.parse_args()
    set_filter(args.where, args.created_from, args.created_to)
    start = time.perf_counter()
    result = run(args.project, args.by, args.per_metric)
    elapsed = time.perf_counter() - start
    if args.per_metric:
        print(f'SciPy reference, one query per metric: {args.by}, {elapsed:.3f} s (12 metrics, loads included)')
    else:
        print(f'SciPy reference, one query: {args.by}, {elapsed:.3f} s (load {TIMES["load"]:.3f} s, 12 metrics '
              f'{elapsed - TIMES["load"]:.3f} s)')
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(result, f, allow_nan=False)
    if args.check:
        with open(args.check) as f:
            failures = check(result, json.load(f))
        print('\n'.join(failures) if failures else '  every figure agrees within the tolerances')
        return 1 if failures else 0
    return 0


if __name__ == '__main__':
    sys.exit(main())
