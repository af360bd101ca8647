// Weight initialisation schemes for the recurrent layers, embedding and head.
#pragma once
#include "core/rng.h"
#include "model/network.h"

namespace unroll {

// Fills every parameter of net according to its config's init and forget_bias:
//   torch:      PyTorch's default, U(-1/sqrt(H), 1/sqrt(H)) for every recurrent weight and bias;
//               embedding N(0, 1); Linear head U(-1/sqrt(H), 1/sqrt(H)).
//   xavier:     Glorot uniform per gate block, fan_in + fan_out of that [H, in] block.
//   xavier-normal, he (Kaiming normal, fan_in): likewise per gate block.
//   orthogonal: W_hh gate blocks orthogonal (QR of a Gaussian), W_ih Xavier uniform.
//   identity:   IRNN (Le et al. 2015): W_hh blocks = I, W_ih N(0, 0.001^2).
// Then W_hh is multiplied by recurrent_gain. Biases are zero except under "torch"; forget_bias/2 is
// added to b_if and to b_hf, so the forget gate starts with its pre-activation raised by
// forget_bias.
template <class S>
void initialize(Network<S>& net, Rng& rng);

}  // namespace unroll
