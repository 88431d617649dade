package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains the score of any pair of records under a saved model, field by field, exactly as the
 * engine scored it: the same match-key table ({@link RecordTable#of}), comparison code
 * ({@link ComparisonVectors}), weights ({@link Scorer}, term-frequency adjusted from the values of the
 * whole population) and decision ({@link MergeGuards}). It needs the whole population the model
 * scored, not just the two records: how common a value is, and how large a block is, depend on all.
 *
 * <p>Unlike the engine it also answers for pairs that blocking never compares, and says so. It does
 * not know the chain guard of clustering, which can still send a {@code MATCH} to review; the stored
 * pair ({@code match_pair}) shows the final decision of a run.
 */
public final class PairExplainer {

    private final MatchingConfig config;
    private final MatchModel model;
    private final RecordTable table;
    private final Scorer scorer;
    private final MergeGuards guards;

    /** Explains pairs of {@code contacts} (by index) with {@code model}, trained under {@code config}. */
    public PairExplainer(MatchingConfig config, MatchModel model, List<Contact> contacts) {
        this(config, model, contacts, Map.of());
    }

    /**
     * As {@link #PairExplainer(MatchingConfig, MatchModel, List)}, with the fallback values the engine
     * was given ({@link MatchEngine#run(List, long[], long[], Map)}: the ad-hoc dedupe's unreadable dates).
     *
     * @throws IllegalArgumentException when the model's comparisons or levels are not the configuration's
     */
    public PairExplainer(MatchingConfig config, MatchModel model, List<Contact> contacts, Map<String, String[]> fallbacks) {
        this.config = requireNonNull(config, "config is null");
        this.model = requireNonNull(model, "model is null");
        requireNonNull(contacts, "contacts is null");
        requireNonNull(fallbacks, "fallbacks is null");
        checkFits(model, config);
        table = RecordTable.of(config, contacts, fallbacks);
        scorer = new Scorer(model, config.comparisons(), table);
        guards = new MergeGuards(config);
    }

    /** The model must have been trained with these comparisons and levels, in this order. */
    private static void checkFits(MatchModel model, MatchingConfig config) {
        List<String> modelFields = model.comparisons().stream().map(MatchModel.ComparisonModel::field).toList();
        List<String> configFields = config.comparisons().stream().map(MatchingConfig.Comparison::field).toList();
        if (!modelFields.equals(configFields)) {
            throw new IllegalArgumentException("the model compares " + modelFields + ", the matching configuration "
                    + configFields + ": the model was trained with another matching.yml");
        }
        for (int c = 0; c < configFields.size(); c++) {
            List<String> modelLevels = model.comparisons().get(c).levels().stream().map(MatchModel.LevelModel::name).toList();
            List<String> configLevels = config.comparisons().get(c).levels().stream().map(MatchingConfig.Level::name).toList();
            if (!modelLevels.equals(configLevels)) {
                throw new IllegalArgumentException("comparison " + configFields.get(c) + ": the model has levels "
                        + modelLevels + ", the matching configuration " + configLevels
                        + ": the model was trained with another matching.yml");
            }
        }
    }

    /** The number of records in the population. */
    public int recordCount() {
        return table.size();
    }

    /** Explains the pair of two different records, given in either order. */
    public PairExplanation explain(int first, int second) {
        if (first < 0 || second < 0 || first >= table.size() || second >= table.size()) {
            throw new IllegalArgumentException("record indexes must be in 0.." + (table.size() - 1) + ": " + first + ", "
                    + second);
        }
        if (first == second) {
            throw new IllegalArgumentException("a pair needs two different records: " + first + " twice");
        }
        int left = Math.min(first, second);
        int right = Math.max(first, second);
        ComparisonVectors vectors = ComparisonVectors.of(table, config.comparisons(), new long[] {((long) left << 32) | right});
        List<PairExplanation.FieldExplanation> fields = new ArrayList<>(config.comparisons().size());
        for (int c = 0; c < config.comparisons().size(); c++) {
            MatchingConfig.Comparison comparison = config.comparisons().get(c);
            String[] column = table.column(comparison.field());
            int level = vectors.level(0, c);
            MatchModel.LevelModel levelModel = level == ComparisonVectors.MISSING ? null
                    : model.comparisons().get(c).levels().get(level - 1);
            fields.add(new PairExplanation.FieldExplanation(comparison.field(), column[left], column[right],
                    levelModel == null ? "missing" : levelModel.name(), levelModel == null ? null : levelModel.m(),
                    levelModel == null ? null : levelModel.u(), scorer.fieldWeight(vectors, 0, c, left),
                    scorer.termFrequencyAdjusted(c, level)));
        }
        double weight = scorer.matchWeight(vectors, 0, left);
        double probability = Scorer.probability(weight);
        MatchDecision decision = guards.decide(probability, vectors, 0);
        MatchingConfig.MergeGuard guard = probability >= config.mergeThreshold() ? guards.holding(vectors, 0) : null;
        return new PairExplanation(left, right, fields, model.priorWeight(), weight, probability, decision, guard,
                sharedBlocks(left, right));
    }

    /**
     * The rules whose keys both records have and agree on, with the size of that block: records agree
     * on a rule's keys exactly when {@link Blocking} puts them in one block, and a block larger than
     * {@code max_block_size} is skipped.
     */
    private List<PairExplanation.SharedBlock> sharedBlocks(int left, int right) {
        List<PairExplanation.SharedBlock> shared = new ArrayList<>();
        for (MatchingConfig.BlockingRule rule : config.blockingRules()) {
            int[][] ids = new int[rule.keys().size()][];
            boolean agree = true;
            for (int k = 0; k < ids.length && agree; k++) {
                ids[k] = table.ids(rule.keys().get(k));
                agree = ids[k][left] != Blocking.NONE && ids[k][left] == ids[k][right];
            }
            if (!agree) {
                continue;
            }
            int size = 0;
            for (int i = 0; i < table.size(); i++) {
                boolean member = true;
                for (int k = 0; k < ids.length && member; k++) {
                    member = ids[k][i] == ids[k][left];
                }
                if (member) {
                    size++;
                }
            }
            List<String> values = rule.keys().stream().map(key -> table.column(key)[left]).toList();
            shared.add(new PairExplanation.SharedBlock(rule.name(), rule.keys(), values, size, size > config.maxBlockSize()));
        }
        return shared;
    }
}
