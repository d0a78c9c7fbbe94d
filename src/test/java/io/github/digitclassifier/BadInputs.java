package io.github.digitclassifier;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.scijava.command.Command;

import io.github.digitclassifier.command.ClassifyFolderCommand;
import io.github.digitclassifier.command.ClassifyImageCommand;
import io.github.digitclassifier.command.ExplainCommand;
import io.github.digitclassifier.command.EvaluateCommand;
import io.github.digitclassifier.command.EvaluateReaderCommand;
import io.github.digitclassifier.command.ExportModelCommand;
import io.github.digitclassifier.command.ImportClassFoldersCommand;
import io.github.digitclassifier.command.Keys;
import io.github.digitclassifier.command.ReadNumberCommand;
import io.github.digitclassifier.command.ReadNumbersInFolderCommand;
import io.github.digitclassifier.command.TrainCommand;
import io.github.digitclassifier.command.TrainReaderCommand;
import io.github.digitclassifier.model.ModelBundles;

/**
 * The user's mistakes every entry must meet with one line naming the file or key, an aborted
 * macro and no partial output: the same cases for the command line (in process) and for real
 * ImageJ 1 and Fiji installations (a fresh JVM each).
 */
public final class BadInputs {

	/**
	 * One mistake: the command and its macro options; ImageJ macro code run before it (an image to
	 * open, a selection; empty when none: then the command line runs the case too); a fragment the
	 * error line must hold; files that must not exist afterwards; files that must stay byte for byte.
	 */
	public record Case(String name, Class<? extends Command> command, String macroBefore, String options, String message,
		List<Path> absent, List<Path> unchanged)
	{
		public boolean onCommandLine() {
			return macroBefore.isEmpty();
		}
	}

	/** Images this many in a folder with a sub-folder named like an image among them. */
	public static final int MANY = 10_000;

	private BadInputs() {}

	/** The cases, their files made under {@code dir}. */
	public static List<Case> cases(final Path dir) throws IOException {
		final Path train = SyntheticImages.writeShapes(dir.resolve("train"), 3, 1);
		final Path image = train.resolve("circle/circle0.png");
		final Path model = bundledModel(dir.resolve("model.zip"));
		final Path earlier = Files.writeString(dir.resolve("earlier.zip"), "an earlier model");
		final List<Case> cases = new ArrayList<>();

		// Folders and the images in them
		cases.add(new Case("missing training folder", TrainCommand.class, "",
			"train_folder=[" + dir.resolve("no such folder") + "] model_file=[" + dir.resolve("m1.zip") + "]",
			"Folder not found: " + dir.resolve("no such folder"), List.of(dir.resolve("m1.zip")), List.of()));
		cases.add(new Case("training folder is a file", TrainCommand.class, "", "train_folder=[" + image + "] model_file=[" + earlier + "]",
			"Not a folder: " + image, List.of(), List.of(earlier)));
		final Path empty = Files.createDirectories(dir.resolve("empty"));
		cases.add(new Case("no class folders", TrainCommand.class, "", "train_folder=[" + empty + "] model_file=[" + earlier + "]",
			"No class folders in " + empty + ": expected one sub-folder per class", List.of(), List.of(earlier)));
		final Path january = SyntheticImages.writeShapes(dir.resolve("Zahlen für Jänner"), 2, 1);
		for (final String shape : List.of("cross", "square", "triangle")) deleteTree(january.resolve(shape));
		cases.add(new Case("one class folder, in a path with spaces and umlauts", TrainCommand.class, "",
			"train_folder=[" + january + "] model_file=[" + dir.resolve("jänner.zip") + "]",
			"Folder " + january + " has only one class folder [circle]: a classifier needs at least two", List.of(dir.resolve("jänner.zip")),
			List.of()));
		final Path unreadable = SyntheticImages.writeShapes(dir.resolve("unreadable"), 2, 1);
		for (final String name : List.of("a.png", "b.jpg", "c.tif")) Files.writeString(unreadable.resolve("cross").resolve(name), "no image");
		for (final String name : List.of("cross0.png", "cross1.png")) Files.delete(unreadable.resolve("cross").resolve(name));
		cases.add(new Case("class folder of unreadable files only", TrainCommand.class, "",
			"train_folder=[" + unreadable + "] model_file=[" + dir.resolve("m2.zip") + "]",
			"Class folder " + unreadable.resolve("cross") + " has no usable image (", List.of(dir.resolve("m2.zip")), List.of()));
		final Path dots = SyntheticImages.writeShapes(dir.resolve("dots"), 2, 1);
		for (final String name : List.of("square0.png", "square1.png")) writeBlank(dots.resolve("square").resolve(name), 1, 1);
		cases.add(new Case("class folder of 1x1 px images only", ImportClassFoldersCommand.class, "", "folder=[" + dots + "] size=28",
			"Class folder " + dots.resolve("square") + " has no usable image (2 files skipped, the last " + dots.resolve("square/square1.png") +
				" is 1x1 px: too small to hold a digit or picture", List.of(), List.of()));
		final Path huge = SyntheticImages.writeShapes(dir.resolve("huge"), 2, 1);
		for (final String name : List.of("triangle0.png", "triangle1.png")) Files.delete(huge.resolve("triangle").resolve(name));
		SyntheticImages.writeWhiteTiff(huge.resolve("triangle/scan.tif"), 20_000, 20_000, 20_000);
		cases.add(new Case("class folder of a 20000x20000 px TIFF in one strip", TrainCommand.class, "",
			"train_folder=[" + huge + "] model_file=[" + dir.resolve("m3.zip") + "]",
			huge.resolve("triangle/scan.tif") + " is 20000x20000 px in one piece", List.of(dir.resolve("m3.zip")), List.of()));
		final Path many = Files.createDirectories(dir.resolve("many"));
		final byte[] dot = blankPng(1, 1);
		for (int i = 0; i < MANY; i++) Files.write(many.resolve(String.format("%05d.png", i)), dot);
		Files.createDirectories(many.resolve("x.png"));
		cases.add(new Case("a folder named x.png among 10,000 images of 1x1 px", ReadNumbersInFolderCommand.class, "",
			"folder=[" + many + "] output_file=[" + table(dir, "many") + "]", "None of the " + MANY + " images in folder " + many +
				" could be read (the last, " + many.resolve(String.format("%05d.png", MANY - 1)) + " is 1x1 px",
			List.of(table(dir, "many")), List.of()));
		final Path texts = Files.createDirectories(dir.resolve("texts"));
		Files.writeString(texts.resolve("notes.txt"), "no image here");
		cases.add(new Case("folder without images", ClassifyFolderCommand.class, "",
			"folder=[" + texts + "] output_file=[" + table(dir, "texts") + "]", "Folder " + texts + " holds no image (PNG, TIFF, JPEG, BMP or GIF)",
			List.of(table(dir, "texts")), List.of()));
		cases.add(new Case("test folder with other classes than the model's", EvaluateCommand.class, "",
			"model_file=[" + model + "] test_folder=[" + train + "] report_file=[" + table(dir, "other classes") + "]",
			"Test folder " + train + " has class folders the model does not know: [circle, cross, square, triangle]",
			List.of(table(dir, "other classes")), List.of(model)));
		final Path others = SyntheticImages.writeTextures(dir.resolve("textures"), 2, 1);
		cases.add(new Case("test folder with other classes than the training folder's", TrainCommand.class, "",
			"train_folder=[" + train + "] test_folder=[" + others + "] model_file=[" + earlier + "]", "Class folders differ: " + train +
				" has [circle, cross, square, triangle], " + others + " has [checks, diagonal, horizontal, vertical]",
			List.of(), List.of(earlier)));

		// Model files
		cases.add(new Case("missing model file", ClassifyFolderCommand.class, "",
			"folder=[" + train + "] model_file=[" + dir.resolve("no model.zip") + "] output_file=[" + table(dir, "no model") + "]",
			"Model file not found: " + dir.resolve("no model.zip"), List.of(table(dir, "no model")), List.of()));
		cases.add(new Case("model file is a folder", EvaluateCommand.class, "",
			"model_file=[" + train + "] test_folder=[" + train + "] report_file=[" + table(dir, "folder model") + "]",
			"Model file " + train + " is a folder, not a model file: give the model's .zip or .onnx file", List.of(table(dir, "folder model")),
			List.of()));
		final Path renamed = Files.copy(image, dir.resolve("renamed.zip"));
		cases.add(new Case("a PNG renamed .zip", ClassifyFolderCommand.class, "",
			"folder=[" + train + "] model_file=[" + renamed + "] output_file=[" + table(dir, "renamed") + "]",
			"Model file " + renamed + " is not a zip file: give a model saved by Train Digit Classifier", List.of(table(dir, "renamed")),
			List.of(renamed)));
		final byte[] whole = Files.readAllBytes(model);
		final Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(whole, whole.length / 2));
		cases.add(new Case("a truncated bundle", EvaluateCommand.class, "",
			"model_file=[" + truncated + "] test_folder=[" + train + "] report_file=[" + table(dir, "truncated") + "]",
			"Model file " + truncated + " is truncated or damaged (its zip directory cannot be read)", List.of(table(dir, "truncated")),
			List.of(truncated)));
		final Path undescribed = rewritten(model, dir.resolve("undescribed.zip"), ModelBundles.METADATA_ENTRY, null);
		cases.add(new Case("a zip without the bundle's description", ReadNumbersInFolderCommand.class, "",
			"folder=[" + train + "] model_file=[" + undescribed + "] output_file=[" + table(dir, "undescribed") + "]",
			"Model file " + undescribed + " is not a Digit Classifier model: it lacks " + ModelBundles.METADATA_ENTRY,
			List.of(table(dir, "undescribed")), List.of(undescribed)));
		final Path future = rewritten(model, dir.resolve("future.zip"), ModelBundles.METADATA_ENTRY,
			json -> json.replaceFirst("\"formatVersion\": \\d+", "\"formatVersion\": 99"));
		cases.add(new Case("a bundle of a future format version", ClassifyFolderCommand.class, "",
			"folder=[" + train + "] model_file=[" + future + "] output_file=[" + table(dir, "future") + "]",
			"Model file " + future + " was made by a newer Digit Classifier: update the plugin", List.of(table(dir, "future")), List.of(future)));
		final byte[] onnx = entry(model, ModelBundles.INFERENCE_ENTRY);
		final Path bare = Files.write(dir.resolve("bare.onnx"), onnx);
		cases.add(new Case("an .onnx without its description", ClassifyFolderCommand.class, "",
			"folder=[" + train + "] model_file=[" + bare + "] output_file=[" + table(dir, "bare") + "]",
			"ONNX model " + bare + " has no description: write bare.onnx.json beside it", List.of(table(dir, "bare")), List.of(bare)));
		final Path three = Files.write(dir.resolve("three.onnx"), onnx);
		Files.writeString(dir.resolve("three.onnx.json"),
			"{\"classNames\": [\"a\", \"b\", \"c\"], \"preprocessing\": {\"fit\": \"center_of_mass\"}}");
		cases.add(new Case("an .onnx whose description names 3 classes for 10 outputs", ClassifyFolderCommand.class, "",
			"folder=[" + train + "] model_file=[" + three + "] output_file=[" + table(dir, "three") + "]",
			"Description " + dir.resolve("three.onnx.json") + " names 3 classes, ONNX model " + three +
				" gives 10 scores: give classNames one name per output", List.of(table(dir, "three")), List.of(three)));
		final Path pytorch = zip(dir.resolve("pytorch.zip"), "rdf.yaml", "type: model\nformat_version: 0.5.4\nname: a PyTorch model\n" +
			"weights:\n  pytorch_state_dict:\n    source: weights.pt\n");
		cases.add(new Case("a bioimage.io package without ONNX weights", ClassifyFolderCommand.class, "",
			"folder=[" + train + "] model_file=[" + pytorch + "] output_file=[" + table(dir, "pytorch") + "]",
			"has no ONNX weights (it has [pytorch_state_dict]): only ONNX weights can run here; convert its weights to ONNX",
			List.of(table(dir, "pytorch")), List.of(pytorch)));

		// Output files
		cases.add(new Case("output file in a missing folder", ClassifyFolderCommand.class, "",
			"folder=[" + train + "] output_file=[" + dir.resolve("missing/out.csv") + "]",
			"output_file " + dir.resolve("missing/out.csv") + ": folder " + dir.resolve("missing") + " does not exist; create it",
			List.of(dir.resolve("missing")), List.of()));
		final Path locked = Files.writeString(dir.resolve("locked.csv"), "an earlier report\n");
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));
		cases.add(new Case("read-only output file", EvaluateCommand.class, "", "test_folder=[" + train + "] report_file=[" + locked + "]",
			"report_file " + locked + " is read-only: make it writable, or give another file", List.of(), List.of(locked)));
		cases.add(new Case("output file equal to an input image", ClassifyFolderCommand.class, "",
			"folder=[" + train + "] output_file=[" + image + "]",
			"output_file " + image + " is named as an image: give a file of another name, so that no image is replaced", List.of(),
			List.of(image)));
		final Path own = Files.copy(model, dir.resolve("own.zip"));
		cases.add(new Case("output file equal to the model file", ReadNumbersInFolderCommand.class, "",
			"folder=[" + train + "] model_file=[" + own + "] output_file=[" + own + "]",
			"output_file " + own + " is model_file itself", List.of(), List.of(own)));
		cases.add(new Case("history file equal to the model file", TrainCommand.class, "",
			"train_folder=[" + train + "] model_file=[" + earlier + "] history_file=[" + earlier + "]",
			"history_file " + earlier + " is model_file itself", List.of(), List.of(earlier)));
		cases.add(new Case("model file that is a folder", TrainCommand.class, "", "train_folder=[" + train + "] model_file=[" + empty + "]",
			"model_file " + empty + " is a folder, not a file: give a file in it", List.of(), List.of()));
		cases.add(new Case("export as keras", ExportModelCommand.class, "", "format=keras output_file=[" + dir.resolve("k.h5") + "]",
			"format must be one of onnx, bioimageio, not 'keras'", List.of(dir.resolve("k.h5")), List.of()));
		cases.add(new Case("export of an .onnx", ExportModelCommand.class, "",
			"model_file=[" + three + "] output_file=[" + dir.resolve("again.onnx") + "]",
			"model_file " + three + " is an ONNX model or bioimage.io package already", List.of(dir.resolve("again.onnx")), List.of(three)));
		cases.add(new Case("package export to an .onnx file", ExportModelCommand.class, "",
			"format=bioimageio output_file=[" + dir.resolve("package.onnx") + "]",
			"output_file " + dir.resolve("package.onnx") + " must end in .zip", List.of(dir.resolve("package.onnx")), List.of()));

		// Values
		cases.add(new Case("epochs=0", TrainCommand.class, "", "train_folder=[" + train + "] model_file=[" + earlier + "] epochs=0",
			"epochs must be at least 1, not 0", List.of(), List.of(earlier)));
		cases.add(new Case("epochs=three", TrainCommand.class, "", "train_folder=[" + train + "] model_file=[" + earlier + "] epochs=three",
			"epochs must be a whole number", List.of(), List.of(earlier)));
		cases.add(new Case("learning_rate=-1", TrainCommand.class, "",
			"train_folder=[" + train + "] model_file=[" + earlier + "] learning_rate=-1",
			"learning_rate must be a number above 0 (and below 10), not -1.0", List.of(), List.of(earlier)));
		cases.add(new Case("validation_fraction=1", TrainCommand.class, "",
			"train_folder=[" + train + "] model_file=[" + earlier + "] validation_fraction=1",
			"validation_fraction must be between 0 and 1 (exclusive), not 1.0", List.of(), List.of(earlier)));
		cases.add(new Case("batch_size=0", TrainCommand.class, "", "train_folder=[" + train + "] model_file=[" + earlier + "] batch_size=0",
			"batch_size must be at least 1, not 0", List.of(), List.of(earlier)));
		cases.add(new Case("size=3", TrainCommand.class, "", "train_folder=[" + train + "] model_file=[" + earlier + "] size=3",
			"size must be 0 (auto) or between 16 and 128, not 3", List.of(), List.of(earlier)));
		cases.add(new Case("size=100000", ImportClassFoldersCommand.class, "", "folder=[" + train + "] size=100000",
			"size must be 0 (keep) or between 1 and 2048, not 100000", List.of(), List.of()));
		cases.add(new Case("channels=cmyk", TrainCommand.class, "", "train_folder=[" + train + "] model_file=[" + earlier + "] channels=cmyk",
			"channels must be one of auto, grey, rgb, not 'cmyk'", List.of(), List.of(earlier)));
		cases.add(new Case("augment=yes", TrainCommand.class, "", "train_folder=[" + train + "] model_file=[" + earlier + "] augment=yes",
			"augment must be true or false, not 'yes'", List.of(), List.of(earlier)));
		cases.add(new Case("digits=-1", ReadNumbersInFolderCommand.class, "",
			"folder=[" + train + "] digits=-1 output_file=[" + table(dir, "digits") + "]", "digits must be 0 (any) to 100, not -1",
			List.of(table(dir, "digits")), List.of()));
		cases.add(new Case("min_confidence=2", ReadNumbersInFolderCommand.class, "",
			"folder=[" + train + "] min_confidence=2 output_file=[" + table(dir, "confidence") + "]", "min_confidence must be within 0..1, not 2.0",
			List.of(table(dir, "confidence")), List.of()));
		cases.add(new Case("unknown key", ClassifyFolderCommand.class, "", "folder=[" + train + "] modelfile=[" + earlier + "]",
			"Unknown key modelfile for Classify Folder: its keys are folder, model_file, output_file", List.of(), List.of(earlier)));

		// Labelled numbers (Evaluate Number Reader)
		cases.add(new Case("Evaluate Number Reader without labels.csv", EvaluateReaderCommand.class, "",
			"test_folder=[" + train + "] report_file=[" + table(dir, "nolabels") + "]",
			"Labels file " + train.resolve("labels.csv") + " not found: give a CSV file with the columns file,label",
			List.of(table(dir, "nolabels")), List.of()));
		final Path absentLabel = Files.writeString(dir.resolve("absent labels.csv"), "file,label\ncircle/circle0.png,0\ncircle/gone.png,1\n");
		cases.add(new Case("Evaluate Number Reader: a label for a file not in the folder", EvaluateReaderCommand.class, "",
			"test_folder=[" + train + "] labels_file=[" + absentLabel + "] report_file=[" + table(dir, "absent") + "]",
			"The labels name circle/gone.png, which is not a file in " + train, List.of(table(dir, "absent")), List.of(absentLabel)));
		final Path columns = Files.writeString(dir.resolve("other columns.csv"), "image,number\ncircle/circle0.png,0\n");
		cases.add(new Case("Evaluate Number Reader: labels without file and label columns", EvaluateReaderCommand.class, "",
			"test_folder=[" + train + "] labels_file=[" + columns + "] report_file=[" + columns + "]",
			"report_file " + columns + " is labels_file itself", List.of(), List.of(columns)));
		cases.add(new Case("Evaluate Number Reader: labels of other columns", EvaluateReaderCommand.class, "",
			"test_folder=[" + train + "] labels_file=[" + columns + "] report_file=[" + table(dir, "columns") + "]",
			"Labels file " + columns + " has the columns [image, number]: it needs file and label", List.of(table(dir, "columns")),
			List.of(columns)));

		// Labelled numbers to train a reader on (Train Number Reader)
		final Path reader = dir.resolve("reader.zip");
		cases.add(new Case("Train Number Reader without labels.csv", TrainReaderCommand.class, "",
			"train_folder=[" + train + "] model_file=[" + reader + "]",
			"Labels file " + train.resolve("labels.csv") + " not found: give a CSV file with the columns file,label", List.of(reader), List.of()));
		final Path emptyLabel = Files.writeString(dir.resolve("empty label.csv"), "file,label\ncircle/circle0.png,12\ncircle/circle1.png,\n");
		cases.add(new Case("Train Number Reader: an empty label", TrainReaderCommand.class, "",
			"train_folder=[" + train + "] labels_file=[" + emptyLabel + "] model_file=[" + reader + "]",
			"Labels file " + emptyLabel + ", circle/circle1.png: A label is empty", List.of(reader), List.of(emptyLabel)));
		final Path spaced = Files.writeString(dir.resolve("spaced label.csv"), "file,label\ncircle/circle0.png,12 34\n");
		cases.add(new Case("Train Number Reader: a label with a space", TrainReaderCommand.class, "",
			"train_folder=[" + train + "] labels_file=[" + spaced + "] model_file=[" + reader + "]",
			"Labels file " + spaced + ", circle/circle0.png: The label '12 34' holds a space", List.of(reader), List.of(spaced)));
		final Path testLetter = Files.writeString(dir.resolve("test letter.csv"), "file,label\ncircle/circle0.png,1A\n");
		final Path digitLabels = Files.writeString(dir.resolve("digit labels.csv"), "file,label\ncircle/circle0.png,12\ncircle/circle1.png,7\n");
		cases.add(new Case("Train Number Reader: a test label with a symbol no training label has", TrainReaderCommand.class, "",
			"train_folder=[" + train + "] labels_file=[" + digitLabels + "] test_folder=[" + train + "] test_labels_file=[" + testLetter +
				"] model_file=[" + reader + "]",
			"circle/circle0.png: The label '1A' holds 'A', which the reader's alphabet 0123456789 does not", List.of(reader),
			List.of(testLetter)));
		cases.add(new Case("Train Number Reader: model_file is the labels file", TrainReaderCommand.class, "",
			"train_folder=[" + train + "] labels_file=[" + digitLabels + "] model_file=[" + digitLabels + "]",
			"model_file " + digitLabels + " is labels_file itself", List.of(), List.of(digitLabels)));

		// The current image (ImageJ only)
		cases.add(new Case("no image open", ClassifyImageCommand.class, "close(\"*\");", "output_file=[" + table(dir, "no image") + "]",
			"No image open: open an image or stack", List.of(table(dir, "no image")), List.of()));
		cases.add(new Case("an image of 1x1 px", ClassifyImageCommand.class, "newImage(\"dot\", \"8-bit white\", 1, 1, 1);",
			"output_file=[" + table(dir, "dot") + "]", "Image dot is 1x1 px: too small to hold a digit or picture", List.of(table(dir, "dot")),
			List.of()));
		final Path heat = dir.resolve("heat.tif");
		cases.add(new Case("Explain Prediction with no image open", ExplainCommand.class, "close(\"*\");", "output_file=[" + heat + "]",
			"No image open: open an image or stack", List.of(heat), List.of()));
		cases.add(new Case("Explain Prediction by method=shap", ExplainCommand.class, "open(\"" + image + "\");",
			"method=shap output_file=[" + heat + "]", "method must be one of auto, gradcam, occlusion, not 'shap'", List.of(heat), List.of()));
		cases.add(new Case("Read Number on a 1 px wide selection", ReadNumberCommand.class,
			"newImage(\"form\", \"8-bit white\", 200, 60, 1); makeRectangle(10, 0, 1, 20);", "output_file=[" + table(dir, "selection") + "]",
			"The selection on form is 1x20 px: too small to hold a digit or picture (at least 4x4 px)", List.of(table(dir, "selection")),
			List.of()));
		cases.add(new Case("Read Number on a 20000x20000 px image", ReadNumberCommand.class,
			"newImage(\"scan\", \"8-bit white\", 20000, 20000, 1);", "output_file=[" + table(dir, "scan") + "]",
			"Image scan is 20000x20000 px: numbers are read in at most 16 megapixels at a time; select the area that holds the number",
			List.of(table(dir, "scan")), List.of()));
		return cases;
	}

	/** The case's options as command-line words (key=value). */
	public static String[] commandLine(final String verb, final Case c) {
		final List<String> words = new ArrayList<>(List.of(verb));
		Keys.parse(c.options()).forEach((key, value) -> words.add(value == null ? key : key + "=" + value));
		return words.toArray(String[]::new);
	}

	/** The table a case must not write: one of its own, so that no case finds another's. */
	private static Path table(final Path dir, final String name) {
		return dir.resolve(name + ".csv");
	}

	private static Path bundledModel(final Path file) throws IOException {
		try (InputStream in = ModelBundles.class.getResourceAsStream(ModelBundles.DEFAULT_MODEL_RESOURCE)) {
			Files.copy(in, file);
		}
		return file;
	}

	private static byte[] entry(final Path zip, final String name) throws IOException {
		try (ZipFile file = new ZipFile(zip.toFile()); InputStream in = file.getInputStream(file.getEntry(name))) {
			return in.readAllBytes();
		}
	}

	/** A copy of a zip with one entry's text changed, or left out when {@code change} is null. */
	private static Path rewritten(final Path source, final Path target, final String name, final UnaryOperator<String> change)
		throws IOException
	{
		try (ZipFile in = new ZipFile(source.toFile()); OutputStream stream = Files.newOutputStream(target);
			ZipOutputStream out = new ZipOutputStream(stream))
		{
			for (final Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements();) {
				final ZipEntry entry = e.nextElement();
				if (entry.getName().equals(name) && change == null) continue;
				byte[] bytes = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals(name)) bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		return target;
	}

	private static Path zip(final Path file, final String name, final String text) throws IOException {
		try (OutputStream stream = Files.newOutputStream(file); ZipOutputStream out = new ZipOutputStream(stream)) {
			out.putNextEntry(new ZipEntry(name));
			out.write(text.getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		return file;
	}

	private static byte[] blankPng(final int width, final int height) throws IOException {
		final ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", png);
		return png.toByteArray();
	}

	private static void writeBlank(final Path file, final int width, final int height) throws IOException {
		Files.write(file, blankPng(width, height));
	}

	private static void deleteTree(final Path folder) throws IOException {
		try (var paths = Files.walk(folder)) {
			for (final Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
		}
	}
}
