package io.github.digitclassifier.explain;

/**
 * What drove a prediction: a heat map over the image explained, row by row, values &gt;= 0 (higher
 * is more important), and the input the model saw.
 *
 * @param method the method that made the map ({@link Method#id()})
 * @param heat {@code width * height} values, row by row
 * @param prepared the model input, {@code [channels, inputHeight, inputWidth]}
 * @param predicted the index of the predicted class, the one explained
 * @param probability its probability
 */
public record Explanation(String method, float[] heat, int width, int height, float[] prepared, int inputWidth, int inputHeight,
	int channels, int predicted, String className, float probability)
{
	/** The share of the heat within the box {@code [x0, x1) x [y0, y1)}; 0 when there is no heat. */
	public double shareWithin(final int x0, final int y0, final int x1, final int y1) {
		double inside = 0, all = 0;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				final float v = heat[y * width + x];
				all += v;
				if (x >= x0 && x < x1 && y >= y0 && y < y1) inside += v;
			}
		}
		return all > 0 ? inside / all : 0;
	}
}
