#pragma once
// Ordinary least squares for the model-validation tests (a handful of regressors).
#include <cmath>
#include <stdexcept>
#include <vector>

namespace laborsim::test {

//! Coefficients b minimising |y - X b|^2; rows of X are observations (include a 1 for the
//! intercept). Solves the normal equations by Gaussian elimination with partial pivoting.
inline std::vector<double> ols(const std::vector<std::vector<double>>& x,
                               const std::vector<double>& y) {
  const std::size_t k = x.at(0).size();
  std::vector<std::vector<double>> a(k, std::vector<double>(k + 1, 0.0));
  for (std::size_t n = 0; n < x.size(); ++n) {
    for (std::size_t i = 0; i < k; ++i) {
      for (std::size_t j = 0; j < k; ++j) a[i][j] += x[n][i] * x[n][j];
      a[i][k] += x[n][i] * y[n];
    }
  }
  for (std::size_t col = 0; col < k; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < k; ++r) {
      if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
    }
    if (std::abs(a[pivot][col]) < 1e-12) throw std::runtime_error("ols: singular design");
    std::swap(a[col], a[pivot]);
    for (std::size_t r = 0; r < k; ++r) {
      if (r == col) continue;
      const double factor = a[r][col] / a[col][col];
      for (std::size_t c = col; c <= k; ++c) a[r][c] -= factor * a[col][c];
    }
  }
  std::vector<double> b(k);
  for (std::size_t i = 0; i < k; ++i) b[i] = a[i][k] / a[i][i];
  return b;
}

}  // namespace laborsim::test
