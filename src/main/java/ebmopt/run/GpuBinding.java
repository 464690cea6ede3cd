package ebmopt.run;

import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.TreeMap;

/**
 * The resources Spark assigned to a trial's task, and the binding of ND4J to the GPU among
 * them. With Spark's resource scheduling ({@code spark.task.resource.gpu.amount}) each
 * concurrent task of an executor is given its own GPU addresses; a trial binds ND4J's
 * current thread to its GPU before it allocates anything, so trials sharing an executor
 * never share a device. The assignment is recorded with the trial ({@code resources}).
 * On the CPU backend binding does nothing and does not even initialise ND4J.
 */
public final class GpuBinding {
    /** Spark's resource name for GPUs. */
    public static final String GPU = "gpu";
    private static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";

    private GpuBinding() {
    }

    /** Resource name -> comma-separated addresses assigned to the current task; empty outside a task. */
    public static Map<String, String> assigned() {
        TaskContext task = TaskContext.get();
        Map<String, String> assigned = new TreeMap<>();
        if (task != null) {
            for (Map.Entry<String, ResourceInformation> e : task.resourcesJMap().entrySet()) {
                assigned.put(e.getKey(), String.join(",", e.getValue().addresses()));
            }
        }
        return assigned;
    }

    /**
     * Binds this thread's ND4J device to the first GPU in {@code resources} when ND4J runs on
     * CUDA. Spark's GPU addresses are CUDA device numbers (submit/discover-gpus). A task given
     * several GPUs is bound to its first; a model that uses more places its arrays itself.
     *
     * @return the CUDA device bound, or -1 when there is nothing to bind (CPU backend, no GPU)
     */
    public static int bind(Map<String, String> resources) {
        String gpus = resources.get(GPU);
        if (gpus == null || gpus.isEmpty() || !cudaBackend()) {
            return -1;
        }
        String first = gpus.split(",")[0].trim();
        int device;
        try {
            device = Integer.parseInt(first);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("GPU address '" + first + "' is not a CUDA device number; check the "
                    + "discovery script (spark.executor.resource.gpu.discoveryScript)", e);
        }
        Nd4j.getAffinityManager().unsafeSetDevice(device);
        return device;
    }

    /** Whether ND4J's CUDA backend is on the classpath (the cuda build); checked without loading ND4J. */
    public static boolean cudaBackend() {
        try {
            Class.forName(CUDA_BACKEND, false, GpuBinding.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
