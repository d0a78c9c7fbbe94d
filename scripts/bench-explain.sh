#!/usr/bin/env bash
# Explain Prediction: the deletion area (Petsiuk et al., RISE, 2018; lower is better) of Grad-CAM,
# occlusion and a random order on sample digits with the bundled model and on colour textures with
# a briefly trained colour model, then the time to explain one image per method and image size.
#   scripts/bench-explain.sh [digit class folders (sample-data/test)] [images per class (3)]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(date -u +%Y-%m-%d)"
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
	-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
	io.github.digitclassifier.bench.ExplainBenchmark "${1:-sample-data/test}" "${2:-3}"
