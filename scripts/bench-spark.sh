#!/usr/bin/env bash
# The Spark job against the single-process command line: classifies every image of a folder (the
# 60,000 MNIST training PNGs by default) with the bundled model through bin/digit-classifier classify,
# then bin/digit-classifier-spark with master=local[2] and local[1], each a fresh process into a
# fresh output, timed from start to exit (JVM and Spark start-up included), the files already in
# the page cache. Prints images/s and CPU seconds per run, local[2] against the command line, a paper
# estimate for 10^8 images on 100 executors, and puts that in
# docs/benchmarks.md (section "Spark job", replaced on each run).
#   scripts/bench-spark.sh [folder (data/mnist/train)] [rounds (1); the best of them is kept]
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-data/mnist/train}
rounds=${2:-1}
[[ $folder == data/mnist/* ]] && scripts/fetch-mnist.sh >/dev/null
[[ -x target/imagej/ij.jar || -f target/imagej/ij.jar ]] || mvn -q -B package -DskipTests
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count=$(find "$folder" -type f \( -iname '*.png' -o -iname '*.tif' -o -iname '*.tiff' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.bmp' -o -iname '*.gif' \) | wc -l)
find "$folder" -type f -exec cat {} + > /dev/null # into the page cache, for every run alike
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
echo "# $cpu, $(date -u +%Y-%m-%d): $count images in $folder, best of $rounds"

measure() { # runs a command; prints its wall time and its CPU time (user + system, all threads), in seconds
	local TIMEFORMAT='%R %U %S' times
	times=$( { time "$@" > "$out/log" 2>&1; } 2>&1 ) || { cat "$out/log" >&2; exit 1; }
	awk '{ printf "%.1f %.1f\n", $1, $2 + $3 }' <<< "$times"
}
best() { printf '%s\n' "$@" | sort -g | head -n1; }

cli=() local2=() local1=() cli_cpu=() local2_cpu=() local1_cpu=()
for ((r = 1; r <= rounds; r++)); do
	read -r wall used < <(measure bin/digit-classifier classify folder="$folder" output_file="$out/cli-$r.csv"); cli+=("$wall"); cli_cpu+=("$used")
	read -r wall used < <(measure bin/digit-classifier-spark input="$folder" output="$out/local2-$r" master='local[2]'); local2+=("$wall"); local2_cpu+=("$used")
	read -r wall used < <(measure bin/digit-classifier-spark input="$folder" output="$out/local1-$r" master='local[1]'); local1+=("$wall"); local1_cpu+=("$used")
done
# start-up alone: one image
mkdir -p "$out/one"
cp "$(find "$folder" -type f -iname '*.png' | head -n 1)" "$out/one/"
read -r one_cli_wall one_cli < <(measure bin/digit-classifier classify folder="$out/one" output_file="$out/one.csv")
read -r one_spark_wall one_spark < <(measure bin/digit-classifier-spark input="$out/one" output="$out/one-spark" master='local[2]')
# the same rows: the parts of the last local[2] run against the command line's table
cmp <(tail -n +2 "$out/cli-$rounds.csv" | sort) <(for f in "$out/local2-$rounds"/part-*.csv; do tail -n +2 "$f"; done | sort) \
	|| { echo "local[2] rows differ from the command line's" >&2; exit 1; }

c=$(best "${cli[@]}"); l2=$(best "${local2[@]}"); l1=$(best "${local1[@]}")
cc=$(best "${cli_cpu[@]}"); l2c=$(best "${local2_cpu[@]}"); l1c=$(best "${local1_cpu[@]}")
rate() { awk -v n="$count" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
ratio=$(awk -v a="$c" -v b="$l2" 'BEGIN { printf "%.2f", a / b }')
speedup=$(awk -v a="$l1" -v b="$l2" 'BEGIN { printf "%.2f", a / b }')
load=$(cut -d' ' -f1-3 /proc/loadavg)
# 10^8 images on 100 executors of 4 cores, at local[2]'s images per CPU-second (start-up included:
# pessimistic for long jobs), reading and listing left out
estimate=$(awk -v n="$count" -v s="$l2c" 'BEGIN { r = n / s; printf "%.0f images per CPU-second, so 10^8 images on 400 cores in %.1f minutes of computing", r, 1e8 / (r * 400) / 60 }')
result=$out/section.md
{
	echo "## Spark job"
	echo
	echo "\`scripts/bench-spark.sh $folder $rounds\`, $(date -u +%Y-%m-%d): $cpu; $count images, bundled model, each run a fresh process timed from start to exit (start-up included), files in the page cache; best of $rounds. The Spark job's rows are the command line's (checked)."
	echo
	echo "| run | seconds | images/s | CPU seconds | images per CPU-second |"
	echo "|---|---|---|---|---|"
	echo "| \`bin/digit-classifier classify\` (one process) | $c | $(rate "$c") | $cc | $(rate "$cc") |"
	echo "| \`bin/digit-classifier-spark master=local[2]\` | $l2 | $(rate "$l2") | $l2c | $(rate "$l2c") |"
	echo "| \`bin/digit-classifier-spark master=local[1]\` | $l1 | $(rate "$l1") | $l1c | $(rate "$l1c") |"
	echo
	echo "local[2] runs at $ratio of the command line's speed (target: 0.8 or more); local[2] is $speedup times local[1]. Load average at the end: $load (other work on the machine slows every run; the CPU seconds are less sensitive to it)."
	echo
	echo "Start-up alone (one image): the command line $one_cli_wall s ($one_cli CPU seconds), local[2] $one_spark_wall s ($one_spark CPU seconds)."
	echo
	echo "Paper estimate, 100 executors of 4 cores: $estimate, if reading the files keeps up (HDFS or S3 at 20-50 ms a file needs 400 parallel reads, which the tasks' decoding threads give: about 10,000 files/s, so about 3 hours for 10^8 from S3), plus the driver's listing (give a list file) and 24,415 tasks of 4,096 images."
} > "$result"
cat "$result"
scripts/benchmarks-section.sh "$result"
