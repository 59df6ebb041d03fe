package org.ferstudio.nets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of architectures, by id. */
public final class Architectures {

    private static final Map<String, Architecture> BY_ID = new LinkedHashMap<>();

    static {
        register(new Cnn3Architecture());
        register(BlockCnnArchitecture.cnn4());
        register(BlockCnnArchitecture.cnn3w());
        register(new MobileNetArchitecture());
    }

    private Architectures() {
    }

    private static void register(Architecture a) {
        BY_ID.put(a.id(), a);
    }

    public static List<Architecture> all() {
        return List.copyOf(BY_ID.values());
    }

    public static Architecture byId(String id) {
        Architecture a = BY_ID.get(id);
        if (a == null) {
            throw new IllegalArgumentException("unknown architecture '" + id + "'; known: " + BY_ID.keySet());
        }
        return a;
    }
}
