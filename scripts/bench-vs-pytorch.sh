#!/usr/bin/env bash
# LeNet training throughput against the PyTorch peer (../shared/bench/torch_lenet.py, or $PEER):
# one MNIST epoch each, batch 64, Adam, alternating the two for N rounds (default 3) on the same
# machine; prints each round and the medians. Needs Debian's python3-torch (see the peer's README).
#   scripts/bench-vs-pytorch.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
peer=${PEER:-../shared/bench/torch_lenet.py}
rounds=${1:-3}
scripts/fetch-mnist.sh >/dev/null
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
ours=() theirs=()
for ((r = 1; r <= rounds; r++)); do
	o=$(java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
		-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
		io.github.digitclassifier.bench.Benchmark data/mnist 60000 lenet | awk '/RESULT lenet_train_img_per_s/ {print $3}')
	p=$(/usr/bin/python3 "$peer" dir=data/npm/package/data epochs=1 threads="$(nproc)" infer=0 |
		sed -n 's/.*train_img_per_s=\([0-9.]*\).*/\1/p')
	echo "round $r: digit-classifier $o img/s, pytorch $p img/s"
	ours+=("$o") theirs+=("$p")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mo=$(median "${ours[@]}") mp=$(median "${theirs[@]}")
echo "RESULT lenet_train_img_per_s_median $mo"
echo "RESULT pytorch_train_img_per_s_median $mp"
awk -v o="$mo" -v p="$mp" 'BEGIN {printf "RESULT ratio_to_pytorch %.2f\n", o / p}'
