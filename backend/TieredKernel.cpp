//===- TieredKernel.cpp - The auto engine: interpreter first, JIT once it pays =//
#include "backend/TieredKernel.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <limits>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "backend/interp/Interpreter.h"
#include "backend/llvm/JitEngine.h"
#include "backend/llvm/KernelKey.h"
#include "runtime/host/LocalTilt.h"

namespace omen::backend {
namespace {

/// The background compile of one KernelKey text, shared by the auto kernels of that text
/// (scenarios that differ only in param values): the first to need it starts it, all switch
/// when it is done.
struct Job {
  explicit Job(llvmgen::NormalizedScenario scenario) : scenario(std::move(scenario)) {}
  /// Abandons the compile and waits for its thread: it must not outlive the kernels, since a
  /// thread still in LLVM when the process exits would race its static destructors.
  ~Job() {
    abandon = true;
    if (thread.joinable()) thread.join();
  }

  void start() {
    if (started.exchange(true)) return;
    thread = std::thread([this] {
      std::string error;
      rt::BlockFn compiled = llvmgen::compileBlock(scenario, error, &abandon);
      block.store(compiled, std::memory_order_release);
      std::lock_guard<std::mutex> lock(mutex);
      done = true;
      finished.notify_all();
    });
  }

  llvmgen::NormalizedScenario scenario;
  std::atomic<rt::BlockFn> block{nullptr};
  std::atomic<bool> started{false}, abandon{false};
  std::thread thread;
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;          ///< under mutex
  unsigned interpreting = 0;  ///< under mutex: threads interpreting while it compiles
};

/// The compiles the living KeepBackgroundCompiles hold on to (null: none is alive).
std::mutex keptMutex;
std::vector<std::shared_ptr<Job>>* kept = nullptr;
unsigned keepers = 0;

/// Hands a job whose last kernel goes to the keeper, if there is one and it still compiles.
void keepIfCompiling(const std::shared_ptr<Job>& job) {
  std::lock_guard<std::mutex> lock(keptMutex);
  if (!kept || !job->started.load()) return;
  {
    std::lock_guard<std::mutex> done(job->mutex);
    if (job->done) return;
  }
  // Finished ones are of no more use to the keeper: the caches hold their results.
  std::erase_if(*kept, [](const std::shared_ptr<Job>& j) {
    std::lock_guard<std::mutex> done(j->mutex);
    return j->done;
  });
  kept->push_back(job);
}

/// The job of `n`'s text: the one a living kernel of the same text holds, else a new one.
std::shared_ptr<Job> sharedJob(llvmgen::NormalizedScenario n) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<Job>> jobs;
  std::lock_guard<std::mutex> lock(mutex);
  for (auto it = jobs.begin(); it != jobs.end();) it = it->second.expired() ? jobs.erase(it) : std::next(it);
  std::weak_ptr<Job>& slot = jobs[n.text];
  std::shared_ptr<Job> job = slot.lock();
  if (!job) slot = job = std::make_shared<Job>(std::move(n));
  return job;
}

/// Trials the interpreter runs between looks at whether the JIT kernel is ready.
constexpr uint32_t kSlice = 32;

uint64_t forcedSwitchTrial() {
  const char* text = std::getenv("OMEN_AUTO_SWITCH_TRIAL");
  if (!text || !*text) return std::numeric_limits<uint64_t>::max();
  return std::strtoull(text, nullptr, 10);
}

class TieredKernel final : public rt::Kernel {
 public:
  TieredKernel(std::unique_ptr<rt::Kernel> interp, std::shared_ptr<Job> job, std::vector<uint32_t> sites,
               uint64_t forced)
      : interp_(std::move(interp)), job_(std::move(job)), sites_(std::move(sites)), forced_(forced) {}
  ~TieredKernel() override { keepIfCompiling(job_); }

  const rt::ScenarioInfo& info() const override { return interp_->info(); }
  bool initGlobals(Value* globals, const uint8_t* overridden, OmenError& error) const override {
    return interp_->initGlobals(globals, overridden, error);
  }

  std::optional<EngineSplit> engineSplit() const override {
    return EngineSplit{interpreted_.load(), compiled_.load()};
  }

  bool runBlock(const Value* globals, uint64_t seed, uint64_t first, uint32_t count, double* outcomes,
                OmenError& error, uint64_t& failedTrial, const std::atomic<bool>* cancel, const OmenTilt* tilt) const override {
    if (forced_ != std::numeric_limits<uint64_t>::max())
      return runForced(globals, seed, first, count, outcomes, error, failedTrial, cancel, tilt);
    // Interpreted a slice at a time, so that a compile finishing in the middle of a long
    // chunk takes over its remaining trials at once (exact: trials depend on their index only).
    size_t width = rt::outcomeWidth(info());
    for (uint64_t at = first, end = first + count; at < end;) {
      double* out = outcomes + (at - first) * width;
      if (rt::BlockFn block = job_->block.load(std::memory_order_acquire))
        return runJit(block, globals, seed, at, uint32_t(end - at), out, error, failedTrial, cancel, tilt);
      uint32_t n = uint32_t(std::min<uint64_t>(kSlice, end - at));
      bool limited = job_->started.load();
      if (limited && !enterInterpWhileCompiling(cancel)) {
        if (job_->block.load(std::memory_order_acquire)) continue;  // the compile is done: run it
        limited = false;  // it failed, or the run is cancelled: interpret
      }
      auto start = std::chrono::steady_clock::now();
      bool ok = runInterp(globals, seed, at, n, out, error, failedTrial, cancel, tilt);
      int64_t spent =
          std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
      if (limited) leaveInterpWhileCompiling();
      if (interpNanos_.fetch_add(spent, std::memory_order_relaxed) + spent > int64_t(kTierUpSeconds * 1e9))
        job_->start();
      if (!ok) return false;
      at += n;
    }
    return true;
  }

 private:
  bool runJit(rt::BlockFn block, const Value* globals, uint64_t seed, uint64_t first, uint32_t count,
              double* outcomes, OmenError& error, uint64_t& failedTrial, const std::atomic<bool>* cancel, const OmenTilt* tilt) const {
    rt::LocalTilt local(tilt, sites_);
    uint32_t done = block(globals, seed, first, count, outcomes, &error, reinterpret_cast<const uint8_t*>(cancel),
                          local.get());
    compiled_ += done;
    if (done == count) return true;
    // The compiled kernel numbers its sites locally (KernelKey.h); the program's are wanted.
    if (error.code != OMEN_ERR_CANCELLED && error.site < sites_.size()) error.site = sites_[error.site];
    failedTrial = first + done;
    return false;
  }

  /// While the kernel compiles, at most one thread fewer than the machine has cores
  /// interprets (counted over the kernels sharing the compile), so the compile has a core of
  /// its own: with every core interpreting it would take longer, and the JIT kernel (many
  /// times faster) would take over later. The others wait for the compile. True: this thread
  /// may interpret (and must call leaveInterpWhileCompiling after); false: the compile is
  /// over, or the run is cancelled.
  bool enterInterpWhileCompiling(const std::atomic<bool>* cancel) const {
    static const unsigned cores = std::thread::hardware_concurrency();
    static const unsigned limit = cores > 1 ? cores - 1 : 1;
    std::unique_lock<std::mutex> lock(job_->mutex);
    while (!job_->done && job_->interpreting >= limit) {
      if (cancel && cancel->load()) return false;
      job_->finished.wait_for(lock, std::chrono::milliseconds(10));
    }
    if (job_->done) return false;
    ++job_->interpreting;
    return true;
  }
  void leaveInterpWhileCompiling() const {
    std::lock_guard<std::mutex> lock(job_->mutex);
    --job_->interpreting;
    job_->finished.notify_all();
  }

  bool runInterp(const Value* globals, uint64_t seed, uint64_t first, uint32_t count, double* outcomes,
                 OmenError& error, uint64_t& failedTrial, const std::atomic<bool>* cancel, const OmenTilt* tilt) const {
    bool ok = interp_->runBlock(globals, seed, first, count, outcomes, error, failedTrial, cancel, tilt);
    interpreted_ += ok ? count : failedTrial - first;
    return ok;
  }

  /// OMEN_AUTO_SWITCH_TRIAL: [first, forced) on the interpreter, the rest on the JIT kernel.
  bool runForced(const Value* globals, uint64_t seed, uint64_t first, uint32_t count, double* outcomes,
                 OmenError& error, uint64_t& failedTrial, const std::atomic<bool>* cancel, const OmenTilt* tilt) const {
    uint64_t end = first + count;
    uint64_t split = std::min(std::max(first, forced_), end);
    if (split > first &&
        !runInterp(globals, seed, first, uint32_t(split - first), outcomes, error, failedTrial, cancel, tilt))
      return false;
    if (split == end) return true;
    rt::BlockFn block = waitForJit();
    double* rest = outcomes + (split - first) * rt::outcomeWidth(info());
    if (!block) return runInterp(globals, seed, split, uint32_t(end - split), rest, error, failedTrial, cancel, tilt);
    return runJit(block, globals, seed, split, uint32_t(end - split), rest, error, failedTrial, cancel, tilt);
  }

  rt::BlockFn waitForJit() const {
    job_->start();
    std::unique_lock<std::mutex> lock(job_->mutex);
    job_->finished.wait(lock, [&] { return job_->done; });
    return job_->block.load(std::memory_order_acquire);
  }

  std::unique_ptr<rt::Kernel> interp_;  ///< also evaluates the globals, as for the jit engine
  std::shared_ptr<Job> job_;
  std::vector<uint32_t> sites_;         ///< the compiled kernel's site -> the program's
  uint64_t forced_;
  mutable std::atomic<int64_t> interpNanos_{0};
  /// Trials run to completion on each engine (the failing trial of a block is not counted).
  mutable std::atomic<uint64_t> interpreted_{0}, compiled_{0};
};

}  // namespace

KeepBackgroundCompiles::KeepBackgroundCompiles() {
  std::lock_guard<std::mutex> lock(keptMutex);
  if (keepers++ == 0) kept = new std::vector<std::shared_ptr<Job>>();
}

KeepBackgroundCompiles::~KeepBackgroundCompiles() {
  std::vector<std::shared_ptr<Job>>* jobs = nullptr;
  {
    std::lock_guard<std::mutex> lock(keptMutex);
    if (--keepers == 0) std::swap(jobs, kept);
  }
  delete jobs;  // outside the lock: the last reference to each job abandons and joins it
}

std::unique_ptr<rt::Kernel> compileTiered(const ir::Module& module, const ir::Scenario& scenario, std::string& error) {
  auto interp = interp::compileScenario(module, scenario, error);
  if (!interp) return nullptr;
  llvmgen::NormalizedScenario n = llvmgen::normalizeScenario(module, scenario);
  std::vector<uint32_t> sites = n.sites;
  uint64_t forced = forcedSwitchTrial();
  // In memory or on disk: then the JIT kernel runs from the first block.
  rt::BlockFn ready = llvmgen::findCompiledBlock(n);
  std::shared_ptr<Job> job = sharedJob(std::move(n));
  if (ready && !job->started.exchange(true)) {
    job->block = ready;
    std::lock_guard<std::mutex> lock(job->mutex);
    job->done = true;
  } else if (forced != std::numeric_limits<uint64_t>::max()) {
    job->start();
  }
  return std::make_unique<TieredKernel>(std::move(interp), std::move(job), std::move(sites), forced);
}

}  // namespace omen::backend
