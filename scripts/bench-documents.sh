#!/usr/bin/env bash
# Reading numbers on documents: writes numbers of the UCI handwritten digits (../shared/data/optdigits,
# 30 writers, never trained on here) as they are cut from real documents, unlike the reader's
# training numbers: cheque courtesy amounts on security print, row numbers in the cells of scanned
# 1920s registers (margins, page edges, ruled lines), digits in a form's printed boxes, postal codes
# among an envelope's printed address (io.github.digitclassifier.bench.documents.Documents). Each
# kind's images and labels.csv go to <out>/<kind>/; the reader the commands build (the bundled
# models) reads them, measured by ReaderEvaluation. Prints per kind whole numbers
# and digits read right, the accuracy of the 90% and 80% most confident readings (and the confidence
# from which they are kept), numbers read per second and misread examples, and puts that in
# docs/benchmarks.md (section "Numbers on documents", replaced on each run).
#   scripts/bench-documents.sh [numbers per kind (200)] [out folder (target/bench-documents)] [seed (1)] [kinds (all): cheque,register,form,envelope] [model file (bundled)]
# A model file other than the bundled models prints its figures without touching docs/benchmarks.md.
#   scripts/bench-documents.sh examples [per kind (12)]   (the montages in docs/img/documents-<kind>.png)
# OFFLINE=1 runs Maven offline. Without ../shared/data/optdigits it says so and does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/document-bench-setup.sh
mvn "${mvn_flags[@]}" test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
run() {
	java -Xmx2g -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
		-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" io.github.digitclassifier.bench.DocumentBenchmark "$@"
}
if [[ ${1:-} == examples ]]; then
	run examples "$digits" docs/img "${2:-12}" 1
	ls -l docs/img/documents-*.png
	exit 0
fi
count=${1:-200} out=${2:-target/bench-documents} seed=${3:-1} kinds=${4:-} model=${5:-}
result=$(mktemp)
trap 'rm -f "$result"' EXIT
{
	echo "## Numbers on documents"
	echo
	echo "\`scripts/bench-documents.sh $count $out $seed${kinds:+ $kinds}\`, $(date -u +%Y-%m-%d): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
		"$(nproc) cores; $count numbers per kind (seed $seed), read as the commands read with the bundled models (the number" \
		"reader, and the digit model with its strip network; no digit count given). The real sets of issue 33, which cannot be" \
		"shared, read 41.7% (cheques) and 2.7% (registers) whole with the bundled models when the issue was filed; no real figures" \
		"for forms and envelopes. Mean confidence: near the whole numbers' share where the confidences are calibrated." \
		"Images: docs/img/documents-<kind>.png."
	echo
	run bench "$digits" "$out" "$count" "$seed" "$kinds" "$model"
} | tee "$result"
if [[ -z $model ]] && grep -q '^| ' "$result"; then
	scripts/benchmarks-section.sh "$result"
fi
