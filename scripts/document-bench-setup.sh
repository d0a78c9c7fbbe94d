# Sourced by the benches of numbers on documents: the UCI handwritten digits they write with
# ($digits; without them the bench says so and exits), and Maven's flags ($mvn_flags; OFFLINE=1: offline).
digits=../shared/data/optdigits
if ! compgen -G "$digits/optdigits-orig.*" >/dev/null; then
	echo "No UCI handwritten digits in $digits (../shared/data is missing here): $(basename "$0") is skipped."
	exit 0
fi
mvn_flags=(-q -B)
[[ ${OFFLINE:-} == 1 ]] && mvn_flags+=(-o)
