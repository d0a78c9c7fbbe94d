#!/usr/bin/env bash
# Trains the bundled ink detector, which tells handwriting from the rest of a document: synthetic
# pages (io.github.digitclassifier.bench.InkTrainingPages: numbers of 1 to 7 MNIST training digits,
# 12 to 80 px tall, on paper, security print, printed rules, boxes, comb fields, text and stamps,
# scanner margins and page edges, with uneven light, blur, noise and JPEG; some inverted), crops of
# 96 px, a fresh batch of 32 each step, Adam 3e-3 annealed to 1/16 over the steps, seed 42; stops
# after the steps or the minutes, whichever come first.
# Writes the ONNX model the plugin runs and, for further training, DL4J's zip.
#   scripts/train-ink-detector.sh [out.onnx] [steps (4,000)] [minutes (30)]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-mnist.sh
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx4g -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
	-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
	io.github.digitclassifier.bench.MakeInkDetector data/mnist/train "${1:-models/ink-detector.onnx}" target/ink-detector-dl4j.zip \
	"${2:-4000}" "${3:-30}" 32 96 42
