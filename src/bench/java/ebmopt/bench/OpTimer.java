package ebmopt.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A SameDiff listener that times every op execution (wall clock between the pre- and
 * post-execution callbacks) and aggregates by op name, to tell compute from per-op overhead.
 */
final class OpTimer extends BaseListener {
    private final Map<String, long[]> byOp = new HashMap<>();
    private long start;
    private boolean enabled;

    void enable(boolean on) {
        enabled = on;
    }

    void reset() {
        byOp.clear();
    }

    @Override
    public boolean isActive(Operation operation) {
        return enabled;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        start = System.nanoTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                            INDArray[] outputs) {
        long t = System.nanoTime() - start;
        long[] agg = byOp.computeIfAbsent(op.getOp().opName(), k -> new long[2]);
        agg[0]++;
        agg[1] += t;
    }

    /** Executions counted since the last reset. */
    long executions() {
        return byOp.values().stream().mapToLong(a -> a[0]).sum();
    }

    /** Nanoseconds inside ops since the last reset. */
    long nanosInOps() {
        return byOp.values().stream().mapToLong(a -> a[1]).sum();
    }

    /** The {@code top} op names by total time, one line each: name, count, total ms, mean us. */
    List<String> table(int top) {
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(byOp.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : rows.subList(0, Math.min(top, rows.size()))) {
            long[] a = e.getValue();
            out.add(String.format("  %-28s %5d x  %9.2f ms  %9.1f us/op", e.getKey(), a[0], a[1] / 1e6,
                    a[1] / 1e3 / a[0]));
        }
        return out;
    }
}
