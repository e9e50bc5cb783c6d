// How a program decides: a short list of named criteria, each met / not met /
// unknown, each with the clause it rests on. Unknown criteria carry the
// household fields that would settle them (the `missing` list).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "money.h"
#include "policy.h"

namespace doudi {

enum class Tri { no, unknown, yes };

// A household field that would settle an unknown: "members[0].orphan",
// "status.dibao", "events". Its parts are views into literals or the policy's
// texts, and the path is written only for a result's `missing` list: most
// unknowns are dropped by all_of/any_of before that.
struct Field {
  std::string_view group;  // "members", "assets", "status", "events", …
  int index = -1;          // members[i], events[i]
  std::string_view name;   // the leaf, empty for the group itself

  Field() = default;
  explicit Field(std::string_view g, std::string_view n = {}) : group(g), name(n) {}
  Field(std::string_view g, size_t i, std::string_view n) : group(g), index(static_cast<int>(i)), name(n) {}
  std::string path() const;
  bool operator==(const Field& o) const { return group == o.group && index == o.index && name == o.name; }
};

struct Fact {
  Tri v = Tri::unknown;
  std::vector<Field> missing;  // fields that would settle an unknown

  static Fact yes() { return {Tri::yes, {}}; }
  static Fact no() { return {Tri::no, {}}; }
  static Fact unknown(std::vector<Field> fields = {}) { return {Tri::unknown, std::move(fields)}; }
  static Fact of(bool b) { return b ? yes() : no(); }
  // A member's answer: absent -> unknown, naming members[i].name.
  static Fact given(const std::optional<bool>& b, size_t member, const char* name);

  // all_of / any_of of this and another, in place (no list to build).
  void and_with(const Fact& f);
  void or_with(const Fact& f);

  bool is_yes() const { return v == Tri::yes; }
  bool is_no() const { return v == Tri::no; }
  bool is_unknown() const { return v == Tri::unknown; }
};

Fact all_of(const std::vector<Fact>& facts);  // no if any no; unknown if any unknown
Fact any_of(const std::vector<Fact>& facts);  // yes if any yes; unknown if any unknown
Fact negate(Fact f);

enum class Status { ineligible, maybe, eligible };
const char* status_name(Status s);

struct Reason {
  std::string text;
  Source source;
};

struct Amount {
  Fen value = 0;
  std::string per;  // month | year | once
  bool up_to = false;
};

// How far the household is from an income threshold (all monthly per head).
struct Threshold {
  std::string label;
  Fen limit = 0;
  Fen value = 0;
};

struct ProgramResult {
  std::string id, name;
  Status status = Status::ineligible;
  std::optional<Amount> amount;
  std::vector<int> members;
  std::vector<Reason> reasons;
  std::vector<std::string> missing;
  const Apply* apply = nullptr;
  std::optional<Threshold> threshold;
  bool taper = false;  // eligible only through a 渐退期
};

// Texts for a criterion's three outcomes (unknown falls back to `yes` + "？").
struct Says {
  std::string yes, no, unknown;
};

class Decision {
 public:
  // A criterion that must hold.
  // (Texts are taken by value and moved: most are built for the call.)
  void require(const Fact& f, Says says, const Source& src);
  // A criterion about one member: `who` + the text for the outcome; only that one is built.
  void require(const Fact& f, std::string_view who, const char* yes, const char* no, const char* unknown, const Source& src);
  // A criterion whose outcome is known and explained by one text.
  void require(const Fact& f, std::string text, const Source& src) { criteria_.push_back({f, {std::move(text), src}}); }
  // Information that does not decide the status (an amount's basis, a note).
  void note(std::string text, const Source& src);
  // The basis of an amount: shown only when the program may apply.
  void basis(std::string text, const Source& src);

  // Takes over another decision's criteria and notes (a member's, for 特困).
  void absorb(Decision&& other);

  Status status() const;
  // Orders reasons (failed, then unknown, then met, then notes) and fills the result.
  void finish(ProgramResult* out);  // moves the reasons out: call once, last

 private:
  struct Item {
    Fact fact;
    Reason reason;
  };
  std::vector<Item> criteria_;
  std::vector<Reason> notes_;
  std::vector<Reason> basis_;
};

}  // namespace doudi
