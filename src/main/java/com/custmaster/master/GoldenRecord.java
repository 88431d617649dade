package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import com.custmaster.domain.SourceRecordKey;
import java.time.LocalDate;
import java.util.Map;

/**
 * The best view of one customer, assembled from its source records, with the lineage of every
 * field: which source record it came from and by which rule.
 */
public record GoldenRecord(
        String masterId,
        String fullName,
        String givenName,
        String familyName,
        String email,
        String phone,
        LocalDate birthDate,
        String addressLine,
        String city,
        String postcode,
        String region,
        String country,
        String company,
        String idNumber,
        int sourceCount,
        Map<String, Lineage> lineage) {

    public GoldenRecord {
        requireNonNull(masterId, "masterId is null");
        requireNonNull(lineage, "lineage is null");
        if (sourceCount < 1) {
            throw new IllegalArgumentException("a golden record needs at least one source record: " + masterId);
        }
        lineage = Map.copyOf(lineage);
    }

    /** Where a golden field's value came from. */
    public record Lineage(SourceRecordKey from, String rule) {
        public Lineage {
            requireNonNull(from, "from is null");
            requireNonNull(rule, "rule is null");
        }
    }
}
