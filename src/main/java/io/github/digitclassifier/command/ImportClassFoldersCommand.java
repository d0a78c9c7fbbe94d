package io.github.digitclassifier.command;

import java.io.File;
import java.io.IOException;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import ij.ImagePlus;
import io.github.digitclassifier.data.ClassBalance;
import io.github.digitclassifier.data.ClassFolders;
import io.github.digitclassifier.data.Dataset;
import io.github.digitclassifier.data.ImageFiles;
import io.github.digitclassifier.ij1.Stacks;
import io.github.digitclassifier.ij1.Tables;

/** Opens class folders as one stack, slices labelled {@code class/file}, and shows the class balance. */
@Plugin(type = Command.class, label = "Import Class Folders")
public class ImportClassFoldersCommand extends ReportingCommand {

	@Parameter(label = "Class folders", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File folder;

	@Parameter(label = "Slice size (px, 0 = keep)", persist = false, description = "Width and height of the slices; 0 keeps the images' own size")
	private int size = 0;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus stack;

	@Override
	protected void execute() throws IOException {
		// Images are read at most this large: a larger size would only blow them up, and could exhaust memory.
		if (size < 0 || size > ImageFiles.MAX_DECODED_SIDE) {
			throw new IllegalArgumentException("size must be 0 (keep) or between 1 and " + ImageFiles.MAX_DECODED_SIDE + ", not " + size);
		}
		final Dataset dataset = ClassFolders.scan(Paths.required(folder, "folder"));
		final Stacks.Imported imported = Stacks.of(dataset, size);
		warnSkipped(imported.skipped());
		final ClassBalance balance = ClassBalance.of(imported.dataset().requireEveryClassPresent());
		balance.warning().ifPresent(log::warn);
		Tables.show(balance.table(), "Class Balance");
		stack = imported.stack();
	}
}
