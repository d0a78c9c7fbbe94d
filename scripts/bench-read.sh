#!/usr/bin/env bash
# Reading numbers: builds numbers of 5 handwritten digits from the 10,000 MNIST test images (never
# trained on) under four conditions (spaced; touching; with points, commas and dashes; on ruled,
# unevenly lit, noisy paper), 20 to 80 px tall, dark on light or light on dark, and prints per
# condition the whole-string and per-digit accuracy and the numbers read per second (with the
# bundled models and no other argument than the count, into docs/benchmarks.md, "Reading numbers").
#   scripts/bench-read.sh [numbers per condition (500)] [model zip (bundled)] [digits per number (5)] [1: tell the reader the count]
#                         [strip network (.onnx or DL4J zip; "none": cut touching digits apart; default: as the commands do)]
#                         [digit class folders (data/mnist/test)]
# OFFLINE=1 runs Maven offline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-mnist.sh >/dev/null
mvn ${OFFLINE:+-o} -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
result=$(mktemp)
trap 'rm -f "$result"' EXIT
{
	echo "## Reading numbers"
	echo
	echo "\`scripts/bench-read.sh ${1:-500}\`, $(date -u +%Y-%m-%d): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores;" \
		"numbers of 5 digits made of the MNIST test images (never trained on), 20 to 80 px tall, half dark on light, read as the" \
		"commands read with the bundled models; whole numbers and digits (1 - edit distance / 5) read right."
	echo
	java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
		-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
		io.github.digitclassifier.bench.ReadNumbersBenchmark "${6:-data/mnist/test}" "${1:-500}" "${3:-5}" "${2:-}" 1 "${4:-0}" "${5:-}"
} | tee "$result"
# Only the bundled models' figures, as the commands read, go to docs/benchmarks.md.
if [[ $# -le 1 ]] && grep -q '^| ' "$result"; then
	scripts/benchmarks-section.sh "$result"
fi
