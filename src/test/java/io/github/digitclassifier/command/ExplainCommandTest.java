package io.github.digitclassifier.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.process.FloatProcessor;
import io.github.digitclassifier.HeadlessContext;
import io.github.digitclassifier.explain.Pages;
import net.imglib2.img.array.ArrayImg;

/** Explain Prediction on a stack and on a selection: heat maps of the input's size, over the image, saved as a TIFF. */
class ExplainCommandTest {

	@TempDir
	Path dir;

	private static ImagePlus page() throws Exception {
		final Pages.Page page = Pages.digit(Path.of("sample-data/test/7/test-00000.png"), 160, 120, 60, 30, 1, 1);
		final float[] pixels = ((ArrayImg<?, ?>) page.image()).update(null) instanceof net.imglib2.img.basictypeaccess.array.FloatArray f ?
			f.getCurrentStorageArray() : null;
		final ImageStack stack = new ImageStack(160, 120);
		stack.addSlice("first", new FloatProcessor(160, 120, pixels.clone()));
		stack.addSlice("second", new FloatProcessor(160, 120, pixels.clone()));
		return new ImagePlus("page", stack);
	}

	/** Runs the command with {@code method} read as a macro's text is read. */
	private Module run(final ImagePlus image, final String method, final Path output) {
		final CommandInfo info = HeadlessContext.get().service(CommandService.class).getCommand(ExplainCommand.class);
		final Map<String, Object> inputs = new LinkedHashMap<>(Keys.inputs(info, Map.of("method", method)));
		inputs.put("image", image);
		if (output != null) inputs.put("output_file", output.toFile());
		return Commands.run(HeadlessContext.get(), info, inputs);
	}

	@Test
	void aStackGetsAHeatMapPerSliceOverItAndInATiff() throws Exception {
		final ImagePlus image = page();
		final Path tiff = dir.resolve("heat.tif");
		final Module module = run(image, "auto", tiff);
		final ImagePlus heat = (ImagePlus) module.getOutput("explanation");
		assertEquals("Explanation of page", heat.getTitle());
		assertEquals(32, heat.getBitDepth());
		assertEquals(160, heat.getWidth());
		assertEquals(2, heat.getStackSize());
		assertTrue(heat.getStack().getSliceLabel(1).startsWith("first: 7 ("), heat.getStack().getSliceLabel(1));
		assertEquals(2, image.getOverlay().size());
		final ImagePlus input = (ImagePlus) module.getOutput("model_input");
		assertEquals(28, input.getWidth());
		assertTrue(Files.isRegularFile(tiff));
		final ImagePlus saved = IJ.openImage(tiff.toString());
		assertEquals(2, saved.getStackSize());
		assertEquals(32, saved.getBitDepth());
	}

	@Test
	void aSelectionIsExplainedAlone() throws Exception {
		final ImagePlus image = page();
		image.setRoi(new Roi(40, 10, 80, 90));
		final ImagePlus heat = (ImagePlus) run(image, "gradcam", null).getOutput("explanation");
		assertEquals(80, heat.getWidth());
		assertEquals(90, heat.getHeight());
		assertNotNull(image.getOverlay());
		assertEquals(40, image.getOverlay().get(0).getBounds().x);
	}

	@Test
	void anUnknownMethodIsNamed() throws Exception {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(page(), "shap", null));
		assertTrue(e.getMessage().contains("method"), e.getMessage());
	}
}
