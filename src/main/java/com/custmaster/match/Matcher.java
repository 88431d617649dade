package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public MatchResult match(List<Contact> input) {
        List<Contact> contacts = new ArrayList<>(input);
        contacts.sort(Comparator.comparing(Contact::key));
        MatchRun run = new MatchEngine(config).run(contacts);

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
        return new MatchResult(clusters, kept, run.candidatePairsPerRule(), run.oversizedBlocksPerRule(), run.model());
    }
}
