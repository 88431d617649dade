package com.custmaster.synth;

import java.time.LocalDate;

/**
 * The four systems a contact can come from. Each has its own id scheme, formats and error profile;
 * {@link #code()} is the value of the {@code source} column in orders.csv and contacts_truth.csv.
 */
enum Source {
    CRM("crm", LocalDate.of(2019, 1, 1), SampleDataGenerator.AS_OF.minusDays(1)),
    CALL_CENTRE("callcentre", LocalDate.of(2024, 1, 1), SampleDataGenerator.AS_OF.minusDays(1)),
    DISTRIBUTOR("distributor", LocalDate.of(2020, 1, 1), SampleDataGenerator.AS_OF.minusDays(1)),
    LEGACY_ERP("legacy_erp", LocalDate.of(2012, 1, 1), LocalDate.of(2021, 12, 31));

    private final String code;
    private final LocalDate firstUpdate;
    private final LocalDate lastUpdate;

    Source(String code, LocalDate firstUpdate, LocalDate lastUpdate) {
        this.code = code;
        this.firstUpdate = firstUpdate;
        this.lastUpdate = lastUpdate;
    }

    String code() {
        return code;
    }

    /** Earliest "updated at" a record of this source carries. */
    LocalDate firstUpdate() {
        return firstUpdate;
    }

    /** Latest "updated at" a record of this source carries (the legacy ERP was frozen in 2021). */
    LocalDate lastUpdate() {
        return lastUpdate;
    }
}
