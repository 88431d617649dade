package com.custmaster.steward;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.Contact;
import com.custmaster.master.GoldenRecord;
import java.util.List;

/**
 * A master record as a steward sees it: the golden record with the lineage of each field, its
 * source records, what happened to it, and the decisions about its records that hold.
 *
 * @param requestedId the ID asked for; differs from {@code golden.masterId()} when it was retired and redirects
 * @param status {@code active} or {@code retired}
 * @param members its source records now (empty for a retired ID)
 * @param history the audit of this ID and every ID retired into it, oldest first
 * @param decisions steward actions about it or its records that hold (not undone), newest first
 */
public record MasterView(String requestedId, String status, GoldenRecord golden, List<Contact> members,
                         List<AuditEntry> history, List<StewardAction> decisions) {

    public MasterView {
        requireNonNull(requestedId, "requestedId is null");
        requireNonNull(status, "status is null");
        requireNonNull(golden, "golden is null");
        members = List.copyOf(members);
        history = List.copyOf(history);
        decisions = List.copyOf(decisions);
    }

    /** True when the ID asked for was retired into another (the golden record is the survivor's). */
    public boolean redirected() {
        return !requestedId.equals(golden.masterId());
    }
}
