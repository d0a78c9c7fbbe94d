#!/usr/bin/env bash
# How long the first command takes in a freshly started ImageJ (ND4J's start and the bundled
# model's loading included), and a second one in the same ImageJ: Classify Current Image on the
# 30-slice sample stack, in the packaged target/imagej under Xvfb. Prints RESULT lines.
#   scripts/bench-imagej.sh [runs, default 3]        (JAVA_OPTS: more options for ImageJ's JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/bench.ijm" <<MACRO
open("$PWD/sample-data/digits-stack.tif");
t0 = getTime();
run("Classify Current Image", "model_file=[]");
t1 = getTime();
run("Classify Current Image", "model_file=[]");
t2 = getTime();
print("RESULT imagej_first_command_ms " + (t1 - t0));
print("RESULT imagej_second_command_ms " + (t2 - t1));
print("BENCH_DONE");
MACRO
for ((run = 1; run <= ${1:-3}; run++)); do
	# shellcheck disable=SC2086 # JAVA_OPTS holds several options
	scripts/imagej-macro.sh "$work/bench.ijm" -Xmx2g ${JAVA_OPTS:-} | grep RESULT
done
