package com.custmaster.match;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Progress;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The level each comparison reaches for each pair, as one byte per pair and comparison: 0 when
 * either value is missing, otherwise 1 + the index of the first level that holds. Computed once, in
 * parallel; training and scoring both read it.
 */
final class ComparisonVectors {

    static final byte MISSING = 0;
    private static final Logger LOG = LoggerFactory.getLogger(ComparisonVectors.class);
    private static final int CHUNK = 4096;

    private final int comparisons;
    private final byte[] levels;

    private ComparisonVectors(int comparisons, byte[] levels) {
        this.comparisons = comparisons;
        this.levels = levels;
    }

    /** Levels of the pairs {@code (left(p), right(p))} for every {@code p} in {@code pairs}. */
    static ComparisonVectors of(RecordTable table, List<MatchingConfig.Comparison> comparisons, long[] pairs) {
        String[][] columns = columns(table, comparisons);
        String[][] others = otherColumns(table, comparisons);
        int c = comparisons.size();
        comparisons.parallelStream().forEach(comparison -> table.ids(comparison.field()));
        Comparators.Compiled[] compiled = new Comparators.Compiled[c];
        int[][] ids = new int[c][];
        for (int k = 0; k < c; k++) {
            compiled[k] = Comparators.Compiled.of(comparisons.get(k));
            ids[k] = table.ids(comparisons.get(k).field());
        }
        long[][][] words = new long[c][][];
        for (int k = 0; k < c; k++) {
            words[k] = compiled[k].comparesWords() ? table.wordSets(comparisons.get(k).field()) : null;
        }
        byte[] levels = new byte[Math.multiplyExact(pairs.length, c)];
        int chunks = (pairs.length + CHUNK - 1) / CHUNK;
        Progress progress = new Progress("comparing pairs", "pairs", pairs.length, Progress.INTERVAL_DEFAULT, LOG::info);
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int end = Math.min(pairs.length, (chunk + 1) * CHUNK);
            for (int p = chunk * CHUNK; p < end; p++) {
                int a = Blocking.left(pairs[p]);
                int b = Blocking.right(pairs[p]);
                for (int k = 0; k < c; k++) {
                    // value ids first: missing and equal values need no look at the text
                    int idA = ids[k][a];
                    int idB = ids[k][b];
                    if (idA == Blocking.NONE || idB == Blocking.NONE) {
                        levels[p * c + k] = MISSING;
                    } else if (idA == idB) {
                        levels[p * c + k] = (byte) (1 + compiled[k].equalLevel());
                    } else if (words[k] != null) {
                        levels[p * c + k] = (byte) (1 + compiled[k].level(columns[k][a], columns[k][b],
                                others[k] == null ? null : others[k][a], others[k] == null ? null : others[k][b],
                                words[k][idA], words[k][idB]));
                    } else {
                        levels[p * c + k] = level(compiled[k], columns[k], others[k], a, b);
                    }
                }
            }
            progress.add(end - chunk * CHUNK);
        });
        return new ComparisonVectors(c, levels);
    }

    static String[][] columns(RecordTable table, List<MatchingConfig.Comparison> comparisons) {
        String[][] columns = new String[comparisons.size()][];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = table.column(comparisons.get(k).field());
        }
        return columns;
    }

    /** Per comparison, the column of the other field its swapped level names, or null. */
    static String[][] otherColumns(RecordTable table, List<MatchingConfig.Comparison> comparisons) {
        String[][] others = new String[comparisons.size()][];
        for (int k = 0; k < others.length; k++) {
            for (MatchingConfig.Level level : comparisons.get(k).levels()) {
                if (level.with() != null) {
                    others[k] = table.column(level.with());
                }
            }
        }
        return others;
    }

    private static byte level(Comparators.Compiled comparison, String[] column, String[] other, int a, int b) {
        String left = column[a];
        String right = column[b];
        if (left == null || right == null) {
            return MISSING;
        }
        return (byte) (1 + comparison.level(left, right, other == null ? null : other[a], other == null ? null : other[b]));
    }

    int comparisons() {
        return comparisons;
    }

    /** 0 for missing, else 1 + level index. */
    int level(int pair, int comparison) {
        return levels[pair * comparisons + comparison];
    }
}
