// A small convolutional encoder for image captioning: blocks of 3x3 convolution (padding 1, stride
// s) + ReLU (+ a batch-free 2x2 max-pool of stride 2), each written as im2col + one GEMM forward
// and the transposed GEMM + col2im backward (Caffe's im2col.cpp, Darknet's convolutional_layer.c).
// Letters: block k reads C channels of H x W pixels and writes C' channels of Ho x Wo (conv) or
// Hp x Wp = floor(Ho/2) x floor(Wo/2) (pooled); P = Ho Wo positions; K = 9 C, the patch size.
// An image is one column, channel-major (CHW, PyTorch's layout): pixel (c, y, x) is row c*H*W +
// y*W + x; so is every block's output. Per image:
//   (1) col = im2col(x)        (P, K): col(p, (c, ky, kx)) = x[c, oy s + ky - 1, ox s + kx - 1],
//                              p = oy Wo + ox, zero outside the image (padding 1)
//   (2) z = col W^T + 1 b^T    (P, C') = CHW of the output; W = conv.{k}.weight (C', K), b (C')
//   (3) a = max(z, 0)
//   (4) y[c, i, j] = max of a[c, 2i + u, 2j + v], u, v in {0, 1} (the first maximum wins), or y = a
// Backward, side by side (dy given; dz, dcol per image):
//   (4) da[argmax] += dy
//   (3) dz = da * (a > 0)
//   (2) dW += dz^T col;  db += 1^T dz;  dcol = dz W
//   (1) dx = col2im(dcol): each patch element adds back into the pixel it was copied from
// W is stored (C', K) with K ordered (c, ky, kx), so it is torch.nn.Conv2d's weight
// [C', C, 3, 3] flattened row-major to [C', K].
#pragma once
#include <string>
#include <vector>

#include "seq2seq/seq2seq_params.h"

namespace unroll {

struct ConvBlock {
  int channels = 16;  // C' output channels
  int stride = 1;     // s of the 3x3 convolution (1 or 2)
  bool pool = true;   // a 2x2 max-pool of stride 2 after the ReLU
};

struct ConvEncoderConfig {
  int in_channels = 3;  // C of the image (3: RGB)
  int height = 32, width = 32;
  std::vector<ConvBlock> blocks{{16, 1, true}, {32, 1, true}, {32, 1, false}};

  int out_channels() const { return blocks.empty() ? in_channels : blocks.back().channels; }
  int out_height() const;  // h of the output grid
  int out_width() const;   // w of the output grid
  int positions() const { return out_height() * out_width(); }
  int input_size() const { return in_channels * height * width; }
  // Throws unroll::Error naming the first bad field (1-4 blocks, sizes that leave a grid).
  void validate() const;
};

// Block k's sizes.
struct ConvShape {
  int C = 0, H = 0, W = 0;     // input
  int Co = 0, Ho = 0, Wo = 0;  // convolution output
  int Hp = 0, Wp = 0;          // after pooling (= Ho, Wo without)
  int stride = 1;
  bool pool = false;
  int P() const { return Ho * Wo; }
  int K() const { return 9 * C; }
};
std::vector<ConvShape> conv_shapes(const ConvEncoderConfig& cfg);

// The tensors' indices in a layout: conv.{k}.weight (C', 9C) and conv.{k}.bias (C') under prefix.
struct ConvTensors {
  int weight = -1, bias = -1;
};
std::vector<ConvTensors> append_conv_tensors(Seq2SeqLayout& lay, const ConvEncoderConfig& cfg,
                                             const std::string& prefix);

template <class S>
struct ConvCache {
  int B = 0;
  std::vector<Mat<S>> x;             // [k] (C H W, B) block k's input (x[0] the images)
  std::vector<Mat<S>> a;             // [k] (Co Ho Wo, B) after the ReLU (3)
  std::vector<Mat<S>> cols;          // [k] (P K, B) each image's col (1), kept for dW (2)
  std::vector<Eigen::MatrixXi> arg;  // [k] (Co Hp Wp, B) pooled: the row of a that won (4)
  Mat<S> y;                          // (C_out h w, B) the encoder's output grid
  Mat<S> dcol;                       // per-image scratch (P, K)
};

// (1) and (1)'s backward for one image, x of C x H x W pixels, col (P, K) column-major as in (1).
template <class S>
void im2col(const S* x, const ConvShape& sh, S* col);
template <class S>
void col2im(const S* dcol, const ConvShape& sh, S* dx);

template <class S>
class ConvEncoder {
 public:
  ConvEncoder(const ConvEncoderConfig& cfg, const Seq2SeqLayout& lay,
              const std::vector<ConvTensors>& tensors)
      : cfg_(&cfg), lay_(&lay), t_(&tensors), shapes_(conv_shapes(cfg)) {}

  // (1)-(4) for every block over the B images of X (C H W, B); the output grid is cache.y.
  void forward(const S* p, const Mat<S>& X, ConvCache<S>& cache) const;
  // From dy = dL/dy (C_out h w, B): adds dL/dW, dL/db into grads; dX, if given, gets dL/dX.
  void backward(const S* p, const Mat<S>& dy, ConvCache<S>& cache, S* grads,
                Mat<S>* dX = nullptr) const;
  const std::vector<ConvShape>& shapes() const { return shapes_; }

 private:
  const ConvEncoderConfig* cfg_;
  const Seq2SeqLayout* lay_;
  const std::vector<ConvTensors>* t_;
  std::vector<ConvShape> shapes_;
};

extern template class ConvEncoder<float>;
extern template class ConvEncoder<double>;

}  // namespace unroll
