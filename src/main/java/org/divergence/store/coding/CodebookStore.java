package org.divergence.store.coding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.divergence.core.coding.Code;
import org.divergence.core.coding.CodeColors;
import org.divergence.core.coding.Codebook;
import org.divergence.core.coding.StarterCodebook;
import org.divergence.core.common.InvalidInputException;
import org.divergence.store.project.DataArea;
import org.divergence.store.project.Project;
import org.divergence.store.project.Sql;
import org.divergence.store.project.SqlText;
import org.divergence.store.undo.ChangeRecorder;
import org.divergence.store.undo.ProjectCommand;
import org.divergence.store.undo.Tables;

/**
 * Reads the codebook and makes the commands that change it. Every change is a {@link ProjectCommand}: committed at
 * once, and undone exactly (same ids and GUIDs) through the undo history.
 */
public final class CodebookStore {

    /** The editable text of a code. */
    public record CodeDetails(String name, String color, String description, String inclusion, String exclusion,
                              String example) {
        public static CodeDetails of(Code code) {
            return new CodeDetails(code.name(), code.color(), code.description(), code.inclusion(), code.exclusion(),
                    code.example());
        }
    }

    private static final EnumSet<DataArea> CODEBOOK = EnumSet.of(DataArea.CODEBOOK);
    private static final EnumSet<DataArea> CODEBOOK_AND_CODINGS =
            EnumSet.of(DataArea.CODEBOOK, DataArea.CODINGS, DataArea.MEMOS);

    private final Project project;

    public CodebookStore(Project project) {
        this.project = project;
    }

    public Codebook load() {
        return project.read(CodebookStore::load);
    }

    public static Codebook load(Connection connection) throws SQLException {
        return new Codebook(Sql.list(connection, SqlText.of("SELECT * FROM code"), rs -> new Code(rs.getLong("id"),
                rs.getString("guid"), Sql.nullableLong(rs, "parent_id"), rs.getString("name"), rs.getString("color"),
                rs.getString("description"), rs.getString("inclusion"), rs.getString("exclusion"),
                rs.getString("example"), rs.getInt("position"))));
    }

    /** Codings of the code and every code below it: what deleting it would remove. */
    public long codingsInSubtree(long codeId) {
        return project.read(connection -> {
            List<Long> ids = load(connection).subtree(codeId).stream().map(Code::id).toList();
            return ids.isEmpty() ? 0L : Sql.count(connection,
                    SqlText.of("SELECT count(*) FROM coding WHERE code_id IN (").append(
                            SqlText.placeholders(ids.size()), SqlText.of(")")),
                    ids.toArray());
        });
    }

    public ProjectCommand<Long> createCode(Long parentId, String name, String color) {
        String trimmed = requireName(name);
        return new ProjectCommand<>(project, "add code \u201C" + trimmed + "\u201D", CODEBOOK,
                (connection, recorder) -> insertCode(connection, recorder, UUID.randomUUID().toString(), parentId,
                        trimmed, color, null, null, null, null));
    }

    /** Adds the codes of the starter codebook that the project lacks (matched by GUID); returns how many. */
    public ProjectCommand<Integer> addStarterCodebook() {
        return new ProjectCommand<>(project, "add the starter codebook \u201C" + StarterCodebook.NAME + "\u201D",
                CODEBOOK, (connection, recorder) -> {
                    int added = 0;
                    for (StarterCodebook.Definition definition : StarterCodebook.definitions()) {
                        Codebook codebook = load(connection);
                        if (codebook.byGuid(definition.guid()).isPresent()) {
                            continue;
                        }
                        Long parentId = definition.parentGuid() == null ? null
                                : codebook.byGuid(definition.parentGuid()).map(Code::id).orElse(null);
                        String name = definition.name();
                        if (siblingNamed(codebook, parentId, name, -1)) {
                            name = name + " (starter)";
                        }
                        insertCode(connection, recorder, definition.guid(), parentId, name, definition.color(),
                                definition.description(), definition.inclusion(), definition.exclusion(),
                                definition.example());
                        added++;
                    }
                    return added;
                });
    }

    private long insertCode(Connection connection, ChangeRecorder recorder, String guid, Long parentId, String name,
                            String color, String description, String inclusion, String exclusion, String example)
            throws SQLException {
        Codebook codebook = load(connection);
        if (parentId != null && codebook.get(parentId).isEmpty()) {
            throw new InvalidInputException("The parent code no longer exists.");
        }
        if (siblingNamed(codebook, parentId, name, -1)) {
            throw new InvalidInputException("There is already a code \u201C" + name + "\u201D here.");
        }
        List<Code> siblings = parentId == null ? codebook.roots() : codebook.children(parentId);
        int position = siblings.stream().mapToInt(Code::position).max().orElse(-1) + 1;
        String chosenColor = CodeColors.normalize(color);
        if (chosenColor == null) {
            chosenColor = CodeColors.forIndex(codebook.size());
        }
        long id = Sql.insert(connection,
                SqlText.of("INSERT INTO code (guid, parent_id, name, color, description, inclusion, "
                        + "exclusion, example, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                guid, parentId, name, chosenColor, blankToNull(description), blankToNull(inclusion),
                blankToNull(exclusion), blankToNull(example), position);
        recorder.inserted(Tables.CODE, id);
        return id;
    }

    public ProjectCommand<Void> updateCode(long codeId, CodeDetails details) {
        String name = requireName(details.name());
        return new ProjectCommand<>(project, "edit code \u201C" + name + "\u201D", CODEBOOK,
                (connection, recorder) -> {
                    Codebook codebook = load(connection);
                    Code code = codebook.get(codeId).orElseThrow(CodebookStore::gone);
                    if (siblingNamed(codebook, code.parentId(), name, codeId)) {
                        throw new InvalidInputException("There is already a code \u201C" + name + "\u201D here.");
                    }
                    recorder.touch(Tables.CODE, codeId);
                    String color = CodeColors.normalize(details.color());
                    Sql.update(connection,
                            SqlText.of("UPDATE code SET name = ?, color = ?, description = ?, inclusion = ?, exclusion"
                                    + " = ?, example = ? WHERE id = ?"), name,
                            color == null ? code.color() : color, blankToNull(details.description()),
                            blankToNull(details.inclusion()), blankToNull(details.exclusion()),
                            blankToNull(details.example()), codeId);
                    return null;
                });
    }

    public ProjectCommand<Void> renameCode(long codeId, String newName) {
        String name = requireName(newName);
        return new ProjectCommand<>(project, "rename code to \u201C" + name + "\u201D", CODEBOOK,
                (connection, recorder) -> {
                    Codebook codebook = load(connection);
                    Code code = codebook.get(codeId).orElseThrow(CodebookStore::gone);
                    if (siblingNamed(codebook, code.parentId(), name, codeId)) {
                        throw new InvalidInputException("There is already a code \u201C" + name + "\u201D here.");
                    }
                    recorder.touch(Tables.CODE, codeId);
                    Sql.update(connection, SqlText.of("UPDATE code SET name = ? WHERE id = ?"), name, codeId);
                    return null;
                });
    }

    /** Moves a code (with everything below it) under {@code newParentId} (null = top level) at {@code index}. */
    public ProjectCommand<Void> moveCode(long codeId, Long newParentId, int index) {
        return new ProjectCommand<>(project, "move code", CODEBOOK, (connection, recorder) -> {
            Codebook codebook = load(connection);
            Code code = codebook.get(codeId).orElseThrow(CodebookStore::gone);
            if (newParentId != null) {
                if (codebook.get(newParentId).isEmpty()) {
                    throw gone();
                }
                if (codebook.isWithin(newParentId, codeId)) {
                    throw new InvalidInputException("A code cannot move into itself or a code below it.");
                }
            }
            if (siblingNamed(codebook, newParentId, code.name(), codeId)) {
                throw new InvalidInputException("There is already a code \u201C" + code.name() + "\u201D there.");
            }
            List<Code> siblings = new ArrayList<>(newParentId == null ? codebook.roots()
                    : codebook.children(newParentId));
            siblings.removeIf(sibling -> sibling.id() == codeId);
            siblings.add(Math.clamp(index, 0, siblings.size()), code);
            recorder.touch(Tables.CODE, codeId);
            Sql.update(connection, SqlText.of("UPDATE code SET parent_id = ? WHERE id = ?"), newParentId, codeId);
            for (int position = 0; position < siblings.size(); position++) {
                Code sibling = siblings.get(position);
                if (sibling.position() != position || sibling.id() == codeId) {
                    recorder.touch(Tables.CODE, sibling.id());
                    Sql.update(connection,
                            SqlText.of("UPDATE code SET position = ? WHERE id = ?"), position, sibling.id());
                }
            }
            return null;
        });
    }

    /**
     * Merges {@code sourceId} into {@code targetId}: its codings, memos and child codes move to the target, codings
     * the target already has from the same coder on the same text are dropped, and the source code is deleted.
     * Returns the number of codings moved.
     */
    public ProjectCommand<Integer> mergeCode(long sourceId, long targetId) {
        Codebook codebook = load();
        String description = "merge \u201C" + codebook.get(sourceId).map(Code::name).orElse("?") + "\u201D into \u201C"
                + codebook.get(targetId).map(Code::name).orElse("?") + "\u201D";
        return new ProjectCommand<>(project, description, CODEBOOK_AND_CODINGS, (connection, recorder) -> {
            Codebook current = load(connection);
            Code source = current.get(sourceId).orElseThrow(CodebookStore::gone);
            current.get(targetId).orElseThrow(CodebookStore::gone);
            if (current.isWithin(targetId, sourceId)) {
                throw new InvalidInputException("\u201C" + source.name() + "\u201D cannot be merged into itself or "
                        + "a code below it.");
            }
            recorder.touch(Tables.CODE, sourceId);
            TagRows.merge(connection, recorder, sourceId, targetId);
            recorder.touchWhere(Tables.CODING, SqlText.of("code_id = ?"), sourceId);
            recorder.touchWhere(Tables.MEMO, SqlText.of("code_id = ?"), sourceId);
            // Evidence links follow: from a duplicate coding to the target's twin, and from the code to the target
            // (a link the target already has stays behind and goes with the source; undo brings it back).
            Sql.update(connection,
                    SqlText.of("UPDATE OR IGNORE evidence_link SET coding_id = (SELECT t.id FROM coding t JOIN coding s"
                            + " ON t.transcript_id = s.transcript_id AND t.coder_id = s.coder_id AND t.start_cp ="
                            + " s.start_cp AND t.end_cp = s.end_cp WHERE s.id = evidence_link.coding_id AND t.code_id ="
                            + " ?) WHERE coding_id IN (SELECT s.id FROM coding s WHERE s.code_id = ? AND EXISTS (SELECT"
                            + " 1 FROM coding t WHERE t.code_id = ? AND t.transcript_id = s.transcript_id AND"
                            + " t.coder_id = s.coder_id AND t.start_cp = s.start_cp AND t.end_cp = s.end_cp))"),
                    targetId, sourceId, targetId);
            Sql.update(connection,
                    SqlText.of("UPDATE OR IGNORE evidence_link SET code_id = ? WHERE code_id = ?"), targetId,
                    sourceId);
            // Codings the target already has (same transcript, coder and range) would be duplicates: drop them.
            Sql.update(connection, SqlText.of("DELETE FROM coding WHERE code_id = ? AND EXISTS (SELECT 1 FROM coding t "
                    + "WHERE t.code_id = ? AND t.transcript_id = coding.transcript_id AND t.coder_id = coding.coder_id "
                    + "AND t.start_cp = coding.start_cp AND t.end_cp = coding.end_cp)"), sourceId, targetId);
            int moved = Sql.update(connection,
                    SqlText.of("UPDATE coding SET code_id = ? WHERE code_id = ?"), targetId, sourceId);
            Sql.update(connection, SqlText.of("UPDATE memo SET code_id = ? WHERE code_id = ?"), targetId, sourceId);
            int position = current.children(targetId).stream().mapToInt(Code::position).max().orElse(-1) + 1;
            for (Code child : current.children(sourceId)) {
                String name = child.name();
                if (siblingNamed(load(connection), targetId, name, child.id())) {
                    name = name + " (from " + source.name() + ")";
                }
                recorder.touch(Tables.CODE, child.id());
                Sql.update(connection, SqlText.of("UPDATE code SET parent_id = ?, position = ?, name = ? WHERE id = ?"),
                        targetId, position++, name, child.id());
            }
            Sql.update(connection, SqlText.of("DELETE FROM code WHERE id = ?"), sourceId);
            return moved;
        });
    }

    /**
     * Splits a code: a new sibling code named {@code newName} is created right after it and the given codings move
     * to it. Returns the new code's id.
     */
    public ProjectCommand<Long> splitCode(long sourceId, String newName, Collection<Long> codingIds) {
        String name = requireName(newName);
        List<Long> ids = List.copyOf(codingIds);
        return new ProjectCommand<>(project, "split code into \u201C" + name + "\u201D", CODEBOOK_AND_CODINGS,
                (connection, recorder) -> {
                    Codebook codebook = load(connection);
                    Code source = codebook.get(sourceId).orElseThrow(CodebookStore::gone);
                    long id = insertCode(connection, recorder, UUID.randomUUID().toString(), source.parentId(), name,
                            null, "Split from \u201C" + source.name() + "\u201D.", null, null, null);
                    for (Long codingId : ids) {
                        recorder.touch(Tables.CODING, codingId);
                        int changed = Sql.update(connection,
                                SqlText.of("UPDATE coding SET code_id = ? WHERE id = ? AND code_id = ?"),
                                id, codingId, sourceId);
                        if (changed == 0) {
                            throw new InvalidInputException("Coding " + codingId + " is not a coding of \u201C"
                                    + source.name() + "\u201D.");
                        }
                    }
                    return id;
                });
    }

    /** Deletes a code, the codes below it, and all their codings and memos. Returns the codings deleted. */
    public ProjectCommand<Integer> deleteCode(long codeId) {
        String name = load().get(codeId).map(Code::name).orElse("?");
        return new ProjectCommand<>(project, "delete code \u201C" + name + "\u201D", CODEBOOK_AND_CODINGS,
                (connection, recorder) -> {
                    List<Code> subtree = load(connection).subtree(codeId);
                    if (subtree.isEmpty()) {
                        throw gone();
                    }
                    int codings = 0;
                    for (Code code : subtree) {
                        recorder.touch(Tables.CODE, code.id());
                        recorder.touchWhere(Tables.MEMO, SqlText.of("code_id = ?"), code.id());
                        recorder.touchWhere(Tables.MEMO,
                                SqlText.of("coding_id IN (SELECT id FROM coding WHERE code_id = ?)"), code.id());
                        recorder.touchWhere(Tables.CODING, SqlText.of("code_id = ?"), code.id());
                        TagRows.touchForDelete(recorder, code.id());
                        codings += (int) Sql.count(connection,
                                SqlText.of("SELECT count(*) FROM coding WHERE code_id = ?"),
                                code.id());
                    }
                    Sql.update(connection, SqlText.of("DELETE FROM code WHERE id = ?"), codeId);
                    return codings;
                });
    }

    private static boolean siblingNamed(Codebook codebook, Long parentId, String name, long except) {
        List<Code> siblings = parentId == null ? codebook.roots() : codebook.children(parentId);
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return siblings.stream().anyMatch(code -> code.id() != except
                && code.name().strip().toLowerCase(Locale.ROOT).equals(wanted));
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("A code needs a name.");
        }
        if (name.contains(Codebook.PATH_SEPARATOR)) {
            throw new InvalidInputException("A code name cannot contain \u201C" + Codebook.PATH_SEPARATOR
                    + "\u201D (it separates levels in code paths).");
        }
        return name.strip();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static InvalidInputException gone() {
        return new InvalidInputException("The code no longer exists (it was deleted or merged).");
    }

    /** The first code (by id) with this name, if any. */
    public static java.util.Optional<Long> codeIdByName(Connection connection, String name) throws SQLException {
        return Sql.list(connection,
                SqlText.of("SELECT id FROM code WHERE name = ? ORDER BY id"), rs -> rs.getLong(1), name)
                .stream().findFirst();
    }
}
