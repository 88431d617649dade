package com.custmaster.batch;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Test-only fault injection, so a fault test can SIGKILL a real nightly process at a known point
 * instead of guessing with a timer. When the environment variable {@value #ENVIRONMENT_VARIABLE}
 * names a step, the job logs {@code paused at <step>} and waits there until the process is killed:
 * <ul>
 *   <li>an ingest step ({@code ingest-<source>}): in the second chunk's transaction, after its rows
 *       were written and before they commit, the first chunk being committed;</li>
 *   <li>{@code customer-value} (the Spark step): after the mapped transactions are staged in the
 *       lake and before the customer-value tables are computed;</li>
 *   <li>any other tasklet step ({@code match}, {@code export}, {@code publish}, ...): inside the
 *       step's transaction, after its work is done and before it commits.</li>
 * </ul>
 * Unset (always, outside tests) nothing is wrapped. Never set it in production: the run would wait
 * for ever. Used by {@code NightlyKillIT}; listed in docs/operations.md.
 */
final class PausePoints {

    static final String ENVIRONMENT_VARIABLE = "CUSTMASTER_TEST_PAUSE_AT";
    /** The Spark step, which pauses half-way ({@link #reached}) rather than after its work. */
    static final String CUSTOMER_VALUE = "customer-value";

    private static final Logger LOG = LoggerFactory.getLogger(PausePoints.class);

    private final String point;

    private PausePoints(String point) {
        this.point = point;
    }

    /** The pause point the environment asks for (none when the variable is unset or blank). */
    static PausePoints fromEnvironment() {
        String value = System.getenv(ENVIRONMENT_VARIABLE);
        return new PausePoints(value == null || value.isBlank() ? null : value.trim());
    }

    /** The tasklet itself, or one that pauses after it when the step is the pause point. */
    Tasklet around(String step, Tasklet tasklet) {
        requireNonNull(tasklet, "tasklet is null");
        if (!requireNonNull(step, "step is null").equals(point) || CUSTOMER_VALUE.equals(step)) {
            return tasklet;
        }
        return (contribution, context) -> {
            RepeatStatus status = tasklet.execute(contribution, context);
            pause(step);
            return status;
        };
    }

    /** Pauses when {@code point} is the pause point; returns at once otherwise. */
    void reached(String point) {
        if (requireNonNull(point, "point is null").equals(this.point)) {
            pause(point);
        }
    }

    /** A write listener that pauses in the second chunk of the step when it is the pause point. */
    <T> ItemWriteListener<T> inChunks(String step) {
        requireNonNull(step, "step is null");
        AtomicInteger chunks = new AtomicInteger();
        return new ItemWriteListener<>() {
            @Override
            public void afterWrite(Chunk<? extends T> items) {
                if (step.equals(point) && chunks.incrementAndGet() == 2) {
                    pause(step);
                }
            }
        };
    }

    private static void pause(String step) {
        LOG.warn("test hook {}: paused at {} until the process is killed", ENVIRONMENT_VARIABLE, step);
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("paused at " + step + ": interrupted", e);
            }
        }
    }
}
