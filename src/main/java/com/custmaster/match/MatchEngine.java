package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matching stages in order, like Splink's linker: blocking, comparison, training, scoring,
 * clustering. Works on records by index; {@link Matcher} is the facade in source-record terms.
 */
public final class MatchEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MatchEngine.class);

    private final MatchingConfig config;

    public MatchEngine(MatchingConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** Matches contacts by their index in the list, with no steward decisions. */
    public MatchRun run(List<Contact> contacts) {
        return run(contacts, new long[0], new long[0]);
    }

    /**
     * Matches contacts by their index in the list.
     *
     * @param mustLink index pairs (smaller index in the high 32 bits) that must share a cluster
     * @param cannotLink index pairs that must not
     */
    public MatchRun run(List<Contact> contacts, long[] mustLink, long[] cannotLink) {
        return run(contacts, mustLink, cannotLink, java.util.Map.of());
    }

    /**
     * As {@link #run(List, long[], long[])}, with values of match keys to use where a contact has
     * none (by key, one value or null per contact): the ad-hoc dedupe command passes a birth date it
     * could not read as a date ("1994-11-71") so a typo still counts as a near date.
     */
    public MatchRun run(List<Contact> contacts, long[] mustLink, long[] cannotLink, java.util.Map<String, String[]> fallbacks) {
        return run(contacts, mustLink, cannotLink, fallbacks, new long[0]);
    }

    /**
     * As {@link #run(List, long[], long[], java.util.Map)}, with pairs known to match whose
     * comparison levels teach the model its m-probabilities (labelled pairs, a steward's
     * decisions); they are training data only, not constraints.
     */
    public MatchRun run(List<Contact> contacts, long[] mustLink, long[] cannotLink, java.util.Map<String, String[]> fallbacks,
                        long[] labelledMatches) {
        requireNonNull(contacts, "contacts is null");
        requireNonNull(fallbacks, "fallbacks is null");
        requireNonNull(labelledMatches, "labelledMatches is null");
        long started = System.nanoTime();
        RecordTable table = RecordTable.of(config, contacts, fallbacks);
        long extracted = System.nanoTime();

        Blocking blocking = Blocking.of(table, config);
        for (int r = 0; r < config.blockingRules().size(); r++) {
            LOG.info("blocking rule {}: {} candidate pairs, {} oversized blocks skipped", config.blockingRules().get(r).name(),
                    blocking.pairsOf(r), blocking.oversizedBlocksOf(r));
        }
        long[] pairs = new long[blocking.pairCount()];
        for (int p = 0; p < pairs.length; p++) {
            pairs[p] = blocking.pair(p);
        }
        long blocked = System.nanoTime();
        ComparisonVectors vectors = ComparisonVectors.of(table, config.comparisons(), pairs);
        long compared = System.nanoTime();
        MatchModel model = new ModelTrainer(config).train(table, labelledMatches);
        long trained = System.nanoTime();

        Scorer scorer = new Scorer(model, config.comparisons(), table);
        double[] weights = new double[pairs.length];
        IntStream.range(0, pairs.length).parallel()
                .forEach(p -> weights[p] = scorer.matchWeight(vectors, p, Blocking.left(pairs[p])));
        boolean[] accepted = new boolean[pairs.length];
        MatchDecision[] decisions = new MatchDecision[pairs.length];
        MergeGuards guards = new MergeGuards(config);
        int guarded = 0;
        for (int p = 0; p < pairs.length; p++) {
            double probability = Scorer.probability(weights[p]);
            decisions[p] = guards.decide(probability, vectors, p);
            accepted[p] = decisions[p] == MatchDecision.MATCH;
            if (!accepted[p] && probability >= config.mergeThreshold()) {
                guarded++;
            }
        }
        long scored = System.nanoTime();
        Clustering.Outcome outcome = Clustering.cluster(contacts.size(), pairs, weights, accepted,
                config.clustering().minMeanWeight(), mustLink, cannotLink);
        int refused = 0;
        for (int p = 0; p < pairs.length; p++) {
            if (outcome.refused()[p]) {
                decisions[p] = MatchDecision.REVIEW;
                refused++;
            }
        }
        long clustered = System.nanoTime();
        MatchRun run = new MatchRun(config, blocking, vectors, scorer, weights, decisions, outcome.clusterOf());
        LOG.info("matched {} records into {} clusters: {} candidate pairs, {} merged, {} for review ({} held back by a merge "
                        + "guard, {} by the chain guard); times in ms: keys {}, blocking {}, comparing {}, training {}, scoring {}, "
                        + "clustering {}", contacts.size(), run.clusterCount(), pairs.length, run.count(MatchDecision.MATCH),
                run.count(MatchDecision.REVIEW), guarded, refused, millis(started, extracted), millis(extracted, blocked),
                millis(blocked, compared), millis(compared, trained), millis(trained, scored), millis(scored, clustered));
        return run;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
