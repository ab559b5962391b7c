package org.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.junit.jupiter.api.Test;

/**
 * SQL is never built from a runtime string. Every SQL statement the product runs is a {@link SqlText}; the only way
 * to turn an arbitrary string into one is {@link SqlText#of}, and this test reads the compiled product (every class
 * under target/classes, with the JDK's class-file API) to check that each call of it is handed a compile-time
 * constant: the instruction that pushes its argument is an {@code ldc} of a String constant, with no jump in between.
 * javac folds literals and constants joined by {@code +} into one such constant; anything computed at run time (a
 * concatenated value, a parameter, a field, a method's result, a choice between constants) is pushed otherwise and
 * fails, and so does a method reference {@code SqlText::of}. ArchitectureTest's {@code onlySqlHandsTextToJdbc}
 * completes the guarantee: only {@code store.project.Sql} hands text to JDBC, and it takes SqlText only.
 */
class SqlTextIsMadeOfConstantsTest {

    private static final String SQL_TEXT = SqlText.class.getName().replace('.', '/');
    private static final String OF_DESCRIPTOR = "(Ljava/lang/String;)L" + SQL_TEXT + ";";

    @Test
    void everySqlTextOfCallInTheProductIsGivenACompileTimeConstant() throws IOException, URISyntaxException {
        Path classes = Path.of(SqlText.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Scan scan = new Scan();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                scan.read(Files.readAllBytes(file));
            }
        }
        assertTrue(scan.calls > 200, "the scan found the calls of SqlText.of (" + scan.calls + ")");
        assertEquals(List.of(), scan.violations);
    }

    @Test
    void runtimeStringsHandedToSqlTextOfAreCaught() throws IOException {
        Scan scan = new Scan();
        scan.read(bytesOf(Misuses.class));
        List<String> expected = List.of("concatenatesAValue", "passesAParameterOn", "readsAField", "joinsValues",
                "choosesBetweenConstants", "a method reference");
        assertEquals(expected.size(), scan.violations.size(), scan.violations::toString);
        for (String misuse : expected) {
            assertTrue(scan.violations.stream().anyMatch(violation -> violation.contains(misuse)),
                    misuse + " is not among " + scan.violations);
        }
    }

    @Test
    void literalsAndConstantsJoinedByPlusPass() throws IOException {
        Scan scan = new Scan();
        scan.read(bytesOf(Constants.class));
        assertEquals(3, scan.calls);
        assertEquals(List.of(), scan.violations);
    }

    /** The other public ways in take no text ({@code integer}, {@code placeholders}) or check it ({@code identifier}). */
    @Test
    void noOtherPublicFactoryOfSqlTextTakesARuntimeString() {
        List<String> takingStrings = new ArrayList<>();
        List<Executable> ways = new ArrayList<>(List.of(SqlText.class.getDeclaredMethods()));
        ways.addAll(List.of(SqlText.class.getDeclaredConstructors()));
        for (Executable way : ways) {
            if (Modifier.isPublic(way.getModifiers()) && List.of(way.getParameterTypes()).contains(String.class)) {
                takingStrings.add(way.getName());
            }
        }
        assertEquals(Set.of("of", "identifier"), Set.copyOf(takingStrings));
        assertThrows(IllegalArgumentException.class, () -> SqlText.identifier("name; DROP TABLE code"));
        assertThrows(IllegalArgumentException.class, () -> SqlText.identifier("x' OR '1'='1"));
    }

    /** Sql is the one class allowed to hand text to JDBC; a String it takes is a result-set column label only. */
    @Test
    void sqlTakesItsStatementsAsSqlTextOnly() {
        Set<String> takingStrings = new HashSet<>();
        for (Executable way : Sql.class.getDeclaredMethods()) {
            if (!way.isSynthetic() && List.of(way.getParameterTypes()).contains(String.class)) {
                takingStrings.add(way.getName());
            }
        }
        assertEquals(Set.of("nullableLong"), takingStrings);
    }

    @Test
    void theArchitectureRuleCatchesAClassThatHandsTextToJdbcItself() {
        AssertionError error = assertThrows(AssertionError.class, () -> ArchitectureTest.onlySqlHandsTextToJdbc
                .check(new ClassFileImporter().importClasses(RunsSqlItself.class)));
        assertTrue(error.getMessage().contains("prepareStatement"), error.getMessage());
        assertTrue(error.getMessage().contains("createStatement"), error.getMessage());
        assertTrue(error.getMessage().contains("executeUpdate"), error.getMessage());
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Reads classes and collects each call of SqlText.of that is not handed a constant. */
    private static final class Scan {
        int calls;
        final List<String> violations = new ArrayList<>();

        void read(byte[] bytes) {
            ClassModel model = ClassFile.of().parse(bytes);
            String className = model.thisClass().asInternalName().replace('/', '.');
            for (PoolEntry entry : model.constantPool()) {
                if (entry instanceof MethodHandleEntry handle && isSqlTextOf(handle.reference())) {
                    violations.add(className + ": a method reference to SqlText.of hands it runtime values");
                }
            }
            for (MethodModel method : model.methods()) {
                method.code().ifPresent(code -> read(code, className + "." + method.methodName().stringValue()));
            }
        }

        private void read(CodeModel code, String where) {
            Set<Label> jumpTargets = jumpTargets(code);
            Instruction previous = null;
            boolean jumpedTo = false;
            int line = -1;
            for (CodeElement element : code) {
                switch (element) {
                    case LineNumber number -> line = number.line();
                    case LabelTarget target -> jumpedTo |= jumpTargets.contains(target.label());
                    case InvokeInstruction invoke when isSqlTextOf(invoke.method()) -> {
                        calls++;
                        boolean constant = previous instanceof ConstantInstruction.LoadConstantInstruction load
                                && load.constantEntry() instanceof StringEntry;
                        if (!constant || jumpedTo) {
                            violations.add(where + " (line " + line + "): SqlText.of is handed a value computed at"
                                    + " run time, not a compile-time constant");
                        }
                        previous = invoke;
                        jumpedTo = false;
                    }
                    case Instruction instruction -> {
                        previous = instruction;
                        jumpedTo = false;
                    }
                    default -> {
                    }
                }
            }
        }

        /** Where jumps land: a value arriving there may have been pushed on another path. */
        private static Set<Label> jumpTargets(CodeModel code) {
            Set<Label> targets = new HashSet<>();
            for (CodeElement element : code) {
                switch (element) {
                    case BranchInstruction branch -> targets.add(branch.target());
                    case TableSwitchInstruction table -> {
                        targets.add(table.defaultTarget());
                        table.cases().stream().map(SwitchCase::target).forEach(targets::add);
                    }
                    case LookupSwitchInstruction lookup -> {
                        targets.add(lookup.defaultTarget());
                        lookup.cases().stream().map(SwitchCase::target).forEach(targets::add);
                    }
                    default -> {
                    }
                }
            }
            code.exceptionHandlers().stream().map(ExceptionCatch::handler).forEach(targets::add);
            return targets;
        }

        private static boolean isSqlTextOf(MemberRefEntry method) {
            return method.owner().asInternalName().equals(SQL_TEXT) && method.name().equalsString("of")
                    && method.type().equalsString(OF_DESCRIPTOR);
        }
    }

    /** Deliberately wrong: each method hands SqlText.of something computed at run time. Never called. */
    @SuppressWarnings("unused")
    private static final class Misuses {
        private static String lastName = "x";

        static SqlText concatenatesAValue(String fullName) {
            return SqlText.of("SELECT * FROM repository WHERE full_name = '" + fullName + "'");
        }

        static SqlText passesAParameterOn(String sql) {
            return SqlText.of(sql);
        }

        static SqlText readsAField() {
            return SqlText.of(lastName);
        }

        static SqlText joinsValues(List<String> values) {
            return SqlText.of(String.join(", ", values));
        }

        static SqlText choosesBetweenConstants(boolean ascending) {
            return SqlText.of(ascending ? " ASC" : " DESC");
        }

        static List<SqlText> refersToOf(List<String> texts) {
            return texts.stream().map(SqlText::of).toList();
        }
    }

    /** Right: literals, and constants joined by +, which javac folds into one constant. Never called. */
    @SuppressWarnings("unused")
    private static final class Constants {
        private static final String COLUMNS = "id, full_name";
        private static final int APPLICATION_ID = 0x44495647;

        static List<SqlText> all() {
            return List.of(SqlText.of("SELECT 1"), SqlText.of("SELECT " + COLUMNS + " FROM repository WHERE id = ?"),
                    SqlText.of("PRAGMA application_id = " + APPLICATION_ID));
        }
    }

    /** Deliberately wrong: hands text to JDBC itself instead of through store.project.Sql. Never called. */
    @SuppressWarnings("unused")
    private static final class RunsSqlItself {
        static void run(Connection connection, String name) throws SQLException {
            connection.prepareStatement("SELECT * FROM repository WHERE full_name = '" + name + "'").executeQuery();
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM code");
            }
        }
    }
}
