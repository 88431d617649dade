package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matching facade in source-record terms: contacts in, clusters of source record keys and the
 * pairs worth keeping (merged or for review) out, with the model that scored them. Deterministic:
 * the same contacts give the same clusters in any order (they are sorted by key first).
 */
public final class Matcher {

    private final MatchingConfig config;

    public Matcher(MatchingConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** Matches with a model trained on the input itself: the first night, a retraining, the ad-hoc command. */
    public MatchResult match(List<Contact> input) {
        return match(input, StewardLinks.NONE);
    }

    /**
     * As {@link #match(List)}, honouring people's decisions: pairs decided the same customer are
     * joined (and teach the model what a match looks like), pairs decided different never share a
     * cluster.
     */
    public MatchResult match(List<Contact> input, StewardLinks links) {
        requireNonNull(links, "links is null");
        List<Contact> contacts = sorted(input);
        Map<SourceRecordKey, Integer> index = index(contacts);
        long[] same = indexPairs(links.same(), index);
        return result(contacts, new MatchEngine(config).run(contacts, same, indexPairs(links.different(), index), Map.of(),
                same));
    }

    /**
     * Matches with a model trained before. With {@code changed} (the keys of new and changed
     * records), only pairs with such a record are compared, and the earlier pairs between records
     * that are still there and unchanged are kept as they were scored; with null, every candidate
     * pair is compared again (a full rebuild) and {@code previousPairs} is not used.
     */
    public MatchResult match(List<Contact> input, MatchModel model, Set<SourceRecordKey> changed, List<ScoredPair> previousPairs) {
        return match(input, model, changed, previousPairs, StewardLinks.NONE);
    }

    /** As {@link #match(List, MatchModel, Set, List)}, honouring people's decisions (see {@link #match(List, StewardLinks)}). */
    public MatchResult match(List<Contact> input, MatchModel model, Set<SourceRecordKey> changed, List<ScoredPair> previousPairs,
                             StewardLinks links) {
        requireNonNull(model, "model is null");
        requireNonNull(links, "links is null");
        requireNonNull(previousPairs, "previousPairs is null");
        List<Contact> contacts = sorted(input);
        MatchEngine.Previous previous;
        if (changed == null) {
            previous = new MatchEngine.Previous(model, null, List.of());
        } else {
            Map<SourceRecordKey, Integer> index = new HashMap<>();
            boolean[] flags = new boolean[contacts.size()];
            for (int i = 0; i < contacts.size(); i++) {
                index.put(contacts.get(i).key(), i);
                flags[i] = changed.contains(contacts.get(i).key());
            }
            List<CarriedPair> carried = new ArrayList<>();
            for (ScoredPair pair : previousPairs) {
                Integer left = index.get(pair.left());
                Integer right = index.get(pair.right());
                if (left != null && right != null && !flags[left] && !flags[right]) {
                    carried.add(new CarriedPair(left, right, pair.blockingRule(), pair.levels(), pair.matchWeight(),
                            pair.decision()));
                }
            }
            previous = new MatchEngine.Previous(model, flags, carried);
        }
        Map<SourceRecordKey, Integer> index = index(contacts);
        return result(contacts, new MatchEngine(config).run(contacts, previous, indexPairs(links.same(), index),
                indexPairs(links.different(), index)));
    }

    private static Map<SourceRecordKey, Integer> index(List<Contact> contacts) {
        Map<SourceRecordKey, Integer> index = new HashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            index.put(contacts.get(i).key(), i);
        }
        return index;
    }

    /** Record pairs as packed index pairs (smaller index high), in a stable order; pairs of absent records are left out. */
    private static long[] indexPairs(Set<RecordPair> pairs, Map<SourceRecordKey, Integer> index) {
        return pairs.stream().sorted().mapToLong(pair -> {
            Integer left = index.get(pair.left());
            Integer right = index.get(pair.right());
            return left == null || right == null ? -1L : ((long) left << 32) | right;
        }).filter(packed -> packed >= 0).toArray();
    }

    private static List<Contact> sorted(List<Contact> input) {
        List<Contact> contacts = new ArrayList<>(input);
        contacts.sort(Comparator.comparing(Contact::key));
        return contacts;
    }

    private static MatchResult result(List<Contact> contacts, MatchRun run) {
        Map<Integer, List<SourceRecordKey>> byCluster = new LinkedHashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            byCluster.computeIfAbsent(run.clusterOf(i), cluster -> new ArrayList<>()).add(contacts.get(i).key());
        }
        List<List<SourceRecordKey>> clusters = new ArrayList<>();
        byCluster.values().forEach(members -> clusters.add(List.copyOf(members)));
        List<ScoredPair> kept = new ArrayList<>();
        for (int p = 0; p < run.pairCount(); p++) {
            if (run.decision(p) != MatchDecision.DISTINCT) {
                kept.add(new ScoredPair(contacts.get(run.left(p)).key(), contacts.get(run.right(p)).key(), run.blockingRule(p),
                        run.evidence(p), run.matchWeight(p), run.matchProbability(p), run.decision(p)));
            }
        }
        kept.sort(Comparator.comparing(ScoredPair::left).thenComparing(ScoredPair::right));
        return new MatchResult(clusters, kept, run.candidatePairsPerRule(), run.oversizedBlocksPerRule(), run.model(),
                run.comparedPairCount(), run.pairCount() - run.comparedPairCount(), run.weightHistogram());
    }
}
