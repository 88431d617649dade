package com.custmaster.match;

import com.custmaster.domain.Contact;
import com.custmaster.domain.MatchKeys;
import com.custmaster.normalize.Addresses;
import com.custmaster.normalize.Names;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How each match key of {@link MatchKeys} is read from a contact: the normalised value, or a key
 * derived from it (romanised name parts, initials, birth year, address with abbreviations unified).
 * Values are text; a missing or blank value is null.
 */
final class MatchFields {

    private static final Map<String, Function<Contact, String>> EXTRACTORS = Map.ofEntries(
            Map.entry("name_key", Contact::nameKey),
            Map.entry("given_key", contact -> Names.partKey(contact.givenName(), false)),
            Map.entry("family_key", contact -> Names.partKey(contact.familyName(), true)),
            Map.entry("given_initial", contact -> initial(Names.partKey(contact.givenName(), false))),
            Map.entry("family_initial", contact -> initial(Names.partKey(contact.familyName(), true))),
            Map.entry("email_key", Contact::emailKey),
            Map.entry("email_user", contact -> emailUser(contact.emailKey())),
            Map.entry("phone", Contact::phone),
            Map.entry("birth_date", contact -> contact.birthDate() == null ? null : contact.birthDate().toString()),
            Map.entry("birth_year", contact -> contact.birthDate() == null ? null
                    : Integer.toString(contact.birthDate().getYear())),
            Map.entry("postcode", Contact::postcode),
            Map.entry("city", contact -> lower(contact.city())),
            Map.entry("region", contact -> lower(contact.region())),
            Map.entry("address_line", contact -> Addresses.lineKey(contact.addressLine())),
            Map.entry("company_key", Contact::companyKey),
            Map.entry("id_number", Contact::idNumber),
            Map.entry("country", Contact::country));

    private MatchFields() {
    }

    static Set<String> names() {
        return EXTRACTORS.keySet();
    }

    /** The key's value for one contact, null when missing. */
    static String value(Contact contact, String key) {
        Function<Contact, String> extractor = EXTRACTORS.get(key);
        if (extractor == null) {
            throw new IllegalArgumentException("unknown match key: " + key + " (known: " + MatchKeys.names() + ")");
        }
        String value = extractor.apply(contact);
        return value == null || value.isBlank() ? null : value;
    }

    /** Keys derived from another key's value: computed from that column, not from the contact again. */
    private static final Map<String, String> DERIVED_FROM = Map.of("given_initial", "given_key",
            "family_initial", "family_key", "birth_year", "birth_date");

    /** Columns of the given keys for all contacts (equal values are told apart by {@link RecordTable#ids}). */
    static Map<String, String[]> columns(List<Contact> contacts, Set<String> keys) {
        Map<String, String[]> columns = new java.util.HashMap<>();
        java.util.List<String> ordered = new java.util.ArrayList<>(keys);
        // base keys first, so derived ones can be read off them
        ordered.sort(java.util.Comparator.comparing(key -> DERIVED_FROM.containsKey(key) ? 1 : 0));
        for (String key : ordered) {
            String[] column = new String[contacts.size()];
            String base = DERIVED_FROM.get(key);
            String[] baseColumn = base == null ? null : columns.get(base);
            if (baseColumn != null) {
                java.util.stream.IntStream.range(0, column.length).parallel()
                        .forEach(i -> column[i] = derived(key, baseColumn[i]));
            } else {
                java.util.stream.IntStream.range(0, column.length).parallel()
                        .forEach(i -> column[i] = value(contacts.get(i), key));
            }
            columns.put(key, column);
        }
        return columns;
    }

    /** The part of an e-mail key before the "@" ("t.m39" of "t.m39@example.com"), null without one. */
    private static String emailUser(String emailKey) {
        int at = emailKey == null ? -1 : emailKey.indexOf('@');
        return at > 0 ? emailKey.substring(0, at) : null;
    }

    private static String derived(String key, String base) {
        if (base == null) {
            return null;
        }
        return "birth_year".equals(key) ? base.substring(0, 4) : initial(base);
    }

    private static String initial(String key) {
        return key == null || key.isEmpty() ? null : key.substring(0, 1);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }
}
