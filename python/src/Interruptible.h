//===- Interruptible.h - A run with the GIL released that Ctrl-C can stop --===//
//
// Python runs signal handlers only on its main thread, between bytecodes: while a run holds
// that thread in C++, Ctrl-C would wait for the whole run. So the run goes to a worker thread
// with the GIL released, and the calling thread wakes every 50 ms to let Python check its
// signals. A handler that raises (KeyboardInterrupt) sets the run's cancel flag; the driver
// polls it between blocks of trials and returns what finished, marked partial.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include <pybind11/pybind11.h>

namespace omen::python {

/// Runs `work(cancel)` and returns its value. If a signal handler raised while it ran,
/// `raised` holds that exception (the work has returned by then, partial).
template <typename Work>
auto runInterruptible(Work&& work, std::optional<pybind11::error_already_set>& raised) {
  using Result = decltype(work(std::declval<const std::atomic<bool>*>()));
  std::atomic<bool> cancel{false};
  Result result{};
  std::exception_ptr failure;
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  {
    pybind11::gil_scoped_release release;
    std::thread worker([&] {
      try {
        result = work(&cancel);
      } catch (...) {
        failure = std::current_exception();
      }
      std::lock_guard lock(mutex);
      done = true;
      finished.notify_one();
    });
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(50), [&] { return done; })) {
      if (raised) continue;
      lock.unlock();
      {
        pybind11::gil_scoped_acquire acquire;
        if (PyErr_CheckSignals() != 0) {
          raised.emplace();  // takes the pending exception out of the interpreter
          cancel = true;
        }
      }
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  if (failure) std::rethrow_exception(failure);
  return result;
}

}  // namespace omen::python
