// How a program decides: a short list of named criteria, each met / not met /
// unknown, each with the clause it rests on. Unknown criteria carry the
// household fields that would settle them (the `missing` list).
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "money.h"
#include "policy.h"

namespace doudi {

enum class Tri { no, unknown, yes };

// A household field that would settle an unknown: "members[0].orphan",
// "status.dibao", "events". Its parts are views of string literals (the
// evaluators name fields with literals only), and the path is written only for
// a result's `missing` list: most unknowns are dropped by all_of/any_of before that.
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

// A short list of fields without repeats. Nearly every unknown names one field,
// so the first is kept in place: most facts are made and dropped without an allocation.
class Fields {
 public:
  Fields() = default;
  Fields(std::initializer_list<Field> fields) {
    for (const Field& f : fields) add(f);
  }
  bool empty() const { return n_ == 0; }
  size_t size() const { return n_; }
  const Field& operator[](size_t i) const { return i == 0 ? first_ : more_[i - 1]; }
  void add(const Field& f);          // unless listed already
  void add(const Fields& fields);
  void clear() {
    n_ = 0;
    more_.clear();  // (keeps its capacity)
  }

 private:
  Field first_;
  std::vector<Field> more_;
  size_t n_ = 0;
};

struct Fact {
  Tri v = Tri::unknown;
  Fields missing;  // fields that would settle an unknown

  static Fact yes() { return {Tri::yes, {}}; }
  static Fact no() { return {Tri::no, {}}; }
  static Fact unknown(Fields fields = {}) { return {Tri::unknown, std::move(fields)}; }
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

Fact all_of(const Fact* facts, size_t n);  // no if any no; unknown if any unknown
Fact any_of(const Fact* facts, size_t n);  // yes if any yes; unknown if any unknown
// all_of({a, b}) builds no vector: the facts stay on the stack.
inline Fact all_of(std::initializer_list<Fact> facts) { return all_of(facts.begin(), facts.size()); }
inline Fact any_of(std::initializer_list<Fact> facts) { return any_of(facts.begin(), facts.size()); }
inline Fact all_of(const std::vector<Fact>& facts) { return all_of(facts.data(), facts.size()); }
inline Fact any_of(const std::vector<Fact>& facts) { return any_of(facts.data(), facts.size()); }
Fact negate(Fact f);

enum class Status { ineligible, maybe, eligible };
const char* status_name(Status s);

// Text that outlives every result: a literal, or the policy's own (a PolicySet
// outlives what is screened with it). A reason keeps it as a view, where a
// copy of each condition and note of the policy file cost an allocation.
struct Lasting {
  explicit Lasting(std::string_view t) : text(t) {}
  std::string_view text;
};

// Why a program decided as it did: a text built for this household (owned), or
// a view of a Lasting one.
class Reason {
 public:
  Reason() = default;
  Reason(std::string text, const Source& src) : source(src), own_(std::move(text)) {}
  Reason(Lasting text, const Source& src) : source(src), lasting_(text.text) {}
  std::string_view text() const { return lasting_.data() ? lasting_ : std::string_view(own_); }

  Source source;

 private:
  std::string own_;
  std::string_view lasting_;
};

struct Amount {
  Fen value = 0;
  const char* per = "month";  // month | year | once
  bool up_to = false;
};

// How far the household is from an income threshold (all monthly per head).
struct Threshold {
  std::string label;
  Fen limit = 0;
  Fen value = 0;
};

struct ProgramResult {
  std::string_view id, name;  // the program's, in the policy
  Status status = Status::ineligible;
  std::optional<Amount> amount;
  std::vector<int> members;
  std::vector<Reason> reasons;
  std::vector<std::string> missing;
  const Apply* apply = nullptr;
  std::optional<Threshold> threshold;
  bool taper = false;  // eligible only through a 渐退期
};

// Texts for a criterion's three outcomes; an empty `no` or `unknown` falls back
// to `yes`. Views of literals (or of texts that outlive every result, as a
// Lasting's): the outcome's text is kept as a view, never copied.
struct Says {
  std::string_view yes, no, unknown;
};
// A function that builds a text on demand: `[&] { return …; }`, or, for a
// criterion whose text depends on its outcome, `[&](Tri outcome) { return …; }`,
// which builds only the text of the outcome the fact has.
template <typename F>
using IfBuilder = std::enable_if_t<std::is_invocable_v<F&>>;
template <typename F>
using IfOutcomeBuilder = std::enable_if_t<std::is_invocable_v<F&, Tri> && !std::is_invocable_v<F&>>;

// A program's decision. With `explain` false it builds no text: the roster needs
// statuses and amounts of many households, not their ~60 reasons each, so no
// text is built or copied (texts built by a function are not even built: pass
// `[&] { return … ; }` where a text is assembled). With `facts` it still keeps
// the criteria's facts, for the `missing` list (the questionnaire's flow).
class Decision {
 public:
  explicit Decision(bool explain = true, bool facts = false) : explain_(explain), facts_(explain || facts) {
    if (explain_) items_.reserve(8);  // most programs decide on up to eight criteria and notes: one allocation
  }
  bool explains() const { return explain_; }
  // Refused, with no reasons to write: nothing more can change what is read of it
  // (the status only gets worse; a refused program has no amount, members or
  // `missing`), so a kind need not work anything out (KindSpec::evaluate).
  bool settled() const { return !explain_ && refused(); }

  // A criterion that must hold, with one text for every outcome or one for each.
  void require(const Fact& f, std::string_view text, const Source& src);  // copied
  void require(const Fact& f, std::string&& text, const Source& src);     // taken over
  void require(const Fact& f, Lasting text, const Source& src);           // viewed
  template <size_t N>
  void require(const Fact& f, const char (&literal)[N], const Source& src) {
    require(f, Lasting(literal), src);
  }
  void require(const Fact& f, const Says& says, const Source& src);
  // A criterion about one member: `who` + the outcome's text.
  void require(const Fact& f, std::string_view who, const Says& says, const Source& src);
  template <typename Build, IfBuilder<Build>* = nullptr>
  void require(const Fact& f, Build&& build, const Source& src) {
    if (decide(f)) keep(f.v, build(), src);
  }
  template <typename Build, IfOutcomeBuilder<Build>* = nullptr>
  void require(const Fact& f, Build&& build, const Source& src) {
    if (decide(f)) keep(f.v, build(f.v), src);
  }
  // Information that does not decide the status (a note; an amount's basis,
  // shown only when the program may apply).
  void note(std::string_view text, const Source& src);
  void note(Lasting text, const Source& src);
  void note(const Reason& r) {  // (a copy of a Lasting reason is a view: no text to copy)
    if (explain_) items_.push_back({Tri::yes, Role::note, r});
  }
  void basis(std::string_view text, const Source& src);
  template <typename Build, typename = IfBuilder<Build>>
  void note(Build&& build, const Source& src) {
    if (explain_) items_.push_back({Tri::yes, Role::note, Reason(build(), src)});
  }
  template <typename Build, typename = IfBuilder<Build>>
  void basis(Build&& build, const Source& src) {
    if (explain_ && !refused()) items_.push_back({Tri::yes, Role::basis, Reason(build(), src)});
  }

  // Takes over another decision's criteria and notes (a member's, for 特困).
  void absorb(Decision&& other);
  // Asks, with this decision's own unknowns, what would settle another's (特困:
  // each member who may qualify counts in the amount, not only the one shown).
  void ask(const Decision& other);

  Status status() const;
  // Orders reasons (failed, then unknown, then met, then notes) and fills the result;
  // `missing` also gets the fields of a maybe as fields (for programs resting on it).
  void finish(ProgramResult* out, Fields* missing = nullptr);  // moves the reasons out: call once, last

 private:
  // The reasons: criteria (with their outcome), bases and notes in one list, each
  // in the order given, so that a decision allocates once, not once for each kind.
  enum class Role : std::uint8_t { criterion, basis, note };
  struct Item {
    Tri v;
    Role role;
    Reason reason;
  };
  // Takes the fact into the status, and what would settle it into `unknown_`;
  // true when its text is wanted. A fact is not kept: its fields are all that
  // `missing` reads of it, in the order the criteria came.
  bool decide(const Fact& f) {
    worst_ = std::min(worst_, f.v);
    if (facts_ && f.is_unknown()) unknown_.add(f.missing);
    return explain_ && (f.is_no() || !refused());
  }
  // Refused already, and so for good (the status only gets worse): write_reasons
  // shows only the failed criteria and the notes of such a program, so the text of
  // a criterion met or open, or of a basis, would be built to be thrown away.
  bool refused() const { return worst_ == Tri::no; }
  void keep(Tri v, std::string text, const Source& src);
  void write_reasons(ProgramResult* out);  // moves them out of items_: before `missing` reads the facts

  bool explain_;
  bool facts_;
  Tri worst_ = Tri::yes;  // the status, as criteria come in
  std::vector<Item> items_;  // only when explaining
  Fields unknown_;  // what settles the unknown criteria, without repeats (with `facts`)
  Fields asked_;  // ask()
};

}  // namespace doudi
