#pragma once
// The policy ledger: what each lever spent and on how many people, month by month, in integer
// fen (1 yuan = 100 fen), so totals are exact and do not depend on the order of additions. A
// lever's budget (per month, per calendar year, in total) is checked before every payment and is
// never exceeded: a payment that does not fit is refused whole.
//
// Not thread-safe by design: a lever picks its beneficiaries in a parallel pass and then pays
// them here in worker-id order, which keeps who gets paid independent of threads.
#include <cstdint>
#include <vector>

namespace laborsim {

using Fen = std::int64_t;

//! Yuan to fen, rounded to the nearest fen.
Fen fen_from_yuan(double yuan);

//! A lever's spending limits; kUnlimited where the scenario sets none.
struct Budget {
  static constexpr Fen kUnlimited = -1;
  Fen per_month = kUnlimited;
  Fen per_year = kUnlimited;  //!< per calendar year
  Fen total = kUnlimited;
};

class Ledger {
 public:
  //! One budget per policy, in the scenario's order.
  explicit Ledger(std::vector<Budget> budgets);

  //! Starts a month: this month's spend and beneficiaries restart; a new calendar year restarts
  //! the year's spend. Months must be opened in order, the first with new_year as it falls.
  void open_month(bool new_year);

  //! Pays `amount` (>= 0) for `policy` if all its budgets allow, counting one beneficiary when
  //! `new_beneficiary`. Returns whether it paid. Throws std::invalid_argument on a negative
  //! amount or an unknown policy.
  bool try_spend(std::size_t policy, Fen amount, bool new_beneficiary = true);

  //! How much more `policy` could pay this month under all its budgets (kUnlimited if none).
  Fen room(std::size_t policy) const;

  Fen spent_this_month(std::size_t policy) const { return accounts_.at(policy).month; }
  Fen spent_this_year(std::size_t policy) const { return accounts_.at(policy).year; }
  Fen spent_in_total(std::size_t policy) const { return accounts_.at(policy).total; }
  std::int64_t beneficiaries_this_month(std::size_t policy) const {
    return accounts_.at(policy).beneficiaries;
  }
  std::size_t size() const { return budgets_.size(); }

 private:
  struct Account {
    Fen month = 0;
    Fen year = 0;
    Fen total = 0;
    std::int64_t beneficiaries = 0;
  };
  std::vector<Budget> budgets_;
  std::vector<Account> accounts_;
};

}  // namespace laborsim
