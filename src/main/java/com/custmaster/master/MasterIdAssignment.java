package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.SourceRecordKey;
import java.util.List;
import java.util.Map;

/**
 * The outcome of assigning master IDs to one run's clusters.
 *
 * @param clusterIds the master ID of each cluster, in cluster order
 * @param retired retired ID to the ID it now redirects to
 * @param events every creation, merge and split, in a stable order
 * @param nextIdNumber the number the next new ID will get
 */
public record MasterIdAssignment(List<String> clusterIds, Map<String, String> retired, List<MasterEvent> events,
                                 long nextIdNumber) {

    public MasterIdAssignment {
        requireNonNull(clusterIds, "clusterIds is null");
        requireNonNull(retired, "retired is null");
        requireNonNull(events, "events is null");
        clusterIds = List.copyOf(clusterIds);
        retired = Map.copyOf(retired);
        events = List.copyOf(events);
    }

    public long count(MasterEvent.Kind kind) {
        return events.stream().filter(event -> event.kind() == kind).count();
    }

    /** Convenience for callers that need the crosswalk: each record of each cluster to its ID. */
    public static Map<SourceRecordKey, String> crosswalk(List<List<SourceRecordKey>> clusters, List<String> ids) {
        Map<SourceRecordKey, String> xref = new java.util.HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (SourceRecordKey key : clusters.get(i)) {
                xref.put(key, ids.get(i));
            }
        }
        return xref;
    }
}
