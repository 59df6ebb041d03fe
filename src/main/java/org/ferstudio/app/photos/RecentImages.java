package org.ferstudio.app.photos;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few full-size photos read, so selecting a photo just analysed shows it at once. Only a few:
 * a batch of thousands of photos must not keep them all in memory. FX thread only.
 */
final class RecentImages {

    private final Map<Path, BufferedImage> images;

    RecentImages(int capacity) {
        this.images = new LinkedHashMap<>(capacity + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, BufferedImage> eldest) {
                return size() > capacity;
            }
        };
    }

    BufferedImage get(Path file) {
        return images.get(file);
    }

    void put(Path file, BufferedImage image) {
        images.put(file, image);
    }

    void clear() {
        images.clear();
    }
}
