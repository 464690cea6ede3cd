package ebmopt.tasks;

/** How a task's designs are represented. */
public sealed interface Encoding permits Encoding.Discrete, Encoding.Continuous {

    /**
     * Token sequences.
     *
     * @param length     positions per design (L)
     * @param vocabulary tokens per position (K)
     */
    record Discrete(int length, int vocabulary) implements Encoding {
        public Discrete {
            if (length < 1 || vocabulary < 2) {
                throw new IllegalArgumentException("length >= 1 and vocabulary >= 2 required");
            }
        }
    }

    /**
     * Real vectors.
     *
     * @param dimension the number of features
     */
    record Continuous(int dimension) implements Encoding {
        public Continuous {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension >= 1 required");
            }
        }
    }
}
