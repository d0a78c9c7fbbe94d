#!/usr/bin/env bash
# Trains the bundled default model: the default recipe over 20 epochs (cnn, batch 64, Adam 2e-3 annealed
# to 1/16, augmentation, seed 42) on the 60,000 MNIST training images with 10% held out for
# validation; then measures the 10,000 test images and records that in the bundle.
#   scripts/train-default-model.sh [out.zip] [epochs]     (epochs: 20 unless given)
# With 4 epochs it is the default recipe as the Train command runs it: the training benchmark
# (prints RESULT test_accuracy and training_minutes), e.g. scripts/train-default-model.sh target/quick.zip 4
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-mnist.sh
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
	-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
	io.github.digitclassifier.bench.MakeDefaultModel data/mnist "${1:-models/digit-classifier-mnist.zip}" "${2:-20}"
