package com.custmaster.match;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;

/**
 * What people decided about pairs of records, as matching uses it: pairs that are one customer
 * ({@code same}: joined whatever their score, and labelled matches when a model is trained) and
 * pairs that are not ({@code different}: never in one cluster). A pair is in at most one of the two.
 * Pairs naming a record that is no longer there are ignored by matching.
 */
public record StewardLinks(Set<RecordPair> same, Set<RecordPair> different) {

    /** No decisions. */
    public static final StewardLinks NONE = new StewardLinks(Set.of(), Set.of());

    public StewardLinks {
        requireNonNull(same, "same is null");
        requireNonNull(different, "different is null");
        same = Set.copyOf(same);
        different = Set.copyOf(different);
        Set<RecordPair> both = new HashSet<>(same);
        both.retainAll(different);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("pairs decided both same and different: " + both);
        }
    }

    public boolean isEmpty() {
        return same.isEmpty() && different.isEmpty();
    }

    public int size() {
        return same.size() + different.size();
    }
}
