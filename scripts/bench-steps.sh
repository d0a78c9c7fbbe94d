#!/usr/bin/env bash
# Training steps of one network as DL4J runs it and with the plugin's faster layers, alternating in
# one JVM (bench.TrainingSteps): medians and quartiles of 200 steps, batch 64, with the CPU kind.
#   scripts/bench-steps.sh [cnn|lenet] [grey28|rgb64] [steps, 200]
# ISA=avx2 emulates an AVX2-only CPU on an AVX-512 one (scripts/cpu-kind.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
source scripts/cpu-kind.sh
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "${java_options[@]}" \
	-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
	io.github.digitclassifier.bench.TrainingSteps "${1:-cnn}" "${2:-grey28}" "${3:-200}"
