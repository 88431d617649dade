package com.custmaster.batch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Measures each step's peak memory for the run report and keeps it in the step's execution context
 * (so it survives in the job repository): the largest used Java heap, sampled every
 * {@value #SAMPLE_MILLIS} ms while the step runs, and the process's resident-memory high-water mark
 * ({@code VmHWM} in {@code /proc/self/status}), reset at the step's start by writing 5 to
 * {@code /proc/self/clear_refs} where Linux allows it. Spark runs in the same JVM (local mode), so
 * both include it. Not Linux: only the heap is measured.
 */
final class StepMemoryListener implements StepExecutionListener, AutoCloseable {

    /** Prefix of this listener's execution-context keys (kept out of the run summary's counts). */
    static final String KEY_PREFIX = "memory.";
    /** Execution-context keys, in bytes. */
    static final String PEAK_HEAP_KEY = KEY_PREFIX + "peak_heap_bytes";
    static final String PEAK_RSS_KEY = KEY_PREFIX + "peak_rss_bytes";
    /** Execution-context key: 1 when the RSS high-water mark was reset at the step's start, else 0. */
    static final String RSS_RESET_KEY = KEY_PREFIX + "peak_rss_reset";
    static final long SAMPLE_MILLIS = 100;

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakHeap = new AtomicLong();
    private ScheduledExecutorService sampler;
    private ScheduledFuture<?> sampling;
    private boolean rssReset;

    @Override
    public synchronized void beforeStep(StepExecution stepExecution) {
        peakHeap.set(0);
        rssReset = resetHighWaterMark();
        if (sampler == null) {
            sampler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "step-memory-sampler");
                thread.setDaemon(true);
                return thread;
            });
        }
        sampling = sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution stepExecution) {
        if (sampling != null) {
            sampling.cancel(false);
            sampling = null;
        }
        sample();
        var context = stepExecution.getExecutionContext();
        context.putLong(PEAK_HEAP_KEY, peakHeap.get());
        long rss = highWaterMark();
        if (rss > 0) {
            context.putLong(PEAK_RSS_KEY, rss);
            context.putLong(RSS_RESET_KEY, rssReset ? 1 : 0);
        }
        return null;
    }

    /** Stops the sampling thread (with the application context). */
    @Override
    public synchronized void close() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        peakHeap.accumulateAndGet(used, Math::max);
    }

    private static boolean resetHighWaterMark() {
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** VmHWM of this process in bytes; 0 when unknown. */
    static long highWaterMark() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    long kilobytes = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].toLowerCase(Locale.ROOT).equals("kb") ? kilobytes * 1024 : kilobytes;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
