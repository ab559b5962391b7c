package org.divergence;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;

/**
 * The layers of docs/architecture.md, checked on every class of the product: what each layer may use, no package
 * cycles, SQL only in the store and SQL text only through {@code store.project.Sql}, views that never call stores,
 * and no package that both runs SQL and draws. No rule
 * has exceptions or a frozen list of known violations.
 */
@AnalyzeClasses(packages = "org.divergence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] GUI_LIBRARIES = {"javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..",
        "org.fxmisc..", "org.jfree.chart.fx..", "org.jfree.fx.."};
    private static final String[] DRAWING = {"java.awt..", "org.jfree..", "javafx.scene.shape..",
        "javafx.scene.canvas..", "javafx.scene.chart.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Launcher").definedBy("org.divergence")
            .layer("Core").definedBy("org.divergence.core..")
            .layer("Store").definedBy("org.divergence.store..")
            .layer("Exchange").definedBy("org.divergence.exchange..")
            .layer("Render").definedBy("org.divergence.render..")
            .layer("App").definedBy("org.divergence.app..")
            .layer("Samples").definedBy("org.divergence.samples..")
            .layer("Cli").definedBy("org.divergence.cli..")
            .layer("Gui").definedBy("org.divergence.gui..")
            .whereLayer("Core").mayNotAccessAnyLayer()
            .whereLayer("Store").mayOnlyAccessLayers("Core")
            .whereLayer("Exchange").mayOnlyAccessLayers("Core")
            .whereLayer("Render").mayOnlyAccessLayers("Core")
            .whereLayer("App").mayOnlyAccessLayers("Core", "Store", "Exchange", "Render")
            .whereLayer("Samples").mayOnlyAccessLayers("Core", "Store", "Exchange", "App")
            .whereLayer("Cli").mayOnlyAccessLayers("Core", "Store", "Exchange", "Render", "App", "Samples")
            .whereLayer("Gui").mayOnlyAccessLayers("Core", "Store", "Exchange", "Render", "App", "Samples")
            .whereLayer("Launcher").mayOnlyAccessLayers("Core", "Cli", "Gui")
            .because("each layer uses only the layers below it (docs/architecture.md)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.divergence.(**)").should().beFreeOfCycles()
            .because("a package that needs another must not be needed by it: split or move what both need");

    @ArchTest
    static final ArchRule coreIsPure = noClasses().that().resideInAPackage("org.divergence.core..")
            .should().dependOnClassesThat().resideInAnyPackage(GUI_LIBRARIES)
            .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.nio.file..", "java.net..",
                    "java.awt..", "org.jfree..", "com.fasterxml..", "de.siegmar..", "okhttp3..", "org.apache..")
            .because("core is pure logic: no toolkit, no SQL, no files or network, no format libraries");

    @ArchTest
    static final ArchRule onlyTheStoreRunsSql = noClasses()
            .that().resideOutsideOfPackages("org.divergence.store..")
            .should().dependOnClassesThat(statementsAndResults())
            .because("SQL text and result sets live in the store; a use case may only pass a store's connection on");

    /**
     * Only {@link Sql} hands SQL text to JDBC or to SQLite's native layer, and it takes {@link SqlText} only, whose
     * text SqlTextIsMadeOfConstantsTest proves is made of compile-time constants and checked fragments. A plain
     * {@code Statement} runs text only, so making one is reserved to Sql too.
     */
    @ArchTest
    static final ArchRule onlySqlHandsTextToJdbc = noClasses().that().doNotHaveFullyQualifiedName(Sql.class.getName())
            .should().accessTargetWhere(jdbcMethodsTakingSqlText())
            .because("SQL text reaches JDBC only as SqlText, through store.project.Sql (docs/reliability.md)");

    @ArchTest
    static final ArchRule connectionsStayBelowTheFrontEnds = noClasses()
            .that().resideInAnyPackage("org.divergence.core..", "org.divergence.exchange..",
                    "org.divergence.render..", "org.divergence.cli..", "org.divergence.gui..")
            .should().dependOnClassesThat().resideInAPackage("java.sql..")
            .because("transactions are made by the store and the use cases only");

    @ArchTest
    static final ArchRule frontEndsBelowTheGuiHaveNoToolkit = noClasses()
            .that().resideInAnyPackage("org.divergence.store..", "org.divergence.exchange..",
                    "org.divergence.render..", "org.divergence.app..", "org.divergence.samples..",
                    "org.divergence.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(GUI_LIBRARIES)
            .because("everything but the GUI runs headless, without starting JavaFX");

    @ArchTest
    static final ArchRule viewsNeverCallStores = noClasses().that(areViews())
            .should().accessClassesThat(areStoreServices())
            .because("views bind to view models; reading and writing the project is the view models' and use"
                    + " cases' work, off the FX thread");

    /** No package has one class that runs SQL and another (or the same) that draws. */
    @ArchTest
    static void noPackageBothRunsSqlAndDraws(JavaClasses classes) {
        Map<String, List<JavaClass>> byPackage = classes.stream()
                .collect(Collectors.groupingBy(JavaClass::getPackageName, TreeMap::new, Collectors.toList()));
        List<String> both = byPackage.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(c -> dependsOn(c, "java.sql."))
                        && entry.getValue().stream().anyMatch(c -> drawing(c)))
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), both, "packages that both use java.sql and draw");
    }

    private static boolean drawing(JavaClass c) {
        for (String library : DRAWING) {
            if (dependsOn(c, library.replace("..", "."))) {
                return true;
            }
        }
        return false;
    }

    private static boolean dependsOn(JavaClass c, String packagePrefix) {
        return c.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().concat(".").startsWith(packagePrefix));
    }

    /** Calls or references of the JDBC and SQLite methods that compile or run SQL text, and of createStatement. */
    private static DescribedPredicate<JavaAccess<?>> jdbcMethodsTakingSqlText() {
        return DescribedPredicate.describe("a JDBC or SQLite method that takes SQL text", access -> {
            if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
                return false;
            }
            JavaClass owner = target.getOwner();
            String name = target.getName();
            if (owner.isAssignableTo(Connection.class)) {
                return Set.of("prepareStatement", "prepareCall", "nativeSQL", "createStatement").contains(name);
            }
            if (owner.isAssignableTo(Statement.class)) {
                return Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch")
                        .contains(name) && target.getRawParameterTypes().stream()
                        .anyMatch(type -> type.isEquivalentTo(String.class));
            }
            return owner.isAssignableTo("org.sqlite.core.DB")
                    && Set.of("exec", "_exec", "prepare", "execute", "executeUpdate").contains(name);
        });
    }

    private static DescribedPredicate<JavaClass> statementsAndResults() {
        return resideInAPackage("java.sql..").and(not(DescribedPredicate.describe("Connection or SQLException",
                c -> c.getName().equals("java.sql.Connection") || c.getName().equals("java.sql.SQLException"))));
    }

    /** GUI classes that build JavaFX nodes, other than the sections that wire a feature together. */
    private static DescribedPredicate<JavaClass> areViews() {
        return DescribedPredicate.describe("views (GUI classes using javafx.scene, not view models or sections)",
                c -> c.getPackageName().startsWith("org.divergence.gui")
                        && !c.getSimpleName().endsWith("ViewModel") && !c.getSimpleName().endsWith("Section")
                        && dependsOn(c, "javafx.scene."));
    }

    /** Store classes that read or write: not the project handle, settings, or plain data (records, enums). */
    private static DescribedPredicate<JavaClass> areStoreServices() {
        return resideInAPackage("org.divergence.store..").and(not(resideInAnyPackage("org.divergence.store.settings..")))
                .and(DescribedPredicate.describe("not data, exceptions or the project handle",
                        c -> !c.isRecord() && !c.isEnum() && !c.isAssignableTo(Throwable.class)
                                && !c.getName().equals("org.divergence.store.project.Project")));
    }
}
