# embed_text_file(OUT_CPP SYMBOL INPUT): generates OUT_CPP defining
#   extern const std::string_view SYMBOL;  (in namespace laborsim::embedded)
# holding INPUT's bytes, regenerated whenever INPUT changes.
set(LABORSIM_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_file_script.cmake)

function(embed_text_file out_cpp symbol input)
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${out_cpp} -DSYMBOL=${symbol}
            -P ${LABORSIM_EMBED_SCRIPT}
    DEPENDS ${input} ${LABORSIM_EMBED_SCRIPT}
    COMMENT "Embedding ${input}"
    VERBATIM)
endfunction()
