/**
 * Optimisers shared by the samplers and the models (Adam): below both, so that
 * {@code sampling} and {@code models} use one implementation without either depending on the other.
 */
package ebmopt.optim;
