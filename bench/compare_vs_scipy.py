#!/usr/bin/env python3
"""`compare --json` end to end (JVM start included) against the SciPy reference, alternating, in one run.

    /usr/bin/python3 bench/compare_vs_scipy.py JAR PROJECT [--runs 3] [--by platform|repo_type]
                                               [--where KEY=V[,V]]... [--created-from D] [--created-to D]
                                               [--launcher PATH]

Each run times `java -Xmx1g -jar JAR compare --project PROJECT --json …` and then bench/compare_scipy.py with the
same grouping and filter (read with one query, the faster way), and prints both wall times and their ratio; then the
median and range of the ratios, the load average, and whether every figure agrees (`compare_scipy.py --check`).
With --launcher the installed app's launcher runs the command (e.g. the .deb unpacked with dpkg-deb -x:
.../opt/divergence-workbench/bin/divergence-workbench, with its class-data archive made as postinst makes it)
instead of `java -jar JAR`. Run it with Debian's /usr/bin/python3 (NumPy and SciPy from the python3-numpy / python3-scipy packages).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, out=None):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=out or subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('jar')
    parser.add_argument('project')
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--by', choices=['platform', 'repo_type'], default='platform')
    parser.add_argument('--where', action='append', default=[])
    parser.add_argument('--created-from')
    parser.add_argument('--created-to')
    parser.add_argument('--launcher', help="the installed app's launcher, run instead of java -jar JAR")
    args = parser.parse_args()
    java = os.path.join(os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64'), 'bin', 'java')
    filters = [f'--where={w}' for w in args.where]
    for option in ('created_from', 'created_to'):
        if getattr(args, option):
            filters.append(f"--{option.replace('_', '-')}={getattr(args, option)}")
    command = [args.launcher] if args.launcher else [java, '-Xmx1g', '-jar', args.jar]
    workbench = command + ['compare', '--project', args.project, '--json', '--by', args.by] + filters
    reference = [sys.executable, os.path.join(HERE, 'compare_scipy.py'), args.project, '--by', args.by] + filters
    print('filter:', ' '.join(filters) or 'none', f'| --by {args.by} | {command[-1]} | load average '
          f'{os.getloadavg()}')
    ratios = []
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, 'compare.json')
        for run in range(1, args.runs + 1):
            with open(output, 'w') as out:
                ours = timed(workbench, out)
            theirs = timed(reference)
            ratios.append(ours / theirs)
            print(f'run {run}: compare --json {ours:.2f} s, SciPy {theirs:.2f} s, ratio {ours / theirs:.3f}',
                  flush=True)
        print(f'median ratio {statistics.median(ratios):.3f} (range {min(ratios):.3f}-{max(ratios):.3f}); '
              f'load average now {os.getloadavg()}')
        check = subprocess.run(reference + ['--check', output], capture_output=True, text=True)
        print(check.stdout.strip().splitlines()[-1] if check.stdout.strip() else check.stderr)
        return check.returncode


if __name__ == '__main__':
    sys.exit(main())
