# sotong_embed(TARGET NAME SUBDIR FILES...): compiles files (templates, migrations, data) into the program as
# a function `std::vector<sotong::EmbeddedFile> sotong::embedded::NAME()`, so one binary carries them.
# FILES are relative to SUBDIR (itself relative to the current source folder) and keep that relative path.
set(SOTONG_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)

function(sotong_embed target name subdir)
  set(base ${CMAKE_CURRENT_SOURCE_DIR}/${subdir})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${name}.cpp)
  set(abs "")
  foreach(f ${ARGN})
    list(APPEND abs ${base}/${f})
  endforeach()
  string(REPLACE ";" "|" joined "${ARGN}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAME=${name} -DBASE=${base} "-DFILES=${joined}" -P ${SOTONG_EMBED_SCRIPT}
    DEPENDS ${abs} ${SOTONG_EMBED_SCRIPT}
    COMMENT "Embedding ${name}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
