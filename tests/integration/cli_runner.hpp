#pragma once
// Runs the built laborsim executable like a user would and captures what it says.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace laborsim::test {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

//! Runs `laborsim ARGS...` in `workdir`, stdout and stderr captured to files there.
inline CliResult run_cli(const std::vector<std::string>& args,
                         const std::filesystem::path& workdir) {
  std::string command = "cd " + shell_quote(workdir.string()) + " && " + shell_quote(LABORSIM_BIN);
  for (const auto& arg : args) command += " " + shell_quote(arg);
  const auto out = workdir / "cli.stdout";
  const auto err = workdir / "cli.stderr";
  command += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string()) + " </dev/null";
  const int status = std::system(command.c_str());
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(out);
  result.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return result;
}

//! Runs a shell command under `script`, which gives it a terminal; all it prints lands in out.
inline CliResult run_with_terminal(const std::string& command,
                                   const std::filesystem::path& workdir) {
  const auto out = workdir / "tty.out";
  const std::string wrapped = "cd " + shell_quote(workdir.string()) + " && script -qec " +
                              shell_quote(command) + " /dev/null >" + shell_quote(out.string()) +
                              " 2>&1 </dev/null";
  const int status = std::system(wrapped.c_str());
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(out);
  std::filesystem::remove(out);
  return result;
}

inline std::string source_path(const std::string& relative) {
  return std::string(LABORSIM_SOURCE_DIR) + "/" + relative;
}

}  // namespace laborsim::test
