package com.custmaster.domain;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names of the contact attributes that blocking rules and comparisons may use in
 * {@code conf/matching.yml}, each with the canonical fields it is derived from. One place, so the
 * configuration is validated against the same list the matcher extracts (the matcher's
 * {@code MatchFields} has a test that it covers exactly these names).
 *
 * <p>The derivation matters for training: when the model learns from the pairs of a blocking rule
 * on {@code birth_year}, it must not learn anything about birth dates from them (they all agree on
 * the year by construction), so every comparison derived from {@code birth_date} is left out of
 * that rule's estimate; a comparison of given names still learns from a rule on family names.
 */
public final class MatchKeys {

    private static final Map<String, Set<String>> BASES = Map.ofEntries(
            Map.entry("name_key", Set.of("given_name", "family_name")),
            Map.entry("given_key", Set.of("given_name")),
            Map.entry("family_key", Set.of("family_name")),
            Map.entry("given_initial", Set.of("given_name")),
            Map.entry("family_initial", Set.of("family_name")),
            Map.entry("email_key", Set.of("email")),
            Map.entry("email_user", Set.of("email")),
            Map.entry("phone", Set.of("phone")),
            Map.entry("birth_date", Set.of("birth_date")),
            Map.entry("birth_year", Set.of("birth_date")),
            Map.entry("postcode", Set.of("postcode")),
            Map.entry("city", Set.of("city")),
            Map.entry("region", Set.of("region")),
            Map.entry("address_line", Set.of("address_line")),
            Map.entry("company_key", Set.of("company")),
            Map.entry("id_number", Set.of("id_number")),
            Map.entry("country", Set.of("country")));

    private MatchKeys() {
    }

    public static Set<String> names() {
        return new TreeSet<>(BASES.keySet());
    }

    public static boolean isKnown(String name) {
        return BASES.containsKey(name);
    }

    /**
     * The canonical fields a key is derived from ({@code given_name} and {@code family_name} for
     * {@code name_key}; {@code birth_date} for {@code birth_year}).
     */
    public static Set<String> bases(String name) {
        Set<String> bases = BASES.get(name);
        if (bases == null) {
            throw new IllegalArgumentException("unknown match key: " + name);
        }
        return bases;
    }
}
