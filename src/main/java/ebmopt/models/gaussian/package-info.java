/**
 * The Gaussian location-family simulation of the N2CE paper (Appendix D.1, Figure 1,
 * Tables 13-14): N2CE, NWJ, neg-reweight and MLE gradients, and gradient ascent with them.
 * Plain Java: the log-ratio and its gradient are closed-form.
 */
package ebmopt.models.gaussian;
