#!/usr/bin/env bash
# Renders the HTML conflict report of the hot-spot sample in headless Chromium and saves a PNG,
# so that the page is known to render in a real browser. Needs Debian's chromium package
# (apt-get install chromium). Usage: scripts/screenshot-report.sh [out.png]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/conflict-report.png}"
command -v chromium >/dev/null || { echo "chromium is not installed: apt-get install chromium" >&2; exit 2; }
[ -f agent/target/ame.jar ] || mvn -B -q package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -javaagent:agent/target/ame.jar=report="$work/report.html" -cp samples/target/ame-samples.jar \
  dev.ame.samples.hotspot.HotSpotDemo naive 4 200000
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" --window-size=1200,700 \
  --screenshot="$out" "file://$work/report.html" 2>/dev/null
echo "screenshot of the report: $out"
