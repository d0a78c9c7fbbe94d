#!/usr/bin/env bash
# Installs Debian's dataset-fashion-mnist (idx files) when missing and writes it as class folders of
# PNGs: data/fashion-mnist/train/<class> (60,000) and data/fashion-mnist/test/<class> (10,000), the
# classes (labels 0..9) named "T-shirt top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
# "Sneaker", "Bag", "Ankle boot" (names with spaces on purpose). Nothing of it is committed (data/ is
# ignored); a second run reuses what is there. Fashion-MNIST: Zalando Research, H. Xiao, K. Rasul,
# R. Vollgraf, "Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine Learning Algorithms",
# 2017, MIT licence.
#   scripts/fetch-fashion-mnist.sh [out dir]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-data/fashion-mnist}
names="T-shirt top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot"
if [[ -f "$out/.complete" ]]; then echo "Fashion-MNIST already in $out"; exit 0; fi
if ! dpkg -s dataset-fashion-mnist >/dev/null 2>&1; then
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist
fi
# The package ships train-images-idx3-ubyte.gz etc. under /usr/share/datasets/fashion-mnist; link what
# is really there (plain or gzipped, '-' or '.' before idx) under the names MnistToPng reads.
idx="$out.idx"
rm -rf "$out" "$idx"
mkdir -p "$idx"
files=$(dpkg -L dataset-fashion-mnist)
for part in train t10k; do
	for kind in images-idx3 labels-idx1; do
		file=$(grep -E "/${part}-${kind%-*}[-.]${kind#*-}-ubyte(\.gz)?$" <<<"$files" | head -n 1 || true)
		[[ -n "$file" && -f "$file" ]] || { echo "No $part $kind file in dataset-fashion-mnist" >&2; exit 1; }
		suffix=; [[ "$file" == *.gz ]] && suffix=.gz
		ln -s "$file" "$idx/$part-$kind-ubyte$suffix"
	done
done
java scripts/MnistToPng.java "$idx" "$out" "$names"
rm -rf "$idx"
touch "$out/.complete"
