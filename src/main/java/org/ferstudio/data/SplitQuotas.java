package org.ferstudio.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Shares a per-split image limit among the groups (class folders) of each split in proportion to their
 * sizes, by largest remainder, so the kept subset has the class balance of the whole split.
 */
final class SplitQuotas {

    private SplitQuotas() {
    }

    /**
     * @param sizes       group -> number of items, in reading order
     * @param maxPerSplit 0 for no limit
     * @return group -> number of items to keep
     */
    static <G> Map<G, Integer> of(Map<G, Integer> sizes, Function<G, String> splitOf, int maxPerSplit) {
        Map<String, List<G>> groupsBySplit = new LinkedHashMap<>();
        sizes.keySet().forEach(g -> groupsBySplit.computeIfAbsent(splitOf.apply(g), s -> new ArrayList<>()).add(g));
        Map<G, Integer> quotas = new LinkedHashMap<>();
        for (List<G> groups : groupsBySplit.values()) {
            long total = groups.stream().mapToLong(sizes::get).sum();
            if (maxPerSplit == 0 || total <= maxPerSplit) {
                groups.forEach(g -> quotas.put(g, sizes.get(g)));
            } else {
                shareLimit(groups, sizes, total, maxPerSplit, quotas);
            }
        }
        return quotas;
    }

    private static <G> void shareLimit(List<G> groups, Map<G, Integer> sizes, long total, int limit, Map<G, Integer> quotas) {
        int given = 0;
        for (G g : groups) {
            int share = (int) ((long) limit * sizes.get(g) / total);
            quotas.put(g, share);
            given += share;
        }
        List<G> byRemainder = new ArrayList<>(groups);
        // stable sort: equal remainders keep reading order, so the result is deterministic
        byRemainder.sort(Comparator.comparingLong((G g) -> (long) limit * sizes.get(g) % total).reversed());
        for (int i = 0; given < limit; i++, given++) {
            quotas.merge(byRemainder.get(i), 1, Integer::sum);
        }
    }
}
