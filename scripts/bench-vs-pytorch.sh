#!/usr/bin/env bash
# Training throughput against a PyTorch peer of the same network, batch 64, Adam, on the 60,000 MNIST
# training images: `lenet` (the default) against ../shared/bench/torch_lenet.py (or $PEER), `cnn` (the
# default network) against scripts/torch_cnn_peer.py. Two epochs each in a fresh process, alternating
# the two for N rounds (default 3) on the same machine; prints each round and the medians, of the first
# epoch (a fresh JVM's warm-up included) and of the second (both sides warm), with the CPU and the
# instruction set both sides ran on. Needs Debian's python3-torch (and python3-pil for the CNN peer).
#   scripts/bench-vs-pytorch.sh [rounds] [lenet|cnn]
# ISA=avx2 emulates an AVX2-only CPU on an AVX-512 one, for both sides (scripts/cpu-kind.sh).
# VIA=macro trains our side through the real macro instead, run("Train Digit Classifier...") in a
# freshly started ImageJ under Xvfb (needs xvfb-run): batch 64, Adam 1e-3 annealed, no augmentation,
# validating on the 10,000 test images; its epochs are the history's, validation included.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
network=${2:-lenet}
images=${IMAGES:-60000}
# The LeNet peer is not part of the repository: the test machines keep it beside the checkout.
lenet_peer=${PEER:-../shared/bench/torch_lenet.py}
if [[ $network == lenet && ! -f $lenet_peer ]]; then
	echo "No PyTorch LeNet peer at $lenet_peer (give one as PEER=...): the comparison is skipped."
	exit 0
fi
scripts/fetch-mnist.sh >/dev/null
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
source scripts/cpu-kind.sh
if [[ ${VIA:-} == macro ]]; then
	[[ $images == 60000 ]] || { echo "VIA=macro trains on all 60,000 images: unset IMAGES" >&2; exit 2; }
	command -v xvfb-run >/dev/null || { echo "VIA=macro needs xvfb-run (apt-get install xvfb xauth)" >&2; exit 1; }
	mvn -q -B package -DskipTests
elif [[ -n ${VIA:-} ]]; then
	echo "VIA is macro or unset, not '$VIA'" >&2
	exit 2
fi
# Our side's two epochs in a fresh JVM, as RESULT lines: the benchmark's training loop, or the Train command in ImageJ.
ours() {
	if [[ ${VIA:-} != macro ]]; then
		java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "${java_options[@]}" \
			-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
			io.github.digitclassifier.bench.Benchmark data/mnist "$images" "$network"
		return
	fi
	local work
	work=$(mktemp -d)
	cat > "$work/train.ijm" <<MACRO
run("Train Digit Classifier...", "train_folder=[$PWD/data/mnist/train] test_folder=[$PWD/data/mnist/test] model_file=[$work/model.zip] network=$network epochs=2 learning_rate=0.001 augment=false history_file=[$work/history.csv]");
print("BENCH_DONE");
MACRO
	scripts/imagej-macro.sh "$work/train.ijm" -Xmx4g "${java_options[@]}" >/dev/null || { rm -rf "$work"; return 1; }
	echo "the Train command in ImageJ"
	awk -F, -v n="$network" -v images="$images" 'NR == 2 {printf "RESULT %s_train_img_per_s %.1f\n", n, images / $6}
		NR == 3 {printf "RESULT %s_train_img_per_s_epoch2 %.1f\n", n, images / $6}' "$work/history.csv"
	rm -rf "$work"
}
case $network in
	lenet)
		peer() { /usr/bin/python3 "$lenet_peer" dir=data/npm/package/data epochs=2 threads="$(nproc)" infer=0 maxBatches=$(((images + 63) / 64)) \
			| sed -n 's/.*epoch=\([12]\) .*train_img_per_s=\([0-9.]*\).*/\1 \2/p'; } ;;
	cnn)
		peer() { /usr/bin/python3 scripts/torch_cnn_peer.py train=data/mnist/train test=data/mnist/test epochs=2 limit="$images" \
			| sed -n 's/^epoch=\([12]\) .*train_img_per_s=\([0-9.]*\).*/\1 \2/p'; } ;;
	*) echo "network is lenet or cnn, not '$network'" >&2; exit 2 ;;
esac
ours=() theirs=() ours2=() theirs2=()
for ((r = 1; r <= rounds; r++)); do
	o=$(ours)
	p=$(peer)
	o1=$(awk -v k="${network}_train_img_per_s" '$2 == k {print $3}' <<<"$o")
	o2=$(awk -v k="${network}_train_img_per_s_epoch2" '$2 == k {print $3}' <<<"$o")
	p1=$(awk '$1 == 1 {print $2}' <<<"$p") p2=$(awk '$1 == 2 {print $2}' <<<"$p")
	echo "round $r: digit-classifier $o1 then $o2 img/s, pytorch $p1 then $p2 img/s ($(head -1 <<<"$o"))"
	ours+=("$o1") theirs+=("$p1") ours2+=("$o2") theirs2+=("$p2")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
report() { # label, then our figures and the peer's, as two space-separated lists
	local mo mp
	mo=$(median $2) mp=$(median $3)
	echo "RESULT ${network}_train_img_per_s_median$1 $mo"
	echo "RESULT pytorch_train_img_per_s_median$1 $mp"
	awk -v o="$mo" -v p="$mp" -v l="$1" 'BEGIN {printf "RESULT ratio_to_pytorch%s %.2f\n", l, o / p}'
}
report "" "${ours[*]}" "${theirs[*]}"
report "_epoch2" "${ours2[*]}" "${theirs2[*]}"
