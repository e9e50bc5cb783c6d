// Decimal text to double, correctly rounded (to nearest, ties to even), without
// strtod: musl's strtod computes in long double, which WebAssembly emulates in
// software, and the two cost the module about 13 KB of code.
//
// Nearly every number of a household or a policy (money with two decimals, an
// age, a ratio) takes the fast path: at most 2^53 once its trailing zeros are
// dropped, times a power of ten within ±22, both exact doubles, so one
// multiplication or division rounds once (Clinger). Anything else starts from an
// estimate a few units in the last place off and moves it until the decimal
// lies between the halfway points to its neighbours, comparing exactly in big
// integers (as David Gay's and Go's converters do in their slow paths).
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "json_value.h"

namespace doudi {
namespace {

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kExactInt = std::uint64_t{1} << 53;  // every integer up to here is a double

// A halfway point between two doubles has at most 767 significant digits, so
// digits past 800 only matter as "something nonzero follows" (fast_float's rule).
constexpr int kMaxDigits = 800;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The number as written: value = digits × 10^exp10, digits without leading or trailing zeros.
struct Decimal {
  char digits[kMaxDigits + 1];
  int n = 0;
  long long exp10 = 0;
};

// Reads [+-]digits[.digits][(e|E)[+-]digits]; false when `s` is not that.
bool read(std::string_view s, bool* negative, Decimal* d) {
  size_t i = 0;
  *negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) *negative = s[i++] == '-';
  bool any = false, dropped = false;  // a digit at all; a nonzero one past kMaxDigits
  long long shift = 0;                // from the decimal point's place
  auto digit = [&](char c, bool fraction) {
    any = true;
    if (d->n == 0 && c == '0') {  // a leading zero
      shift -= fraction ? 1 : 0;
    } else if (d->n < kMaxDigits) {
      d->digits[d->n++] = c;
      shift -= fraction ? 1 : 0;
    } else {
      dropped = dropped || c != '0';
      shift += fraction ? 0 : 1;
    }
  };
  for (; i < s.size() && is_digit(s[i]); ++i) digit(s[i], false);
  if (i < s.size() && s[i] == '.')
    for (++i; i < s.size() && is_digit(s[i]); ++i) digit(s[i], true);
  if (!any) return false;
  long long e = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool minus = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) minus = s[i++] == '-';
    if (i >= s.size() || !is_digit(s[i])) return false;
    for (; i < s.size() && is_digit(s[i]); ++i) e = std::min(e * 10 + (s[i] - '0'), 1'000'000'000LL);
    if (minus) e = -e;
  }
  if (i != s.size()) return false;
  d->exp10 = shift + e;  // both bounded by about 1e9: no overflow
  if (dropped) {         // a 1 past the last digit kept stands for what was dropped
    d->digits[d->n++] = '1';
    --d->exp10;
  }
  while (d->n > 0 && d->digits[d->n - 1] == '0') --d->n, ++d->exp10;
  return true;
}

// Unsigned big integers, enough for digits × 10^exp10 and the halfway points
// compared with it (about 4,800 bits at the extremes of double's range).
class Big {
 public:
  explicit Big(std::uint64_t v = 0) {
    while (v) limb_[n_++] = static_cast<std::uint32_t>(v), v >>= 32;
  }
  static Big of_digits(const char* p, int n) {
    Big b;
    for (int i = 0; i < n;) {
      std::uint32_t chunk = 0, scale = 1;
      for (int k = 0; k < 9 && i < n; ++k, ++i) chunk = chunk * 10 + static_cast<std::uint32_t>(p[i] - '0'), scale *= 10;
      b.mul(scale);
      b.add(chunk);
    }
    return b;
  }
  void mul(std::uint32_t m) {
    std::uint64_t carry = 0;
    for (int i = 0; i < n_; ++i) {
      const std::uint64_t t = std::uint64_t{limb_[i]} * m + carry;
      limb_[i] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry) limb_[n_++] = static_cast<std::uint32_t>(carry);
  }
  void add(std::uint32_t a) {
    std::uint64_t carry = a;
    for (int i = 0; carry && i < n_; ++i) {
      const std::uint64_t t = std::uint64_t{limb_[i]} + carry;
      limb_[i] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    if (carry) limb_[n_++] = static_cast<std::uint32_t>(carry);
  }
  void mul_pow10(long long e) {
    for (; e >= 9; e -= 9) mul(1'000'000'000u);
    mul(static_cast<std::uint32_t>(kPow10[e]));
  }
  void shl(long long bits) {
    if (n_ == 0) return;
    const int words = static_cast<int>(bits / 32), rest = static_cast<int>(bits % 32);
    if (rest) {
      std::uint32_t carry = 0;
      for (int i = 0; i < n_; ++i) {
        const std::uint32_t next = limb_[i] >> (32 - rest);
        limb_[i] = (limb_[i] << rest) | carry;
        carry = next;
      }
      if (carry) limb_[n_++] = carry;
    }
    if (words) {
      std::memmove(limb_ + words, limb_, sizeof(std::uint32_t) * static_cast<size_t>(n_));
      std::memset(limb_, 0, sizeof(std::uint32_t) * static_cast<size_t>(words));
      n_ += words;
    }
  }
  friend int compare(const Big& a, const Big& b) {
    if (a.n_ != b.n_) return a.n_ < b.n_ ? -1 : 1;
    for (int i = a.n_ - 1; i >= 0; --i)
      if (a.limb_[i] != b.limb_[i]) return a.limb_[i] < b.limb_[i] ? -1 : 1;
    return 0;
  }

 private:
  std::uint32_t limb_[200] = {};
  int n_ = 0;
};

// A non-negative double (or +infinity, as 2^1024) as k × 2^e.
void split(double x, std::uint64_t* k, int* e) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const int biased = static_cast<int>(bits >> 52 & 0x7ff);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  if (biased == 0x7ff) *k = std::uint64_t{1} << 52, *e = 1024 - 52;
  else if (biased == 0) *k = fraction, *e = -1074;
  else *k = fraction | std::uint64_t{1} << 52, *e = biased - 1075;
}

// The sign of digits × 10^exp10 − (x + y) / 2, for neighbouring doubles x < y.
int versus_halfway(const Decimal& d, double x, double y) {
  std::uint64_t kx, ky;
  int ex, ey;
  split(x, &kx, &ex);
  split(y, &ky, &ey);
  const int e0 = std::min(ex, ey);
  const std::uint64_t h = (kx << (ex - e0)) + (ky << (ey - e0));  // (x + y) = h × 2^e0, below 2^56
  Big lhs = Big::of_digits(d.digits, d.n), rhs(h);
  if (d.exp10 >= 0) lhs.mul_pow10(d.exp10);
  else rhs.mul_pow10(-d.exp10);
  const long long f = e0 - 1;  // the halfway point is h × 2^(e0 − 1)
  if (f >= 0) rhs.shl(f);
  else lhs.shl(-f);
  return compare(lhs, rhs);
}

bool odd(double x) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits & 1;
}

// m × 10^e in steps, each rounding once: a few units in the last place off.
double estimate(std::uint64_t m, long long e) {
  double v = static_cast<double>(m);
  for (; e > 22 && std::isfinite(v); e -= 22) v *= kPow10[22];
  for (; e < -22 && v != 0; e += 22) v /= kPow10[22];
  if (!std::isfinite(v) || v == 0) return v;
  return e >= 0 ? v * kPow10[e] : v / kPow10[-e];
}

double correctly_rounded(const Decimal& d) {
  if (d.n == 0) return 0;
  const long long magnitude = d.n + d.exp10;  // 10^(magnitude−1) <= value < 10^magnitude
  if (magnitude > 310) return std::numeric_limits<double>::infinity();
  if (magnitude < -324) return 0;  // below 10^-325, less than half the least subnormal
  std::uint64_t m = 0;
  const int lead = d.n < 19 ? d.n : 19;
  for (int i = 0; i < lead; ++i) m = m * 10 + static_cast<std::uint64_t>(d.digits[i] - '0');
  if (d.n == lead && m <= kExactInt) {
    if (d.exp10 >= -22 && d.exp10 <= 22) return d.exp10 >= 0 ? static_cast<double>(m) * kPow10[d.exp10] : static_cast<double>(m) / kPow10[-d.exp10];
    std::uint64_t w = m;  // 1234e25: move zeros into it while it stays exact
    long long e = d.exp10;
    for (; e > 22 && w <= kExactInt / 10; --e) w *= 10;
    if (e <= 22 && e >= 0) return static_cast<double>(w) * kPow10[e];
  }
  double v = estimate(m, d.exp10 + (d.n - lead));
  if (!std::isfinite(v)) v = std::numeric_limits<double>::max();
  if (v == 0) v = std::numeric_limits<double>::denorm_min();
  const double inf = std::numeric_limits<double>::infinity();
  // The estimate is a few units off (steps of 10^22 that each round once, and
  // intermediate values that stay between m and the result), so a few steps
  // settle it. The bound only keeps a mistake here from ever hanging a page.
  for (int steps = 0; steps < 1000; ++steps) {
    const double up = std::nextafter(v, inf);
    const int above = versus_halfway(d, v, up);
    if (above > 0 || (above == 0 && odd(v))) {  // nearer the next one (ties to even)
      if (std::isinf(up)) return up;
      v = up;
      continue;
    }
    if (v == 0) return v;
    const double down = std::nextafter(v, 0.0);
    const int below = versus_halfway(d, down, v);
    if (below < 0 || (below == 0 && odd(v))) {
      v = down;
      continue;
    }
    return v;
  }
  return v;
}

}  // namespace

bool decimal_number(std::string_view s, double* out) {
  Decimal d;
  bool negative = false;
  if (!read(s, &negative, &d)) return false;
  const double v = correctly_rounded(d);
  *out = negative ? -v : v;
  return true;
}

}  // namespace doudi
