package org.divergence.store.project;

import java.nio.file.Path;
import org.divergence.core.common.InvalidInputException;

/** A second writer tried to open a project that another window or process has open. */
public class ProjectInUseException extends InvalidInputException {
    public ProjectInUseException(Path project, String holder) {
        super(project + ": is already open in " + holder + "; close it there first (one writer per project)");
    }
}
