package ebmopt.tasks;

/** A task's data is missing, corrupt or malformed; the message names the file. */
public final class TaskDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskDataException(String message) {
        super(message);
    }

    public TaskDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
