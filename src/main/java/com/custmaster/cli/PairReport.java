package com.custmaster.cli;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.master.StoredPairs;
import com.custmaster.match.PairExplanation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * An explained pair as the operator reads it: a side-by-side table of the compared values with each
 * level and weight, the totals, the decision and how blocking sees the pair, and (nightly) what the
 * runs stored about it; or the same as JSON for tools. Prints personal data, on purpose: it is for the
 * terminal of the person who asked, never for a log.
 *
 * @param leftLabel how the left record is named (SOURCE:ID, or the dedupe's record id)
 * @param model the model file the pair was scored with
 * @param records how many records the population had (term frequencies and blocks are over these)
 * @param stored the pair's rows in match_pair, newest first; null when there is no database (dedupe)
 * @param modelDate the run date of the model (nightly), or null
 * @param leftMaster the left record's master ID, or null
 */
record PairReport(String leftLabel, String rightLabel, PairExplanation explanation, MatchingConfig config, Path model,
                  int records, LocalDate modelDate, List<StoredPairs.StoredPair> stored, String leftMaster,
                  String rightMaster) {

    private static final int VALUE_WIDTH = 26;

    PairReport {
        requireNonNull(leftLabel, "leftLabel is null");
        requireNonNull(rightLabel, "rightLabel is null");
        requireNonNull(explanation, "explanation is null");
        requireNonNull(config, "config is null");
        requireNonNull(model, "model is null");
        stored = stored == null ? null : List.copyOf(stored);
    }

    String text() {
        StringBuilder text = new StringBuilder();
        PairExplanation e = explanation;
        text.append(String.format(Locale.ROOT, "pair %s ~ %s, scored with %s over %,d records%n%n", leftLabel, rightLabel,
                model, records));
        String row = "%-14s %-" + VALUE_WIDTH + "s %-" + VALUE_WIDTH + "s %-24s %9s %9s %8s%s%n";
        text.append(String.format(Locale.ROOT, row, "field", cell(leftLabel), cell(rightLabel), "level", "m", "u",
                "weight", ""));
        boolean termFrequency = false;
        for (PairExplanation.FieldExplanation field : e.fields()) {
            termFrequency |= field.termFrequencyAdjusted();
            text.append(String.format(Locale.ROOT, row, field.field(), cell(field.leftValue()), cell(field.rightValue()),
                    field.level(), probability(field.m()), probability(field.u()),
                    bits(field.weight()), field.termFrequencyAdjusted() ? "*" : ""));
        }
        String total = "%-" + (14 + 2 * (VALUE_WIDTH + 1) + 24 + 2 * 10) + "s %8s%n";
        text.append(String.format(Locale.ROOT, total, "prior (log-odds of a random pair matching)", bits(e.priorWeight())));
        text.append(String.format(Locale.ROOT, total, "match weight (bits)", bits(e.matchWeight())));
        if (termFrequency) {
            text.append("* exact agreement weighed by how common the value is (term frequency): log2(m / share of "
                    + "records with the value)\n");
        }
        text.append('\n');
        text.append(String.format(Locale.ROOT, "match probability %.6f: %s%n", e.matchProbability(), decision()));
        text.append(blocking());
        if (stored != null) {
            text.append(storedText());
        }
        if (leftMaster != null || rightMaster != null) {
            String customers = leftMaster == null || rightMaster == null ? ""
                    : leftMaster.equals(rightMaster) ? " (one customer)" : " (two customers)";
            text.append(String.format(Locale.ROOT, "master IDs: %s %s, %s %s%s%n", leftLabel, orNone(leftMaster), rightLabel,
                    orNone(rightMaster), customers));
        }
        return text.toString();
    }

    private String decision() {
        PairExplanation e = explanation;
        String thresholds = String.format(Locale.ROOT, "merge at %.2f, review at %.2f", config.mergeThreshold(),
                config.reviewThreshold());
        String decision = switch (e.decision()) {
            case MATCH -> "match (" + thresholds + ")";
            case REVIEW -> e.mergeGuard() != null
                    ? "review: above the merge threshold, but held back by the merge guard \"" + e.mergeGuard().different()
                    + " different" + (e.mergeGuard().unlessExact().isEmpty() ? ""
                    : ", unless " + String.join(" or ", e.mergeGuard().unlessExact()) + " agree exactly")
                    + "\" (" + thresholds + ")"
                    : "review (" + thresholds + ")";
            case DISTINCT -> "distinct (" + thresholds + ")";
        };
        return e.compared() ? decision : "would be " + decision + ", but the pair is never compared (below)";
    }

    private String blocking() {
        StringBuilder text = new StringBuilder();
        PairExplanation e = explanation;
        if (e.sharedBlocks().isEmpty()) {
            text.append("blocking: never compared: the records agree on the keys of no blocking rule (they can still "
                    + "share a cluster through other records)\n");
            return text.toString();
        }
        text.append(e.compared() ? "blocking: compared, found by rule " + e.blockingRule() + "\n"
                : "blocking: never compared: every block the records share is larger than max_block_size "
                        + config.maxBlockSize() + " and skipped\n");
        for (PairExplanation.SharedBlock block : e.sharedBlocks()) {
            text.append(String.format(Locale.ROOT, "  %-26s %s = %s: %,d records%s%n", block.rule(),
                    String.join(", ", block.keys()), String.join(", ", block.values()), block.size(),
                    block.oversized() ? " (skipped: more than " + config.maxBlockSize() + ")" : ""));
        }
        return text.toString();
    }

    private String storedText() {
        if (stored.isEmpty()) {
            return "match_pair: no run stored the pair (only merged and review pairs are stored)\n";
        }
        StringBuilder text = new StringBuilder("match_pair:\n");
        for (StoredPairs.StoredPair pair : stored) {
            text.append(String.format(Locale.ROOT, "  %s  %-8s probability %.6f, weight %s, rule %s%n", pair.runDate(),
                    pair.decision(), pair.matchProbability(), bits(pair.matchWeight()), pair.blockingRule()));
            if (pair.runDate().equals(modelDate) && Math.abs(pair.matchWeight() - explanation.matchWeight()) > 0.005) {
                text.append("  note: that run scored it ").append(bits(pair.matchWeight())).append(", today's records give ")
                        .append(bits(explanation.matchWeight())).append(": a record (or how common a value is) has "
                                + "changed since\n");
            }
        }
        return text.toString();
    }

    ObjectNode json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        PairExplanation e = explanation;
        root.putObject("left").put("record", leftLabel).put("master_id", leftMaster);
        root.putObject("right").put("record", rightLabel).put("master_id", rightMaster);
        root.put("model", model.toString());
        root.put("model_date", modelDate == null ? null : modelDate.toString());
        root.put("records", records);
        ArrayNode fields = root.putArray("fields");
        for (PairExplanation.FieldExplanation field : e.fields()) {
            ObjectNode node = fields.addObject();
            node.put("field", field.field());
            node.put("left_value", field.leftValue());
            node.put("right_value", field.rightValue());
            node.put("level", field.level());
            node.put("m", field.m());
            node.put("u", field.u());
            node.put("weight", field.weight());
            node.put("term_frequency_adjusted", field.termFrequencyAdjusted());
        }
        root.put("prior_weight", e.priorWeight());
        root.put("match_weight", e.matchWeight());
        root.put("match_probability", e.matchProbability());
        root.put("decision", e.decision().code());
        if (e.mergeGuard() != null) {
            ObjectNode guard = root.putObject("merge_guard");
            guard.put("different", e.mergeGuard().different());
            e.mergeGuard().unlessExact().forEach(guard.putArray("unless_exact")::add);
        } else {
            root.putNull("merge_guard");
        }
        root.put("compared", e.compared());
        root.put("blocking_rule", e.blockingRule());
        ArrayNode blocks = root.putArray("shared_blocks");
        for (PairExplanation.SharedBlock block : e.sharedBlocks()) {
            ObjectNode node = blocks.addObject();
            node.put("rule", block.rule());
            block.keys().forEach(node.putArray("keys")::add);
            block.values().forEach(node.putArray("values")::add);
            node.put("size", block.size());
            node.put("oversized", block.oversized());
        }
        if (stored != null) {
            ArrayNode rows = root.putArray("match_pair");
            for (StoredPairs.StoredPair pair : stored) {
                rows.addObject().put("run_date", pair.runDate().toString()).put("decision", pair.decision())
                        .put("match_weight", pair.matchWeight()).put("match_probability", pair.matchProbability())
                        .put("blocking_rule", pair.blockingRule()).put("evidence", pair.evidence());
            }
        }
        return root;
    }

    String jsonText() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the explanation as JSON", e);
        }
    }

    private static String cell(String value) {
        if (value == null) {
            return "-";
        }
        return value.length() <= VALUE_WIDTH ? value : value.substring(0, VALUE_WIDTH - 1) + "…";
    }

    private static String probability(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3g", value);
    }

    private static String bits(double weight) {
        return String.format(Locale.ROOT, "%+.2f", weight);
    }

    private static String orNone(String masterId) {
        return masterId == null ? "(none)" : masterId;
    }
}
