// The convolutional encoder's forward and backward, side by side (equations in conv_encoder.h).
#include "caption/conv_encoder.h"

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

// (1): column k = (c, ky, kx) holds, for every output position, the pixel that tap reads.
template <class S>
void im2col(const S* x, const ConvShape& sh, Mat<S>& col) {
  const int P = sh.P(), s = sh.stride;
  col.resize(P, sh.K());
  for (int c = 0; c < sh.C; ++c) {
    const S* xc = x + Index(c) * sh.H * sh.W;
    for (int ky = 0; ky < 3; ++ky)
      for (int kx = 0; kx < 3; ++kx) {
        S* dst = col.data() + Index(c * 9 + ky * 3 + kx) * P;
        for (int oy = 0; oy < sh.Ho; ++oy) {
          const int iy = oy * s + ky - 1;
          S* row = dst + Index(oy) * sh.Wo;
          if (iy < 0 || iy >= sh.H) {
            std::fill(row, row + sh.Wo, S(0));
            continue;
          }
          const S* xr = xc + Index(iy) * sh.W;
          for (int ox = 0; ox < sh.Wo; ++ox) {
            const int ix = ox * s + kx - 1;
            row[ox] = ix >= 0 && ix < sh.W ? xr[ix] : S(0);
          }
        }
      }
  }
}

// (1) backward: every tap's gradient adds into the pixel it read.
template <class S>
void col2im(const Mat<S>& dcol, const ConvShape& sh, S* dx) {
  const int P = sh.P(), s = sh.stride;
  for (int c = 0; c < sh.C; ++c) {
    S* dxc = dx + Index(c) * sh.H * sh.W;
    for (int ky = 0; ky < 3; ++ky)
      for (int kx = 0; kx < 3; ++kx) {
        const S* src = dcol.data() + Index(c * 9 + ky * 3 + kx) * P;
        for (int oy = 0; oy < sh.Ho; ++oy) {
          const int iy = oy * s + ky - 1;
          if (iy < 0 || iy >= sh.H) continue;
          const S* row = src + Index(oy) * sh.Wo;
          S* dr = dxc + Index(iy) * sh.W;
          for (int ox = 0; ox < sh.Wo; ++ox) {
            const int ix = ox * s + kx - 1;
            if (ix >= 0 && ix < sh.W) dr[ix] += row[ox];
          }
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
  cache.x[0] = X;
  for (int k = 0; k < nk; ++k) {
    const ConvShape& sh = shapes_[k];
    const auto W = lay_->map(p, (*t_)[k].weight);  // (Co, K)
    const auto b = lay_->vec(p, (*t_)[k].bias);    // (Co)
    const Index P = sh.P();
    Mat<S>& a = cache.a[k];
    a.resize(P * sh.Co, B);
    for (Index n = 0; n < B; ++n) {
      im2col(cache.x[k].col(n).data(), sh, cache.col);  // (1)
      MatMap<S> z(a.col(n).data(), P, sh.Co);           // (P, Co): CHW
      z.noalias() = cache.col * W.transpose();          // (2)
      z.rowwise() += b.transpose();
      z = z.cwiseMax(S(0));  // (3)
    }
    Mat<S>& out = k + 1 < nk ? cache.x[k + 1] : cache.y;
    if (!sh.pool) {
      cache.arg[k].resize(0, 0);
      out = a;
      continue;
    }
    out.resize(Index(sh.Co) * sh.Hp * sh.Wp, B);  // (4)
    cache.arg[k].resize(out.rows(), B);
    for (Index n = 0; n < B; ++n)
      for (int c = 0; c < sh.Co; ++c)
        for (int i = 0; i < sh.Hp; ++i)
          for (int j = 0; j < sh.Wp; ++j) {
            const Index o = (Index(c) * sh.Hp + i) * sh.Wp + j;
            Index best = (Index(c) * sh.Ho + 2 * i) * sh.Wo + 2 * j;
            for (int u = 0; u < 2; ++u)
              for (int v = 0; v < 2; ++v) {
                const Index r = (Index(c) * sh.Ho + 2 * i + u) * sh.Wo + 2 * j + v;
                if (a(r, n) > a(best, n)) best = r;
              }
            out(o, n) = a(best, n);
            cache.arg[k](o, n) = int(best);
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
    if (sh.pool) {  // (4)
      da.setZero(a.rows(), B);
      for (Index n = 0; n < B; ++n)
        for (Index o = 0; o < dout.rows(); ++o) da(cache.arg[k](o, n), n) += dout(o, n);
    } else {
      da = dout;
    }
    const auto W = lay_->map(p, (*t_)[k].weight);
    auto dW = lay_->map(grads, (*t_)[k].weight);
    auto db = lay_->vec(grads, (*t_)[k].bias);
    const bool need_dx = k > 0 || dX;
    if (need_dx) dx.setZero(Index(sh.C) * sh.H * sh.W, B);
    for (Index n = 0; n < B; ++n) {
      // (3): dz = da * (a > 0), in place in da's column
      MatMap<S> dz(da.col(n).data(), P, sh.Co);
      const CMatMap<S> an(a.col(n).data(), P, sh.Co);
      dz = (an.array() > S(0)).select(dz, S(0));
      im2col(cache.x[k].col(n).data(), sh, cache.col);  // (1) again: cheaper than keeping it
      dW.noalias() += dz.transpose() * cache.col;       // (2)
      db += dz.colwise().sum().transpose();
      if (need_dx) {
        cache.dcol.noalias() = dz * W;
        col2im(cache.dcol, sh, dx.col(n).data());  // (1)
      }
    }
    if (k > 0)
      dout.swap(dx);
    else if (dX)
      *dX = dx;
  }
}

#define UNROLL_CONV(S)                                          \
  template void im2col<S>(const S*, const ConvShape&, Mat<S>&); \
  template void col2im<S>(const Mat<S>&, const ConvShape&, S*); \
  template class ConvEncoder<S>;
UNROLL_CONV(float)
UNROLL_CONV(double)
#undef UNROLL_CONV

}  // namespace unroll
