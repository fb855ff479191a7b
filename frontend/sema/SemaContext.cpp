//===- SemaContext.cpp - Small helpers every stage uses --------------------===//
#include "frontend/sema/SemaContext.h"

#include "core/ClosestName.h"

namespace omen::sema {

std::string withSuggestion(std::string message, const std::string& name,
                           const std::vector<std::string>& candidates) {
  std::string best = closestName(name, candidates);
  if (!best.empty() && best != name) message += "; did you mean '" + best + "'?";
  return message;
}

void Context::error(SourceRange range, std::string message) {
  auto key = std::make_tuple(range.begin.file, range.begin.line, range.begin.col, message);
  lastWasRepeat_ = !reported_.insert(std::move(key)).second;
  if (!lastWasRepeat_) diags.error(range, std::move(message));
}

void Context::warning(SourceRange range, std::string message) {
  auto key = std::make_tuple(range.begin.file, range.begin.line, range.begin.col, message);
  if (reported_.insert(std::move(key)).second) diags.warning(range, std::move(message));
}

void Context::note(SourceRange range, std::string message) {
  if (!lastWasRepeat_) diags.note(range, std::move(message));
}

bool isReservedName(const std::string& name) {
  return name == "t" || name == "step" || name == "P" || name == "E" || name == "quantiles" ||
         name == "time";
}

std::string aKind(ast::DeclKind kind) {
  std::string k = ast::describe(kind);
  bool vowel = !k.empty() && std::string("aeiou").find(k[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + k;
}

}  // namespace omen::sema
