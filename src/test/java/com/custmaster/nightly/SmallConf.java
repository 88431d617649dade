package com.custmaster.nightly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The conf/ folder of a test with its own small hand-made sources: the project's pipeline.yml and
 * matching.yml, and an analytics.yml reading {@code orders.csv} beside conf/ with a small K-means
 * search. The test adds its sources under {@code conf/sources/} and writes the orders.
 */
final class SmallConf {

    private SmallConf() {
    }

    /** Writes {@code home/conf} and returns it. */
    static Path write(Path home) throws IOException {
        Path conf = home.resolve("conf");
        Files.createDirectories(conf.resolve("sources"));
        Files.copy(Path.of("conf/pipeline.yml"), conf.resolve("pipeline.yml"));
        Files.copy(Path.of("conf/matching.yml"), conf.resolve("matching.yml"));
        Files.writeString(conf.resolve("analytics.yml"), """
                transactions:
                  path: orders.csv
                  columns: { order_id: order_id, source: source, customer_ref: customer_ref, order_ts: order_ts, amount: amount }
                segments: { k_min: 2, k_max: 3, sample_size: 1000 }
                """, StandardCharsets.UTF_8);
        return conf;
    }
}
