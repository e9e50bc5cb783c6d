// `screen`: the command-line face of the rules engine (see CONTRACT.md).
//   screen [--policies DIR] [FILE|-]         one household -> one result
//   screen [--policies DIR] --batch [FILE|-] JSON Lines in, JSON Lines out
//   screen [--policies DIR] --regions        the regions and their documents
//   screen [--policies DIR] --check-policies validate every policy file
//   screen [--policies DIR] --csv [--region ID] [--json] [FILE|-]
//                                            a roster (UTF-8 or GBK) -> the export CSV
//   screen --csv-template                    the roster template (UTF-8 with BOM)
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <iconv.h>

#include "doudi/roster.h"
#include "doudi/screen.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "用法 usage: screen [--policies DIR] [--batch | --regions | --check-policies] [FILE|-]\n"
    "            screen [--policies DIR] --csv [--region ID] [--json] [FILE|-]\n"
    "            screen --csv-template\n";

struct Options {
  std::string policies_dir;
  std::string input = "-";
  std::string region;
  bool batch = false, regions = false, check = false, help = false, csv = false, csv_json = false, csv_template = false;
  std::string error;
};

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--policies" && i + 1 < argc) o.policies_dir = argv[++i];
    else if (a == "--batch") o.batch = true;
    else if (a == "--regions") o.regions = true;
    else if (a == "--check-policies") o.check = true;
    else if (a == "--csv") o.csv = true;
    else if (a == "--json") o.csv_json = true;
    else if (a == "--csv-template") o.csv_template = true;
    else if (a == "--region" && i + 1 < argc) o.region = argv[++i];
    else if (a == "--help" || a == "-h") o.help = true;
    else if (a.size() > 1 && a[0] == '-' && a != "-") o.error = "未知选项 unknown option: " + a;
    else o.input = a;
  }
  return o;
}

bool read_all(std::istream& in, std::string* out) {
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// Loads every *.json in dir; problems go to `errors` as "file: path: message".
doudi::PolicySet load_dir(const std::string& dir, std::vector<std::string>* errors) {
  doudi::PolicySet set;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") files.push_back(e.path());
  if (ec) {
    errors->push_back(dir + ": 无法读取政策目录 cannot read the policies folder (" + ec.message() + ")");
    return set;
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string text;
    if (!in || !read_all(in, &text)) {
      errors->push_back(f.string() + ": cannot read");
      continue;
    }
    for (const auto& e : set.add(f.filename().string(), text))
      errors->push_back(e.file + ": " + (e.path.empty() ? "(top)" : e.path) + ": " + e.message);
  }
  if (files.empty()) errors->push_back(dir + ": no policy files (*.json)");
  return set;
}

// Excel on Chinese Windows saves CSV as GBK; GB18030 is its superset. Read as
// the roster page's TextDecoder('gb18030') reads it (the WHATWG Encoding
// Standard), so that the export is the site's byte for byte: byte 0x80 is €, and
// what is not GB18030 is U+FFFD: a lead byte with the byte after it (unless that
// is ASCII, which is read again), or the bytes the file ends short with.
bool gb18030_to_utf8(const std::string& in, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->clear();
  out->reserve(in.size() * 3 / 2 + 16);
  char* src = const_cast<char*>(in.data());
  size_t left = in.size();
  while (left > 0) {
    char buf[16384];
    char* dst = buf;
    size_t room = sizeof buf;
    const size_t r = iconv(cd, &src, &left, &dst, &room);
    out->append(buf, static_cast<size_t>(dst - buf));
    if (r != static_cast<size_t>(-1) || errno == E2BIG) continue;
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(src[k]); };
    size_t skip = 1;
    if (byte(0) == 0x80) {
      out->append("\xE2\x82\xAC");
    } else {
      out->append("\xEF\xBF\xBD");
      if (byte(0) >= 0x81 && byte(0) <= 0xFE && left >= 2 && byte(1) >= 0x80) skip = 2;
    }
    src += skip;
    left -= skip;
  }
  iconv_close(cd);
  return true;
}

std::string unreadable(const std::string& what) {
  nlohmann::ordered_json r = {{"schema", 1}, {"region", nullptr}};
  r["errors"] = {{{"field", ""}, {"message", "无法读取输入：" + what}, {"message_en", "cannot read input: " + what}}};
  return r.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

int run(const Options& o) {
  std::vector<std::string> policy_errors;
  std::string dir = o.policies_dir.empty() ? DOUDI_POLICIES_DIR : o.policies_dir;
  const bool use_embedded = o.policies_dir.empty() && !fs::is_directory(dir);
  doudi::PolicySet loaded;
  if (!use_embedded) loaded = load_dir(dir, &policy_errors);
  const doudi::PolicySet& set = use_embedded ? doudi::embedded_policies() : loaded;
  if (!policy_errors.empty()) {
    for (const auto& e : policy_errors) std::cerr << "policy error: " << e << "\n";
    if (o.check) return 1;
    std::cerr << "政策文件有误，已跳过有误的文件 (policy files with errors were skipped)\n";
  }
  if (o.check) {
    std::cout << "policies OK: " << set.all().size() << " files in " << (use_embedded ? "(embedded)" : dir) << "\n";
    return 0;
  }
  if (o.csv_template) {
    std::cout << doudi::roster_template();
    return 0;
  }
  if (o.regions) {
    std::cout << doudi::regions_json(set) << "\n";
    return 0;
  }
  std::ifstream file;
  if (o.input != "-") {
    file.open(o.input, std::ios::binary);
    if (!file) {
      std::cout << unreadable(o.input) << "\n";
      return 2;
    }
  }
  std::istream& in = o.input == "-" ? std::cin : file;
  if (o.csv) {
    std::string text, utf8;
    if (!read_all(in, &text)) {
      std::cerr << "无法读取 cannot read " << o.input << "\n";
      return 2;
    }
    if (!doudi::reads_as_utf8(text)) {
      if (!gb18030_to_utf8(text, &utf8)) {
        std::cerr << "无法按 GBK/GB18030 读取 (no GB18030 converter)\n";
        return 2;
      }
      text.swap(utf8);
    }
    const doudi::RosterOutput r = doudi::screen_roster(set, text, o.region);
    std::cout << (o.csv_json ? r.json + "\n" : r.csv);
    // The file's notes (a title row skipped, a status column not found) and the
    // columns not read, as the roster page shows them above its lists.
    const auto view = nlohmann::json::parse(r.json, nullptr, false);
    if (view.is_object()) {
      for (const auto& n : view.value("notes", nlohmann::json::array()))
        std::cerr << n.value("message", "") << " (" << n.value("message_en", "") << ")\n";
      std::string ignored;
      for (const auto& name : view.value("ignored_columns", nlohmann::json::array()))
        if (name.is_string()) ignored += (ignored.empty() ? "" : "、") + name.get<std::string>();
      if (!ignored.empty()) std::cerr << "这些列不是模板的列，没有读取：" << ignored << " (columns not read)\n";
    }
    std::cerr << "screened " << r.households << " households, " << r.errors << " with errors\n";
    return 0;
  }
  if (o.batch) {
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // A blank line gets its error result too: result N answers line N.
      std::cout << doudi::screen(set, line).json << "\n";
    }
    return 0;
  }
  std::string text;
  if (!read_all(in, &text)) {
    std::cout << unreadable(o.input) << "\n";
    return 2;
  }
  const doudi::ScreenOutput r = doudi::screen(set, text);
  std::cout << r.json << "\n";
  return r.ok ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const Options o = parse_args(argc, argv);
  if (o.help) {
    std::cout << kUsage;
    return 0;
  }
  if (!o.error.empty()) {
    std::cerr << o.error << "\n" << kUsage;
    return 2;
  }
  try {
    return run(o);
  } catch (const std::exception& e) {  // I/O failures only; the engine does not throw
    std::cerr << "screen: " << e.what() << "\n";
    return 2;
  }
}
