#pragma once
// One bit per entity, for per-month flags that hot loops test often: 1.4 M employers take 175 kB,
// which stays in cache where a float per employer would not. Parallel writers must own whole
// 64-bit words: set bits from blocks whose size is a multiple of 64 (kEmployerBlock is).
#include <cstdint>
#include <vector>

namespace laborsim {

class Bitmap {
 public:
  void reset(std::size_t size) { words_.assign((size + 63) / 64, 0); }
  void set(std::size_t i) { words_[i >> 6] |= std::uint64_t{1} << (i & 63); }
  void clear(std::size_t i) { words_[i >> 6] &= ~(std::uint64_t{1} << (i & 63)); }
  bool test(std::size_t i) const { return (words_[i >> 6] >> (i & 63)) & 1u; }
  std::size_t size() const { return words_.size() * 64; }
  //! The bits, 64 to a word (checkpoints save and restore them whole).
  std::vector<std::uint64_t>& words() { return words_; }
  //! Calls f(i) for every set bit, in increasing order.
  template <class F>
  void for_each_set(F&& f) const {
    for (std::size_t w = 0; w < words_.size(); ++w) {
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1) {
        f(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits)));
      }
    }
  }

 private:
  std::vector<std::uint64_t> words_;
};

}  // namespace laborsim
