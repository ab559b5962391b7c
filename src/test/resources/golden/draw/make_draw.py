#!/usr/bin/python3
"""Independent reference for `draw` (docs/population.md): writes a small population as canonical CSV, then computes
the proportional allocation by largest remainder with exact fractions and the seeded draw (SplitMix64, partial
Fisher-Yates over each stratum in key order), written from the documented algorithm, not from the Java code.

Run with Debian's python3 from this folder: /usr/bin/python3 make_draw.py
Outputs: population.csv, expected-allocation.json, expected-ids.txt (n=100, seed=20260427, reserve=2,
strata platform,repo_type,created_year)."""
import csv
import json
import random
from fractions import Fraction

MASK = (1 << 64) - 1
N, SEED, RESERVE = 100, 20260427, 2
STRATA = ["platform", "repo_type", "created_year"]


def population():
    rng = random.Random(7)
    rows = []
    types = [("github", "code", 420), ("huggingface", "model", 300), ("huggingface", "dataset", 180),
             ("huggingface", "space", 97)]
    for platform, repo_type, count in types:
        for i in range(count):
            # A handful of Hugging Face ids exist as several types: the key includes the type.
            name = f"org-{i % 37}/{'shared' if i < 5 else repo_type}-{i}"
            year = rng.choice([2016, 2018, 2019, 2021, 2022, 2023, 2024, None])
            created = None if year is None else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00Z"
            rows.append((platform, repo_type, name, created))
    rng.shuffle(rows)  # the import order must not matter
    return rows


def allocate(sizes, n):
    total = sum(sizes)
    quotas = [Fraction(n * s, total) for s in sizes]
    alloc = [q.numerator // q.denominator for q in quotas]
    left = n - sum(alloc)
    order = sorted(range(len(sizes)), key=lambda h: (-(quotas[h] - alloc[h]), h))
    for h in order[:left]:
        alloc[h] += 1
    return alloc


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        threshold = (1 << 64) % bound
        while True:
            value = self.next()
            if value >= threshold:
                return value % bound


def text_form(platform, repo_type, name):
    return f"github:{name}" if platform == "github" else f"huggingface:{repo_type}:{name}"


def main():
    rows = population()
    with open("population.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["platform", "repo_type", "full_name", "created_at", "contributors", "commits",
                         "pull_requests", "merged_pull_requests", "issues", "discussions", "stars", "forks",
                         "downloads", "likes", "derivatives"])
        for platform, repo_type, name, created in rows:
            writer.writerow([platform, repo_type, name, created or ""] + [""] * 11)
    # Key order as SQLite's BINARY collation sorts: platform, full_name, repo_type.
    ordered = sorted(rows, key=lambda r: (r[0], r[2], r[1]))
    strata = {}
    for platform, repo_type, name, created in ordered:
        key = (platform, repo_type, created[:4] if created else "unknown")
        strata.setdefault(key, []).append(text_form(platform, repo_type, name))
    keys = sorted(strata)
    sizes = [len(strata[k]) for k in keys]
    alloc = allocate(sizes, N)
    rng = SplitMix64(SEED)
    samples, reserves = [], []
    for key, n_h in zip(keys, alloc):
        members = list(strata[key])
        r_h = min(RESERVE, len(members) - n_h)
        for i in range(n_h + r_h):
            j = i + rng.below(len(members) - i)
            members[i], members[j] = members[j], members[i]
        samples.append(members[:n_h])
        reserves.append(members[n_h:n_h + r_h])
    with open("expected-ids.txt", "w", newline="") as out:
        for block in samples + reserves:
            for ref in block:
                out.write(ref + "\n")
    with open("expected-allocation.json", "w") as out:
        json.dump({"n": N, "seed": SEED, "reserve": RESERVE, "strata": [
            {"key": dict(zip(STRATA, k)), "population": s, "sample_size": a,
             "quota": str(Fraction(N * s, sum(sizes))), "reserve_size": len(r)}
            for k, s, a, r in zip(keys, sizes, alloc, reserves)]}, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
