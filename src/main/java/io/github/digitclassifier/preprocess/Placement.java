package io.github.digitclassifier.preprocess;

/**
 * Where a prepared input's pixels come from in the image it was prepared from: input pixel
 * {@code (ox, oy)} samples the image at {@code (offsetX + scaleX * ox, offsetY + scaleY * oy)},
 * pixel centres at whole numbers. What an explanation needs to carry a map made on the input back
 * onto the image.
 */
public record Placement(double scaleX, double offsetX, double scaleY, double offsetY) {

	/** The image x that input x samples. */
	public double imageX(final double inputX) {
		return offsetX + scaleX * inputX;
	}

	public double imageY(final double inputY) {
		return offsetY + scaleY * inputY;
	}

	/** The input x that samples image x. */
	public double inputX(final double imageX) {
		return (imageX - offsetX) / scaleX;
	}

	public double inputY(final double imageY) {
		return (imageY - offsetY) / scaleY;
	}

	/** This placement after {@code inner}, which places an input within this one's input. */
	Placement then(final Placement inner) {
		return new Placement(scaleX * inner.scaleX, offsetX + scaleX * inner.offsetX, scaleY * inner.scaleY, offsetY + scaleY * inner.offsetY);
	}

	/** This placement in an image of which every {@code step}-th pixel was taken. */
	Placement subsampled(final long step) {
		return new Placement(scaleX * step, offsetX * step, scaleY * step, offsetY * step);
	}
}
