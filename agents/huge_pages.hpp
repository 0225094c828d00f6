#pragma once
// Large arrays on transparent huge pages. Debian's default THP mode is `madvise`: a mapping gets
// 2 MiB pages only when asked. Asking for the big columns and the monthly matching buffers cuts
// page faults (each costly in a VM) about tenfold when they are first touched, and the TLB
// misses of the random reads that search, matching and labour flows make into them
// (docs/PERFORMANCE.md, "Memory pages"). Advice only: where the kernel says no, nothing changes
// but speed, and no result ever depends on it.
#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace laborsim {

inline constexpr std::size_t kHugePage = std::size_t{2} << 20;

//! Asks for huge pages over the whole 2 MiB pages inside [data, data + bytes); smaller ranges
//! are left alone. Call it before the memory is first written.
inline void advise_huge_pages(void* data, std::size_t bytes) {
  if (bytes < kHugePage) return;
  const auto first = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (first + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t end = (first + bytes) & ~(kHugePage - 1);
  if (end > begin) {
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice: ignore errors
  }
}

//! Resizes `v` to n elements, keeping its contents; when it must grow its storage, the new
//! storage (at least twice the old, so that growing step by step costs linear time; pages never
//! touched cost no memory) is advised onto huge pages before anything is copied into it.
template <class T>
void resize_on_huge_pages(std::vector<T>& v, std::size_t n) {
  if (n > v.capacity()) {
    std::vector<T> grown;
    grown.reserve(std::max(n, 2 * v.capacity()));
    advise_huge_pages(grown.data(), grown.capacity() * sizeof(T));
    grown.assign(v.begin(), v.end());
    v.swap(grown);
  }
  v.resize(n);
}

//! Makes `v` a scratch buffer of n elements whose old contents are not needed: when it must grow,
//! the old storage is dropped, not copied, and the new one (a quarter larger, so next month's
//! slightly larger need does not grow it again) is advised onto huge pages. Callers write every
//! element (those past the old size start value-initialised, as by resize).
template <class T>
void resize_scratch(std::vector<T>& v, std::size_t n) {
  if (n > v.capacity()) {
    std::vector<T>().swap(v);
    v.reserve(n + n / 4);
    advise_huge_pages(v.data(), v.capacity() * sizeof(T));
  }
  v.resize(n);
}

}  // namespace laborsim
