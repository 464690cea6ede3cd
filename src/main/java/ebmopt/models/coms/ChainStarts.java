package ebmopt.models.coms;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Where each training batch's negative chains start ({@link NegativeStart}); for persistent
 * contrastive divergence also where they ended, kept in a replay buffer across batches.
 *
 * @param kind       batch, uniform, mixed or persistent
 * @param bufferSize persistent: points kept between batches
 * @param reinit     persistent: the probability that a drawn point restarts from noise
 * @param noise      draws one uniform point (model coordinates)
 */
record ChainStarts(NegativeStart kind, int bufferSize, double reinit, Supplier<double[]> noise) {

    /** The starts of one training run (its own replay buffer, when persistent). */
    Run open(SplittableRandom rng) {
        return new Run(rng);
    }

    /** One training run's chain starts. */
    final class Run {
        private final SplittableRandom rng;
        private final double[][] buffer;
        private int[] drawn = new int[0];

        private Run(SplittableRandom rng) {
            this.rng = rng;
            this.buffer = kind == NegativeStart.PERSISTENT ? new double[bufferSize][] : null;
            if (buffer != null) {
                for (int i = 0; i < bufferSize; i++) {
                    buffer[i] = noise.get();
                }
            }
        }

        /** The starting points of the chains for one batch (not to be modified). */
        double[][] starts(double[][] batch) {
            double[][] out = new double[batch.length][];
            if (kind == NegativeStart.PERSISTENT) {
                drawn = new int[batch.length];
                for (int i = 0; i < batch.length; i++) {
                    drawn[i] = rng.nextInt(bufferSize);
                    out[i] = rng.nextDouble() < reinit ? noise.get() : buffer[drawn[i]];
                }
                return out;
            }
            if (kind == NegativeStart.BATCH) {
                return batch;
            }
            for (int i = 0; i < batch.length; i++) {
                out[i] = kind == NegativeStart.MIXED && i % 2 == 0 ? batch[i] : noise.get();
            }
            return out;
        }

        /** Where the chains started by the last {@link #starts} ended (kept when persistent). */
        void ended(double[][] ends) {
            if (buffer == null) {
                return;
            }
            for (int i = 0; i < drawn.length; i++) {
                buffer[drawn[i]] = ends[i].clone();
            }
        }
    }
}
