//===- SolveFormat.cpp - A solved threshold as text, JSON or CSV -------------===//
#include <fmt/format.h>

#include "omen/Analysis.h"
#include "omen/Version.h"
#include "core/PrintableText.h"
#include "runtime/host/ReportFormat.h"
#include "runtime/host/ReportFormatHeader.h"

namespace omen::rt {

namespace {

std::string value(const SolveResult& s, double x, double scale) {
  return s.type == ValueType::Int ? fmt::format("{}", int64_t(std::llround(x))) : roundedNumber(x, scale);
}

/// "partial: …" for an interrupted solve ("" otherwise).
std::string partialNote(const SolveResult& s) {
  if (!s.partial) return "";
  return s.scanX.empty() ? fmt::format("partial: interrupted during the scan of {} points; no root", s.scanPlanned)
                         : fmt::format("partial: interrupted during the root search, after {} runs; no root",
                                       s.evaluations);
}

/// The first line: what was solved, where.
std::string heading(const SolveResult& s) {
  if (s.sideA.empty())
    return fmt::format("solve {} for {} = {} in scenario {}, on common random numbers\n", s.param, s.report,
                       num(s.target), s.scenario);
  return fmt::format("solve {} for {} of A - B = {}, paired on common random numbers\n  A: {}\n  B: {}\n", s.param,
                     s.report, num(s.target), s.sideA, s.sideB);
}

std::string text(const SolveResult& s) {
  if (s.partial) return heading(s) + fmt::format("  PARTIAL: {}\n", partialNote(s).substr(9));
  double scale = (s.ciHigh - s.ciLow) / 4;
  std::string lo = s.ciLowOpen ? "<= " + value(s, s.ciLow, scale) : value(s, s.ciLow, scale);
  std::string hi = s.ciHighOpen ? ">= " + value(s, s.ciHigh, scale) : value(s, s.ciHigh, scale);
  std::string out = heading(s);
  out += fmt::format("  {} = {}   95% interval [{}, {}]\n", s.param, value(s, s.root, scale), lo, hi);
  const ReportResult& r = s.atRoot;
  if (!s.sideA.empty())
    out += fmt::format("  {} at {} = {}: A {}, B {}, A - B {} ± {}\n", s.report, s.param, value(s, s.root, scale),
                       estimateCells(s.atRootComparison.a).first, estimateCells(s.atRootComparison.b).first,
                       roundedNumber(r.estimate, r.stdError), roundedNumber(r.stdError, r.stdError));
  else
    out += fmt::format("  {} at {} = {}: {} ± {}\n", s.report, s.param, value(s, s.root, scale),
                       roundedNumber(r.estimate, r.stdError), roundedNumber(r.stdError, r.stdError));
  if (s.ciLowOpen || s.ciHighOpen)
    out += "  the interval reaches the end of the bracket: the root may lie beyond it (widen --in or add trials)\n";
  out += fmt::format("  bracket [{}, {}], {} runs of {} trials (seed {}, engine {}, {} thread{}, {:.3g} s)\n",
                     value(s, s.lo, 0), value(s, s.hi, 0), s.evaluations, s.trials, s.seed, s.engine, s.threads,
                     s.threads == 1 ? "" : "s", s.seconds);
  if (s.precision) out += precisionLines(*s.precision, s.trials);
  return out;
}

std::string json(const SolveResult& s) {
  std::string root = s.partial ? "\"root\": null, \"ci95\": null, \"ci95_open\": null,\n  \"at_root\": null"
                               : fmt::format("\"root\": {}, \"ci95\": [{}, {}], \"ci95_open\": [{}, {}],\n"
                                             "  \"at_root\": {{\"estimate\": {}, \"stderr\": {}, \"n\": {}}}",
                                             num(s.root), num(s.ciLow), num(s.ciHigh), s.ciLowOpen ? "true" : "false",
                                             s.ciHighOpen ? "true" : "false", num(s.atRoot.estimate),
                                             num(s.atRoot.stdError), s.atRoot.n);
  std::string extra = s.partial ? fmt::format(",\n  \"note\": {}", jsonString(partialNote(s))) : "";
  if (!s.sideA.empty()) {
    auto side = [](const ReportResult& r) {
      return fmt::format("{{\"estimate\": {}, \"stderr\": {}}}", num(r.estimate), num(r.stdError));
    };
    extra += fmt::format(",\n  \"compare\": {{\"a\": {}, \"b\": {}, \"response\": \"A - B\"", jsonString(s.sideA),
                         jsonString(s.sideB));
    extra += s.partial ? "}" : fmt::format(", \"a_at_root\": {}, \"b_at_root\": {}}}", side(s.atRootComparison.a),
                                           side(s.atRootComparison.b));
  }
  if (s.log) extra += ",\n  \"grid\": \"log\"";
  if (s.precision) extra += ",\n  \"precision\": " + precisionObject(*s.precision, s.trials);
  return fmt::format("{{\n  {},\n  {},\n  \"param\": {}, \"report\": {}, \"target\": {}, \"bracket\": [{}, {}],\n  {}{}\n}}\n",
                     headerJsonMembers(s, {{"omen", kVersion}, "file", "scenario", "engine"}),
                     headerJsonMembers(s, {"seed", "trials", "threads", "seconds", {"evaluations", s.evaluations}, "partial"}),
                     jsonString(s.param), jsonString(s.report), num(s.target), num(s.lo), num(s.hi), root, extra);
}

std::string csv(const SolveResult& s) {
  std::string found =
      s.partial ? ",,,,,,"
                : fmt::format("{},{},{},{},{},{},{}", csvNumber(s.root), csvNumber(s.ciLow), csvNumber(s.ciHigh),
                              s.ciLowOpen ? "true" : "false", s.ciHighOpen ? "true" : "false",
                              csvNumber(s.atRoot.estimate), csvNumber(s.atRoot.stdError));
  return "scenario,param,report,target,root,ci_low,ci_high,ci_low_open,ci_high_open,estimate_at_root,stderr_at_root,"
         "bracket_low,bracket_high,evaluations,trials,note\n" +
         fmt::format("{},{},{},{},{},{},{},{},{},{}\n", csvField(s.scenario), csvField(s.param),
                     csvField(s.sideA.empty() ? s.report : s.report + ": A - B"),
                     csvNumber(s.target), found, csvNumber(s.lo), csvNumber(s.hi), s.evaluations, s.trials,
                     csvField(partialNote(s)));
}

}  // namespace

}  // namespace omen::rt

namespace omen {

std::string formatSolve(const SolveResult& result, OutputFormat format) {
  return rt::formatWith(result, format, rt::text, rt::json, rt::csv);
}

}  // namespace omen
