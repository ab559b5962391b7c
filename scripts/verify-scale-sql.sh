#!/usr/bin/env bash
# Runs the ClickHouse query that docs/scale.md documents, as written (only its INTO OUTFILE line is dropped, so that
# the rows come back instead of going to a file), on chDB: ClickHouse's embedded engine (26.7, from the npm package
# chdb@3.4.0), against a small GH Archive-shaped github_events table built here, and compares the rows with the ones
# worked out by hand below. It runs the query twice, in UTC and in Tokyo time, which must not change a thing.
# Exit 0 only when every row matches.
#
# Usage: scripts/verify-scale-sql.sh [SCALE_MD]
#   SCALE_MD  default docs/scale.md; the query is the ```sql block after the line <!-- verify-scale-sql -->.
#   CHDB_DIR  (environment) where chDB is installed, default .cache/chdb-3.4.0 in the repository (git ignores
#             .cache/). The first run installs it with npm: about 190 MB to download, 550 MB on disk, linux-x64.
# Needs node and npm. Not part of `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE_MD=${1:-docs/scale.md}
CHDB_DIR=${CHDB_DIR:-$PWD/.cache/chdb-3.4.0}
CHDB_VERSION=3.4.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. chDB in its private folder (npm pulls the native library, @chdb/lib-linux-x64-gnu, with it).
installed() {
    [ -f "$CHDB_DIR/node_modules/chdb/package.json" ] \
        && [ "$(node -p "require('$CHDB_DIR/node_modules/chdb/package.json').version")" = "$CHDB_VERSION" ]
}
if ! installed; then
    echo "Installing chdb@$CHDB_VERSION into $CHDB_DIR (about 190 MB) ..." >&2
    mkdir -p "$CHDB_DIR"
    [ -f "$CHDB_DIR/package.json" ] || echo '{"private": true}' > "$CHDB_DIR/package.json"
    (cd "$CHDB_DIR" && npm install --no-audit --no-fund --loglevel=error "chdb@$CHDB_VERSION") >&2
    installed || { echo "FAIL: chdb@$CHDB_VERSION did not install into $CHDB_DIR" >&2; exit 1; }
fi

# 2. The query exactly as documented, minus its INTO OUTFILE line.
awk '/<!-- verify-scale-sql -->/ { marked = 1; next }
     marked && !inside && /^```sql/ { inside = 1; next }
     inside && /^```/ { exit }
     inside' "$SCALE_MD" > "$work/documented.sql"
[ -s "$work/documented.sql" ] || { echo "FAIL: no \`\`\`sql block after <!-- verify-scale-sql --> in $SCALE_MD" >&2; exit 1; }
grep -c 'INTO OUTFILE' "$work/documented.sql" > /dev/null \
    || { echo "FAIL: the documented query has no INTO OUTFILE line to drop" >&2; exit 1; }
grep -v 'INTO OUTFILE' "$work/documented.sql" > "$work/query.sql"

# 3. The table: GH Archive's github_events as ClickHouse publishes it (every column; the query reads some), the variant
#    the Java tests load into ClickHouse 18.16 (String where the public schema has LowCardinality(String)).
SCHEMA=src/test/resources/org/divergence/testsupport/github_events.sql

# The events (created_at in UTC). The window the documented query uses is 2015-01-01 00:00:00 to 2025-10-07 00:00:00.
#  alice/alpha     created in the window; branch and tag CreateEvents (not creations); pushers alice, bob and a bot,
#                  one push with no new commit; pull requests #1 merged, #2 closed unmerged then reopened and merged,
#                  #3 opened twice (a duplicated event) and never closed, #4 by a bot and merged, #9 closed unmerged;
#                  a synchronize (ignored); issues #5 and #6 opened, #5 closed and reopened, #12 only closed
#                  (transferred in); comments and reviews (ignored); stars incl. a repeated one, a bot's and one in the
#                  window's last second; two forks; after the window (GitHub's October 2025 payload change) a star at
#                  its first second, a push without size and a pull request closed without the merged flag.
#                  contributors {alice, bob, dependabot[bot], carol, dave, renovate[bot]} = 6; commits 3+2+1+0 = 6;
#                  pull requests {1,2,3,4,9} = 5; merged {1,2,4} = 3; issues {5,6} = 2; stars 5; forks 2.
#  old/legacy      created 2014-06-01, before the window, active inside it: no row.
#  bob/old-name    renamed to bob/new-name on 2025-06-01: the table has no repository id, so only the name it was
#                  created under has a row (its events before the rename: 1 contributor, 4 commits, 1 star); the new
#                  name has only a branch CreateEvent: no row.
#  carol/empty     created, nothing else: zeros.
#  dave/again      created, deleted, created again: the first creation counts; 1 contributor, 1+2 commits, issue #1
#                  opened twice: 1 issue.
#  eve/first-second, eve/just-before   created at the window's first second (row, one fork) and one second before
#                  it (no row).
#  tz/early        created half an hour into the window in UTC: lost if a bound were read in another time zone.
#  zed/late        created after the window: no row.
#  bots/only       every actor a bot: 2 contributors, 7 commits, 1 pull request, merged.
cat > "$work/events.tsv" <<'TSV'
CreateEvent	alice	alice/alpha	2025-02-01 10:00:00	none	repository	0	0	0	0
CreateEvent	alice	alice/alpha	2025-02-01 10:05:00	none	branch	0	0	0	0
CreateEvent	alice	alice/alpha	2025-02-02 09:00:00	none	tag	0	0	0	0
PushEvent	alice	alice/alpha	2025-02-01 10:10:00	none	none	0	0	3	3
PushEvent	bob	alice/alpha	2025-03-01 12:00:00	none	none	0	0	4	2
PushEvent	dependabot[bot]	alice/alpha	2025-04-01 08:00:00	none	none	0	0	1	1
PushEvent	alice	alice/alpha	2025-04-02 08:00:00	none	none	0	0	1	0
PullRequestEvent	carol	alice/alpha	2025-03-05 11:00:00	opened	none	1	0	0	0
PullRequestEvent	alice	alice/alpha	2025-03-06 11:00:00	closed	none	1	1	0	0
PullRequestEvent	dave	alice/alpha	2025-03-07 11:00:00	opened	none	2	0	0	0
PullRequestEvent	alice	alice/alpha	2025-03-08 11:00:00	closed	none	2	0	0	0
PullRequestEvent	dave	alice/alpha	2025-03-09 11:00:00	reopened	none	2	0	0	0
PullRequestEvent	alice	alice/alpha	2025-03-10 11:00:00	closed	none	2	1	0	0
PullRequestEvent	alice	alice/alpha	2025-03-11 11:00:00	opened	none	3	0	0	0
PullRequestEvent	alice	alice/alpha	2025-03-11 11:00:00	opened	none	3	0	0	0
PullRequestEvent	renovate[bot]	alice/alpha	2025-05-01 07:00:00	opened	none	4	0	0	0
PullRequestEvent	alice	alice/alpha	2025-05-02 07:00:00	closed	none	4	1	0	0
PullRequestEvent	frank	alice/alpha	2025-05-03 07:00:00	synchronize	none	4	0	0	0
PullRequestEvent	carol	alice/alpha	2025-05-10 07:00:00	opened	none	9	0	0	0
PullRequestEvent	alice	alice/alpha	2025-05-11 07:00:00	closed	none	9	0	0	0
IssuesEvent	erin	alice/alpha	2025-02-10 10:00:00	opened	none	5	0	0	0
IssuesEvent	erin	alice/alpha	2025-02-11 10:00:00	opened	none	6	0	0	0
IssuesEvent	alice	alice/alpha	2025-02-12 10:00:00	closed	none	5	0	0	0
IssuesEvent	erin	alice/alpha	2025-02-13 10:00:00	reopened	none	5	0	0	0
IssuesEvent	alice	alice/alpha	2025-02-20 10:00:00	closed	none	12	0	0	0
IssueCommentEvent	gina	alice/alpha	2025-02-14 10:00:00	created	none	5	0	0	0
PullRequestReviewEvent	gina	alice/alpha	2025-03-06 10:00:00	created	none	1	0	0	0
WatchEvent	gina	alice/alpha	2025-02-15 10:00:00	started	none	0	0	0	0
WatchEvent	henry	alice/alpha	2025-02-16 10:00:00	started	none	0	0	0	0
WatchEvent	gina	alice/alpha	2025-06-16 10:00:00	started	none	0	0	0	0
WatchEvent	stargazer[bot]	alice/alpha	2025-06-17 10:00:00	started	none	0	0	0	0
WatchEvent	ivy	alice/alpha	2025-10-06 23:59:59	started	none	0	0	0	0
ForkEvent	henry	alice/alpha	2025-02-17 10:00:00	none	none	0	0	0	0
ForkEvent	ivy	alice/alpha	2025-07-17 10:00:00	none	none	0	0	0	0
WatchEvent	jack	alice/alpha	2025-10-07 00:00:00	started	none	0	0	0	0
PushEvent	alice	alice/alpha	2025-10-08 09:00:00	none	none	0	0	0	0
PullRequestEvent	kate	alice/alpha	2025-10-09 09:00:00	opened	none	7	0	0	0
PullRequestEvent	alice	alice/alpha	2025-10-10 09:00:00	closed	none	7	0	0	0
CreateEvent	olga	old/legacy	2014-06-01 09:00:00	none	repository	0	0	0	0
PushEvent	olga	old/legacy	2014-06-01 09:05:00	none	none	0	0	10	10
PushEvent	olga	old/legacy	2025-03-01 09:00:00	none	none	0	0	2	2
CreateEvent	olga	old/legacy	2025-03-02 09:00:00	none	branch	0	0	0	0
WatchEvent	gina	old/legacy	2025-03-03 09:00:00	started	none	0	0	0	0
IssuesEvent	erin	old/legacy	2014-07-01 09:00:00	opened	none	1	0	0	0
CreateEvent	bob	bob/old-name	2025-05-01 08:00:00	none	repository	0	0	0	0
PushEvent	bob	bob/old-name	2025-05-01 08:01:00	none	none	0	0	4	4
WatchEvent	gina	bob/old-name	2025-05-20 08:00:00	started	none	0	0	0	0
CreateEvent	bob	bob/new-name	2025-06-02 07:00:00	none	branch	0	0	0	0
PushEvent	bob	bob/new-name	2025-06-02 08:00:00	none	none	0	0	5	5
PullRequestEvent	carol	bob/new-name	2025-06-03 08:00:00	opened	none	1	0	0	0
PullRequestEvent	bob	bob/new-name	2025-06-04 08:00:00	closed	none	1	1	0	0
WatchEvent	henry	bob/new-name	2025-06-05 08:00:00	started	none	0	0	0	0
WatchEvent	ivy	bob/new-name	2025-06-06 08:00:00	started	none	0	0	0	0
CreateEvent	carol	carol/empty	2025-08-15 12:34:56	none	repository	0	0	0	0
CreateEvent	dave	dave/again	2025-03-01 00:00:01	none	repository	0	0	0	0
PushEvent	dave	dave/again	2025-03-01 00:10:00	none	none	0	0	1	1
CreateEvent	dave	dave/again	2025-09-01 00:00:00	none	repository	0	0	0	0
PushEvent	dave	dave/again	2025-09-01 00:10:00	none	none	0	0	2	2
IssuesEvent	dave	dave/again	2025-09-02 00:00:00	opened	none	1	0	0	0
IssuesEvent	dave	dave/again	2025-09-02 00:00:00	opened	none	1	0	0	0
CreateEvent	eve	eve/first-second	2015-01-01 00:00:00	none	repository	0	0	0	0
ForkEvent	frank	eve/first-second	2015-01-01 00:30:00	none	none	0	0	0	0
CreateEvent	eve	eve/just-before	2014-12-31 23:59:59	none	repository	0	0	0	0
PushEvent	eve	eve/just-before	2025-01-02 00:00:00	none	none	0	0	1	1
CreateEvent	tzuser	tz/early	2015-01-01 00:30:00	none	repository	0	0	0	0
CreateEvent	zed	zed/late	2025-10-08 10:00:00	none	repository	0	0	0	0
PushEvent	zed	zed/late	2025-10-08 10:05:00	none	none	0	0	0	0
PullRequestEvent	zed	zed/late	2025-10-09 10:00:00	opened	none	1	0	0	0
PullRequestEvent	zed	zed/late	2025-10-09 11:00:00	closed	none	1	0	0	0
CreateEvent	github-actions[bot]	bots/only	2025-04-04 04:04:04	none	repository	0	0	0	0
PushEvent	github-actions[bot]	bots/only	2025-04-04 04:05:00	none	none	0	0	7	7
PullRequestEvent	dependabot[bot]	bots/only	2025-04-05 04:00:00	opened	none	1	0	0	0
PullRequestEvent	github-actions[bot]	bots/only	2025-04-05 05:00:00	closed	none	1	1	0	0
TSV

# The rows worked out by hand from the events above (CSVWithNames; unknown columns empty).
cat > "$work/expected.csv" <<'CSV'
"platform","repo_type","full_name","created_at","contributors","commits","pull_requests","merged_pull_requests","issues","discussions","stars","forks","downloads","likes","derivatives"
"github","code","alice/alpha","2025-02-01T10:00:00Z",6,6,5,3,2,,5,2,,,
"github","code","bob/old-name","2025-05-01T08:00:00Z",1,4,0,0,0,,1,0,,,
"github","code","bots/only","2025-04-04T04:04:04Z",2,7,1,1,0,,0,0,,,
"github","code","carol/empty","2025-08-15T12:34:56Z",0,0,0,0,0,,0,0,,,
"github","code","dave/again","2025-03-01T00:00:01Z",1,3,0,0,1,,0,0,,,
"github","code","eve/first-second","2015-01-01T00:00:00Z",0,0,0,0,0,,0,1,,,
"github","code","tz/early","2015-01-01T00:30:00Z",0,0,0,0,0,,0,0,,,
CSV

# 4. One fresh node process per run: chDB 3.4.0 prepends a failed query's partial output to the next result.
cat > "$work/run.js" <<'JS'
const fs = require('fs');
const [chdbDir, dir, schema] = process.argv.slice(2);
const { Session } = require(chdbDir + '/node_modules/chdb');
const epoch = text => Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10), +text.slice(11, 13),
                               +text.slice(14, 16), +text.slice(17, 19)) / 1000;
// created_at as Unix seconds, so that no time zone can shift the events on the way in.
const rows = fs.readFileSync(dir + '/events.tsv', 'utf8').split('\n').filter(Boolean)
    .map(line => line.split('\t')).map(f => { f[3] = String(epoch(f[3])); return f.join('\t'); }).join('\n') + '\n';
const s = new Session();
try {
  s.query(fs.readFileSync(schema, 'utf8'));
  s.query('INSERT INTO github_events (event_type, actor_login, repo_name, created_at, action, ref_type, number,'
        + ' merged, push_size, push_distinct_size) FORMAT TabSeparated\n' + rows);
  process.stdout.write(s.query(fs.readFileSync(dir + '/query.sql', 'utf8')));  // the query's own FORMAT applies
} catch (e) {
  process.stderr.write(e.message + '\n');
  process.exitCode = 2;
} finally {
  s.cleanup();
}
JS
engine=$(node -e "console.log(require('$CHDB_DIR/node_modules/chdb').query('SELECT version()', 'TSV').trim())")
fail=0
for zone in UTC Asia/Tokyo; do
    if ! TZ=$zone node "$work/run.js" "$CHDB_DIR" "$work" "$SCHEMA" > "$work/actual.csv" 2> "$work/error.txt"; then
        echo "FAIL ($zone): the documented ClickHouse query does not run on chDB (ClickHouse $engine):" >&2
        cat "$work/error.txt" >&2
        fail=1
    elif ! diff -u "$work/expected.csv" "$work/actual.csv" >&2; then
        echo "FAIL ($zone): the rows differ from the expected ones (diff above: - expected, + actual)" >&2
        fail=1
    else
        echo "OK ($zone): the documented ClickHouse query gives the $(($(wc -l < "$work/expected.csv") - 1)) expected" \
             "rows on chDB $CHDB_VERSION (ClickHouse $engine)"
    fi
done
exit $fail
