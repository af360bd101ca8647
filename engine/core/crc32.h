// CRC-32 (IEEE 802.3, as zlib's crc32): of bytes in memory, continued over chunks, and of a file.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace unroll {

// CRC-32 of n bytes.
uint32_t crc32(const char* data, size_t n);
// The same, continued: crc32(a + b) == crc32_update(crc32(a), b); start from crc32(nullptr, 0).
uint32_t crc32_update(uint32_t crc, const char* data, size_t n);
// CRC-32 of a whole file, read in chunks (data files may be far larger than memory should hold).
// Throws unroll::Error naming the path when it cannot be read.
uint32_t file_crc32(const std::string& path);

}  // namespace unroll
