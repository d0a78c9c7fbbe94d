#!/usr/bin/env bash
# Takes the docs' screenshots from the current code, in ImageJ's GUI under Xvfb: docs/menu.png (the
# Plugins > Digit Classifier menu), docs/training.png (a training run on sample-data with its curves
# and tables), docs/explain.png (Explain Prediction on a sample digit) and docs/draw-digit.png
# (Draw Digit drawn on by the robot of DrawDigitIT). Arguments go to Maven, e.g. -o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xvfb-run >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth; }
mvn -q -B package -DskipTests "$@"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Each in an ImageJ of its own, with a home of its own, so that no preferences carry over.
shoot() {
	mkdir -p "$work/$1"
	xvfb-run -a -s "-screen 0 1280x900x24" java -Duser.home="$work/$1" -Dorg.bytedeco.javacpp.cachedir=target/javacpp-cache \
		-cp target/imagej/ij.jar:target/test-classes "io.github.digitclassifier.imagej.$1" "$PWD/target/imagej" "${@:2}"
}
shoot Screenshots docs sample-data/train sample-data/test "$work/model.zip" "$PWD/sample-data/test/3/test-00018.png"
shoot DrawDigitDriver docs/draw-digit.png
