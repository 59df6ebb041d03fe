package org.ferstudio.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this process runs on, for model cards and benchmark reports: CPU, cores, OS and versions.
 * Plain Java on purpose: asking ND4J would load the native backend just to describe the machine.
 */
public record RuntimeInfo(String cpuModel, int logicalCores, String os, String javaVersion,
                          String appVersion, String dl4jVersion) {

    /** The DL4J release the pom pins; kept here because DL4J jars carry no usable version at runtime. */
    public static final String DL4J_VERSION = "1.0.0-M2.1";

    /** Used when the build did not write version.properties (e.g. classes compiled outside Maven). */
    public static final String DEV_VERSION = "dev";

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeInfo.class);
    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    public static RuntimeInfo current() {
        return new RuntimeInfo(
                readCpuModel().orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                Runtime.version().toString(),
                readAppVersion(),
                DL4J_VERSION);
    }

    /** For the card's {@code hardware} field, e.g. "Intel(R) Core(TM) i7-8565U CPU @ 1.80GHz, 8 logical cores". */
    public String hardware() {
        return cpuModel + ", " + logicalCores + " logical cores";
    }

    /** For the card's {@code versions} field: java, dl4j, app. */
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", javaVersion);
        versions.put("dl4j", dl4jVersion);
        versions.put("app", appVersion);
        return versions;
    }

    /** The first "model name" in /proc/cpuinfo lines (Linux on x86; ARM kernels often have none). */
    static Optional<String> cpuModelFrom(List<String> cpuinfoLines) {
        return cpuinfoLines.stream()
                .filter(line -> line.startsWith("model name") && line.indexOf(':') > 0)
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .filter(name -> !name.isEmpty())
                .findFirst();
    }

    private static Optional<String> readCpuModel() {
        if (!Files.isReadable(CPUINFO)) {
            return Optional.empty();
        }
        try {
            return cpuModelFrom(Files.readAllLines(CPUINFO, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read {}: {}", CPUINFO, e.toString());
            return Optional.empty();
        }
    }

    /** The pom's version, written into {@code version.properties} by the build; "dev" when that is missing. */
    private static String readAppVersion() {
        try (InputStream in = RuntimeInfo.class.getResourceAsStream("/org/ferstudio/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String version = p.getProperty("version", "").trim();
                if (!version.isEmpty() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot read the app version", e);
        }
        return DEV_VERSION;
    }
}
