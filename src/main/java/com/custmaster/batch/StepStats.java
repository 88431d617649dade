package com.custmaster.batch;

import java.time.LocalDate;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Reading the run date and writing per-step figures that the run summary collects. */
final class StepStats {

    private StepStats() {
    }

    static LocalDate runDate(ChunkContext context) {
        return runDate(context.getStepContext().getStepExecution());
    }

    static LocalDate runDate(StepExecution step) {
        LocalDate date = step.getJobParameters().getLocalDate(com.custmaster.ingest.SourceIngestion.RUN_DATE_PARAMETER);
        if (date == null) {
            throw new IllegalStateException("job parameter run.date is missing");
        }
        return date;
    }

    static ExecutionContext of(ChunkContext context) {
        return context.getStepContext().getStepExecution().getExecutionContext();
    }
}
