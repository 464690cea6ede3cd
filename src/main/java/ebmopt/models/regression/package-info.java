/** Forward regression models f(x): the interface samplers use, and how they are trained. */
package ebmopt.models.regression;
