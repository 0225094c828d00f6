# Loads the reader from the source tree and makes the runs the tests read, with the laborsim
# executable CTest names (LABORSIM_BIN), once per test session.
source_dir <- Sys.getenv("LABORSIM_SOURCE_DIR", normalizePath(file.path(getwd(), "../../../..")))
for (file in list.files(file.path(source_dir, "analysis", "R", "R"), full.names = TRUE)) {
  source(file)
}
laborsim_bin <- Sys.getenv("LABORSIM_BIN", file.path(source_dir, "build", "bin", "laborsim"))
fixtures <- file.path(tempdir(), "laborsim-r-tests")
dir.create(fixtures, showWarnings = FALSE)

laborsim <- function(...) {
  output <- system2(laborsim_bin, c(...), stdout = TRUE, stderr = TRUE)
  status <- attr(output, "status")
  if (!is.null(status) && status != 0) stop("laborsim ", paste(c(...), collapse = " "), " failed:\n",
                                            paste(output, collapse = "\n"))
  output
}

# A 14-month run of the small scenario with a public-welfare-post lever.
small_run <- function() {
  path <- file.path(fixtures, "small.h5")
  if (!file.exists(path)) {
    laborsim("run", file.path(source_dir, "tests", "data", "small.json"), "--months", "14",
             "--set", "'policies=[{\"type\":\"public_welfare_posts\",\"name\":\"posts\"}]'",
             "-q", "-o", path)
  }
  path
}

# The fixture sweep of tests/data/sweep.json (8 runs), made and collected.
small_sweep <- function() {
  folder <- file.path(fixtures, "sweep")
  if (!file.exists(file.path(folder, "summary.h5"))) {
    unlink(folder, recursive = TRUE)
    laborsim("sweep", "plan", file.path(source_dir, "tests", "data", "sweep.json"), "-o", folder)
    laborsim("sweep", "run", folder, "-q")
    laborsim("sweep", "collect", folder)
  }
  folder
}

# The yearly table `laborsim inspect RUN` prints, as a data frame.
inspect_table <- function(path) {
  lines <- laborsim("inspect", path)
  start <- grep("^year +months", lines)
  rows <- lines[(start + 1):length(lines)]
  rows <- rows[grepl("^[0-9]{4} ", rows)]
  table <- read.table(text = c(lines[start], rows), header = TRUE)
  table
}
