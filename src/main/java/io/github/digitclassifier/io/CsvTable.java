package io.github.digitclassifier.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A table with a header row, written as RFC 4180 CSV without a row-number column. */
public final class CsvTable {

	private static final MathContext SIGNIFICANT = new MathContext(6);

	private final List<String> columns;
	private final List<List<String>> rows = new ArrayList<>();

	public CsvTable(final List<String> columns) {
		this.columns = List.copyOf(columns);
	}

	public List<String> columns() {
		return columns;
	}

	public List<List<String>> rows() {
		return Collections.unmodifiableList(rows);
	}

	/** Adds a row; floating-point numbers are written with six significant digits and a dot. */
	public CsvTable add(final Object... values) {
		if (values.length != columns.size()) {
			throw new IllegalArgumentException("Row has " + values.length + " values for " + columns.size() + " columns");
		}
		final List<String> row = new ArrayList<>(values.length);
		for (final Object value : values) row.add(format(value));
		rows.add(row);
		return this;
	}

	/**
	 * Reads a CSV file (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks): its
	 * first line is the header. A row of another width than the header is an error naming the line.
	 */
	public static CsvTable read(final Path file) throws IOException {
		return of(Files.readString(file, StandardCharsets.UTF_8), file.toString());
	}

	/** A table from CSV text, as {@link #read} reads a file; {@code source} names the text in errors. */
	public static CsvTable of(final String text, final String source) throws IOException {
		final List<List<String>> lines = parse(text);
		if (lines.isEmpty()) throw new IOException(source + " is empty: it needs a header row");
		final CsvTable table = new CsvTable(lines.get(0));
		for (int i = 1; i < lines.size(); i++) {
			if (lines.get(i).size() != table.columns.size()) {
				throw new IOException(source + ", line " + (i + 1) + ": " + lines.get(i).size() + " values for the " + table.columns.size() +
					" columns of the header " + table.columns);
			}
			table.rows.add(lines.get(i));
		}
		return table;
	}

	/** The records of CSV text; blank lines are left out. */
	private static List<List<String>> parse(final String text) {
		final List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		final StringBuilder field = new StringBuilder();
		boolean quoted = false, any = false;
		for (int i = 0; i < text.length(); i++) {
			final char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') field.append(text.charAt(++i));
				else if (c == '"') quoted = false;
				else field.append(c);
			}
			else if (c == '"') quoted = any = true;
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				any = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
				if (any || field.length() > 0) {
					record.add(field.toString());
					records.add(record);
				}
				record = new ArrayList<>();
				field.setLength(0);
				any = false;
			}
			else {
				field.append(c);
				any = true;
			}
		}
		if (any || field.length() > 0) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

	/** Writes the table atomically: an existing file is replaced only by a complete one. */
	public void write(final Path file) throws IOException {
		AtomicFiles.write(file, temp -> {
			// The stream is a resource of its own: when a full disk fails the writer's last flush,
			// the writer's close never reaches it, and its file would stay open.
			try (OutputStream stream = Files.newOutputStream(temp);
				BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)))
			{
				out.write(text());
			}
		});
	}

	/** The table as CSV text, header first, each line ending in a newline. */
	public String text() {
		final StringBuilder text = new StringBuilder();
		line(text, columns);
		for (final List<String> row : rows) line(text, row);
		return text.toString();
	}

	private static void line(final StringBuilder text, final List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) text.append(',');
			text.append(quote(values.get(i)));
		}
		text.append('\n');
	}

	private static String quote(final String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	private static String format(final Object value) {
		if (value == null) return "";
		if (value instanceof Double || value instanceof Float) {
			final double d = ((Number) value).doubleValue();
			if (Double.isNaN(d)) return "NaN";
			if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
			// Small probabilities as 6.99064E-9, whole numbers without an exponent.
			final BigDecimal rounded = BigDecimal.valueOf(d).round(SIGNIFICANT).stripTrailingZeros();
			return rounded.scale() < 0 ? rounded.toPlainString() : rounded.toString();
		}
		return value.toString();
	}
}
