#!/usr/bin/python3
"""Golden data for custom metrics: a sample with extra columns, a few custom metric definitions, and every figure of
their comparison as NumPy, SciPy 1.10 and statsmodels 0.13 (Debian 12's python3-numpy, -scipy, -statsmodels)
compute it, with the custom metrics' values from this script's own evaluator of the expression language.

Run with Debian's Python, not another one (the p-value methods are SciPy 1.10's):

    /usr/bin/python3 src/test/resources/golden/custom/make_custom_golden.py

It writes custom.csv (the canonical columns and three extra columns, as a file to import) and expected.json next
to itself. It is an independent reference: the expressions are tokenized, parsed and evaluated here, row by row,
from the grammar and the rules for unknown values in docs/metrics.md (nothing is taken from the workbench), and
the statistics are those of tests/make_golden_tests.py (mannwhitneyu(method='auto'), chi2_contingency,
fisher_exact, multipletests, van Elteren written out with rankdata, statsmodels' CMH, R's effsize::cliff.delta).
The JUnit test (CustomMetricGoldenTest) imports custom.csv with the import command, defines the metrics with
`metric add`, runs `compare --json` and compares every figure here; it never runs Python.
"""
import csv
import json
import math
import os
import re
import sys

import numpy as np
import scipy
import statsmodels

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.dirname(HERE)
sys.path.insert(0, GOLDEN)
sys.path.insert(0, os.path.join(GOLDEN, 'tests'))
import make_golden as mg  # noqa: E402  (sample generators, summaries, the built-in metrics)
import make_golden_tests as mgt  # noqa: E402  (SciPy 1.10 / statsmodels tests, Holm / BH, van Elteren, CMH)

EXTRA = ['license', 'score', 'pipeline_tag']

# name, kind, dimension, expression: what CustomMetricGoldenTest defines with `metric add`.
CUSTOM = [
    ('engagement', 'numeric', 'engagement',
     '(pull_requests + coalesce(issues, discussions)) / coalesce(contributors, 1)'),
    ('scored', 'numeric', 'custom', 'coalesce(extra.score, 0) * 2 - 1'),
    ('endorsement_rate', 'numeric', 'popularity', 'coalesce(stars, likes) / (commits + 1)'),
    ('signals', 'numeric', 'custom', '(merged_pull_requests >= 1) + (extra.score > 5)'),
    ('big_team_commits', 'numeric', 'custom', 'commits / (contributors >= 3)'),
    ('team_index', 'numeric', 'custom', '(commits * 10 + coalesce(issues, discussions) + coalesce(extra.score, 0) / 100)'
                                        ' / (contributors >= 3)'),
    ('licensed', 'share', 'collaboration_openness', "extra.license IS NOT NULL AND extra.license != 'gpl-3.0'"),
    ('text_models', 'share', 'Model use',
     "repo_type IN (model, code) AND extra.pipeline_tag = 'text-generation' OR created_at >= 2023-01-01"),
    ('named_active', 'share', 'custom', "NOT (commits < 5) AND full_name CONTAINS 'GI-1'"),
    ('Tiny', 'share', 'custom', 'contributors >= 8 OR extra.score >= 9.5'),
]


# ---------------------------------------------------------------------------------------------------------------
# The expression language (docs/metrics.md): tokens

TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<text>'(?:[^']|'')*')
  | (?P<date>\d{4}-\d{2}-\d{2}(?![\w.]))
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<word>[A-Za-z_][\w.]*)
  | (?P<symbol><=|>=|!=|<>|==|[<>=(),+\-*/])
""", re.VERBOSE)
KEYWORDS = {'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'CONTAINS'}
COUNTS = mg.COUNT_COLUMNS
TEXT_COLUMNS = {'platform', 'repo_type', 'full_name', 'name', 'created_at'}


def tokens(source):
    out, i = [], 0
    while i < len(source):
        m = TOKEN.match(source, i)
        if not m:
            raise SyntaxError('at character %d' % (i + 1))
        kind = m.lastgroup
        value = m.group(kind)
        if kind == 'word' and value.lower().startswith('extra.'):
            # Keys of extra fields may hold dashes.
            m = re.compile(r'[A-Za-z_][\w.\-]*').match(source, i)
            value = m.group(0)
        i = m.end()
        if kind == 'space':
            continue
        ends_operand = out and (out[-1][0] in ('text', 'date', 'number')
                                or out[-1][0] == 'word' and out[-1][1].upper() not in KEYWORDS
                                or out[-1] == ('symbol', ')'))
        if kind == 'symbol' and value == '-' and not ends_operand and i < len(source) and source[i].isdigit():
            n = re.compile(r'\d+(?:\.\d+)?(?:[eE][+-]?\d+)?').match(source, i)
            out.append(('number', '-' + n.group(0)))
            i = n.end()
            continue
        if kind == 'text':
            value = value[1:-1].replace("''", "'")
        out.append((kind, value))
    out.append(('end', ''))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Parsing into closures row -> value (a float or None for numbers, True / False / None for conditions)

class Parser:
    def __init__(self, source):
        self.t = tokens(source)
        self.i = 0

    def peek(self, k=0):
        return self.t[min(self.i + k, len(self.t) - 1)]

    def take(self):
        token = self.t[self.i]
        self.i += 1
        return token

    def keyword(self, word, k=0):
        kind, value = self.peek(k)
        return kind == 'word' and value.upper() == word

    def parse(self):
        node = self.or_()
        assert self.peek()[0] == 'end', self.peek()
        return node

    def or_(self):
        parts = [self.and_()]
        while self.keyword('OR'):
            self.take()
            parts.append(self.and_())
        if len(parts) == 1:
            return parts[0]
        return ('cond', lambda r: strict_or([p[1](r) for p in parts]))

    def and_(self):
        parts = [self.not_()]
        while self.keyword('AND'):
            self.take()
            parts.append(self.not_())
        if len(parts) == 1:
            return parts[0]
        return ('cond', lambda r: strict_and([p[1](r) for p in parts]))

    def not_(self):
        if self.keyword('NOT'):
            self.take()
            inner = self.not_()
            return ('cond', lambda r: None if inner[1](r) is None else not inner[1](r))
        return self.comparison()

    def comparison(self):
        kind, value = self.peek()
        if kind == 'word' and value.upper() not in KEYWORDS and not (value.lower() == 'coalesce'
                                                                      and self.peek(1) == ('symbol', '(')):
            nxt = self.peek(1)
            field = value.lower()
            value_kind, value_text = self.peek(2)
            # An extra field compared with text: quoted, a date, or a bare word that names no field or function.
            bare_word = (value_kind == 'word' and value_text.upper() not in KEYWORDS
                         and not value_text.lower().startswith('extra.') and value_text.lower() not in COUNTS
                         and value_text.lower() not in TEXT_COLUMNS and self.peek(3) != ('symbol', '('))
            if (any(self.keyword(k, 1) for k in ('IN', 'IS', 'CONTAINS', 'NOT')) or field in TEXT_COLUMNS
                    or field.startswith('extra.') and nxt[0] == 'symbol' and nxt[1] in OPS
                    and (value_kind in ('text', 'date') or bare_word)):
                return self.rule_condition()
        left = self.sum_()
        kind, value = self.peek()
        if kind == 'symbol' and value in OPS:
            self.take()
            right = self.sum_()
            op = OPS[value]
            return ('cond', lambda r: compare_numbers(number(left, r), op, number(right, r)))
        return left

    def rule_condition(self):
        field = self.take()[1]
        get = field_reader(field)
        if self.keyword('IS'):
            self.take()
            negated = self.keyword('NOT')
            if negated:
                self.take()
            assert self.keyword('NULL')
            self.take()
            return ('cond', lambda r: (get(r) is not None) if negated else (get(r) is None))
        negated = self.keyword('NOT')
        if negated:
            self.take()
        if self.keyword('IN'):
            self.take()
            assert self.take() == ('symbol', '(')
            values = [self.take()]
            while self.peek() == ('symbol', ','):
                self.take()
                values.append(self.take())
            assert self.take() == ('symbol', ')')
            wanted = [literal(field, v) for v in values]
            numeric_extra = field.lower().startswith('extra.') and isinstance(wanted[0], float)

            def member(r):
                v = number_of_extra(get(r)) if numeric_extra else get(r)
                if v is None:
                    return None
                found = any(v == w for w in wanted)
                return not found if negated else found
            return ('cond', member)
        if self.keyword('CONTAINS'):
            self.take()
            needle = self.take()[1].lower()

            def contains(r):
                v = get(r)
                if v is None:
                    return None
                found = needle in ascii_lower(str(v))
                return not found if negated else found
            return ('cond', contains)
        op = OPS[self.take()[1]]
        value = self.take()
        if field.lower() == 'created_at':
            return ('cond', date_condition(op, value[1]))
        wanted = literal(field, value)

        def compare_text(r):
            v = get(r)
            return None if v is None else compare_values(text_of(v) if isinstance(wanted, str) else v, op, wanted)
        return ('cond', compare_text)

    def sum_(self):
        left = self.product()
        while self.peek() in (('symbol', '+'), ('symbol', '-')):
            op = self.take()[1]
            right = self.product()
            left = arithmetic(left, op, right)
        return left

    def product(self):
        left = self.unary()
        while self.peek() in (('symbol', '*'), ('symbol', '/')):
            op = self.take()[1]
            right = self.unary()
            left = arithmetic(left, op, right)
        return left

    def unary(self):
        if self.peek() == ('symbol', '-'):
            self.take()
            inner = self.unary()
            return ('num', lambda r: None if number(inner, r) is None else -number(inner, r))
        kind, value = self.take()
        if kind == 'number':
            x = float(value)
            return ('num', lambda r: x)
        if kind == 'symbol' and value == '(':
            inner = self.or_()
            assert self.take() == ('symbol', ')')
            return inner
        if kind == 'word' and value.lower() == 'coalesce':
            assert self.take() == ('symbol', '(')
            parts = [self.or_()]
            while self.peek() == ('symbol', ','):
                self.take()
                parts.append(self.or_())
            assert self.take() == ('symbol', ')')
            conditions = all(p[0] == 'cond' for p in parts)

            def first_known(r):
                for p in parts:
                    v = p[1](r)
                    if v is not None:
                        return v
                return None
            return ('cond' if conditions else 'num', first_known)
        if kind == 'word':
            get = field_reader(value)
            if value.lower().startswith('extra.'):
                return ('num', lambda r: number_of_extra(get(r)))
            return ('num', lambda r: None if get(r) is None else float(get(r)))
        raise SyntaxError(value)


OPS = {'=': '=', '==': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>='}


def number(node, r):
    """A node's value as a number: conditions count 1 or 0."""
    v = node[1](r)
    if v is None:
        return None
    return float(v) if isinstance(v, bool) else v


def arithmetic(left, op, right):
    def value(r):
        a, b = number(left, r), number(right, r)
        if a is None or b is None:
            return None
        if op == '+':
            return a + b
        if op == '-':
            return a - b
        if op == '*':
            return a * b
        return None if b == 0 else a / b
    return ('num', value)


def compare_values(a, op, b):
    return {'=': a == b, '!=': a != b, '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b}[op]


def compare_numbers(a, op, b):
    return None if a is None or b is None else compare_values(a, op, b)


def strict_and(values):
    # any unknown part makes the condition unknown (docs/metrics.md), unlike SQL's three-valued logic
    return None if any(v is None for v in values) else all(values)


def strict_or(values):
    return None if any(v is None for v in values) else any(values)


def ascii_lower(text):
    return ''.join(c.lower() if c.isascii() else c for c in text)


def field_reader(name):
    key = name.lower()
    if key.startswith('extra.'):
        path = name[len('extra.'):].split('.')
        return lambda r: r['extra'].get(path[0]) if len(path) == 1 else None
    column = 'full_name' if key == 'name' else key
    return lambda r: r.get(column)


def number_of_extra(v):
    """An extra field as a number: JSON numbers, text made only of a number's characters; otherwise unknown."""
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if re.fullmatch(r'[0-9.eE+\-]*', v) and re.search(r'[0-9]', v):
        return float(v)
    return None


def text_of(v):
    return ('true' if v else 'false') if isinstance(v, bool) else str(v)


def literal(field, token):
    kind, value = token
    if field.lower() in COUNTS:
        return int(value)
    if field.lower().startswith('extra.') and kind == 'number':
        return float(value)
    return value


def date_condition(op, day):
    y, m, d = map(int, day.split('-'))
    import datetime
    nxt = (datetime.date(y, m, d) + datetime.timedelta(days=1)).isoformat()

    def test(r):
        c = r.get('created_at')
        if c is None:
            return None
        return {'=': day <= c < nxt, '!=': not (day <= c < nxt), '<': c < day, '<=': c < nxt, '>': c >= nxt,
                '>=': c >= day}[op]
    return test


def evaluator(expression):
    node = Parser(expression).parse()

    def value(row):
        v = number(node, row)
        return None if v is None or not math.isfinite(v) else v
    return value


def self_test():
    """Hand-checked values: unknowns (also inside AND / OR), division by zero, coalesce, text conditions."""
    row = {'platform': 'github', 'repo_type': 'code', 'full_name': 'Gi-1/Repo', 'created_at': '2023-01-01T10:00:00Z',
           'contributors': 2, 'commits': 10, 'stars': None, 'issues': 0,
           'extra': {'score': '-2.5', 'license': 'mit', 'tag': 'n/a'}}
    cases = {'commits / contributors': 5.0, 'commits / issues': None, 'stars + 1': None,
             'coalesce(stars, 3) * 2': 6.0, 'extra.score * 2': -5.0, 'extra.tag + 1': None,
             '(commits > 5) + (stars > 1)': None, 'commits > 5 OR stars > 1': None,
             'commits < 5 AND stars > 1': None, 'NOT stars > 1': None, "extra.license = mit": 1.0,
             "full_name CONTAINS 'gi-1'": 1.0, 'created_at = 2023-01-01': 1.0, 'created_at > 2023-01-01': 0.0,
             'stars IS NULL': 1.0, 'repo_type NOT IN (model, dataset)': 1.0, 'commits-1': 9.0, '2 - -1': 3.0,
             '-commits': -10.0, 'coalesce(stars > 1, commits > 1)': 1.0}
    for expression, expected in cases.items():
        got = evaluator(expression)(row)
        assert got == expected, (expression, got, expected)


# ---------------------------------------------------------------------------------------------------------------
# The sample and the comparisons

def sample_rows():
    rng = np.random.default_rng(20260507)
    rows = mg.github_rows(rng, 130) + mg.huggingface_rows(rng, 110)
    licenses = np.array(['mit', 'apache-2.0', 'gpl-3.0', None], dtype=object)
    tags = np.array(['text-generation', 'fill-mask', None], dtype=object)
    for i, r in enumerate(rows):
        extra = {}
        license_ = licenses[rng.integers(0, 4)]
        if license_ is not None:
            extra['license'] = license_
        u = rng.random()
        if u < 0.6:
            extra['score'] = '%g' % round(float(rng.normal(4, 3)), 1)
        elif u < 0.7:
            extra['score'] = 'n/a'
        tag = tags[rng.integers(0, 3)]
        if tag is not None:
            extra['pipeline_tag'] = tag
        r['extra'] = extra
        r['full_name'] = '%s-%d/repo-%d' % (r['platform'][:2], i // 3, i)
    return rows


def write_csv(rows):
    with open(os.path.join(HERE, 'custom.csv'), 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(mg.COLUMNS + EXTRA)
        for r in rows:
            w.writerow([r['platform'], r['repo_type'], r['full_name'], r.get('created_at') or '']
                       + ['' if r.get(c) is None else r[c] for c in mg.COUNT_COLUMNS]
                       + [r['extra'].get(c, '') for c in EXTRA])


def read_csv():
    with open(os.path.join(HERE, 'custom.csv'), newline='') as f:
        rows = []
        for r in csv.DictReader(f):
            row = {'platform': r['platform'], 'repo_type': r['repo_type'], 'full_name': r['full_name'],
                   'created_at': r['created_at'] or None,
                   'extra': {c: r[c] for c in EXTRA if r[c] != ''}}
            for c in mg.COUNT_COLUMNS:
                row[c] = None if r[c] == '' else int(r[c])
            rows.append(row)
        return rows


BUILT_IN_DIMENSIONS = ['collaboration_intensity', 'collaboration_openness', 'knowledge_exchange', 'user_innovation',
                       'popularity']


def ordered_metrics():
    """Report order (docs/metrics.md): the built-in dimensions, then custom dimensions by key, ignoring case; in each,
    the built-in metrics, then custom ones by name (ignoring case)."""
    custom_dimensions = sorted({d for _, _, d, _ in CUSTOM} - set(BUILT_IN_DIMENSIONS), key=lambda d: (d.lower(), d))
    out = []
    for dimension in BUILT_IN_DIMENSIONS + custom_dimensions:
        out += [(m, k, d, None) for m, d, k in mg.METRICS if d == dimension]
        out += sorted([(m, k, d, e) for m, k, d, e in CUSTOM if d == dimension], key=lambda m: m[0].lower())
    return out


def custom_values(rows, expression):
    f = evaluator(expression)
    v = np.array([math.nan if f(r) is None else f(r) for r in rows], dtype=np.float64)
    return v[~np.isnan(v)]


def values(rows, metric, kind, expression):
    return mg.values(rows, metric, kind) if expression is None else custom_values(rows, expression)


def compare(rows_a, rows_b):
    metrics = []
    for metric, kind, dimension, expression in ordered_metrics():
        a, b = values(rows_a, metric, kind, expression), values(rows_b, metric, kind, expression)
        if kind == 'numeric':
            m = mgt.numeric_metric(metric, a, b)
            mean_a = float(np.mean(a)) if len(a) else math.nan
            m['mean_pct_diff'] = (None if not len(a) or not len(b) or mean_a == 0
                                  else (float(np.mean(b)) - mean_a) / mean_a * 100)
        else:
            m = mgt.share_metric(metric, a, b)
        m['dimension'] = dimension
        metrics.append(m)
    holm, bh, size = mgt.adjusted([m['p_value'] for m in metrics])
    for m, h, f in zip(metrics, holm, bh):
        m['p_holm'], m['p_bh'] = h, f
    return {'family_size': size, 'metrics': metrics}


def stratified(rows_a, rows_b, key_a, key_b):
    years = sorted({mgt.year_of(r) for r in rows_a + rows_b} - {None})
    by_year = {y: ([r for r in rows_a if mgt.year_of(r) == y], [r for r in rows_b if mgt.year_of(r) == y])
               for y in years}
    strata = []
    for y in years:
        ya, yb = by_year[y]
        stratum = {'stratum': str(y), 'repositories': {key_a: len(ya), key_b: len(yb)}}
        stratum.update(compare(ya, yb))
        strata.append(stratum)
    tests = []
    for metric, kind, _, expression in ordered_metrics():
        parts = [(values(ya, metric, kind, expression), values(yb, metric, kind, expression))
                 for ya, yb in by_year.values()]
        if kind == 'numeric':
            z, p, used = mgt.van_elteren(parts)
            tests.append({'metric': metric, 'van_elteren_z': z, 'p_value': p, 'strata': used})
        else:
            tables = [[[int(a.sum()), int(len(a) - a.sum())], [int(b.sum()), int(len(b) - b.sum())]]
                      for a, b in parts]
            statistic, p, used = mgt.cmh(tables)
            tests.append({'metric': metric, 'cmh_chi_square': statistic, 'p_value': p, 'strata': used})
    unknown = {key_a: sum(mgt.year_of(r) is None for r in rows_a),
               key_b: sum(mgt.year_of(r) is None for r in rows_b)}
    return {'strata': strata, 'stratified': tests, 'unknown_created': unknown}


def run_case(name, rows, by, stratify=False):
    results = []
    for key_a, key_b, a, b in mgt.pairs_of(rows, by):
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
    return {'name': name, 'input': 'custom.csv', 'by': by, 'where': [], 'created_from': None,
            'created_to': None, 'stratify': 'created_year' if stratify else None, 'expected': expected}


def main():
    self_test()
    write_csv(sample_rows())
    rows = read_csv()
    cases = [run_case('custom metrics by platform', rows, 'platform'),
             run_case('custom metrics by repo_type', rows, 'repo_type'),
             run_case('custom metrics by platform within creation years', rows, 'platform', stratify=True)]
    doc = {'generator': {'script': 'custom/make_custom_golden.py', 'python': sys.version.split()[0],
                         'numpy': np.__version__, 'scipy': scipy.__version__,
                         'statsmodels': statsmodels.__version__},
           'metrics': [{'name': n, 'kind': k, 'dimension': d, 'expression': e} for n, k, d, e in CUSTOM],
           'cases': cases}
    with open(os.path.join(HERE, 'expected.json'), 'w') as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write('\n')
    for c in cases:
        exp = c['expected']
        pairs = [exp] if 'metrics' in exp else exp['comparisons']
        for p in pairs:
            shown = [(m['metric'], m['a']['n'], m['b']['n'], m['p_method']) for m in p['metrics']
                     if m['metric'] in {n for n, _, _, _ in CUSTOM}]
            print(c['name'], p['groups'], shown)


if __name__ == '__main__':
    main()
