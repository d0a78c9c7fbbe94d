#!/usr/bin/env bash
# LeNet training throughput against the PyTorch peer (../shared/bench/torch_lenet.py, or $PEER):
# two MNIST epochs each in a fresh process, batch 64, Adam, alternating the two for N rounds (default
# 3) on the same machine; prints each round and the medians, of the first epoch (the comparison the
# issue asks for: a fresh JVM's warm-up included) and of the second (both sides warm). Needs
# Debian's python3-torch (see the peer's README).
#   scripts/bench-vs-pytorch.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
peer=${PEER:-../shared/bench/torch_lenet.py}
rounds=${1:-3}
scripts/fetch-mnist.sh >/dev/null
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
ours=() theirs=() ours2=() theirs2=()
for ((r = 1; r <= rounds; r++)); do
	o=$(java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
		-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
		io.github.digitclassifier.bench.Benchmark data/mnist 60000 lenet)
	p=$(/usr/bin/python3 "$peer" dir=data/npm/package/data epochs=2 threads="$(nproc)" infer=0)
	o1=$(awk '$2 == "lenet_train_img_per_s" {print $3}' <<<"$o") o2=$(awk '$2 == "lenet_train_img_per_s_epoch2" {print $3}' <<<"$o")
	p1=$(sed -n 's/.*epoch=1 .*train_img_per_s=\([0-9.]*\).*/\1/p' <<<"$p")
	p2=$(sed -n 's/.*epoch=2 .*train_img_per_s=\([0-9.]*\).*/\1/p' <<<"$p")
	echo "round $r: digit-classifier $o1 then $o2 img/s, pytorch $p1 then $p2 img/s"
	ours+=("$o1") theirs+=("$p1") ours2+=("$o2") theirs2+=("$p2")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
report() { # label, then our figures and the peer's, as two space-separated lists
	local mo mp
	mo=$(median $2) mp=$(median $3)
	echo "RESULT lenet_train_img_per_s_median$1 $mo"
	echo "RESULT pytorch_train_img_per_s_median$1 $mp"
	awk -v o="$mo" -v p="$mp" -v l="$1" 'BEGIN {printf "RESULT ratio_to_pytorch%s %.2f\n", l, o / p}'
}
report "" "${ours[*]}" "${theirs[*]}"
report "_epoch2" "${ours2[*]}" "${theirs2[*]}"
