// Where each tensor lives in the model's one contiguous parameter buffer (and, identically, in the
// gradient buffer). Names and shapes are PyTorch's state_dict names for nn.RNN/LSTM/GRU + Linear.
#pragma once
#include <string>
#include <vector>

#include "core/eigen.h"
#include "model/config.h"

namespace unroll {

struct TensorInfo {
  std::string name;  // e.g. "rnn.weight_hh_l0"
  Index rows = 0;    // PyTorch shape [rows, cols]; a bias has cols == 1 (PyTorch shape [rows])
  Index cols = 0;
  Index offset = 0;  // into the flat buffer; stored column-major
  bool is_vector = false;
  Index size() const { return rows * cols; }
};

class ParamLayout {
 public:
  struct Layer {
    int weight_ih = -1, weight_hh = -1, bias_ih = -1, bias_hh = -1;  // indices into tensors()
  };

  ParamLayout() = default;
  explicit ParamLayout(const ModelConfig& cfg);

  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  const TensorInfo& tensor(int i) const { return tensors_[i]; }
  const Layer& layer(int k) const { return layers_[k]; }
  int encoder() const { return encoder_; }  // -1 without an embedding
  int decoder_weight() const { return decoder_weight_; }
  int decoder_bias() const { return decoder_bias_; }
  Index size() const { return size_; }
  int find(const std::string& name) const;  // -1 when absent

  template <class S>
  MatMap<S> map(S* buf, int i) const {
    const auto& t = tensors_[i];
    return MatMap<S>(buf + t.offset, t.rows, t.cols);
  }
  template <class S>
  CMatMap<S> map(const S* buf, int i) const {
    const auto& t = tensors_[i];
    return CMatMap<S>(buf + t.offset, t.rows, t.cols);
  }
  template <class S>
  VecMap<S> vec(S* buf, int i) const {
    const auto& t = tensors_[i];
    return VecMap<S>(buf + t.offset, t.size());
  }
  template <class S>
  CVecMap<S> vec(const S* buf, int i) const {
    const auto& t = tensors_[i];
    return CVecMap<S>(buf + t.offset, t.size());
  }

 private:
  int add(const std::string& name, Index rows, Index cols, bool is_vector);
  std::vector<TensorInfo> tensors_;
  std::vector<Layer> layers_;
  int encoder_ = -1, decoder_weight_ = -1, decoder_bias_ = -1;
  Index size_ = 0;
};

}  // namespace unroll
