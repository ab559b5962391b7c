#!/usr/bin/env bash
# Measures how long the installed app takes to show its first window, under Xvfb, on a first start (fresh user
# folders, so the sample project is created as on a new machine) with the page cache dropped (cold) when allowed.
#
#   installer/measure-startup.sh [--launcher PATH] [--reference PATH] [--display :N] [--runs N] [--screenshot FILE]
#                                [--warm]
#
# --reference PATH: the reference measured in the same run, e.g. the previous build's launcher unpacked with
# dpkg-deb -x; each round starts the reference, then the launcher, each cold, and both medians are printed.
# Dropping the page cache needs root; without it (or with --warm) the runs are warm and say so.
# Defaults: the .deb's launcher /opt/divergence-workbench/bin/divergence-workbench, a private Xvfb, 3 runs.
# Needs Xvfb, xdotool and (for --screenshot) ImageMagick's import: apt-get install xvfb xdotool imagemagick.
# Prints one line per run and the median; exits 1 when the window never appears (30 s).
set -euo pipefail

launcher=/opt/divergence-workbench/bin/divergence-workbench
reference=
display=
runs=3
screenshot=
warm=
while [ $# -gt 0 ]; do
  case "$1" in
    --launcher) launcher=$2; shift 2 ;;
    --reference) reference=$2; shift 2 ;;
    --display) display=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --screenshot) screenshot=$2; shift 2 ;;
    --warm) warm=yes; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install xvfb xdotool)" >&2; exit 2; }
done
[ -x "$launcher" ] || { echo "no launcher at $launcher (install the .deb, or pass --launcher)" >&2; exit 2; }
[ -z "$reference" ] || [ -x "$reference" ] || { echo "no reference launcher at $reference" >&2; exit 2; }

xvfb_pid=
app_pid=
scratch=$(mktemp -d)
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

if [ -z "$display" ]; then
  n=90
  while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
  display=":$n"
  Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.05; done
fi
export DISPLAY=$display

now_ms() { date +%s%3N; }
shown_ms=()
opened_ms=()
reference_shown_ms=()
reference_opened_ms=()
# measure LAUNCHER NAME: one cold first start; sets shown and opened (ms)
measure() {
  local launcher=$1 name=$2
  home="$scratch/home-$name"
  rm -rf "$home"
  mkdir -p "$home"
  cache="warm"
  if [ -z "$warm" ] && sync && (echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then cache="cold: page cache dropped"; fi
  start=$(now_ms)
  # Java takes the home folder from the password database, not $HOME: the XDG variables move the app's folders.
  XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
    "$launcher" >"$scratch/app-$name.log" 2>&1 &
  app_pid=$!
  window=
  while [ -z "$window" ]; do
    window=$(xdotool search --onlyvisible --name 'Divergence Workbench' 2>/dev/null | head -1 || true)
    if [ -z "$window" ]; then
      if ! kill -0 "$app_pid" 2>/dev/null; then echo "the app exited:"; cat "$scratch/app-$name.log"; exit 1; fi
      if [ $(( $(now_ms) - start )) -gt 30000 ]; then echo "no window after 30 s"; exit 1; fi
      sleep 0.01
    fi
  done
  shown=$(( $(now_ms) - start ))
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$app_pid/stat")
  # The project opens in the background once the window is up: wait for its name in the title.
  title=$(xdotool getwindowname "$window")
  while [[ "$title" != *" — "* ]] && [ $(( $(now_ms) - start )) -lt 30000 ]; do
    sleep 0.02
    title=$(xdotool getwindowname "$window")
  done
  opened=$(( $(now_ms) - start ))
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "$name ($cache, load $load): first window after ${shown} ms (${cpu_ms} ms CPU);" \
    "project open after ${opened} ms; title: $title"
  if [ -n "$screenshot" ] && [ "$name" = "run $runs" ]; then
    sleep 1
    import -display "$display" -window root "$screenshot"
    echo "screenshot: $screenshot"
  fi
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR == 1 {lo=$1} {hi=$1} END {print lo "–" hi}'; }

for run in $(seq "$runs"); do
  if [ -n "$reference" ]; then
    measure "$reference" "reference $run"
    reference_shown_ms+=("$shown")
    reference_opened_ms+=("$opened")
  fi
  measure "$launcher" "run $run"
  shown_ms+=("$shown")
  opened_ms+=("$opened")
done
echo "median first window: $(median "${shown_ms[@]}") ms ($(range "${shown_ms[@]}")), project open:" \
  "$(median "${opened_ms[@]}") ms ($(range "${opened_ms[@]}")) over $runs run(s) ($launcher)"
if [ -n "$reference" ]; then
  echo "reference: median first window: $(median "${reference_shown_ms[@]}") ms ($(range "${reference_shown_ms[@]}")),"\
    "project open: $(median "${reference_opened_ms[@]}") ms ($(range "${reference_opened_ms[@]}")) ($reference)"
fi
