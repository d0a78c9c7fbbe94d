package io.github.digitclassifier.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OpenMpSpinTest {

	@Test
	void shortensTheSpinOnLinuxUnlessTheUserChose() {
		assertEquals(Optional.of("10000"), OpenMpSpin.spinCount(Map.of("PATH", "/usr/bin"), "Linux"));
		assertEquals(Optional.empty(), OpenMpSpin.spinCount(Map.of("GOMP_SPINCOUNT", "300000"), "Linux"));
		assertEquals(Optional.empty(), OpenMpSpin.spinCount(Map.of("OMP_WAIT_POLICY", "passive"), "Linux"));
		assertEquals(Optional.empty(), OpenMpSpin.spinCount(Map.of(), "Mac OS X"), "macOS's libnd4j has no libgomp");
		assertEquals(Optional.empty(), OpenMpSpin.spinCount(Map.of(), "Windows 11"));
	}

	@Test
	void theNativeEnvironmentHasItOnceNd4jIsPrepared() {
		assumeTrue(System.getProperty("os.name").startsWith("Linux") && !System.getenv().containsKey(OpenMpSpin.SPIN_COUNT) &&
			!System.getenv().containsKey(OpenMpSpin.WAIT_POLICY), "Linux, with neither variable set by the user");
		Backends.prepare();
		assertEquals("10000", OpenMpSpin.cLibrary().getenv(OpenMpSpin.SPIN_COUNT), "what libgomp reads when it loads");
	}
}
