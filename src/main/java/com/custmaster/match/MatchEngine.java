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
        requireNonNull(labelledMatches, "labelledMatches is null");
        return run(contacts, mustLink, cannotLink, fallbacks, labelledMatches, null);
    }

    /**
     * Matches with a model trained before, and optionally an earlier run's decisions: what the
     * nightly job does after its first night. With {@code previous.changed()}, only candidate pairs
     * with a changed (or new) record are compared and the carried pairs stand in for the rest;
     * without, every candidate pair is compared again (a full rebuild with the same model).
     */
    public MatchRun run(List<Contact> contacts, Previous previous, long[] mustLink, long[] cannotLink) {
        requireNonNull(previous, "previous is null");
        if (previous.changed() != null && previous.changed().length != contacts.size()) {
            throw new IllegalArgumentException("changed flags: " + previous.changed().length + ", expected " + contacts.size());
        }
        return run(contacts, mustLink, cannotLink, java.util.Map.of(), new long[0], previous);
    }

    /**
     * What an incremental run starts from.
     *
     * @param model the model to score with (no training)
     * @param changed per record, whether it is new or changed since the carried pairs were scored;
     *                null to compare every candidate pair
     * @param carried pairs between unchanged records, kept as scored before (empty when
     *                {@code changed} is null)
     */
    public record Previous(MatchModel model, boolean[] changed, List<CarriedPair> carried) {
        public Previous {
            requireNonNull(model, "model is null");
            requireNonNull(carried, "carried is null");
            carried = List.copyOf(carried);
            if (changed == null && !carried.isEmpty()) {
                throw new IllegalArgumentException("carried pairs need the changed flags of the records");
            }
        }
    }

    private MatchRun run(List<Contact> contacts, long[] mustLink, long[] cannotLink, java.util.Map<String, String[]> fallbacks,
                         long[] labelledMatches, Previous previous) {
        requireNonNull(contacts, "contacts is null");
        requireNonNull(fallbacks, "fallbacks is null");
        long started = System.nanoTime();
        RecordTable table = RecordTable.of(config, contacts, fallbacks);
        long extracted = System.nanoTime();

        Blocking blocking = Blocking.of(table, config);
        for (int r = 0; r < config.blockingRules().size(); r++) {
            LOG.info("blocking rule {}: {} candidate pairs, {} oversized blocks skipped", config.blockingRules().get(r).name(),
                    blocking.pairsOf(r), blocking.oversizedBlocksOf(r));
        }
        boolean[] changed = previous == null ? null : previous.changed();
        List<CarriedPair> carried = previous == null ? List.of() : previous.carried();
        int kept = 0;
        for (int p = 0; p < blocking.pairCount(); p++) {
            long pair = blocking.pair(p);
            if (changed == null || changed[Blocking.left(pair)] || changed[Blocking.right(pair)]) {
                kept++;
            }
        }
        long[] compared = new long[kept];
        byte[] ruleOf = new byte[kept];
        int next = 0;
        for (int p = 0; p < blocking.pairCount(); p++) {
            long pair = blocking.pair(p);
            if (changed == null || changed[Blocking.left(pair)] || changed[Blocking.right(pair)]) {
                compared[next] = pair;
                ruleOf[next++] = (byte) blocking.firstRule(p);
            }
        }
        if (changed != null) {
            LOG.info("incremental: comparing {} of {} candidate pairs (those with one of {} new or changed records), "
                    + "{} pairs carried from the last run", kept, blocking.pairCount(), count(changed), carried.size());
        }
        long[] pairs = new long[kept + carried.size()];
        System.arraycopy(compared, 0, pairs, 0, kept);
        for (int c = 0; c < carried.size(); c++) {
            CarriedPair pair = carried.get(c);
            if (pair.right() >= contacts.size() || changed[pair.left()] || changed[pair.right()]) {
                throw new IllegalArgumentException("a carried pair must join two unchanged records: " + pair.left() + ", "
                        + pair.right());
            }
            pairs[kept + c] = ((long) pair.left() << 32) | pair.right();
        }
        long blocked = System.nanoTime();
        ComparisonVectors vectors = ComparisonVectors.of(table, config.comparisons(), compared);
        long comparedAt = System.nanoTime();
        MatchModel model = previous != null ? previous.model() : new ModelTrainer(config).train(table, labelledMatches);
        long trained = System.nanoTime();

        Scorer scorer = new Scorer(model, config.comparisons(), table);
        double[] weights = new double[pairs.length];
        IntStream.range(0, kept).parallel()
                .forEach(p -> weights[p] = scorer.matchWeight(vectors, p, Blocking.left(pairs[p])));
        boolean[] accepted = new boolean[pairs.length];
        MatchDecision[] decisions = new MatchDecision[pairs.length];
        MergeGuards guards = new MergeGuards(config);
        int guarded = 0;
        for (int c = 0; c < carried.size(); c++) {
            weights[kept + c] = carried.get(c).matchWeight();
            decisions[kept + c] = carried.get(c).decision();
            accepted[kept + c] = decisions[kept + c] == MatchDecision.MATCH;
        }
        for (int p = 0; p < kept; p++) {
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
        MatchRun run = new MatchRun(config, blocking, compared, ruleOf, vectors, scorer, carried, weights, decisions,
                outcome.clusterOf());
        LOG.info("matched {} records into {} clusters: {} scored pairs, {} merged, {} for review ({} held back by a merge "
                        + "guard, {} by the chain guard); times in ms: keys {}, blocking {}, comparing {}, training {}, scoring {}, "
                        + "clustering {}", contacts.size(), run.clusterCount(), pairs.length, run.count(MatchDecision.MATCH),
                run.count(MatchDecision.REVIEW), guarded, refused, millis(started, extracted), millis(extracted, blocked),
                millis(blocked, comparedAt), millis(comparedAt, trained), millis(trained, scored), millis(scored, clustered));
        return run;
    }

    private static int count(boolean[] flags) {
        int count = 0;
        for (boolean flag : flags) {
            if (flag) {
                count++;
            }
        }
        return count;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
