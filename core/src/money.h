// Money is an integer number of fen inside the core; yuan appear only at the
// JSON edges. Rounding is to the nearest fen, halves away from zero (contract).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace doudi {

using Fen = std::int64_t;

constexpr Fen kFenPerYuan = 100;
// The contract's bound on any money field: 0 to 100,000,000 yuan.
constexpr Fen kMaxFen = Fen{100'000'000} * kFenPerYuan;

// num / den rounded to the nearest integer, halves away from zero. den > 0.
Fen div_round(Fen num, Fen den);

// A JSON number of yuan with at most two decimals, as fen; nullopt otherwise.
std::optional<Fen> fen_from_yuan(double yuan);

// Fen as yuan for Chinese text: "660", "267.5", "0.01".
// The same text into a buffer of at least kYuanChars bytes; returns its length.
constexpr size_t kYuanChars = 24;
size_t yuan_chars(Fen fen, char* out);
// Digits of a whole number into a buffer of at least 21 bytes; returns the length.
size_t integer_chars(long long v, char* out);
std::string yuan_text(Fen fen);

}  // namespace doudi
