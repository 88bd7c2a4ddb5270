#!/usr/bin/env bash
# Builds the benchmark, which compiles every step's server too, then runs the load generator on
# core 1 (it starts each step's server on core 0 itself). Arguments go to the benchmark:  benchmark/run.sh --clients 1000
set -euo pipefail
cd "$(dirname "$0")/.."

# One file descriptor per connection, in the generator and in the servers (which inherit the limit).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
mvn -B -q -pl benchmark compile 1>&2 # the table alone goes to stdout

pin=(taskset -c 1)
if ! command -v taskset >/dev/null; then
  echo "taskset not found: the generator runs unpinned" >&2
  pin=()
fi
exec "${pin[@]}" java -cp benchmark/target/classes livefeed.benchmark.StepsBenchmark "$@"
