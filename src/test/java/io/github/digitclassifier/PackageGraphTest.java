package io.github.digitclassifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * No package uses one that uses it (docs/architecture.md, "No package cycle"): the build fails
 * on a cycle, not only scripts/package-graph.sh run by hand.
 */
class PackageGraphTest {

	@Test
	void noPackageCycle() throws Exception {
		final ProcessBuilder graph = new ProcessBuilder("bash", "scripts/package-graph.sh");
		// The script's jdeps is the JDK's that runs the tests, whatever the PATH holds.
		final String jdk = Path.of(System.getProperty("java.home"), "bin").toString();
		graph.environment().merge("PATH", jdk, (path, bin) -> bin + File.pathSeparator + path);
		final Processes.Result result = Processes.run(graph, 300);
		if (result.exitCode() == 1) fail(String.join("; ", result.stderr().strip().split("\n")) + " (scripts/package-graph.sh prints the graph)");
		assertEquals(0, result.exitCode(), result::describe);
	}
}
