package org.divergence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The three layers: core logic (no JavaFX, no SQL, no I/O layer), persistence and I/O (no JavaFX), and the GUI on
 * top; the command line uses the same core and I/O as the GUI and never touches JavaFX.
 */
@AnalyzeClasses(packages = "org.divergence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] GUI_LIBRARIES = {"javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..",
        "org.fxmisc..", "org.jfree.chart.fx..", "org.jfree.fx.."};

    @ArchTest
    static final ArchRule coreHasNoGuiLibraries = noClasses().that().resideInAPackage("org.divergence.core..")
            .should().dependOnClassesThat().resideInAnyPackage(GUI_LIBRARIES)
            .because("core logic must run without a toolkit (command line, tests, reports)");

    @ArchTest
    static final ArchRule coreDependsOnNoOuterLayer = noClasses().that().resideInAPackage("org.divergence.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.divergence.store..", "org.divergence.exchange..", "org.divergence.render..",
                    "org.divergence.app..", "org.divergence.samples..", "org.divergence.gui..",
                    "org.divergence.cli..", "java.sql..")
            .because("core is pure logic: persistence lives in io, presentation in gui and cli");

    @ArchTest
    static final ArchRule ioHasNoGui = noClasses().that().resideInAnyPackage("org.divergence.store..", "org.divergence.exchange..",
                    "org.divergence.render..", "org.divergence.app..", "org.divergence.samples..")
            .should().dependOnClassesThat().resideInAnyPackage(GUI_LIBRARIES)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.divergence.gui..", "org.divergence.cli..");

    @ArchTest
    static final ArchRule cliHasNoGui = noClasses().that().resideInAPackage("org.divergence.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(GUI_LIBRARIES)
            .orShould().dependOnClassesThat().resideInAPackage("org.divergence.gui..")
            .because("the command line runs headless, without starting the JavaFX toolkit");

    @ArchTest
    static final ArchRule cliLeavesSqlToTheIoLayer = noClasses().that().resideInAPackage("org.divergence.cli..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("SQL lives in the io layer only, where SqlIsParameterisedTest checks it");

    @ArchTest
    static final ArchRule guiLeavesSqlToTheIoLayer = noClasses().that().resideInAPackage("org.divergence.gui..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("views and view models read and write through the io layer");
}
