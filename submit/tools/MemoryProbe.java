import org.bytedeco.javacpp.Pointer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Memory of ND4J trials running side by side in one JVM, as in one Spark executor: heap,
 * javacpp off-heap (Pointer.totalBytes) and process resident memory (VmRSS, VmHWM).
 * Each thread trains its own SameDiff MLP (d -> 128 -> 128 -> 128 -> 1,
 * LeakyReLU, Adam, a batch of 128 positives + 1280 negatives), then takes input-gradient
 * steps on 256 particles (the sampler's work). Results: docs/results-log.md.
 *
 * Usage: java -cp CLASSPATH MemoryProbe.java TRIALS_AT_ONCE [STEPS] [DIM]
 */
public class MemoryProbe {
    public static void main(String[] args) throws Exception {
        int concurrent = Integer.parseInt(args[0]);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int dim = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        report("start");
        Nd4j.create(1);
        report("ND4J loaded");
        Thread[] threads = new Thread[concurrent];
        for (int t = 0; t < concurrent; t++) {
            final int seed = t;
            threads[t] = new Thread(() -> trial(seed, steps, dim), "trial-" + t);
            threads[t].start();
        }
        long peakOffHeap = 0;
        while (alive(threads)) {
            peakOffHeap = Math.max(peakOffHeap, Pointer.totalBytes());
            Thread.sleep(100);
        }
        report("trials done (peak javacpp off-heap while running " + mib(peakOffHeap) + ")");
        System.gc();
        Thread.sleep(500);
        report("after GC");
    }

    private static void trial(int seed, int steps, int dim) {
        Nd4j.getRandom().setSeed(seed);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, dim);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 1);
        SDVariable h = x;
        int in = dim;
        for (int layer = 0; layer < 4; layer++) {
            int out = layer == 3 ? 1 : 128;
            SDVariable w = sd.var("w" + layer, new XavierInitScheme('c', in, out), DataType.FLOAT, in, out);
            SDVariable b = sd.zero("b" + layer, DataType.FLOAT, 1, out);
            h = h.mmul(w).add(b);
            if (layer < 3) {
                h = sd.nn.leakyRelu(h, 0.2);
            }
            in = out;
        }
        sd.loss.meanSquaredError("loss", y, h, null);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-3))
                .dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
        INDArray features = Nd4j.randn(DataType.FLOAT, 128 + 1280, dim);
        INDArray labels = Nd4j.randn(DataType.FLOAT, 128 + 1280, 1);
        DataSet batch = new DataSet(features, labels);
        for (int s = 0; s < steps; s++) {
            sd.fit(batch);
        }
        INDArray particles = Nd4j.randn(DataType.FLOAT, 256, dim);
        INDArray target = Nd4j.zeros(DataType.FLOAT, 256, 1);
        for (int s = 0; s < steps; s++) {
            INDArray grad = sd.calculateGradients(Map.of("x", particles, "y", target), "x").get("x");
            particles.subi(grad.muli(0.01)).addi(Nd4j.randn(DataType.FLOAT, 256, dim).muli(0.01));
        }
    }

    private static boolean alive(Thread[] threads) {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static void report(String when) throws Exception {
        Runtime rt = Runtime.getRuntime();
        String status = Files.readString(Path.of("/proc/self/status"));
        System.out.printf("%-60s heap used %6s (max %s)  javacpp off-heap %6s  VmRSS %s  VmHWM %s%n", when,
                mib(rt.totalMemory() - rt.freeMemory()), mib(rt.maxMemory()), mib(Pointer.totalBytes()),
                field(status, "VmRSS"), field(status, "VmHWM"));
    }

    private static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                long kb = Long.parseLong(line.replaceAll("\\D+", ""));
                return (kb / 1024) + " MiB";
            }
        }
        return "?";
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
