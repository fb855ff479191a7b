//===- BuiltinsTest.cpp - runtime/Builtins.h against core/Builtins.def -------===//
//
// Every table entry has a runtime function of exactly the documented signature (checked at
// compile time through the X-macro), N entries also have their `_i` form, and the list of
// int forms is exactly the table's N entries.
//
//===----------------------------------------------------------------------===//
#include "runtime/kernel/Builtins.h"

#include "core/Builtins.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <type_traits>
#include <utility>

namespace omen::rt {
namespace {

/// A string literal as a template argument.
template <std::size_t N>
struct Lit {
  char c[N];
  constexpr Lit(const char (&s)[N]) {
    for (std::size_t i = 0; i < N; ++i) c[i] = s[i];
  }
  static constexpr std::size_t size = N - 1;
};

/// The C type of a table type letter; N is double or int64_t depending on the form.
template <char C, bool IntForm>
struct CType;
template <bool F> struct CType<'R', F> { using type = double; };
template <bool F> struct CType<'I', F> { using type = int64_t; };
template <bool F> struct CType<'B', F> { using type = bool; };
template <> struct CType<'N', false> { using type = double; };
template <> struct CType<'N', true> { using type = int64_t; };

/// The function pointer type Builtins.def documents for (Ret, Args).
template <Lit Ret, Lit Args, bool IntForm>
struct Signature {
  using R = typename CType<Ret.c[0], IntForm>::type;
  template <std::size_t... I>
  static auto fixed(std::index_sequence<I...>)
      -> R (*)(OmenTrialContext*, uint32_t, typename CType<Args.c[I], IntForm>::type...);
  static constexpr bool variadic = Args.size > 0 && Args.c[Args.size - 1] == '*';
  using type = std::conditional_t<
      variadic, R (*)(OmenTrialContext*, uint32_t, const double*, int64_t),
      decltype(fixed(std::make_index_sequence<variadic ? 0 : Args.size>()))>;
};

#define OMEN_BUILTIN(Id, Name, Kind, Ret, Args, Symbol, ...)                             \
  static_assert(std::is_same_v<decltype(&Symbol), Signature<Ret, Args, false>::type>, \
                #Symbol " does not have the signature core/Builtins.def documents");
#include "core/Builtins.def"

/// The int form of a double builtin: the same parameters with int64_t in place of double.
template <class... A>
auto intFormOf(double (*)(OmenTrialContext*, uint32_t, A...))
    -> int64_t (*)(OmenTrialContext*, uint32_t, std::conditional_t<true, int64_t, A>...);

#define OMEN_BUILTIN(...)
#define OMEN_OVERLOADED(Id, Name, Kind, Ret, Args, Symbol, ...)                          \
  static_assert(std::is_same_v<decltype(&Symbol##_i), decltype(intFormOf(&Symbol))>, \
                #Symbol "_i must mirror " #Symbol " with int64_t in place of double");
#include "core/Builtins.def"

TEST(Builtins, EveryTableEntryIsImplemented) {
  struct Entry {
    const char* symbol;
    const void* address;
  };
  const Entry entries[] = {
#define OMEN_BUILTIN(Id, Name, Kind, Ret, Args, Symbol, ...) {#Symbol, (const void*)&Symbol},
#include "core/Builtins.def"
  };
  for (const Entry& e : entries) EXPECT_NE(e.address, nullptr) << e.symbol;
}

TEST(Builtins, OverloadedAreExactlyTheNumericEntries) {
  std::set<std::string> numeric, listed;
#define OMEN_BUILTIN(Id, Name, Kind, Ret, Args, Symbol, ...) \
  if (Ret[0] == 'N') numeric.insert(#Symbol);
#include "core/Builtins.def"
#define OMEN_BUILTIN(...)
#define OMEN_OVERLOADED(Id, Name, Kind, Ret, Args, Symbol, ...) \
  listed.insert(#Symbol);                                       \
  EXPECT_NE((const void*)&Symbol##_i, nullptr) << #Symbol "_i";
#include "core/Builtins.def"
  EXPECT_EQ(numeric, listed);
}

TEST(Builtins, EveryDistributionNamesItsArgumentsAndRequirement) {
  for (const BuiltinInfo& b : kBuiltins) {
    EXPECT_FALSE(b.argNames.empty()) << b.name;
    if (b.isDistribution) EXPECT_FALSE(b.needs.empty()) << b.name;
  }
}

}  // namespace
}  // namespace omen::rt
