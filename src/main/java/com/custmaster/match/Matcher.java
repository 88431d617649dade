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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matching facade: blocking, scoring, and clustering as connected components over pairs at or
 * above the merge threshold. Deterministic: the same contacts give the same clusters in any order.
 */
public final class Matcher {

    private static final Logger LOG = LoggerFactory.getLogger(Matcher.class);

    private final MatchingConfig config;
    private final PairScorer scorer;

    public Matcher(MatchingConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.scorer = new PairScorer(config);
    }

    public MatchResult match(List<Contact> input) {
        List<Contact> contacts = new ArrayList<>(input);
        contacts.sort(Comparator.comparing(Contact::key));
        Map<String, Long> pairsPerRule = new LinkedHashMap<>();
        Map<String, Long> oversized = new LinkedHashMap<>();
        List<CandidatePairs.Candidate> candidates = CandidatePairs.generate(contacts, config, pairsPerRule, oversized);
        pairsPerRule.forEach((rule, count) -> LOG.info("blocking rule {}: {} candidate pairs, {} oversized blocks skipped",
                rule, count, oversized.getOrDefault(rule, 0L)));

        UnionFind components = new UnionFind(contacts.size());
        List<ScoredPair> kept = new ArrayList<>();
        for (CandidatePairs.Candidate candidate : candidates) {
            ScoredPair pair = scorer.score(contacts.get(candidate.left()), contacts.get(candidate.right()), candidate.rule());
            if (pair.decision() == MatchDecision.MATCH) {
                components.union(candidate.left(), candidate.right());
            }
            if (pair.decision() != MatchDecision.DISTINCT) {
                kept.add(pair);
            }
        }
        Map<Integer, List<SourceRecordKey>> byRoot = new HashMap<>();
        for (int i = 0; i < contacts.size(); i++) {
            byRoot.computeIfAbsent(components.find(i), root -> new ArrayList<>()).add(contacts.get(i).key());
        }
        List<List<SourceRecordKey>> clusters = new ArrayList<>();
        for (List<SourceRecordKey> members : byRoot.values()) {
            members.sort(Comparator.naturalOrder());
            clusters.add(List.copyOf(members));
        }
        clusters.sort(Comparator.comparing(cluster -> cluster.get(0)));
        kept.sort(Comparator.comparing(ScoredPair::left).thenComparing(ScoredPair::right));
        MatchResult result = new MatchResult(clusters, kept, pairsPerRule, oversized);
        LOG.info("matched {} records into {} clusters: {} pairs merged, {} for review", contacts.size(), clusters.size(),
                result.count(MatchDecision.MATCH), result.count(MatchDecision.REVIEW));
        return result;
    }
}
