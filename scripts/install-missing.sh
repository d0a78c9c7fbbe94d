#!/usr/bin/env bash
# Installs with apt-get the Debian packages of whatever is missing. Arguments: command=package[,package...],
# or fonts=package[,...] for the DejaVu fonts (checked with fc-list, not as a command), or
# python:module[:module...]=package[,...] for modules of Debian's /usr/bin/python3.
set -euo pipefail
need=()
for arg in "$@"; do
	what=${arg%%=*}
	if [[ $what == fonts ]]; then fc-list 2>/dev/null | grep -qi dejavu && continue
	elif [[ $what == python:* ]]; then
		modules=${what#python:}
		/usr/bin/python3 -c "import ${modules//:/, }" 2>/dev/null && continue
	else command -v "$what" >/dev/null && continue; fi
	IFS=, read -ra packages <<<"${arg#*=}"
	need+=("${packages[@]}")
done
((${#need[@]})) || exit 0
sudo=; ((EUID == 0)) || sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
