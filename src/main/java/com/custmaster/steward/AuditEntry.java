package com.custmaster.steward;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One row of {@code master_audit}: a change to a master record by the nightly (actor
 * {@code nightly-match}, with its run date) or an action of a steward (their name, no run date).
 */
public record AuditEntry(long id, LocalDate runDate, String action, String masterId, String relatedMasterId, String actor,
                         String detail, String reason, LocalDateTime createdAt) {

    public AuditEntry {
        requireNonNull(action, "action is null");
        requireNonNull(masterId, "masterId is null");
        requireNonNull(actor, "actor is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
