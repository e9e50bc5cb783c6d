#include "text.h"

#include "policy.h"

namespace doudi {

// Out of line: inlined at each of its calls, it cost the WebAssembly module 1.3 KB.
std::string cat(std::initializer_list<std::string_view> parts) {
  size_t n = 0;
  for (std::string_view p : parts) n += p.size();
  std::string out;
  out.reserve(n);
  for (std::string_view p : parts) out.append(p.data(), p.size());
  return out;
}

// Here with the other texts, not in policy.cpp: that file's lookups are compiled
// for speed in the WebAssembly build (wasm/CMakeLists.txt), this for size.
// "本文件的农村低保标准只写了2016年12月31日以前、2017年1月1日至2017年12月31日的数额，
// 查询日期2019年6月1日不在其中；2018年起以鹤壁市公布的当年标准为准": the dates the
// document covers, then its own word on the rest (the note), when it has one.
std::string Param::unstated(Date day) const {
  std::string ranges;
  for (const DatedValue& v : values) {
    if (v.value.is_null()) continue;
    ranges += ranges.empty() ? "" : "、";
    if (v.from && v.to) ranges += v.from->chinese() + "至" + v.to->chinese();
    else if (v.to) ranges += v.to->chinese() + "以前";
    else if (v.from) ranges += v.from->chinese() + "以后";
  }
  std::string n = note;
  const std::string stop = "。";
  if (n.size() >= stop.size() && n.compare(n.size() - stop.size(), stop.size(), stop) == 0) n.resize(n.size() - stop.size());
  if (ranges.empty()) return n.empty() ? "本文件未载明" : n;
  return cat({"本文件的", label, "只写了", ranges, "的数额，查询日期", day.chinese(), "不在其中", n.empty() ? "" : "；", n});
}

}  // namespace doudi
