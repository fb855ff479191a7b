//===- ClusterLocal.cpp - One process: the build without MPI ---------------===//
//
// Without MPI a run is rank 0 of 1; the driver never calls the messaging functions then.
//
//===----------------------------------------------------------------------===//
#ifndef OMEN_HAVE_MPI

#include <cstdlib>

#include "runtime/host/Cluster.h"

namespace omen::rt::cluster {

void initFromEnvironment(int&, char**&) {}
int rank() { return 0; }
int size() { return 1; }
void send(const ClusterMessage&) { std::abort(); }
std::optional<uint64_t> pollStop(uint64_t) { return std::nullopt; }
std::optional<ClusterMessage> poll(int, bool) { return std::nullopt; }
void sendStop(int, uint64_t, uint64_t) { std::abort(); }
void broadcast(std::string&) {}
std::vector<std::string> allGather(const std::string& mine) { return {mine}; }
void noteBlockStarted(uint64_t, uint64_t, uint32_t) {}
void noteBlockSent() {}

}  // namespace omen::rt::cluster

#endif  // OMEN_HAVE_MPI
