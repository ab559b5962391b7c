package org.divergence.core.undo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UndoHistoryTest {

    private final List<String> state = new ArrayList<>();

    private UndoableCommand add(String value) {
        return new UndoableCommand() {
            @Override
            public String description() {
                return "add " + value;
            }

            @Override
            public void execute() {
                state.add(value);
            }

            @Override
            public void undo() {
                state.remove(value);
            }
        };
    }

    @Test
    void undoesAndRedoesSeveralStepsInOrder() {
        UndoHistory history = new UndoHistory();
        history.execute(add("a"));
        history.execute(add("b"));
        history.execute(add("c"));
        assertTrue(history.undo());
        assertTrue(history.undo());
        assertEquals(List.of("a"), state);
        assertEquals(Optional.of("add b"), history.nextRedo());
        assertTrue(history.redo());
        assertEquals(List.of("a", "b"), state);
        assertEquals(Optional.of("add b"), history.nextUndo());
    }

    @Test
    void newCommandClearsRedoAndRevisionCountsEveryChange() {
        UndoHistory history = new UndoHistory();
        history.execute(add("a"));
        history.undo();
        assertTrue(history.canRedo());
        history.execute(add("b"));
        assertFalse(history.canRedo());
        assertEquals(3, history.revision());
    }

    @Test
    void failingCommandIsNotRecorded() {
        UndoHistory history = new UndoHistory();
        UndoableCommand failing = new UndoableCommand() {
            @Override
            public String description() {
                return "fail";
            }

            @Override
            public void execute() {
                throw new IllegalStateException("no");
            }

            @Override
            public void undo() {
            }
        };
        assertThrows(IllegalStateException.class, () -> history.execute(failing));
        assertFalse(history.canUndo());
        assertEquals(0, history.revision());
    }

    @Test
    void historyIsBounded() {
        UndoHistory history = new UndoHistory(2);
        history.execute(add("a"));
        history.execute(add("b"));
        history.execute(add("c"));
        assertTrue(history.undo());
        assertTrue(history.undo());
        assertFalse(history.undo());
        assertEquals(List.of("a"), state);
    }
}
