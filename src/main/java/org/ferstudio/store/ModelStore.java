package org.ferstudio.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ferstudio.face.FaceTranslator;
import org.ferstudio.io.AtomicFiles;
import org.ferstudio.io.Json;
import org.ferstudio.model.ModelCard;
import org.ferstudio.nets.Architecture;
import org.ferstudio.nets.Architectures;
import org.ferstudio.nets.EnsembleNetwork;
import org.ferstudio.nets.FerNetwork;

/**
 * Model folders: {@code weights.params} (the parameters as a plain float vector, see {@link ArrayFile})
 * and {@code model.json} (the {@link ModelCard}). The network is rebuilt from the card's architecture
 * and the numbers poured in; nothing is deserialised as Java objects, so a model file from a stranger
 * cannot run code. Saving writes a complete new folder beside the old one and swaps it in.
 */
public final class ModelStore {

    public static final String CARD_FILE = "model.json";
    public static final String WEIGHTS_FILE = "weights.params";
    /** The confusion matrix of the card's test (else validation) figures, when the training saved it. */
    public static final String CONFUSION_PNG = "confusion.png";
    /** Loss and accuracy per epoch of the training run, when the training saved them. */
    public static final String CURVES_PNG = "curves.png";

    private ModelStore() {
    }

    /** Saves {@code network} with {@code card} as the folder {@code dir}; returns the card as saved. */
    public static ModelCard save(Path dir, FerNetwork network, ModelCard card) throws IOException {
        return save(dir, network, card, Map.of());
    }

    /**
     * Saves {@code network} with {@code card} and {@code pictures} (PNG files by name, such as
     * {@link #CONFUSION_PNG}) as the folder {@code dir}, all swapped in together; returns the card as saved.
     */
    public static ModelCard save(Path dir, FerNetwork network, ModelCard card, Map<String, BufferedImage> pictures)
            throws IOException {
        checkPictureNames(pictures);
        if (network.inferenceOnly()) {
            throw new IllegalArgumentException("an inference copy cannot be saved; save the trained network");
        }
        return writeFolder(dir, tmp -> {
            Path weights = tmp.resolve(WEIGHTS_FILE);
            ArrayFile.write(weights, ArrayFile.toFloats(network.params()));
            ModelCard complete = card.withParameters(network.trainableParams()).withWeights(new ModelCard.Weights(WEIGHTS_FILE, sha256(weights),
                    Files.size(weights), network.trainableParams()));
            complete.validateBasics();
            writePictures(tmp, pictures);
            Json.write(tmp.resolve(CARD_FILE), complete);
            return complete;
        });
    }

    /**
     * Saves an ensemble of the loaded {@code members} as the folder {@code dir}: their weight files, read
     * again and checked against their cards, follow each other in one weights file, and the card lists the
     * members in that order. The new folder is loaded, and so checked, before it replaces anything.
     *
     * @param card               the ensemble's card; its architecture must be {@link ModelCard#ENSEMBLE}
     * @param validationAccuracy each member's own validation accuracy, in the members' order, for the card
     */
    public static LoadedModel saveEnsemble(Path dir, ModelCard card, List<LoadedModel> members,
                                           List<Double> validationAccuracy, Map<String, BufferedImage> pictures)
            throws IOException {
        checkPictureNames(pictures);
        if (!card.isEnsemble()) {
            throw new IllegalArgumentException("not an ensemble card: architecture " + card.architecture());
        }
        if (validationAccuracy.size() != members.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + validationAccuracy.size()
                    + " validation accuracies");
        }
        List<float[]> values = new ArrayList<>();
        List<ModelCard.Member> listed = new ArrayList<>();
        long parameters = 0;
        for (int i = 0; i < members.size(); i++) {
            LoadedModel member = members.get(i);
            ModelCard m = member.card();
            if (m.isEnsemble()) {
                throw new IllegalArgumentException(member.folder() + " is itself an ensemble; list its members instead");
            }
            float[] v = storedValues(member);
            values.add(v);
            parameters += m.parameters();
            listed.add(new ModelCard.Member(m.name(), m.architecture(), m.parameters(), v.length,
                    validationAccuracy.get(i), m.trainingSeconds()));
        }
        long total = parameters;
        LoadedModel checked = writeFolder(dir, tmp -> {
            Path weights = tmp.resolve(WEIGHTS_FILE);
            ArrayFile.write(weights, concat(values));
            ModelCard complete = card.withMembers(listed).withParameters(total).withWeights(
                    new ModelCard.Weights(WEIGHTS_FILE, sha256(weights), Files.size(weights), total));
            complete.validateBasics();
            writePictures(tmp, pictures);
            Json.write(tmp.resolve(CARD_FILE), complete);
            return load(tmp);
        });
        return new LoadedModel(dir, checked.card(), checked.network());
    }

    /**
     * The values a model was saved with: its own weights file, or, for a member of an ensemble
     * ({@link LoadedModel#members()}), its part of the ensemble's file. The file must still match the SHA-256
     * its card gives.
     */
    static float[] storedValues(LoadedModel model) throws IOException {
        ModelCard card = model.card();
        if (card.weights() != null) {
            return savedValues(model.folder(), card);
        }
        Object index = card.training() == null ? null : card.training().get(ModelCard.MEMBER_INDEX);
        ModelCard whole = readCard(model.folder());
        if (!(index instanceof Number n) || !whole.isEnsemble() || n.intValue() < 0
                || n.intValue() >= whole.members().size()) {
            throw new ModelLoadException(model.folder() + ": " + card.name() + " has no weights file of its own and "
                    + "is not a member of the ensemble saved there");
        }
        float[] all = checkedValues(model.folder().resolve(whole.weights().file()), whole.weights().sha256());
        long from = whole.members().subList(0, n.intValue()).stream().mapToLong(ModelCard.Member::values).sum();
        return java.util.Arrays.copyOfRange(all, (int) from, (int) (from + whole.members().get(n.intValue()).values()));
    }

    /**
     * The values saved in the folder of a single model whose card is {@code card}, checked against the card's
     * SHA-256; ensembles are refused (their file holds several networks).
     */
    public static float[] savedValues(Path dir, ModelCard card) throws IOException {
        if (card.isEnsemble() || card.weights() == null) {
            throw new ModelLoadException(dir + " is an ensemble, not a single network; use one of its members' own "
                    + "folders");
        }
        return checkedValues(dir.resolve(card.weights().file()), card.weights().sha256());
    }

    private static float[] checkedValues(Path file, String sha256) throws IOException {
        if (!sha256(file).equalsIgnoreCase(sha256)) {
            throw new ModelLoadException(file + " changed since it was loaded (its SHA-256 no longer matches "
                    + "its card)");
        }
        return ArrayFile.read(file);
    }

    private static float[] concat(List<float[]> parts) {
        float[] all = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static void checkPictureNames(Map<String, BufferedImage> pictures) {
        for (String name : pictures.keySet()) {
            if (!name.endsWith(".png") || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("not a picture file name for a model folder: " + name);
            }
        }
    }

    private static void writePictures(Path folder, Map<String, BufferedImage> pictures) throws IOException {
        for (Map.Entry<String, BufferedImage> picture : pictures.entrySet()) {
            AtomicFiles.writePng(folder.resolve(picture.getKey()), picture.getValue());
        }
    }

    /**
     * Saves the model in {@code source} as the folder {@code target} named {@code newName}: the weights are
     * copied byte for byte (the card's checksum stays valid), only the card's name changes, and the copy is
     * loaded, and so checked against its card, before it replaces anything at {@code target}.
     */
    public static LoadedModel copy(Path source, Path target, String newName) throws IOException {
        ModelCard card = readCard(source).withName(newName);
        LoadedModel checked = writeFolder(target, tmp -> {
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (!file.getFileName().toString().equals(CARD_FILE)) {
                        Files.copy(file, tmp.resolve(file.getFileName()));
                    }
                }
            }
            Json.write(tmp.resolve(CARD_FILE), card);
            return load(tmp);
        });
        return new LoadedModel(target, checked.card(), checked.network());
    }

    /** Fills a model folder's contents into a temporary folder beside it. */
    @FunctionalInterface
    private interface FolderContents<T> {
        T write(Path tmp) throws IOException;
    }

    /**
     * Writes a complete new folder beside {@code dir} and swaps it in: a model folder is never seen half
     * written, and a failure leaves the old folder as it was and no temporary folder behind. Only a missing or
     * empty folder or a model folder is replaced ({@link OutputTargets}); whether a model may be, the caller asks.
     */
    private static <T> T writeFolder(Path dir, FolderContents<T> contents) throws IOException {
        // the last guard of the rule that nothing FER Studio did not make is replaced; callers ask about models
        OutputTargets.checkModelFolder(dir, true, "");
        Path tmp = AtomicFiles.newDirectoryBeside(dir);
        try {
            T result = contents.write(tmp);
            AtomicFiles.replaceDirectory(tmp, dir);
            return result;
        } catch (IOException | RuntimeException e) {
            try {
                AtomicFiles.deleteTree(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Reads and checks a card without loading the network (fast; for pickers and {@code info}). */
    public static ModelCard readCard(Path dir) throws ModelLoadException {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException("no model folder at " + dir);
        }
        Path cardFile = dir.resolve(CARD_FILE);
        if (!Files.isRegularFile(cardFile)) {
            throw new ModelLoadException(dir + " is not a FER Studio model folder: " + CARD_FILE + " is missing");
        }
        ModelCard card;
        try {
            card = Json.read(cardFile, ModelCard.class);
        } catch (IOException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                throw new ModelLoadException(cardFile + " is not a valid model card: " + Json.describe(json), e);
            }
            throw new ModelLoadException("could not read " + cardFile + ": " + e.getMessage(), e);
        }
        if (card == null) {
            throw new ModelLoadException(cardFile + " is empty");
        }
        try {
            card.validateBasics();
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(cardFile + ": " + e.getMessage(), e);
        }
        return card;
    }

    /** Loads a model folder, checking the card against the network it describes. */
    public static LoadedModel load(Path dir) throws ModelLoadException {
        ModelCard card = readCard(dir);
        List<Architecture> architectures = new ArrayList<>();
        try {
            if (card.isEnsemble()) {
                for (ModelCard.Member member : card.members()) {
                    architectures.add(Architectures.byId(member.architecture()));
                }
            } else {
                architectures.add(Architectures.byId(card.architecture()));
            }
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(dir.resolve(CARD_FILE) + ": " + e.getMessage()
                    + " (the model was made by a newer or another program)", e);
        }
        if (card.input().width() != FaceTranslator.SIDE || card.input().height() != FaceTranslator.SIDE
                || card.input().channels() != 1) {
            throw new ModelLoadException(dir.resolve(CARD_FILE) + ": input " + card.input().width() + "x"
                    + card.input().height() + "x" + card.input().channels()
                    + " is not supported; FER Studio networks take 48x48x1 preprocessed faces");
        }
        Path weights = dir.resolve(card.weights().file()).normalize();
        if (!weights.startsWith(dir.normalize()) || !Files.isRegularFile(weights)) {
            throw new ModelLoadException("weights file missing: " + weights);
        }
        try {
            String actual = sha256(weights);
            if (!actual.equalsIgnoreCase(card.weights().sha256())) {
                throw new ModelLoadException(weights + " does not match its card (SHA-256 " + actual
                        + ", card says " + card.weights().sha256() + "): the file is damaged, truncated or "
                        + "from another model");
            }
            float[] params = ArrayFile.read(weights);
            FerNetwork net;
            try {
                net = card.isEnsemble() ? ensemble(card, architectures, params)
                        : architectures.get(0).buildForInference(card.classes().size(), params);
            } catch (IllegalArgumentException e) {
                throw new ModelLoadException(weights + " holds " + e.getMessage(), e);
            }
            return new LoadedModel(dir, card, net);
        } catch (ModelLoadException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelLoadException("could not read " + weights + ": " + e.getMessage(), e);
        }
    }

    /** Splits the weights file into the members' parameters, in the card's order, and builds each. */
    private static FerNetwork ensemble(ModelCard card, List<Architecture> architectures, float[] params) {
        long expected = card.members().stream().mapToLong(ModelCard.Member::values).sum();
        if (expected != params.length) {
            throw new IllegalArgumentException(params.length + " values, but the card's members need " + expected);
        }
        List<FerNetwork> members = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < architectures.size(); i++) {
            int to = from + (int) card.members().get(i).values();
            members.add(architectures.get(i).buildForInference(card.classes().size(),
                    java.util.Arrays.copyOfRange(params, from, to)));
            from = to;
        }
        return new EnsembleNetwork(members);
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
