//===- PhiloxTest.cpp - Philox4x32-10 known answers and the stream layout --===//
#include <gtest/gtest.h>

#include "runtime/kernel/Philox.h"
#include "runtime/kernel/PhiloxLanes.h"
#include "runtime/kernel/TrialContext.h"

namespace omen::rt {
namespace {

struct Kat {
  uint32_t counter[4];
  uint32_t key[2];
  uint32_t expected[4];
};

// Random123's known-answer vectors, tests/kat_vectors, the three "philox4x32 10" lines
// (columns: counter[4] key[2] -> output[4]). Taken from public verbatim copies of that file
// found with the code search (e.g. E. Sarmas' philox.py test table, "copied verbatim from
// original source"), which agree with each other and with an independent Python
// implementation written for this test:
//   philox4x32 10 00000000 00000000 00000000 00000000 00000000 00000000   6627e8d5 e169c58d bc57ac4c 9b00dbd8
//   philox4x32 10 ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff   408f276d 41c83b0e a20bc7c6 6d5451fd
//   philox4x32 10 243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0   d16cfe09 94fdcceb 5001e420 24126ea1
const Kat kKats[] = {
    {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
    {{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
     {0xffffffff, 0xffffffff},
     {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
    {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
     {0xa4093822, 0x299f31d0},
     {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
};

TEST(Philox, KnownAnswerVectors) {
  for (const Kat& kat : kKats) {
    uint32_t out[4];
    philox4x32_10(kat.counter, kat.key, out);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(out[i], kat.expected[i]) << "word " << i;
  }
}

/// The language's mapping of a 64-bit word to a uniform, written out independently.
double unit(uint64_t w) { return (static_cast<double>(w >> 12) + 0.5) / 4503599627370496.0; }

void block(uint64_t seed, uint64_t trial, uint64_t k, double& u0, double& u1) {
  const uint32_t counter[4] = {uint32_t(trial), uint32_t(trial >> 32), uint32_t(k),
                               uint32_t(k >> 32)};
  const uint32_t key[2] = {uint32_t(seed), uint32_t(seed >> 32)};
  uint32_t out[4];
  philox4x32_10(counter, key, out);
  u0 = unit(out[0] | uint64_t(out[1]) << 32);
  u1 = unit(out[2] | uint64_t(out[3]) << 32);
}

TEST(Stream, FirstUniformsOfTrials0And1ForSeed1) {
  OmenTrialContext ctx;
  for (uint64_t trial : {0, 1}) {
    omen_rt_begin_trial(&ctx, 1, trial);
    for (uint64_t k = 0; k < 3; ++k) {
      double u0, u1;
      block(1, trial, k, u0, u1);
      EXPECT_EQ(omen_rt_next_uniform(&ctx), u0) << "trial " << trial << " block " << k;
      EXPECT_EQ(omen_rt_next_uniform(&ctx), u1) << "trial " << trial << " block " << k;
    }
  }
  // Pinned values (from an independent Python Philox): a change here changes every result.
  omen_rt_begin_trial(&ctx, 1, 0);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), 0x1.ca141d79c7d01p-1);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), 0x1.6c2b544f2be45p-1);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), 0x1.0a0992d81c1c6p-2);
  omen_rt_begin_trial(&ctx, 1, 1);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), 0x1.bf8b997d58103p-1);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), 0x1.4fecc126f380fp-1);
}

TEST(Stream, HighWordsOfSeedTrialAndBlock) {
  const uint64_t seed = 0x0123456789abcdefull, trial = 0xfedcba9876543210ull;
  OmenTrialContext ctx;
  omen_rt_begin_trial(&ctx, seed, trial);
  EXPECT_EQ(ctx.rng.key[0], 0x89abcdefu);
  EXPECT_EQ(ctx.rng.key[1], 0x01234567u);
  double u0, u1;
  block(seed, trial, 0, u0, u1);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), u0);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), u1);
  // The block counter carries into counter word 3 after 2^32 blocks.
  ctx.rng.block = 0xffffffffull;
  block(seed, trial, 0xffffffffull, u0, u1);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), u0);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), u1);
  block(seed, trial, 0x100000000ull, u0, u1);
  EXPECT_EQ(omen_rt_next_uniform(&ctx), u0);
}

TEST(Stream, BeginTrialResetsStreamAndError) {
  OmenTrialContext ctx;
  omen_rt_begin_trial(&ctx, 7, 3);
  const double first = omen_rt_next_uniform(&ctx);
  omen_rt_fail(&ctx, OMEN_ERR_DOMAIN, 4, 1, -3, 0, 0);
  omen_rt_begin_trial(&ctx, 7, 3);
  EXPECT_EQ(ctx.error.code, uint32_t(OMEN_OK));
  EXPECT_EQ(omen_rt_next_uniform(&ctx), first);
}

TEST(Stream, UniformsStayInsideTheOpenInterval) {
  // The extreme words map to the grid's ends, 2^-53 and 1 - 2^-53: never 0 or 1.
  EXPECT_EQ(unit(0), 0x1p-53);
  EXPECT_EQ(unit(~uint64_t{0}), 1.0 - 0x1p-53);
  OmenTrialContext ctx;
  omen_rt_begin_trial(&ctx, 99, 0);
  for (int i = 0; i < 100000; ++i) {
    const double u = omen_rt_next_uniform(&ctx);
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

TEST(Stream, FirstErrorIsKept) {
  OmenTrialContext ctx;
  omen_rt_begin_trial(&ctx, 1, 0);
  omen_rt_fail(&ctx, OMEN_ERR_DIV_ZERO, 5, 2, 1, 0, 0);
  omen_rt_fail(&ctx, OMEN_ERR_DOMAIN, 9, 1, -1, 0, 0);
  EXPECT_EQ(ctx.error.code, uint32_t(OMEN_ERR_DIV_ZERO));
  EXPECT_EQ(ctx.error.site, 5u);
  EXPECT_EQ(ctx.error.argCount, 2u);
  EXPECT_EQ(ctx.error.args[0], 1.0);
}

}  // namespace
// Blocks generated eight at a time in lanes (from block OMEN_LANES_FROM_BLOCK on) are the
// scalar function's blocks, in order, across the lane refills and the carry into counter
// word 3; and a stream's uniforms are the same whatever the order it is refilled in.
TEST(Stream, LanesGiveTheScalarBlocks) {
  const uint32_t key[2] = {0x89abcdefu, 0x01234567u};
  for (uint64_t trial : {uint64_t(0), uint64_t(7), uint64_t(0xfedcba9876543210ull)}) {
    for (uint64_t first : {uint64_t(0), uint64_t(8), uint64_t(0xfffffffcull), ~uint64_t(0) - 3}) {
      uint64_t words[16];
      omen::rt::philox4x32_10_x8(trial, first, key, words);
      for (uint64_t l = 0; l < 8; ++l) {
        uint64_t b = first + l;
        const uint32_t counter[4] = {uint32_t(trial), uint32_t(trial >> 32), uint32_t(b), uint32_t(b >> 32)};
        uint32_t out[4];
        omen::rt::philox4x32_10(counter, key, out);
        EXPECT_EQ(words[2 * l], out[0] | uint64_t(out[1]) << 32) << "block " << b;
        EXPECT_EQ(words[2 * l + 1], out[2] | uint64_t(out[3]) << 32) << "block " << b;
      }
    }
  }
  const uint64_t seed = 0x0123456789abcdefull;
  for (uint64_t trial : {uint64_t(3), uint64_t(1) << 40}) {
    OmenTrialContext ctx;
    double ahead[OMEN_STREAM_AHEAD];
    omen_rt_begin_trial(&ctx, seed, trial);
    ctx.rng.next = ahead;
    for (uint64_t k = 0; k < 100; ++k) {  // 200 uniforms: 8 blocks one by one, then 12 lane refills and a half
      double u0, u1;
      block(seed, trial, k, u0, u1);
      EXPECT_EQ(omen_rt_next_uniform(&ctx), u0) << "trial " << trial << " block " << k;
      EXPECT_EQ(omen_rt_next_uniform(&ctx), u1) << "trial " << trial << " block " << k;
    }
    // Generated: the first blocks one by one, then whole refills of eight up to block 100.
    uint64_t generated = OMEN_LANES_FROM_BLOCK + 8 * ((100 - OMEN_LANES_FROM_BLOCK + 7) / 8);
    EXPECT_EQ(ctx.rng.block, generated);
    EXPECT_EQ(ctx.rng.ahead, 2 * (generated - 100));
  }
}

}  // namespace omen::rt
