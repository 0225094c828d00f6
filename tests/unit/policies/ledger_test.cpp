// The policy ledger: exact money, budgets that are never exceeded, and their restarts.
#include "policies/ledger.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace laborsim {
namespace {

TEST(Ledger, SumsAreExactInFen) {
  EXPECT_EQ(fen_from_yuan(0.1), 10);
  EXPECT_EQ(fen_from_yuan(1234.567), 123457);  // rounded to the nearest fen
  Ledger ledger({Budget{}});
  ledger.open_month(true);
  // A million payments of 0.10 yuan: 100,000.00 yuan exactly, which doubles would miss.
  for (int k = 0; k < 1000000; ++k) ASSERT_TRUE(ledger.try_spend(0, fen_from_yuan(0.1)));
  EXPECT_EQ(ledger.spent_this_month(0), 10000000);
  EXPECT_EQ(ledger.beneficiaries_this_month(0), 1000000);
  EXPECT_EQ(ledger.room(0), Budget::kUnlimited);
}

TEST(Ledger, AMonthlyBudgetRefusesWhatDoesNotFitAndRestartsNextMonth) {
  Budget budget;
  budget.per_month = 1000;
  Ledger ledger({budget});
  ledger.open_month(true);
  EXPECT_TRUE(ledger.try_spend(0, 600));
  EXPECT_FALSE(ledger.try_spend(0, 600));  // refused whole, not paid in part
  EXPECT_TRUE(ledger.try_spend(0, 400));   // exactly the rest
  EXPECT_FALSE(ledger.try_spend(0, 1));
  EXPECT_EQ(ledger.spent_this_month(0), 1000);
  EXPECT_EQ(ledger.beneficiaries_this_month(0), 2);
  EXPECT_EQ(ledger.room(0), 0);
  ledger.open_month(false);
  EXPECT_EQ(ledger.spent_this_month(0), 0);
  EXPECT_EQ(ledger.beneficiaries_this_month(0), 0);
  EXPECT_EQ(ledger.room(0), 1000);
  EXPECT_EQ(ledger.spent_in_total(0), 1000);
}

TEST(Ledger, YearAndTotalBudgetsBindAcrossMonths) {
  Budget budget;
  budget.per_year = 1500;
  budget.total = 2000;
  Ledger ledger({budget, Budget{}});
  ledger.open_month(true);
  EXPECT_TRUE(ledger.try_spend(0, 1000));
  ledger.open_month(false);
  EXPECT_EQ(ledger.room(0), 500);  // the year's budget binds
  EXPECT_FALSE(ledger.try_spend(0, 600));
  EXPECT_TRUE(ledger.try_spend(0, 500));
  ledger.open_month(true);  // January: the year restarts, the total does not
  EXPECT_EQ(ledger.spent_this_year(0), 0);
  EXPECT_EQ(ledger.room(0), 500);
  EXPECT_TRUE(ledger.try_spend(0, 500));
  EXPECT_FALSE(ledger.try_spend(0, 1));
  EXPECT_EQ(ledger.spent_in_total(0), 2000);
  // Policies keep separate accounts.
  EXPECT_TRUE(ledger.try_spend(1, 5000, Count::kAgain));
  EXPECT_EQ(ledger.beneficiaries_this_month(1), 0);
  EXPECT_EQ(ledger.spent_in_total(0), 2000);
}

TEST(Ledger, CountsNewAndContinuingBeneficiariesAndKeepsAnAuditTrail) {
  Ledger ledger({Budget{}});
  ledger.keep_audit();
  ledger.open_month(true);
  EXPECT_TRUE(ledger.pay(0, {7, Recipient::kNobody}, 100));  // takes the offer up
  EXPECT_TRUE(ledger.pay(0, {7, 3}, 50, Count::kAgain));     // same person again
  EXPECT_TRUE(ledger.pay(0, {8, Recipient::kNobody}, 100, Count::kContinuing));  // course goes on
  ledger.add_beneficiaries(0, Count::kNew, 2);  // two seats, unpaid
  ledger.add_eligible(0, 40);
  ledger.add_jobs(0, 1);
  EXPECT_EQ(ledger.beneficiaries_this_month(0), 4);
  EXPECT_EQ(ledger.new_beneficiaries_this_month(0), 3);
  EXPECT_EQ(ledger.eligible_this_month(0), 40);
  EXPECT_EQ(ledger.jobs_this_month(0), 1);
  ASSERT_EQ(ledger.audit().size(), 3u);
  EXPECT_EQ(ledger.audit()[1].recipient.employer, 3u);
  EXPECT_EQ(ledger.audit()[1].amount, 50);
  EXPECT_EQ(ledger.audit()[2].month, 0);
  ledger.open_month(false);
  EXPECT_EQ(ledger.beneficiaries_this_month(0), 0);
  EXPECT_EQ(ledger.new_beneficiaries_this_month(0), 0);
  EXPECT_EQ(ledger.eligible_this_month(0), 0);
  EXPECT_EQ(ledger.jobs_this_month(0), 0);
  EXPECT_TRUE(ledger.pay(0, {9, Recipient::kNobody}, 1));
  EXPECT_EQ(ledger.audit().back().month, 1);
}

TEST(Ledger, RejectsNegativePaymentsAndUnknownPolicies) {
  Ledger ledger({Budget{}});
  ledger.open_month(true);
  EXPECT_THROW(ledger.try_spend(0, -1), std::invalid_argument);
  EXPECT_THROW(ledger.try_spend(1, 10), std::invalid_argument);
  EXPECT_EQ(ledger.spent_in_total(0), 0);
}

}  // namespace
}  // namespace laborsim
