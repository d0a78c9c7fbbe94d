package io.github.digitclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

/** The macro reference in docs/ is what the commands' parameters say: it cannot drift from them. */
class MacroReferenceTest {

	@Test
	void theReferenceIsCurrent() throws Exception {
		assertEquals(MacroReference.text(), Files.readString(MacroReference.FILE),
			"docs/macro-reference.md is out of date: run scripts/macro-reference.sh");
	}
}
