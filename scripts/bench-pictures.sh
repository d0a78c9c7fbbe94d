#!/usr/bin/env bash
# Pictures against the PyTorch peer of the same network (scripts/torch_cnn_peer.py, Debian's
# python3-torch): the default recipe through the command line (training minutes from its history,
# so without start-up and image loading) and the peer with the same epochs, batch 64, Adam 2e-3
# annealed to 1/16, standardised inputs and the augmentation that the default recipe chose for the
# run (none below 8 views per image). Full Fashion-MNIST (fetched here if missing) and the CIFAR-10
# subset in ../shared/data/cifar10-small (when present). Prints RESULT lines; run on an idle machine.
#   scripts/bench-pictures.sh [epochs, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-4}
scripts/fetch-fashion-mnist.sh >/dev/null
if ! /usr/bin/python3 -c 'import torch, PIL' 2>/dev/null; then
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-pil
fi
out=target/bench-pictures
mkdir -p "$out"
run() { # name, data folder, channels
	local name=$1 data=$2 channels=$3 log augment
	log=$(bin/digit-classifier train train_folder="$data/train" test_folder="$data/test" model_file="$out/$name.zip" \
		epochs="$epochs" history_file="$out/$name.csv" 2>&1)
	augment=$(grep -q 'augment: none' <<<"$log" && echo 0 || echo 1)
	awk -F, -v n="$name" 'NR > 1 {s += $6; a = $5} END {printf "RESULT %s digit_classifier test_accuracy %.4f training_minutes %.2f\n", n, a, s / 60}' \
		"$out/$name.csv"
	/usr/bin/python3 scripts/torch_cnn_peer.py train="$data/train" test="$data/test" epochs="$epochs" channels="$channels" \
		augment="$augment" | sed -n "s/^RESULT /RESULT $name pytorch /p"
}
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(grep -o -m1 'avx512f' /proc/cpuinfo || echo 'no avx512f')"
run fashion-mnist data/fashion-mnist 1
if [[ -d ../shared/data/cifar10-small ]]; then run cifar10-small ../shared/data/cifar10-small 3; fi
