/**
 * N2CE latent energy-based models for offline optimisation (docs/methods.md section 4): the VAE in
 * SameDiff, the prior's ratio network on ND4J with a hand-derived backward pass, their
 * training, and proposal by sampling p(z | y = y_max).
 */
package ebmopt.models.lebm;
