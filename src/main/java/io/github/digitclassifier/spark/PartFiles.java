package io.github.digitclassifier.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
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

	private static MessageType schema(final List<String> columns) {
		final List<Type> fields = new ArrayList<>();
		for (final String column : columns) {
			fields.add(switch (kind(column)) {
				case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(column);
				case INTEGER -> Types.optional(PrimitiveTypeName.INT64).named(column);
				case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(column);
			});
		}
		return new MessageType("row", fields);
	}

	private static byte[] parquet(final CsvTable table) throws IOException {
		final MessageType type = schema(table.columns());
		final SimpleGroupFactory groups = new SimpleGroupFactory(type);
		return parquet(type, writer -> {
			for (final List<String> row : table.rows()) {
				final Group group = groups.newGroup();
				for (int c = 0; c < row.size(); c++) {
					final String value = row.get(c);
					if (value.isEmpty()) continue;
					switch (kind(table.columns().get(c))) {
						case TEXT -> group.add(c, Binary.fromString(value));
						case INTEGER -> group.add(c, Long.parseLong(value));
						case DOUBLE -> group.add(c, Double.parseDouble(value));
					}
				}
				writer.write(group);
			}
		});
	}

	@FunctionalInterface
	private interface Rows {
		void writeTo(ParquetWriter<Group> writer) throws IOException;
	}

	private static byte[] parquet(final MessageType type, final Rows rows) throws IOException {
		final InMemory file = new InMemory();
		try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withType(type).build()) {
			rows.writeTo(writer);
		}
		return file.bytes.toByteArray();
	}

	/** How many digits a reading table has columns for: digit_1, confidence_1 ... digit_N, confidence_N. */
	static int digitColumns(final List<String> columns) {
		return (int) columns.stream().filter(column -> column.matches("digit_\\d+")).count();
	}

	/** A part file's columns: a CSV's header, a Parquet file's schema. */
	static List<String> columns(final Storage storage, final String location, final JobOptions.Format format) throws IOException {
		if (format == JobOptions.Format.CSV) {
			final String text = new String(storage.read(location), StandardCharsets.UTF_8);
			return header(text);
		}
		return names(parquetSchema(storage, location));
	}

	/**
	 * A reading part with columns for {@code digits} digits, as Read Numbers in Folder's table has
	 * for the longest number of the folder: the columns it lacks added at the end, empty.
	 */
	static Storage.Writer widened(final Storage storage, final String location, final JobOptions.Format format, final int digits)
		throws IOException
	{
		if (format == JobOptions.Format.CSV) {
			final CsvTable narrow = CsvTable.of(new String(storage.read(location), StandardCharsets.UTF_8), location);
			final CsvTable wide = new CsvTable(widerColumns(narrow.columns(), digits));
			for (final List<String> row : narrow.rows()) {
				final Object[] values = new Object[wide.columns().size()];
				Arrays.fill(values, ""); // the columns it lacks, at the end
				for (int c = 0; c < row.size(); c++) values[c] = row.get(c);
				wide.add(values);
			}
			return writer(wide, format);
		}
		final MessageType narrow = parquetSchema(storage, location);
		final MessageType type = schema(widerColumns(names(narrow), digits));
		final SimpleGroupFactory groups = new SimpleGroupFactory(type);
		final byte[] bytes = parquet(type, writer -> {
			try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), Storage.path(location))
				.withConf(storage.configuration()).build())
			{
				for (Group row = reader.read(); row != null; row = reader.read()) {
					final Group wide = groups.newGroup();
					for (int c = 0; c < narrow.getFieldCount(); c++) {
						if (row.getFieldRepetitionCount(c) == 0) continue;
						switch (kind(narrow.getFieldName(c))) {
							case TEXT -> wide.add(c, row.getBinary(c, 0));
							case INTEGER -> wide.add(c, row.getLong(c, 0));
							case DOUBLE -> wide.add(c, row.getDouble(c, 0));
						}
					}
					writer.write(wide);
				}
			}
		});
		return stream -> stream.write(bytes);
	}

	/** A CSV part's header: the commands' column names hold no comma or quote. */
	private static List<String> header(final String text) {
		return List.of(text.substring(0, text.indexOf('\n')).split(",", -1));
	}

	private static List<String> widerColumns(final List<String> columns, final int digits) {
		final List<String> wider = new ArrayList<>(columns);
		for (int d = digitColumns(columns) + 1; d <= digits; d++) {
			wider.add("digit_" + d);
			wider.add("confidence_" + d);
		}
		return wider;
	}

	private static MessageType parquetSchema(final Storage storage, final String location) throws IOException {
		try (ParquetFileReader file = ParquetFileReader.open(HadoopInputFile.fromPath(Storage.path(location), storage.configuration()))) {
			return file.getFileMetaData().getSchema();
		}
	}

	private static List<String> names(final MessageType schema) {
		return schema.getFields().stream().map(Type::getName).toList();
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
