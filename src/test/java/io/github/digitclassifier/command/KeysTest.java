package io.github.digitclassifier.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import io.github.digitclassifier.HeadlessContext;

/** Macro keys are read exactly, in any order, whatever other keys stand beside them. */
class KeysTest {

	private static final CommandService commands = HeadlessContext.get().service(CommandService.class);

	@Test
	void aKeyIsNeverFoundInsideAnotherKey() {
		final CommandInfo train = commands.getCommand(TrainCommand.class);
		final Map<String, Object> inputs = Keys.inputs(train, Keys.parse("train_folder=[/data/train] batch_size=32 "));
		assertEquals(Map.of("train_folder", new File("/data/train"), "batch_size", 32), inputs);
	}

	/**
	 * Every key of every command alone, and beside every other key of its command in both orders,
	 * each with a value of its own: each key reads its own value and no other.
	 */
	@Test
	void everyKeyReadsItsOwnValueBesideEveryOtherInBothOrders() {
		int pairs = 0;
		for (final CommandInfo info : commands.getCommands()) {
			if (!info.getClassName().startsWith("io.github.digitclassifier.")) continue;
			final List<ModuleItem<?>> keys = new ArrayList<>(Keys.of(info));
			keys.removeIf(item -> item.getType() == ij.ImagePlus.class);
			final Map<String, String> texts = new HashMap<>();
			final Map<String, Object> values = new HashMap<>();
			final Module defaults = Keys.defaults(info);
			for (int k = 0; k < keys.size(); k++) {
				final ModuleItem<?> item = keys.get(k);
				final String text = distinctText(item, k, defaults.getInput(item.getName()));
				texts.put(item.getName(), text);
				values.put(item.getName(), Keys.value(item, text));
				assertEquals(Map.of(item.getName(), values.get(item.getName())), Keys.inputs(info, Keys.parse(option(item, text))));
			}
			for (final ModuleItem<?> a : keys) {
				for (final ModuleItem<?> b : keys) {
					if (a == b) continue;
					final Map<String, Object> read = Keys.inputs(info, Keys.parse(option(a, texts.get(a.getName())) + " " +
						option(b, texts.get(b.getName()))));
					assertEquals(Map.of(a.getName(), values.get(a.getName()), b.getName(), values.get(b.getName())), read,
						info.getTitle() + ": " + a.getName() + " then " + b.getName());
					pairs++;
				}
			}
		}
		assertTrue(pairs > 200, pairs + " pairs");
	}

	/** A text for the key that differs from its default and from every other key's (so that a swap shows). */
	private static String distinctText(final ModuleItem<?> item, final int k, final Object defaultValue) {
		final Class<?> type = item.getType();
		if (type == File.class) return "/data/key " + k + "/" + item.getName();
		if (type == boolean.class) return String.valueOf(!(Boolean) defaultValue);
		if (type == int.class || type == long.class) return String.valueOf(101 + k);
		if (type == double.class) return String.valueOf(0.5 + k / 1000.0);
		final List<String> others = new ArrayList<>(Keys.choices(item));
		others.remove(Keys.text(defaultValue));
		return others.get(0);
	}

	private static String option(final ModuleItem<?> item, final String text) {
		return item.getName() + "=" + (text.contains(" ") ? "[" + text + "]" : text);
	}

	@Test
	void valuesInBracketsKeepSpacesBracketsAndEqualSigns() {
		final Map<String, String> given = Keys.parse("folder=[/data/Zahlen für Jänner/[2024] a=b] size=0 flag model_file= digits='3'");
		final Map<String, String> expected = new LinkedHashMap<>();
		expected.put("folder", "/data/Zahlen für Jänner/[2024] a=b");
		expected.put("size", "0");
		expected.put("flag", null);
		expected.put("model_file", "");
		expected.put("digits", "3");
		assertEquals(expected, given);
	}

	@Test
	void anUnknownOrRepeatedKeyIsNamedWithTheCommandsKeys() {
		final CommandInfo train = commands.getCommand(TrainCommand.class);
		final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
			() -> Keys.inputs(train, Keys.parse("train_folder=[/a] batchsize=32")));
		assertTrue(unknown.getMessage().startsWith("Unknown key batchsize for Train Digit Classifier: its keys are train_folder, "),
			unknown.getMessage());
		assertTrue(unknown.getMessage().contains(" batch_size,"), unknown.getMessage());
		final IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> Keys.parse("epochs=3 size=28 epochs=4"));
		assertEquals("The key epochs is given twice: give it once", twice.getMessage());
		final IllegalArgumentException image = assertThrows(IllegalArgumentException.class,
			() -> Keys.inputs(commands.getCommand(ClassifyImageCommand.class), Keys.parse("image=[a.png]"), java.util.Set.of("image")));
		assertTrue(image.getMessage().startsWith("Unknown key image for Classify Current Image: its keys are model_file, output_file"),
			image.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Keys.parse("folder=[/a/b"));
	}

	@Test
	void valuesConvertWithTheKeyNamedWhenTheyCannot() {
		final CommandInfo train = commands.getCommand(TrainCommand.class);
		final Map<String, String> bad = Map.of("epochs", "2.5", "batch_size", "many", "learning_rate", "fast", "augment", "yes",
			"network", "resnet", "size", "100000000000");
		final Map<String, String> messages = Map.of("epochs", "epochs must be a whole number, not '2.5'",
			"batch_size", "batch_size must be a whole number, not 'many'",
			"learning_rate", "learning_rate must be a number, not 'fast'",
			"augment", "augment must be true or false, not 'yes'",
			"network", "network must be one of lenet, cnn, not 'resnet'",
			"size", "size must be at most 2147483647, not 100000000000");
		for (final String key : bad.keySet()) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> Keys.inputs(train, Collections.singletonMap(key, bad.get(key))));
			assertEquals(messages.get(key), e.getMessage());
		}
		assertEquals(Map.of("epochs", 4, "augment", true), Keys.inputs(train, Keys.parse("epochs=4.0 augment")));
		assertFalse(Keys.help(train).isEmpty());
		assertTrue(Keys.help(train).stream().anyMatch(line -> line.trim().startsWith("batch_size=64 ")), Keys.help(train).toString());
	}
}
