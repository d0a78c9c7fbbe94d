# Sourced by the training benchmarks after the test classpath is built (target/test-classpath.txt):
# sets java_options and cpu_kind, and with ISA=avx2 emulates an AVX2-only CPU on an AVX-512 one, for
# this process and its children: OneDNN's and PyTorch's kernels at most AVX2 (DNNL_MAX_CPU_ISA,
# ATEN_CPU_CAPABILITY), OpenBLAS's Haswell kernels, the libnd4j build that the plugin chooses on
# an AVX2 CPU, and the JVM's own vector code at most AVX2 (-XX:UseAVX=2, for the layers the plugin
# computes in Java).
java_options=()
cpu_kind="native ($(grep -o -m1 -w 'avx512f' /proc/cpuinfo || grep -o -m1 -w 'avx2' /proc/cpuinfo || echo 'no AVX2'))"
if [[ ${ISA:-} == avx2 ]]; then
	export DNNL_MAX_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2 OPENBLAS_CORETYPE=Haswell ATEN_CPU_CAPABILITY=avx2
	java_options=(-Dorg.bytedeco.javacpp.platform.extension="$(java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
		io.github.digitclassifier.backend.ChosenBuild sse4_2 avx2 fma)" -XX:UseAVX=2)
	cpu_kind="AVX2, emulated (DNNL_MAX_CPU_ISA=AVX2, OPENBLAS_CORETYPE=Haswell, ATEN_CPU_CAPABILITY=avx2, libnd4j ${java_options[0]#*=}, -XX:UseAVX=2)"
elif [[ -n ${ISA:-} ]]; then
	echo "ISA is avx2 or unset, not '$ISA'" >&2
	exit 2
fi
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; instructions: $cpu_kind"
