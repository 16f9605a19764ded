// Transparent huge pages over a large buffer, asked for before it is first written: filling hundreds of
// megabytes otherwise costs a page fault per 4 KiB, a large share of an import's or an index's time on a
// virtual machine. Only whole 2 MiB pages inside the buffer are advised; a small buffer is left alone.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace sotong::audit::linkage {

inline void advise_huge_pages(const void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t kHuge = 2U << 20U;
  if (bytes < 2 * kHuge) return;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace sotong::audit::linkage
