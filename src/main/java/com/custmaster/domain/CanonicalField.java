package com.custmaster.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The canonical contact fields every source is mapped onto. Sources differ in shape; matching,
 * survivorship and the outputs only ever speak these names, so a new source is configuration, not code.
 */
public enum CanonicalField {
    SOURCE_RECORD_ID("source_record_id"),
    GIVEN_NAME("given_name"),
    FAMILY_NAME("family_name"),
    FULL_NAME("full_name"),
    EMAIL("email"),
    PHONE("phone"),
    BIRTH_DATE("birth_date"),
    ADDRESS_LINE("address_line"),
    CITY("city"),
    POSTCODE("postcode"),
    REGION("region"),
    COUNTRY("country"),
    COMPANY("company"),
    ID_NUMBER("id_number"),
    UPDATED_AT("updated_at");

    private final String key;

    CanonicalField(String key) {
        this.key = key;
    }

    /** The name used in configuration files, database columns and Parquet outputs. */
    public String key() {
        return key;
    }

    public static Optional<CanonicalField> fromKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }
}
