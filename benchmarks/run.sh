#!/usr/bin/env bash
# Builds the agent and the benchmarks, then runs them on the default JDK (or $JAVA).
#
#   benchmarks/run.sh [full] [WORKLOADS] [--threads 1,2,...] [--json F] [--chart F]
#                                the harness: throughput table, the ratios of DESIGN.md §6 and issues 12/13, a
#                                PASS/MISS summary, results.json and chart.svg in benchmarks/target
#                                (all workloads on 1 and 2 threads: ~10 min on 2 cores)
#   benchmarks/run.sh quick [...] the same with short rounds: a smoke test, figures not meaningful
#   benchmarks/run.sh full bank,list   only those workloads (the harness's usage message lists them)
#   benchmarks/run.sh full --threads 1,2,4,8   those thread counts (1 among them): ratios at each N against 1 thread
#   benchmarks/run.sh full --replot R.json [--chart F]   redraw the chart of an earlier run's results, no measuring
#   benchmarks/run.sh jmh [ARGS] the JMH microbenchmarks, briefly; ARGS go to JMH (a regexp, -l, -h, ...);
#                                e.g. jmh LargeBlock: per-access cost in large blocks, fast path and speculative
#
# The harness runs, from the repository root, as
#                      java -javaagent:agent/target/ame.jar=config=benchmarks/harness.conf \
#                        -cp 'benchmarks/target/ame-benchmarks.jar:benchmarks/target/lib/*' dev.ame.bench.Harness
#                      harness.conf keeps the peer STMs (on the class path from target/lib) and the lambda-building classes out of the agent's scope.
# JMH runs as          java -jar benchmarks/target/benchmarks.jar ...  whose main class (AgentJmhMain) appends
#                      -javaagent:<ame.jar> to every fork's JVM arguments (what @Fork(jvmArgsAppend) would do).
#                      The agent jar is agent/target/ame.jar of this checkout, found relative to benchmarks.jar;
#                      set AME_AGENT=path/to/ame.jar (passed as -Dame.agent) to use another one.
# Environment: JAVA (java executable, default: java on PATH), SKIP_BUILD=1 (reuse what is built),
#              JAVA_OPTS (more JVM options for the harness, e.g. -Dame.fastPath=false: every block speculative),
#              AME_OPTIONS (more agent options for the harness and the JMH forks, e.g. report=/tmp/report.txt: profiling on).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
java="${JAVA:-java}"
agent="${AME_AGENT:-$root/agent/target/ame.jar}"
mode="${1:-full}"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # Only the agent and this module (and what they need); no tests, no benchmark runs during the build.
  mvn -B -q -f "$root/pom.xml" package -DskipTests -pl agent,benchmarks -am
fi

case "$mode" in
  full | quick)
    shift || true
    cd "$root" # the harness's default output paths are relative to the repository root
    classPath="$here/target/ame-benchmarks.jar:$here/target/lib/*"
    agentArgs=(-javaagent:"$agent"=config="$here/harness.conf"${AME_OPTIONS:+,$AME_OPTIONS})
    for arg in "$@"; do
      # Redrawing or summing earlier results measures nothing: the runtime's classes on the class
      # path, no agent (whose config check would report every exclude as matching no class).
      if [[ "$arg" == --summary || "$arg" == --replot ]]; then
        agentArgs=()
        classPath="$agent:$classPath"
      fi
    done
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    exec "$java" ${JAVA_OPTS:-} "${agentArgs[@]}" -cp "$classPath" dev.ame.bench.Harness "$mode" "$@"
    ;;
  jmh)
    shift
    # Brief by default: 3 warm-up and 5 measured iterations of 1 s, one fork per benchmark (~4 min
    # for all). An option given on the command line replaces its default (JMH rejects one given twice).
    defaults=()
    for pair in "-wi 3" "-w 1s" "-i 5" "-r 1s" "-f 1"; do
      option="${pair% *}"
      given=0
      for arg in "$@"; do [[ "$arg" == "$option" ]] && given=1; done
      [[ $given == 0 ]] && defaults+=($pair)
    done
    set -- "${defaults[@]}" "$@"
    exec "$java" -Dame.agent="$agent" -Dame.agentOptions="${AME_OPTIONS:-}" -jar "$here/target/benchmarks.jar" "$@"
    ;;
  *)
    echo "usage: $0 [full | quick] [WORKLOAD,...] [--threads 1,2,...] [--json FILE] [--chart FILE]   or   $0 jmh [JMH options]   (got: $*)" >&2
    exit 2
    ;;
esac
