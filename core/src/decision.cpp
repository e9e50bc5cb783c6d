#include "decision.h"

#include <algorithm>
#include <iterator>

namespace doudi {

void Fields::add(const Field& f) {
  for (size_t i = 0; i < n_; ++i)
    if ((*this)[i] == f) return;
  if (n_ == 0) first_ = f;
  else more_.push_back(f);
  ++n_;
}

void Fields::add(const Fields& fields) {
  for (size_t i = 0; i < fields.size(); ++i) add(fields[i]);
}

std::string Field::path() const {
  std::string p(group);
  if (index >= 0) p += '[' + std::to_string(index) + ']';
  if (!name.empty()) (p += '.') += name;
  return p;
}

Fact Fact::given(const std::optional<bool>& b, size_t member, const char* name) {
  if (!b) return unknown({Field{"members", member, name}});
  return of(*b);
}

void Fact::and_with(const Fact& f) {
  if (is_no() || f.is_yes()) return;
  if (f.is_no()) {
    v = Tri::no;  // (in place: a temporary Fact would be built, moved and freed, on the hot path)
    missing.clear();
    return;
  }
  v = Tri::unknown;
  missing.add(f.missing);
}

void Fact::or_with(const Fact& f) {
  if (is_yes() || f.is_no()) return;
  if (f.is_yes()) {
    v = Tri::yes;
    missing.clear();
    return;
  }
  v = Tri::unknown;
  missing.add(f.missing);
}

Fact all_of(const Fact* facts, size_t n) {
  Fact out = Fact::yes();
  for (size_t i = 0; i < n && !out.is_no(); ++i) out.and_with(facts[i]);
  return out;
}

Fact any_of(const Fact* facts, size_t n) {
  Fact out = Fact::no();
  for (size_t i = 0; i < n && !out.is_yes(); ++i) out.or_with(facts[i]);
  return out;
}

Fact negate(Fact f) {
  if (f.is_yes()) f.v = Tri::no;
  else if (f.is_no()) f.v = Tri::yes;
  return f;
}

const char* status_name(Status s) {
  switch (s) {
    case Status::eligible: return "eligible";
    case Status::maybe: return "maybe";
    default: return "ineligible";
  }
}

namespace {
std::string_view outcome(const Fact& f, const Says& s) {
  const std::string_view text = f.is_yes() ? s.yes : f.is_no() ? s.no : s.unknown;
  return text.empty() ? s.yes : text;
}
}  // namespace

void Decision::keep(Tri v, std::string text, const Source& src) { items_.push_back({v, Role::criterion, Reason(std::move(text), src)}); }

void Decision::require(const Fact& f, std::string_view text, const Source& src) {
  if (decide(f)) keep(f.v, std::string(text), src);
}

void Decision::require(const Fact& f, std::string&& text, const Source& src) {
  if (decide(f)) keep(f.v, std::move(text), src);
}

void Decision::require(const Fact& f, Lasting text, const Source& src) {
  if (decide(f)) items_.push_back({f.v, Role::criterion, Reason(text, src)});
}

void Decision::require(const Fact& f, const Says& says, const Source& src) { require(f, Lasting(outcome(f, says)), src); }

void Decision::require(const Fact& f, std::string_view who, const Says& says, const Source& src) {
  if (!decide(f)) return;
  const std::string_view said = outcome(f, says);
  std::string text;
  text.reserve(who.size() + said.size());  // (one allocation, not a copy of `who` grown)
  (text += who) += said;
  keep(f.v, std::move(text), src);
}

void Decision::note(std::string_view text, const Source& src) {
  if (explain_) items_.push_back({Tri::yes, Role::note, Reason(std::string(text), src)});
}
void Decision::note(Lasting text, const Source& src) {
  if (explain_) items_.push_back({Tri::yes, Role::note, Reason(text, src)});
}
void Decision::basis(std::string_view text, const Source& src) {
  if (explain_ && !refused()) items_.push_back({Tri::yes, Role::basis, Reason(std::string(text), src)});
}

void Decision::absorb(Decision&& other) {
  worst_ = std::min(worst_, other.worst_);
  items_.insert(items_.end(), std::make_move_iterator(other.items_.begin()), std::make_move_iterator(other.items_.end()));
  unknown_.add(other.unknown_);  // (its criteria come after this one's so far, as its items do)
}

void Decision::ask(const Decision& other) { asked_.add(other.unknown_); }

Status Decision::status() const {
  return worst_ == Tri::no ? Status::ineligible : worst_ == Tri::unknown ? Status::maybe : Status::eligible;
}

void Decision::finish(ProgramResult* out, Fields* missing) {
  out->status = status();
  if (explain_) write_reasons(out);
  if (out->status == Status::maybe && facts_) {
    Fields fields = std::move(unknown_);
    fields.add(asked_);
    for (size_t i = 0; i < fields.size(); ++i) out->missing.push_back(fields[i].path());
    if (missing) *missing = std::move(fields);
  }
}

namespace {

// Two criteria of a file may say the same (泉港's 安居工程 gives “面向农村低保户和特困
// 人员” for its hukou and for its statuses), and so may two notes (a file listing one
// twice: the policy fuzzer's finding of 2026-12-04); a reader is told it once.
bool said_before(const std::vector<Reason>& said, const Reason& r) {
  return std::any_of(said.begin(), said.end(), [&](const Reason& s) {
    return s.text() == r.text() && s.source.clause == r.source.clause && s.source.doc == r.source.doc;
  });
}

}  // namespace

// A program already refused says what refused it, and nothing more (the contract:
// reasons say which criterion failed). Its open criteria cannot change it, and read
// as questions under “不符合” (困难残疾人生活补贴 asked “家庭是否为低保家庭？” of a
// family with no 残疾人证); criteria it meets read as grounds for the refusal (泉港's
// 安居工程 told an urban 低保 family “家庭为低保户或有特困人员” under “不符合”). Its
// `missing` is empty for the same reason.
void Decision::write_reasons(ProgramResult* out) {
  out->reasons.reserve(items_.size());
  const bool refused = out->status == Status::ineligible;
  for (Tri want : {Tri::no, Tri::unknown, Tri::yes})
    for (Item& c : items_)
      if (c.role == Role::criterion && c.v == want && !(refused && want != Tri::no) && !said_before(out->reasons, c.reason))
        out->reasons.push_back(std::move(c.reason));
  for (Role role : {Role::basis, Role::note})
    for (Item& c : items_)
      if (c.role == role && (role == Role::note || !refused) && !said_before(out->reasons, c.reason))
        out->reasons.push_back(std::move(c.reason));
}

}  // namespace doudi
