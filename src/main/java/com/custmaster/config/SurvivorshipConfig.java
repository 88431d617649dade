package com.custmaster.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a golden record picks each group of fields from its source records, from
 * {@code conf/survivorship.yml}. Groups move as a whole (a name's parts from one record, an
 * address's street, city and postcode from one record), so a golden record never mixes two people's
 * halves.
 *
 * @param defaultRule the rule for groups not listed
 * @param groups rule per group (see {@link #GROUPS})
 */
public record SurvivorshipConfig(Rule defaultRule, Map<String, Rule> groups) {

    /** The groups of golden-record fields a rule can be set for. */
    public static final List<String> GROUPS = List.of("name", "email", "phone", "birth_date", "address", "company",
            "id_number");

    /** The rule of the shipped defaults: the most trusted source first, the most recent within it. */
    public static final SurvivorshipConfig DEFAULT = new SurvivorshipConfig(Rule.SOURCE_PRIORITY, Map.of());

    public SurvivorshipConfig {
        requireNonNull(defaultRule, "defaultRule is null");
        requireNonNull(groups, "groups is null");
        for (String group : groups.keySet()) {
            if (!GROUPS.contains(group)) {
                throw new IllegalArgumentException("unknown survivorship group '" + group + "' (known: " + GROUPS + ")");
            }
        }
        groups = Map.copyOf(groups);
    }

    public Rule ruleFor(String group) {
        return groups.getOrDefault(group, defaultRule);
    }

    /** How one group's value is chosen; ties always fall back to source priority, then recency, then key. */
    public enum Rule {
        /** The record of the most trusted source (priority 1 first), the most recent within a source. */
        SOURCE_PRIORITY,
        /** The most recently updated record that has the group. */
        MOST_RECENT,
        /** The record with the most of the group's fields filled (for one field: the longest value). */
        MOST_COMPLETE,
        /** The value most records agree on. */
        MOST_FREQUENT;

        /** The name used in configuration and in the lineage ("most_recent"). */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
