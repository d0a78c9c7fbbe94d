#!/usr/bin/env bash
# Writes docs/macro-reference.md from the commands' parameters (keys, defaults, meanings).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -Djava.awt.headless=true -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
	io.github.digitclassifier.cli.MacroReference docs/macro-reference.md
