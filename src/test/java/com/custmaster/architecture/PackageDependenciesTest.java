package com.custmaster.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of the package layout one-way: domain <- config <- ingest, normalize, match,
 * master <- batch <- cli; analytics and publish depend on domain and config only; quality (scoring a
 * clustering against the truth) depends on domain, the JDK and commons-csv only, so that any stage or
 * tool can use it. The steward workflow knows nothing of how people reach it (console, command line),
 * and the web console reaches the database only through the workflow, never the batch wiring. The run
 * report is fed by the wiring, one way: it reads the database and the analytics' figures but knows no
 * stage, no Spring Batch and no command; HTML escaping is one small package both web outputs share.
 */
class PackageDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.custmaster");

    @Test
    void domainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("com.custmaster.config..", "com.custmaster.ingest..",
                        "com.custmaster.normalize..", "com.custmaster.match..", "com.custmaster.master..",
                        "com.custmaster.batch..", "com.custmaster.cli..", "com.custmaster.analytics..",
                        "com.custmaster.publish..", "com.custmaster.quality..")
                .check(CLASSES);
    }

    @Test
    void qualityDependsOnlyOnDomainTheJdkAndCommonsCsv() {
        classes().that().resideInAPackage("com.custmaster.quality..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.custmaster.quality..",
                        "com.custmaster.domain..", "java..", "org.apache.commons.csv..")
                .check(CLASSES);
    }

    @Test
    void configDependsOnlyOnDomain() {
        noClasses().that().resideInAPackage("com.custmaster.config..")
                .should().dependOnClassesThat().resideInAnyPackage("com.custmaster.ingest..", "com.custmaster.normalize..",
                        "com.custmaster.match..", "com.custmaster.master..", "com.custmaster.batch..",
                        "com.custmaster.cli..", "com.custmaster.analytics..", "com.custmaster.publish..",
                        "com.custmaster.quality..")
                .check(CLASSES);
    }

    @Test
    void stagesDoNotReachIntoTheWiringOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("com.custmaster.ingest..", "com.custmaster.normalize..",
                        "com.custmaster.match..", "com.custmaster.master..", "com.custmaster.analytics..",
                        "com.custmaster.publish..", "com.custmaster.dedupe..")
                .should().dependOnClassesThat().resideInAnyPackage("com.custmaster.batch..", "com.custmaster.cli..")
                .check(CLASSES);
    }

    @Test
    void sparkStagesDependOnlyOnDomainAndConfig() {
        noClasses().that().resideInAnyPackage("com.custmaster.analytics..", "com.custmaster.publish..")
                .should().dependOnClassesThat().resideInAnyPackage("com.custmaster.ingest..", "com.custmaster.normalize..",
                        "com.custmaster.match..", "com.custmaster.master..")
                .check(CLASSES);
    }

    @Test
    void matchingDoesNotKnowTheMasterAndNormalisationDoesNotKnowIngest() {
        noClasses().that().resideInAPackage("com.custmaster.match..")
                .should().dependOnClassesThat().resideInAnyPackage("com.custmaster.master..", "com.custmaster.ingest..",
                        "com.custmaster.dedupe..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("com.custmaster.normalize..")
                .should().dependOnClassesThat().resideInAnyPackage("com.custmaster.ingest..", "com.custmaster.match..",
                        "com.custmaster.master..")
                .check(CLASSES);
    }

    @Test
    void theConsoleDoesNotDependOnTheWiringOrTheCommandLine() {
        noClasses().that().resideInAPackage("com.custmaster.console..")
                .should().dependOnClassesThat().resideInAnyPackage("com.custmaster.batch..", "com.custmaster.cli..")
                .check(CLASSES);
    }

    @Test
    void theStewardWorkflowDoesNotKnowTheConsoleTheWiringOrTheCommandLine() {
        noClasses().that().resideInAPackage("com.custmaster.steward..")
                .should().dependOnClassesThat().resideInAnyPackage("com.custmaster.console..", "com.custmaster.batch..",
                        "com.custmaster.cli..")
                .check(CLASSES);
    }

    @Test
    void theRunReportDependsOnlyOnAnalyticsFiguresHtmlAndTheDatabase() {
        classes().that().resideInAPackage("com.custmaster.report..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.custmaster.report..", "com.custmaster.domain..",
                        "com.custmaster.analytics..", "com.custmaster.html..", "java..", "org.springframework.jdbc..",
                        "org.springframework.dao..", "com.fasterxml.jackson..", "org.slf4j..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("com.custmaster.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("com.custmaster.domain..", "com.custmaster.config..",
                        "com.custmaster.ingest..", "com.custmaster.normalize..", "com.custmaster.match..",
                        "com.custmaster.master..", "com.custmaster.analytics..", "com.custmaster.publish..",
                        "com.custmaster.console..", "com.custmaster.steward..")
                .should().dependOnClassesThat().resideInAPackage("com.custmaster.report..")
                .check(CLASSES);
    }

    @Test
    void htmlEscapingDependsOnTheJdkOnly() {
        classes().that().resideInAPackage("com.custmaster.html..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.custmaster.html..", "java..")
                .check(CLASSES);
    }
}
