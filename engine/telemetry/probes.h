// Dynamics probes: how the recurrent weights stretch or shrink signals, and how saturated the
// units are, for one layer after a forward pass.
#pragma once
#include "core/eigen.h"
#include "model/network.h"
#include "telemetry/step_report.h"

namespace unroll {

// The two numbers a probe reports of one square block A (n x n) of W_hh.
struct BlockSpectrum {
  double radius = 0;    // spectral radius, max |eigenvalue| (complex pairs included)
  double singular = 0;  // largest singular value, sigma_1 >= radius
  long products = 0;    // products with A or A^T it took (the cost: each streams A once)
};

// Both numbers of A at a bounded cost of at most 232 products (O(n^2) each, against the dense
// QR's O(n^3): 0.05 s instead of a minute at n=1024): sigma_1 by Lanczos on A^T A with thick
// restarts (<= 72 products), the radius by 16 power steps, stopping there if they reach sigma_1
// (a normal matrix such as an orthogonal one), and then Arnoldi with thick restarts (<= 144),
// stopping once the outermost Ritz value's residual is within 1e-3 of it. Products are taken in
// S (float while training), the Krylov basis is double. Up to 64 rows the radius is the dense
// QR's. Where the outer spectrum is crowded near a circle the budget can end before convergence
// and the radius is then a little low (see radius_by_arnoldi); for a far-from-normal matrix (a
// long nilpotent chain) any Krylov method sees the growth of A^k over tens of steps, not k -> inf.
template <class S>
BlockSpectrum block_spectrum(const Mat<S>& a);

// Spectral radius by the dense QR algorithm, O(n^3): the reference the tests compare with.
double spectral_radius_dense(const Eigen::MatrixXd& a);
// block_spectrum(a).radius and .singular, in double.
double spectral_radius(const Eigen::MatrixXd& a);
double largest_singular_value(const Eigen::MatrixXd& a);

// Probes layer k of net, using the activations the last forward left in ws.
template <class S>
LayerProbe probe_layer(const Network<S>& net, int k, const Workspace<S>& ws);

}  // namespace unroll
