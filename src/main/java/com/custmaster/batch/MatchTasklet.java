package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import com.custmaster.master.MasterRunStats;
import com.custmaster.master.MasterService;
import com.custmaster.match.StewardLinks;
import com.custmaster.steward.StewardService;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs the night's master update in the step's single transaction, honouring the stewards' decisions,
 * keeps its figures (with the size of the review queue it leaves) and saves the model trained on the
 * night's records, so every score of the run can be reproduced and explained.
 */
final class MatchTasklet implements Tasklet {

    /** Execution-context key of the match-weight histogram, {@code "bin:pairs,..."} (a string: kept out of the summary's counts). */
    static final String WEIGHT_HISTOGRAM_KEY = "match.weight.histogram";

    private final MasterService service;
    private final StewardService steward;
    private final java.nio.file.Path reportsDir;

    /** @param reportsDir where the night's trained model is saved, as {@code <date>/match_model.json} */
    MatchTasklet(MasterService service, StewardService steward, java.nio.file.Path reportsDir) {
        this.service = requireNonNull(service, "service is null");
        this.steward = requireNonNull(steward, "steward is null");
        this.reportsDir = requireNonNull(reportsDir, "reportsDir is null");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        String requested = context.getStepContext().getStepExecution().getJobParameters()
                .getString(NightlyRunner.MATCHING_PARAMETER, MasterService.Mode.INCREMENTAL.name());
        StewardLinks links = steward.links();
        MasterRunStats stats = service.run(StepStats.runDate(context), MasterService.Mode.valueOf(requested), links);
        stats.model().writeJson(reportsDir.resolve(StepStats.runDate(context).toString()).resolve("match_model.json"));
        ExecutionContext out = StepStats.of(context);
        out.putLong("source.records", stats.sourceRecords());
        out.putLong("source.records.changed", stats.sourceRecordsChanged());
        out.putString("matching", stats.matching());
        out.putLong("pairs.compared", stats.pairsCompared());
        out.putLong("pairs.carried", stats.pairsCarried());
        out.putLong("masters.active", stats.activeMasters());
        out.putLong("masters.created", stats.created());
        out.putLong("masters.merged", stats.merged());
        out.putLong("masters.split", stats.split());
        out.putLong("masters.updated", stats.updated());
        out.putLong("pairs.merged", stats.pairsMerged());
        out.putLong("pairs.review", stats.pairsForReview());
        out.putLong("steward.decisions", links.size());
        out.putLong("review.queue", steward.queueSize());
        stats.candidatePairsPerRule().forEach((rule, count) -> out.putLong("candidates." + rule, count));
        out.putString(WEIGHT_HISTOGRAM_KEY, RunReports.encodeCounts(stats.weightHistogram()));
        return RepeatStatus.FINISHED;
    }
}
