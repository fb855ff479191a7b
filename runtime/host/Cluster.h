//===- Cluster.h - The processes of an MPI run, behind a small interface ---===//
//
// Under `mpirun -n N`, N copies of omen run the same command; the driver hands block b to
// rank b mod N (a fixed assignment, independent of timing), the ranks send each block's
// serialized accumulators to rank 0, and rank 0 merges them in block order, so the output
// is byte-identical to one process. Everything MPI lives in ClusterMpi.cpp, compiled only
// when CMake finds MPI (OMEN_HAVE_MPI); ClusterLocal.cpp is the one-process build. Nothing
// else includes <mpi.h>.
//
// Only rank 0 prints: the other ranks' stdout and stderr go to /dev/null once MPI is up
// (a rank that crashes still says so on the real stderr, see ClusterMpi.cpp).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace omen::rt {

/// One message from a worker rank to rank 0.
struct ClusterMessage {
  enum Kind : uint8_t { Block, Error, Done } kind = Done;
  std::string bytes;  ///< Block/Error: the block index (8 bytes) then the payload
};

namespace cluster {

/// Starts MPI if this process was launched by mpirun (Open MPI's environment variables are
/// set); otherwise, and in a build without MPI, does nothing. Call first thing in main().
void initFromEnvironment(int& argc, char**& argv);

/// This process's rank and the number of ranks (0 and 1 without MPI).
int rank();
int size();
inline bool distributed() { return size() > 1; }

// Worker ranks (rank > 0). One thread per process calls these (the driver's comm thread).
void send(const ClusterMessage& message);
/// The lowest `stop` index rank 0 has sent for run `session` so far, if any (non-blocking;
/// stale stops of earlier runs are dropped).
std::optional<uint64_t> pollStop(uint64_t session);

// Rank 0.
/// A message from `source` if one is waiting; a Block is taken only if `takeBlock`.
std::optional<ClusterMessage> poll(int source, bool takeBlock);
/// Tells `target` that blocks >= `stop` of run `session` are not needed.
void sendStop(int target, uint64_t session, uint64_t stop);

/// Every rank: rank 0's `bytes` replace the others' (a collective call).
void broadcast(std::string& bytes);
/// Every rank: each rank's `mine`, in rank order (a collective call). For work that is
/// split by a fixed rule (world w or chunk c on rank w mod N) and whose every piece every
/// rank then needs; a single process gets {mine} (no MPI call).
std::vector<std::string> allGather(const std::string& mine);

/// Every rank, before any work: what each rank was asked to do (`fields`: a name and a
/// value, such as "the command line" and its text) must equal rank 0's. If any rank's differ,
/// rank 0 prints one error naming the ranks and the fields that differ and every rank exits
/// with status 2, instead of a silent blend of different runs or a hang. A collective call;
/// nothing happens in one process. (ClusterSameInput.cpp)
void requireSameInput(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& tool);

/// The block a rank is running, for the message of a rank that crashes (test hook and crash
/// report; see ClusterMpi.cpp).
void noteBlockStarted(uint64_t block, uint64_t firstTrial, uint32_t count);
void noteBlockSent();

}  // namespace cluster
}  // namespace omen::rt
