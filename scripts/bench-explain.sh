#!/usr/bin/env bash
# Explain Prediction: the deletion area (Petsiuk et al., RISE, 2018; lower is better) of Grad-CAM,
# occlusion and a random order on sample digits with the bundled model and on colour photos (a
# CIFAR-10 subset: train/ and test/ class folders) with a colour model trained here, then the time to
# explain one image per method and image size. With the default arguments it writes its section of
# docs/benchmarks.md ("Explain Prediction"); without the photos' folder it says so and measures the
# digits alone.
#   scripts/bench-explain.sh [digit class folders (sample-data/test)] [digits per class (3)]
#                            [colour photos (../shared/data/cifar10-small, kept beside the checkout on the test machines)]
#                            [photos per class (10)]
set -euo pipefail
cd "$(dirname "$0")/.."
photos=${3:-../shared/data/cifar10-small}
[[ -d $photos/train && -d $photos/test ]] || echo "No colour photos in $photos (train/ and test/ class folders): the colour rows are skipped."
mvn -q -B ${OFFLINE:+-o} test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
result=$(mktemp)
trap 'rm -f "$result"' EXIT
{
	echo "## Explain Prediction"
	echo
	echo "\`scripts/bench-explain.sh${1:+ $1}${2:+ $2}\`, $(date -u +%Y-%m-%d): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
		"$(nproc) cores. Deletion area (Petsiuk et al., RISE, 2018; 20 steps; lower is better): the pixels removed most important" \
		"first, the area under the explained class's probability, mean over the images; in brackets the area over the starting" \
		"probability (1: the probability never fell). Removed pixels become the paper (the border's median), the training" \
		"photos' mean colour (0 after the colour model's standardisation) or the image blurred (sigma an eighth of its side)." \
		"Start: the mean probability before any removal. Random blocks: a random order of squares an eighth of the image's side," \
		"the baseline for a map as coarse as Grad-CAM's. Colour photos: CIFAR-10 (A. Krizhevsky, 2009), 500 training and 100 test" \
		"photos per class."
	echo
	java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
		-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
		io.github.digitclassifier.bench.ExplainBenchmark "${1:-sample-data/test}" "${2:-3}" "$photos" "${4:-10}"
} | tee "$result"
# Only a full run's figures go to docs/benchmarks.md: the bundled model's sample digits and the colour photos.
if [[ $# -eq 0 && -d $photos/train ]] && grep -q '^| ' "$result"; then
	scripts/benchmarks-section.sh "$result"
fi
