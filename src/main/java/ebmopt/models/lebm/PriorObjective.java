package ebmopt.models.lebm;

/** How the LEBM's prior is learned (docs/methods.md section 4, baselines of Table 8). */
public enum PriorObjective {
    /** N2CE with noise magnitude M over K + 1 stages (M = 1: NCE-LEBM). */
    N2CE,
    /** Maximum likelihood with short-run Langevin negatives from q0 (MLE-LEBM; one stage). */
    MLE
}
