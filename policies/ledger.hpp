#pragma once
// The policy ledger: what each lever spent and on how many people or firms, month by month, in
// integer fen (1 yuan = 100 fen), so totals are exact and do not depend on the order of
// additions. A lever's budget (per month, per calendar year, in total) is checked before every
// payment and is never exceeded: a payment that does not fit is refused whole. Besides money it
// counts, per lever and month, those eligible (offered the lever), beneficiaries (paid or
// placed this month), new beneficiaries (who took the offer up this month, as opposed to those
// whose course or subsidised job continues) and the jobs the lever itself attributes to them.
//
// Not thread-safe by design: a lever picks its beneficiaries in a parallel pass and then pays
// them here in id order, which keeps who gets paid independent of threads.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "agents/state_archive.hpp"

namespace laborsim {

using Fen = std::int64_t;

//! Yuan to fen, rounded to the nearest fen.
Fen fen_from_yuan(double yuan);
//! Fen to yuan.
inline double yuan_from_fen(Fen fen) { return static_cast<double>(fen) / 100.0; }

//! A lever's spending limits; kUnlimited where the scenario sets none.
struct Budget {
  static constexpr Fen kUnlimited = -1;
  Fen per_month = kUnlimited;
  Fen per_year = kUnlimited;  //!< per calendar year
  Fen total = kUnlimited;
};

//! Who a payment reached: a worker, an employer, or both (a subsidised hire). kNobody for
//! either side it did not reach. The conformance tests read the audit trail of these.
struct Recipient {
  static constexpr std::uint32_t kNobody = 0xFFFFFFFFu;
  std::uint32_t worker = kNobody;
  std::uint32_t employer = kNobody;
};

//! How a payment counts its recipient this month.
enum class Count : std::uint8_t {
  kAgain,       //!< already counted this month
  kContinuing,  //!< a beneficiary whose benefit continues from an earlier month
  kNew,         //!< a beneficiary who took the offer up this month (also counts as a beneficiary)
};

struct Payment {
  std::size_t policy;
  int month;  //!< index of the month opened (0 = the first)
  Recipient recipient;
  Fen amount;
};

class Ledger {
 public:
  //! One budget per policy, in the scenario's order.
  explicit Ledger(std::vector<Budget> budgets);

  //! Starts a month: this month's spend and counts restart; a new calendar year restarts the
  //! year's spend. Months must be opened in order, the first with new_year as it falls.
  void open_month(bool new_year);

  //! Pays `amount` (>= 0) for `policy` if all its budgets allow, counting the recipient as
  //! `count` says. Returns whether it paid. Throws std::invalid_argument on a negative amount or
  //! an unknown policy.
  bool try_spend(std::size_t policy, Fen amount, Count count = Count::kNew);
  //! try_spend for a payment that reaches `recipient`, recorded in the audit trail if kept.
  bool pay(std::size_t policy, Recipient recipient, Fen amount, Count count = Count::kNew);

  //! How much more `policy` could pay this month under all its budgets (kUnlimited if none).
  Fen room(std::size_t policy) const;
  //! Whether `policy` could pay `amount` now.
  bool fits(std::size_t policy, Fen amount) const {
    const Fen left = room(policy);
    return left == Budget::kUnlimited || amount <= left;
  }

  //! Adds to this month's count of those offered the lever (eligible).
  void add_eligible(std::size_t policy, std::int64_t count) {
    accounts_.at(policy).eligible += count;
  }
  //! Counts beneficiaries who received something other than money (a seat, a post).
  void add_beneficiaries(std::size_t policy, Count count, std::int64_t n = 1);
  //! Adds to this month's jobs the lever attributes to itself (subsidised hires, posts filled).
  void add_jobs(std::size_t policy, std::int64_t count) { accounts_.at(policy).jobs += count; }

  Fen spent_this_month(std::size_t policy) const { return accounts_.at(policy).month; }
  Fen spent_this_year(std::size_t policy) const { return accounts_.at(policy).year; }
  Fen spent_in_total(std::size_t policy) const { return accounts_.at(policy).total; }
  std::int64_t beneficiaries_this_month(std::size_t policy) const {
    return accounts_.at(policy).beneficiaries;
  }
  std::int64_t new_beneficiaries_this_month(std::size_t policy) const {
    return accounts_.at(policy).new_beneficiaries;
  }
  std::int64_t eligible_this_month(std::size_t policy) const {
    return accounts_.at(policy).eligible;
  }
  std::int64_t jobs_this_month(std::size_t policy) const { return accounts_.at(policy).jobs; }
  const Budget& budget(std::size_t policy) const { return budgets_.at(policy); }
  std::size_t size() const { return budgets_.size(); }

  //! Keeps every payment to a worker or employer from now on (off by default: it grows with
  //! the number of payments).
  void keep_audit() { keep_audit_ = true; }
  const std::vector<Payment>& audit() const { return audit_; }

  //! Saves or restores the accounts (checkpoints); the budgets come with the levers' specs and
  //! the audit trail is not kept.
  void carry(StateArchive& archive) {
    archive.array("accounts", accounts_);
    archive.value("months_opened", months_opened_);
    if (accounts_.size() != budgets_.size()) {
      throw std::runtime_error(archive.path("accounts") + ": " + std::to_string(accounts_.size()) +
                               " accounts for " + std::to_string(budgets_.size()) + " levers");
    }
  }

 private:
  struct Account {
    Fen month = 0;
    Fen year = 0;
    Fen total = 0;
    std::int64_t beneficiaries = 0;
    std::int64_t new_beneficiaries = 0;
    std::int64_t eligible = 0;
    std::int64_t jobs = 0;
  };
  std::vector<Budget> budgets_;
  std::vector<Account> accounts_;
  int months_opened_ = 0;
  bool keep_audit_ = false;
  std::vector<Payment> audit_;
};

}  // namespace laborsim
