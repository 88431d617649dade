package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.MatchingConfig;
import com.custmaster.config.PipelineConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.match.MatchDecision;
import com.custmaster.match.MatchResult;
import com.custmaster.match.Matcher;
import com.custmaster.match.StewardLinks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One night's update of the customer master: take in the records staged tonight, match them against
 * the current source records, keep master IDs stable, rebuild golden records with lineage, and
 * record every change. Runs inside one transaction (the caller's), so a failure leaves the master as
 * it was and a rerun starts clean. On unchanged data it changes nothing.
 *
 * <p>After the first night matching is incremental (conf/matching.yml {@code incremental}): only
 * pairs with a new or changed record are compared, with the stored model, and the last run's pairs
 * between unchanged records are kept. A new model is trained on the first night, on request, when
 * matching.yml changed since the stored model was trained, or when it is older than
 * {@code retrain_after_days}.
 */
public final class MasterService {

    private static final Logger LOG = LoggerFactory.getLogger(MasterService.class);

    private final MasterStore store;
    private final PipelineConfig config;

    public MasterService(MasterStore store, PipelineConfig config) {
        this.store = requireNonNull(store, "store is null");
        this.config = requireNonNull(config, "config is null");
    }

    /** What the operator asked for; the service may still retrain (first night, changed settings, old model). */
    public enum Mode {
        /** Incremental when a usable model and an earlier run exist (and incremental is enabled). */
        INCREMENTAL,
        /** Every candidate pair compared again with the stored model. */
        FULL_REBUILD,
        /** A new model trained on tonight's records, every candidate pair compared again. */
        RETRAIN
    }

    public MasterRunStats run(LocalDate runDate) {
        return run(runDate, Mode.INCREMENTAL);
    }

    /**
     * A fingerprint of the settings a model and its decisions depend on: everything in matching.yml
     * but the {@code incremental} section, which says when to retrain, not how to match.
     */
    static String settingsDigest(MatchingConfig matching) {
        MatchingConfig scoring = new MatchingConfig(matching.priorMatchProbability(), matching.mergeThreshold(),
                matching.reviewThreshold(), matching.maxBlockSize(), matching.blockingRules(), matching.comparisons(),
                matching.training(), matching.clustering(), matching.mergeGuards(), MatchingConfig.Incremental.DEFAULT);
        return MasterStore.digest(scoring.toString());
    }

    public MasterRunStats run(LocalDate runDate, Mode requested) {
        return run(runDate, requested, StewardLinks.NONE);
    }

    /**
     * The night's update, honouring the stewards' decisions: pairs decided the same customer end in
     * one master record, pairs decided different never do, whatever the model says (and a new model
     * learns from the "same" pairs).
     */
    public MasterRunStats run(LocalDate runDate, Mode requested, StewardLinks links) {
        requireNonNull(requested, "requested is null");
        requireNonNull(links, "links is null");
        if (!links.isEmpty()) {
            LOG.info("honouring {} steward decisions: {} pairs the same customer, {} different", links.size(),
                    links.same().size(), links.different().size());
        }
        MasterStore.Refresh refresh = store.refreshSourceRecords(runDate);
        List<Contact> contacts = store.loadSourceRecords();
        LOG.info("matching {} current source records ({} staged tonight, {} of them new or changed)", contacts.size(),
                refresh.refreshed(), refresh.changed().size());
        MatchingConfig matching = config.matching();
        String settings = settingsDigest(matching);
        java.util.Optional<MasterStore.StoredModel> stored = store.latestModel(runDate);
        String why = null;
        if (requested == Mode.RETRAIN) {
            why = "requested";
        } else if (stored.isEmpty()) {
            why = "no model stored yet";
        } else if (!stored.get().settingsDigest().equals(settings)) {
            why = "conf/matching.yml changed since the model of " + stored.get().trainedRun() + " was trained";
        } else if (matching.incremental().retrainAfterDays() > 0
                && !stored.get().trainedRun().plusDays(matching.incremental().retrainAfterDays()).isAfter(runDate)) {
            why = "the model of " + stored.get().trainedRun() + " is older than "
                    + matching.incremental().retrainAfterDays() + " days";
        }
        Matcher matcher = new Matcher(matching);
        MatchResult result;
        String how;
        if (why != null) {
            LOG.info("training a new match model ({}); every candidate pair is compared", why);
            result = matcher.match(contacts, links);
            store.saveModel(runDate, result.model(), settings);
            how = "retrained";
        } else if (requested == Mode.FULL_REBUILD || !matching.incremental().enabled()) {
            LOG.info("full rebuild: every candidate pair is compared with the model of {}", stored.get().trainedRun());
            result = matcher.match(contacts, stored.get().model(), null, List.of(), links);
            how = "full";
        } else {
            List<com.custmaster.match.ScoredPair> previous = store.previousPairs(runDate);
            LOG.info("incremental: {} new or changed records matched with the model of {}; {} earlier pairs to keep",
                    refresh.changed().size(), stored.get().trainedRun(), previous.size());
            result = matcher.match(contacts, stored.get().model(), refresh.changed(), previous, links);
            how = "incremental";
        }

        Map<SourceRecordKey, String> previous = store.loadCrosswalk();
        MasterIdAssignment assignment = MasterIdAssigner.assign(result.clusters(), previous, store.nextIdNumber());

        Map<SourceRecordKey, Contact> byKey = new HashMap<>();
        contacts.forEach(contact -> byKey.put(contact.key(), contact));
        Map<String, Integer> priorities = new HashMap<>();
        for (SourceConfig source : config.sources()) {
            priorities.put(source.name(), source.priority());
        }
        Survivorship survivorship = new Survivorship(source -> priorities.getOrDefault(source, Integer.MAX_VALUE),
                config.survivorship());
        List<GoldenRecord> golden = new ArrayList<>(result.clusters().size());
        for (int i = 0; i < result.clusters().size(); i++) {
            List<Contact> members = result.clusters().get(i).stream().map(byKey::get).toList();
            golden.add(survivorship.build(assignment.clusterIds().get(i), members));
        }
        Map<String, GoldenRecord> before = store.loadActiveMasters();
        Map<SourceRecordKey, String> crosswalk = MasterIdAssignment.crosswalk(result.clusters(), assignment.clusterIds());
        int updated = store.save(runDate, golden, before, crosswalk, assignment, result.pairs());

        MasterRunStats stats = new MasterRunStats(refresh.refreshed(), refresh.changed().size(), contacts.size(), golden.size(),
                assignment.count(MasterEvent.Kind.CREATED), assignment.count(MasterEvent.Kind.MERGED),
                assignment.count(MasterEvent.Kind.SPLIT), updated, result.count(MatchDecision.MATCH),
                result.count(MatchDecision.REVIEW), how, result.comparedPairs(), result.carriedPairs(),
                result.candidatePairsPerRule(), result.model(), result.weightHistogram());
        LOG.info("customer master: {} active, {} created, {} merged, {} split, {} updated", stats.activeMasters(),
                stats.created(), stats.merged(), stats.split(), stats.updated());
        return stats;
    }
}
