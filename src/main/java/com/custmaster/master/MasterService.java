package com.custmaster.master;

import static java.util.Objects.requireNonNull;

import com.custmaster.config.PipelineConfig;
import com.custmaster.config.SourceConfig;
import com.custmaster.domain.Contact;
import com.custmaster.domain.SourceRecordKey;
import com.custmaster.match.MatchDecision;
import com.custmaster.match.MatchResult;
import com.custmaster.match.Matcher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One night's update of the customer master: take in the records staged tonight, match all current
 * source records, keep master IDs stable, rebuild golden records with lineage, and record every
 * change. Runs inside one transaction (the caller's), so a failure leaves the master as it was and
 * a rerun starts clean. On unchanged data it changes nothing.
 */
public final class MasterService {

    private static final Logger LOG = LoggerFactory.getLogger(MasterService.class);

    private final MasterStore store;
    private final PipelineConfig config;

    public MasterService(MasterStore store, PipelineConfig config) {
        this.store = requireNonNull(store, "store is null");
        this.config = requireNonNull(config, "config is null");
    }

    public MasterRunStats run(LocalDate runDate) {
        int refreshed = store.refreshSourceRecords(runDate);
        List<Contact> contacts = store.loadSourceRecords();
        LOG.info("matching {} current source records ({} refreshed tonight)", contacts.size(), refreshed);
        MatchResult result = new Matcher(config.matching()).match(contacts);

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

        MasterRunStats stats = new MasterRunStats(refreshed, contacts.size(), golden.size(),
                assignment.count(MasterEvent.Kind.CREATED), assignment.count(MasterEvent.Kind.MERGED),
                assignment.count(MasterEvent.Kind.SPLIT), updated, result.count(MatchDecision.MATCH),
                result.count(MatchDecision.REVIEW), result.candidatePairsPerRule(), result.model());
        LOG.info("customer master: {} active, {} created, {} merged, {} split, {} updated", stats.activeMasters(),
                stats.created(), stats.merged(), stats.split(), stats.updated());
        return stats;
    }
}
