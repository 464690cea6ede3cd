package ebmopt.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** Lending idle cores to a trial's two halves, and refusing when every core is occupied. */
class IdleCoresTest {

    static boolean twoCores() {
        return Runtime.getRuntime().availableProcessors() >= 2;
    }

    @Test
    @EnabledIf("twoCores")
    void halvesRunAtOnceWhileACoreIsIdle() {
        int idleBefore = IdleCores.idle();
        CountDownLatch bothStarted = new CountDownLatch(2);
        AtomicReference<Thread> second = new AtomicReference<>();
        Runnable meet = () -> {
            bothStarted.countDown();
            try {
                // each half waits for the other: only halves that run at once get past this
                if (!bothStarted.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the halves did not run at once");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
        IdleCores.runBoth(meet, () -> {
            second.set(Thread.currentThread());
            meet.run();
        });
        assertNotEquals(Thread.currentThread(), second.get());
        assertEquals(idleBefore, IdleCores.idle(), "the lent core is given back");
    }

    @Test
    void halvesRunHereOneAfterTheOtherWhenEveryCoreIsOccupied() {
        List<IdleCores.Occupation> held = new ArrayList<>();
        try {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                held.add(IdleCores.occupy());
            }
            assertEquals(0, IdleCores.idle());
            List<String> order = new ArrayList<>();
            AtomicReference<Thread> second = new AtomicReference<>();
            IdleCores.runBoth(() -> order.add("first"), () -> {
                second.set(Thread.currentThread());
                order.add("second");
            });
            assertEquals(List.of("first", "second"), order);
            assertSame(Thread.currentThread(), second.get());
        } finally {
            held.forEach(IdleCores.Occupation::close);
        }
    }

    @Test
    void anExecutorWithOneCoreLendsNoneToItsOwnCaller() {
        IdleCores.limitTo(1);
        try {
            assertEquals(1, IdleCores.idle(), "one core and no trial");
            AtomicReference<Thread> second = new AtomicReference<>();
            IdleCores.runBoth(() -> { }, () -> second.set(Thread.currentThread()));
            assertSame(Thread.currentThread(), second.get());
        } finally {
            IdleCores.limitTo(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void aFailingHalfFailsTheCallAndGivesItsCoreBack() {
        int idleBefore = IdleCores.idle();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> IdleCores.runBoth(() -> { }, () -> {
                    throw new IllegalStateException("second half failed");
                }));
        assertEquals("second half failed", thrown.getMessage());
        assertThrows(ArithmeticException.class, () -> IdleCores.runBoth(() -> {
            throw new ArithmeticException("first");
        }, () -> { }));
        assertEquals(idleBefore, IdleCores.idle());
    }
}
