//===- LargeStack.h - Run a deep recursive walk on a thread with a big stack -===//
//
// Every stage after the parser walks expression trees recursively, and the frontend lets
// a tree be kMaxExprDepth operations deep. Lowering such a tree needs over 2 MB of stack
// in a release build and over 8 MB under AddressSanitizer, more than an embedder's thread
// (or the main thread, under ASan) may have. The public API runs those stages here.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <functional>

namespace omen {

/// Runs `fn` on a thread with a 256 MB stack (reserved address space; only the pages used
/// are ever touched) and waits for it. If no thread can be made, runs `fn` in place.
void runWithLargeStack(const std::function<void()>& fn);

}  // namespace omen
