package io.github.digitclassifier.backend;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ND4J and DL4J log their start-up at INFO (backend, threads, instruction set, build flags): chatter
 * to a person running a command, and in Fiji lines in the Console. Their loggers start at WARN,
 * unless the user set them: slf4j-simple's (ImageJ 1, the command line) through its system
 * properties, read as each logger is made; logback's (Fiji) on the logger itself, by reflection,
 * since logback is Fiji's and not the plugin's.
 */
final class LibraryLogs {

	private static final List<String> CHATTY = List.of("org.nd4j", "org.deeplearning4j");

	private LibraryLogs() {}

	/** Call before ND4J's classes load: their loggers are made then. */
	static void quiet() {
		for (final String name : CHATTY) {
			final String property = "org.slf4j.simpleLogger.log." + name;
			if (System.getProperty(property) == null) System.setProperty(property, "warn");
			quietLogback(LoggerFactory.getLogger(name));
		}
	}

	private static void quietLogback(final Logger logger) {
		if (!logger.getClass().getName().equals("ch.qos.logback.classic.Logger")) return;
		try {
			if (logger.getClass().getMethod("getLevel").invoke(logger) != null) return; // set by the user's configuration
			final Class<?> level = Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
			logger.getClass().getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
		}
		catch (final ReflectiveOperationException e) {
			// Another logback than Fiji's: its lines stay as they are.
		}
	}
}
