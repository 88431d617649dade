package com.custmaster.batch;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the job's SparkSession on first use. The code never hard-codes a cluster: the master comes
 * from {@code spark.master} (set by jobs/ scripts or spark-submit), and only when nothing is set does
 * it default to in-process {@code local[*]}.
 */
public final class SparkSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);

    private SparkSession session;

    public synchronized SparkSession get() {
        if (session == null) {
            SparkSession.Builder builder = SparkSession.builder().appName("custmaster-nightly")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", "8"))
                    .config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"))
                    .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
            if (System.getProperty("spark.master") == null) {
                builder.master("local[*]");
            }
            long start = System.nanoTime();
            session = builder.getOrCreate();
            disableLocalChecksumFiles(session);
            LOG.info("Spark session started on {} in {} ms", session.sparkContext().master(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return session;
    }

    /** Local lake folders without Hadoop's hidden .crc side files, which only confuse BI users. */
    private static void disableLocalChecksumFiles(SparkSession session) {
        try {
            org.apache.hadoop.fs.FileSystem.getLocal(session.sparkContext().hadoopConfiguration()).setWriteChecksum(false);
            org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()).setWriteChecksum(false);
        } catch (java.io.IOException e) {
            LOG.debug("could not switch off local checksum files: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        // A session shared with a caller (tests) is left to its owner; only one we created is stopped.
        if (session != null && !Boolean.getBoolean("custmaster.spark.keepAlive")) {
            session.stop();
        }
        session = null;
    }
}
