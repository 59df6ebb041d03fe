package org.ferstudio.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A trained model's card, saved as {@code model.json} next to the weights: what the network expects,
 * where it came from (data file + SHA-256, training settings, versions, hardware, time) and how well it
 * did. Lenient on construction so that old or partial cards can still be read and shown;
 * {@link #validateBasics()} says whether a card is good enough to load the model.
 * <p>
 * Nullable: {@code data} (unknown for imported networks), {@code validation}, {@code test},
 * {@code bestEpoch}, {@code mflops}, {@code created}, {@code inference} (cards written before it existed),
 * {@code members} (set only for ensembles, whose architecture is {@link #ENSEMBLE}).
 *
 * @param training free-form training settings (epochs, batch, optimizer, lr schedule, augmentation,
 *                 seed...); values must be strings, numbers, booleans, lists or maps. Numbers are
 *                 stored as JSON reads them back (Integer/Long, Double) so a card equals itself after a
 *                 save and load.
 * @param created  ISO-8601 instant, e.g. {@code 2024-05-01T12:00:00Z}
 */
public record ModelCard(
        int formatVersion,
        String name,
        String architecture,
        List<String> classes,
        Input input,
        Map<String, Object> training,
        DataInfo data,
        Metrics validation,
        Metrics test,
        long trainingSeconds,
        Integer bestEpoch,
        String hardware,
        int threads,
        Map<String, String> versions,
        String created,
        Weights weights,
        long parameters,
        Double mflops,
        Inference inference,
        List<Member> members) {

    /** The architecture of a model that averages the probabilities of its {@link #members()}. */
    public static final String ENSEMBLE = "ensemble";

    /** Keys of a {@link #memberCard(int)}'s training map: the ensemble's name and the member's index in it. */
    public static final String MEMBER_OF = "memberOf";
    public static final String MEMBER_INDEX = "memberIndex";

    /** The newest card format this app reads and writes. */
    public static final int FORMAT_VERSION = 1;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** What the network takes: image size, channels and the preprocessing that produced the training inputs. */
    public record Input(int width, int height, int channels, String preprocessing) {
    }

    /** The training data: file, its SHA-256, split sizes by split name, and how the split was made. */
    public record DataInfo(String file, String sha256, Map<String, Integer> splitSizes, String splitDescription) {

        public DataInfo {
            splitSizes = copyOf(splitSizes);
        }
    }

    /**
     * Scores on one split. {@code split} names it (e.g. "FER2013 PrivateTest"); {@code tta} the
     * test-time augmentation used ("none", "hflip").
     */
    public record Metrics(double accuracy, double macroF1, int n, Map<String, Double> perClassRecall,
                          String split, String tta) {

        public Metrics {
            perClassRecall = copyOf(perClassRecall);
        }

        public static Metrics of(MetricsSummary summary, String split, String tta) {
            return new Metrics(summary.accuracy(), summary.macroF1(), summary.n(), summary.perClassRecall(), split, tta);
        }
    }

    /**
     * How the model is meant to be used and what that costs: the test-time augmentation for photos
     * ({@code defaultTta}, chosen on the validation split) and for live video ({@code videoTta}, lighter),
     * the validation accuracy of every augmentation tried, and the measured time to classify one face
     * crop (views + network, batch 1, median) per augmentation on {@code threads} ND4J threads.
     * Maps are keyed by lower-case augmentation names (none, flip, tencrop).
     * <p>
     * An ensemble may answer live video with one of its members alone, so that video keeps its frame rate:
     * {@code videoMember} is that member's index in {@link ModelCard#members()} and {@code videoMsPerFace} its
     * time per face with {@code videoTta}. Both are null when video runs the whole model.
     */
    public record Inference(String defaultTta, String videoTta, Map<String, Double> validationAccuracy,
                            Map<String, Double> msPerFace, int threads, Integer videoMember, Double videoMsPerFace) {

        public Inference {
            validationAccuracy = copyOf(validationAccuracy);
            msPerFace = copyOf(msPerFace);
        }

        /** Video runs the whole model. */
        public Inference(String defaultTta, String videoTta, Map<String, Double> validationAccuracy,
                         Map<String, Double> msPerFace, int threads) {
            this(defaultTta, videoTta, validationAccuracy, msPerFace, threads, null, null);
        }

        /** Video runs the member at {@code index} alone, at {@code ms} per face. */
        public Inference withVideoMember(int index, double ms) {
            return new Inference(defaultTta, videoTta, validationAccuracy, msPerFace, threads, index, ms);
        }

        /** True when member {@code index} of the ensemble runs live video alone. */
        public boolean isVideoMember(int index) {
            return videoMember != null && videoMember == index;
        }

        /** The time per face of the video setting: the video member's, else the whole model's with videoTta. */
        public Double videoCostMs() {
            return videoMember != null ? videoMsPerFace : msPerFace.get(videoTta);
        }
    }

    /**
     * One model of an ensemble, in the order its parameters follow each other in the weights file.
     *
     * @param values             how many numbers of the weights file are this member's (batch-norm statistics
     *                           included)
     * @param validationAccuracy the member's own validation accuracy without augmentation, or null
     * @param trainingSeconds    the member's own training time, or null (cards written before it was kept)
     */
    public record Member(String name, String architecture, long parameters, long values, Double validationAccuracy,
                         Long trainingSeconds) {

        public Member(String name, String architecture, long parameters, long values, Double validationAccuracy) {
            this(name, architecture, parameters, values, validationAccuracy, null);
        }
    }

    /** The network file beside the card, its SHA-256, size, and number of trainable parameters. */
    public record Weights(String file, String sha256, long bytes, long parameters) {
    }

    /** A card without an {@link Inference} block, as cards were before it existed. */
    public ModelCard(int formatVersion, String name, String architecture, List<String> classes, Input input,
                     Map<String, Object> training, DataInfo data, Metrics validation, Metrics test,
                     long trainingSeconds, Integer bestEpoch, String hardware, int threads,
                     Map<String, String> versions, String created, Weights weights, long parameters, Double mflops) {
        this(formatVersion, name, architecture, classes, input, training, data, validation, test, trainingSeconds,
                bestEpoch, hardware, threads, versions, created, weights, parameters, mflops, null, null);
    }

    public ModelCard {
        classes = classes == null ? null : Collections.unmodifiableList(new ArrayList<>(classes));
        training = training == null ? null : JsonValues.normalizeMap(training, "training");
        versions = copyOf(versions);
        members = members == null ? null : List.copyOf(members);
    }

    /** The classes as labels; call after {@link #validateBasics()}. */
    public ClassLabels classLabels() {
        return new ClassLabels(classes);
    }

    /**
     * Checks what loading and using the model relies on.
     *
     * @throws IllegalArgumentException listing every problem found
     */
    public void validateBasics() {
        List<String> problems = new ArrayList<>();
        if (formatVersion < 1) {
            problems.add("formatVersion must be at least 1, got " + formatVersion);
        } else if (formatVersion > FORMAT_VERSION) {
            problems.add("card format " + formatVersion + " is newer than this app reads (" + FORMAT_VERSION
                    + "); update FER Studio");
        }
        requireText(problems, "name", name);
        requireText(problems, "architecture", architecture);
        checkClasses(problems);
        checkInput(problems);
        checkWeights(problems);
        checkMetrics(problems, "validation", validation);
        checkMetrics(problems, "test", test);
        if (data != null && data.sha256() != null && !SHA256.matcher(data.sha256()).matches()) {
            problems.add("data.sha256 is not a SHA-256 hex digest: " + data.sha256());
        }
        if (trainingSeconds < 0 || threads < 0 || parameters < 0 || (mflops != null && mflops < 0)) {
            problems.add("trainingSeconds, threads, parameters and mflops must not be negative");
        }
        checkCreated(problems);
        checkInference(problems);
        checkMembers(problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid model card" + (name == null ? "" : " '" + name + "'")
                    + ": " + String.join("; ", problems));
        }
    }

    public ModelCard withName(String newName) {
        return new ModelCard(formatVersion, newName, architecture, classes, input, training, data, validation, test,
                trainingSeconds, bestEpoch, hardware, threads, versions, created, weights, parameters, mflops, inference, members);
    }

    public ModelCard withTraining(Map<String, Object> newTraining) {
        return new ModelCard(formatVersion, name, architecture, classes, input, newTraining, data, validation, test,
                trainingSeconds, bestEpoch, hardware, threads, versions, created, weights, parameters, mflops, inference, members);
    }

    public ModelCard withValidation(Metrics newValidation) {
        return new ModelCard(formatVersion, name, architecture, classes, input, training, data, newValidation, test,
                trainingSeconds, bestEpoch, hardware, threads, versions, created, weights, parameters, mflops, inference, members);
    }

    public ModelCard withTest(Metrics newTest) {
        return new ModelCard(formatVersion, name, architecture, classes, input, training, data, validation, newTest,
                trainingSeconds, bestEpoch, hardware, threads, versions, created, weights, parameters, mflops, inference, members);
    }

    /** The parameter count as the saved network reports it. */
    public ModelCard withParameters(long newParameters) {
        return new ModelCard(formatVersion, name, architecture, classes, input, training, data, validation, test,
                trainingSeconds, bestEpoch, hardware, threads, versions, created, weights, newParameters, mflops, inference, members);
    }

    /** The weights entry is known only after the network file was written and hashed. */
    public ModelCard withWeights(Weights newWeights) {
        return new ModelCard(formatVersion, name, architecture, classes, input, training, data, validation, test,
                trainingSeconds, bestEpoch, hardware, threads, versions, created, newWeights, parameters, mflops, inference, members);
    }

    /** The card with how the model is used and what that costs (see {@link Inference}). */
    public ModelCard withInference(Inference newInference) {
        return new ModelCard(formatVersion, name, architecture, classes, input, training, data, validation, test,
                trainingSeconds, bestEpoch, hardware, threads, versions, created, weights, parameters, mflops,
                newInference, members);
    }

    /** The card of an ensemble of {@code newMembers}. */
    public ModelCard withMembers(List<Member> newMembers) {
        return new ModelCard(formatVersion, name, architecture, classes, input, training, data, validation, test,
                trainingSeconds, bestEpoch, hardware, threads, versions, created, weights, parameters, mflops,
                inference, newMembers);
    }

    /**
     * A card for member {@code index} of this ensemble, so that the member can join another ensemble: its name,
     * architecture, parameters and training time, and this card's classes, input and data. It has no metrics
     * and no weights entry: the member's values live in this ensemble's file.
     */
    public ModelCard memberCard(int index) {
        if (!isEnsemble() || members == null) {
            throw new IllegalStateException(name + " is not an ensemble");
        }
        Member m = members.get(index);
        Map<String, Object> memberTraining = new java.util.LinkedHashMap<>();
        memberTraining.put(MEMBER_OF, name);
        memberTraining.put(MEMBER_INDEX, index);
        return new ModelCard(formatVersion, m.name(), m.architecture(), classes, input, memberTraining, data,
                null, null, m.trainingSeconds() == null ? 0 : m.trainingSeconds(), null, hardware, threads,
                versions, created, null, m.parameters(), null, null, null);
    }

    /** How live video runs the model, e.g. "TTA none" or "member fer-cnn3 alone, TTA none". */
    public String videoSetting() {
        if (inference == null) {
            return "TTA none";
        }
        Integer member = inference.videoMember();
        String who = member == null || members == null || member >= members.size() ? ""
                : "member " + members.get(member).name() + " alone, ";
        return who + "TTA " + inference.videoTta();
    }

    /** True for a model that averages the probabilities of its {@link #members()}. */
    public boolean isEnsemble() {
        return ENSEMBLE.equals(architecture);
    }

    private void checkMembers(List<String> problems) {
        if (!isEnsemble()) {
            if (members != null && !members.isEmpty()) {
                problems.add("members are set but the architecture is " + architecture + ", not " + ENSEMBLE);
            }
            return;
        }
        if (members == null || members.size() < 2) {
            problems.add("an ensemble needs at least 2 members");
            return;
        }
        for (Member m : members) {
            if (m == null || m.architecture() == null || m.architecture().isBlank() || m.values() <= 0
                    || m.parameters() < 0) {
                problems.add("every member needs an architecture and a positive number of values: " + m);
                return;
            }
        }
    }

    private void checkInference(List<String> problems) {
        if (inference == null) {
            return;
        }
        requireText(problems, "inference.defaultTta", inference.defaultTta());
        requireText(problems, "inference.videoTta", inference.videoTta());
        if (inference.msPerFace().values().stream().anyMatch(ms -> ms == null || ms < 0)
                || inference.validationAccuracy().values().stream().anyMatch(a -> a == null || a < 0 || a > 1)) {
            problems.add("inference.msPerFace must not be negative and inference.validationAccuracy must be in 0..1");
        }
        Integer member = inference.videoMember();
        if (member != null && (members == null || member < 0 || member >= members.size())) {
            problems.add("inference.videoMember " + member + " is not the index of one of the "
                    + (members == null ? 0 : members.size()) + " members");
        }
        if (member != null && (inference.videoMsPerFace() == null || inference.videoMsPerFace() < 0)) {
            problems.add("inference.videoMsPerFace must be given, and not negative, with inference.videoMember");
        }
    }

    private void checkClasses(List<String> problems) {
        if (classes == null || classes.isEmpty()) {
            problems.add("classes are missing");
            return;
        }
        if (classes.contains(null)) {
            problems.add("classes contain null: " + classes);
            return;
        }
        try {
            new ClassLabels(classes);
        } catch (IllegalArgumentException e) {
            problems.add("classes: " + e.getMessage());
        }
    }

    private void checkInput(List<String> problems) {
        if (input == null) {
            problems.add("input is missing");
        } else if (input.width() <= 0 || input.height() <= 0 || input.channels() <= 0) {
            problems.add("input size must be positive, got " + input.width() + "x" + input.height()
                    + "x" + input.channels());
        }
    }

    private void checkWeights(List<String> problems) {
        if (weights == null) {
            problems.add("weights are missing");
            return;
        }
        requireText(problems, "weights.file", weights.file());
        if (weights.sha256() != null && !SHA256.matcher(weights.sha256()).matches()) {
            problems.add("weights.sha256 is not a SHA-256 hex digest: " + weights.sha256());
        }
        if (weights.bytes() < 0 || weights.parameters() < 0) {
            problems.add("weights.bytes and weights.parameters must not be negative");
        }
        if (parameters > 0 && weights.parameters() > 0 && parameters != weights.parameters()) {
            problems.add("parameters (" + parameters + ") and weights.parameters (" + weights.parameters()
                    + ") disagree");
        }
    }

    private void checkMetrics(List<String> problems, String which, Metrics metrics) {
        if (metrics == null) {
            return;
        }
        if (!(metrics.accuracy() >= 0 && metrics.accuracy() <= 1) || metrics.n() < 0) {
            problems.add(which + ": accuracy must be in 0..1 and n not negative");
        }
        if (classes != null) {
            List<String> strangers = metrics.perClassRecall().keySet().stream().filter(c -> !classes.contains(c)).toList();
            if (!strangers.isEmpty()) {
                problems.add(which + ": recall is given for " + String.join(", ", strangers) + (strangers.size() == 1
                        ? ", which is not one of the classes " : ", which are not among the classes ") + classes
                        + " (was a class removed from 'classes' or renamed?)");
            }
        }
    }

    private void checkCreated(List<String> problems) {
        if (created == null) {
            return;
        }
        try {
            Instant.parse(created);
        } catch (DateTimeParseException e) {
            problems.add("created is not an ISO-8601 instant: " + created);
        }
    }

    private static void requireText(List<String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        }
    }

    private static <V> Map<String, V> copyOf(Map<String, V> map) {
        // not Map.copyOf: it loses the order, which is the class order for recall and the split order for sizes
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Free-form values made immutable and turned into the types Jackson reads back from JSON, so that
     * {@code equals} holds after a save and load (a Float 0.1f would come back as Double 0.1, a Long 5
     * as Integer 5).
     */
    private static final class JsonValues {

        private JsonValues() {
        }

        static Map<String, Object> normalizeMap(Map<?, ?> map, String path) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v, path + "." + k)));
            return Collections.unmodifiableMap(copy);
        }

        private static Object normalize(Object value, String path) {
            if (value == null || value instanceof String || value instanceof Boolean
                    || value instanceof Integer) {
                return value;
            }
            if (value instanceof Byte || value instanceof Short || value instanceof Long || value instanceof BigInteger) {
                return integral(((Number) value), path);
            }
            if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
                return finite(Double.valueOf(value.toString()), path);
            }
            if (value instanceof Enum<?> e) {
                return e.name();
            }
            if (value instanceof CharSequence text) {
                return text.toString();
            }
            if (value instanceof Map<?, ?> map) {
                return normalizeMap(map, path);
            }
            if (value instanceof Collection<?> list) {
                List<Object> copy = new ArrayList<>();
                int i = 0;
                for (Object item : list) {
                    copy.add(normalize(item, path + "[" + i++ + "]"));
                }
                return Collections.unmodifiableList(copy);
            }
            throw new IllegalArgumentException(path + " has type " + value.getClass().getName()
                    + "; use strings, numbers, booleans, lists or maps");
        }

        private static Object integral(Number number, String path) {
            BigInteger big = number instanceof BigInteger b ? b : BigInteger.valueOf(number.longValue());
            if (big.bitLength() < Integer.SIZE) {
                return big.intValue();
            }
            if (big.bitLength() < Long.SIZE) {
                return big.longValue();
            }
            throw new IllegalArgumentException(path + " is too large for a card: " + number);
        }

        private static Double finite(Double value, String path) {
            if (value.isNaN() || value.isInfinite()) {
                throw new IllegalArgumentException(path + " must be a finite number, got " + value);
            }
            return value;
        }
    }
}
