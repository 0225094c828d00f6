#include "policies/ledger.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace laborsim {

Fen fen_from_yuan(double yuan) { return static_cast<Fen>(std::llround(yuan * 100)); }

Ledger::Ledger(std::vector<Budget> budgets)
    : budgets_(std::move(budgets)), accounts_(budgets_.size()) {}

void Ledger::open_month(bool new_year) {
  for (Account& account : accounts_) {
    account.month = 0;
    account.beneficiaries = 0;
    account.new_beneficiaries = 0;
    account.eligible = 0;
    account.jobs = 0;
    if (new_year) account.year = 0;
  }
  ++months_opened_;
}

Fen Ledger::room(std::size_t policy) const {
  const Budget& budget = budgets_.at(policy);
  const Account& account = accounts_.at(policy);
  Fen room = Budget::kUnlimited;
  const auto limit = [&room](Fen cap, Fen spent) {
    if (cap == Budget::kUnlimited) return;
    const Fen left = std::max<Fen>(0, cap - spent);
    room = room == Budget::kUnlimited ? left : std::min(room, left);
  };
  limit(budget.per_month, account.month);
  limit(budget.per_year, account.year);
  limit(budget.total, account.total);
  return room;
}

void Ledger::add_beneficiaries(std::size_t policy, Count count, std::int64_t n) {
  Account& account = accounts_.at(policy);
  if (count != Count::kAgain) account.beneficiaries += n;
  if (count == Count::kNew) account.new_beneficiaries += n;
}

bool Ledger::try_spend(std::size_t policy, Fen amount, Count count) {
  if (policy >= accounts_.size()) {
    throw std::invalid_argument("ledger: no policy " + std::to_string(policy));
  }
  if (amount < 0) throw std::invalid_argument("ledger: negative payment");
  if (!fits(policy, amount)) return false;
  Account& account = accounts_[policy];
  account.month += amount;
  account.year += amount;
  account.total += amount;
  add_beneficiaries(policy, count);
  return true;
}

bool Ledger::pay(std::size_t policy, Recipient recipient, Fen amount, Count count) {
  if (!try_spend(policy, amount, count)) return false;
  if (keep_audit_) audit_.push_back({policy, months_opened_ - 1, recipient, amount});
  return true;
}

}  // namespace laborsim
