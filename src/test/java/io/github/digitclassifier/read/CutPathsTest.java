package io.github.digitclassifier.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CutPathsTest {

	private static final int W = 44;

	@Test
	void bendsRoundAStrokeThatReachesOverTheNeighbour() {
		// Two upright strokes joined in the middle; the left one's top reaches right, as a 7's bar does.
		final boolean[] ink = new boolean[W * 40];
		fill(ink, 10, 13, 0, 39);
		fill(ink, 30, 33, 0, 39);
		fill(ink, 14, 29, 20, 21);
		fill(ink, 14, 22, 0, 1);
		final Blob piece = Blobs.of(ink, W, 40).get(0);
		final CutPaths.Path path = new CutPaths(piece, 0, 19.5, W, 40).path(21);
		// A straight line at column 21 crosses the bar and the join: 4 pixels. The path crosses only the join.
		assertTrue(path.cost() < 4, "cost " + path.cost());
		final Blob left = piece.between(null, path.columns(), W);
		final Blob right = piece.between(path.columns(), null, W);
		assertEquals(22, left.x1(), "the bar stays whole with its stroke");
		assertEquals(piece.pixels().length, left.pixels().length + right.pixels().length);
		assertTrue(Arrays.stream(right.pixels()).allMatch(p -> p / W == 20 || p / W == 21 || p % W >= 30), "the right part holds the right stroke and a part of the join only");
	}

	private static void fill(final boolean[] ink, final int x0, final int x1, final int y0, final int y1) {
		for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) ink[y * W + x] = true;
	}
}
