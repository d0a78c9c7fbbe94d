#!/usr/bin/env bash
# Pictures against the PyTorch peer of the same network (scripts/torch_cnn_peer.py, Debian's
# python3-torch): the default recipe through the command line (training minutes from its history,
# so without start-up and image loading) and the peer with the same epochs, batch 64, Adam 2e-3
# annealed to 1/16, standardised inputs and the augmentation that the default recipe chose for the
# run (none below 8 views per image). Full Fashion-MNIST (fetched here if missing) and the CIFAR-10
# subset in ../shared/data/cifar10-small (when present). Prints RESULT lines; run on an idle machine.
# With a size, the CIFAR-10 subset alone, scaled to it (64: issue 14's colour 64x64 figure).
# ISA=avx2 emulates an AVX2-only CPU for both sides (scripts/cpu-kind.sh).
#   scripts/bench-pictures.sh [epochs, default 4] [size]
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-4}
size=${2:-}
scripts/install-missing.sh python:torch:PIL:numpy=python3-torch,python3-pil,python3-numpy
mvn -q -B package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
source scripts/cpu-kind.sh
export JAVA_OPTS="-Xmx4g ${java_options[*]}"
out=target/bench-pictures
mkdir -p "$out"
run() { # name, data folder, channels
	local name=$1 data=$2 channels=$3 log augment
	log=$(bin/digit-classifier train train_folder="$data/train" test_folder="$data/test" model_file="$out/$name.zip" \
		epochs="$epochs" history_file="$out/$name.csv" ${size:+size="$size"} 2>&1)
	augment=$(grep -q 'augment: none' <<<"$log" && echo 0 || echo 1)
	awk -F, -v n="$name" 'NR > 1 {s += $6; a = $5} END {printf "RESULT %s digit_classifier test_accuracy %.4f training_minutes %.2f\n", n, a, s / 60}' \
		"$out/$name.csv"
	/usr/bin/python3 scripts/torch_cnn_peer.py train="$data/train" test="$data/test" epochs="$epochs" channels="$channels" \
		augment="$augment" ${size:+size="$size"} | sed -n "s/^RESULT /RESULT $name pytorch /p"
}
if [[ -z $size ]]; then
	scripts/fetch-fashion-mnist.sh >/dev/null
	run fashion-mnist data/fashion-mnist 1
fi
if [[ -d ../shared/data/cifar10-small ]]; then run "cifar10-small${size:+-$size}" ../shared/data/cifar10-small 3
elif [[ -n $size ]]; then echo "no ../shared/data/cifar10-small to scale to $size" >&2; exit 1; fi
