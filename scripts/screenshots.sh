#!/usr/bin/env bash
# Takes the README's screenshots (docs/menu.png, docs/training.png) in ImageJ's GUI under Xvfb:
# the Plugins > Digit Classifier menu, and a training run on sample-data with its live curves.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xvfb-run >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth; }
mvn -q -B package -DskipTests
work=$(mktemp -d)
xvfb-run -a -s "-screen 0 1280x900x24" java -Duser.home="$work" -Dorg.bytedeco.javacpp.cachedir=target/javacpp-cache \
	-cp target/imagej/ij.jar:target/test-classes io.github.digitclassifier.imagej.Screenshots \
	"$PWD/target/imagej" docs sample-data/train sample-data/test "$work/model.zip"
rm -rf "$work"
