#!/usr/bin/env bash
# The Spark job against the single-process command line: classifies every image of a folder (the
# 60,000 MNIST training PNGs by default) with the bundled model through bin/digit-classifier classify,
# then bin/digit-classifier-spark with master=local[2] and local[1], each a fresh process into a
# fresh output, timed from start to exit (JVM and Spark start-up included), the files already in
# the page cache. Then local[2] over 2, 4, 8 and 16 partitions; start-up alone (one image); on
# 4,000 of the files, binaryFiles against the job's listing and parallelize(paths) (planning time,
# partitions, reading) and the cost of an empty task (PlanningBenchmark). Prints images/s and CPU
# seconds per run, local[2] against the command line, a paper estimate for 10^8 images on 100
# executors, and puts that in docs/benchmarks.md (section "Spark job", replaced on each run).
#   scripts/bench-spark.sh [folder (data/mnist/train)] [rounds (1); the best of them is kept]
# MVN="mvn -o" builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=${1:-data/mnist/train}
rounds=${2:-1}
mvn=${MVN:-mvn}
[[ $folder == data/mnist/* ]] && scripts/fetch-mnist.sh >/dev/null
[[ -f target/imagej/ij.jar ]] || $mvn -q -B package -DskipTests
$mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
images() { find "$1" -type f \( -iname '*.png' -o -iname '*.tif' -o -iname '*.tiff' -o -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.bmp' -o -iname '*.gif' \) "${@:2}"; }
count=$(images "$folder" | wc -l)
find "$folder" -type f -exec cat {} + > /dev/null # into the page cache, for every run alike
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
echo "# $cpu, $(date -u +%Y-%m-%d): $count images in $folder, best of $rounds; load $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # runs a command; prints its wall time and its CPU time (user + system, all threads), in seconds
	local TIMEFORMAT='%R %U %S' times
	times=$( { time "$@" > "$out/log" 2>&1; } 2>&1 ) || { cat "$out/log" >&2; exit 1; }
	awk '{ printf "%.1f %.1f\n", $1, $2 + $3 }' <<< "$times"
}
best() { printf '%s\n' "$@" | sort -g | head -n1; }
rate() { awk -v n="$count" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }

# Untimed first runs: bin/digit-classifier-spark's first run after a build saves the classes Spark loads, for
# the runs after it (class data sharing); the command line's, alike, reads its jars once.
mkdir -p "$out/one"
cp "$(images "$folder" | sort | awk 'NR == 1')" "$out/one/"
bin/digit-classifier classify folder="$out/one" output_file="$out/warm.csv" > /dev/null 2>&1
bin/digit-classifier-spark input="$out/one" output="$out/warm" master='local[2]' > /dev/null 2>&1

cli=() local2=() local1=() cli_cpu=() local2_cpu=() local1_cpu=()
for ((r = 1; r <= rounds; r++)); do
	read -r wall used < <(measure bin/digit-classifier classify folder="$folder" output_file="$out/cli-$r.csv"); cli+=("$wall"); cli_cpu+=("$used")
	read -r wall used < <(measure bin/digit-classifier-spark input="$folder" output="$out/local2-$r" master='local[2]'); local2+=("$wall"); local2_cpu+=("$used")
	read -r wall used < <(measure bin/digit-classifier-spark input="$folder" output="$out/local1-$r" master='local[1]'); local1+=("$wall"); local1_cpu+=("$used")
	echo "round $r: command line ${cli[-1]} s, local[2] ${local2[-1]} s, local[1] ${local1[-1]} s"
done
# local[2] over other partition counts (files_per_partition = images / partitions, rounded up)
scaling=""
for p in 2 4 8 16; do
	walls=() cpus=()
	for ((r = 1; r <= rounds; r++)); do
		read -r wall used < <(measure bin/digit-classifier-spark input="$folder" output="$out/p$p-$r" master='local[2]' files_per_partition=$(((count + p - 1) / p)))
		walls+=("$wall"); cpus+=("$used")
	done
	scaling+="| $p | $(((count + p - 1) / p)) | $(best "${walls[@]}") | $(rate "$(best "${walls[@]}")") | $(best "${cpus[@]}") |"$'\n'
done
# start-up alone: one image
read -r one_cli_wall one_cli < <(measure bin/digit-classifier classify folder="$out/one" output_file="$out/one.csv")
read -r one_spark_wall one_spark < <(measure bin/digit-classifier-spark input="$out/one" output="$out/one-spark" master='local[2]')
# the same rows: the parts of the last local[2] run against the command line's table
cmp <(tail -n +2 "$out/cli-$rounds.csv" | sort) <(for f in "$out/local2-$rounds"/part-*.csv; do tail -n +2 "$f"; done | sort) \
	|| { echo "local[2] rows differ from the command line's" >&2; exit 1; }
# 4,000 small files: planning and reading them, and an empty task
mkdir -p "$out/small"
images "$folder" | sort | awk 'NR <= 4000' | while IFS= read -r f; do d=$out/small/$(basename "$(dirname "$f")"); mkdir -p "$d"; cp "$f" "$d/"; done
java -Xmx2g $(sed -n 's:.*<spark.opens>\(--[^<]*\)</spark.opens>.*:\1:p' pom.xml) -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dspark.ui.enabled=false \
	-cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
	io.github.digitclassifier.spark.PlanningBenchmark "$out/small" 'local[2]' > "$out/planning" 2> "$out/planning.log" \
	|| { cat "$out/planning.log" >&2; exit 1; }
task_ms=$(grep -o '[0-9.]* ms of the job per task' "$out/planning" | cut -d' ' -f1)

c=$(best "${cli[@]}"); l2=$(best "${local2[@]}"); l1=$(best "${local1[@]}")
cc=$(best "${cli_cpu[@]}"); l2c=$(best "${local2_cpu[@]}"); l1c=$(best "${local1_cpu[@]}")
ratio=$(awk -v a="$c" -v b="$l2" 'BEGIN { printf "%.2f", a / b }')
speedup=$(awk -v a="$l1" -v b="$l2" 'BEGIN { printf "%.2f", a / b }')
load=$(cut -d' ' -f1-3 /proc/loadavg)
model_mb=$(awk -v b="$(stat -c %s models/digit-classifier-mnist.zip)" 'BEGIN { printf "%.1f", b / 1e6 }')
# 10^8 images on 100 executors of 4 cores: computing at local[2]'s images per CPU-second (start-up
# included: pessimistic for long jobs); a model file of the bundled one's size sent to every executor
# from the driver over 1 Gbit/s (an upper bound: Spark's torrent broadcast lets executors pass it on);
# 24,415 tasks of 4,096 images, each costing the driver what an empty task costs here, one after another.
estimate=$(awk -v n="$count" -v s="$l2c" -v mb="$model_mb" -v ms="$task_ms" 'BEGIN {
	r = n / s; compute = 1e8 / (r * 400) / 60; broadcast = mb * 100 / 125; tasks = int((1e8 + 4095) / 4096); scheduling = tasks * ms / 1e3
	printf "computing: %.0f images per CPU-second, so 10^8 images on 400 cores in %.1f minutes; ", r, compute
	printf "model broadcast: %s MB (a file the size of the bundled model) x 100 executors = %.0f MB, %.1f s at 1 Gbit/s from the driver (at most: executors pass it on to each other); ", mb, mb * 100, broadcast
	printf "scheduling: %d tasks of 4,096 images x %s ms (an empty task here) = %.0f s, had the driver nothing else to do; ", tasks, ms, scheduling
	printf "together %.1f minutes, if reading the files keeps up", compute + (broadcast + scheduling) / 60 }')
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
	echo "local[2] over other partition counts (the runs above: $(((count + 4095) / 4096)) partitions of at most 4,096 images):"
	echo
	echo "| partitions | images a partition | seconds | images/s | CPU seconds |"
	echo "|---|---|---|---|---|"
	printf '%s' "$scaling"
	echo
	echo "Start-up alone (one image): the command line $one_cli_wall s ($one_cli CPU seconds), local[2] $one_spark_wall s ($one_spark CPU seconds)."
	echo
	echo "Listing 4,000 of the files (\`PlanningBenchmark\`, local[2], after a first job): planning is the driver's work before the first task (listing, partitions); reading, every file's bytes read in the tasks."
	echo
	echo "| input | seconds to plan | partitions | seconds to read | bytes |"
	echo "|---|---|---|---|---|"
	grep '^| ' "$out/planning"
	echo
	grep '^Empty tasks' "$out/planning"
	echo
	echo "Paper estimate, 100 executors of 4 cores, 10^8 images: $estimate (HDFS or S3 at 20-50 ms a file needs 400 parallel reads, which the tasks give: about 10,000 files/s, so about 3 hours for 10^8 from S3); no shuffle; the driver's listing aside (give a list file)."
} > "$result"
cat "$result"
scripts/benchmarks-section.sh "$result"
