package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * A change to the set of master IDs, written to the audit.
 *
 * @param masterId the ID the event is about (the new ID of a split, the retired ID of a merge)
 * @param relatedMasterId the survivor of a merge, or the ID a split came from; null for a creation
 */
public record MasterEvent(Kind kind, String masterId, String relatedMasterId, String detail) {

    public enum Kind {
        /** A new master record for records never seen together before. */
        CREATED,
        /** The master ID was retired into {@code relatedMasterId}, which survives. */
        MERGED,
        /** Records left {@code relatedMasterId} and got this new ID. */
        SPLIT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MasterEvent {
        requireNonNull(kind, "kind is null");
        requireNonNull(masterId, "masterId is null");
        requireNonNull(detail, "detail is null");
    }
}
