package com.custmaster.match;

import com.custmaster.config.MatchingConfig;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Blocking: records that agree on all keys of at least one rule become candidate pairs. Rules are
 * OR-ed; a pair belongs to the first rule that produces it (a later rule skips pairs an earlier one
 * already made, as Splink does), so no pair is scored twice and the count per rule says what each
 * rule adds. Blocks larger than the configured maximum are skipped and counted, so one shared
 * switchboard number cannot produce millions of pairs.
 *
 * <p>Block membership is kept as small integers per rule and record, which also lets training ask
 * cheaply whether any pair of records lies in one block of a rule ({@link #inBlock}).
 */
final class Blocking {

    /** No block: a key of the rule is missing for the record. */
    static final int NONE = -1;

    private final List<MatchingConfig.BlockingRule> rules;
    /** [rule][record]: block id when the record's block produced pairs, else NONE. */
    private final int[][] pairedIds;
    private final long[] pairs;
    private final byte[] firstRule;
    private final long[] pairsPerRule;
    private final long[] totalPerRule;
    private final long[] oversizedBlocks;

    private Blocking(List<MatchingConfig.BlockingRule> rules, int[][] pairedIds, long[] pairs,
                     byte[] firstRule, long[] pairsPerRule, long[] totalPerRule, long[] oversizedBlocks) {
        this.rules = rules;
        this.pairedIds = pairedIds;
        this.pairs = pairs;
        this.firstRule = firstRule;
        this.pairsPerRule = pairsPerRule;
        this.totalPerRule = totalPerRule;
        this.oversizedBlocks = oversizedBlocks;
    }

    /** The candidate pairs of the configured blocking rules, each pair once (for its first rule). */
    static Blocking of(RecordTable table, MatchingConfig config) {
        return of(table, config.blockingRules(), config.maxBlockSize(), true, Long.MAX_VALUE);
    }

    /**
     * Pairs of each rule on its own, an even sample of at most {@code maxPairsPerRule} per rule:
     * what training needs (every rule's pairs, whether or not an earlier rule found them too).
     */
    static Blocking sample(RecordTable table, List<MatchingConfig.BlockingRule> rules, int maxBlockSize, long maxPairsPerRule) {
        return of(table, rules, maxBlockSize, false, maxPairsPerRule);
    }

    private static Blocking of(RecordTable table, List<MatchingConfig.BlockingRule> rules, int maxBlockSize,
                               boolean firstRuleOnly, long maxPairsPerRule) {
        if (rules.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " blocking rules are supported");
        }
        rules.stream().flatMap(rule -> rule.keys().stream()).distinct().toList().parallelStream().forEach(table::ids);
        int[][] agreeIds = new int[rules.size()][];
        IntStream.range(0, rules.size()).parallel().forEach(r -> agreeIds[r] = blockIds(table, rules.get(r)));
        int[][] pairedIds = new int[rules.size()][];
        long[] oversized = new long[rules.size()];
        int[][] sizesOf = new int[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            int blocks = 0;
            for (int id : agreeIds[r]) {
                blocks = Math.max(blocks, id + 1);
            }
            int[] sizes = new int[blocks];
            for (int id : agreeIds[r]) {
                if (id != NONE) {
                    sizes[id]++;
                }
            }
            int[] paired = agreeIds[r].clone();
            for (int i = 0; i < paired.length; i++) {
                if (paired[i] != NONE && (sizes[paired[i]] < 2 || sizes[paired[i]] > maxBlockSize)) {
                    paired[i] = NONE;
                }
            }
            for (int size : sizes) {
                if (size > maxBlockSize) {
                    oversized[r]++;
                }
            }
            pairedIds[r] = paired;
            sizesOf[r] = sizes;
        }
        long[][] rulePairs = new long[rules.size()][];
        long[] totalPerRule = new long[rules.size()];
        // each rule's pairs on its own thread: a rule only reads the block ids of the rules before it
        IntStream.range(0, rules.size()).parallel().forEach(r -> {
            int[] paired = pairedIds[r];
            int blocks = sizesOf[r].length;
            int[] start = new int[blocks + 1];
            for (int id : paired) {
                if (id != NONE) {
                    start[id + 1]++;
                }
            }
            for (int b = 0; b < blocks; b++) {
                start[b + 1] += start[b];
            }
            int[] fill = Arrays.copyOf(start, blocks);
            int[] members = new int[start[blocks]];
            for (int i = 0; i < paired.length; i++) {
                if (paired[i] != NONE) {
                    members[fill[paired[i]]++] = i;
                }
            }
            long total = 0;
            for (int b = 0; b < blocks; b++) {
                long size = start[b + 1] - start[b];
                total += size * (size - 1) / 2;
            }
            totalPerRule[r] = total;
            long stride = Math.max(1, (total + maxPairsPerRule - 1) / maxPairsPerRule);
            LongList pairs = new LongList();
            long seen = 0;
            for (int b = 0; b < blocks; b++) {
                for (int x = start[b]; x < start[b + 1]; x++) {
                    int a = members[x];
                    for (int y = x + 1; y < start[b + 1]; y++) {
                        int c = members[y];
                        if (firstRuleOnly ? !producedEarlier(pairedIds, r, a, c) : seen++ % stride == 0) {
                            pairs.add(((long) a << 32) | c);
                        }
                    }
                }
            }
            rulePairs[r] = pairs.toArray();
        });
        long[] perRule = new long[rules.size()];
        int count = 0;
        for (int r = 0; r < rules.size(); r++) {
            perRule[r] = rulePairs[r].length;
            count = Math.addExact(count, rulePairs[r].length);
        }
        long[] pairs = new long[count];
        byte[] first = new byte[count];
        int next = 0;
        for (int r = 0; r < rules.size(); r++) {
            System.arraycopy(rulePairs[r], 0, pairs, next, rulePairs[r].length);
            Arrays.fill(first, next, next + rulePairs[r].length, (byte) r);
            next += rulePairs[r].length;
        }
        return new Blocking(rules, pairedIds, pairs, first, perRule, totalPerRule, oversized);
    }

    private static boolean producedEarlier(int[][] pairedIds, int rule, int a, int b) {
        for (int s = 0; s < rule; s++) {
            int id = pairedIds[s][a];
            if (id != NONE && id == pairedIds[s][b]) {
                return true;
            }
        }
        return false;
    }

    /** Block id per record for a rule: records with equal ids of every key share a block; NONE when a key is missing. */
    private static int[] blockIds(RecordTable table, MatchingConfig.BlockingRule rule) {
        int[] ids = table.ids(rule.keys().get(0)).clone();
        for (int k = 1; k < rule.keys().size(); k++) {
            int[] next = table.ids(rule.keys().get(k));
            DenseIds combined = new DenseIds(ids.length);
            for (int i = 0; i < ids.length; i++) {
                ids[i] = ids[i] == NONE || next[i] == NONE ? NONE : combined.idOf(((long) ids[i] << 32) | next[i]);
            }
        }
        return ids;
    }

    int pairCount() {
        return pairs.length;
    }

    static int left(long pair) {
        return (int) (pair >>> 32);
    }

    static int right(long pair) {
        return (int) pair;
    }

    long pair(int index) {
        return pairs[index];
    }

    int firstRule(int index) {
        return firstRule[index];
    }

    List<MatchingConfig.BlockingRule> rules() {
        return rules;
    }

    /** True when the pair lies in one block of the rule that produced pairs (not oversized). */
    boolean inBlock(int rule, int a, int b) {
        int id = pairedIds[rule][a];
        return id != NONE && id == pairedIds[rule][b];
    }

    long pairsOf(int rule) {
        return pairsPerRule[rule];
    }

    /** All pairs in the rule's blocks (found first by it or not; before any sampling). */
    long allPairsOf(int rule) {
        return totalPerRule[rule];
    }

    long oversizedBlocksOf(int rule) {
        return oversizedBlocks[rule];
    }

    /**
     * Dense ids 0, 1, ... for long keys in order of first sight: an open-addressing table without
     * boxing, since a million records make a million keys per rule.
     */
    static final class DenseIds {
        private final long[] keys;
        private final int[] values;
        private final int mask;
        private int size;

        DenseIds(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[capacity];
            values = new int[capacity];
            Arrays.fill(values, -1);
            mask = capacity - 1;
        }

        int idOf(long key) {
            int slot = (int) (mix(key) & mask);
            while (values[slot] != -1) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = size;
            return size++;
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }
    }

    /** A growable list of longs, without boxing: a million records make millions of pairs. */
    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

}
