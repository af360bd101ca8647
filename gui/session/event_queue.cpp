// The event queue's bound: lossless events always fit, droppable ones give way oldest first.
#include "session/event_queue.h"

#include <algorithm>

namespace unroll::gui {

void EventQueue::push(Event e) {
  std::lock_guard lock(m_mutex);
  if (m_events.size() >= m_capacity) {
    auto oldest =
        std::find_if(m_events.begin(), m_events.end(), [](const Event& q) { return droppable(q); });
    if (oldest != m_events.end()) {
      m_events.erase(oldest);
      ++m_dropped;
    } else if (droppable(e)) {
      ++m_dropped;
      return;
    }
  }
  m_events.push_back(std::move(e));
}

std::vector<Event> EventQueue::takeAll() {
  std::deque<Event> out;
  {
    std::lock_guard lock(m_mutex);
    out.swap(m_events);
  }
  return {std::make_move_iterator(out.begin()), std::make_move_iterator(out.end())};
}

uint64_t EventQueue::dropped() const {
  std::lock_guard lock(m_mutex);
  return m_dropped;
}

}  // namespace unroll::gui
