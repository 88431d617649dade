package com.custmaster.match;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.MatchKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns a Fellegi-Sunter model from the data, without labels, the way Splink does:
 * <ul>
 *   <li>u-probabilities from pairs of records drawn at random (nearly all of them are non-matches);</li>
 *   <li>m-probabilities by expectation maximisation over each blocking rule's candidate pairs, u held
 *       fixed. A rule's own fields are left out of its estimate (its pairs agree on them by
 *       construction); each field's m is the average over the rules that could estimate it,
 *       weighted by the matches each rule found;</li>
 *   <li>the probability that two random records match: each rule's expected matches divided by the
 *       rule's recall (the share of the other rules' matches it also finds), over all pairs; the
 *       median over rules.</li>
 * </ul>
 * Where the data is too small to teach a figure, the configured starting value is kept, and the
 * model says so.
 */
final class ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);
    private static final double FLOOR = 1e-6;
    private static final double INITIAL_MATCH_SHARE = 0.3;

    private final MatchingConfig config;
    private final List<MatchingConfig.Comparison> comparisons;

    ModelTrainer(MatchingConfig config) {
        this.config = config;
        this.comparisons = config.comparisons();
    }

    /** The configured starting values as a model, for when training is switched off. */
    static MatchModel configured(MatchingConfig config, long records) {
        List<MatchModel.ComparisonModel> models = new ArrayList<>();
        for (MatchingConfig.Comparison comparison : config.comparisons()) {
            List<MatchModel.LevelModel> levels = new ArrayList<>();
            for (MatchingConfig.Level level : comparison.levels()) {
                levels.add(new MatchModel.LevelModel(level.name(), level.m(), level.u(), "configured", "configured"));
            }
            models.add(new MatchModel.ComparisonModel(comparison.field(), comparison.termFrequency(), levels));
        }
        return new MatchModel(config.priorMatchProbability(), "configured", records, 0, models, List.of());
    }

    MatchModel train(RecordTable table) {
        return train(table, new long[0]);
    }

    /**
     * Trains on the data, and where pairs are known to match (a steward's "same", or labelled
     * pairs), takes each comparison's m from them: the share of those pairs at each level, with the
     * EM estimate (or the starting value) counted as {@link #LABEL_PRIOR_PAIRS} pairs more, so a
     * handful of labels moves the model only a little and many labels decide it.
     *
     * @param labelledMatches index pairs (smaller index in the high 32 bits) known to be one person
     */
    MatchModel train(RecordTable table, long[] labelledMatches) {
        MatchModel model = trainWithoutLabels(table);
        if (labelledMatches.length == 0) {
            return model;
        }
        ComparisonVectors vectors = ComparisonVectors.of(table, comparisons, labelledMatches);
        List<MatchModel.ComparisonModel> models = new ArrayList<>();
        for (int c = 0; c < comparisons.size(); c++) {
            MatchModel.ComparisonModel before = model.comparisons().get(c);
            double[] counts = new double[before.levels().size()];
            int present = 0;
            for (int p = 0; p < labelledMatches.length; p++) {
                int level = vectors.level(p, c);
                if (level != ComparisonVectors.MISSING) {
                    counts[level - 1]++;
                    present++;
                }
            }
            List<MatchModel.LevelModel> levels = new ArrayList<>();
            for (int l = 0; l < counts.length; l++) {
                MatchModel.LevelModel level = before.levels().get(l);
                double m = present == 0 ? level.m()
                        : Math.max((counts[l] + LABEL_PRIOR_PAIRS * level.m()) / (present + LABEL_PRIOR_PAIRS), FLOOR);
                levels.add(present == 0 ? level
                        : new MatchModel.LevelModel(level.name(), m, level.u(), "labels", level.uSource()));
            }
            models.add(new MatchModel.ComparisonModel(before.field(), before.termFrequency(), levels));
        }
        LOG.info("m taken from {} labelled matching pairs", labelledMatches.length);
        return new MatchModel(model.priorMatchProbability(), model.priorSource(), model.recordCount(), model.randomPairs(),
                models, model.training());
    }

    /** How many pairs' worth of weight the unlabelled estimate keeps against labelled pairs. */
    static final int LABEL_PRIOR_PAIRS = 10;

    private MatchModel trainWithoutLabels(RecordTable table) {
        if (!config.training().enabled()) {
            return configured(config, table.size());
        }
        Blocking blocking = Blocking.sample(table, config.trainingRules(), config.maxBlockSize(),
                config.training().emMaxPairs());
        long[] pairs = new long[blocking.pairCount()];
        for (int p = 0; p < pairs.length; p++) {
            pairs[p] = blocking.pair(p);
        }
        ComparisonVectors vectors = ComparisonVectors.of(table, comparisons, pairs);
        RandomPairs random = randomPairs(table);
        double[][] u = new double[comparisons.size()][];
        String[] uSource = new String[comparisons.size()];
        for (int c = 0; c < comparisons.size(); c++) {
            List<MatchingConfig.Level> levels = comparisons.get(c).levels();
            long present = random.present[c];
            if (present >= config.training().minPairs()) {
                u[c] = new double[levels.size()];
                for (int l = 0; l < levels.size(); l++) {
                    u[c][l] = Math.max(random.counts[c][l], 0.5) / present;
                }
                uSource[c] = "random_pairs";
            } else {
                u[c] = levels.stream().mapToDouble(MatchingConfig.Level::u).toArray();
                uSource[c] = "configured";
            }
        }

        List<MatchingConfig.BlockingRule> rules = blocking.rules();
        double[][] mSum = new double[comparisons.size()][];
        double[] mWeight = new double[comparisons.size()];
        for (int c = 0; c < comparisons.size(); c++) {
            mSum[c] = new double[comparisons.get(c).levels().size()];
        }
        RuleEm[] results = new RuleEm[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            results[r] = em(r, blocking, vectors, u);
            if (results[r] == null) {
                continue;
            }
            for (int c : results[r].included) {
                if (!results[r].observed[c]) {
                    continue;
                }
                for (int l = 0; l < mSum[c].length; l++) {
                    mSum[c][l] += results[r].m[c][l] * results[r].expectedMatches;
                }
                mWeight[c] += results[r].expectedMatches;
            }
        }

        List<MatchModel.ComparisonModel> models = new ArrayList<>();
        for (int c = 0; c < comparisons.size(); c++) {
            MatchingConfig.Comparison comparison = comparisons.get(c);
            List<MatchModel.LevelModel> levels = new ArrayList<>();
            boolean learned = mWeight[c] > 0;
            double[] ms = new double[comparison.levels().size()];
            for (int l = 0; l < ms.length; l++) {
                ms[l] = learned ? Math.max(mSum[c][l] / mWeight[c], FLOOR) : comparison.levels().get(l).m();
            }
            if (learned) {
                ordered(comparison, ms, u[c]);
            }
            for (int l = 0; l < ms.length; l++) {
                MatchingConfig.Level level = comparison.levels().get(l);
                levels.add(new MatchModel.LevelModel(level.name(), ms[l], u[c][l], learned ? "em" : "configured", uSource[c]));
            }
            models.add(new MatchModel.ComparisonModel(comparison.field(), comparison.termFrequency(), levels));
        }

        List<MatchModel.RuleTraining> training = new ArrayList<>();
        List<Double> priorLogits = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            RuleEm result = results[r];
            if (result == null) {
                training.add(new MatchModel.RuleTraining(rules.get(r).name(), blocking.allPairsOf(r), 0, 0, false, 0, List.of(),
                        0));
                continue;
            }
            double prior = priorFromRule(r, results, table, models);
            if (prior > 0) {
                priorLogits.add(Math.log(prior / (1 - prior)));
            }
            List<String> fields = Arrays.stream(result.included).filter(c -> result.observed[c])
                    .mapToObj(c -> comparisons.get(c).field()).toList();
            training.add(new MatchModel.RuleTraining(rules.get(r).name(), result.pairs, result.used, result.iterations,
                    result.converged, result.matchShare, fields, prior));
        }
        double prior = config.priorMatchProbability();
        String priorSource = "configured";
        if (!priorLogits.isEmpty()) {
            priorLogits.sort(null);
            int size = priorLogits.size();
            double logit = size % 2 == 1 ? priorLogits.get(size / 2)
                    : (priorLogits.get(size / 2 - 1) + priorLogits.get(size / 2)) / 2;
            prior = Math.min(0.5, Math.max(1e-12, 1 / (1 + Math.exp(-logit))));
            priorSource = "estimated";
        }
        MatchModel model = new MatchModel(prior, priorSource, table.size(), random.drawn, models, training);
        LOG.info("trained match model on {} records: prior match probability {} ({}), {} random pairs for u",
                table.size(), String.format(java.util.Locale.ROOT, "%.3g", prior), priorSource, random.drawn);
        return model;
    }

    /**
     * Makes the weights log2(m/u) of a comparison's graded levels (all but {@code swapped} and
     * {@code initial}, which sit outside the scale) fall from the first level to the last, as their
     * order says they should: agreeing exactly is never weaker evidence than agreeing roughly. Where
     * EM says otherwise (it can, when errors in different fields are not independent, as when each
     * duplicate carries exactly one error) adjacent violators are pooled, each getting the pooled
     * ratio sum(m)/sum(u): isotonic regression of the likelihood ratio, which keeps the m of the
     * pooled levels adding up to what they were.
     */
    static void ordered(MatchingConfig.Comparison comparison, double[] m, double[] u) {
        int[] graded = IntStream.range(0, m.length).filter(l -> comparison.levels().get(l).kind() != MatchingConfig.LevelKind.SWAPPED
                && comparison.levels().get(l).kind() != MatchingConfig.LevelKind.INITIAL).toArray();
        int n = graded.length;
        double[] blockM = new double[n];
        double[] blockU = new double[n];
        int[] blockSize = new int[n];
        int blocks = 0;
        for (int l : graded) {
            blockM[blocks] = m[l];
            blockU[blocks] = u[l];
            blockSize[blocks] = 1;
            blocks++;
            while (blocks > 1 && blockM[blocks - 2] / blockU[blocks - 2] < blockM[blocks - 1] / blockU[blocks - 1]) {
                blockM[blocks - 2] += blockM[blocks - 1];
                blockU[blocks - 2] += blockU[blocks - 1];
                blockSize[blocks - 2] += blockSize[blocks - 1];
                blocks--;
            }
        }
        int next = 0;
        for (int b = 0; b < blocks; b++) {
            double ratio = blockM[b] / blockU[b];
            for (int k = 0; k < blockSize[b]; k++) {
                int l = graded[next++];
                if (blockSize[b] > 1) {
                    m[l] = Math.max(ratio * u[l], FLOOR);
                }
            }
        }
    }

    /**
     * The prior implied by rule r: EM's expected matches among the rule's pairs, divided by the
     * rule's recall (the share of all matches it finds, measured on the matches of the rules that
     * share no field with it), over all pairs of records. 0 when it cannot be told.
     */
    private double priorFromRule(int r, RuleEm[] results, RecordTable table, List<MatchModel.ComparisonModel> models) {
        long records = table.size();
        Set<String> groups = groups(config.trainingRules().get(r));
        double found = 0;
        double matches = 0;
        for (int s = 0; s < results.length; s++) {
            if (s == r || results[s] == null || !disjoint(groups, groups(config.trainingRules().get(s)))) {
                continue;
            }
            found += results[s].matchesInBlockOf[r];
            matches += results[s].usedMatches;
        }
        double recall = matches >= 1 && found > 0 ? found / matches : modelRecall(config.trainingRules().get(r), table, models);
        if (!(recall > 0)) {
            return 0;
        }
        double allMatches = results[r].expectedMatches / recall;
        double allPairs = (double) records * (records - 1) / 2;
        return Math.min(0.5, allMatches / allPairs);
    }

    /**
     * A rule's recall as the model sees it, when no other rule can measure it: for each key, the
     * chance that both records of a match have it (its fill rate squared) times the m of the exact
     * level of the comparison on that key. 0 when a key has no such comparison.
     */
    private double modelRecall(MatchingConfig.BlockingRule rule, RecordTable table, List<MatchModel.ComparisonModel> models) {
        double recall = 1;
        for (String key : rule.keys()) {
            int c = 0;
            while (c < comparisons.size() && !comparisons.get(c).field().equals(key)) {
                c++;
            }
            if (c == comparisons.size() || comparisons.get(c).levels().get(0).kind() != MatchingConfig.LevelKind.EXACT) {
                return 0;
            }
            long present = 0;
            for (String value : table.column(key)) {
                if (value != null) {
                    present++;
                }
            }
            double fill = (double) present / Math.max(1, table.size());
            recall *= fill * fill * models.get(c).levels().get(0).m();
        }
        return recall;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        for (String group : a) {
            if (b.contains(group)) {
                return false;
            }
        }
        return true;
    }

    /** The canonical fields a rule's keys derive from. */
    private static Set<String> groups(MatchingConfig.BlockingRule rule) {
        Set<String> groups = new HashSet<>();
        rule.keys().forEach(key -> groups.addAll(MatchKeys.bases(key)));
        return groups;
    }

    /** EM over the pairs in rule r's blocks; null when the rule has too few pairs or nothing to estimate. */
    private RuleEm em(int r, Blocking blocking, ComparisonVectors vectors, double[][] u) {
        Set<String> ruleGroups = groups(blocking.rules().get(r));
        int[] included = IntStream.range(0, comparisons.size())
                .filter(c -> disjoint(ruleGroups, MatchKeys.bases(comparisons.get(c).field()))).toArray();
        if (included.length == 0) {
            return null;
        }
        int total = blocking.pairCount();
        int used = (int) blocking.pairsOf(r);
        if (used < config.training().minPairs()) {
            return null;
        }
        long inRule = blocking.allPairsOf(r);
        // distinct comparison patterns with their counts: EM works on these, not on the pairs
        Map<Long, Integer> patternIndex = new HashMap<>();
        List<long[]> patterns = new ArrayList<>();
        int[] pairPattern = new int[used];
        int[] pairIndex = new int[used];
        int next = 0;
        for (int p = 0; p < total; p++) {
            if (blocking.firstRule(p) != r) {
                continue;
            }
            long key = 0;
            for (int k = 0; k < included.length; k++) {
                key |= (long) vectors.level(p, included[k]) << (4 * k);
            }
            Integer index = patternIndex.get(key);
            if (index == null) {
                index = patterns.size();
                patternIndex.put(key, index);
                patterns.add(new long[] {key, 0});
            }
            patterns.get(index)[1]++;
            pairPattern[next] = index;
            pairIndex[next] = p;
            next++;
        }
        double[][] m = new double[comparisons.size()][];
        for (int c : included) {
            m[c] = comparisons.get(c).levels().stream().mapToDouble(MatchingConfig.Level::m).toArray();
            normalise(m[c]);
        }
        double share = INITIAL_MATCH_SHARE;
        boolean[] observed = new boolean[comparisons.size()];
        double[] posterior = new double[patterns.size()];
        int iterations = 0;
        boolean converged = false;
        while (iterations < config.training().maxIterations() && !converged) {
            iterations++;
            double[][] estimate = new double[comparisons.size()][];
            for (int c : included) {
                estimate[c] = new double[m[c].length];
            }
            double matches = 0;
            for (int i = 0; i < patterns.size(); i++) {
                long key = patterns.get(i)[0];
                double pm = share;
                double pu = 1 - share;
                for (int k = 0; k < included.length; k++) {
                    int level = (int) ((key >>> (4 * k)) & 0xF);
                    if (level != ComparisonVectors.MISSING) {
                        pm *= m[included[k]][level - 1];
                        pu *= u[included[k]][level - 1];
                    }
                }
                double p = pm / (pm + pu);
                posterior[i] = p;
                double weight = p * patterns.get(i)[1];
                matches += weight;
                for (int k = 0; k < included.length; k++) {
                    int level = (int) ((key >>> (4 * k)) & 0xF);
                    if (level != ComparisonVectors.MISSING) {
                        estimate[included[k]][level - 1] += weight;
                    }
                }
            }
            for (int c : included) {
                observed[c] = sum(estimate[c]) > 0;
            }
            double nextShare = matches / used;
            double change = Math.abs(nextShare - share);
            for (int c : included) {
                if (sum(estimate[c]) <= 0) {
                    estimate[c] = m[c];
                } else {
                    for (int l = 0; l < estimate[c].length; l++) {
                        estimate[c][l] = Math.max(estimate[c][l], FLOOR);
                    }
                    normalise(estimate[c]);
                }
                for (int l = 0; l < estimate[c].length; l++) {
                    change = Math.max(change, Math.abs(estimate[c][l] - m[c][l]));
                }
                m[c] = estimate[c];
            }
            share = Math.min(Math.max(nextShare, FLOOR), 1 - FLOOR);
            converged = change < config.training().tolerance();
        }
        // how many of this rule's matches every other rule finds: the prior estimate needs it
        int rules = blocking.rules().size();
        double[] inBlockOf = new double[rules];
        double usedMatches = 0;
        for (int i = 0; i < used; i++) {
            double p = posterior[pairPattern[i]];
            usedMatches += p;
            long pair = blocking.pair(pairIndex[i]);
            int a = Blocking.left(pair);
            int b = Blocking.right(pair);
            for (int s = 0; s < rules; s++) {
                if (blocking.inBlock(s, a, b)) {
                    inBlockOf[s] += p;
                }
            }
        }
        LOG.info("EM on training rule {}: {} pairs ({} used), {} iterations{}, match share {}", blocking.rules().get(r).name(),
                inRule, used, iterations, converged ? "" : " (not converged)",
                String.format(java.util.Locale.ROOT, "%.4f", share));
        return new RuleEm(included, observed, m, share, share * inRule, inRule, used, iterations, converged, usedMatches, inBlockOf);
    }

    private RandomPairs randomPairs(RecordTable table) {
        int n = table.size();
        long all = (long) n * (n - 1) / 2;
        int target = config.training().uSamplePairs();
        long[] pairs;
        if (all <= target) {
            pairs = new long[(int) all];
            int next = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    pairs[next++] = ((long) a << 32) | b;
                }
            }
        } else {
            SplittableRandom random = new SplittableRandom(config.training().seed());
            pairs = new long[target];
            for (int i = 0; i < target; i++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n - 1);
                if (b >= a) {
                    b++;
                }
                pairs[i] = ((long) Math.min(a, b) << 32) | Math.max(a, b);
            }
        }
        ComparisonVectors vectors = ComparisonVectors.of(table, comparisons, pairs);
        RandomPairs result = new RandomPairs(comparisons, pairs.length);
        for (int p = 0; p < pairs.length; p++) {
            for (int c = 0; c < comparisons.size(); c++) {
                int level = vectors.level(p, c);
                if (level != ComparisonVectors.MISSING) {
                    result.counts[c][level - 1]++;
                    result.present[c]++;
                }
            }
        }
        return result;
    }

    private static void normalise(double[] values) {
        double total = sum(values);
        for (int i = 0; i < values.length; i++) {
            values[i] /= total;
        }
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    /** Level counts over the random pairs. */
    private static final class RandomPairs {
        final long drawn;
        final long[][] counts;
        final long[] present;

        RandomPairs(List<MatchingConfig.Comparison> comparisons, long drawn) {
            this.drawn = drawn;
            counts = new long[comparisons.size()][];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = new long[comparisons.get(c).levels().size()];
            }
            present = new long[comparisons.size()];
        }
    }

    private record RuleEm(int[] included, boolean[] observed, double[][] m, double matchShare, double expectedMatches, long pairs, long used,
                          int iterations, boolean converged, double usedMatches, double[] matchesInBlockOf) {
    }
}
