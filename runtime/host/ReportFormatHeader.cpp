//===- ReportFormatHeader.cpp - The run header in every result's JSON -------===//
#include "runtime/host/ReportFormatHeader.h"

#include "runtime/host/ReportFormat.h"

namespace omen::rt {

nlohmann::ordered_json HeaderField::value(const RunHeader& h) const {
  switch (member_) {
    case Member::File: return h.file;
    case Member::Scenario: return h.scenario;
    case Member::Engine: return h.engine;
    case Member::Seed: return h.seed;
    case Member::Trials: return h.trials;
    case Member::TrialsCompleted: return h.trialsCompleted;
    case Member::Threads: return h.threads;
    case Member::Seconds: return h.seconds;
    case Member::Partial: return h.partial;
    case Member::Version: return h.version;
    case Member::Own:
      return std::visit([](const auto& v) -> nlohmann::ordered_json {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) return nullptr;
        else return v;
      }, own_);
  }
  return nullptr;
}

nlohmann::ordered_json headerJson(const RunHeader& header, std::initializer_list<HeaderField> fields) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const HeaderField& f : fields) j[f.key()] = f.value(header);
  return j;
}

nlohmann::ordered_json scenarioHeadJson(const std::string& name, const char* completedKey, uint64_t completed,
                                        bool partial) {
  nlohmann::ordered_json j;
  j["name"] = name;
  j[completedKey] = completed;
  j["partial"] = partial;
  return j;
}

std::string headerJsonMembers(const RunHeader& header, std::initializer_list<HeaderField> fields) {
  std::string out;
  for (const HeaderField& f : fields) {
    nlohmann::ordered_json v = f.value(header);
    // Reals shortest round-trip, as every hand-written JSON of omen prints them (dump() gives 250.0 for num's 250).
    out += (out.empty() ? "" : ", ") + jsonString(f.key()) + ": " + (v.is_number_float() ? num(v.get<double>()) : v.dump());
  }
  return out;
}

}  // namespace omen::rt
