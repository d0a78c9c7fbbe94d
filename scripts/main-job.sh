#!/usr/bin/env bash
# The main job on the bundled defaults, headless: train a model on sample-data, evaluate it,
# classify a stack with the bundled MNIST model, and print the reports. Outputs in target/main-job.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-missing.sh mvn=maven javac=openjdk-17-jdk-headless
mvn -q -B package -DskipTests
out=target/main-job
rm -rf "$out" && mkdir -p "$out"
cli=bin/digit-classifier

echo "### Train a CNN on sample-data/train (500 images), validating on sample-data/test"
$cli train train_folder=sample-data/train test_folder=sample-data/test model_file=$out/model.zip \
	history_file=$out/history.csv

echo "### Evaluate it on sample-data/test"
$cli evaluate model_file=$out/model.zip test_folder=sample-data/test report_file=$out/report.csv

echo "### Evaluate the bundled MNIST model on sample-data/test"
$cli evaluate test_folder=sample-data/test report_file=$out/bundled-report.csv

echo "### Classify every slice of sample-data/digits-stack.tif with the bundled model"
$cli classify-image image=sample-data/digits-stack.tif output_file=$out/stack-predictions.csv
echo "### Done: $out"
