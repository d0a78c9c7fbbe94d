#!/usr/bin/env bash
# Puts a benchmark script's output into docs/benchmarks.md: the section that starts with the file's
# first line (a "## " heading) replaces the section of that heading (up to the next "## "), or is
# appended when there is none. The CPU's widest vector extension is written beside its model name
# (the first time the section names it, or on a line of its own after the heading), since the
# figures depend on it as much as on the model.
#   scripts/benchmarks-section.sh <file whose first line is the section's heading>
set -euo pipefail
cd "$(dirname "$0")/.."
section_file=$1
heading=$(head -1 "$section_file")
[[ $heading == "## "* ]] || { echo "The section must start with a \"## \" heading, not: $heading" >&2; exit 1; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
isa="no SSE4.2"
for f in avx512f:AVX-512 avx2:AVX2 avx:AVX sse4_2:SSE4.2; do
	[[ $flags == *" ${f%%:*} "* ]] && { isa=${f#*:}; break; }
done
mkdir -p docs
[[ -f docs/benchmarks.md ]] || printf '# Benchmarks\n\nFigures written by the scripts that measure them; each section is replaced when its script runs again.\n' > docs/benchmarks.md
awk -v file="$section_file" -v heading="$heading" -v cpu="$cpu" -v isa="$isa" -v date="$(date -u +%Y-%m-%d)" -v cores="$(nproc)" '
	BEGIN {
		while ((getline line < file) > 0) section = section line "\n"
		at = cpu == "" ? 0 : index(section, cpu)
		if (at > 0) section = substr(section, 1, at + length(cpu) - 1) " (" isa ")" substr(section, at + length(cpu))
		else {
			first = index(section, "\n")
			section = substr(section, 1, first) "\n" cpu " (" isa "), " cores " cores, " date ".\n" substr(section, first + 1)
		}
	}
	$0 == heading { skipping = 1; if (!done) { printf "%s", section; done = 1 }; next }
	skipping && /^## / { skipping = 0; print ""; }
	!skipping { print }
	END { if (!done) { print ""; printf "%s", section } }
' docs/benchmarks.md > docs/benchmarks.md.new
mv docs/benchmarks.md.new docs/benchmarks.md
echo "docs/benchmarks.md: section \"${heading#\#\# }\" written."
