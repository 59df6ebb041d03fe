package org.ferstudio.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Divides image indices into parts with the same class proportions in each part: every class is shuffled
 * with one seeded generator (classes in index order, so the result depends only on labels and seed) and
 * cut by the fractions.
 */
final class StratifiedPartition {

    private StratifiedPartition() {
    }

    /**
     * @param heldOut fractions of the parts 1..n; part 0 gets the rest
     * @return indices per part, each ascending, so the parts keep the data's own order
     */
    static int[][] of(int[] labels, double[] heldOut, long seed) {
        Random rng = new Random(seed);
        List<List<Integer>> parts = new ArrayList<>();
        for (int p = 0; p <= heldOut.length; p++) {
            parts.add(new ArrayList<>());
        }
        for (int[] members : IndexArrays.byClass(labels)) {
            IndexArrays.shuffle(members, rng);
            int next = 0;
            for (int p = 1; p <= heldOut.length; p++) {
                int take = (int) Math.min(members.length - next, Math.round(members.length * heldOut[p - 1]));
                for (int k = 0; k < take; k++) {
                    parts.get(p).add(members[next++]);
                }
            }
            while (next < members.length) {
                parts.get(0).add(members[next++]);
            }
        }
        return parts.stream().map(part -> part.stream().mapToInt(Integer::intValue).sorted().toArray())
                .toArray(int[][]::new);
    }
}
