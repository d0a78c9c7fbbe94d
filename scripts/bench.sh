#!/usr/bin/env bash
# Speed figures, one RESULT line each: import + preprocessing, training throughput (LeNet, CNN),
# classification of a 10,000-slice stack and of one image, and the first command in a fresh ImageJ
# (scripts/bench-imagej.sh), with the CPU and instruction set they ran on. Needs MNIST (fetched here
# if missing). ISA=avx2 emulates an AVX2-only CPU on an AVX-512 one (scripts/cpu-kind.sh), but for
# ONNX Runtime's own kernels (classification), which choose theirs and cannot be capped.
#   scripts/bench.sh [images to train on, default all 60,000]
#   scripts/bench.sh 0 exchange [onnx|dl4j] export times; classification through ONNX Runtime (or DL4J)
#   JAVA_OPTS=-Domp=1 scripts/bench.sh      ND4J with one OpenMP thread
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-mnist.sh >/dev/null
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
source scripts/cpu-kind.sh
[[ ${ISA:-} != avx2 ]] || echo "(ONNX Runtime's kernels, which classify, are not capped: classification figures are AVX-512's)"
java -Xmx2g ${JAVA_OPTS:-} "${java_options[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
	-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
	io.github.digitclassifier.bench.Benchmark data/mnist "${1:-60000}" ${2:+"$2"} ${3:+"$3"}
[[ -z ${2:-} ]] || exit 0
# The first command in a freshly started ImageJ, and a second one (needs xvfb-run).
if command -v xvfb-run >/dev/null; then JAVA_OPTS="${JAVA_OPTS:-} ${java_options[*]}" scripts/bench-imagej.sh 1; else echo "no xvfb-run: ImageJ figures skipped" >&2; fi
