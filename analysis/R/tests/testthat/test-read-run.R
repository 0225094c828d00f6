test_that("a run reads with its dimensions in order, labels, dates and provenance", {
  run <- laborsim_read_run(small_run())
  regions <- vapply(run$config$regions, function(r) r$name, character(1))
  expect_equal(run$regions$region, regions)
  expect_equal(unique(run$region$region), regions)
  dates <- unique(run$region$time)
  expect_equal(length(dates), 14)
  expect_equal(dates[1], as.Date("2024-01-01"))
  expect_equal(dates[14], as.Date("2025-02-01"))
  expect_equal(nrow(run$region), 14 * length(regions))
  # Within a month, rows run over the regions in order: the order HDF5 stores.
  expect_equal(run$region$region[1:3], regions[1:3])
  expect_true(all(run$region$time[seq_along(regions)] == dates[1]))
  # Residents working away are counted in their home regions only.
  kinds <- setNames(run$regions$kind, run$regions$region)
  away <- run$region$migrants_out[kinds[run$region$region] == "destination"]
  home <- run$region$migrants_out[kinds[run$region$region] == "home"]
  expect_true(all(away == 0))
  expect_true(all(home > 0))
  # Stocks add up region by region, month by month.
  with(run$region, expect_equal(labor_force, employed + farming + public_posts + unemployed))
  expect_equal(unique(run$group$group)[1], "rural_migrant_worker")
  expect_equal(unique(run$policy$policy), "posts")
  expect_true(all(run$policy$spend[run$policy$time > dates[1]] > 0))
  expect_equal(run$provenance$scenario, "small")
  expect_equal(run$provenance$seed, as.character(run$config$seed))
  expect_equal(run$config$months, 14)
})

test_that("the yearly summary equals what laborsim inspect prints", {
  path <- small_run()
  mine <- laborsim_yearly_summary(laborsim_read_run(path))
  theirs <- inspect_table(path)
  expect_equal(mine$year, theirs$year)
  expect_equal(mine$months, theirs$months)
  for (column in c("labor_force", "employed", "unemployed", "vacancies_mean", "hires",
                   "separations", "migrants_out")) {
    expect_equal(round(mine[[column]]), theirs[[column]], info = column)
  }
  expect_equal(round(mine$unemp_rate, 2), theirs$unemp_rate_.)
})

test_that("a sweep summary reads with its runs and their design values", {
  sweep <- laborsim_read_sweep(small_sweep())
  expect_equal(nrow(sweep$runs), 8)
  expect_equal(sweep$runs$run, sprintf("%05d", 0:7))
  expect_setequal(unique(sweep$runs$arm), c("baseline", "policies"))
  expect_setequal(unique(sweep$runs[["policies.0.posts"]]), c(1000, 4000))
  expect_equal(nrow(sweep$region), 8 * 12 * 17)
  # Each run's rows equal that run's own file.
  run <- laborsim_read_run(file.path(small_sweep(), "runs", "00006.h5"))
  rows <- sweep$region[sweep$region$run == "00006", ]
  expect_equal(rows$unemployed, run$region$unemployed)
  expect_equal(rows$time, run$region$time)
  expect_true(all(rows$arm == "policies") && all(rows[["policies.0.posts"]] == 4000))
})

test_that("files that are not laborsim's are refused with the reason", {
  expect_error(laborsim_read_run(file.path(fixtures, "nonesuch.h5")), "no such file")
  expect_error(laborsim_read_sweep(file.path(small_sweep(), "runs", "00000.h5")),
               "not a laborsim-sweep-summary file")
})

test_that("variables come in the order the run wrote them, as Python lists them", {
  run <- laborsim_read_run(small_run())
  expect_equal(names(run$region)[1:5], c("time", "region", "labor_force", "employed", "unemployed"))
})

test_that("the ggplot2 example of docs/ANALYSIS.md draws", {
  skip_if_not_installed("ggplot2")  # installed by scripts/install-deps.sh (r-cran-ggplot2)
  library(ggplot2)
  run <- laborsim_read_run(small_run())
  home <- run$region[run$region$region %in% run$regions$region[run$regions$kind == "home"], ]
  home$rate <- 100 * home$unemployed / home$labor_force
  plot <- ggplot(home, aes(time, rate, colour = region)) + geom_line() +
    labs(x = NULL, y = "unemployment rate, %", title = "Dingxi: unemployment by county")
  out <- file.path(fixtures, "unemployment.png")
  ggsave(out, plot, width = 7, height = 4, dpi = 100)
  expect_gt(file.size(out), 10000)
  expect_equal(length(unique(home$region)), 7)
})
