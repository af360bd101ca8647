// The head's forward (linear, loss) and backward (dlogits -> dW, db, dh), side by side.
#include "model/head.h"

#include <cmath>

namespace unroll {

template <class S>
void head_forward(HeadKind kind, const CMatMap<S>& W, const CVecMap<S>& b,
                  const Eigen::Ref<const Mat<S>>& h, HeadCache<S>& cache) {
  const Index N = h.cols();
  cache.y.noalias() = W * h;  // (1)
  cache.y.colwise() += b;
  cache.loss_sum = 0;
  cache.loss_count = 0;
  cache.correct = 0;
  if (kind == HeadKind::Regression) {
    cache.p = cache.y - cache.p;  // (2) r = y - target
    for (Index j = 0; j < N; ++j) cache.loss_sum += double(cache.p.col(j).squaredNorm());  // (3)
    cache.loss_count = long(cache.p.size());
    return;
  }
  cache.p.resize(cache.y.rows(), N);
  for (Index j = 0; j < N; ++j) {
    auto p = cache.p.col(j);
    const int32_t target = cache.target[size_t(j)];
    if (target < 0) {  // an unscored position
      p.setZero();
      continue;
    }
    const auto y = cache.y.col(j);
    Index arg;
    const S m = y.maxCoeff(&arg);  // subtracted for a stable exp
    p = (y.array() - m).exp().matrix();
    const S z = p.sum();
    cache.loss_sum += double(std::log(z) + m - y(target));  // (3)
    p /= z;                                                 // (2)
    cache.loss_count += 1;
    cache.correct += arg == target;
  }
}

template <class S>
void head_backward(HeadKind kind, const CMatMap<S>& W, const Eigen::Ref<const Mat<S>>& h, S scale,
                   HeadCache<S>& cache, MatMap<S> dW, VecMap<S> db, Eigen::Ref<Mat<S>> dh) {
  const Index N = h.cols();
  cache.dy.resize(cache.p.rows(), N);
  if (kind == HeadKind::Regression) {
    cache.dy = (cache.p * S(2)) * scale;  // (4) 2 r, times scale
  } else {
    // (4) p - onehot(target), times scale; an unscored column stays 0. Whole-matrix passes: a
    // loop over the short columns costs a few % of a step at batch 1.
    cache.dy = cache.p;
    for (Index j = 0; j < N; ++j)
      if (const int32_t target = cache.target[size_t(j)]; target >= 0) cache.dy(target, j) -= S(1);
    cache.dy *= scale;
  }
  // (5)
  dW.noalias() += cache.dy * h.transpose();
  db += cache.dy.rowwise().sum();
  dh.noalias() = W.transpose() * cache.dy;
}

template void head_forward<float>(HeadKind, const CMatMap<float>&, const CVecMap<float>&,
                                  const Eigen::Ref<const Mat<float>>&, HeadCache<float>&);
template void head_forward<double>(HeadKind, const CMatMap<double>&, const CVecMap<double>&,
                                   const Eigen::Ref<const Mat<double>>&, HeadCache<double>&);
template void head_backward<float>(HeadKind, const CMatMap<float>&,
                                   const Eigen::Ref<const Mat<float>>&, float, HeadCache<float>&,
                                   MatMap<float>, VecMap<float>, Eigen::Ref<Mat<float>>);
template void head_backward<double>(HeadKind, const CMatMap<double>&,
                                    const Eigen::Ref<const Mat<double>>&, double,
                                    HeadCache<double>&, MatMap<double>, VecMap<double>,
                                    Eigen::Ref<Mat<double>>);

}  // namespace unroll
