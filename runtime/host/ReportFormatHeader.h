//===- ReportFormatHeader.h - The run header in every result's JSON ---------===//
//
// Every run's and analysis's result starts with a RunHeader (omen/Results.h). Each header
// field has one JSON key and one JSON value, written here; a formatter names the fields it
// prints, in its order, with its own fields among them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "omen/Results.h"

namespace omen::rt {

/// One field of a result's JSON header: a RunHeader field named by its key ("file",
/// "scenario", "engine", "seed", "trials", "trials_completed", "threads", "seconds",
/// "partial", "version"), or a field of the analysis's own given with its value
/// ({"event", r.event}). A key that is not a header field does not compile.
class HeaderField {
 public:
  consteval HeaderField(const char* key) : key_(key), member_(memberOf(key)) {}  // NOLINT: a key reads as the field
  HeaderField(const char* key, std::string value) : key_(key), member_(Member::Own), own_(std::move(value)) {}
  HeaderField(const char* key, const char* value) : HeaderField(key, std::string(value)) {}
  HeaderField(const char* key, double value) : key_(key), member_(Member::Own), own_(value) {}
  template <std::unsigned_integral Count>
  HeaderField(const char* key, Count value) : key_(key), member_(Member::Own), own_(uint64_t{value}) {}

  const char* key() const { return key_; }
  nlohmann::ordered_json value(const RunHeader& header) const;

 private:
  enum class Member : uint8_t { File, Scenario, Engine, Seed, Trials, TrialsCompleted, Threads, Seconds, Partial, Version, Own };

  static consteval Member memberOf(std::string_view key) {
    constexpr std::pair<std::string_view, Member> kKeys[] = {
        {"file", Member::File},       {"scenario", Member::Scenario}, {"engine", Member::Engine},
        {"seed", Member::Seed},       {"trials", Member::Trials},     {"trials_completed", Member::TrialsCompleted},
        {"threads", Member::Threads}, {"seconds", Member::Seconds},   {"partial", Member::Partial},
        {"version", Member::Version}};
    for (const auto& [name, member] : kKeys)
      if (name == key) return member;
    throw "not a field of the run header: give the analysis's own field with its value";
  }

  const char* key_;
  Member member_;
  // Plain values rather than a JSON value, so that a header key is checked at compile time.
  std::variant<std::monostate, std::string, uint64_t, double> own_;
};

/// The header of an analysis's JSON object: `fields` in that order (nlohmann's dump()
/// writes it).
nlohmann::ordered_json headerJson(const RunHeader& header, std::initializer_list<HeaderField> fields);

/// The head of one scenario's object in a result of several (omen test, run --worlds): its
/// name, how much of it finished (`completed` under `completedKey`) and whether it was
/// interrupted.
nlohmann::ordered_json scenarioHeadJson(const std::string& name, const char* completedKey, uint64_t completed,
                                        bool partial);

/// `fields` as the members of a JSON object written by hand: `"file": "a.omen", "seed": 1`
/// (strings quoted and escaped, reals shortest round-trip), for the results whose JSON is
/// laid out line by line.
std::string headerJsonMembers(const RunHeader& header, std::initializer_list<HeaderField> fields);

}  // namespace omen::rt
