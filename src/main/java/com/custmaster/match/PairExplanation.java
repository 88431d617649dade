package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import java.util.List;

/**
 * Why two records are, or are not, one customer: every comparison with the values it compared and
 * the weight it added, the prior, the total, the decision, and whether blocking ever puts the two
 * side by side. Exists so that a steward or an operator can answer "why were these merged?" (or
 * "why not?") for any pair, not only for the pairs a run kept in {@code match_pair}.
 *
 * @param left the record index that sorts first (the engine's left record of the pair)
 * @param right the other record index
 * @param fields one entry per comparison, in the configuration's order
 * @param priorWeight the prior's log-odds log2(λ / (1 - λ)) in bits, where the sum starts
 * @param matchWeight the prior plus every field's weight (bits)
 * @param matchProbability 1 / (1 + 2^-matchWeight)
 * @param decision what the thresholds and merge guards make of the score; for a pair that is never
 *                 compared ({@link #compared()} false), what they would make of it
 * @param mergeGuard the merge guard that holds back a pair above the merge threshold, or null
 * @param sharedBlocks the blocking rules on whose keys both records agree, in rule order (empty: the
 *                     engine never compares the pair)
 */
public record PairExplanation(int left, int right, List<FieldExplanation> fields, double priorWeight, double matchWeight,
                              double matchProbability, MatchDecision decision, MatchingConfig.MergeGuard mergeGuard,
                              List<SharedBlock> sharedBlocks) {

    public PairExplanation {
        requireNonNull(fields, "fields is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(sharedBlocks, "sharedBlocks is null");
        if (left >= right) {
            throw new IllegalArgumentException("left must be the smaller index: " + left + ", " + right);
        }
        fields = List.copyOf(fields);
        sharedBlocks = List.copyOf(sharedBlocks);
    }

    /** True when some blocking rule makes the pair a candidate pair (shared block not too large). */
    public boolean compared() {
        return blockingRule() != null;
    }

    /** The rule the engine credits with the pair: the first whose shared block was not skipped; null if none. */
    public String blockingRule() {
        return sharedBlocks.stream().filter(block -> !block.oversized()).map(SharedBlock::rule).findFirst().orElse(null);
    }

    /**
     * One comparison for the pair.
     *
     * @param leftValue the match-key value of the left record as compared (null when missing)
     * @param rightValue the same for the right record
     * @param level the level reached, or "missing" when either value is missing
     * @param m the level's m-probability in the model, null for "missing"
     * @param u the level's u-probability in the model, null for "missing"
     * @param weight the weight in bits the score used: log2(m/u), or log2(m / f) where the exact level is
     *               adjusted for how common the value is, or 0 for "missing"
     * @param termFrequencyAdjusted true when the weight is the term-frequency one
     */
    public record FieldExplanation(String field, String leftValue, String rightValue, String level, Double m, Double u,
                                   double weight, boolean termFrequencyAdjusted) {
        public FieldExplanation {
            requireNonNull(field, "field is null");
            requireNonNull(level, "level is null");
        }
    }

    /**
     * A blocking rule on whose keys both records agree.
     *
     * @param values the shared value of each key, in key order
     * @param size how many records share those values (the block)
     * @param oversized true when the block is larger than {@code max_block_size}: the rule skips it
     */
    public record SharedBlock(String rule, List<String> keys, List<String> values, int size, boolean oversized) {
        public SharedBlock {
            requireNonNull(rule, "rule is null");
            keys = List.copyOf(keys);
            values = List.copyOf(values);
            if (size < 2) {
                throw new IllegalArgumentException("a shared block holds at least the two records: " + size);
            }
        }
    }
}
