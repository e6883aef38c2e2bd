#!/usr/bin/env bash
# Soak run (not part of CI): a mixed workload with the agent for N minutes (default 10) —
# bank transfers, transfers that throw, TxMap word counts, a producer and a consumer through
# legacy synchronized/wait code made atomic by the config file — printing progress every 30 s
# and checking invariants, a flat heap and the commit counters at the end.
# Usage: scripts/soak.sh [minutes] [java]   (builds first unless AME_SOAK_NOBUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
java="${2:-java}"
if [[ "${AME_SOAK_NOBUILD:-0}" != 1 ]]; then
  mvn -B -q package -DskipTests
fi
config="$(mktemp --suffix=.conf)"
trap 'rm -f "$config"' EXIT
echo "synchronized dev.ame.it.programs.legacy.**" > "$config"
"$java" -Xmx256m -javaagent:agent/target/ame.jar=config="$config" -cp integration-tests/target/test-classes \
  dev.ame.it.programs.faults.Soak "$minutes"
