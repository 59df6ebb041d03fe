package org.ferstudio.app.photos;

import java.util.List;

/** How many photos are in each state and how many faces they hold: the idle status line. */
record PhotoCounts(int photos, int pending, int failed, int faces) {

    static PhotoCounts of(List<PhotoEntry> entries) {
        int pending = 0;
        int failed = 0;
        int faces = 0;
        for (PhotoEntry e : entries) {
            switch (e.status()) {
                case PENDING -> pending++;
                case FAILED -> failed++;
                case ANALYSED -> faces += e.faces().size();
            }
        }
        return new PhotoCounts(entries.size(), pending, failed, faces);
    }

    /** "4 photos, 9 faces; 1 failed; 2 not analysed (...)". */
    String summary() {
        StringBuilder s = new StringBuilder(plural(photos, "photo")).append(", ").append(plural(faces, "face"));
        if (failed > 0) {
            s.append("; ").append(failed).append(" failed");
        }
        if (pending > 0) {
            s.append("; ").append(pending).append(" not analysed (open them again to continue)");
        }
        return s.toString();
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
