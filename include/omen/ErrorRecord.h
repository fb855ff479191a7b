//===- ErrorRecord.h - A failed trial's error as plain values --------------===//
//
// Kernels (interpreted, JIT or AOT) cannot format strings, so a failing builtin records its
// error as these values; the host turns them into a sentence (runtime/host/RuntimeError.h).
// A C header: the runtime compiled to bitcode and the public API share this one layout.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Error codes; 0 means no error. runtime/host/RuntimeError.h turns a record into a message.
enum OmenErrorCode {
  OMEN_OK = 0,
  OMEN_ERR_PROBABILITY,      ///< p outside [0, 1] (args[0] = p)
  OMEN_ERR_DIST_ARGS,        ///< invalid distribution argument(s) (args = the arguments)
  OMEN_ERR_DOMAIN,           ///< math function outside its domain (args[0] = the argument)
  OMEN_ERR_INT_OVERFLOW,     ///< int arithmetic or conversion overflow
  OMEN_ERR_DIV_ZERO,         ///< division (or mod) by zero
  OMEN_ERR_NOT_FINITE,       ///< a real value became NaN or infinite (args[0] = the value)
  OMEN_ERR_PHASE_LIMIT,      ///< an `until` phase reached its limit (args[0] = limit)
  OMEN_ERR_BAD_COUNT,        ///< a `for` count negative or above 2^53 (args[0] = count)
  OMEN_ERR_CATEGORICAL,      ///< categorical weights invalid or not summing to 1 (args[0] = sum)
  /// Not an error of the program: the run was interrupted (Ctrl-C) in the middle of this
  /// trial. The trial does not count; the driver keeps the trials before it.
  OMEN_ERR_CANCELLED,
  OMEN_ERR_INDEX_RANGE,      ///< an array index outside [0, length) (args[0] = index, args[1] = length)
  OMEN_ERR_ARRAY_LENGTH,     ///< an array length negative or over the limit (args[0] = length, args[1] = limit)
  OMEN_ERR_EMPTY_ARRAY,      ///< min, max or mean of an array of length 0
  OMEN_ERR_LOOP_LIMIT,       ///< a `for i in a..b` range longer than 2^32 (args[0] = b - a)
  /// Not an error of the program: a rejection sampler in a trial run speculatively in vector
  /// lanes was rejected once (Builtins.h, `_lanes`). The JIT kernel runs the trial again one
  /// at a time; no run ever reports it.
  OMEN_ERR_LANE_RETRY,
  OMEN_ERR_CHOICES,          ///< a `choose x in a..b` with no value or too many (args[0] = b - a, args[1] = the limit)
};

typedef struct OmenError {
  uint32_t code;     ///< OmenErrorCode
  uint32_t site;     ///< which operation of the program (an index into the IR's site table)
  uint32_t argCount;
  double args[3];    ///< the offending values, for the message
} OmenError;

#ifdef __cplusplus
}
#endif
