# Script mode helper for embed_text_file(): writes a C++ source holding a file as a string_view.
# Raw-string chunks keep every byte intact; chunking keeps each literal under compiler limits.
file(READ ${INPUT} content)
string(LENGTH "${content}" length)
set(chunk 16000)
set(literals "")
set(pos 0)
while(pos LESS length)
  string(SUBSTRING "${content}" ${pos} ${chunk} piece)
  string(APPEND literals "R\"laborsim_embed(${piece})laborsim_embed\"\n")
  math(EXPR pos "${pos} + ${chunk}")
endwhile()
if(literals STREQUAL "")
  set(literals "\"\"")
endif()
file(WRITE ${OUTPUT}.tmp
"// Generated from ${INPUT} by cmake/embed_file_script.cmake. Do not edit.
#include <string_view>
namespace laborsim::embedded {
extern const std::string_view ${SYMBOL};
static const char ${SYMBOL}_data[] =
${literals};
const std::string_view ${SYMBOL}(${SYMBOL}_data, sizeof(${SYMBOL}_data) - 1);
}  // namespace laborsim::embedded
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
