# laborsim_warnings(TARGET): the project's warning set, applied to its own targets only.
function(laborsim_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wnull-dereference)
  # GCC 12 false positive on std::string concatenation at -O2/-O3 (GCC bug 105329).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(LABORSIM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
