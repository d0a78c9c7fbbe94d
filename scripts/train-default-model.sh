#!/usr/bin/env bash
# Trains the bundled default model: the default recipe (cnn, 15 epochs, batch 64, Adam 1e-3 shrinking
# 10% an epoch, augmentation, seed 42) on the 60,000 MNIST training images with 10% held out for
# validation; then measures the 10,000 test images and records that in the bundle.
#   scripts/train-default-model.sh [out.zip]     (about 20 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-mnist.sh
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
	-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
	io.github.digitclassifier.bench.MakeDefaultModel data/mnist "${1:-models/digit-classifier-mnist.zip}" 15
