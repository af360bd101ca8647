// All Eigen aliases the engine uses, in one place. One column is one sample; matrices are
// column-major.
#pragma once
#include <Eigen/Core>
#include <cstdint>

namespace unroll {

template <class S>
using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
template <class S>
using Vec = Eigen::Matrix<S, Eigen::Dynamic, 1>;
template <class S>
using MatMap = Eigen::Map<Mat<S>>;
template <class S>
using CMatMap = Eigen::Map<const Mat<S>>;
template <class S>
using VecMap = Eigen::Map<Vec<S>>;
template <class S>
using CVecMap = Eigen::Map<const Vec<S>>;

using Index = Eigen::Index;

}  // namespace unroll
