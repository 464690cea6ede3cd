package ebmopt.run;

import ebmopt.results.TrialStatus;
import ebmopt.tasks.TaskDataException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Missing data and I/O anywhere in the cause chain make a failure retryable; anything else is the model's. */
class FailureCauseTest {

    @Test
    void environmentFailuresAreRetryableAndModelFailuresAreNot() {
        assertEquals(TrialStatus.RETRYABLE, FailureCause.statusOf(new TaskDataException("Missing data file x")));
        assertEquals(TrialStatus.RETRYABLE, FailureCause.statusOf(new UncheckedIOException(new IOException("disk"))));
        assertEquals(TrialStatus.RETRYABLE, FailureCause.statusOf(
                new IllegalStateException("loading the task", new RuntimeException(new IOException("nfs")))));
        assertEquals(TrialStatus.FAILED, FailureCause.statusOf(new IllegalStateException("a bug")));
        assertEquals(TrialStatus.FAILED, FailureCause.statusOf(new ArithmeticException("/ by zero")));
        assertEquals(TrialStatus.RETRYABLE, TrialStatus.fromLabel("retryable"));
    }
}
