package ebmopt.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layering of docs/development.md ("Packages": what each package knows nothing of),
 * checked on the compiled product classes, so that a change which breaks it fails the build.
 * Each rule names its reason.
 */
class LayeringTest {
    private static final String SPARK = "org.apache.spark..";
    private static final String MODELS = "ebmopt.models..";
    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ebmopt");
    }

    private static void check(ArchRule rule) {
        rule.check(product);
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        check(slices().matching("ebmopt.(*)..").should().beFreeOfCycles());
    }

    @Test
    void configurationAndSweepExpansionKnowNothingOfSparkOrModels() {
        check(noClasses().that().resideInAnyPackage("ebmopt.config..", "ebmopt.sweep..")
                .should().dependOnClassesThat().resideInAnyPackage(SPARK, MODELS)
                .because("configuration and grid expansion are pure: they run before Spark starts"));
    }

    @Test
    void theRunnerKnowsNothingOfWhichModelOrTaskATrialTrains() {
        check(noClasses().that().resideInAPackage("ebmopt.run..")
                .should().dependOnClassesThat().resideInAnyPackage(MODELS, "ebmopt.tasks..", "ebmopt.oracle..")
                .because("the runner finds experiments through the registry; what a trial trains is theirs"));
    }

    @Test
    void experimentsKnowNothingOfStorage() {
        check(noClasses().that().resideInAPackage("ebmopt.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("ebmopt.results..", "ebmopt.run..",
                        "org.apache.hadoop..")
                .because("an experiment returns an outcome; the runner stores it"));
    }

    @Test
    void resultsReportsAndOraclesKnowNothingOfModels() {
        check(noClasses().that().resideInAnyPackage("ebmopt.results..", "ebmopt.report..", "ebmopt.oracle..",
                        "ebmopt.nightly..")
                .should().dependOnClassesThat().resideInAnyPackage(MODELS)
                .because("results and their tables read what any experiment wrote, however it was produced"));
    }

    @Test
    void reportsKnowNothingOfHowResultsWereProduced() {
        check(noClasses().that().resideInAPackage("ebmopt.report..")
                .should().dependOnClassesThat().resideInAnyPackage("ebmopt.run..", "ebmopt.experiment..")
                .because("a report reads the result tables only"));
    }

    @Test
    void samplersAndTasksKnowNothingOfModels() {
        check(noClasses().that().resideInAnyPackage("ebmopt.sampling..", "ebmopt.tasks..")
                .should().dependOnClassesThat().resideInAnyPackage(MODELS)
                .because("a sampler takes any differentiable log-density; a task any model's proposals"));
    }

    @Test
    void tasksAndTheGaussianSimulationKnowNothingOfSpark() {
        check(noClasses().that().resideInAnyPackage("ebmopt.tasks..", "ebmopt.models.gaussian..")
                .should().dependOnClassesThat().resideInAPackage(SPARK)
                .because("they run inside one executor's task"));
    }

    @Test
    void regressionModelsKnowNothingOfWhichExperimentUsesThem() {
        check(noClasses().that().resideInAPackage("ebmopt.models.regression..")
                .should().dependOnClassesThat().resideInAnyPackage("ebmopt.models.coms..", "ebmopt.models.lebm..",
                        "ebmopt.models.gaussian..")
                .because("forward models serve any experiment"));
    }

    @Test
    void theCommandLineKnowsNothingOfAlgorithms() {
        check(noClasses().that().resideInAPackage("ebmopt.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(MODELS, "ebmopt.sampling..")
                .because("the command line is a thin shell over run, results and report"));
    }

    @Test
    void filesBesideTheResultsAreWrittenThroughTheResultsPackage() {
        check(noClasses().that().resideInAnyPackage("ebmopt.report..", "ebmopt.nightly..", "ebmopt.cli..",
                        "ebmopt.run..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.hadoop.fs.FileSystem")
                .because("one home for file I/O under an output root: ebmopt.results (ResultFiles and the tables)"));
    }

    @Test
    void onlyTheCommandLineIsAnEntryPoint() {
        check(noClasses().that().resideOutsideOfPackage("ebmopt.cli..")
                .should().dependOnClassesThat().resideInAPackage("ebmopt.cli..")
                .because("nothing below the command line calls up into it"));
    }
}
