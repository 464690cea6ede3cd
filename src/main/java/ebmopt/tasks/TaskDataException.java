package ebmopt.tasks;

import ebmopt.experiment.EnvironmentFailure;

/** A task's data is missing, corrupt or malformed; the message names the file. */
public final class TaskDataException extends RuntimeException implements EnvironmentFailure {
    private static final long serialVersionUID = 1L;

    public TaskDataException(String message) {
        super(message);
    }

    public TaskDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
