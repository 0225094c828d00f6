#include "agents/philox_lanes.hpp"

#include <immintrin.h>

// GCC 12's AVX-512 headers trip -Wmaybe-uninitialized on their own _mm512_undefined_epi32
// (GCC bug 105593) wherever the intrinsics are inlined: off for this file.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace laborsim {
namespace {

// Philox4x32-10 (Salmon et al. 2011, as Random123 implements it): ten rounds of
//   (x0, x1, x2, x3) <- (hi(M1 x2) ^ x1 ^ k0, lo(M1 x2), hi(M0 x0) ^ x3 ^ k1, lo(M0 x0)),
// the key bumped by the Weyl constants between rounds.
constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;
constexpr int kRounds = 10;

using Words = std::array<std::array<std::uint32_t, PhiloxLanes::kLanes>, 4>;

void fill_scalar(Words& out, std::uint32_t k0, std::uint32_t k1, std::uint32_t first,
                 std::uint32_t time, std::uint32_t purpose, std::size_t count) {
  const r123::Philox4x32 philox;
  for (std::size_t l = 0; l < count; ++l) {
    const auto w = philox({{first + static_cast<std::uint32_t>(l), time, purpose, 0}}, {{k0, k1}});
    for (std::size_t q = 0; q < 4; ++q) out[q][l] = w[q];
  }
}

// The 16-lane kernel: a 32 x 32 -> 64-bit product exists for the even lanes only
// (vpmuludq), so the odd lanes are shifted down, multiplied, and the halves blended back.
__attribute__((target("avx512f"))) void fill_avx512(Words& out, std::uint32_t k0, std::uint32_t k1,
                                                    std::uint32_t first, std::uint32_t time,
                                                    std::uint32_t purpose, std::size_t count) {
  constexpr __mmask16 kOdd = 0xAAAA;
  const __m512i m0 = _mm512_set1_epi32(static_cast<int>(kM0));
  const __m512i m1 = _mm512_set1_epi32(static_cast<int>(kM1));
  const __m512i iota = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  for (std::size_t l = 0; l < count; l += 16) {
    __m512i x0 = _mm512_add_epi32(_mm512_set1_epi32(static_cast<int>(first + l)), iota);
    __m512i x1 = _mm512_set1_epi32(static_cast<int>(time));
    __m512i x2 = _mm512_set1_epi32(static_cast<int>(purpose));
    __m512i x3 = _mm512_setzero_si512();
    std::uint32_t a = k0, b = k1;
    for (int r = 0; r < kRounds; ++r) {
      const __m512i even0 = _mm512_mul_epu32(x0, m0);
      const __m512i odd0 = _mm512_mul_epu32(_mm512_srli_epi64(x0, 32), m0);
      const __m512i even1 = _mm512_mul_epu32(x2, m1);
      const __m512i odd1 = _mm512_mul_epu32(_mm512_srli_epi64(x2, 32), m1);
      const __m512i hi0 = _mm512_mask_blend_epi32(kOdd, _mm512_srli_epi64(even0, 32), odd0);
      const __m512i lo0 = _mm512_mask_blend_epi32(kOdd, even0, _mm512_slli_epi64(odd0, 32));
      const __m512i hi1 = _mm512_mask_blend_epi32(kOdd, _mm512_srli_epi64(even1, 32), odd1);
      const __m512i lo1 = _mm512_mask_blend_epi32(kOdd, even1, _mm512_slli_epi64(odd1, 32));
      x0 = _mm512_xor_si512(_mm512_xor_si512(hi1, x1), _mm512_set1_epi32(static_cast<int>(a)));
      x1 = lo1;
      x2 = _mm512_xor_si512(_mm512_xor_si512(hi0, x3), _mm512_set1_epi32(static_cast<int>(b)));
      x3 = lo0;
      a += kW0;
      b += kW1;
    }
    _mm512_store_si512(out[0].data() + l, x0);
    _mm512_store_si512(out[1].data() + l, x1);
    _mm512_store_si512(out[2].data() + l, x2);
    _mm512_store_si512(out[3].data() + l, x3);
  }
}

// The 8-lane kernel, the same steps in AVX2.
__attribute__((target("avx2"))) void fill_avx2(Words& out, std::uint32_t k0, std::uint32_t k1,
                                               std::uint32_t first, std::uint32_t time,
                                               std::uint32_t purpose, std::size_t count) {
  const __m256i m0 = _mm256_set1_epi32(static_cast<int>(kM0));
  const __m256i m1 = _mm256_set1_epi32(static_cast<int>(kM1));
  const __m256i iota = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  for (std::size_t l = 0; l < count; l += 8) {
    __m256i x0 = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(first + l)), iota);
    __m256i x1 = _mm256_set1_epi32(static_cast<int>(time));
    __m256i x2 = _mm256_set1_epi32(static_cast<int>(purpose));
    __m256i x3 = _mm256_setzero_si256();
    std::uint32_t a = k0, b = k1;
    for (int r = 0; r < kRounds; ++r) {
      const __m256i even0 = _mm256_mul_epu32(x0, m0);
      const __m256i odd0 = _mm256_mul_epu32(_mm256_srli_epi64(x0, 32), m0);
      const __m256i even1 = _mm256_mul_epu32(x2, m1);
      const __m256i odd1 = _mm256_mul_epu32(_mm256_srli_epi64(x2, 32), m1);
      const __m256i hi0 = _mm256_blend_epi32(_mm256_srli_epi64(even0, 32), odd0, 0xAA);
      const __m256i lo0 = _mm256_blend_epi32(even0, _mm256_slli_epi64(odd0, 32), 0xAA);
      const __m256i hi1 = _mm256_blend_epi32(_mm256_srli_epi64(even1, 32), odd1, 0xAA);
      const __m256i lo1 = _mm256_blend_epi32(even1, _mm256_slli_epi64(odd1, 32), 0xAA);
      x0 = _mm256_xor_si256(_mm256_xor_si256(hi1, x1), _mm256_set1_epi32(static_cast<int>(a)));
      x1 = lo1;
      x2 = _mm256_xor_si256(_mm256_xor_si256(hi0, x3), _mm256_set1_epi32(static_cast<int>(b)));
      x3 = lo0;
      a += kW0;
      b += kW1;
    }
    _mm256_store_si256(reinterpret_cast<__m256i*>(out[0].data() + l), x0);
    _mm256_store_si256(reinterpret_cast<__m256i*>(out[1].data() + l), x1);
    _mm256_store_si256(reinterpret_cast<__m256i*>(out[2].data() + l), x2);
    _mm256_store_si256(reinterpret_cast<__m256i*>(out[3].data() + l), x3);
  }
}

}  // namespace

bool philox_kernel_supported(PhiloxKernel kernel) {
  __builtin_cpu_init();
  switch (kernel) {
    case PhiloxKernel::kAvx512:
      return __builtin_cpu_supports("avx512f");
    case PhiloxKernel::kAvx2:
      return __builtin_cpu_supports("avx2");
    case PhiloxKernel::kScalar:
      break;
  }
  return true;
}

PhiloxKernel best_philox_kernel() {
  static const PhiloxKernel best =
      philox_kernel_supported(PhiloxKernel::kAvx512) ? PhiloxKernel::kAvx512
      : philox_kernel_supported(PhiloxKernel::kAvx2) ? PhiloxKernel::kAvx2
                                                     : PhiloxKernel::kScalar;
  return best;
}

const char* philox_kernel_name(PhiloxKernel kernel) {
  switch (kernel) {
    case PhiloxKernel::kAvx512:
      return "avx512f";
    case PhiloxKernel::kAvx2:
      return "avx2";
    case PhiloxKernel::kScalar:
      break;
  }
  return "scalar";
}

void PhiloxLanes::fill(std::uint64_t seed, RandomPurpose purpose, std::uint32_t first,
                       std::uint32_t time, std::size_t count, PhiloxKernel kernel) {
  const auto k0 = static_cast<std::uint32_t>(seed), k1 = static_cast<std::uint32_t>(seed >> 32);
  const auto p = static_cast<std::uint32_t>(purpose);
  // The vector kernels fill whole registers (the arrays have room: kLanes is a multiple of 16);
  // lanes past count are never read.
  switch (kernel) {
    case PhiloxKernel::kAvx512:
      fill_avx512(word_, k0, k1, first, time, p, count);
      break;
    case PhiloxKernel::kAvx2:
      fill_avx2(word_, k0, k1, first, time, p, count);
      break;
    case PhiloxKernel::kScalar:
      fill_scalar(word_, k0, k1, first, time, p, count);
      break;
  }
}

}  // namespace laborsim
