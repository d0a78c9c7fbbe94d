package io.github.digitclassifier.ij1;

import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Button;
import java.awt.Canvas;
import java.awt.Choice;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Label;
import java.awt.Panel;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import io.github.digitclassifier.draw.LatestWins;
import io.github.digitclassifier.draw.SketchReader;
import io.github.digitclassifier.predict.Prediction;
import io.github.digitclassifier.read.NumberReading;
import io.github.digitclassifier.ui.Failures;

/**
 * Draw Digit: a canvas to draw on (dark ink on white) beside a live bar plot of the model's class
 * probabilities (an ImageJ Plot in a window of its own, updated in place), its title naming the
 * predicted class and its confidence. Every change of the drawing is read off AWT's event thread
 * by one worker that always takes the newest drawing ({@link LatestWins}); ink in more than one
 * piece is also read as a number, shown below the canvas.
 */
public final class DrawDigitWindow extends Frame {

	private static final long serialVersionUID = 1L;
	// Not WIDTH and HEIGHT: inside a Component those name ImageObserver's flags.
	public static final int CANVAS_WIDTH = 400, CANVAS_HEIGHT = 260;
	private static final String[] BRUSHES = { "8", "12", "16", "20", "28" };
	private static final String TITLE = "Draw Digit";
	private static final Color OTHERS = new Color(31, 119, 180), PREDICTED = new Color(230, 110, 0);

	private record Stroke(float width, List<Point> points) {}

	private record Snapshot(long version, byte[] grey, boolean strokeEnded) {}

	/** A reading for the plot: the other classes' bars, the predicted class's bar, the title. */
	private record Bars(long version, double[] others, double[] predicted, String title) {}

	private final transient SketchReader reader;
	private final transient AutoCloseable model;
	private final transient LatestWins<Snapshot> worker, numbers;
	private final BufferedImage drawing = new BufferedImage(CANVAS_WIDTH, CANVAS_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
	private final transient List<Stroke> strokes = new ArrayList<>();
	private final Choice brush = new Choice();
	private final Label number = new Label(" ", Label.LEFT);
	private final DrawingCanvas canvas = new DrawingCanvas();
	private final transient Plot plot;
	/** The plot's title, a text object of the plot: the predicted class and its confidence. */
	private final int titleObject;
	private final transient ImagePlus plotImage;
	/** When each version of the drawing was made, until it is shown or passed over. */
	private final transient ConcurrentHashMap<Long, Long> madeAt = new ConcurrentHashMap<>();
	/** Milliseconds from the end of a stroke (or Clear, Undo) to its reading shown, and to its number shown. */
	private final transient List<Double> strokeLatencies = new CopyOnWriteArrayList<>(), numberLatencies = new CopyOnWriteArrayList<>();
	private final transient ConcurrentHashMap<Long, Long> numberMadeAt = new ConcurrentHashMap<>();
	/** The newest reading not yet plotted: a newer one replaces it, so the event thread plots only the latest. */
	private final transient AtomicReference<Bars> toPlot = new AtomicReference<>();
	private long version, shownVersion, strokeEndVersion = -1;
	private volatile String shownTitle = TITLE;
	private volatile String shownNumber = "";

	/** Opens the window; it closes {@code model} when it closes. */
	public static DrawDigitWindow open(final SketchReader reader, final AutoCloseable model) {
		final DrawDigitWindow[] window = new DrawDigitWindow[1];
		try {
			EventQueue.invokeAndWait(() -> window[0] = new DrawDigitWindow(reader, model));
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while opening Draw Digit", e);
		}
		catch (final java.lang.reflect.InvocationTargetException e) {
			if (e.getCause() instanceof RuntimeException r) throw r;
			throw new IllegalStateException(e.getCause());
		}
		return window[0];
	}

	private DrawDigitWindow(final SketchReader reader, final AutoCloseable model) {
		super(TITLE);
		this.reader = reader;
		this.model = model;
		final List<String> classes = reader.classNames();
		plot = new Plot(TITLE, "", "probability");
		plot.setSize(380, 240);
		// ImageJ numbers a category axis in steps of 2 or 5: each bar gets its class name as a text instead.
		plot.setFormatFlags(Plot.Y_NUMBERS | Plot.Y_TICKS | Plot.Y_GRID | Plot.X_TICKS);
		plot.setLimits(-0.6, classes.size() - 0.4, -0.16, 1.12);
		plot.setColor(OTHERS, OTHERS);
		plot.add("separated bar", indices(classes.size()), new double[classes.size()]);
		plot.setColor(PREDICTED, PREDICTED);
		plot.add("separated bar", indices(classes.size()), new double[classes.size()]);
		plot.setColor(Color.BLACK);
		plot.setJustification(Plot.CENTER);
		for (int i = 0; i < classes.size(); i++) plot.addText(classes.get(i), i, -0.12);
		plot.setJustification(Plot.LEFT);
		plot.addText(TITLE, -0.5, 1.07);
		titleObject = 2 + classes.size();
		final ij.gui.PlotWindow shown = plot.show();
		plotImage = shown != null ? shown.getImagePlus() : plot.getImagePlus();
		worker = new LatestWins<>("Draw Digit reader", this::read, e -> IJ.log("Draw Digit: " + Failures.messageOf(e)));
		numbers = new LatestWins<>("Draw Digit number reader", this::readNumber, e -> IJ.log("Draw Digit: " + Failures.messageOf(e)));

		for (final String b : BRUSHES) brush.add(b);
		brush.select("16");
		final Button clear = new Button("Clear"), undo = new Button("Undo");
		clear.addActionListener(e -> {
			strokes.clear();
			redraw();
			changed(true);
		});
		undo.addActionListener(e -> {
			if (strokes.isEmpty()) return;
			strokes.remove(strokes.size() - 1);
			redraw();
			changed(true);
		});
		final Panel controls = new Panel(new FlowLayout(FlowLayout.LEFT));
		controls.add(new Label("Brush"));
		controls.add(brush);
		controls.add(clear);
		controls.add(undo);
		setLayout(new BorderLayout());
		add(canvas, BorderLayout.CENTER);
		final Panel south = new Panel(new BorderLayout());
		south.add(controls, BorderLayout.NORTH);
		south.add(number, BorderLayout.SOUTH);
		add(south, BorderLayout.SOUTH);
		redraw();
		addWindowListener(new WindowAdapter() {
			@Override
			public void windowClosing(final WindowEvent e) {
				dispose();
			}

			@Override
			public void windowClosed(final WindowEvent e) {
				worker.close();
				numbers.close();
				try {
					model.close();
				}
				catch (final Exception ignored) {
					// nothing held outside the heap is left to free
				}
			}
		});
		pack();
		setLocation(20, 120);
		setVisible(true);
		final java.awt.Window plotWindow = plotImage.getWindow();
		if (plotWindow != null) plotWindow.setLocation(getX() + getWidth() + 10, getY());
		changed(false); // the blank drawing: no stroke has ended, so no latency is counted

	}

	private static double[] indices(final int n) {
		final double[] x = new double[n];
		for (int i = 0; i < n; i++) x[i] = i;
		return x;
	}

	/** The drawing changed (on the event thread): its newest state goes to the worker. */
	private void changed(final boolean strokeEnded) {
		final long now = System.nanoTime();
		version++;
		madeAt.put(version, now);
		if (strokeEnded) {
			strokeEndVersion = version;
			numberMadeAt.clear();
			numberMadeAt.put(version, now);
		}
		final byte[] grey = ((DataBufferByte) drawing.getRaster().getDataBuffer()).getData().clone();
		canvas.repaint();
		worker.offer(new Snapshot(version, grey, strokeEnded));
	}

	/**
	 * On the worker: classifies the drawing and hands its bars to the event thread, which alone
	 * changes the plot (AWT's components are not thread-safe). At a stroke's end, ink in pieces goes
	 * on to the number worker, so the plot never waits for a number.
	 */
	private void read(final Snapshot snapshot) {
		final SketchReader.Reading reading = reader.read(snapshot.version(), snapshot.grey(), CANVAS_WIDTH, CANVAS_HEIGHT);
		final int n = reader.classNames().size();
		final double[] all = new double[n], best = new double[n];
		final String title;
		if (reading.blank()) title = TITLE + ": draw a digit";
		else {
			final Prediction p = reading.prediction();
			System.arraycopy(p.probabilities(), 0, all, 0, n);
			best[p.classIndex()] = p.confidence();
			all[p.classIndex()] = 0;
			title = String.format(Locale.ROOT, "%s: %s (%.0f%%)", TITLE, p.className(), 100 * p.confidence());
		}
		final boolean asNumber = snapshot.strokeEnded() && reading.pieces() > 1;
		if (asNumber) numbers.offer(snapshot);
		// A stroke's end with ink in one piece (or none) has no number to show.
		if (snapshot.strokeEnded() && !asNumber) {
			EventQueue.invokeLater(() -> {
				if (snapshot.version() == strokeEndVersion) showNumber("");
			});
		}
		// One plotting queued at a time; a reading that comes meanwhile replaces the one waiting.
		if (toPlot.getAndSet(new Bars(reading.version(), all, best, title)) == null) EventQueue.invokeLater(this::plotNewest);
	}

	/** On the event thread: the newest reading into the plot and the titles. */
	private void plotNewest() {
		final Bars bars = toPlot.getAndSet(null);
		if (bars == null) return;
		final int n = bars.others().length;
		// Replacing takes the current colour: each data set is given its own again.
		plot.setColor(OTHERS, OTHERS);
		plot.replace(0, "separated bar", indices(n), bars.others());
		plot.setColor(PREDICTED, PREDICTED);
		plot.replace(1, "separated bar", indices(n), bars.predicted());
		plot.setPlotObjectLabel(titleObject, bars.title());
		plotImage.setTitle(bars.title());
		plot.updateImage();
		show(bars.version(), bars.title());
	}

	/** On the number worker: reads the pieces as a number. */
	private void readNumber(final Snapshot snapshot) {
		final NumberReading read = reader.readNumber(snapshot.grey(), CANVAS_WIDTH, CANVAS_HEIGHT);
		final String text = read != null && read.digits().size() > 1 ?
			String.format(Locale.ROOT, "Reads as %s (%.0f%%)", read.text(), 100 * read.confidence()) : "";
		EventQueue.invokeLater(() -> {
			if (snapshot.version() != strokeEndVersion) return; // the drawing has changed since
			showNumber(text);
			final Long made = numberMadeAt.remove(snapshot.version());
			if (made != null) numberLatencies.add((System.nanoTime() - made) / 1e6);
		});
	}

	private void show(final long shown, final String title) {
		setTitle(title);
		shownTitle = title;
		final Long made = madeAt.get(shown);
		if (made != null && shown == strokeEndVersion) strokeLatencies.add((System.nanoTime() - made) / 1e6);
		madeAt.keySet().removeIf(v -> v <= shown);
		shownVersion = shown;
	}

	private void showNumber(final String text) {
		shownNumber = text;
		number.setText(text.isEmpty() ? " " : text);
	}

	/** Draws every stroke anew on white. */
	private void redraw() {
		final Graphics2D g = drawing.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, CANVAS_WIDTH, CANVAS_HEIGHT);
		for (final Stroke s : strokes) ink(g, s);
		g.dispose();
	}

	private static void ink(final Graphics2D g, final Stroke s) {
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.BLACK);
		g.setStroke(new BasicStroke(s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		final List<Point> p = s.points();
		if (p.size() == 1) g.drawLine(p.get(0).x, p.get(0).y, p.get(0).x, p.get(0).y);
		for (int i = 1; i < p.size(); i++) g.drawLine(p.get(i - 1).x, p.get(i - 1).y, p.get(i).x, p.get(i).y);
	}

	/** The title shown now (the predicted class and its confidence), for tests and macros that look. */
	public String shownTitle() {
		return shownTitle;
	}

	/** The number read now, or empty. */
	public String shownNumber() {
		return shownNumber;
	}

	/** Whether the newest drawing's reading is shown. */
	public boolean upToDate() {
		final boolean[] result = new boolean[1];
		try {
			EventQueue.invokeAndWait(() -> result[0] = shownVersion == version);
		}
		catch (final Exception e) {
			return false;
		}
		return result[0];
	}

	/** Milliseconds from the end of each stroke, Clear or Undo to its reading shown. */
	public List<Double> strokeLatencies() {
		return List.copyOf(strokeLatencies);
	}

	/** Milliseconds from the end of each stroke whose ink is in pieces to its number shown. */
	public List<Double> numberLatencies() {
		return List.copyOf(numberLatencies);
	}

	/** The drawing canvas's place on the screen, for a robot to draw on. */
	public java.awt.Rectangle canvasOnScreen() {
		final Point p = canvas.getLocationOnScreen();
		return new java.awt.Rectangle(p.x, p.y, CANVAS_WIDTH, CANVAS_HEIGHT);
	}

	/** The plot's window, whose image is the plot. */
	public ImagePlus plotImage() {
		return plotImage;
	}

	private final class DrawingCanvas extends Canvas {

		private static final long serialVersionUID = 1L;

		DrawingCanvas() {
			final MouseAdapter mouse = new MouseAdapter() {
				@Override
				public void mousePressed(final MouseEvent e) {
					final Stroke s = new Stroke(Float.parseFloat(brush.getSelectedItem()), new ArrayList<>(List.of(e.getPoint())));
					strokes.add(s);
					stroke(s, false);
				}

				@Override
				public void mouseDragged(final MouseEvent e) {
					if (strokes.isEmpty()) return;
					final Stroke s = strokes.get(strokes.size() - 1);
					s.points().add(e.getPoint());
					stroke(s, false);
				}

				@Override
				public void mouseReleased(final MouseEvent e) {
					if (!strokes.isEmpty()) stroke(strokes.get(strokes.size() - 1), true);
				}
			};
			addMouseListener(mouse);
			addMouseMotionListener(mouse);
		}

		/** Paints the stroke's newest segment (all of it is cheap enough) and hands the drawing on. */
		private void stroke(final Stroke s, final boolean ended) {
			final Graphics2D g = drawing.createGraphics();
			final List<Point> p = s.points();
			ink(g, new Stroke(s.width(), p.size() > 1 ? p.subList(p.size() - 2, p.size()) : p));
			g.dispose();
			changed(ended);
		}

		@Override
		public Dimension getPreferredSize() {
			return new Dimension(CANVAS_WIDTH, CANVAS_HEIGHT);
		}

		@Override
		public Dimension getMinimumSize() {
			return getPreferredSize();
		}

		@Override
		public void update(final Graphics g) {
			paint(g); // no clearing first: no flicker
		}

		@Override
		public void paint(final Graphics g) {
			g.drawImage(drawing, 0, 0, null);
		}
	}
}
