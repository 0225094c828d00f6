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

# embed_configs(FOLDER OUT_VAR): embeds the scenario and sweep schemas and the default Dingxi
# scenario into FOLDER (what the scenario and sweep loaders read) and sets OUT_VAR to the sources.
function(embed_configs folder out_var)
  embed_text_file(${folder}/scenario_schema_json.cpp scenario_schema_json
                  ${PROJECT_SOURCE_DIR}/configs/schema/scenario.schema.json)
  embed_text_file(${folder}/sweep_schema_json.cpp sweep_schema_json
                  ${PROJECT_SOURCE_DIR}/configs/schema/sweep.schema.json)
  embed_text_file(${folder}/dingxi_json.cpp dingxi_json ${PROJECT_SOURCE_DIR}/configs/dingxi.json)
  set(${out_var} ${folder}/scenario_schema_json.cpp ${folder}/sweep_schema_json.cpp
      ${folder}/dingxi_json.cpp PARENT_SCOPE)
endfunction()
