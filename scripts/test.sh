#!/usr/bin/env bash
# The tests on a fresh Debian machine: installs what the build and the tests need (Maven, a JDK,
# Xvfb for the macros in real ImageJ, fonts for rendered digits), then runs them all (mvn -B verify:
# unit tests, headless command tests, ImageJ 1.54p macros, the Fiji install). .ci/run calls this.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v mvn >/dev/null || need+=(maven)
command -v javac >/dev/null || need+=(openjdk-17-jdk-headless)
command -v xvfb-run >/dev/null || need+=(xvfb xauth)          # real ImageJ runs macros only with a display
fc-list 2>/dev/null | grep -qi dejavu || need+=(fontconfig fonts-dejavu-core)  # tests render digits
if ((${#need[@]})); then
	sudo=; ((EUID == 0)) || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

mvn -B verify "$@"
