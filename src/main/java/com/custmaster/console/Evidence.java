package com.custmaster.console;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * One comparison of a scored pair as the nightly stored it in {@code match_pair.evidence}
 * ({@code "field=level:weight; …"}, docs/database.md), split for the pair page's table.
 *
 * @param weight the weight in bits as stored (signed text such as {@code +4.31}), or empty when the entry had none
 */
record Evidence(String field, String level, String weight) {

    Evidence {
        requireNonNull(field, "field is null");
        requireNonNull(level, "level is null");
        requireNonNull(weight, "weight is null");
    }

    /** The entries of an evidence text in order; an entry not of the stored form is kept whole as its field. */
    static List<Evidence> parse(String text) {
        List<Evidence> entries = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return entries;
        }
        for (String part : text.split(";")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            int colon = entry.lastIndexOf(':');
            if (equals <= 0 || colon < equals) {
                entries.add(new Evidence(entry, "", ""));
            } else {
                entries.add(new Evidence(entry.substring(0, equals), entry.substring(equals + 1, colon),
                        entry.substring(colon + 1)));
            }
        }
        return entries;
    }
}
