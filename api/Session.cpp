//===- Session.cpp - An incremental omen program -----------------------------===//
//
// Every change rebuilds the whole session from its cells' text: parsing and checking a few
// cells is fast, and a fresh build cannot carry stale state from a replaced declaration.
// Kernels are not rebuilt needlessly: the JIT caches them by IR text.
//
//===----------------------------------------------------------------------===//
#include "core/ClosestName.h"
#include "core/RegularFile.h"
#include "omen/Session.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "runtime/host/ParamValue.h"
#include "runtime/host/Settings.h"
#include "api/SessionImpl.h"
#include "core/Builtins.h"

namespace omen {

namespace fs = std::filesystem;

std::unique_ptr<Program> Session::wrap(std::unique_ptr<Program::Impl> impl) {
  return std::unique_ptr<Program>(new Program(std::move(impl)));
}

Program::Impl& Session::implOf(const Program& program) { return *program.impl_; }

SessionBuild Session::Impl::build(const std::vector<SessionCell>& cells) const {
  SessionBuild b;
  auto impl = std::make_unique<Program::Impl>();
  b.ids.push_back(impl->sources.addBuffer("<session>", ""));
  for (const SessionCell& c : cells) b.ids.push_back(impl->sources.addBuffer(c.name, c.text, c.path));
  sema::FrontendOptions frontend;
  frontend.stdlibDir = options.stdlibDir;
  impl->checked = sema::checkCells(impl->sources, b.ids, impl->diags, frontend, &b.masked);
  b.program = Session::wrap(std::move(impl));
  return b;
}

namespace {

const char* topKindName(ast::TopKind k) {
  switch (k) {
    case ast::TopKind::Import: return "import";
    case ast::TopKind::Const: return "const";
    case ast::TopKind::Fn: return "fn";
    case ast::TopKind::Scenario: return "scenario";
  }
  return "?";
}

std::string topName(const ast::TopDecl& d) {
  if (auto* c = dyn_cast<ast::ConstDecl>(&d)) return c->name;
  if (auto* f = dyn_cast<ast::FnDecl>(&d)) return f->name;
  if (auto* s = dyn_cast<ast::ScenarioDecl>(&d)) return s->name;
  if (auto* i = dyn_cast<ast::ImportDecl>(&d)) return i->isStd ? i->target : "\"" + i->target + "\"";
  return "";
}

const ast::Module* moduleOf(const ast::Program& p, FileId file) {
  for (const auto& m : p.modules)
    if (m->file == file) return m.get();
  return nullptr;
}

}  // namespace

SessionReply Session::Impl::commit(std::vector<SessionCell> next, size_t changed) {
  SessionReply reply;
  SessionBuild b = build(next);
  reply.diagnostics = b.program->diagnostics();
  if (!b.program->ok()) {
    reply.ok = false;
    return reply;
  }
  // What the changed cell declares; a name that was live before is a replacement (whether
  // an older cell declared it or this cell is a new copy of a file loaded again).
  std::set<std::pair<std::string, bool>> before;
  if (const ast::Program* old = implOf(*current.program).checked.get())
    for (const auto& m : old->modules)
      for (const auto& d : m->decls)
        if (!isa<ast::ImportDecl>(d.get())) before.insert({topName(*d), isa<ast::ScenarioDecl>(d.get())});
  const ast::Program& checked = *implOf(*b.program).checked;
  std::string lastHere;
  if (const ast::Module* m = moduleOf(checked, cellId(b, changed))) {
    for (const auto& d : m->decls) {
      if (isa<ast::ImportDecl>(d.get())) {
        reply.messages.push_back("imported " + topName(*d));
        continue;
      }
      bool scenario = isa<ast::ScenarioDecl>(d.get());
      if (scenario) lastHere = topName(*d);
      bool replaced = before.count({topName(*d), scenario}) > 0;
      reply.messages.push_back(std::string(replaced ? "replaced " : "declared ") +
                               topKindName(d->topKind) + " " + topName(*d));
    }
  }
  cells = std::move(next);
  current = std::move(b);
  if (!lastHere.empty()) last = lastHere;
  if (!last.empty() && !current.program->hasScenario(last)) {
    auto names = current.program->scenarioNames();
    last = names.empty() ? "" : names.back();
  }
  reply.ok = true;
  return reply;
}

SessionCell Session::Impl::typedCell(const std::string& text) {
  SessionCell c;
  c.name = "repl[" + std::to_string(++inputs) + "]";
  c.text = text;
  std::error_code ec;
  c.path = (fs::current_path(ec) / c.name).string();
  return c;
}

Session::Session(const LoadOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->current = impl_->build({});
}

Session::~Session() = default;

bool Session::isDeclaration(const std::string& text) {
  size_t i = 0;
  // Skip whitespace and comments before the first word.
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else if (text.compare(i, 2, "//") == 0) {
      i = text.find('\n', i);
      if (i == std::string::npos) return false;
    } else if (text.compare(i, 2, "/*") == 0) {
      i = text.find("*/", i + 2);
      if (i == std::string::npos) return false;
      i += 2;
    } else {
      break;
    }
  }
  size_t j = i;
  while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
  std::string word = text.substr(i, j - i);
  return word == "import" || word == "const" || word == "fn" || word == "scenario";
}

SessionReply Session::declare(const std::string& text) {
  std::vector<SessionCell> next = impl_->cells;
  next.push_back(impl_->typedCell(text));
  size_t changed = next.size() - 1;
  return impl_->commit(std::move(next), changed);
}

SessionReply Session::load(const std::string& path) {
  SessionReply reply;
  SessionCell cell;
  std::string error;
  // Only a regular file, within a size cap: `:load` of a FIFO or of /dev/zero is an error.
  if (!readRegularFile(path, cell.text, error)) {
    reply.diagnostics = "error: " + error + "\n";
    return reply;
  }
  std::error_code ec;
  cell.name = path;
  cell.path = fs::weakly_canonical(path, ec).string();
  cell.fromFile = true;
  // Loading a file again replaces its earlier copy (a file is one buffer in a program).
  std::vector<SessionCell> next;
  for (const SessionCell& c : impl_->cells)
    if (!(c.fromFile && c.path == cell.path)) next.push_back(c);
  next.push_back(std::move(cell));
  size_t changed = next.size() - 1;
  return impl_->commit(std::move(next), changed);
}

SessionReply Session::reload() {
  SessionReply reply;
  std::vector<SessionCell> next = impl_->cells;
  size_t files = 0, lastFile = 0;
  for (size_t i = 0; i < next.size(); ++i) {
    if (!next[i].fromFile) continue;
    std::string error;
    if (!readRegularFile(next[i].name, next[i].text, error)) {
      reply.diagnostics += "error: " + error + "\n";
      return reply;
    }
    ++files, lastFile = i;
  }
  if (files == 0) {
    reply.ok = true;
    reply.messages.push_back("no file loaded: nothing to reload");
    return reply;
  }
  std::string last = impl_->last;
  reply = impl_->commit(std::move(next), lastFile);
  if (reply.ok) {
    impl_->last = last.empty() || !impl_->current.program->hasScenario(last) ? impl_->last : last;
    reply.messages = {"reloaded " + std::to_string(files) + (files == 1 ? " file" : " files")};
  }
  return reply;
}

const Program& Session::program() const { return *impl_->current.program; }

std::string Session::lastScenario() const { return impl_->last; }

std::vector<SessionDecl> Session::declarations() const {
  std::vector<SessionDecl> out;
  const Program::Impl& p = implOf(*impl_->current.program);
  if (!p.checked) return out;
  for (size_t i = 0; i < impl_->cells.size(); ++i) {
    const ast::Module* m = moduleOf(*p.checked, cellId(impl_->current, i));
    if (!m) continue;
    for (const auto& d : m->decls)
      out.push_back({topKindName(d->topKind), topName(*d),
                     impl_->cells[i].name + ":" + std::to_string(d->range.begin.line)});
  }
  return out;
}

std::vector<std::string> Session::params(const std::string& scenario) const {
  std::vector<std::string> out;
  const Program::Impl& p = implOf(*impl_->current.program);
  if (!p.checked) return out;
  if (const ast::Scenario* s = p.checked->findScenario(scenario))
    for (const ast::ParamDecl* param : s->params) out.push_back(param->name);
  return out;
}

bool Session::checkOverride(const std::string& name, const std::string& value, std::string& error) const {
  const Program::Impl& p = implOf(*impl_->current.program);
  std::vector<std::string> known;
  if (p.checked)
    for (const auto& s : p.checked->scenarios)
      for (const ast::ParamDecl* param : s->params) {
        known.push_back(param->name);
        if (param->name != name) continue;
        ValueType type = param->init->type == Type::Bool  ? ValueType::Bool
                             : param->init->type == Type::Int ? ValueType::Int
                                                              : ValueType::Real;
        // An uncertain param pinned by --set takes its distribution's type.
        Value v;
        if (!rt::parseParamValue(value, type, v, error)) return false;
        // The declared range is checked here too, so `:set` refuses what `--set` refuses.
        if (!param->valueRange) return true;
        rt::ParamInfo info{param->name, type, param->uncertain, 0, 0};
        info.hasRange = true;
        info.lo = param->valueRange->lo.value;
        info.hi = param->valueRange->hi.value;
        error = rt::outsideRange(info, type == ValueType::Int ? double(v.i) : v.r);
        return error.empty();
      }
  error = "no param named '" + name + "' in any scenario" + didYouMean(name, known);
  return false;
}

std::vector<std::string> Session::names() const {
  std::set<std::string> out;
  const Program::Impl& p = implOf(*impl_->current.program);
  if (p.checked) {
    for (const ast::ConstDecl* c : p.checked->consts) out.insert(c->name);
    for (const ast::FnDecl* f : p.checked->functions) out.insert(f->name);
    for (const auto& s : p.checked->scenarios) {
      out.insert(s->name);
      for (const ast::ParamDecl* d : s->params) out.insert(d->name);
      for (const ast::StateDecl* d : s->states) out.insert(d->name);
      for (const ast::EventDecl* d : s->events) out.insert(d->name);
    }
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> Session::builtinNames() {
  std::vector<std::string> out;
  for (const BuiltinInfo& b : kBuiltins)
    if (!b.isDensity) out.emplace_back(b.name);
  return out;
}

}  // namespace omen
