package org.ferstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.List;

/** The layering of STYLE.md, stated as rules the build checks. */
@AnalyzeClasses(packages = "org.ferstudio", importOptions = ArchitectureRulesTest.MainClassesOnly.class)
class ArchitectureRulesTest {

    /** Production classes only, whatever the build folder is called (helpers build into target-*). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule onlyTheAppUsesJavaFx = noClasses().that().resideOutsideOfPackage("org.ferstudio.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .as("only org.ferstudio.app uses JavaFX");

    @ArchTest
    static final ArchRule servicesDoNotKnowTheirCallers = noClasses()
            .that().resideOutsideOfPackages("org.ferstudio.app..", "org.ferstudio.cli..", "org.ferstudio.spark..")
            .and().doNotHaveFullyQualifiedName("org.ferstudio.Launcher")
            .should().dependOnClassesThat().resideInAnyPackage("org.ferstudio.app..", "org.ferstudio.cli..",
                    "org.ferstudio.spark..")
            .as("services and model never depend on the GUI, the command line or the Spark jobs");

    /** The Spark jobs are a top layer beside the GUI and the command line (present when the spark profile builds). */
    @ArchTest
    static final ArchRule theDesktopNeverReachesSpark = noClasses()
            .that().resideOutsideOfPackage("org.ferstudio.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
                    "scala..", "org.ferstudio.spark..")
            .as("only org.ferstudio.spark uses Spark and Hadoop: the desktop app and its launcher run without them");

    /**
     * The packages in layers, lowest first. A package may use the layers below its own and nothing above or
     * beside it: peers on one line ({@code train} and {@code infer}, {@code eval} and {@code store}) do not
     * know each other. A new package joins a line here; a new entry point (a command set, a GUI, a cluster
     * job) joins the top line.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("model", "task", "io"),   // plain values, background-task plumbing, atomic files and JSON
            List.of("vision"),                // image decoding, face detection
            List.of("face"),                  // the face translator: crop, 48x48, normalise, TTA views, tensor layout
            List.of("data"),                  // dataset reading, checking, splitting, augmentation
            List.of("nets"),                  // architectures, the network run over faces (FaceClassifier)
            List.of("eval", "store"),         // metrics and reports; model folders
            List.of("train", "infer"),        // the two services, peers
            List.of("app", "cli", "spark"));  // entry points (spark: only when the spark profile builds it)

    /**
     * The one exception, by name: the Spark jobs are a command line of their own and use the CLI's picocli
     * version provider, so {@code fer-studio-spark --version} says exactly what {@code fer-studio --version} says.
     */
    static final List<String> SPARK_USES_CLI = List.of("cli");

    @ArchTest
    static final ArchRule packagesAreLayered = layers()
            .as("packages are layered, lowest first: " + LAYERS + "; each uses only the layers below it");

    private static LayeredArchitecture layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> line : LAYERS) {
            for (String layer : line) {
                rule = layer.equals("spark") ? rule.optionalLayer(layer).definedBy("org.ferstudio." + layer + "..")
                        : rule.layer(layer).definedBy("org.ferstudio." + layer + "..");
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> line : LAYERS) {
            for (String layer : line) {
                List<String> allowed = new ArrayList<>(below);
                if (layer.equals("spark")) {
                    allowed.addAll(SPARK_USES_CLI);
                }
                rule = allowed.isEmpty() ? rule.whereLayer(layer).mayNotAccessAnyLayer()
                        : rule.whereLayer(layer).mayOnlyAccessLayers(allowed.toArray(String[]::new));
            }
            below.addAll(line);
        }
        return rule;
    }

    @ArchTest
    static final ArchRule modelIsPlainValues = noClasses().that().resideInAPackage("org.ferstudio.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.ferstudio.data..", "org.ferstudio.vision..",
                    "org.ferstudio.nets..", "org.ferstudio.train..", "org.ferstudio.eval..", "org.ferstudio.infer..",
                    "org.ferstudio.store..", "org.ferstudio.task..", "org.deeplearning4j..", "org.nd4j..", "org.opencv..")
            .as("model holds plain values only");

    @ArchTest
    static final ArchRule deepLearningStaysInItsPackages = noClasses()
            .that().resideInAnyPackage("org.ferstudio.model..", "org.ferstudio.eval..", "org.ferstudio.vision..",
                    "org.ferstudio.cli..", "org.ferstudio.app..", "org.ferstudio.task..", "org.ferstudio.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
            .as("DL4J/ND4J stay in face (the tensor layout), nets, train, infer, store and the data adapters");

    @ArchTest
    static final ArchRule openCvStaysInVisionAndInference = noClasses()
            .that().resideOutsideOfPackages("org.ferstudio.vision..", "org.ferstudio.infer..")
            .should().dependOnClassesThat().resideInAPackage("org.opencv..")
            .as("OpenCV stays in vision and the video loop");

    @ArchTest
    static final ArchRule onlyTheCommandLinePrints = noClasses()
            .that().resideOutsideOfPackage("org.ferstudio.cli..")
            .and().doNotHaveFullyQualifiedName("org.ferstudio.Launcher")
            .should(ACCESS_STANDARD_STREAMS)
            .as("no System.out or System.err outside the command line; log through SLF4J");

    @ArchTest
    static final ArchRule slf4jOnly = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule noJavaDeserialisation = noClasses().should().dependOnClassesThat()
            .areAssignableTo(ObjectInputStream.class)
            .as("no Java object deserialisation: files from strangers must not run code");
}
