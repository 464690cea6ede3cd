package ebmopt.models.lebm;

import ebmopt.experiment.TrialOutcome.CurvePoint;
import ebmopt.optim.Adam;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training run of {@link LebmExperiment} as bytes, for its checkpoints: the iterations done,
 * the time spent, the curves recorded so far, both optimisers' step counts and every array
 * the next iterations depend on (the VAE's and the ratio network's parameters and Adam
 * moments, bit for bit). Restoring one and training on gives the run that was never stopped.
 */
final class LatentEbmState {
    private static final int MAGIC = 0x4C45424D; // "LEBM"
    private static final int VERSION = 1;

    private LatentEbmState() {
    }

    /** Where a resumed run stands. */
    record Progress(int iterations, long trainNanos, long samplingNanos, List<CurvePoint> curves) {
        /** A run that has not started. */
        static final Progress START = new Progress(0, 0, 0, List.of());
    }

    static byte[] save(Progress progress, Adam vae, Adam ratio) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(progress.iterations());
            out.writeLong(progress.trainNanos());
            out.writeLong(progress.samplingNanos());
            out.writeInt(progress.curves().size());
            for (CurvePoint c : progress.curves()) {
                out.writeUTF(c.metric());
                out.writeLong(c.step());
                out.writeDouble(c.value());
            }
            for (Adam group : List.of(vae, ratio)) {
                out.writeInt(group.steps());
                List<INDArray> arrays = group.state();
                out.writeInt(arrays.size());
                for (INDArray a : arrays) {
                    float[] v = Nd4j.toFlattened('c', a).toFloatVector();
                    out.writeInt(v.length);
                    for (float f : v) {
                        out.writeFloat(f);
                    }
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a saved state into the optimisers' arrays (in place: the samplers' graphs share
     * them) and returns where the run stood. A state of another model shape, or a truncated
     * one, fails before anything is written.
     */
    static Progress restore(byte[] state, Adam vae, Adam ratio) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not an LEBM checkpoint of version " + VERSION);
            }
            int iterations = in.readInt();
            long trainNanos = in.readLong();
            long samplingNanos = in.readLong();
            int points = in.readInt();
            List<CurvePoint> curves = new ArrayList<>(points);
            for (int i = 0; i < points; i++) {
                curves.add(new CurvePoint(in.readUTF(), in.readLong(), in.readDouble()));
            }
            // read and check everything first: a bad state leaves the model untouched
            List<Adam> groups = List.of(vae, ratio);
            int[] steps = new int[groups.size()];
            List<List<float[]>> values = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                steps[g] = in.readInt();
                List<INDArray> arrays = groups.get(g).state();
                int count = in.readInt();
                if (count != arrays.size()) {
                    throw new IllegalArgumentException("checkpoint has " + count + " arrays, the model " + arrays.size());
                }
                List<float[]> group = new ArrayList<>();
                for (INDArray a : arrays) {
                    int n = in.readInt();
                    if (n != a.length()) {
                        throw new IllegalArgumentException("checkpoint array of " + n + " values, the model's has "
                                + a.length());
                    }
                    float[] v = new float[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = in.readFloat();
                    }
                    group.add(v);
                }
                values.add(group);
            }
            for (int g = 0; g < groups.size(); g++) {
                groups.get(g).restoreSteps(steps[g]);
                List<INDArray> arrays = groups.get(g).state();
                for (int i = 0; i < arrays.size(); i++) {
                    arrays.get(i).assign(Nd4j.createFromArray(values.get(g).get(i)).reshape('c', arrays.get(i).shape()));
                }
            }
            return new Progress(iterations, trainNanos, samplingNanos, curves);
        } catch (IOException e) {
            throw new UncheckedIOException("truncated LEBM checkpoint", e);
        }
    }
}
