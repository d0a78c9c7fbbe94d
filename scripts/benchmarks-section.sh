#!/usr/bin/env bash
# Puts a benchmark script's output into docs/benchmarks.md: the section that starts with the file's
# first line (a "## " heading) replaces the section of that heading (up to the next "## "), or is
# appended when there is none.
#   scripts/benchmarks-section.sh <file whose first line is the section's heading>
set -euo pipefail
cd "$(dirname "$0")/.."
section_file=$1
heading=$(head -1 "$section_file")
[[ $heading == "## "* ]] || { echo "The section must start with a \"## \" heading, not: $heading" >&2; exit 1; }
mkdir -p docs
[[ -f docs/benchmarks.md ]] || printf '# Benchmarks\n\nFigures written by the scripts that measure them; each section is replaced when its script runs again.\n' > docs/benchmarks.md
awk -v file="$section_file" -v heading="$heading" '
	BEGIN { while ((getline line < file) > 0) section = section line "\n" }
	$0 == heading { skipping = 1; if (!done) { printf "%s", section; done = 1 }; next }
	skipping && /^## / { skipping = 0; print ""; }
	!skipping { print }
	END { if (!done) { print ""; printf "%s", section } }
' docs/benchmarks.md > docs/benchmarks.md.new
mv docs/benchmarks.md.new docs/benchmarks.md
echo "docs/benchmarks.md: section \"${heading#\#\# }\" written."
