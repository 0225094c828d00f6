#include "sim/sweep/sweep_folder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace laborsim {

void write_file_atomically(const std::filesystem::path& path, const std::string& text) {
  // The temporary name is unique per process, so concurrent writers (Slurm tasks, MPI ranks)
  // never share one.
  const std::filesystem::path temporary =
      path.string() + ".tmp." + std::to_string(static_cast<long long>(getpid()));
  const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw std::runtime_error(temporary.string() + ": cannot create: " + std::strerror(errno));
  }
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      close(fd);
      unlink(temporary.c_str());
      throw std::runtime_error(temporary.string() + ": cannot write: " + std::strerror(error));
    }
    written += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0 || close(fd) != 0) {
    unlink(temporary.c_str());
    throw std::runtime_error(temporary.string() + ": cannot flush to disk");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    unlink(temporary.c_str());
    throw std::runtime_error(path.string() + ": cannot rename into place: " + std::strerror(error));
  }
}

void append_line(const std::filesystem::path& path, const std::string& line) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(path.string() + ": cannot open: " + std::strerror(errno));
  const std::string text = line + "\n";
  const ssize_t n = write(fd, text.data(), text.size());
  close(fd);
  if (n != static_cast<ssize_t>(text.size())) {
    throw std::runtime_error(path.string() + ": cannot append");
  }
}

}  // namespace laborsim
