#!/usr/bin/env bash
# Fetches MNIST and evaluates the bundled default model on all 10,000 test images through the
# headless CLI; fails below 99.3% accuracy. Then, when ../shared/data/optdigits is there, prints the accuracy on
# the UCI handwritten digits (out of domain).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-mnist.sh
mvn -q -B package -DskipTests
report=target/default-model-report.csv
bin/digit-classifier evaluate test_folder=data/mnist/test report_file=$report >/dev/null
accuracy=$(awk -F, '$1 == "accuracy" { print $4 }' $report)
support=$(awk -F, '$1 == "accuracy" { print $5 }' $report)
echo "bundled model: accuracy $accuracy on $support MNIST test images"
awk -v a="$accuracy" -v n="$support" 'BEGIN { exit !(a >= 0.993 && n == 10000) }' || { echo "FAILED: below 99.3%"; exit 1; }
# Out of domain (issue 13): the UCI handwritten digits, 30 writers, binarised 32x32 scans, when present.
optdigits=../shared/data/optdigits/optdigits-orig.tra
if [[ -f $optdigits ]]; then
	rm -rf target/optdigits
	java scripts/OptdigitsToPng.java $optdigits target/optdigits >/dev/null
	bin/digit-classifier evaluate test_folder=target/optdigits report_file=target/optdigits-report.csv >/dev/null
	echo "bundled model: accuracy $(awk -F, '$1 == "accuracy" { print $4 }' target/optdigits-report.csv) on 1,934 UCI optdigits (out of domain, never trained on)"
fi
