#!/usr/bin/env bash
# Trains the bundled strip network, which reads touching digits: numbers of 1 to 6 digits made of the
# 60,000 MNIST training digits (three in four touching, the rest spaced; 20 to 80 px tall; either
# polarity), found as the reader finds them, a fresh batch of 32 each step, Adam 2e-3 annealed to
# 1/16 over the steps, seed 42.
# Writes the ONNX model the plugin runs and, for further training, DL4J's zip.
#   scripts/train-strip-reader.sh [out.onnx] [steps]     (steps: 4,000 unless given)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-mnist.sh
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx3g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
	-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
	io.github.digitclassifier.bench.MakeStripReader data/mnist/train "${1:-models/strip-reader-mnist.onnx}" target/strip-reader-dl4j.zip \
	"${2:-4000}" 32 42
