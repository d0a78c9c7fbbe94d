#!/usr/bin/env bash
# The plugin's package graph from the compiled classes (jdeps), one "from -> to" a line, and
# whether it has a cycle (one line a cycle on standard error, naming its packages as tsort finds
# them; exit status 1 then). PackageGraphTest runs it in the build.
# Run after a compile: nice -n 19 mvn -o -q compile && scripts/package-graph.sh
set -euo pipefail
cd "$(dirname "$0")/.."
classes=target/classes
[ -d "$classes/io/github/digitclassifier" ] || { echo "no $classes: compile first (mvn -o -q compile)" >&2; exit 2; }
edges=$(jdeps -verbose:package -e 'io\.github\.digitclassifier\..*' "$classes" |
	awk '$2 == "->" && $1 ~ /^io\.github\.digitclassifier\./ {
		from = $1; to = $3
		sub(/^io\.github\.digitclassifier\./, "", from); sub(/^io\.github\.digitclassifier\./, "", to)
		if (from != to) print from, to
	}' | sort -u)
echo "$edges" | awk '{ print $1 " -> " $2 }'
loops=$(echo "$edges" | tsort 2>&1 >/dev/null || true)
if [ -n "$loops" ]; then
	echo "$loops" | awk '/input contains a loop/ { if (line) print line; line = "package cycle:"; next }
		{ sub(/^tsort: /, ""); line = line " " $0 } END { if (line) print line }' >&2
	exit 1
fi
echo "no package cycle"
