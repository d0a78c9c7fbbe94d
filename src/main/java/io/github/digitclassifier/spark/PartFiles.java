package io.github.digitclassifier.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import io.github.digitclassifier.io.CsvTable;

/**
 * A table as one part file: CSV exactly as the commands write theirs (header, six significant
 * digits), or Parquet with the same columns typed — names, classes and digits as text (leading
 * zeros kept), counts as integers, confidences and probabilities as doubles; empty cells as nulls.
 */
final class PartFiles {

	private PartFiles() {}

	static String extension(final JobOptions.Format format) {
		return format == JobOptions.Format.CSV ? ".csv" : ".parquet";
	}

	static Storage.Writer writer(final CsvTable table, final JobOptions.Format format) {
		if (format == JobOptions.Format.CSV) return out -> out.write(table.text().getBytes(StandardCharsets.UTF_8));
		return out -> out.write(parquet(table));
	}

	private enum Kind { TEXT, INTEGER, DOUBLE }

	private static Kind kind(final String column) {
		if (column.equals("file") || column.equals("predicted") || column.equals("text") || column.equals("reason") ||
			column.matches("digit_\\d+")) return Kind.TEXT;
		if (column.equals("digit_count") || column.equals("flagged")) return Kind.INTEGER;
		return Kind.DOUBLE;
	}

	private static byte[] parquet(final CsvTable table) throws IOException {
		final List<Type> fields = new ArrayList<>();
		for (final String column : table.columns()) {
			fields.add(switch (kind(column)) {
				case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column);
				case INTEGER -> Types.optional(PrimitiveTypeName.INT64).named(column);
				case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(column);
			});
		}
		final MessageType type = new MessageType("row", fields);
		final SimpleGroupFactory groups = new SimpleGroupFactory(type);
		final InMemory file = new InMemory();
		try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withType(type).build()) {
			for (final List<String> row : table.rows()) {
				final Group group = groups.newGroup();
				for (int c = 0; c < row.size(); c++) {
					final String value = row.get(c);
					if (value.isEmpty()) continue;
					final String column = table.columns().get(c);
					switch (kind(column)) {
						case TEXT -> group.add(c, Binary.fromString(value));
						case INTEGER -> group.add(c, Long.parseLong(value));
						case DOUBLE -> group.add(c, Double.parseDouble(value));
					}
				}
				writer.write(group);
			}
		}
		return file.bytes.toByteArray();
	}

	/** Parquet written to memory, then stored whole as the CSV is: the same atomic rename on every file system. */
	private static final class InMemory implements OutputFile {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		@Override
		public PositionOutputStream create(final long blockSizeHint) {
			return createOrOverwrite(blockSizeHint);
		}

		@Override
		public PositionOutputStream createOrOverwrite(final long blockSizeHint) {
			bytes.reset();
			return new PositionOutputStream() {
				@Override
				public long getPos() {
					return bytes.size();
				}

				@Override
				public void write(final int b) {
					bytes.write(b);
				}

				@Override
				public void write(final byte[] b, final int off, final int len) {
					bytes.write(b, off, len);
				}
			};
		}

		@Override
		public boolean supportsBlockSize() {
			return false;
		}

		@Override
		public long defaultBlockSize() {
			return 0;
		}
	}

}
