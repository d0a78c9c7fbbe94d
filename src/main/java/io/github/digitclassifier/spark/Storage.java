package io.github.digitclassifier.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.UUID;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files wherever Spark's file systems reach them (local paths, hdfs://, s3a://, ...), with the job's
 * Hadoop configuration, which travels to the executors with the tasks. Local files go through
 * Hadoop's raw local file system: no .crc files beside the parts, and a rename that is atomic.
 */
final class Storage implements Serializable {

	private static final long serialVersionUID = 1L;

	private transient Configuration conf;

	Storage(final Configuration conf) {
		this.conf = conf;
	}

	/** Whether a location is a path of this machine's file system (no scheme, or file:). */
	static boolean isLocal(final String location) {
		final String scheme = scheme(location);
		return scheme == null || scheme.equals("file");
	}

	private static String scheme(final String location) {
		final int colon = location.indexOf(':');
		// a scheme has two letters or more: "C:\\..." is a Windows path
		return colon > 1 && location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*") ? location.substring(0, colon) : null;
	}

	FileSystem fileSystem(final Path path) throws IOException {
		final FileSystem fs = path.getFileSystem(conf);
		return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
	}

	static Path path(final String location) {
		return isLocal(location) && scheme(location) == null ? new Path(new java.io.File(location).getAbsoluteFile().toURI()) : new Path(URI.create(location));
	}

	boolean exists(final String location) throws IOException {
		final Path path = path(location);
		return fileSystem(path).exists(path);
	}

	byte[] read(final String location) throws IOException {
		final Path path = path(location);
		try (InputStream in = fileSystem(path).open(path)) {
			return in.readAllBytes();
		}
	}

	/**
	 * Writes a file whole or not at all: to a temporary name in the same folder (which a rerun
	 * removes, {@link #TEMPORARY} names them), then renamed. When the target has appeared meanwhile
	 * (a speculative copy of the same task), the copy written here is dropped.
	 */
	void writeAtomically(final String folder, final String name, final Writer writer) throws IOException {
		write(folder, name, writer, false);
	}

	/**
	 * Replaces a file by one written whole: as {@link #writeAtomically}, but the old file is removed
	 * before the rename (HDFS's rename does not replace). Lost in between, the file is missing, and
	 * a rerun makes it again.
	 */
	void replace(final String folder, final String name, final Writer writer) throws IOException {
		write(folder, name, writer, true);
	}

	private void write(final String folder, final String name, final Writer writer, final boolean replacing) throws IOException {
		final Path dir = path(folder);
		final FileSystem fs = fileSystem(dir);
		fs.mkdirs(dir);
		final Path target = new Path(dir, name);
		final Path temporary = new Path(dir, TEMPORARY + name + "-" + UUID.randomUUID());
		try (OutputStream out = fs.create(temporary, true)) {
			writer.write(out);
		}
		if (replacing) fs.delete(target, false);
		if (!fs.rename(temporary, target)) {
			fs.delete(temporary, false);
			if (!fs.exists(target)) throw new IOException("Could not rename " + temporary + " to " + target);
		}
	}

	/** The Hadoop configuration the job's files are reached with. */
	Configuration configuration() {
		return conf;
	}

	/** The start of a file being written; such files left by a killed job are removed by the next run. */
	static final String TEMPORARY = "_tmp-";

	/** Removes what a killed job left half-written in a folder. */
	void removeTemporary(final String folder) throws IOException {
		final Path dir = path(folder);
		final FileSystem fs = fileSystem(dir);
		if (!fs.exists(dir)) return;
		for (final org.apache.hadoop.fs.FileStatus file : fs.listStatus(dir)) {
			if (file.getPath().getName().startsWith(TEMPORARY)) fs.delete(file.getPath(), true);
		}
	}

	@FunctionalInterface
	interface Writer {
		void write(OutputStream out) throws IOException;
	}

	static byte[] bytes(final Writer writer) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.write(out);
		return out.toByteArray();
	}

	private void writeObject(final ObjectOutputStream out) throws IOException {
		out.defaultWriteObject();
		conf.write(out);
	}

	private void readObject(final ObjectInputStream in) throws IOException, ClassNotFoundException {
		in.defaultReadObject();
		conf = new Configuration(false);
		conf.readFields(in);
	}
}
