#!/usr/bin/env bash
# The tests on a fresh Debian machine: installs what the build and the tests need (Maven, a JDK,
# Xvfb for the macros in real ImageJ, fonts for rendered digits, Fashion-MNIST, MNIST and Debian's PyTorch for the
# model made in Python), then runs them all (mvn -B verify:
# unit tests, headless command tests, ImageJ 1.54p macros, the Fiji install). .ci/run calls this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Xvfb: real ImageJ runs macros only with a display; fonts: tests render digits.
scripts/install-missing.sh mvn=maven javac=openjdk-17-jdk-headless xvfb-run=xvfb,xauth fonts=fontconfig,fonts-dejavu-core
# Real grey pictures, classes named with spaces (Debian's dataset-fashion-mnist, as class folders).
scripts/fetch-fashion-mnist.sh >/dev/null
# A LeNet trained and exported to ONNX with Debian's PyTorch, on MNIST, must predict here what it does there.
scripts/install-missing.sh python:torch:PIL:numpy=python3-torch,python3-pil,python3-numpy
scripts/fetch-mnist.sh >/dev/null

mvn -B verify "$@"
