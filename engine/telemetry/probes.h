// Dynamics probes: how the recurrent weights stretch or shrink signals, and how saturated the
// units are, for one layer after a forward pass.
#pragma once
#include "model/network.h"
#include "telemetry/step_report.h"

namespace unroll {

// Spectral radius (max |eigenvalue|) of a square matrix.
double spectral_radius(const Eigen::MatrixXd& a);
// Largest singular value, by power iteration on a^T a.
double largest_singular_value(const Eigen::MatrixXd& a);

// Probes layer k of net, using the activations the last forward left in ws.
template <class S>
LayerProbe probe_layer(const Network<S>& net, int k, const Workspace<S>& ws);

}  // namespace unroll
