package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.SourceRecordKey;
import java.util.List;
import java.util.Map;

/**
 * What matching a set of contacts yields.
 *
 * @param clusters groups of source records judged to be one customer, each sorted, the list sorted
 *                 by first member; every input record is in exactly one cluster
 * @param pairs scored pairs at or above the review threshold
 * @param candidatePairsPerRule candidate pairs each blocking rule produced that were compared
 * @param oversizedBlocks blocks skipped per rule because they exceeded the maximum size
 * @param model the trained model that scored the pairs (saved with the run)
 * @param comparedPairs pairs compared on this run
 * @param carriedPairs pairs kept from an earlier run (between unchanged records; incremental runs)
 * @param weightHistogram pairs compared on this run per whole bit of match weight (see
 *                        {@link MatchRun#weightHistogram()}), for the run report
 */
public record MatchResult(List<List<SourceRecordKey>> clusters, List<ScoredPair> pairs,
                          Map<String, Long> candidatePairsPerRule, Map<String, Long> oversizedBlocks, MatchModel model,
                          long comparedPairs, long carriedPairs, java.util.SortedMap<Integer, Long> weightHistogram) {

    public MatchResult {
        if (comparedPairs < 0 || carriedPairs < 0) {
            throw new IllegalArgumentException("pair counts must not be negative");
        }
        requireNonNull(clusters, "clusters is null");
        requireNonNull(pairs, "pairs is null");
        requireNonNull(model, "model is null");
        clusters = List.copyOf(clusters);
        pairs = List.copyOf(pairs);
        candidatePairsPerRule = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(candidatePairsPerRule));
        oversizedBlocks = Map.copyOf(oversizedBlocks);
        weightHistogram = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(
                requireNonNull(weightHistogram, "weightHistogram is null")));
    }

    public long count(MatchDecision decision) {
        return pairs.stream().filter(pair -> pair.decision() == decision).count();
    }
}
