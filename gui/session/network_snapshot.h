// A copy of the training network taken by the training thread between two steps, with the task it
// was trained on: what sampling and forecasting work on, never touching the live Trainer.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>

#include "data/task.h"
#include "model/network.h"

namespace unroll::gui {

struct NetworkSnapshot {
  std::shared_ptr<const Network<float>> net;  // null when no model is built yet
  std::shared_ptr<const Task> task;           // the task the model trains on
  long step = 0;                              // accepted updates when the copy was taken
  uint64_t generation = 0;                    // bumps per swap or reset (as Frame::generation)
};

// Called on the training thread with the copy; must not block.
using SnapshotReply = std::function<void(NetworkSnapshot)>;

}  // namespace unroll::gui
