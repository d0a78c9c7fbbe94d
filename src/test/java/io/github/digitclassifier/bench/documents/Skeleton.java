package io.github.digitclassifier.bench.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * The path a pen took through a scanned, binarised digit: its ink thinned to one pixel (Zhang and
 * Suen, 1984), corners of staircases removed, short spurs pruned, as a graph of pixel centres
 * (nodes) and the steps between 8-neighbours (edges). Drawn again with a stroke of any width, it
 * is the digit written with another pen.
 */
public final class Skeleton {

	private final double[] x, y;
	private final int[][] edges;
	private final int[] degree;

	private Skeleton(final double[] x, final double[] y, final int[][] edges) {
		this.x = x;
		this.y = y;
		this.edges = edges;
		degree = new int[x.length];
		for (final int[] e : edges) {
			degree[e[0]]++;
			degree[e[1]]++;
		}
	}

	/** Pixel centres and steps between them. */
	public int nodes() {
		return x.length;
	}

	public int[][] edges() {
		return edges;
	}

	/**
	 * The nodes' positions, {x[], y[]}, after {@code rounds} of smoothing (each node that lies on a
	 * line, not an end nor a fork, moved halfway to the mean of its two neighbours), which rounds
	 * the thinned bitmap's staircases into a pen's curve.
	 */
	public double[][] positions(final int rounds) {
		double[] px = x.clone(), py = y.clone();
		final List<List<Integer>> neighbours = new ArrayList<>();
		for (int i = 0; i < x.length; i++) neighbours.add(new ArrayList<>());
		for (final int[] e : edges) {
			neighbours.get(e[0]).add(e[1]);
			neighbours.get(e[1]).add(e[0]);
		}
		for (int r = 0; r < rounds; r++) {
			final double[] nx = px.clone(), ny = py.clone();
			for (int i = 0; i < x.length; i++) {
				if (degree[i] != 2) continue;
				final int a = neighbours.get(i).get(0), b = neighbours.get(i).get(1);
				nx[i] = 0.5 * px[i] + 0.25 * (px[a] + px[b]);
				ny[i] = 0.5 * py[i] + 0.25 * (py[a] + py[b]);
			}
			px = nx;
			py = ny;
		}
		return new double[][] { px, py };
	}

	/** The skeleton of the ink ({@code true}) of a {@code w} by {@code h} bitmap. */
	public static Skeleton of(final boolean[] bitmap, final int w, final int h) {
		// Padded by one pixel all round, so that neighbours never fall outside.
		final int pw = w + 2, ph = h + 2;
		final boolean[] on = new boolean[pw * ph];
		for (int yy = 0; yy < h; yy++) for (int xx = 0; xx < w; xx++) on[(yy + 1) * pw + xx + 1] = bitmap[yy * w + xx];
		final int[] depth = chamfer(on, pw, ph);
		thin(on, pw, ph);
		removeStaircaseCorners(on, pw, ph);
		// Thick strokes thin to a line with short forks at its ends, about half a stroke long: pruned.
		prune(on, pw, ph, Math.max(4, (int) Math.round(1.3 * halfWidth(on, depth) + 1)));
		removeSpecks(on, pw, ph, 3);
		final int[] index = new int[pw * ph];
		final List<double[]> nodes = new ArrayList<>();
		for (int i = 0; i < on.length; i++) {
			index[i] = -1;
			if (on[i]) {
				index[i] = nodes.size();
				nodes.add(new double[] { i % pw - 1 + 0.5, i / pw - 1 + 0.5 });
			}
		}
		final List<int[]> edges = new ArrayList<>();
		for (int i = 0; i < on.length; i++) {
			if (!on[i]) continue;
			final int xx = i % pw, yy = i / pw;
			// Each pair once: the neighbours to the right and below.
			final int[][] ahead = { { 1, 0 }, { 0, 1 }, { 1, 1 }, { -1, 1 } };
			for (final int[] d : ahead) {
				final int j = (yy + d[1]) * pw + xx + d[0];
				if (!on[j]) continue;
				// A diagonal step beside an orthogonal path of two steps would close a triangle.
				if (d[0] != 0 && d[1] != 0 && (on[yy * pw + xx + d[0]] || on[(yy + d[1]) * pw + xx])) continue;
				edges.add(new int[] { index[i], index[j] });
			}
		}
		final double[] nx = new double[nodes.size()], ny = new double[nodes.size()];
		for (int i = 0; i < nx.length; i++) {
			nx[i] = nodes.get(i)[0];
			ny[i] = nodes.get(i)[1];
		}
		return new Skeleton(nx, ny, edges.toArray(new int[0][]));
	}

	/** The 3-4 chamfer distance of each ink pixel to the nearest paper (3 per pixel across). */
	private static int[] chamfer(final boolean[] on, final int w, final int h) {
		final int[] d = new int[on.length];
		for (int i = 0; i < on.length; i++) d[i] = on[i] ? Integer.MAX_VALUE / 2 : 0;
		for (int y = 1; y < h - 1; y++) {
			for (int x = 1; x < w - 1; x++) {
				final int i = y * w + x;
				if (d[i] == 0) continue;
				d[i] = Math.min(d[i], Math.min(Math.min(d[i - 1] + 3, d[i - w] + 3), Math.min(d[i - w - 1] + 4, d[i - w + 1] + 4)));
			}
		}
		for (int y = h - 2; y >= 1; y--) {
			for (int x = w - 2; x >= 1; x--) {
				final int i = y * w + x;
				if (d[i] == 0) continue;
				d[i] = Math.min(d[i], Math.min(Math.min(d[i + 1] + 3, d[i + w] + 3), Math.min(d[i + w + 1] + 4, d[i + w - 1] + 4)));
			}
		}
		return d;
	}

	/** Half the stroke's width: the median depth of the skeleton's pixels in the ink, in pixels. */
	private static double halfWidth(final boolean[] skeleton, final int[] depth) {
		final List<Integer> depths = new ArrayList<>();
		for (int i = 0; i < skeleton.length; i++) if (skeleton[i]) depths.add(depth[i]);
		if (depths.isEmpty()) return 0;
		depths.sort(null);
		return depths.get(depths.size() / 2) / 3.0;
	}

	/** Neighbours P2..P9 clockwise from north, as Zhang and Suen number them. */
	private static final int[] DX = { 0, 1, 1, 1, 0, -1, -1, -1 }, DY = { -1, -1, 0, 1, 1, 1, 0, -1 };

	private static void thin(final boolean[] on, final int w, final int h) {
		boolean changed = true;
		final List<Integer> remove = new ArrayList<>();
		while (changed) {
			changed = false;
			for (int pass = 0; pass < 2; pass++) {
				remove.clear();
				for (int yy = 1; yy < h - 1; yy++) {
					for (int xx = 1; xx < w - 1; xx++) {
						if (!on[yy * w + xx]) continue;
						final boolean[] p = new boolean[8];
						final int count = neighbours(on, w, xx, yy, p);
						if (count < 2 || count > 6) continue;
						int transitions = 0;
						for (int k = 0; k < 8; k++) if (!p[k] && p[(k + 1) % 8]) transitions++;
						if (transitions != 1) continue;
						// P2, P4, P6, P8 are p[0], p[2], p[4], p[6].
						if (pass == 0 ? (p[0] && p[2] && p[4]) || (p[2] && p[4] && p[6]) : (p[0] && p[2] && p[6]) || (p[0] && p[4] && p[6])) continue;
						remove.add(yy * w + xx);
					}
				}
				for (final int i : remove) on[i] = false;
				if (!remove.isEmpty()) changed = true;
			}
		}
	}

	/** Fills {@code p} with the pixel's neighbours P2..P9 (the pixel is not on the image's edge); their count. */
	private static int neighbours(final boolean[] on, final int w, final int x, final int y, final boolean[] p) {
		int count = 0;
		for (int k = 0; k < 8; k++) {
			p[k] = on[(y + DY[k]) * w + x + DX[k]];
			if (p[k]) count++;
		}
		return count;
	}

	/** Removes pixels whose two orthogonal neighbours touch each other anyway (the corners of staircases). */
	private static void removeStaircaseCorners(final boolean[] on, final int w, final int h) {
		for (int yy = 1; yy < h - 1; yy++) {
			for (int xx = 1; xx < w - 1; xx++) {
				if (!on[yy * w + xx]) continue;
				final boolean[] p = new boolean[8];
				if (neighbours(on, w, xx, yy, p) < 2) continue;
				boolean corner = false;
				for (int k = 0; k < 8; k += 2) if (p[k] && p[(k + 2) % 8] && !p[k + 1]) corner = true;
				if (corner && ringComponents(p) == 1) on[yy * w + xx] = false;
			}
		}
	}

	/** How many 8-connected groups the set neighbours form among themselves. */
	private static int ringComponents(final boolean[] p) {
		final int[] group = new int[8];
		int groups = 0;
		for (int k = 0; k < 8; k++) {
			if (!p[k] || group[k] != 0) continue;
			groups++;
			final List<Integer> stack = new ArrayList<>(List.of(k));
			group[k] = groups;
			while (!stack.isEmpty()) {
				final int a = stack.remove(stack.size() - 1);
				for (int b = 0; b < 8; b++) {
					if (p[b] && group[b] == 0 && Math.abs(DX[a] - DX[b]) <= 1 && Math.abs(DY[a] - DY[b]) <= 1) {
						group[b] = groups;
						stack.add(b);
					}
				}
			}
		}
		return groups;
	}

	private static int neighbours(final boolean[] on, final int w, final int i) {
		int n = 0;
		for (int k = 0; k < 8; k++) if (on[i + DY[k] * w + DX[k]]) n++;
		return n;
	}

	/** Removes branches of fewer than {@code length} pixels from an end to a fork. */
	private static void prune(final boolean[] on, final int w, final int h, final int length) {
		for (int i = 0; i < on.length; i++) {
			if (!on[i] || neighbours(on, w, i) != 1) continue;
			final List<Integer> branch = new ArrayList<>();
			int at = i, previous = -1;
			boolean fork = false;
			while (branch.size() < length) {
				branch.add(at);
				int next = -1, n = 0;
				for (int k = 0; k < 8; k++) {
					final int j = at + DY[k] * w + DX[k];
					if (on[j] && j != previous && !branch.contains(j)) {
						n++;
						next = j;
					}
				}
				if (n != 1) break;
				if (neighbours(on, w, next) > 2) {
					fork = true;
					break;
				}
				previous = at;
				at = next;
			}
			if (fork && branch.size() < length) for (final int j : branch) on[j] = false;
		}
	}

	/** Removes groups of fewer than {@code size} pixels. */
	private static void removeSpecks(final boolean[] on, final int w, final int h, final int size) {
		final boolean[] seen = new boolean[on.length];
		for (int i = 0; i < on.length; i++) {
			if (!on[i] || seen[i]) continue;
			final List<Integer> group = new ArrayList<>(List.of(i));
			seen[i] = true;
			for (int g = 0; g < group.size(); g++) {
				for (int k = 0; k < 8; k++) {
					final int j = group.get(g) + DY[k] * w + DX[k];
					if (on[j] && !seen[j]) {
						seen[j] = true;
						group.add(j);
					}
				}
			}
			if (group.size() < size) for (final int j : group) on[j] = false;
		}
	}
}
