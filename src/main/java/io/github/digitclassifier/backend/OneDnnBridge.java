package io.github.digitclassifier.backend;

import java.io.IOException;
import java.io.InputStream;

/**
 * DL4J's class loader ({@code DL4JClassLoading}), which alone can see the OneDNN bridge,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} (source: src/main/java/org/nd4j/nativeblas/Nd4jCpu.java).
 * The build moves the bridge's two classes out of {@code org/nd4j/nativeblas} into
 * {@code bridge/*.bin} beside this class (pom.xml, maven-antrun-plugin), so that the plugin puts
 * nothing in ND4J's package on the class path; this loader defines them under their real names,
 * which DL4J looks up with {@code Class.forName}. Child-first for those two names only, so that an
 * older ND4J in Fiji's jars, which has a real {@code org.nd4j.nativeblas.Nd4jCpu}, cannot win;
 * every other name goes to the plugin's loader, so DL4J and ND4J classes stay the same ones.
 */
final class OneDnnBridge extends ClassLoader {

	static {
		registerAsParallelCapable();
	}

	static final String HOST = "org.nd4j.nativeblas.Nd4jCpu";
	static final String ENVIRONMENT = HOST + "$Environment";

	OneDnnBridge(final ClassLoader parent) {
		super("digit-classifier-onednn-bridge", parent);
	}

	private static boolean bridged(final String name) {
		return HOST.equals(name) || ENVIRONMENT.equals(name);
	}

	@Override
	protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException {
		if (!bridged(name)) return super.loadClass(name, resolve);
		synchronized (getClassLoadingLock(name)) {
			Class<?> c = findLoadedClass(name);
			if (c == null) c = findClass(name);
			if (resolve) resolveClass(c);
			return c;
		}
	}

	@Override
	protected Class<?> findClass(final String name) throws ClassNotFoundException {
		if (!bridged(name)) throw new ClassNotFoundException(name);
		final String resource = "bridge/" + name.substring(name.lastIndexOf('.') + 1) + ".bin";
		try (InputStream in = OneDnnBridge.class.getResourceAsStream(resource)) {
			if (in == null) throw new ClassNotFoundException(name + ": no " + resource + " beside " + OneDnnBridge.class.getName());
			final byte[] bytes = in.readAllBytes();
			return defineClass(name, bytes, 0, bytes.length, OneDnnBridge.class.getProtectionDomain());
		}
		catch (final IOException e) {
			throw new ClassNotFoundException(name, e);
		}
	}
}
