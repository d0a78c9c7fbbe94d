#!/usr/bin/env bash
# Builds target/imagej with the natives of every platform Fiji users run: Linux and Windows x86-64
# and macOS x86-64 with the -onednn libnd4j, macOS on Apple silicon with the generic one (no -onednn
# build exists there). .mvn/maven.config limits the natives to linux-x86_64 for everyday builds;
# the -Djavacpp.platform.<name> properties given here add the others.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B package -DskipTests -Pall-platforms \
	-Djavacpp.platform.linux-x86_64=linux-x86_64 \
	-Djavacpp.platform.windows-x86_64=windows-x86_64 \
	-Djavacpp.platform.macosx-x86_64=macosx-x86_64 \
	-Djavacpp.platform.macosx-arm64=macosx-arm64 "$@"
