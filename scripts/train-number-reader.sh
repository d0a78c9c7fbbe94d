#!/usr/bin/env bash
# Trains the bundled number reader, which reads the field a number is written in: synthetic fields
# (io.github.digitclassifier.bench.InkTrainingPages.field: numbers of 1 to 7 MNIST training digits,
# 12 to 80 px tall, from a cheque's amount box to a register's tall cell, on paper, security print,
# printed rules, boxes, text and stamps, scanner margins and page edges, with uneven light, blur,
# noise and JPEG; some with points, dashes, a cross or an underline that are not part of the number;
# half the digits written again by other pens, slants, widths and warps, some 1s flagged as Europe's),
# each seen through the bundled ink detector as a reader model sees it (printed words kept off the
# number's rows; a field skipped where the detector finds print rather than the number, or where
# the number hardly stands out of the paper round it); a fresh batch of 32 each
# step, Adam annealed to 1/16 over the steps, seed 42 (or $SEED); stops after the steps or the minutes,
# whichever come first. Its confidences are then calibrated as the bundled models read with it (the
# digit model and strip network beside it) on 1,000 fields drawn with another seed.
# Given a reader model to start from, it trains that one further (a quarter of the step size; give
# another SEED, or it sees the same fields again).
#   scripts/train-number-reader.sh [out.zip (models/number-reader.zip)] [steps (9,000)] [minutes (75)] [start from (none)]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-mnist.sh
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
out=${1:-models/number-reader.zip}
run() {
	java -Xmx4g -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
		-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" io.github.digitclassifier.bench.MakeFieldReader "$@"
}
run data/mnist/train "$out" "${2:-9000}" "${3:-75}" 32 "${SEED:-42}" ${4:+"$4"}
run calibrate data/mnist/train "$out" "$out" 1000 7
