package com.custmaster.match;

import com.custmaster.config.MatchingConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.MatchKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Blocking: records that agree on all keys of at least one rule become candidate pairs. Rules are
 * OR-ed; a pair keeps the first rule that produced it. Blocks larger than the configured maximum
 * are skipped (and counted) so one shared switchboard number cannot produce millions of pairs.
 */
public final class CandidatePairs {

    /** A candidate pair by index into the contact list, with the rule that found it. */
    public record Candidate(int left, int right, String rule) {
    }

    private CandidatePairs() {
    }

    public static List<Candidate> generate(List<Contact> contacts, MatchingConfig config, Map<String, Long> pairsPerRule,
                                           Map<String, Long> oversizedBlocks) {
        Map<Long, Candidate> pairs = new LinkedHashMap<>();
        for (MatchingConfig.BlockingRule rule : config.blockingRules()) {
            Map<String, List<Integer>> blocks = new HashMap<>();
            for (int i = 0; i < contacts.size(); i++) {
                int index = i;
                blockKey(contacts.get(i), rule).ifPresent(key -> blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(index));
            }
            long added = 0;
            long oversized = 0;
            for (List<Integer> block : blocks.values()) {
                if (block.size() < 2) {
                    continue;
                }
                if (block.size() > config.maxBlockSize()) {
                    oversized++;
                    continue;
                }
                for (int x = 0; x < block.size(); x++) {
                    for (int y = x + 1; y < block.size(); y++) {
                        int a = Math.min(block.get(x), block.get(y));
                        int b = Math.max(block.get(x), block.get(y));
                        long id = ((long) a << 32) | b;
                        if (!pairs.containsKey(id)) {
                            pairs.put(id, new Candidate(a, b, rule.name()));
                            added++;
                        }
                    }
                }
            }
            pairsPerRule.merge(rule.name(), added, Long::sum);
            oversizedBlocks.merge(rule.name(), oversized, Long::sum);
        }
        return new ArrayList<>(pairs.values());
    }

    private static Optional<String> blockKey(Contact contact, MatchingConfig.BlockingRule rule) {
        StringBuilder key = new StringBuilder();
        for (String field : rule.keys()) {
            Optional<String> value = MatchKeys.value(contact, field);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            key.append(value.get()).append('\u0001');
        }
        return Optional.of(key.toString());
    }
}
