#!/usr/bin/python3
"""Golden data for the compare feature's tests of small samples, many metrics and strata: the figures SciPy 1.10 and
statsmodels 0.13 (Debian 12's python3-scipy and python3-statsmodels) compute, and a port of R's effsize::cliff.delta.

Run with Debian's Python, not another one (the p-value methods are SciPy 1.10's):

    /usr/bin/python3 src/test/resources/golden/tests/make_golden_tests.py

It writes small-groups.csv and tests.json next to itself. It is an independent reference: plain NumPy arrays of the
raw values, scipy.stats.mannwhitneyu(method='auto'), fisher_exact, chi2_contingency, statsmodels' multipletests and
StratifiedTable, van Elteren's test written out with scipy.stats.rankdata, and Cliff's delta from the dominance
matrix. The JUnit tests (SmallSampleGoldenTest, StratifiedCompareGoldenTest, CompareGoldenTest) read tests.json and
never run Python. expected.json (make_golden.py, made with a newer SciPy) keeps its figures; "overlays" below replace
only what this feature changed there: p-values and their method, the adjusted p-values, and Cliff's interval at
complete separation.
"""
import csv
import json
import math
import os
import random
import sys
from fractions import Fraction

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.contingency_tables import StratifiedTable
from statsmodels.stats.multitest import multipletests

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.dirname(HERE)
sys.path.insert(0, GOLDEN)
import make_golden as mg  # noqa: E402  (the samples, metric definitions and filters of expected.json)

FISHER_BELOW = 5           # Fisher's exact test when an expected count of the 2x2 table is below 5
FIRST_YEAR, LAST_YEAR = 1970, 2100
assert scipy.__version__.startswith('1.10'), 'run with Debian 12 python3 (SciPy 1.10): ' + scipy.__version__


# ---------------------------------------------------------------------------------------------------------------
# Tests of one metric

def mann_whitney(a, b):
    """U of a, the two-sided p-value as mannwhitneyu(method='auto') computes it, and the method it used."""
    n1, n2 = len(a), len(b)
    exact = min(n1, n2) <= 8 and len(np.unique(np.concatenate([a, b]))) == n1 + n2   # SciPy 1.10 _mwu_choose_method
    r = stats.mannwhitneyu(a, b, alternative='two-sided', method='auto')
    return float(r.statistic), float(r.pvalue), 'exact' if exact else 'asymptotic'


def share_test(yes_a, n_a, yes_b, n_b):
    """(chi-square or None, p or None, method or None): no test when a group is empty or a margin is 0."""
    if n_a == 0 or n_b == 0:
        return None, None, None
    table = np.array([[yes_a, n_a - yes_a], [yes_b, n_b - yes_b]], dtype=np.float64)
    expected = stats.contingency.expected_freq(table)
    if (expected <= 0).any():
        return None, None, None
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    if expected.min() < FISHER_BELOW:
        return float(chi2), float(stats.fisher_exact(table.astype(np.int64), alternative='two-sided')[1]), 'fisher'
    return float(chi2), float(p), 'chi-square'


def adjusted(ps):
    """Holm and BH over the known p-values (statsmodels), NaN-free family; None stays None."""
    known = [i for i, p in enumerate(ps) if p is not None]
    holm, bh = [None] * len(ps), [None] * len(ps)
    if known:
        h = multipletests([ps[i] for i in known], method='holm')[1]
        f = multipletests([ps[i] for i in known], method='fdr_bh')[1]
        for k, i in enumerate(known):
            holm[i], bh[i] = float(h[k]), float(f[k])
    return holm, bh, len(known)


# ---------------------------------------------------------------------------------------------------------------
# Cliff's delta and its interval: R effsize::cliff.delta (R/CliffDelta.R, mtorchiano/effsize 03025ad), defaults
# conf.level = 0.95, use.unbiased = TRUE, use.normal = FALSE, with return.dm = TRUE ("Naive": the dominance matrix,
# Cliff's formula). effsize's default "Row partitioning" gives the same except in a corner case it computes
# differently (docs/decisions/0103-effect-sizes-and-one-display-convention.md); the workbench follows Cliff.

def t_quantile(prob, df):
    """Student-t quantile to full double accuracy (R's qt): SciPy 1.10's t.ppf is off by up to ~3e-9, so polish it
    with Newton steps on the accurate survival function."""
    x = stats.t.ppf(prob, df)
    for _ in range(4):
        err = stats.t.sf(x, df) - (1 - prob)
        if err == 0:
            break
        x += err / stats.t.pdf(x, df)
    return x


def _interval(d, d_, sdi, sdj, ssr, n1, n2, conf_level):
    s_d = (n2 ** 2 * sdi + n1 ** 2 * sdj - ssr) / (float(n1) * n2 * (n1 - 1) * (n2 - 1))
    z = t_quantile(1 - (1 - conf_level) / 2, n1 + n2 - 2)
    if not s_d >= 0:
        return s_d, None
    root = z * math.sqrt(s_d) * math.sqrt((1 - d_ ** 2) ** 2 + z ** 2 * s_d)
    den = 1 - d_ ** 2 + z ** 2 * s_d
    lower, upper = (d_ - d_ ** 3 - root) / den, (d_ - d_ ** 3 + root) / den
    if d == 1:
        upper = 1.0
    if d == -1:
        lower = -1.0
    return s_d, (lower, upper)


def cliff_delta_naive(treatment, control, conf_level=0.95):
    """Line by line as cliff.delta(treatment, control, return.dm=TRUE) for numbers; NaN is R's NA (dropped).
    Returns (estimate, variance, (lower, upper)); with n1 or n2 = 1 the variance is x/0 (R: Inf/NaN), no interval."""
    treatment = sorted(v for v in treatment if not math.isnan(v))
    control = sorted(v for v in control if not math.isnan(v))
    n1, n2 = len(treatment), len(control)
    if n1 + n2 < 3:
        raise ValueError('Cannot compute Cliff delta value with less than 3 values')
    rescale = (n1 * n2 - 1) / (n1 * n2)
    dom = np.sign(np.subtract.outer(np.array(treatment, float), np.array(control, float)))
    d = float(dom.mean())
    d_ = d * rescale if abs(d) == 1 else d        # effsize: the "fully disjoint" approximation
    sdi = math.fsum((v - d_) ** 2 for v in dom.mean(axis=1))
    sdj = math.fsum((v - d_) ** 2 for v in dom.mean(axis=0))
    ssr = float(((dom - d_) ** 2).sum())
    if n1 < 2 or n2 < 2:
        return d, math.inf, None
    s_d, ci = _interval(d, d_, sdi, sdj, ssr, n1, n2, conf_level)
    return d, s_d, ci


def cliff_delta_sorted(a, b, conf_level=0.95):
    """The same figures from sorted arrays (searchsorted) in O(n log n), for samples too large for the matrix."""
    n1, n2 = len(a), len(b)
    bs, as_ = np.sort(b), np.sort(a)
    below_b, above_b = np.searchsorted(bs, a, 'left'), n2 - np.searchsorted(bs, a, 'right')
    di = (below_b - above_b) / n2
    dj = ((n1 - np.searchsorted(as_, b, 'right')) - np.searchsorted(as_, b, 'left')) / n1
    d = float(di.mean())
    d_ = d * ((n1 * n2 - 1) / (n1 * n2)) if abs(d) == 1 else d
    tied = float((np.searchsorted(bs, a, 'right') - np.searchsorted(bs, a, 'left')).sum())
    pairs = float(n1) * n2
    ssr = (pairs - tied) - 2 * d_ * d * pairs + pairs * d_ * d_
    if n1 < 2 or n2 < 2:
        return d, None
    _, ci = _interval(d, d_, math.fsum((di - d_) ** 2), math.fsum((dj - d_) ** 2), ssr, n1, n2, conf_level)
    return d, ci


def check_cliff_port():
    """effsize's own tests (tests/testthat/testCliff.R) and the port's two forms against each other."""
    treatment = [10, 10, 20, 20, 20, 30, 30, 30, 40, 50]
    control = [10, 20, 30, 40, 40, 50]
    d, var, ci = cliff_delta_naive(treatment, control)
    assert d == -0.25 and mg.magnitude_delta(d) == 'small'          # "Small differences"
    # The CI in that test's comment, (-0.7265846, 0.3890062), is the defaults' (unbiased variance, Student-t).
    assert round(ci[0], 7) == -0.7265846 and round(ci[1], 7) == 0.3890062, ci
    x1, x2 = [10, 20, 20, 20, 30, 30, 30, 40, 50, 100], [10, 20, 30, 40, 40, 50]
    d, _, _ = cliff_delta_naive(x1, x2)
    assert abs(d + 0.06666) <= 1e-5 and mg.magnitude_delta(d) == 'negligible'   # "Negligible differences"
    d, _, ci = cliff_delta_naive(x1, [v + 110 for v in x2])
    assert d == -1 and mg.magnitude_delta(d) == 'large' and ci[0] == -1   # "Non overlapping" (fully disjoint)
    v = [{'A': 1, 'B': 2, 'C': 3}[c] for c in 'ABACBCBBCB']
    assert abs(cliff_delta_naive(v[:5], v[5:])[0] + 0.44) < 1e-15      # "double factor" (levels A < B < C)
    rng = random.Random(19)
    for _ in range(300):
        a = [rng.randint(0, 9) for _ in range(rng.randint(2, 30))]
        b = [rng.randint(0, 9) + rng.choice([0, 0, 12]) for _ in range(rng.randint(2, 30))]
        d1, _, ci1 = cliff_delta_naive(a, b)
        d2, ci2 = cliff_delta_sorted(np.array(a, float), np.array(b, float))
        assert abs(d1 - d2) < 1e-15 and (ci1 is None) == (ci2 is None), (a, b)
        if ci1 is not None:
            assert all(abs(x - y) <= 1e-12 for x, y in zip(ci1, ci2)), (a, b, ci1, ci2)


def cliff_cases():
    """Cliff's interval at complete separation (where it used to be null) and effsize's published examples."""
    inputs = [
        ([5, 6, 7], [1, 2, 3]), ([1, 2, 3], [5, 6, 7]), ([10, 11], [1, 2, 3, 4]), ([9, 9, 9, 9], [1, 1, 2]),
        (list(range(20, 40)), list(range(0, 15))), ([100, 200, 300, 400, 500], list(range(1, 9))),
        ([10, 20, 20, 20, 30, 30, 30, 40, 50, 100], [120, 130, 140, 150, 150, 160]),
        ([10, 10, 20, 20, 20, 30, 30, 30, 40, 50], [10, 20, 30, 40, 40, 50]),
        ([10, 20, 20, 20, 30, 30, 30, 40, 50, 100], [10, 20, 30, 40, 40, 50]),
        ([4, 5], [1]),
    ]
    out = []
    for a, b in inputs:
        d, var, ci = cliff_delta_naive(a, b)
        out.append({'a': a, 'b': b, 'cliffs_delta': d,
                    'cliffs_delta_ci': None if ci is None else {'low': ci[0], 'high': ci[1]}})
    return out


# ---------------------------------------------------------------------------------------------------------------
# Whole comparisons

def numeric_metric(metric, a, b):
    out = {'metric': metric, 'kind': 'numeric', 'a': mg.summary(a), 'b': mg.summary(b)}
    if len(a) and len(b):
        u, p, method = mann_whitney(a, b)
        d, ci = cliff_delta_sorted(a, b)
        assert abs(d - (2 * u / (len(a) * len(b)) - 1)) < 1e-12
        out.update(mann_whitney_u=u, p_value=p, p_method=method, cliffs_delta=2 * u / (len(a) * len(b)) - 1,
                   cliffs_delta_ci=None if ci is None else {'low': ci[0], 'high': ci[1]})
    else:
        out.update(mann_whitney_u=None, p_value=None, p_method=None, cliffs_delta=None, cliffs_delta_ci=None)
    out['magnitude'] = mg.magnitude_delta(out['cliffs_delta'])
    return out


def share_metric(metric, a, b):
    out = {'metric': metric, 'kind': 'share',
           'a': {'n': int(len(a)), 'count': int(a.sum()), 'share': mg.num(a.mean()) if len(a) else None},
           'b': {'n': int(len(b)), 'count': int(b.sum()), 'share': mg.num(b.mean()) if len(b) else None}}
    chi2, p, method = share_test(int(a.sum()), len(a), int(b.sum()), len(b))
    out.update(chi_square=chi2, p_value=p, p_method=method)
    if len(a) and len(b):
        out['share_diff'] = float(b.mean() - a.mean())
        out['cohens_h'] = float(2 * math.asin(math.sqrt(b.mean())) - 2 * math.asin(math.sqrt(a.mean())))
    else:
        out['share_diff'] = out['cohens_h'] = None
    out['magnitude'] = mg.magnitude_h(out['cohens_h'])
    return out


def compare(rows_a, rows_b):
    """Every metric of one pair, with Holm / BH over the pair's family."""
    metrics = []
    for metric, _, kind in mg.METRICS:
        a, b = mg.values(rows_a, metric, kind), mg.values(rows_b, metric, kind)
        metrics.append(numeric_metric(metric, a, b) if kind == 'numeric' else share_metric(metric, a, b))
    holm, bh, size = adjusted([m['p_value'] for m in metrics])
    for m, h, f in zip(metrics, holm, bh):
        m['p_holm'], m['p_bh'] = h, f
    return {'family_size': size, 'metrics': metrics}


def year_of(row):
    created = row['created_at']
    year = int(created[:4]) if created else None
    return year if year is not None and FIRST_YEAR <= year <= LAST_YEAR else None


def van_elteren(strata):
    """Z (positive: group a higher), two-sided p, strata used; written out as the issue specifies it."""
    num = var = 0.0
    used = 0
    for a, b in strata:
        na, nb = len(a), len(b)
        if na == 0 or nb == 0:
            continue
        used += 1
        n = na + nb
        ranks = stats.rankdata(np.concatenate([a, b]))
        _, t = np.unique(ranks, return_counts=True)
        tie = float((t.astype(float) ** 3 - t).sum())
        w = 1.0 / (n + 1)
        num += w * (float(ranks[:na].sum()) - na * (n + 1) / 2.0)
        var += w * w * na * nb / 12.0 * ((n + 1) - (tie / (n * (n - 1)) if n > 1 else 0))
    if used == 0 or not var > 0:
        return None, None, 0
    z = num / math.sqrt(var)
    return z, float(2 * stats.norm.sf(abs(z))), used


def van_elteren_ridit(strata):
    """An independent form: CMH row-mean scores with modified ridits midrank/(N + 1), permutation variance."""
    num = var = 0.0
    for a, b in strata:
        na, nb = len(a), len(b)
        if na == 0 or nb == 0:
            continue
        n = na + nb
        s = stats.rankdata(np.concatenate([a, b])) / (n + 1)
        num += s[:na].sum() - na * s.mean()
        var += na * nb / (n * (n - 1)) * ((s - s.mean()) ** 2).sum()
    return num / math.sqrt(var)


def cmh(tables):
    """statsmodels' CMH statistic (no continuity correction) over the strata with both groups; p by chi2.sf."""
    used = [t for t in tables if sum(t[0]) > 0 and sum(t[1]) > 0]
    if not used:
        return None, None, 0
    with np.errstate(all='ignore'):
        statistic = float(StratifiedTable([np.asarray(t, dtype=np.float64) for t in used])
                          .test_null_odds(correction=False).statistic)
    if not math.isfinite(statistic):
        return None, None, len(used)
    return statistic, float(stats.chi2.sf(statistic, 1)), len(used)


def stratified(rows_a, rows_b, key_a, key_b):
    """The pair within creation years: per year the usual comparison, and van Elteren / CMH across years."""
    years = sorted({year_of(r) for r in rows_a + rows_b} - {None})
    by_year = {y: ([r for r in rows_a if year_of(r) == y], [r for r in rows_b if year_of(r) == y]) for y in years}
    strata = []
    for y in years:
        ya, yb = by_year[y]
        stratum = {'stratum': str(y), 'repositories': {key_a: len(ya), key_b: len(yb)}}
        stratum.update(compare(ya, yb))
        strata.append(stratum)
    tests = []
    for metric, _, kind in mg.METRICS:
        if kind == 'numeric':
            parts = [(mg.values(ya, metric, kind), mg.values(yb, metric, kind)) for ya, yb in by_year.values()]
            z, p, used = van_elteren(parts)
            if z is not None:
                assert abs(z - van_elteren_ridit(parts)) <= 1e-10 * max(1, abs(z)), metric
            tests.append({'metric': metric, 'van_elteren_z': z, 'p_value': p, 'strata': used})
        else:
            tables = []
            for ya, yb in by_year.values():
                a, b = mg.values(ya, metric, kind), mg.values(yb, metric, kind)
                tables.append([[int(a.sum()), int(len(a) - a.sum())], [int(b.sum()), int(len(b) - b.sum())]])
            statistic, p, used = cmh(tables)
            tests.append({'metric': metric, 'cmh_chi_square': statistic, 'p_value': p, 'strata': used})
    unknown = {key_a: sum(year_of(r) is None for r in rows_a), key_b: sum(year_of(r) is None for r in rows_b)}
    return {'strata': strata, 'stratified': tests, 'unknown_created': unknown}


def pairs_of(rows, by):
    if by == 'platform':
        return [('github', 'huggingface', [r for r in rows if r['platform'] == 'github'],
                 [r for r in rows if r['platform'] == 'huggingface'])]
    code = [r for r in rows if r['repo_type'] == 'code']
    return [('code', t, code, [r for r in rows if r['repo_type'] == t]) for t in ('model', 'dataset', 'space')]


def run_case(name, sample, by, where=None, created_from=None, created_to=None, stratify=False, folder=GOLDEN):
    rows = mg.filtered(read_csv(folder, sample), where or {}, created_from, created_to)
    case = {'name': name, 'input': sample, 'by': by,
            'where': [f'{k}={v}' for k, vs in (where or {}).items() for v in vs],
            'created_from': created_from, 'created_to': created_to,
            'stratify': 'created_year' if stratify else None}
    results = []
    for key_a, key_b, a, b in pairs_of(rows, by):
        result = {'groups': [key_a, key_b]}
        result.update(compare(a, b))
        if stratify:
            result.update(stratified(a, b, key_a, key_b))
        results.append(result)
    expected = {'group_by': by}
    if stratify:
        expected['stratify'] = 'created_year'
    if len(results) == 1:
        expected.update(results[0])
    else:
        expected['comparisons'] = results
    case['expected'] = expected
    return case


def read_csv(folder, name):
    with open(os.path.join(folder, name), newline='') as f:
        rows = []
        for r in csv.DictReader(f):
            row = {'platform': r['platform'], 'repo_type': r['repo_type'], 'created_at': r['created_at'] or None}
            for c in mg.COUNT_COLUMNS:
                row[c] = None if r[c] == '' else int(r[c])
            rows.append(row)
        return rows


def tag_overlays():
    """Overlays for golden/tags/expected.json (make_tag_golden.py): the same tagged repositories and rule."""
    sys.path.insert(0, os.path.join(GOLDEN, 'tags'))
    import make_tag_golden as mt
    rows = mt.rows_with_names()
    with open(os.path.join(GOLDEN, 'tags', 'tagged.txt')) as f:
        hand = {tuple(line.strip().split(':', 1)) for line in f if line.strip()}
    by_rule = {(r['platform'], r['full_name']) for r in rows if mt.rule_matches(r)}
    out = []
    for name, tagged, where in (('small, hand-tagged', hand, None),
                                ('small, hand-tagged, Hugging Face only', hand, {'platform': ['huggingface']}),
                                ('small, tagged by rule', by_rule, None)):
        keep = [r for r in rows if not where or all(r[k] in vs for k, vs in where.items())]
        a = [r for r in keep if (r['platform'], r['full_name']) not in tagged]
        b = [r for r in keep if (r['platform'], r['full_name']) in tagged]
        out.append(overlay({'name': name, 'expected': compare(a, b)}))
    return out


def overlay(case):
    """What this feature changes in an expected.json case: per metric the p-value and its method, the adjusted
    p-values, and Cliff's interval where δ = ±1 (it was null); per pair the family's size."""
    def strip(result):
        metrics = []
        for m in result['metrics']:
            kept = {k: m[k] for k in ('metric', 'p_value', 'p_method', 'p_holm', 'p_bh')}
            if m['kind'] == 'numeric' and m['cliffs_delta'] is not None and abs(m['cliffs_delta']) == 1:
                kept['cliffs_delta_ci'] = m['cliffs_delta_ci']
            metrics.append(kept)
        return {'family_size': result['family_size'], 'metrics': metrics}
    expected = case['expected']
    out = {'name': case['name']}
    if 'metrics' in expected:
        out['expected'] = strip(expected)
    else:
        out['expected'] = {'comparisons': [strip(c) for c in expected['comparisons']]}
    return out


# ---------------------------------------------------------------------------------------------------------------
# Samples

def small_groups_rows(rng):
    """40 GitHub and 6 Hugging Face repositories (a factor tag's size): commits and endorsements without ties (the
    exact Mann-Whitney path), small shares (Fisher's test), created 2019-2024, some without a date."""
    rows = []
    years = [2019, 2020, 2021, 2022, 2023, 2024]
    commits = rng.sample(range(1, 5000), 46)
    stars = rng.sample(range(0, 3000), 46)
    for i in range(46):
        github = i < 40
        year = years[i % 6] if github else years[2 + i % 4]
        created = None if i in (7, 41) else '%d-%02d-15T12:00:00Z' % (year, 1 + i % 12)
        contributors = 1 + (i % 5 if github else i % 2)
        prs = (i % 3) * (i % 4) if github else (1 if i == 43 else 0)
        row = dict(platform='github' if github else 'huggingface', repo_type='code' if github else 'model',
                   created_at=created, contributors=contributors, commits=commits[i], pull_requests=prs,
                   merged_pull_requests=prs // 2)
        if github:
            row.update(issues=(i * 7) % 5, stars=stars[i], forks=(i * 3) % 4)
        else:
            row.update(discussions=i % 2, likes=stars[i], derivatives=0 if i != 44 else 2)
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Unit vectors

def mann_whitney_cases(rng):
    out = []
    samples = [
        ([5.0], [1.0, 2.0, 3.0, 4.0]), ([1.1, 7.0], [1, 2, 3, 4, 5, 6]), ([10, 11, 12], list(range(1, 10))),
        ([19, 22, 16, 29, 24], [20, 11, 17, 12]), ([1, 3, 5, 7, 9, 11], list(range(20, 40, 2))),
        ([1, 3, 5, 7, 9, 11, 13], [2, 4, 6, 8, 10, 12, 14, 16]), (list(range(100, 108)), list(range(60))),
        ([1, 2, 2, 5], [3, 4, 6, 7, 8]),            # a tie within one group: asymptotic
        ([1, 2, 3], [3, 4, 5, 6]),                  # a tie between the groups: asymptotic
        (list(range(9)), [x + 0.5 for x in range(9)]),   # both above 8: asymptotic
        ([0.5], [1.0]), ([4.0, 4.5], [4.25]),
    ]
    for _ in range(40):
        m, n = rng.randint(1, 8), rng.randint(1, 60)
        values = rng.sample(range(10 * (m + n)), m + n)
        a, b = values[:m], values[m:]
        samples.append((a, b) if rng.random() < 0.5 else (b, a))
    for a, b in samples:
        u, p, method = mann_whitney(np.array(a, float), np.array(b, float))
        out.append({'a': [float(v) for v in a], 'b': [float(v) for v in b], 'u': u, 'p_value': p,
                    'p_method': method})
    return out


def count_u_at_most_dp(m, n, u):
    """Exact count of arrangements with U <= u by polynomial arithmetic on the Gaussian binomial (Python ints)."""
    a = np.zeros(u + 1, dtype=object)
    a[:] = 0
    a[0] = 1
    for i in range(1, m + 1):
        s = n + i
        if s <= u:
            a[s:] = a[s:] - a[:u + 1 - s].copy()
        for r in range(i):
            a[r::i] = np.cumsum(a[r::i])
    return int(a.sum())


def large_exact_cases():
    """6 (or 8) values against a million: no SciPy answer in reasonable time, so the exact count by brute-force
    polynomial arithmetic (a few seconds each), p = 2 C / binom(m + n, m)."""
    out = []
    for m, n, u_min in ((6, 1_000_000, 2_400_000), (6, 1_000_000, 0), (8, 1_000_000, 1_000_003)):
        count = count_u_at_most_dp(m, n, u_min)
        p = min(float(Fraction(2 * count, math.comb(m + n, m))), 1.0)
        out.append({'small': m, 'large': n, 'u_min': u_min, 'p_value': p})
    return out


def fisher_cases(rng):
    tables = [[[8, 2], [1, 5]], [[6, 2], [1, 4]], [[3, 5], [5, 3]], [[1, 0], [0, 1]], [[0, 5], [5, 0]],
              [[0, 10], [3, 7]], [[10, 0], [0, 10]], [[5, 0], [5, 5]], [[2, 7], [8, 2]], [[12, 5], [3, 14]],
              [[1, 99], [10, 90]], [[0, 1000], [9, 991]], [[20, 480], [45, 455]], [[100, 0], [0, 100]],
              [[1000, 2000], [1500, 1400]], [[20, 38], [40, 106]], [[0, 0], [4, 6]], [[0, 3], [0, 7]],
              [[3, 1_400_000], [0, 1_420_000]], [[1, 5], [40_000, 1_000_000]]]
    for _ in range(60):
        tables.append([[rng.randint(0, 9), rng.randint(0, 9)], [rng.randint(0, 9), rng.randint(0, 30)]])
    return [{'table': t, 'p_value': float(stats.fisher_exact(t, alternative='two-sided')[1]),
             'p_exact': fisher_exact_rational(t)} for t in tables]


def fisher_exact_rational(table):
    """SciPy's two-sided rule in exact rational arithmetic (the hypergeometric weights by their ratio recurrence):
    SciPy's own probabilities (Boost's pdf) lose digits when the table's totals are in the millions."""
    (a, b), (c, d) = table
    n1, n2, n = a + b, c + d, a + c
    if n1 == 0 or n2 == 0 or n == 0 or b + d == 0:
        return 1.0
    lo, hi = max(0, n - n2), min(n, n1)
    w = {lo: Fraction(1)}
    for x in range(lo, hi):
        w[x + 1] = w[x] * Fraction((n1 - x) * (n - x), (x + 1) * (n2 - n + x + 1))
    mode = int((n + 1) * (n1 + 1) / (n1 + n2 + 2))
    if abs(w[a] - w[mode]) <= Fraction(1e-14) * max(w[a], w[mode]):
        return 1.0
    bound = w[a] * Fraction(1 + 1e-14)
    total = sum(w.values())
    return min(float(sum(v for v in w.values() if v <= bound) / total), 1.0)


def multitest_cases(rng):
    vectors = [[0.01, 0.04, 0.03, 0.005], [0.01, 0.02, 0.02, 0.02, 0.5], [0.04, None, 0.01, 0.04, None, 0.3],
               [0.2, 0.2, 0.2], [0.6, 0.001, 0.9, 0.0, 0.45], [None, None], [0.049]]
    for _ in range(30):
        vectors.append([None if rng.random() < 0.15 else rng.random() ** rng.choice([1, 3, 10])
                        for _ in range(rng.randint(1, 14))])
    out = []
    for p in vectors:
        holm, bh, size = adjusted(p)
        out.append({'p': p, 'holm': holm, 'bh': bh, 'family_size': size})
    return out


def van_elteren_cases(rng):
    cases = [[([3, 5, 5, 9, 12], [1, 2, 5, 7]), ([0, 0, 1, 4, 4, 6, 10], [0, 1, 1, 2, 3]),
              ([20, 25, 30], [8, 15, 22, 22, 40, 11])],
             [([1, 2], []), ([4, 4], [4]), ([1, 9, 3], [2, 8])]]
    for _ in range(20):
        strata = []
        for _ in range(rng.randint(1, 5)):
            hi = rng.choice([3, 10, 1000])
            strata.append(([rng.randint(0, hi) for _ in range(rng.randint(0, 12))],
                           [rng.randint(0, hi) for _ in range(rng.randint(0, 12))]))
        cases.append(strata)
    out = []
    for strata in cases:
        z, p, used = van_elteren([(np.array(a, float), np.array(b, float)) for a, b in strata])
        out.append({'strata': [{'a': a, 'b': b} for a, b in strata], 'z': z, 'p_value': p, 'strata_used': used})
        if len(strata) == 1 and z is not None:
            r = stats.mannwhitneyu(strata[0][0], strata[0][1], method='asymptotic', use_continuity=False)
            assert abs(p - r.pvalue) <= 1e-12 * r.pvalue
    return out


def cmh_cases(rng):
    cases = [[[[4, 1], [2, 2]], [[2, 5], [0, 5]], [[3, 0], [6, 0]]],
             [[[12, 8], [5, 15]], [[20, 30], [10, 40]], [[3, 2], [1, 6]]],
             [[[0, 10], [0, 12]], [[5, 5], [5, 5]], [[7, 1], [2, 6]]],
             [[[40, 960], [10, 990]], [[300, 700], [250, 750]], [[9, 91], [1, 99]]],
             [[[3, 0], [0, 0]], [[1, 1], [0, 2]]]]
    for _ in range(20):
        hi = rng.choice([3, 20, 500])
        cases.append([[[rng.randint(0, hi), rng.randint(0, hi)], [rng.randint(0, hi), rng.randint(0, hi)]]
                      for _ in range(rng.randint(1, 6))])
    out = []
    for tables in cases:
        statistic, p, used = cmh(tables)
        out.append({'tables': tables, 'chi_square': statistic, 'p_value': p, 'strata_used': used})
    return out


# ---------------------------------------------------------------------------------------------------------------

def main():
    check_cliff_port()
    rng = random.Random(20260425)
    sample = small_groups_rows(rng)
    mg.HERE, here = HERE, mg.HERE
    mg.write_csv('small-groups.csv', sample)
    mg.HERE = here
    cases = [
        run_case('small groups by platform', 'small-groups.csv', 'platform', folder=HERE),
        run_case('small groups by platform within creation years', 'small-groups.csv', 'platform', stratify=True,
                 folder=HERE),
        run_case('small by platform within creation years', 'small.csv', 'platform', stratify=True),
        run_case('large by repo_type within creation years, 2018 on', 'large.csv', 'repo_type',
                 created_from='2018-01-01', stratify=True),
    ]
    with open(os.path.join(GOLDEN, 'expected.json')) as f:
        old = json.load(f)
    overlays = []
    for c in old['cases']:
        where = {}
        for item in c['where']:
            k, v = item.split('=')
            where.setdefault(k, []).append(v)
        overlays.append(overlay(run_case(c['name'], c['input'], c['by'], where, c['created_from'], c['created_to'])))
    overlays_by_tag = tag_overlays()
    doc = {'generator': {'script': 'tests/make_golden_tests.py', 'python': sys.version.split()[0],
                         'numpy': np.__version__, 'scipy': scipy.__version__,
                         'statsmodels': statsmodels.__version__},
           'mann_whitney': mann_whitney_cases(rng), 'mann_whitney_large': large_exact_cases(),
           'fisher': fisher_cases(rng), 'multitest': multitest_cases(rng), 'van_elteren': van_elteren_cases(rng),
           'cmh': cmh_cases(rng), 'cliff': cliff_cases(), 'cases': cases, 'overlays': overlays,
           'tag_overlays': overlays_by_tag}
    with open(os.path.join(HERE, 'tests.json'), 'w') as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write('\n')
    for c in cases:
        exp = c['expected']
        pairs = [exp] if 'metrics' in exp else exp['comparisons']
        methods = sorted({m['p_method'] for p in pairs for m in p['metrics'] if m['p_method']})
        print(f"{c['name']}: methods {methods}")


if __name__ == '__main__':
    main()
