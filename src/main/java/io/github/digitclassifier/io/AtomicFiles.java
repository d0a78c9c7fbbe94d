package io.github.digitclassifier.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files whole or not at all: the content goes to a temporary file beside the target, which
 * is moved over the target only once it is complete. A failed write leaves an earlier file intact.
 */
public final class AtomicFiles {

	/** Writes the content of a file given its (temporary) path. */
	@FunctionalInterface
	public interface Writer {
		void writeTo(Path file) throws IOException;
	}

	private AtomicFiles() {}

	public static void write(final Path target, final Writer writer) throws IOException {
		final Path absolute = target.toAbsolutePath();
		final Path folder = absolute.getParent();
		if (folder == null || !Files.isDirectory(folder)) {
			throw new IOException("Folder does not exist: " + folder);
		}
		if (Files.isDirectory(absolute)) {
			throw new IOException("Is a folder, not a file: " + absolute);
		}
		final Path temp;
		try {
			temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".part");
		}
		catch (final IOException e) {
			throw new IOException("Cannot write into " + folder + ": " + e.getMessage(), e);
		}
		try {
			writer.writeTo(temp);
			givePermissions(temp, absolute);
			moveOver(temp, absolute);
		}
		catch (final IOException e) {
			Files.deleteIfExists(temp);
			// The system's words ("No space left on device") do not say which file.
			throw new IOException("Cannot write " + absolute + ": " + e.getMessage(), e);
		}
		catch (final RuntimeException e) {
			Files.deleteIfExists(temp);
			throw e;
		}
	}

	/**
	 * Temporary files are private (rw-------); the result gets the permissions of the file it
	 * replaces, or those of a new file (rw-r--r--).
	 */
	private static void givePermissions(final Path temp, final Path target) throws IOException {
		if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) return;
		final Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target) :
			PosixFilePermissions.fromString("rw-r--r--");
		Files.setPosixFilePermissions(temp, permissions);
	}

	private static void moveOver(final Path source, final Path target) throws IOException {
		try {
			Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
