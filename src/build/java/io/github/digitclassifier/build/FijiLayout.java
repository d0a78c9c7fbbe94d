package io.github.digitclassifier.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.scijava.util.FileUtils;
import org.scijava.util.VersionUtils;

/**
 * The plugin's files in Fiji's layout, and their installation into a Fiji.app. Run by the build
 * ({@code java -cp <runtime class path> FijiLayout.java ...}, see the pom), and by the tests.
 * <p>
 * Fiji's updater and scijava-maven-plugin know a file by its name less the version, so the
 * names here are chosen to be nobody else's: ND4J's shaded copies of guava, jackson and protobuf
 * become {@code nd4j-guava-*.jar} and so on (as Fiji itself renamed nd4j's guava before), and
 * libnd4j's builds carry their build in the name ({@code nd4j-native-onednn-1.0.0-M2.1-linux-x86_64.jar}),
 * so that no installer takes one for another version of another. Native jars go where Fiji keeps
 * them ({@code jars/linux64}, {@code jars/win64}, {@code jars/macosx}).
 */
public final class FijiLayout {

	/** A Maven artifact on the class path. */
	public record Artifact(String groupId, String artifactId, String version, String classifier, Path file) {

		String key() {
			return groupId + ":" + artifactId;
		}
	}

	/**
	 * What Fiji ships of what the plugin needs (pom-scijava pins the same versions, and the plugin
	 * is built against them): the update site leaves these out, an installation adds them only
	 * where the Fiji.app has no version of them as new.
	 */
	static final Set<String> FIJI_SHIPS = Set.of("org.scijava:scijava-common", "org.scijava:parsington",
		"net.imglib2:imglib2", "com.google.code.gson:gson", "org.slf4j:slf4j-api", "commons-io:commons-io",
		"commons-codec:commons-codec", "org.apache.commons:commons-lang3", "org.apache.commons:commons-math3",
		"org.apache.commons:commons-collections4", "org.apache.commons:commons-compress", "org.bytedeco:javacpp",
		"org.bytedeco:openblas", "net.java.dev.jna:jna");

	/** Fiji's folder for the natives of a JavaCPP platform. */
	static final Map<String, String> PLATFORM_FOLDERS = Map.of("linux-x86_64", "linux64", "windows-x86_64", "win64",
		"macosx-x86_64", "macosx", "macosx-arm64", "macosx");

	private FijiLayout() {}

	/**
	 * {@code files <local repository> <class path> <plugin jar> <replacement jar>... <app files> <update site>}:
	 * writes every file the plugin needs in Fiji's layout, and the update site's share of them.
	 * {@code install <app files> <Fiji.app>}: installs them.
	 */
	public static void main(final String[] args) throws IOException {
		if (args.length >= 5 && args[0].equals("files")) {
			final List<Path> replacements = Arrays.stream(args, 4, args.length - 2).map(Path::of).toList();
			final List<Artifact> artifacts = artifacts(Path.of(args[1]), args[2]);
			writeFiles(artifacts, Path.of(args[3]), replacements, Path.of(args[args.length - 2]), Path.of(args[args.length - 1]));
		}
		else if (args.length == 3 && args[0].equals("install")) {
			install(Path.of(args[1]), Path.of(args[2])).forEach(System.out::println);
		}
		else {
			System.err.println("usage: FijiLayout files <repository> <class path> <plugin jar> <replacement jar>... <app files> <update site>\n" +
				"       FijiLayout install <app files> <Fiji.app>");
			System.exit(2);
		}
	}

	/** The artifacts of a class path that lie in a Maven repository. */
	public static List<Artifact> artifacts(final Path repository, final String classpath) {
		final Path repo = repository.toAbsolutePath().normalize();
		final List<Artifact> artifacts = new ArrayList<>();
		for (final String entry : classpath.split(java.io.File.pathSeparator)) {
			final Path jar = Path.of(entry).toAbsolutePath().normalize();
			if (jar.startsWith(repo) && jar.toString().endsWith(".jar")) artifacts.add(artifact(repo.relativize(jar), jar));
		}
		return artifacts;
	}

	/** An artifact from its path in a repository: {@code group/dirs/artifactId/version/artifactId-version[-classifier].jar}. */
	static Artifact artifact(final Path relative, final Path file) {
		final int n = relative.getNameCount();
		final String artifactId = relative.getName(n - 3).toString();
		final String version = relative.getName(n - 2).toString();
		final String groupId = relative.subpath(0, n - 3).toString().replace(java.io.File.separatorChar, '.');
		final String name = relative.getFileName().toString();
		final String stem = name.substring(0, name.length() - ".jar".length());
		final String base = artifactId + "-" + version;
		final String classifier = stem.length() > base.length() ? stem.substring(base.length() + 1) : "";
		return new Artifact(groupId, artifactId, version, classifier, file);
	}

	/**
	 * Where an artifact goes in a Fiji.app ({@code jars/...}), or empty when Fiji gets none of it:
	 * the Maven {@code -platform} aggregators (no classes), and slf4j-simple (Fiji logs through
	 * logback; two SLF4J providers make SLF4J complain at every start).
	 */
	public static Optional<String> fijiPath(final Artifact a) {
		if (a.artifactId().endsWith("-platform") || a.artifactId().equals("slf4j-simple")) return Optional.empty();
		final String name = ownName(a);
		if (a.classifier().isEmpty()) return Optional.of("jars/" + name + "-" + a.version() + ".jar");
		final String platform = PLATFORM_FOLDERS.keySet().stream().filter(p -> a.classifier().equals(p) || a.classifier().startsWith(p + "-"))
			.findFirst().orElseThrow(() -> new IllegalArgumentException("No Fiji platform folder for " + a));
		final String build = a.classifier().substring(platform.length()); // "-onednn", "-onednn-avx512" or ""
		return Optional.of("jars/" + PLATFORM_FOLDERS.get(platform) + "/" + name + build + "-" + a.version() + "-" + platform + ".jar");
	}

	/** ND4J's and DL4J's artifacts under names that say whose they are: {@code guava} becomes {@code nd4j-guava}. */
	static String ownName(final Artifact a) {
		final String id = a.artifactId();
		if (a.groupId().equals("org.nd4j") && !id.startsWith("nd4j")) return "nd4j-" + id;
		if (a.groupId().equals("org.deeplearning4j") && !id.startsWith("deeplearning4j") && !id.startsWith("dl4j")) return "dl4j-" + id;
		return id;
	}

	/**
	 * Writes every file the plugin needs in Fiji's layout into {@code appFiles}, and those Fiji does
	 * not ship into {@code updateSite} (the tree a maintainer uploads). A replacement jar stands
	 * for the artifact of the same file name (the relocated nd4j-api, ONNX Runtime with the natives shipped).
	 */
	public static void writeFiles(final List<Artifact> artifacts, final Path pluginJar, final List<Path> replacements,
		final Path appFiles, final Path updateSite) throws IOException
	{
		recreate(appFiles);
		recreate(updateSite);
		final String pluginPath = "plugins/" + pluginJar.getFileName();
		copy(pluginJar, appFiles.resolve(pluginPath));
		copy(pluginJar, updateSite.resolve(pluginPath));
		for (final Artifact a : artifacts) {
			final Optional<String> path = fijiPath(a);
			if (path.isEmpty()) continue;
			final Path source = replacements.stream().filter(r -> r.getFileName().equals(a.file().getFileName())).findFirst().orElse(a.file());
			copy(source, appFiles.resolve(path.get()));
			if (!FIJI_SHIPS.contains(a.key())) copy(source, updateSite.resolve(path.get()));
		}
	}

	/**
	 * Installs the files into a Fiji.app as Fiji's own installer would: a file whose Fiji.app
	 * folder holds a newer version of it (by the updater's reading of names) is left out; older
	 * versions are removed; the rest is copied. Returns what it did, a line each.
	 */
	public static List<String> install(final Path appFiles, final Path app) throws IOException {
		final List<String> done = new ArrayList<>();
		for (final Path file : list(appFiles)) {
			final Path target = app.resolve(appFiles.relativize(file).toString());
			final String name = target.getFileName().toString();
			Files.createDirectories(target.getParent());
			final Map<Path, String> versions = otherVersions(target);
			final Optional<Path> newer = versions.entrySet().stream()
				.filter(e -> VersionUtils.compare(e.getValue(), version(name)) > 0).map(Map.Entry::getKey).findFirst();
			if (newer.isPresent()) {
				done.add("kept " + app.relativize(newer.get()) + ", newer than " + name);
				continue;
			}
			for (final Path other : versions.keySet()) {
				Files.delete(other);
				done.add("removed " + app.relativize(other));
			}
			if (Files.exists(target) && Files.mismatch(file, target) == -1) continue;
			copy(file, target);
			done.add("installed " + app.relativize(target));
		}
		return done;
	}

	/** The other files in a file's folder that the updater takes for versions of it, with their versions. */
	static Map<Path, String> otherVersions(final Path file) throws IOException {
		final String identity = FileUtils.stripFilenameVersion(file.getFileName().toString());
		final Map<Path, String> versions = new TreeMap<>();
		try (Stream<Path> siblings = Files.list(file.getParent())) {
			for (final Path sibling : siblings.filter(Files::isRegularFile).toList()) {
				final String name = sibling.getFileName().toString();
				if (!sibling.equals(file) && FileUtils.stripFilenameVersion(name).equals(identity)) versions.put(sibling, version(name));
			}
		}
		return versions;
	}

	/** The version in a file name as the updater reads it ({@code guava-33.4.8-jre.jar}: {@code 33.4.8-jre}), or "". */
	static String version(final String fileName) {
		final Matcher m = FileUtils.matchVersionedFilename(fileName);
		return m.matches() && m.group(2) != null ? m.group(2).substring(1) : "";
	}

	private static List<Path> list(final Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	/** An empty folder: a tree from an earlier build would keep files of versions no longer used. */
	private static void recreate(final Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> all = Files.walk(folder)) {
				for (final Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
			}
		}
		Files.createDirectories(folder);
	}

	private static void copy(final Path from, final Path to) {
		try {
			Files.createDirectories(to.getParent());
			Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
