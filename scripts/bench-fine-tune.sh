#!/usr/bin/env bash
# Fine-tuning on one kind of document, as a bank would: 1,208 cheque courtesy amounts of the document
# bench (io.github.digitclassifier.bench.documents: UCI digits of 30 writers on security print,
# seed 5, unlike the bench's seed 1), Train Number Reader on the first 1,080 (`bin/digit-classifier
# train-reader`, from the bundled reader), then Evaluate Number Reader on the other 128, with the
# bundled models and with the reader trained. Prints a table and puts it in docs/benchmarks.md
# (section "Fine-tuning on one kind of document").
#   scripts/bench-fine-tune.sh [epochs (40, the command's default)] [out folder (target/bench-fine-tune)]
# OFFLINE=1 runs Maven offline. Without ../shared/data/optdigits it says so and does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/document-bench-setup.sh
epochs=${1:-40} out=${2:-target/bench-fine-tune}
mvn "${mvn_flags[@]}" package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
rm -rf "$out"
java -Xmx2g -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
	-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" io.github.digitclassifier.bench.DocumentBenchmark \
	write "$digits" "$out" 1208 5 cheque
fields=$out/cheque
{ head -1 "$fields/labels.csv"; tail -n +2 "$fields/labels.csv" | head -1080; } > "$fields/train.csv"
{ head -1 "$fields/labels.csv"; tail -n +2 "$fields/labels.csv" | tail -128; } > "$fields/test.csv"
start=$(date +%s)
bin/digit-classifier train-reader train_folder="$fields" labels_file="$fields/train.csv" test_folder="$fields" \
	test_labels_file="$fields/test.csv" model_file="$out/cheque-reader.zip" epochs="$epochs" seed=1 > "$out/train.log" 2>&1
minutes=$(( ($(date +%s) - start + 30) / 60 ))
bin/digit-classifier evaluate-reader test_folder="$fields" labels_file="$fields/test.csv" report_file="$out/bundled.csv" > /dev/null
bin/digit-classifier evaluate-reader model_file="$out/cheque-reader.zip" test_folder="$fields" labels_file="$fields/test.csv" \
	report_file="$out/trained.csv" > /dev/null
value() { awk -F, -v key="$2" '$1 == key { print $2 }' "$1"; }
row() {
	printf '| %s | %.1f%% | %.1f%% | %.3f | %.1f%% (from %.3f) |\n' "$1" "$(value "$2" whole_number_accuracy | awk '{ print 100 * $1 }')" \
		"$(value "$2" digit_accuracy | awk '{ print 100 * $1 }')" "$(value "$2" mean_confidence)" \
		"$(value "$2" accuracy_at_90 | awk '{ print 100 * $1 }')" "$(value "$2" threshold_at_90)"
}
result=$(mktemp)
trap 'rm -f "$result"' EXIT
{
	echo "## Fine-tuning on one kind of document"
	echo
	echo "\`scripts/bench-fine-tune.sh $epochs\`, $(date -u +%Y-%m-%d): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores;" \
		"Train Number Reader on 1,080 cheque amounts of the document bench (seed 5), $epochs epochs from the bundled reader," \
		"$minutes min; Evaluate Number Reader on the other 128."
	echo
	echo "| reader | whole numbers | digits | mean confidence | 90% most confident |"
	echo "|---|---|---|---|---|"
	row "bundled models" "$out/bundled.csv"
	row "trained on the 1,080" "$out/trained.csv"
} | tee "$result"
scripts/benchmarks-section.sh "$result"
