//===- Aot.cpp - `omen emit --llvm|--asm|--obj` and `omen build` -----------===//
#include "backend/llvm/Aot.h"

#include "backend/ScenarioInfo.h"

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>

#include <llvm/IR/Constants.h>
#include <llvm/IR/GlobalVariable.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetMachine.h>

#include "AotConfig.h"
#include "backend/llvm/AotLibraries.h"
#include "backend/llvm/Codegen.h"
#include "backend/llvm/ObjectEmitter.h"
#include "backend/llvm/Target.h"
#include "frontend/basic/Diagnostics.h"
#include "ir/ParamScenario.h"
#include "runtime/host/ProgramMetadata.h"
#include "runtime/host/AtomicFile.h"

namespace omen::llvmgen {
namespace {

std::string metadataJson(const ir::Module& program, const SourceManager& sources, const std::string& file,
                         const std::vector<const ir::Scenario*>& scenarios, size_t scenarioCount) {
  rt::ProgramMetadata meta;
  meta.file = file;
  meta.scenarioCount = scenarioCount;
  for (const ir::Scenario* s : scenarios) {
    rt::ScenarioMetadata& out = meta.scenarios.emplace_back();
    out.info = backend::scenarioInfo(program, *s);
    for (const ir::Report& r : s->reports) out.reportSites.push_back(r.site);
  }
  for (const ir::Site& site : program.sites) {
    std::string where;
    if (site.range.valid())
      where = sources.name(site.range.begin.file) + ':' + std::to_string(site.range.begin.line) + ':' +
              std::to_string(site.range.begin.col) + ": ";
    meta.sites.push_back({where, site.what, renderSnippet(sources, site.range)});
  }
  return rt::encodeMetadata(meta);
}

/// Adds omen_aot_kernels, omen_aot_count and omen_aot_metadata (AotAbi.h) to `module`.
std::vector<std::string> addAotTables(llvm::Module& module, const std::vector<KernelSymbols>& symbols,
                                      const std::string& metadata) {
  llvm::LLVMContext& context = module.getContext();
  llvm::PointerType* ptr = llvm::PointerType::getUnqual(context);
  llvm::StructType* pair = llvm::StructType::get(context, {ptr, ptr});
  std::vector<llvm::Constant*> entries;
  for (const KernelSymbols& s : symbols)
    entries.push_back(llvm::ConstantStruct::get(pair, {module.getFunction(s.globals), module.getFunction(s.block)}));
  llvm::ArrayType* tableType = llvm::ArrayType::get(pair, entries.size());
  new llvm::GlobalVariable(module, tableType, true, llvm::GlobalValue::ExternalLinkage,
                           llvm::ConstantArray::get(tableType, entries), "omen_aot_kernels");
  llvm::Type* i32 = llvm::Type::getInt32Ty(context);
  new llvm::GlobalVariable(module, i32, true, llvm::GlobalValue::ExternalLinkage,
                           llvm::ConstantInt::get(i32, symbols.size()), "omen_aot_count");
  llvm::Constant* text = llvm::ConstantDataArray::getString(context, metadata, true);
  new llvm::GlobalVariable(module, text->getType(), true, llvm::GlobalValue::ExternalLinkage, text,
                           "omen_aot_metadata");
  return {"omen_aot_kernels", "omen_aot_count", "omen_aot_metadata"};
}

}  // namespace

bool emitScenarios(const ir::Module& program, const std::vector<const ir::Scenario*>& scenarios, EmitKind kind,
                   std::string& out, std::string& error) {
  auto machine = createHostTargetMachine(llvm::Reloc::PIC_);
  if (!machine) {
    error = toMessage(machine.takeError());
    return false;
  }
  auto built = buildKernelModule(program, scenarios, **machine, "s");
  if (!built) {
    error = toMessage(built.takeError());
    return false;
  }
  if (kind == EmitKind::Llvm) {
    llvm::raw_string_ostream os(out);
    built->module->print(os, nullptr);
    return true;
  }
  auto code = emitMachineCode(*built->module, **machine, kind == EmitKind::Object ? FileKind::Object : FileKind::Assembly);
  if (!code) {
    error = toMessage(code.takeError());
    return false;
  }
  out = std::move(*code);
  return true;
}

// "" if `output` can be written as a new file, or why not (checked before any compiling, so
// that a typo in -o is one line, not a linker's command and its complaint).
static std::string unwritable(const std::string& output) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path path(output);
  if (fs::is_directory(path, ec)) return "cannot write the executable '" + output + "': it is a folder";
  fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(folder, ec))
    return "cannot write the executable '" + output + "': there is no folder '" + folder.string() + "'";
  if (::access(folder.c_str(), W_OK) != 0)
    return "cannot write the executable '" + output + "': the folder '" + folder.string() + "' is not writable";
  return "";
}

bool buildExecutable(const ir::Module& program, const SourceManager& sources, const std::string& file,
                     const std::vector<const ir::Scenario*>& scenarios, const std::string& output,
                     std::string& error) {
  error = unwritable(output);
  if (!error.empty()) return false;
  auto machine = createHostTargetMachine(llvm::Reloc::PIC_);
  if (!machine) {
    error = toMessage(machine.takeError());
    return false;
  }
  // Each scenario's param scenario (ir/ParamScenario.h) follows the scenarios, so a built
  // executable can sample params (two-level runs) exactly as `omen run` does.
  std::vector<ir::Scenario> paramScenarios;
  for (const ir::Scenario* s : scenarios) paramScenarios.push_back(ir::paramScenario(*s));
  std::vector<const ir::Scenario*> all = scenarios;
  for (const ir::Scenario& s : paramScenarios) all.push_back(&s);
  std::string metadata = metadataJson(program, sources, file, all, scenarios.size());
  auto built = buildKernelModule(program, all, **machine, "s",
                                 [&](llvm::Module& m, const std::vector<KernelSymbols>& symbols) {
                                   return addAotTables(m, symbols, metadata);
                                 });
  if (!built) {
    error = toMessage(built.takeError());
    return false;
  }
  auto object = emitMachineCode(*built->module, **machine, FileKind::Object);
  if (!object) {
    error = toMessage(object.takeError());
    return false;
  }

  llvm::SmallString<128> objectPath;
  if (std::error_code ec = llvm::sys::fs::createTemporaryFile("omen-kernel", "o", objectPath)) {
    error = "cannot create a temporary object file: " + ec.message();
    return false;
  }
  {
    std::ofstream os(objectPath.str().str(), std::ios::binary);
    os.write(object->data(), static_cast<std::streamsize>(object->size()));
    if (!os) {
      error = "cannot write " + objectPath.str().str();
      return false;
    }
  }

  const char* cxxOverride = std::getenv("OMEN_CXX");
  std::string cxx = cxxOverride && *cxxOverride ? cxxOverride : OMEN_AOT_CXX;
  auto program_ = llvm::sys::findProgramByName(cxx);
  if (!program_) {
    llvm::sys::fs::remove(objectPath);
    error = "cannot find the linker '" + cxx + "' (set $OMEN_CXX)";
    return false;
  }
  // The linker writes beside `output`, renamed into place once it succeeded: a failed link
  // (a full disk) never leaves half an executable or destroys the one that was there.
  std::string linked = rt::temporaryPathBeside(output);
  std::vector<std::string> args{*program_, "-o", linked, objectPath.str().str()};
  for (std::string& lib : aotLibraries()) args.push_back(std::move(lib));
  for (const char* lib : {"-lpthread", "-lm"}) args.push_back(lib);
  std::vector<llvm::StringRef> argRefs(args.begin(), args.end());
  // The linker's complaint goes to a file and into the error's one line, not to the terminal.
  llvm::SmallString<128> logPath;
  bool haveLog = !llvm::sys::fs::createTemporaryFile("omen-link", "log", logPath);
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, std::nullopt,
                                                haveLog ? std::optional<llvm::StringRef>(logPath.str()) : std::nullopt};
  std::string message;
  int status = llvm::sys::ExecuteAndWait(*program_, argRefs, std::nullopt, redirects, 0, 0, &message);
  llvm::sys::fs::remove(objectPath);
  std::string log;
  if (haveLog) {
    std::ifstream in(logPath.str().str());
    std::getline(in, log);  // the first line says why; the rest is the driver's summary
    llvm::sys::fs::remove(logPath);
  }
  if (status != 0) {
    llvm::sys::fs::remove(linked);
    error = "linking '" + output + "' failed: " + (!log.empty() ? log : !message.empty() ? message : "the linker " + cxx + " failed");
    return false;
  }
  error = rt::commitTemporaryFile(linked, output);
  return error.empty();
}

}  // namespace omen::llvmgen
