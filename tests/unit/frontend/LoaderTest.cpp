//===- LoaderTest.cpp - Import resolution and module order ------------------===//
#include "SemaTestSupport.h"

namespace omen {
namespace {

using test::checkFiles;

std::vector<std::string> moduleNames(const test::Checked& c) {
  std::vector<std::string> out;
  for (const auto& m : c.program->modules) out.push_back(c.sm.name(m->file));
  return out;
}

TEST(Loader, ImportsComeFirstAndEachFileLoadsOnce) {
  // A diamond: main imports a and b, both import common.
  auto c =
      checkFiles({{"main.omen", "import \"a.omen\"\nimport \"b.omen\"\nconst m = fa() + fb()\n"},
                  {"a.omen", "import \"common.omen\"\nfn fa() -> real = k\n"},
                  {"b.omen", "import \"common.omen\"\nfn fb() -> real = k * 2\n"},
                  {"common.omen", "const k = 1.5\n"}});
  ASSERT_TRUE(c->program) << c->errors();
  EXPECT_EQ(moduleNames(*c),
            (std::vector<std::string>{"common.omen", "a.omen", "b.omen", "main.omen"}));
  EXPECT_EQ(c->sm.size(), 4u);  // common.omen was read once
  auto* importA = cast<ast::ImportDecl>(c->program->modules.back()->decls[0].get());
  ASSERT_TRUE(importA->resolved);
  EXPECT_EQ(c->sm.name(*importA->resolved), "a.omen");
}

TEST(Loader, RelativeImportsResolveFromTheImportingFile) {
  auto c = checkFiles({{"main.omen", "import \"lib/a.omen\"\nconst x = fb()\n"},
                       {"lib/a.omen", "import \"sub/b.omen\"\n"},
                       {"lib/sub/b.omen", "fn fb() -> real = 2.0\n"}});
  ASSERT_TRUE(c->program) << c->errors();
  EXPECT_EQ(moduleNames(*c),
            (std::vector<std::string>{"lib/sub/b.omen", "lib/a.omen", "main.omen"}));
}

TEST(Loader, StdImportsReadTheStdlibFolder) {
  auto c = checkFiles({{"main.omen", "import std.tiny\nconst x = tiny_fn(2)\n"},
                       {"mystd/std/tiny.omen", "fn tiny_fn(c: real) -> real = c * 3\n"}},
                      sema::FrontendOptions{(test::freshDir() / "unused").string()});
  // The explicit stdlibDir above does not hold std/tiny.omen.
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("no standard library module 'std.tiny'"), std::string::npos)
      << c->errors();

  auto dir = test::freshDir();
  test::writeFile(dir / "std" / "tiny.omen", "fn tiny_fn(c: real) -> real = c * 3\n");
  auto ok = checkFiles({{"main.omen", "import std.tiny\nconst x = tiny_fn(2)\n"}},
                       sema::FrontendOptions{dir.string()});
  ASSERT_TRUE(ok->program) << ok->errors();
  EXPECT_EQ(ok->program->modules.size(), 2u);
  EXPECT_EQ(ok->program->consts[0]->type, Type::Real);
}

TEST(Loader, MissingStdModuleSuggestsAClosename) {
  auto dir = test::freshDir();
  test::writeFile(dir / "std" / "scaling.omen", "const s = 1\n");
  auto c =
      checkFiles({{"main.omen", "import std.scalling\n"}}, sema::FrontendOptions{dir.string()});
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("did you mean 'std.scaling'?"), std::string::npos) << c->errors();
}

TEST(Loader, MissingFileIsAnErrorAtTheImport) {
  auto c = checkFiles({{"main.omen", "const a = 1\nimport \"nowhere.omen\"\n"}});
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("main.omen:2:8: error: cannot import \"nowhere.omen\": no such file"),
            std::string::npos)
      << c->errors();
}

TEST(Loader, CyclesNameEveryFile) {
  auto c = checkFiles({{"main.omen", "import \"a.omen\"\n"},
                       {"a.omen", "import \"b.omen\"\n"},
                       {"b.omen", "import \"a.omen\"\n"}});
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("b.omen:1:8: error: import cycle: a.omen -> b.omen -> a.omen"),
            std::string::npos)
      << c->errors();
  EXPECT_EQ(c->diags.errorCount(), 1u) << c->errors();
}

TEST(Loader, SelfImportIsACycle) {
  auto c = checkFiles({{"main.omen", "import \"main.omen\"\n"}});
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("import cycle: main.omen -> main.omen"), std::string::npos)
      << c->errors();
}

TEST(Loader, ImportDepthIsLimited) {
  std::map<std::string, std::string> files{{"main.omen", "import \"f1.omen\"\n"}};
  for (int i = 1; i <= 5; ++i)
    files["f" + std::to_string(i) + ".omen"] = "import \"f" + std::to_string(i + 1) + ".omen\"\n";
  files["f6.omen"] = "const deep = 1\n";
  sema::FrontendOptions options;
  options.maxImportDepth = 3;
  auto c = checkFiles(files, options);
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("imports are nested more than 3 levels deep"), std::string::npos)
      << c->errors();
  options.maxImportDepth = 6;
  EXPECT_TRUE(checkFiles(files, options)->program);
}

TEST(Loader, GlobalsShareOneNamespaceAcrossFiles) {
  auto c =
      checkFiles({{"main.omen", "import \"a.omen\"\nconst k = 2\n"}, {"a.omen", "const k = 1\n"}});
  EXPECT_FALSE(c->program);
  EXPECT_NE(c->errors().find("main.omen:2:7: error: duplicate declaration of 'k'"),
            std::string::npos)
      << c->errors();
  EXPECT_NE(c->errors().find("a.omen:1:7: note: previous declaration is here"), std::string::npos)
      << c->errors();
}

TEST(Loader, DefaultStdlibDirIsBesideTheExecutable) {
  std::string saved = getenv("OMEN_STDLIB") ? getenv("OMEN_STDLIB") : "";
  setenv("OMEN_STDLIB", "/some/where", 1);
  EXPECT_EQ(sema::defaultStdlibDir(), "/some/where");
  unsetenv("OMEN_STDLIB");
  std::string dir = sema::defaultStdlibDir();
  EXPECT_NE(dir.find("share/omen/stdlib"), std::string::npos) << dir;
  if (!saved.empty()) setenv("OMEN_STDLIB", saved.c_str(), 1);
}

}  // namespace
}  // namespace omen

namespace omen {
namespace {

// `omen serve`'s confinement: with import roots, a file import outside them (through `..`
// or a symlink) is refused before it is read; inside them and std modules load as usual.
std::unique_ptr<test::Checked> checkUnderRoot(const std::string& mainText) {
  auto c = std::make_unique<test::Checked>();
  c->dir = test::freshDir();
  test::writeFile(c->dir / "models" / "lib" / "inside.omen", "const inside = 1\n");
  test::writeFile(c->dir / "outside" / "secret.omen", "const secret = 2\n");
  test::writeFile(c->dir / "std" / "tiny.omen", "const tiny = 3\n");
  std::filesystem::create_directory_symlink(c->dir / "outside", c->dir / "models" / "link");
  test::writeFile(c->dir / "models" / "main.omen", mainText);
  sema::FrontendOptions options;
  options.stdlibDir = c->dir.string();
  options.importRoots = {(c->dir / "models").string()};
  auto loaded = c->sm.loadFile((c->dir / "models" / "main.omen").string(), "main.omen");
  c->program = sema::checkProgram(c->sm, *loaded.file, c->diags, options);
  return c;
}

TEST(LoaderImportRoots, ImportsUnderTheRootsAndStdModulesLoad) {
  auto c = checkUnderRoot("import \"lib/inside.omen\"\nimport std.tiny\nconst x = inside + tiny\n");
  ASSERT_TRUE(c->program) << c->errors();
  EXPECT_EQ(c->program->modules.size(), 3u);
}

TEST(LoaderImportRoots, AnImportOutsideIsRefusedUnread) {
  for (const char* target : {"../outside/secret.omen", "link/secret.omen"}) {
    auto c = checkUnderRoot(std::string("import \"") + target + "\"\nconst x = secret\n");
    EXPECT_FALSE(c->program) << target;
    EXPECT_NE(c->errors().find("it is outside the folders this program may read from"), std::string::npos)
        << c->errors();
    EXPECT_EQ(c->sm.size(), 1u) << target << ": only main.omen was read";
  }
}

}  // namespace
}  // namespace omen
