//===- LargeStack.cpp - Run a deep recursive walk on a thread with a big stack ===//
#include "frontend/basic/LargeStack.h"

#include <pthread.h>

namespace omen {

void runWithLargeStack(const std::function<void()>& fn) {
  constexpr size_t kStackBytes = size_t(256) << 20;
  pthread_attr_t attr;
  bool threaded = pthread_attr_init(&attr) == 0;
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  if (threaded) {
    threaded = pthread_attr_setstacksize(&attr, kStackBytes) == 0 &&
               pthread_create(&thread, &attr, trampoline, const_cast<std::function<void()>*>(&fn)) == 0;
    pthread_attr_destroy(&attr);
  }
  if (threaded) pthread_join(thread, nullptr);
  else fn();
}

}  // namespace omen
