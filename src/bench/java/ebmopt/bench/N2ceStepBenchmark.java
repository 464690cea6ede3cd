package ebmopt.bench;

import ebmopt.experiment.IdleCores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Times one paper-scale N2CE training iteration of the LEBM ratio network in SameDiff
 * (n1 = 128 positives, n2 = M n1 = 12,800 negatives, M = 100, 16 residual blocks, Adam lr
 * 5e-5), the same step {@code shared/bench/torch_peer.py} times in PyTorch, beside the
 * machine's sgemm rate measured in the same run; then an SVGD-like input-gradient step.
 *
 * <p>Variants: {@code separate} runs positives and negatives through the network as two
 * placeholders (as the peer does), {@code fused} stacks them into one batch and weights each
 * row's softplus term (sign and weight per row); {@code transposed} stores weights [out, in]
 * and multiplies with transposeB, as PyTorch does, instead of the fused xw_plus_b op;
 * {@code relu-mix} computes LeakyReLU(x) as 0.2 x + 0.8 relu(x) instead of the leakyrelu op.
 * Besides the steps it times the kernels alone (no SameDiff), profiles ops per step, and
 * times the product's own steps ({@code ebmopt.models.lebm}: the ratio network
 * {@code RatioNet}, hand-written on ND4J, in the prior's N2CE step; the VAE's step; an SVGD
 * iteration), after checking that {@code RatioNet} computes what the SameDiff graph computes
 * ({@link SameDiffCheck}).
 *
 * <p>Usage: {@code submit/bench-n2ce [kernels|lebm] [iterations] [warm-up]} (defaults 20
 * and 3; {@code kernels}: sgemm and the kernels only; {@code lebm}: the product's steps
 * only). Run with
 * OMP_NUM_THREADS=1 (the script sets it). Prints one {@code key value} line per figure.
 */
public final class N2ceStepBenchmark {
    private static final int LATENT = 20;
    private static final int HIDDEN = 128;
    private static final int BLOCKS = 16;
    private static final int STAGES = 7;
    private static final int POSITIVES = 128;
    private static final double NOISE_MAGNITUDE = 100;
    private static final double LEARNING_RATE = 5e-5;

    private N2ceStepBenchmark() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 && !Character.isDigit(args[0].charAt(0)) ? args[0] : "all";
        if (!mode.equals("all")) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        boolean kernelsOnly = mode.equals("kernels");
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Nd4j.getRandom().setSeed(0);
        List<String> report = new ArrayList<>();
        report.add("# omp_num_threads " + System.getenv("OMP_NUM_THREADS") + ", cores "
                + Runtime.getRuntime().availableProcessors() + ", backend "
                + Nd4j.getBackend().getClass().getSimpleName() + "; each figure: median wall / median process CPU");

        Timing sgemm = Timing.of(sgemm(), 10, 2);
        double flop = 2.0 * Math.pow(2048, 3) / 1e6;
        report.add(String.format("sgemm_2048_gflop_s wall %.1f, cpu %.1f", flop / sgemm.wallMs(), flop / sgemm.cpuMs()));
        report.add("mlp_small_step " + Timing.of(smallMlpStep(), 100, 20));

        int negatives = (int) (NOISE_MAGNITUDE * POSITIVES);
        if (mode.equals("lebm")) {
            report.add(check(negatives));
            report.addAll(lebmSteps(iterations, warmup, flop / sgemm.cpuMs()));
            report.forEach(System.out::println);
            return;
        }
        report.addAll(kernels(POSITIVES + negatives, iterations));
        if (kernelsOnly) {
            report.forEach(System.out::println);
            return;
        }
        List<Variant> variants = List.of(new Variant(false, false, false), new Variant(true, false, false),
                new Variant(true, true, false), new Variant(true, false, true), new Variant(true, true, true));
        for (Variant v : variants) {
            Step step = new Step(new RatioNetwork(LATENT, HIDDEN, BLOCKS, v.transposed(), v.reluMix()), v.fused(),
                    POSITIVES, negatives);
            long t0 = System.nanoTime();
            step.fit();
            report.add(String.format("n2ce_paper_first_step_ms[%s] %.1f (gradient graph built once, here)", v,
                    (System.nanoTime() - t0) / 1e6));
            Timing t = Timing.of(step::fit, iterations, warmup);
            double gflop = 3.0 * 2 * (POSITIVES + negatives) * step.network.multiplyAddsPerRow() / 1e6;
            report.add(String.format("n2ce_paper_step[%s] %s; achieved GFLOP/s (cpu) %.1f", v, t, gflop / t.cpuMs()));
            report.add(String.format("  forward_loss[%s] %s", v, Timing.of(step::forward, Math.max(5, iterations / 2), 1)));
            if (!v.fused()) {
                report.add("  forward_negatives_only " + Timing.of(() -> step.output("fn"), Math.max(5, iterations / 2), 1));
                report.add("  forward_positives_only " + Timing.of(() -> step.output("fp"), Math.max(5, iterations / 2), 1));
            }
            if (!v.transposed()) {
                report.addAll(step.profile(v.toString(), 3));
            }
        }

        report.add(check(negatives));
        report.addAll(lebmSteps(iterations, warmup, flop / sgemm.cpuMs()));

        RatioNetwork net = new RatioNetwork(LATENT, HIDDEN, BLOCKS, false, true);
        for (int copies : new int[] {1, STAGES}) {
            InputGradient g = new InputGradient(net, 256, copies);
            report.add(String.format("svgd_input_gradient[256 particles x %d stage(s), relu-mix] %s", copies,
                    Timing.of(g::run, Math.max(20, iterations), warmup)));
        }
        System.out.println();
        System.out.println("=== N2ceStepBenchmark (peer: torch_peer.py, 375 ms on an idle machine, shared/bench) ===");
        report.forEach(System.out::println);
    }

    /**
     * The product's LEBM steps (ebmopt.models.lebm) at the paper's scale: the prior's step in one
     * pass and in two parts (one core, then two), whole iterations of a lone trial on one and on
     * two cores with the projected wall time of a paper-scale trial, and a sweep's throughput with
     * one trial per core.
     */
    static List<String> lebmSteps(int iterations, int warmup, double sgemmGflops) {
        List<String> r = new ArrayList<>();
        ebmopt.models.lebm.LebmStepTimer onePass = new ebmopt.models.lebm.LebmStepTimer(POSITIVES,
                (int) NOISE_MAGNITUDE, BLOCKS, 1);
        ebmopt.models.lebm.LebmStepTimer lebm = new ebmopt.models.lebm.LebmStepTimer(POSITIVES, (int) NOISE_MAGNITUDE,
                BLOCKS);
        double gflop = 3.0 * 2 * POSITIVES * (1 + NOISE_MAGNITUDE) * lebm.ratioMultiplyAddsPerRow() / 1e6;
        Timing whole = oneCore(() -> Timing.of(onePass.priorStep(), iterations, warmup));
        r.add(String.format("lebm_prior_n2ce_step[n1 128, n2 12800, 16 blocks, K 6; one pass, 1 core] %s; "
                + "peer-equivalent GFLOP/s (cpu) %.1f, %.0f%% of sgemm's", whole, gflop / whole.cpuMs(),
                100 * gflop / whole.cpuMs() / sgemmGflops));
        Timing partsOneCore = oneCore(() -> Timing.of(lebm.priorStep(), iterations, warmup));
        r.add("lebm_prior_n2ce_step[two parts, 1 core] " + partsOneCore);
        Timing partsTwoCores = Timing.of(lebm.priorStep(), iterations, warmup);
        r.add(String.format("lebm_prior_n2ce_step[two parts, 2 cores] %s; speed-up over 1 core %.2fx",
                partsTwoCores, partsOneCore.wallMs() / partsTwoCores.wallMs()));
        r.add("lebm_vae_step[n1 128] " + Timing.of(lebm.vaeStep(), iterations, warmup));
        r.add("lebm_sampler_gradient[Q 256, 7 stages] " + Timing.of(lebm.samplerGradient(256), iterations, warmup));
        Timing svgd = Timing.of(lebm.svgdIteration(256), iterations, warmup);
        r.add("lebm_svgd_iteration[Q 256, 7 stages] " + svgd);
        // whole iterations settle slowly (the JIT, the heap): at least 20 untimed ones first
        Runnable iteration = ebmopt.models.lebm.LebmStepTimer.iteration();
        Timing oneCore = oneCore(() -> Timing.of(iteration, iterations, Math.max(20, warmup)));
        Timing twoCores = Timing.of(iteration, iterations, Math.max(20, warmup));
        // 30K iterations, a learning-curve point every 1000 (T = 100) and the final sampling (T = 500)
        double samplingMs = (30 * 100 + 500) * svgd.wallMs();
        for (Object[] c : new Object[][] {{"1 core", oneCore}, {"2 cores", twoCores}}) {
            Timing t = (Timing) c[1];
            r.add(String.format("lebm_iteration[paper settings, lone trial, %s] %s; projected paper-scale trial "
                    + "(30K iterations + sampling) %.0f min", c[0], t, (30_000 * t.wallMs() + samplingMs) / 60_000));
        }
        r.add(String.format("lebm_sweep_throughput[two trials at once, one per core] %.2fx the trials per hour of one "
                + "core", sweepThroughput(iterations, warmup)));
        return r;
    }

    /** Runs {@code timed} with every core of the JVM occupied: what a trial gets when all cores run trials. */
    private static Timing oneCore(java.util.function.Supplier<Timing> timed) {
        List<IdleCores.Occupation> held = new ArrayList<>();
        try {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                held.add(IdleCores.occupy());
            }
            return timed.get();
        } finally {
            held.forEach(IdleCores.Occupation::close);
        }
    }

    /**
     * Two trials' iterations at once (each occupying a core, as in a sweep) against one trial's
     * alone on a full machine: the trials per hour of two cores over those of one.
     */
    private static double sweepThroughput(int iterations, int warmup) {
        Runnable a = ebmopt.models.lebm.LebmStepTimer.iteration();
        Runnable b = ebmopt.models.lebm.LebmStepTimer.iteration();
        double alone = oneCore(() -> Timing.of(a, iterations, Math.max(20, warmup))).wallMs();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Double>> both = new ArrayList<>();
            for (Runnable trial : List.of(a, b)) {
                both.add(pool.submit(() -> {
                    IdleCores.Occupation core = IdleCores.occupy();
                    try {
                        return Timing.of(trial, iterations, Math.max(20, warmup)).wallMs();
                    } finally {
                        core.close();
                    }
                }));
            }
            double pair = Math.max(both.get(0).get(), both.get(1).get());
            return 2 * alone / pair;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    /** RatioNet against the SameDiff graph at the paper's width, depth and batch (same weights). */
    static String check(int negatives) {
        int[] counts = new int[STAGES];
        java.util.Arrays.fill(counts, (POSITIVES + negatives) / STAGES);
        counts[0] += (POSITIVES + negatives) % STAGES;
        StringBuilder line = new StringBuilder("ratio_net_vs_samediff[same weights, " + (POSITIVES + negatives)
                + " rows] max rel err");
        SameDiffCheck.errors(LATENT, HIDDEN, BLOCKS, counts, 0).forEach((name, err) ->
                line.append(String.format("; %s %.1e", name, err)));
        return line.toString();
    }

    /**
     * One way of building the step.
     *
     * @param fused      positives and negatives in one batch (else two placeholders, as the peer)
     * @param transposed weights [out, in] with transposeB matmul (else [in, out] and xw_plus_b)
     * @param reluMix    LeakyReLU as 0.2 x + 0.8 relu(x) (else SameDiff's leakyrelu op)
     */
    record Variant(boolean fused, boolean transposed, boolean reluMix) {
        @Override
        public String toString() {
            return (fused ? "fused" : "separate") + (transposed ? "+transposed" : "") + (reluMix ? "+relu-mix" : "");
        }
    }

    /** One N2CE training graph with fixed inputs. */
    static final class Step {
        final RatioNetwork network;
        final SameDiff sd = SameDiff.create();
        final Map<String, INDArray> inputs;
        final MultiDataSet batch;
        final OpTimer timer = new OpTimer();
        final boolean fused;

        Step(RatioNetwork network, boolean fused, int positives, int negatives) {
            this.network = network;
            this.fused = fused;
            double logM = Math.log(NOISE_MAGNITUDE);
            INDArray zp = Nd4j.randn(DataType.FLOAT, positives, LATENT).addi(1);
            INDArray zn = Nd4j.randn(DataType.FLOAT, negatives, LATENT);
            INDArray kp = stages(positives);
            INDArray kn = stages(negatives);
            SDVariable loss;
            if (fused) {
                // One batch: row i contributes weight_i * softplus(sign_i * (log M - f_i));
                // positives: sign +1, weight 1/n1; negatives: sign -1, weight M/n2.
                SDVariable z = sd.placeHolder("z", DataType.FLOAT, -1, LATENT);
                SDVariable k = sd.placeHolder("k", DataType.FLOAT, -1, 1);
                SDVariable sign = sd.placeHolder("sign", DataType.FLOAT, -1, 1);
                SDVariable weight = sd.placeHolder("weight", DataType.FLOAT, -1, 1);
                SDVariable f = network.build(sd, z, k);
                SDVariable terms = sd.nn.softplus(sign.mul(f.rsub(logM))).mul(weight);
                loss = terms.sum("loss");
                INDArray s = Nd4j.concat(0, Nd4j.ones(DataType.FLOAT, positives, 1),
                        Nd4j.ones(DataType.FLOAT, negatives, 1).negi());
                INDArray w = Nd4j.concat(0, Nd4j.valueArrayOf(new long[] {positives, 1}, 1.0 / positives, DataType.FLOAT),
                        Nd4j.valueArrayOf(new long[] {negatives, 1}, NOISE_MAGNITUDE / negatives, DataType.FLOAT));
                inputs = Map.of("z", Nd4j.concat(0, zp, zn), "k", Nd4j.concat(0, kp, kn), "sign", s, "weight", w);
                batch = new MultiDataSet(new INDArray[] {inputs.get("z"), inputs.get("k"), s, w}, new INDArray[0]);
                features("z", "k", "sign", "weight");
            } else {
                SDVariable zpv = sd.placeHolder("zp", DataType.FLOAT, -1, LATENT);
                SDVariable kpv = sd.placeHolder("kp", DataType.FLOAT, -1, 1);
                SDVariable znv = sd.placeHolder("zn", DataType.FLOAT, -1, LATENT);
                SDVariable knv = sd.placeHolder("kn", DataType.FLOAT, -1, 1);
                SDVariable fp = network.build(sd, zpv, kpv).rename("fp");
                SDVariable fn = network.build(sd, znv, knv).rename("fn");
                SDVariable lp = sd.mean(sd.nn.softplus(fp.rsub(logM)));
                SDVariable ln = sd.mean(sd.nn.softplus(fn.sub(logM))).mul(NOISE_MAGNITUDE);
                loss = lp.add("loss", ln);
                inputs = Map.of("zp", zp, "kp", kp, "zn", zn, "kn", kn);
                batch = new MultiDataSet(new INDArray[] {zp, kp, zn, kn}, new INDArray[0]);
                features("zp", "kp", "zn", "kn");
            }
            sd.setLossVariables(loss);
        }

        private void features(String... names) {
            sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(LEARNING_RATE))
                    .dataSetFeatureMapping(names).markLabelsUnused().build());
            sd.setListeners(timer);
        }

        private static INDArray stages(int n) {
            INDArray k = Nd4j.rand(DataType.FLOAT, n, 1).muli(STAGES);
            return Transforms.floor(k, false);
        }

        void fit() {
            sd.fit(batch);
        }

        void forward() {
            sd.output(inputs, "loss");
        }

        void output(String name) {
            sd.output(inputs, name);
        }

        void gradients() {
            List<String> params = new ArrayList<>();
            sd.variables().forEach(v -> {
                if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                    params.add(v.name());
                }
            });
            sd.calculateGradients(inputs, params);
        }

        /** Op counts and the time inside ops per training step (mean over {@code steps} steps). */
        List<String> profile(String name, int steps) {
            List<String> out = new ArrayList<>();
            timer.reset();
            timer.enable(true);
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                fit();
            }
            long total = (System.nanoTime() - t0) / steps;
            timer.enable(false);
            long executions = timer.executions() / steps;
            long inOps = timer.nanosInOps() / steps;
            out.add(String.format("  profile[%s] per fit step: %.1f ms wall, %d op executions, %.1f ms inside ops,"
                    + " %.1f ms outside (%.1f us per op)", name, total / 1e6, executions, inOps / 1e6,
                    (total - inOps) / 1e6, (total - inOps) / 1e3 / executions));
            out.add("  graph ops: forward " + sd.ops().length + ", with gradients "
                    + (sd.getFunction("grad") == null ? "?" : sd.getFunction("grad").ops().length));
            out.add("  top ops by time over " + steps + " steps (name, executions, total, mean):");
            out.addAll(timer.table(12));
            return out;
        }
    }

    /** d/dz sum f(z, k) for a batch of particles (the SVGD / Langevin gradient). */
    static final class InputGradient {
        final SameDiff sd = SameDiff.create();
        final Map<String, INDArray> inputs;

        InputGradient(RatioNetwork network, int particles, int stageCopies) {
            SDVariable z = sd.placeHolder("z", DataType.FLOAT, -1, LATENT);
            SDVariable k = sd.placeHolder("k", DataType.FLOAT, -1, 1);
            network.build(sd, z, k).sum("total");
            sd.setLossVariables("total");
            int n = particles * stageCopies;
            INDArray stage = Nd4j.create(DataType.FLOAT, n, 1);
            for (int i = 0; i < n; i++) {
                stage.putScalar(i, 0, i / particles);
            }
            inputs = Map.of("z", Nd4j.randn(DataType.FLOAT, n, LATENT), "k", stage);
        }

        void run() {
            sd.calculateGradients(inputs, "z");
        }
    }

    /**
     * The step's kernels called directly through ND4J (no SameDiff) on a [rows, 128] batch: is a
     * slow op slow in libnd4j itself or in the graph executor around it?
     */
    static List<String> kernels(int rows, int iterations) {
        INDArray x = Nd4j.randn(DataType.FLOAT, rows, HIDDEN);
        INDArray y = Nd4j.randn(DataType.FLOAT, rows, HIDDEN);
        INDArray w = Nd4j.randn(DataType.FLOAT, HIDDEN, HIDDEN);
        INDArray out = Nd4j.create(DataType.FLOAT, rows, HIDDEN);
        INDArray wOut = Nd4j.create(DataType.FLOAT, HIDDEN, HIDDEN);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, rows);
        INDArray bOut = Nd4j.create(DataType.FLOAT, 1, HIDDEN);
        int n = Math.max(10, iterations);
        double flop = 2.0 * rows * HIDDEN * HIDDEN / 1e6;
        List<String> r = new ArrayList<>();
        Timing mm = Timing.of(() -> x.mmuli(w, out), n, 3);
        r.add(String.format("kernel[%d x 128 x 128 mmul] %s (%.1f GFLOP/s cpu)", rows, mm, flop / mm.cpuMs()));
        Timing mmt = Timing.of(() -> x.transpose().mmuli(y, wOut), n, 3);
        r.add(String.format("kernel[128 x %d x 128 mmul, weight gradient] %s (%.1f GFLOP/s cpu)", rows, mmt,
                flop / mmt.cpuMs()));
        for (char xo : new char[] {'c', 'f'}) {
            for (char wo : new char[] {'c', 'f'}) {
                for (char oo : new char[] {'c', 'f'}) {
                    INDArray xx = x.dup(xo);
                    INDArray ww = w.dup(wo);
                    INDArray o = Nd4j.create(DataType.FLOAT, new long[] {rows, HIDDEN}, oo);
                    Timing t = Timing.of(() -> xx.mmuli(ww, o), n, 3);
                    r.add(String.format("kernel[%d x 128 x 128 mmul, orders x=%c w=%c out=%c] %s (%.1f GFLOP/s cpu)",
                            rows, xo, wo, oo, t, flop / t.cpuMs()));
                }
            }
        }
        for (boolean[] tr : new boolean[][] {{false, false}, {false, true}}) {
            Timing gt = Timing.of(() -> Nd4j.gemm(x, w, out, tr[0], tr[1], 1.0, 0.0), n, 3);
            r.add(String.format("kernel[%d x 128 x 128 Nd4j.gemm, transposeB %b] %s (%.1f GFLOP/s cpu)", rows, tr[1],
                    gt, flop / gt.cpuMs()));
        }
        Timing gw = Timing.of(() -> Nd4j.gemm(x, y, wOut, true, false, 1.0, 0.0), n, 3);
        r.add(String.format("kernel[128 x %d x 128 Nd4j.gemm, transposeA (weight gradient)] %s (%.1f GFLOP/s cpu)",
                rows, gw, flop / gw.cpuMs()));
        INDArray wf = w.dup('f');
        INDArray outF = Nd4j.create(DataType.FLOAT, new long[] {rows, HIDDEN}, 'f');
        Timing gf = Timing.of(() -> Nd4j.gemm(x, wf, outF, false, false, 1.0, 0.0), n, 3);
        r.add(String.format("kernel[%d x 128 x 128 Nd4j.gemm, out f-order] %s (%.1f GFLOP/s cpu)", rows, gf,
                flop / gf.cpuMs()));
        r.add("kernel[step " + rows + " x 128, in place] " + Timing.of(() -> Transforms.step(out.assign(x), false), n, 3));
        INDArray xt = x.transpose().dup('c');
        INDArray outT = Nd4j.create(DataType.FLOAT, HIDDEN, rows);
        Timing wide = Timing.of(() -> w.transpose().mmuli(xt, outT), n, 3);
        r.add(String.format("kernel[128 x 128 x %d mmul (batch as columns)] %s (%.1f GFLOP/s cpu)", rows, wide,
                flop / wide.cpuMs()));
        String shape = rows + " x 128";
        r.add("kernel[leakyrelu " + shape + ", Transforms, in place] "
                + Timing.of(() -> Transforms.leakyRelu(out.assign(x), 0.2, false), n, 3));
        r.add("kernel[assign (copy) " + shape + "] " + Timing.of(() -> out.assign(x), n, 3));
        r.add("kernel[relu " + shape + ", Transforms, in place] "
                + Timing.of(() -> Transforms.relu(out.assign(x), false), n, 3));
        r.add("kernel[scalar mul " + shape + ", in place] " + Timing.of(() -> out.muli(0.5), n, 3));
        r.add("kernel[add " + shape + ", in place] " + Timing.of(() -> out.addi(x), n, 3));
        r.add("kernel[sum over rows " + shape + "] " + Timing.of(() -> x.sum(0), n, 3));
        r.add("kernel[ones^T x as gemm (bias gradient) " + shape + "] " + Timing.of(() -> ones.mmuli(x, bOut), n, 3));
        return r;
    }

    /** A 2048 x 2048 float matrix product. */
    static Runnable sgemm() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 2048, 2048);
        INDArray b = Nd4j.rand(DataType.FLOAT, 2048, 2048);
        INDArray c = Nd4j.create(DataType.FLOAT, 2048, 2048);
        return () -> a.mmuli(b, c);
    }

    /** The peer's small step: MLP 20-128-128-128-1, 128 positives + 1280 negatives, M = 10. */
    static Runnable smallMlpStep() {
        SameDiff sd = SameDiff.create();
        SDVariable xp = sd.placeHolder("xp", DataType.FLOAT, -1, LATENT);
        SDVariable xn = sd.placeHolder("xn", DataType.FLOAT, -1, LATENT);
        int[] sizes = {LATENT, 128, 128, 128, 1};
        for (int i = 0; i < 4; i++) {
            double bound = 1.0 / Math.sqrt(sizes[i]);
            sd.var("w" + i, Nd4j.rand(DataType.FLOAT, sizes[i], sizes[i + 1]).muli(2 * bound).subi(bound));
            sd.var("b" + i, Nd4j.rand(DataType.FLOAT, sizes[i + 1]).muli(2 * bound).subi(bound));
        }
        SDVariable[] f = new SDVariable[2];
        SDVariable[] in = {xp, xn};
        for (int j = 0; j < 2; j++) {
            SDVariable h = in[j];
            for (int i = 0; i < 4; i++) {
                h = sd.nn.linear(h, sd.getVariable("w" + i), sd.getVariable("b" + i));
                if (i < 3) {
                    h = sd.nn.leakyRelu(h, 0.2);
                }
            }
            f[j] = h;
        }
        double logM = Math.log(10);
        SDVariable loss = sd.mean(sd.nn.softplus(f[0].rsub(logM)))
                .add("loss", sd.mean(sd.nn.softplus(f[1].sub(logM))).mul(10));
        sd.setLossVariables(loss);
        sd.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(1e-3))
                .dataSetFeatureMapping("xp", "xn").markLabelsUnused().build());
        MultiDataSet batch = new MultiDataSet(new INDArray[] {
            Nd4j.randn(DataType.FLOAT, 128, LATENT).addi(1), Nd4j.randn(DataType.FLOAT, 1280, LATENT)},
            new INDArray[0]);
        return () -> sd.fit(batch);
    }
}
