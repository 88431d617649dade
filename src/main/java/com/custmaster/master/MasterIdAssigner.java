package com.custmaster.master;

import com.custmaster.domain.SourceRecordKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps master IDs stable across runs. Each existing ID stays with the cluster that holds most of
 * its records (ties: the earlier cluster). A cluster that keeps several IDs is a merge: the oldest
 * (lowest number) survives and the others are retired, redirecting to it. A cluster that keeps none
 * gets a new ID: a split when its records had an ID before, a creation otherwise. IDs are never
 * reused. Pure: no database, so it can be tested over simulated nights.
 */
public final class MasterIdAssigner {

    static final String PREFIX = "M";
    static final int DIGITS = 9;

    private MasterIdAssigner() {
    }

    public static String format(long number) {
        return PREFIX + String.format(Locale.ROOT, "%0" + DIGITS + "d", number);
    }

    /**
     * @param clusters this run's clusters, in a stable order
     * @param previous the crosswalk before this run (records not in it are new)
     * @param nextIdNumber the number the next new ID gets
     */
    public static MasterIdAssignment assign(List<List<SourceRecordKey>> clusters, Map<SourceRecordKey, String> previous,
                                            long nextIdNumber) {
        // For each existing ID: how many of its records each cluster holds.
        Map<String, Map<Integer, Integer>> holdings = new TreeMap<>();
        for (int c = 0; c < clusters.size(); c++) {
            for (SourceRecordKey key : clusters.get(c)) {
                String id = previous.get(key);
                if (id != null) {
                    holdings.computeIfAbsent(id, k -> new TreeMap<>()).merge(c, 1, Integer::sum);
                }
            }
        }
        Map<Integer, TreeSet<String>> kept = new HashMap<>();
        for (Map.Entry<String, Map<Integer, Integer>> entry : holdings.entrySet()) {
            int home = -1;
            int best = -1;
            for (Map.Entry<Integer, Integer> holding : entry.getValue().entrySet()) {
                if (holding.getValue() > best) {
                    best = holding.getValue();
                    home = holding.getKey();
                }
            }
            kept.computeIfAbsent(home, k -> new TreeSet<>()).add(entry.getKey());
        }

        List<String> ids = new ArrayList<>(clusters.size());
        Map<String, String> retired = new TreeMap<>();
        List<MasterEvent> events = new ArrayList<>();
        long next = nextIdNumber;
        for (int c = 0; c < clusters.size(); c++) {
            TreeSet<String> own = kept.get(c);
            if (own == null || own.isEmpty()) {
                String id = format(next++);
                ids.add(id);
                String origin = formerId(clusters.get(c), previous);
                if (origin == null) {
                    events.add(new MasterEvent(MasterEvent.Kind.CREATED, id, null,
                            clusters.get(c).size() + " source record(s)"));
                } else {
                    events.add(new MasterEvent(MasterEvent.Kind.SPLIT, id, origin,
                            clusters.get(c).size() + " source record(s) split from " + origin));
                }
                continue;
            }
            String survivor = own.first();
            ids.add(survivor);
            for (String other : own.tailSet(survivor, false)) {
                retired.put(other, survivor);
                events.add(new MasterEvent(MasterEvent.Kind.MERGED, other, survivor, other + " merged into " + survivor));
            }
        }
        return new MasterIdAssignment(ids, retired, events, next);
    }

    /** The lowest former ID among a cluster's records, or null when all of them are new. */
    private static String formerId(List<SourceRecordKey> cluster, Map<SourceRecordKey, String> previous) {
        String former = null;
        for (SourceRecordKey key : cluster) {
            String id = previous.get(key);
            if (id != null && (former == null || id.compareTo(former) < 0)) {
                former = id;
            }
        }
        return former;
    }
}
