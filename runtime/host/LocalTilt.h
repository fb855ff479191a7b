//===- LocalTilt.h - An importance-sampling tilt in a kernel's own site numbers =//
//
// The host writes a tilt's params by program site; a JIT kernel numbers its sites locally
// (backend/llvm/KernelKey.h: where a scenario was written must not change its machine
// code), with `sites` mapping kernel site -> program site. This copies the params into the
// kernel's numbering for the length of one block call; the statistics rows are shared.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <vector>

#include "runtime/kernel/TrialContext.h"

namespace omen::rt {

class LocalTilt {
 public:
  LocalTilt(const OmenTilt* tilt, const std::vector<uint32_t>& sites) {
    if (!tilt) return;
    local_ = *tilt;
    params_.assign(sites.size() * OMEN_TILT_PARAMS, 0.0);
    for (size_t k = 0; k < sites.size(); ++k)
      if (sites[k] < tilt->siteCount)
        for (int j = 0; j < OMEN_TILT_PARAMS; ++j)
          params_[k * OMEN_TILT_PARAMS + j] = tilt->params[size_t(sites[k]) * OMEN_TILT_PARAMS + j];
    local_.params = params_.data();
    local_.siteCount = static_cast<uint32_t>(sites.size());
    tilt_ = &local_;
  }
  const OmenTilt* get() const { return tilt_; }

 private:
  OmenTilt local_{};
  std::vector<double> params_;
  const OmenTilt* tilt_ = nullptr;
};

}  // namespace omen::rt
