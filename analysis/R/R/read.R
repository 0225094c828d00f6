# Readers of laborsim's HDF5 outputs (docs/OUTPUT.md, docs/SWEEPS.md) built on hdf5r.
#
# HDF5 stores arrays row-major (C order) and hdf5r hands them to R column-major, so every array
# comes back with its dimensions reversed: a (time, region) dataset reads as a region x time
# matrix. The readers undo that and return tidy data frames: one row per (time, axis label) -- per
# (run, time, label) for a sweep -- and one column per variable.

laborsim_open <- function(path, format) {
  if (!file.exists(path)) stop(path, ": no such file", call. = FALSE)
  file <- hdf5r::H5File$new(path, mode = "r")
  found <- if ("format" %in% hdf5r::h5attr_names(file)) hdf5r::h5attr(file, "format") else NA
  if (!identical(found, format)) {
    file$close_all()
    stop(path, ": not a ", format, " file (format ", found, ")", call. = FALSE)
  }
  file
}

# Opens the object `name`, applies `use` to it and closes it again. Every object the readers open
# is closed this way as soon as it has been read: hdf5r ties each R object to an HDF5 id, and an
# object left for the garbage collector can meet its id reused by another file's object.
laborsim_with <- function(file, name, use) {
  object <- file[[name]]
  on.exit(object$close())
  use(object)
}

laborsim_read <- function(file, name) laborsim_with(file, name, function(d) d$read())

# Dates of the time axis: its units say "days since YYYY-MM-DD".
laborsim_dates <- function(file) {
  laborsim_with(file, "time", function(time) {
    origin <- sub("^days since ", "", hdf5r::h5attr(time, "units"))
    as.Date(time$read(), origin = origin)
  })
}

laborsim_labels <- function(file, axis) {
  if (!file$exists(axis)) return(character(0))
  laborsim_with(file, axis, function(labels) {
    if (prod(labels$dims) == 0) return(character(0))  # an empty axis (a run without levers)
    as.character(labels$read())
  })
}

# For every dataset of the file's root, its dimension names in file (C) order.
laborsim_dimension_table <- function(file) {
  # In the order the variables were written (the files track it), as Python lists them.
  listing <- file$ls(index_type = hdf5r::h5const$H5_INDEX_CRT_ORDER)
  datasets <- listing$name[as.character(listing$obj_type) == "H5I_DATASET"]
  stats::setNames(lapply(datasets, function(name) {
    laborsim_with(file, name, function(dataset) laborsim_dimension_names(file, dataset))
  }), datasets)
}

# The names of the datasets whose dimensions (in file order) are exactly `dims`.
laborsim_variables_over <- function(table, dims) {
  names(table)[vapply(table, function(scales) identical(scales, dims), logical(1))]
}

# The dimension-scale names of a dataset, in file (C) order; NA where none is attached.
laborsim_dimension_names <- function(file, dataset) {
  rank <- length(dataset$dims)
  if (rank == 0) return(character(0))
  if (!"DIMENSION_LIST" %in% hdf5r::h5attr_names(dataset)) return(rep(NA_character_, rank))
  references <- hdf5r::h5attr(dataset, "DIMENSION_LIST")
  # The references hold the attribute's id: release them now, not at garbage collection, when
  # the id may already belong to another attribute (hdf5r then stops on its id counts).
  on.exit(for (reference in references) reference$close())
  vapply(seq_len(rank), function(d) {
    scale <- references[[d]]$dereference(obj = file)[[1]]
    on.exit(scale$close())
    sub("^/", "", scale$get_obj_name())
  }, character(1))
}

# A tidy frame of the variables over (time, axis): as.vector of an R array runs its first index
# fastest, which after the reversal is the axis label within a month.
laborsim_tidy <- function(file, table, dims, ids) {
  variables <- laborsim_variables_over(table, dims)
  if (length(variables) == 0) return(NULL)
  frame <- ids
  for (name in variables) frame[[name]] <- as.vector(laborsim_read(file, name))
  frame
}

laborsim_attributes <- function(file) {
  names <- hdf5r::h5attr_names(file)
  values <- lapply(names, function(name) hdf5r::h5attr(file, name))
  stats::setNames(values, names)
}

#' Read one laborsim run.
#'
#' @param path a run's HDF5 file (`laborsim run`, a compare arm, a sweep's run).
#' @return a list: `region`, `group`, `sector`, `edge`, `size_class`, `policy` (tidy data frames,
#'   one row per month and label, one column per variable; NULL when the axis has no variables),
#'   `totals` (the variables over time alone), `regions` (name and kind), `config` (the
#'   scenario, parsed), `provenance` (the root attributes; `seed` exact from `seed_string`).
laborsim_read_run <- function(path) {
  file <- laborsim_open(path, "laborsim-trajectory")
  on.exit(file$close_all())
  dates <- laborsim_dates(file)
  table <- laborsim_dimension_table(file)
  committed <- hdf5r::h5attr(file, "committed_months")
  result <- list()
  for (axis in c("region", "group", "sector", "edge", "size_class", "policy")) {
    labels <- laborsim_labels(file, axis)
    ids <- data.frame(time = rep(dates, each = length(labels)),
                      label = rep(labels, times = length(dates)), stringsAsFactors = FALSE)
    names(ids)[2] <- axis
    frame <- if (length(labels) > 0) laborsim_tidy(file, table, c("time", axis), ids) else NULL
    # A partial file (a run that did not finish) is cut to its committed months.
    if (!is.null(frame)) frame <- frame[frame$time %in% dates[seq_len(committed)], , drop = FALSE]
    result[[axis]] <- frame
  }
  result$regions <- data.frame(region = laborsim_labels(file, "region"),
                               kind = as.character(laborsim_read(file, "region_kind")),
                               stringsAsFactors = FALSE)
  attributes <- laborsim_attributes(file)
  result$config <- jsonlite::fromJSON(attributes$config, simplifyVector = FALSE)
  attributes$config <- NULL
  if (!is.null(attributes$seed_string)) attributes$seed <- attributes$seed_string
  result$provenance <- attributes
  result
}

#' Read a sweep's summary (`laborsim sweep collect`).
#'
#' @param path the sweep folder or its summary file.
#' @return a list: `runs` (one row per run: run, point, arm, replicate, seed -- a double, exact
#'   below 2^53 -- and the design values), `region`, `group`, ... (tidy frames: one row per run,
#'   month and label, with the run's coordinates as columns), `provenance`.
laborsim_read_sweep <- function(path) {
  if (dir.exists(path)) path <- file.path(path, "summary.h5")
  file <- laborsim_open(path, "laborsim-sweep-summary")
  on.exit(file$close_all())
  dates <- laborsim_dates(file)
  ids <- as.character(laborsim_read(file, "run"))
  runs <- data.frame(run = ids, stringsAsFactors = FALSE)
  table <- laborsim_dimension_table(file)
  for (name in laborsim_variables_over(table, "run")) runs[[name]] <- laborsim_read(file, name)
  result <- list(runs = runs)
  for (axis in c("region", "group", "sector", "edge", "size_class", "policy")) {
    labels <- laborsim_labels(file, axis)
    if (length(labels) == 0) next
    n <- length(labels) * length(dates)
    frame <- data.frame(run = rep(ids, each = n),
                        time = rep(rep(dates, each = length(labels)), times = length(ids)),
                        label = rep(labels, times = length(dates) * length(ids)),
                        stringsAsFactors = FALSE)
    names(frame)[3] <- axis
    frame <- laborsim_tidy(file, table, c("run", "time", axis), frame)
    if (!is.null(frame)) result[[axis]] <- merge(runs, frame, by = "run", sort = FALSE)
  }
  result$provenance <- laborsim_attributes(file)
  result
}

#' The yearly table `laborsim run` prints, from a run read by laborsim_read_run.
laborsim_yearly_summary <- function(run) {
  region <- run$region
  months <- stats::aggregate(cbind(labor_force, employed, unemployed, vacancies, hires,
                                   separations, migrants_out) ~ time, data = region, FUN = sum)
  months$year <- as.integer(format(months$time, "%Y"))
  years <- split(months, months$year)
  rows <- lapply(years, function(y) {
    last <- y[nrow(y), ]
    data.frame(year = last$year, months = nrow(y), labor_force = last$labor_force,
               employed = last$employed, unemployed = last$unemployed,
               unemp_rate = 100 * last$unemployed / last$labor_force,
               vacancies_mean = mean(y$vacancies), hires = sum(y$hires),
               separations = sum(y$separations), migrants_out = last$migrants_out)
  })
  do.call(rbind, rows)
}
