# R CMD check entry point; `make test` runs testthat::test_dir on testthat/ directly.
library(testthat)
test_check("laborsim")
