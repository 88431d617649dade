package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import com.custmaster.publish.Lake;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Moves the run's staged tables into place, each with one rename. */
final class PublishTasklet implements Tasklet {

    private final Lake lake;

    PublishTasklet(Lake lake) {
        this.lake = requireNonNull(lake, "lake is null");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
        List<String> published = lake.publish(StepStats.runDate(context));
        StepStats.of(context).putString("published", String.join("\n", published));
        return RepeatStatus.FINISHED;
    }
}
