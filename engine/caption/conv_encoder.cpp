// The convolutional encoder's forward and backward, side by side (equations in conv_encoder.h).
#include "caption/conv_encoder.h"

#include <algorithm>

#include "core/error.h"

namespace unroll {

std::vector<ConvShape> conv_shapes(const ConvEncoderConfig& cfg) {
  std::vector<ConvShape> out;
  int C = cfg.in_channels, H = cfg.height, W = cfg.width;
  for (const ConvBlock& b : cfg.blocks) {
    ConvShape s;
    s.C = C;
    s.H = H;
    s.W = W;
    s.Co = b.channels;
    s.stride = b.stride;
    s.pool = b.pool;
    s.Ho = H >= 1 ? (H - 1) / b.stride + 1 : 0;  // (H + 2 - 3) / s + 1
    s.Wo = W >= 1 ? (W - 1) / b.stride + 1 : 0;
    s.Hp = b.pool ? s.Ho / 2 : s.Ho;
    s.Wp = b.pool ? s.Wo / 2 : s.Wo;
    out.push_back(s);
    C = s.Co;
    H = s.Hp;
    W = s.Wp;
  }
  return out;
}

int ConvEncoderConfig::out_height() const {
  const auto s = conv_shapes(*this);
  return s.empty() ? height : s.back().Hp;
}

int ConvEncoderConfig::out_width() const {
  const auto s = conv_shapes(*this);
  return s.empty() ? width : s.back().Wp;
}

void ConvEncoderConfig::validate() const {
  if (in_channels < 1 || in_channels > 4)
    throw Error("images need 1 to 4 channels, got " + std::to_string(in_channels));
  if (height < 4 || width < 4 || height > 1024 || width > 1024)
    throw Error("images must be 4x4 to 1024x1024 pixels, got " + std::to_string(width) + "x" +
                std::to_string(height));
  if (blocks.empty() || blocks.size() > 4)
    throw Error("the convolutional encoder needs 1 to 4 blocks, got " +
                std::to_string(blocks.size()));
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (blocks[k].channels < 1 || blocks[k].channels > 1024)
      throw Error("conv block " + std::to_string(k + 1) + " needs 1 to 1024 channels, got " +
                  std::to_string(blocks[k].channels));
    if (blocks[k].stride < 1 || blocks[k].stride > 2)
      throw Error("conv block " + std::to_string(k + 1) + " has stride " +
                  std::to_string(blocks[k].stride) + ": use 1 or 2");
  }
  const auto s = conv_shapes(*this);
  for (size_t k = 0; k < s.size(); ++k)
    if (s[k].Hp < 1 || s[k].Wp < 1)
      throw Error("a " + std::to_string(width) + "x" + std::to_string(height) +
                  " image leaves no grid after conv block " + std::to_string(k + 1) +
                  ": use fewer pools or strides, or a larger image");
}

std::vector<ConvTensors> append_conv_tensors(Seq2SeqLayout& lay, const ConvEncoderConfig& cfg,
                                             const std::string& prefix) {
  std::vector<ConvTensors> t;
  const auto shapes = conv_shapes(cfg);
  for (size_t k = 0; k < shapes.size(); ++k) {
    const std::string name = prefix + std::to_string(k) + ".";
    ConvTensors c;
    c.weight = lay.append(name + "weight", shapes[k].Co, shapes[k].K(), false);
    c.bias = lay.append(name + "bias", shapes[k].Co, 1, true);
    t.push_back(c);
  }
  return t;
}

namespace {

// The output columns ox whose tap kx reads inside the row: ix = ox s + kx - 1 in [0, W).
void valid_range(int kx, int s, int W, int Wo, int& lo, int& hi) {
  lo = kx >= 1 ? 0 : (1 - kx + s - 1) / s;
  hi = std::min(Wo, (W - kx) / s + 1);
  if (hi < lo) hi = lo;
}

}  // namespace

// (1): column k = (c, ky, kx) holds, for every output position, the pixel that tap reads.
template <class S>
void im2col(const S* x, const ConvShape& sh, S* col) {
  const int P = sh.P(), s = sh.stride;
  for (int c = 0; c < sh.C; ++c) {
    const S* xc = x + Index(c) * sh.H * sh.W;
    for (int ky = 0; ky < 3; ++ky)
      for (int kx = 0; kx < 3; ++kx) {
        S* dst = col + Index(c * 9 + ky * 3 + kx) * P;
        int lo, hi;
        valid_range(kx, s, sh.W, sh.Wo, lo, hi);
        for (int oy = 0; oy < sh.Ho; ++oy) {
          const int iy = oy * s + ky - 1;
          S* row = dst + Index(oy) * sh.Wo;
          if (iy < 0 || iy >= sh.H) {
            std::fill(row, row + sh.Wo, S(0));
            continue;
          }
          const S* xr = xc + Index(iy) * sh.W + kx - 1;
          std::fill(row, row + lo, S(0));
          if (s == 1)
            std::copy(xr + lo, xr + hi, row + lo);
          else
            for (int ox = lo; ox < hi; ++ox) row[ox] = xr[ox * s];
          std::fill(row + hi, row + sh.Wo, S(0));
        }
      }
  }
}

// (1) backward: every tap's gradient adds into the pixel it read.
template <class S>
void col2im(const S* dcol, const ConvShape& sh, S* dx) {
  const int P = sh.P(), s = sh.stride;
  for (int c = 0; c < sh.C; ++c) {
    S* dxc = dx + Index(c) * sh.H * sh.W;
    for (int ky = 0; ky < 3; ++ky)
      for (int kx = 0; kx < 3; ++kx) {
        const S* src = dcol + Index(c * 9 + ky * 3 + kx) * P;
        int lo, hi;
        valid_range(kx, s, sh.W, sh.Wo, lo, hi);
        for (int oy = 0; oy < sh.Ho; ++oy) {
          const int iy = oy * s + ky - 1;
          if (iy < 0 || iy >= sh.H) continue;
          const S* row = src + Index(oy) * sh.Wo;
          S* dr = dxc + Index(iy) * sh.W + kx - 1;
          for (int ox = lo; ox < hi; ++ox) dr[ox * s] += row[ox];
        }
      }
  }
}

template <class S>
void ConvEncoder<S>::forward(const S* p, const Mat<S>& X, ConvCache<S>& cache) const {
  const int nk = int(shapes_.size());
  const Index B = X.cols();
  if (X.rows() != Index(cfg_->input_size()))
    throw Error("an image batch needs " + std::to_string(cfg_->input_size()) +
                " values per image, got " + std::to_string(X.rows()));
  cache.B = int(B);
  cache.x.resize(nk);
  cache.a.resize(nk);
  cache.arg.resize(nk);
  cache.cols.resize(nk);
  cache.x[0] = X;
  for (int k = 0; k < nk; ++k) {
    const ConvShape& sh = shapes_[k];
    const auto W = lay_->map(p, (*t_)[k].weight);  // (Co, K)
    const auto b = lay_->vec(p, (*t_)[k].bias);    // (Co)
    const Index P = sh.P();
    Mat<S>& a = cache.a[k];
    a.resize(P * sh.Co, B);
    cache.cols[k].resize(P * sh.K(), B);
    for (Index n = 0; n < B; ++n) {
      S* col = cache.cols[k].col(n).data();
      im2col(cache.x[k].col(n).data(), sh, col);                 // (1)
      MatMap<S> z(a.col(n).data(), P, sh.Co);                    // (P, Co): CHW
      z.noalias() = CMatMap<S>(col, P, sh.K()) * W.transpose();  // (2)
      for (int c = 0; c < sh.Co; ++c)                            // (3), with (2)'s bias
        z.col(c) = (z.col(c).array() + b[c]).cwiseMax(S(0)).matrix();
    }
    Mat<S>& out = k + 1 < nk ? cache.x[k + 1] : cache.y;
    if (!sh.pool) {
      cache.arg[k].resize(0, 0);
      out = a;
      continue;
    }
    out.resize(Index(sh.Co) * sh.Hp * sh.Wp, B);  // (4)
    cache.arg[k].resize(out.rows(), B);
    for (Index n = 0; n < B; ++n) {
      const S* an = a.col(n).data();
      S* yn = out.col(n).data();
      int* arg = cache.arg[k].col(n).data();
      for (int c = 0; c < sh.Co; ++c)
        for (int i = 0; i < sh.Hp; ++i) {
          const Index r0 = (Index(c) * sh.Ho + 2 * i) * sh.Wo, o0 = (Index(c) * sh.Hp + i) * sh.Wp;
          for (int j = 0; j < sh.Wp; ++j) {  // the window's four cells in scan order
            const Index cand[4] = {r0 + 2 * j, r0 + 2 * j + 1, r0 + sh.Wo + 2 * j,
                                   r0 + sh.Wo + 2 * j + 1};
            Index best = cand[0];
            for (int u = 1; u < 4; ++u)
              if (an[cand[u]] > an[best]) best = cand[u];
            yn[o0 + j] = an[best];
            arg[o0 + j] = int(best);
          }
        }
    }
  }
}

template <class S>
void ConvEncoder<S>::backward(const S* p, const Mat<S>& dy, ConvCache<S>& cache, S* grads,
                              Mat<S>* dX) const {
  const int nk = int(shapes_.size());
  const Index B = cache.B;
  Mat<S> dout = dy, da, dx;
  for (int k = nk - 1; k >= 0; --k) {
    const ConvShape& sh = shapes_[k];
    const Index P = sh.P();
    const Mat<S>& a = cache.a[k];
    // (4) and (3) in one pass: dz = dy at each window's winner where a > 0 (windows do not
    // overlap), zero elsewhere; without pooling dz = dy * (a > 0).
    if (sh.pool) {
      da.setZero(a.rows(), B);
      for (Index n = 0; n < B; ++n) {
        const int* arg = cache.arg[k].col(n).data();
        const S* an = a.col(n).data();
        const S* dyn = dout.col(n).data();
        S* dan = da.col(n).data();
        for (Index o = 0; o < dout.rows(); ++o)
          if (an[arg[o]] > S(0)) dan[arg[o]] = dyn[o];
      }
    } else {
      da = (a.array() > S(0)).select(dout, S(0));
    }
    const auto W = lay_->map(p, (*t_)[k].weight);
    auto dW = lay_->map(grads, (*t_)[k].weight);
    auto db = lay_->vec(grads, (*t_)[k].bias);
    const bool need_dx = k > 0 || dX;
    if (need_dx) dx.setZero(Index(sh.C) * sh.H * sh.W, B);
    for (Index n = 0; n < B; ++n) {
      const CMatMap<S> dz(da.col(n).data(), P, sh.Co);
      const CMatMap<S> col(cache.cols[k].col(n).data(), P, sh.K());
      dW.noalias() += dz.transpose() * col;  // (2)
      db += dz.colwise().sum().transpose();
      if (need_dx) {
        cache.dcol.noalias() = dz * W;
        col2im(cache.dcol.data(), sh, dx.col(n).data());  // (1)
      }
    }
    if (k > 0)
      dout.swap(dx);
    else if (dX)
      *dX = dx;
  }
}

#define UNROLL_CONV(S)                                     \
  template void im2col<S>(const S*, const ConvShape&, S*); \
  template void col2im<S>(const S*, const ConvShape&, S*); \
  template class ConvEncoder<S>;
UNROLL_CONV(float)
UNROLL_CONV(double)
#undef UNROLL_CONV

}  // namespace unroll
