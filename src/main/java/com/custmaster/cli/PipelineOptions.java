package com.custmaster.cli;

import com.custmaster.config.ConfigLoader;
import com.custmaster.config.PipelineConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options that say which installation a command works on, shared by the commands that read the
 * nightly's configuration and working folder, so they name and default them the same way.
 */
final class PipelineOptions {

    @Option(names = "--conf", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT, defaultValue = "${env:CUSTMASTER_HOME:-.}/conf",
            description = "Configuration folder (default: conf/ of the installation).")
    Path conf;

    @Option(names = "--var", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Working folder for the database, lake and reports (default: var_dir of pipeline.yml).")
    Path var;

    /** @throws com.custmaster.config.ConfigException when the configuration is invalid (the message names file and key) */
    PipelineConfig load() {
        return new ConfigLoader().load(conf, var);
    }
}
