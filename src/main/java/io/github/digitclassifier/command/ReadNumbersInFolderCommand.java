package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import io.github.digitclassifier.read.train.Readers;
import io.github.digitclassifier.read.FolderReadings;
import io.github.digitclassifier.read.ReadingTables;

/** Reads the number in every image of a folder and its sub-folders. */
@Plugin(type = Command.class, label = "Read Numbers in Folder")
public class ReadNumbersInFolderCommand extends ReadingCommand {

	@Parameter(label = "Folder of images", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File folder;

	@Override
	protected void execute() throws IOException {
		final Path root = Paths.required(folder, "folder");
		final FolderReadings result;
		try (Readers.Opened opened = reader()) {
			result = opened.reader().readFolder(root);
		}
		warnSkipped(result.skipped());
		report(ReadingTables.forFiles(result.readings()));
		log.info("Read " + result.readings().size() + " number(s) in " + root);
	}
}
