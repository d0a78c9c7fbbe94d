package io.github.digitclassifier.backend;

import java.util.Set;

/**
 * Prints the libnd4j build (the nd4j-native classifier's suffix) that the plugin would choose on a CPU
 * with the feature flags given as arguments, among those shipped: for benchmarks that emulate that CPU.
 */
public final class ChosenBuild {

	public static void main(final String[] flags) {
		System.out.println(NativeBuilds.fastest(Set.of(flags), NativeBuilds::shipped).map(b -> b.extension).orElse(""));
	}
}
