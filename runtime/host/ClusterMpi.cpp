//===- ClusterMpi.cpp - The processes of an MPI run (Open MPI) -------------===//
//
// Compiled only when CMake finds MPI. One thread per process talks MPI at a time (the
// driver's comm thread during a run, the main thread for the final broadcast), so
// MPI_THREAD_SERIALIZED suffices. Messages use a private duplicate of MPI_COMM_WORLD.
//
// Failure: a runtime error in a block travels to rank 0 as an Error message and ends the
// run like a local one (the lowest failing trial wins). A rank that dies (a crash, an abort,
// kill -9) cannot send anything; mpirun notices, kills the other ranks and exits non-zero
// with "mpirun noticed that process rank R ... exited on signal S". Before it dies, a rank
// that crashes with a signal it can catch prints which block it was running (crashNote).
//
//===----------------------------------------------------------------------===//
#ifdef OMEN_HAVE_MPI

#include <fcntl.h>
#include <mpi.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "runtime/host/Cluster.h"

namespace omen::rt::cluster {
namespace {

enum Tag { kTagBlock = 1, kTagError = 2, kTagDone = 3, kTagStop = 4 };

bool gActive = false;
int gRank = 0, gSize = 1;
MPI_Comm gComm = MPI_COMM_NULL;
int gStderr = 2;  // the real stderr, kept for a crash message of a silenced rank
std::atomic<uint64_t> gBlock{UINT64_MAX}, gFirst{0}, gCount{0};
std::atomic<uint64_t> gSent{0};
int gFailRank = -1;  // OMEN_TEST_RANK_FAILURE, for tests only
bool gFailByKill = false;
uint64_t gSlowBlock = UINT64_MAX;  // OMEN_TEST_SLOW_BLOCK, for tests only
unsigned gSlowMs = 0;

void finalize() {
  if (!gActive) return;
  // Print everything before the ranks part: a rank that returns non-zero makes mpirun end
  // the job, and stdout is otherwise flushed only after atexit handlers have run.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) {
    if (gComm != MPI_COMM_NULL) MPI_Comm_free(&gComm);
    MPI_Finalize();
  }
}

// Async-signal-safe decimal formatting.
void appendNumber(char* buffer, size_t& at, size_t cap, uint64_t v) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v && n < 24);
  while (n && at + 1 < cap) buffer[at++] = digits[--n];
}
void appendText(char* buffer, size_t& at, size_t cap, const char* text) {
  while (*text && at + 1 < cap) buffer[at++] = *text++;
}

extern "C" void crashNote(int sig) {
  char line[256];
  size_t at = 0;
  appendText(line, at, sizeof line, "omen: error: MPI rank ");
  appendNumber(line, at, sizeof line, static_cast<uint64_t>(gRank));
  appendText(line, at, sizeof line, " died (signal ");
  appendNumber(line, at, sizeof line, static_cast<uint64_t>(sig));
  uint64_t block = gBlock.load();
  if (block != UINT64_MAX) {
    appendText(line, at, sizeof line, ") in block ");
    appendNumber(line, at, sizeof line, block);
    appendText(line, at, sizeof line, " (trials ");
    appendNumber(line, at, sizeof line, gFirst.load());
    appendText(line, at, sizeof line, "..");
    appendNumber(line, at, sizeof line, gFirst.load() + gCount.load() - 1);
    appendText(line, at, sizeof line, ")");
  } else {
    appendText(line, at, sizeof line, ") before its first block");
  }
  appendText(line, at, sizeof line, "; the run is abandoned, no result\n");
  ssize_t ignored = write(gStderr, line, at);
  (void)ignored;
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void readTestHook() {
  // Testing only (docs/scaling.md): OMEN_TEST_RANK_FAILURE=R:abort or R:kill makes rank R
  // abort (SIGABRT) or kill itself (SIGKILL) right after it sends its first block.
  const char* hook = std::getenv("OMEN_TEST_RANK_FAILURE");
  if (!hook) return;
  std::string text(hook);
  size_t colon = text.find(':');
  if (colon == std::string::npos) return;
  gFailRank = std::atoi(text.substr(0, colon).c_str());
  gFailByKill = text.substr(colon + 1) == "kill";
}

void readSlowHook() {
  // Testing only (docs/scaling.md): OMEN_TEST_SLOW_BLOCK=B:MS makes the rank that owns block
  // B wait MS milliseconds before running it, so a test can hold back the merge frontier at
  // a chosen block and replay an interleaving that otherwise needs luck.
  const char* hook = std::getenv("OMEN_TEST_SLOW_BLOCK");
  if (!hook) return;
  std::string text(hook);
  size_t colon = text.find(':');
  if (colon == std::string::npos) return;
  gSlowBlock = std::strtoull(text.substr(0, colon).c_str(), nullptr, 10);
  gSlowMs = static_cast<unsigned>(std::atoi(text.substr(colon + 1).c_str()));
}

}  // namespace

void initFromEnvironment(int& argc, char**& argv) {
  if (!std::getenv("OMPI_COMM_WORLD_SIZE") && !std::getenv("PMIX_RANK") && !std::getenv("PMI_SIZE")) return;
  int provided = 0;
  if (MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided) != MPI_SUCCESS) return;
  gActive = true;
  MPI_Comm_dup(MPI_COMM_WORLD, &gComm);
  MPI_Comm_rank(gComm, &gRank);
  MPI_Comm_size(gComm, &gSize);
  std::atexit(finalize);
  readTestHook();
  readSlowHook();
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) std::signal(sig, crashNote);
  if (gRank != 0) {
    gStderr = dup(2);
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
      dup2(null, 1);
      dup2(null, 2);
      close(null);
    }
  }
}

int rank() { return gRank; }
int size() { return gSize; }

void send(const ClusterMessage& m) {
  int tag = m.kind == ClusterMessage::Block ? kTagBlock : m.kind == ClusterMessage::Error ? kTagError : kTagDone;
  MPI_Send(m.bytes.data(), static_cast<int>(m.bytes.size()), MPI_BYTE, 0, tag, gComm);
}

std::optional<uint64_t> pollStop(uint64_t session) {
  std::optional<uint64_t> lowest;
  for (;;) {
    int flag = 0;
    MPI_Status status;
    MPI_Iprobe(0, kTagStop, gComm, &flag, &status);
    if (!flag) return lowest;
    uint64_t data[2];
    MPI_Recv(data, 2, MPI_UINT64_T, 0, kTagStop, gComm, MPI_STATUS_IGNORE);
    if (data[0] == session) lowest = lowest ? std::min(*lowest, data[1]) : data[1];
  }
}

std::optional<ClusterMessage> poll(int source, bool takeBlock) {
  int flag = 0;
  MPI_Status status;
  MPI_Iprobe(source, MPI_ANY_TAG, gComm, &flag, &status);
  if (!flag) return std::nullopt;
  if (status.MPI_TAG == kTagBlock && !takeBlock) return std::nullopt;
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  ClusterMessage m;
  m.kind = status.MPI_TAG == kTagBlock   ? ClusterMessage::Block
           : status.MPI_TAG == kTagError ? ClusterMessage::Error
                                         : ClusterMessage::Done;
  m.bytes.resize(static_cast<size_t>(count));
  MPI_Recv(m.bytes.data(), count, MPI_BYTE, source, status.MPI_TAG, gComm, MPI_STATUS_IGNORE);
  return m;
}

void sendStop(int target, uint64_t session, uint64_t stop) {
  uint64_t data[2] = {session, stop};
  MPI_Send(data, 2, MPI_UINT64_T, target, kTagStop, gComm);
}

namespace {
void broadcastFrom(int root, std::string& bytes) {
  uint64_t n = bytes.size();
  MPI_Bcast(&n, 1, MPI_UINT64_T, root, gComm);
  bytes.resize(n);
  // MPI counts are ints: send the totals (up to ~80 MB of exact quantiles) in pieces.
  constexpr uint64_t kPiece = 1ull << 30;
  for (uint64_t at = 0; at < n; at += kPiece)
    MPI_Bcast(bytes.data() + at, static_cast<int>(std::min(kPiece, n - at)), MPI_BYTE, root, gComm);
}
}  // namespace

void broadcast(std::string& bytes) { broadcastFrom(0, bytes); }

std::vector<std::string> allGather(const std::string& mine) {
  if (gSize == 1) return {mine};  // one process (MPI may not even be initialised)
  // One broadcast per rank, in rank order: any size (pieces of 1 GiB), and N is small.
  std::vector<std::string> all(static_cast<size_t>(gSize));
  for (int r = 0; r < gSize; ++r) {
    if (r == gRank) all[r] = mine;
    broadcastFrom(r, all[r]);
  }
  return all;
}

void noteBlockStarted(uint64_t block, uint64_t firstTrial, uint32_t count) {
  gFirst.store(firstTrial);
  gCount.store(count);
  gBlock.store(block);
  if (block == gSlowBlock) std::this_thread::sleep_for(std::chrono::milliseconds(gSlowMs));
}

void noteBlockSent() {
  if (gRank != gFailRank || gSent.fetch_add(1) != 0) return;
  if (gFailByKill) std::raise(SIGKILL);
  std::abort();
}

}  // namespace omen::rt::cluster

#endif  // OMEN_HAVE_MPI
