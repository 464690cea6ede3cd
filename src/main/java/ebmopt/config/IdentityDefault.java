package ebmopt.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter added after trials had run: while it holds {@link #value()} (its default, as
 * {@link RecordBinder#toMap} writes it) it is left out of the trial's identity, so the trials run
 * before the parameter existed keep their ids and derived seeds (their checkpoints, final states
 * and published rows stay theirs). Any other value enters the identity as usual.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface IdentityDefault {
    /** The value, as {@code String.valueOf} of its {@link RecordBinder#toMap} form, that leaves the key out. */
    String value();
}
