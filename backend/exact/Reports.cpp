//===- Reports.cpp - Reports over the distribution of finished trials -------===//
#include "backend/exact/Reports.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "backend/exact/Enumerate.h"
#include "runtime/host/StatisticsQuantiles.h"

namespace omen::exact {
namespace {

using Status = Evaluator::Status;

struct Tally {
  double givenMass = 0;
  double sum = 0;       ///< P: mass where the value holds; E: mass times value
  double largest = 0;   ///< the largest |value| seen
  std::map<double, double> distribution;
};

ReportKind publicKind(ir::ReportKind k) {
  switch (k) {
    case ir::ReportKind::Probability: return ReportKind::Probability;
    case ir::ReportKind::Mean: return ReportKind::Mean;
    case ir::ReportKind::Quantiles: return ReportKind::Quantiles;
  }
  return ReportKind::Probability;
}

double asDouble(const ir::Expr& e, Value v) {
  switch (e.type) {
    case Type::Bool: return v.i != 0 ? 1.0 : 0.0;
    case Type::Int: return double(v.i);
    case Type::Real:
    case Type::Unknown: return v.r;
  }
  return v.r;
}

}  // namespace

bool computeReports(Evaluator& ev, const StateLayout& layout, const ir::Scenario& s, const Distribution& finished,
                    double leftOut, std::vector<ExactReport>& out, SolveError& error) {
  std::vector<Tally> tallies(s.reports.size());
  double dropped = 0;
  for (const auto& [key, weight] : finished) {
    Position at;
    TrialMemory state;
    layout.decode(key, at, state);
    const double mass = weight.mass;
    for (size_t r = 0; r < s.reports.size(); ++r) {
      const ir::Report& report = s.reports[r];
      Tally& tally = tallies[r];
      uint32_t event = 0;
      const int moment = layout.momentOf(report, event);
      auto failed = [&](double p) {
        error.runtime = ev.error();
        error.probability = p;
        return false;
      };
      auto addValue = [&](const TrialMemory& given, double p) {
        Value v{};
        return enumerate(
            ev, given, p, dropped,
            [&](TrialMemory& mem, const std::vector<uint32_t>& script) { return ev.evalExpr(*report.value, mem, script, v); },
            [&](TrialMemory&, double pv, Status st) {
              if (st == Status::Failed) return failed(pv);
              double x = asDouble(*report.value, v);
              if (moment >= 0 && given.happened[event]) {
                // A moment event's time is out of the key: its sum stands in for p times time(e).
                tally.givenMass += pv;
                // A state whose mass underflowed to 0 adds nothing (0/0 would be NaN).
                if (mass > 0) tally.sum += pv / mass * weight.moments[size_t(moment)];
                tally.largest = std::max(tally.largest, double(given.t));
                return true;
              }
              if (!std::isfinite(x)) {
                ev.fail(OMEN_ERR_NOT_FINITE, report.site, 1, x);
                error.report = int(r);
                return failed(pv);
              }
              tally.givenMass += pv;
              tally.sum += pv * x;
              tally.largest = std::max(tally.largest, std::fabs(x));
              if (report.kind == ir::ReportKind::Quantiles) tally.distribution[x] += pv;
              return true;
            });
      };
      if (!report.given) {
        if (!addValue(state, mass)) return false;
        continue;
      }
      Value g{};
      bool ok = enumerate(
          ev, state, mass, dropped,
          [&](TrialMemory& mem, const std::vector<uint32_t>& script) { return ev.evalExpr(*report.given, mem, script, g); },
          [&](TrialMemory& mem, double pg, Status st) {
            if (st == Status::Failed) return failed(pg);
            return g.i ? addValue(mem, pg) : true;
          });
      if (!ok) return false;
    }
  }
  // Reports may not draw (sema), so `dropped` stays 0; enumerating keeps one code path.
  leftOut += dropped;
  for (size_t r = 0; r < s.reports.size(); ++r) {
    const ir::Report& report = s.reports[r];
    const Tally& tally = tallies[r];
    ExactReport x;
    x.label = report.label;
    x.kind = publicKind(report.kind);
    x.conditional = report.given != nullptr;
    x.conditionProbability = tally.givenMass;
    x.undefined = tally.givenMass <= 0;
    if (!x.undefined) {
      x.value = tally.sum / tally.givenMass;
      double scale = report.kind == ir::ReportKind::Probability ? 1.0 : 2.0 * tally.largest;
      x.errorBound = leftOut / tally.givenMass * scale;
      if (report.kind == ir::ReportKind::Quantiles) {
        std::vector<double> levels = report.levels;
        if (levels.empty()) levels.assign(rt::kQuantileLevels.begin(), rt::kQuantileLevels.end());
        for (const auto& [value, p] : tally.distribution) x.distribution.emplace_back(value, p / tally.givenMass);
        for (double level : levels) {
          double cumulative = 0, at = x.distribution.back().first;
          for (const auto& [value, p] : x.distribution) {
            cumulative += p;
            // Rounding may leave a cumulative sum of exactly `level` a hair below it.
            if (cumulative >= level * (1 - 1e-12)) {
              at = value;
              break;
            }
          }
          x.quantiles.push_back(QuantilePoint{level, at, at, at});
        }
      }
    }
    out.push_back(std::move(x));
  }
  return true;
}

}  // namespace omen::exact
