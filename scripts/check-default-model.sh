#!/usr/bin/env bash
# Fetches MNIST and evaluates the bundled default model on all 10,000 test images through the
# headless CLI; fails below 99.3% accuracy.
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
