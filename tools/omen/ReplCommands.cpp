//===- ReplCommands.cpp - What the REPL does with each entry ----------------===//
//
// An entry is a `:command`, declarations (import/const/fn/scenario) or an expression. Every
// error prints what the CLI would print and leaves the session as it was; the return value
// only tells `--strict` that something failed.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <new>
#include <sstream>

#include "tools/omen/Commands.h"
#include "tools/omen/Repl.h"

namespace omen::cli {

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

constexpr uint64_t kSamples = 10'000;

std::string num(double x) { return fmt::format("{:.4g}", x); }

const char* kHelp = R"(Enter declarations (import, const, fn, scenario) to add them to the session;
declaring a name again replaces it. Input continues while a { or ( is open.
Enter an expression to evaluate it: exactly if it draws nothing, else a summary
of 10,000 samples.

  :run [scenario]         run a scenario (default: the last declared)
  :compare A B            run A and B on common random numbers; paired differences
  :sweep [S] p[=LO:HI[:N]] [q…] [--log] [--plot F.svg]   a param over a grid (CRN), plotted
  :solve [S] p [LO:HI] REPORT = VALUE   the p at which REPORT reaches VALUE, with an interval
  :set name=value         set a param for later runs (:set alone lists settings)
  :unset name             remove a :set value (:unset alone removes all)
  :trials N   :seed K   :threads N   :engine auto|jit|interp
  :type expr              the type of an expression (and whether it draws)
  :ir [scenario]          omen's IR        :llvm [scenario]   the LLVM IR
  :load FILE  :reload     add a file's declarations; read loaded files again
  :list                   what is declared   :save FILE   write it as an .omen file
  :help   :quit (or Ctrl-D)   Ctrl-C stops a running simulation
)";

}  // namespace

std::atomic<bool>& Repl::interrupted() {
  static std::atomic<bool> flag{false};
  return flag;
}

Repl::Repl(const LoadOptions& load, std::ostream& out, std::ostream& err, bool interactive)
    : session_(load), out_(out), err_(err), interactive_(interactive) {
  options_.trials = 100'000;
  options_.seed = 1;
  options_.cancel = &interrupted();
}

bool Repl::error(const std::string& message) {
  err_ << "error: " << message << "\n";
  return false;
}

bool Repl::printReply(const SessionReply& reply) {
  err_ << reply.diagnostics;
  if (!reply.ok) return false;
  for (const std::string& m : reply.messages) out_ << m << "\n";
  return true;
}

bool Repl::handle(const std::string& entry) {
  // Out of memory ends the entry, not the session (nor the process, in std::terminate).
  try {
    return handleEntry(entry);
  } catch (const std::bad_alloc&) {
    return error("out of memory: the entry needed more than the " + rt::formatBytes(double(rt::memoryLimitBytes())) +
                 " this process may use (the machine's memory, or `ulimit -v`)");
  }
}

bool Repl::handleEntry(const std::string& entry) {
  std::string text = trim(entry);
  if (onlyComments(text)) return true;
  if (text[0] == ':') return command(text);
  if (Session::isDeclaration(text)) return printReply(session_.declare(entry));
  return evaluate(entry);
}

bool Repl::evaluate(const std::string& expr) {
  RunOptions o = options_;
  o.trials = kSamples;
  o.progress = false;
  interrupted().store(false);
  SessionValue v = session_.evaluate(expr, o);
  if (!v.ok) {
    err_ << v.error;
    return false;
  }
  if (!v.draws) {
    std::string value = v.type == "bool" ? (v.value != 0 ? "true" : "false") : formatNumber(v.value);
    out_ << value << " : " << v.type << "\n";
  } else if (v.type == "bool") {
    out_ << "P(true) " << num(v.mean) << "  sd " << num(v.sd) << "  : bool, " << v.samples << " samples\n";
  } else {
    out_ << "mean " << num(v.mean) << "  sd " << num(v.sd) << "  5% " << num(v.q05) << "  50% " << num(v.q50)
         << "  95% " << num(v.q95) << "  : " << v.type << ", " << v.samples << " samples\n";
  }
  return true;
}

bool Repl::command(const std::string& line) {
  size_t space = line.find_first_of(" \t");
  std::string name = line.substr(1, space == std::string::npos ? std::string::npos : space - 1);
  std::string args = space == std::string::npos ? "" : trim(line.substr(space));
  if (name == "quit" || name == "q" || name == "exit") return quit_ = true;
  if (name == "help" || name == "h" || name == "?") return cmdHelp(), true;
  if (name == "run") return cmdRun(args);
  if (name == "compare") return cmdCompare(args);
  // `:sweep p_turn …` is the REPL's shorthand; `:sweep --vary …` the registry's flags.
  bool flags = args.rfind("-", 0) == 0;
  if (name == "sweep" && !flags) return cmdSweep(args);
  if (name == "solve" && !flags) return cmdSolve(args);
  for (const AnalysisInfo& analysis : analyses())
    if (name == analysis.name) return cmdAnalysis(name, args);
  if (name == "set") return cmdSet(args);
  if (name == "unset") return cmdUnset(args);
  if (name == "trials" || name == "seed" || name == "threads") return cmdCount(name, args);
  if (name == "engine") return cmdEngine(args);
  if (name == "type" || name == "t") return cmdType(args);
  if (name == "ir" || name == "llvm") return cmdDump(name, args);
  if (name == "load") {
    if (args.empty()) return error(":load needs a file: :load examples/premises.omen");
    return printReply(session_.load(args));
  }
  if (name == "reload") return printReply(session_.reload());
  if (name == "list" || name == "ls") return cmdList();
  if (name == "save") return cmdSave(args);
  std::string known;
  for (const std::string& c : replCommands())
    if (!name.empty() && c.compare(1, 1, name, 0, 1) == 0) known += (known.empty() ? "" : ", ") + c;
  return error("unknown command ':" + name + "'" + (known.empty() ? "" : " (did you mean " + known + "?)") +
               "; :help lists the commands");
}

RunOptions Repl::runOptions(const std::vector<std::string>& scenarios) {
  RunOptions o = options_;
  o.scenarios = scenarios;
  o.progress = interactive_;
  for (const auto& [name, value] : overrides_) {
    bool applies = false;
    for (const std::string& s : scenarios)
      for (const std::string& p : session_.params(s)) applies |= p == name;
    if (applies) o.overrides.emplace_back(name, value);
  }
  return o;
}

bool Repl::cmdRun(const std::string& args) {
  std::vector<std::string> names = words(args);
  if (names.empty()) {
    if (session_.lastScenario().empty()) return error("no scenario declared yet: declare one or :load a file");
    names.push_back(session_.lastScenario());
  }
  interrupted().store(false);
  RunOutcome outcome = session_.program().run(runOptions(names));
  if (!outcome.ok()) {
    err_ << (outcome.failure == Failure::Options ? "error: " : "") << outcome.error;
    if (outcome.error.empty() || outcome.error.back() != '\n') err_ << "\n";
    return false;
  }
  out_ << formatRun(outcome.result, OutputFormat::Text);
  interrupted().store(false);  // the text says PARTIAL if Ctrl-C stopped the run
  return true;
}

bool Repl::cmdCompare(const std::string& args) {
  std::vector<std::string> names = words(args);
  if (names.size() != 2) return error(":compare needs two scenarios: :compare A B");
  if (names[0] == names[1]) return error(":compare needs two different scenarios, got '" + names[0] + "' twice");
  interrupted().store(false);
  // A :set param that both scenarios declare is pinned on both sides: any difference the
  // scenarios make in it is gone (a derived scenario's own value included).
  for (const auto& [name, value] : overrides_) {
    auto declares = [&, &name = name](const std::string& s) {
      std::vector<std::string> ps = session_.params(s);
      return std::find(ps.begin(), ps.end(), name) != ps.end();
    };
    if (declares(names[0]) && declares(names[1]))
      err_ << "warning: :set " << name << "=" << value << " pins " << name << " in both " << names[0] << " and "
           << names[1] << ", so neither side keeps its own value; :unset " << name << " to compare them as declared\n";
  }
  CompareOutcome outcome = session_.program().compare(names[0], names[1], runOptions(names));
  if (!outcome.ok()) {
    err_ << (outcome.failure == Failure::Options ? "error: " : "") << outcome.error;
    if (outcome.error.empty() || outcome.error.back() != '\n') err_ << "\n";
    return false;
  }
  out_ << formatCompare(outcome.result, OutputFormat::Text);
  interrupted().store(false);
  return true;
}

bool Repl::cmdSet(const std::string& args) {
  if (args.empty()) {
    out_ << "trials " << options_.trials << ", seed " << options_.seed << ", threads "
         << (options_.threads ? std::to_string(options_.threads) : "all") << ", engine " << engineName(options_.engine) << "\n";
    for (const auto& [name, value] : overrides_) out_ << "set " << name << " = " << value << "\n";
    return true;
  }
  size_t eq = args.find('=');
  if (eq == std::string::npos) return error(":set expects name=value, e.g. :set p_turn=1%");
  std::string name = trim(args.substr(0, eq)), value = trim(args.substr(eq + 1));
  if (name.empty() || value.empty()) return error(":set expects name=value, e.g. :set p_turn=1%");
  std::string why;
  if (!session_.checkOverride(name, value, why)) return error(":set " + name + "=" + value + ": " + why);
  for (auto& o : overrides_)
    if (o.first == name) {
      o.second = value;
      out_ << "set " << name << " = " << value << "\n";
      return true;
    }
  overrides_.emplace_back(name, value);
  out_ << "set " << name << " = " << value << "\n";
  return true;
}

bool Repl::cmdUnset(const std::string& args) {
  if (args.empty()) {
    if (overrides_.empty()) {
      out_ << "no param was set\n";
      return true;
    }
    std::string names;
    for (const auto& o : overrides_) names += (names.empty() ? "" : ", ") + o.first;
    out_ << "unset " << names << " (every :set value)\n";
    overrides_.clear();
    return true;
  }
  for (const std::string& name : words(args)) {
    auto it = std::find_if(overrides_.begin(), overrides_.end(), [&](const auto& o) { return o.first == name; });
    if (it == overrides_.end()) return error("'" + name + "' is not set");
    overrides_.erase(it);
    out_ << "unset " << name << "\n";
  }
  return true;
}

bool Repl::cmdCount(const std::string& what, const std::string& args) {
  uint64_t n = 0;
  if (args.empty()) {
    n = what == "trials" ? options_.trials : what == "seed" ? options_.seed : options_.threads;
    out_ << what << " " << n << "\n";
    return true;
  }
  // The same checks and limits as the command-line flags; their messages name `--what`.
  std::string why;
  if (what == "trials") {
    why = parseTrials(args, options_.trials);
    n = options_.trials;
  } else if (what == "seed") {
    why = parseSeed(args, options_.seed);
    n = options_.seed;
  } else if (!parseCount(args, n)) {
    why = "--threads expects a whole number, not '" + args + "'";
  } else {
    why = parseThreads(static_cast<long long>(std::min<uint64_t>(n, kMaxThreads + 1)), options_.threads);
  }
  if (!why.empty()) return error(":" + why.substr(2));
  out_ << what << " " << n << "\n";
  return true;
}

bool Repl::selectEngine(const std::string& name, std::string& why) {
  std::optional<Engine> engine = parseEngine(name);
  if (!engine) {
    why = "the engine is 'auto', 'jit' or 'interp', not '" + name + "'";
    return false;
  }
  options_.engine = *engine;
  return true;
}

bool Repl::cmdEngine(const std::string& args) {
  if (args.empty()) {
    out_ << "engine " << engineName(options_.engine) << "\n";
    return true;
  }
  std::string why;
  if (!selectEngine(args, why)) return error(why);
  out_ << "engine " << engineName(options_.engine) << "\n";
  return true;
}

bool Repl::cmdType(const std::string& args) {
  if (args.empty()) return error(":type needs an expression: :type beta(2, 8)");
  SessionValue v = session_.typeOf(args);
  if (!v.ok) {
    err_ << v.error;
    return false;
  }
  out_ << args << " : " << v.type << (v.draws ? "  (draws: random on each evaluation)" : "") << "\n";
  return true;
}

// The IR of one scenario: the program's dump without the other scenarios' blocks.
static std::string scenarioSlice(const std::string& dump, const std::string& keep) {
  std::istringstream in(dump);
  std::string out, line;
  bool skipping = false;
  while (std::getline(in, line)) {
    if (line.rfind("scenario ", 0) == 0) skipping = line.rfind("scenario " + keep + " ", 0) != 0;
    if (!skipping) out += line + "\n";
    if (skipping && line == "}") skipping = false;
  }
  return out;
}

bool Repl::cmdDump(const std::string& what, const std::string& args) {
  std::string scenario = args.empty() ? session_.lastScenario() : trim(args);
  if (scenario.empty()) return error("no scenario declared yet: declare one or :load a file");
  if (!session_.program().hasScenario(scenario)) return error("no scenario named '" + scenario + "'");
  if (what == "ir") {
    out_ << scenarioSlice(session_.program().dumpIr(), scenario);
    return true;
  }
  std::string llvm, why;
  if (!session_.program().emit(EmitKind::Llvm, {scenario}, llvm, why)) return error(why);
  out_ << llvm;
  return true;
}

bool Repl::cmdList() {
  std::vector<SessionDecl> decls = session_.declarations();
  if (decls.empty()) out_ << "nothing declared yet\n";
  for (const SessionDecl& d : decls) out_ << fmt::format("{:<9}{:<28}{}\n", d.kind, d.name, d.where);
  for (const auto& [name, value] : overrides_) out_ << "set " << name << " = " << value << "\n";
  return true;
}

bool Repl::cmdSave(const std::string& args) {
  if (args.empty()) return error(":save needs a file: :save my_model.omen");
  // Written whole or not at all: a full disk never leaves half of the user's model.
  if (std::string failed = rt::writeFileAtomically(args, session_.source(args)); !failed.empty()) return error(failed);
  out_ << "saved " << session_.declarations().size() << " declarations to " << args << "\n";
  return true;
}

void Repl::cmdHelp() {
  out_ << kHelp;
  std::string names;
  for (const AnalysisInfo& analysis : analyses()) names += (names.empty() ? ":" : ", :") + analysis.name;
  out_ << "  " << names << " --FLAGS…\n"
       << "                          any analysis, with the flags of `omen NAME` (e.g. :sensitivity --scenario S)\n";
}

const std::vector<std::string>& replCommands() {
  static const std::vector<std::string> commands = [] {
    std::vector<std::string> out = {":run",     ":compare", ":sweep", ":solve", ":set",  ":unset", ":trials",
                                    ":seed",    ":threads", ":engine", ":type", ":ir",   ":llvm",  ":load",
                                    ":reload",  ":list",    ":save",  ":help",  ":quit"};
    for (const AnalysisInfo& analysis : analyses())
      if (std::find(out.begin(), out.end(), ":" + analysis.name) == out.end()) out.push_back(":" + analysis.name);
    return out;
  }();
  return commands;
}

}  // namespace omen::cli
