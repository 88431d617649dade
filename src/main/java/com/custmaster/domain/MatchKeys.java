package com.custmaster.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The contact attributes that blocking rules and comparisons may name in {@code conf/matching.yml}.
 * One place, so the configuration is validated against the same list the matcher reads.
 */
public final class MatchKeys {

    private static final Map<String, Function<Contact, Object>> KEYS = Map.ofEntries(
            Map.entry("name_key", Contact::nameKey),
            Map.entry("given_name", Contact::givenName),
            Map.entry("family_name", Contact::familyName),
            Map.entry("email_key", Contact::emailKey),
            Map.entry("phone", Contact::phone),
            Map.entry("birth_date", Contact::birthDate),
            Map.entry("birth_year", contact -> contact.birthDate() == null ? null : contact.birthDate().getYear()),
            Map.entry("postcode", Contact::postcode),
            Map.entry("city", Contact::city),
            Map.entry("address_line", Contact::addressLine),
            Map.entry("company_key", Contact::companyKey),
            Map.entry("id_number", Contact::idNumber),
            Map.entry("country", Contact::country));

    private MatchKeys() {
    }

    public static Set<String> names() {
        return new java.util.TreeSet<>(KEYS.keySet());
    }

    public static boolean isKnown(String name) {
        return KEYS.containsKey(name);
    }

    /** The attribute as text (dates in ISO form), empty when missing or blank. */
    public static Optional<String> value(Contact contact, String name) {
        Function<Contact, Object> getter = KEYS.get(name);
        if (getter == null) {
            throw new IllegalArgumentException("unknown match key: " + name);
        }
        Object value = getter.apply(contact);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
