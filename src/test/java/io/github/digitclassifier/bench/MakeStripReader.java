package io.github.digitclassifier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import io.github.digitclassifier.NumberImages;
import io.github.digitclassifier.backend.Backends;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.read.NumberStrips;
import io.github.digitclassifier.read.sequence.StripNetworks;
import io.github.digitclassifier.read.sequence.StripReader;
import io.github.digitclassifier.read.sequence.StripTraining;
import io.github.digitclassifier.read.sequence.StripTraining.LabeledStrip;

/**
 * Trains the bundled strip network: numbers of 1 to 6 digits made of MNIST's training digits
 * ({@link NumberImages}: three in four touching, the rest spaced; 20 to 80 px tall; dark on light
 * or light on dark), found and cut into strips as the reader does, each batch drawn afresh. Every
 * 500 steps it prints how many of 500 numbers drawn the same way with another seed it reads whole.
 * Arguments: digit class folders (data/mnist/train), output ONNX file (the network as the plugin
 * runs it), output DL4J zip (as trained, for further training), steps, batch size, seed.
 */
public final class MakeStripReader {

	public static void main(final String[] args) throws Exception {
		final NumberImages.Digits digits = NumberImages.Digits.load(Path.of(args[0]));
		final Path onnx = Path.of(args[1]), zip = Path.of(args[2]);
		final int steps = Integer.parseInt(args[3]);
		final int batch = args.length > 4 ? Integer.parseInt(args[4]) : 32;
		final long seed = args.length > 5 ? Long.parseLong(args[5]) : 42;
		// Adam's step shrinks to a sixteenth by the last step.
		final var network = StripNetworks.create(
			new Adam(new ExponentialSchedule(ScheduleType.ITERATION, 2e-3, Math.pow(1 / 16.0, 1.0 / steps))), seed);
		final List<LabeledStrip> check = strips(digits, seed + 1, 0, 500);
		final long start = System.nanoTime();
		try (var blas = Backends.singleThreadedBlas()) {
			StripTraining.train(network, step -> strips(digits, seed, (long) step * batch, batch), steps, (step, loss) -> {
				if (step % 100 == 0) {
					System.out.println(String.format(Locale.ROOT, "step %d loss %.4f (%.0f s)", step, loss, (System.nanoTime() - start) / 1e9));
				}
				if ((step + 1) % 500 == 0 || step + 1 == steps) {
					System.out.println(String.format(Locale.ROOT, "step %d: %.1f%% of the check numbers read whole", step + 1,
						100 * wholeShare(new StripReader(network), check)));
				}
				return true;
			});
		}
		final StripReader trained = new StripReader(network);
		trained.save(zip);
		Files.write(onnx, trained.onnx());
		System.out.println(String.format(Locale.ROOT, "RESULT minutes %.1f", (System.nanoTime() - start) / 60e9));
	}

	/** Strips {@code first} to {@code first + count - 1} of the seed's sequence, each drawn from its own seed. */
	static List<LabeledStrip> strips(final NumberImages.Digits digits, final long seed, final long first, final int count) {
		final LabeledStrip[] strips = new LabeledStrip[count];
		IntStream.range(0, count).parallel().forEach(i -> {
			final Random random = new Random(seed * 1_000_003L + first + i);
			LabeledStrip s = null;
			while (s == null) s = strip(digits, random);
			strips[i] = s;
		});
		return List.of(strips);
	}

	private static LabeledStrip strip(final NumberImages.Digits digits, final Random random) {
		final int length = 1 + random.nextInt(6);
		final NumberImages.Condition condition = random.nextInt(4) == 0 ? NumberImages.Condition.SPACED : NumberImages.Condition.TOUCHING;
		final NumberImages.Sample sample = NumberImages.draw(digits, length, condition, 20 + random.nextInt(61), random.nextBoolean(), random);
		final var grey = ImageFiles.toFloat(sample.image());
		final var strip = NumberStrips.of(grey.update(null).getCurrentStorageArray(), (int) grey.dimension(0), (int) grey.dimension(1));
		return strip == null ? null : new LabeledStrip(strip, sample.text().chars().map(c -> c - '0').toArray());
	}

	static double wholeShare(final StripReader reader, final List<LabeledStrip> strips) {
		final List<StripReader.Frames> readings = reader.read(strips.stream().map(LabeledStrip::strip).toList());
		int whole = 0;
		for (int i = 0; i < strips.size(); i++) if (java.util.Arrays.equals(readings.get(i).best().symbols(), strips.get(i).digits())) whole++;
		return (double) whole / strips.size();
	}

	private MakeStripReader() {}
}
