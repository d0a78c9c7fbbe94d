#!/usr/bin/env bash
# Runs a macro in the packaged target/imagej under Xvfb (-batch), with a home of its own (ImageJ's
# preferences stay out of $HOME) and the tests' native cache, and prints ImageJ's output. -batch
# exits 0 even when a macro fails, so the macro prints BENCH_DONE last; without it this fails,
# showing ImageJ's output. Used by the benchmarks that time ImageJ itself.
#   scripts/imagej-macro.sh macro.ijm [options for ImageJ's JVM...]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xvfb-run >/dev/null || { echo "needs xvfb-run (apt-get install xvfb xauth)" >&2; exit 1; }
macro=$(realpath "$1")
shift
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
out=$(xvfb-run -a java "$@" -Duser.home="$home" -Dorg.bytedeco.javacpp.cachedir="$PWD/target/javacpp-cache" \
	-jar target/imagej/ij.jar -ijpath target/imagej -batch "$macro" 2>&1) || true
grep -q BENCH_DONE <<<"$out" || { echo "$out" >&2; echo "the macro failed" >&2; exit 1; }
echo "$out"
