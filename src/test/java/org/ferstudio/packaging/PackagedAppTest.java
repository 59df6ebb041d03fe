package org.ferstudio.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.ferstudio.testutil.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable app as {@code scripts/package.sh} built it: the app image runs with no JDK or Maven on the
 * PATH, and the .deb, unpacked with {@code dpkg-deb -x} into a temporary folder (nothing is installed),
 * holds the desktop entry, the icons, the launcher on the PATH and the licences, and its app classifies the
 * shared portrait. Needs the built package, so it runs only when {@code fer.package.dir} names it:
 * {@code .ci/run} builds the package after {@code mvn verify} and then runs this class.
 */
@EnabledIfSystemProperty(named = "fer.package.dir", matches = ".+",
        disabledReason = "needs the package built by scripts/package.sh; run with -Dfer.package.dir=target/package")
class PackagedAppTest {

    private static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static final long COMMAND_TIMEOUT_S = 300;
    private static final Pattern NATIVE_LIBRARY = Pattern.compile(".*\\.(so(\\.\\d+)*|dll|dylib|jnilib)");
    /** JavaCPP's and OpenCV's folders for Linux x86-64, or none at all (JavaFX's linux jars). */
    private static final Pattern LINUX_X86_64 = Pattern.compile("^[^/]+$|linux[-/]x86[-_]64([-/]|$)");

    @TempDir
    static Path tmp;

    private static Path image;
    private static Path deb;
    private static Path unpacked;
    private static Path toolsOnly;

    @BeforeAll
    static void unpackTheDeb() throws Exception {
        Path dir = Path.of(System.getProperty("fer.package.dir")).toAbsolutePath();
        image = dir.resolve("fer-studio");
        assertThat(image.resolve("bin/fer-studio")).as("the app image").isExecutable();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> debs = files.filter(f -> f.getFileName().toString().matches("fer-studio_.+_amd64\\.deb")).toList();
            assertThat(debs).as("one .deb in " + dir).hasSize(1);
            deb = debs.get(0);
        }
        unpacked = tmp.resolve("root");
        Run x = run(List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString()), Map.of());
        assertThat(x.exit()).as(x.output()).isZero();
        toolsOnly = pathWithoutJava();
    }

    @Test
    void theAppImageRunsWithItsOwnRuntimeAndTheOneDnnBackend() throws Exception {
        Run r = fer(image, "info", "--backend");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).containsPattern("backend +CPU, \\d+ threads, oneDNN on")
                .contains("oneDNN: DL4J layer helpers on, ND4J operations built with it")
                .containsPattern("versions .*Java 17");
    }

    @Test
    void threadsBeforeTheCommandSetOmpNumThreadsAsTheCheckoutLauncherDoes() throws Exception {
        Run r = fer(image, "--threads", "1", "info", "--backend");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).containsPattern("threads +1 \\(OpenMP\\)");
    }

    @Test
    void theUnpackedPackageClassifiesTheSmilingPortraitAsHappy() throws Exception {
        Path portrait = SharedData.photo("obama.jpg");
        Run r = fer(unpacked.resolve("opt/fer-studio"), "predict", "--json", portrait.toString());
        assertThat(r.exit()).as(r.output()).isZero();
        String json = r.stdout().substring(r.stdout().indexOf('['));
        JsonNode files = new ObjectMapper().readTree(json);
        assertThat(files).hasSize(1);
        JsonNode faces = files.get(0).get("faces");
        assertThat(faces).as(json).hasSize(1);
        assertThat(faces.get(0).get("label").asText()).isEqualTo("Happy");
    }

    @Test
    void theDesktopEntryNamesTheAppItsIconAndMenuCategories() throws IOException {
        Map<String, String> entry = desktopEntry(unpacked.resolve("usr/share/applications/fer-studio.desktop"));
        assertThat(entry).containsEntry("Type", "Application").containsEntry("Name", "FER Studio")
                .containsEntry("Exec", "fer-studio").containsEntry("Icon", "fer-studio")
                .containsEntry("Terminal", "false");
        assertThat(entry.get("Comment")).isNotBlank();
        assertThat(entry.get("Categories").split(";")).contains("Graphics", "Education");
    }

    @Test
    void theIconComesInEveryDesktopSizeAndAsSvg() throws IOException {
        Path hicolor = unpacked.resolve("usr/share/icons/hicolor");
        for (int size : ICON_SIZES) {
            Path png = hicolor.resolve(size + "x" + size + "/apps/fer-studio.png");
            BufferedImage icon = ImageIO.read(png.toFile());
            assertThat(icon).as(png.toString()).isNotNull();
            assertThat(icon.getWidth()).as(png.toString()).isEqualTo(size);
            assertThat(icon.getHeight()).as(png.toString()).isEqualTo(size);
        }
        assertThat(Files.readString(hicolor.resolve("scalable/apps/fer-studio.svg"))).contains("<svg");
    }

    @Test
    void ferStudioOnThePathLeadsToTheAppsLauncher() throws IOException {
        Path command = unpacked.resolve("usr/bin/fer-studio");
        assertThat(Files.isSymbolicLink(command)).as("usr/bin/fer-studio is a link").isTrue();
        Path target = Files.readSymbolicLink(command);
        assertThat(target).isEqualTo(Path.of("/opt/fer-studio/bin/fer-studio"));
        Path inPackage = unpacked.resolve(Path.of("/").relativize(target));
        assertThat(inPackage).isExecutable();
        assertThat(Files.readString(inPackage)).contains("OMP_NUM_THREADS").contains("fer-studio-jvm");
        assertThat(inPackage.resolveSibling("fer-studio-jvm")).isExecutable();
    }

    @Test
    void thePackageCarriesTheLicenceAndThirdPartyNoticesAndNoSpark() throws Exception {
        Path doc = unpacked.resolve("usr/share/doc/fer-studio");
        assertThat(Files.readString(doc.resolve("copyright"))).contains("Apache-2.0");
        assertThat(Files.readString(doc.resolve("LICENSE"))).contains("Apache License");
        assertThat(Files.readString(doc.resolve("NOTICE.md"))).contains("OpenBLAS").contains("oneDNN");
        String thirdParty = Files.readString(doc.resolve("THIRD-PARTY.txt"));
        assertThat(thirdParty).contains("deeplearning4j-nn").contains("javafx-controls").doesNotContain("spark");
        try (Stream<Path> jars = Files.list(unpacked.resolve("opt/fer-studio/lib/app"))) {
            assertThat(jars.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("spark"));
        }
        Run fields = run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Depends"), Map.of());
        assertThat(fields.output()).contains("Package: fer-studio").contains("libgtk-3-0");
    }

    @Test
    void theImageHoldsLinuxX8664NativesOnlyAndTheShippedModels() throws IOException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> jars = Files.list(image.resolve("lib/app"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                        String name = e.nextElement().getName();
                        if (NATIVE_LIBRARY.matcher(name).matches() && !LINUX_X86_64.matcher(name).find()) {
                            foreign.add(jar.getFileName() + "!" + name);
                        }
                    }
                }
            }
        }
        assertThat(foreign).as("natives for other platforms").isEmpty();
        Path models = image.resolve("lib/app/models");
        String defaultModel = Files.readAllLines(models.resolve("DEFAULT")).get(0).trim();
        assertThat(models.resolve(defaultModel).resolve("model.json")).isRegularFile();
        assertThat(models.resolve("members")).doesNotExist();
        assertThat(Files.readString(image.resolve("lib/runtime/release"))).doesNotContain("jdk.compiler");
    }

    /** The image's JVM settings are those of the checkout's ./fer-studio launcher, so both behave alike. */
    @Test
    void theLauncherConfigurationHasTheCheckoutLaunchersJvmSettings() throws IOException {
        String cfg = Files.readString(image.resolve("lib/app/fer-studio-jvm.cfg"));
        String launcher = Files.readString(Path.of("fer-studio"));
        Matcher option = Pattern.compile("(-D(?:org\\.bytedeco|org\\.eclipse)\\S+)").matcher(launcher);
        List<String> settings = new ArrayList<>();
        while (option.find()) {
            settings.add(option.group(1));
        }
        assertThat(settings).as("the launcher's -D settings").hasSizeGreaterThanOrEqualTo(3);
        assertThat(cfg).contains(settings).contains("-Xmx2g").contains("-Dfer.home=$APPDIR")
                .contains("org.ferstudio.Launcher");
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                entry.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return entry;
    }

    /** The app's launcher with a PATH that holds a few basic tools and no java, mvn or JAVA_HOME. */
    private static Run fer(Path appDir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(appDir.resolve("bin/fer-studio").toString());
        command.addAll(List.of(args));
        return run(command, Map.of("PATH", toolsOnly.toString()));
    }

    private static Path pathWithoutJava() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("tools"));
        for (String tool : List.of("sh", "dirname", "readlink", "nproc")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path found = Path.of(dir, tool);
                if (Files.isExecutable(found)) {
                    Files.createSymbolicLink(bin.resolve(tool), found);
                    break;
                }
            }
        }
        return bin;
    }

    private static Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("DISPLAY");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + COMMAND_TIMEOUT_S + " s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int exit, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }
}
