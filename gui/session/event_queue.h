// The bounded lossless event queue from the training thread to the GUI: what must not be missed
// (rejected steps, errors, file replies, accepted settings, lesson conditions) is always kept;
// when the GUI falls behind, the oldest droppable events (validation, probes) go first, counted.
#pragma once
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include "session/frame.h"

namespace unroll::gui {

class EventQueue {
 public:
  explicit EventQueue(size_t capacity = 1024) : m_capacity(capacity) {}

  // Training thread: never waits for the reader beyond this short lock. A lossless event is
  // always queued (each one answers a command or pauses the run, so they are few); a droppable
  // one makes room by dropping the oldest droppable event, or is dropped itself.
  void push(Event e);
  // GUI thread: everything queued, oldest first; the queue is left empty.
  std::vector<Event> takeAll();
  uint64_t dropped() const;

 private:
  mutable std::mutex m_mutex;  // guards m_events and m_dropped
  std::deque<Event> m_events;
  uint64_t m_dropped = 0;
  size_t m_capacity;
};

}  // namespace unroll::gui
