# Compiles every file of web/assets/ (and the editor grammar) into WebAssets.cpp: one byte
# array per file, looked up by name (web/Assets.h). Regenerated when any of them changes.
set(OMEN_WEB_ASSET_FILES
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/report.html
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/playground.html
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/style.css
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/format.js
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/highlight.js
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/plot.js
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/tables.js
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/sections.js
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/report.js
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/editor.js
  ${CMAKE_CURRENT_SOURCE_DIR}/assets/playground.js
  ${PROJECT_SOURCE_DIR}/editors/vscode/syntaxes/omen.tmLanguage.json)
# The list goes to the script with '|' between files: a ';' would end the shell command.
string(REPLACE ";" "|" omen_web_asset_list "${OMEN_WEB_ASSET_FILES}")
set(OMEN_WEB_ASSETS_CPP ${CMAKE_CURRENT_BINARY_DIR}/WebAssets.cpp)
add_custom_command(
  OUTPUT ${OMEN_WEB_ASSETS_CPP}
  COMMAND ${CMAKE_COMMAND} -DOUT=${OMEN_WEB_ASSETS_CPP} "-DFILES=${omen_web_asset_list}"
          -P ${CMAKE_CURRENT_SOURCE_DIR}/WriteAssets.cmake
  DEPENDS ${OMEN_WEB_ASSET_FILES} ${CMAKE_CURRENT_SOURCE_DIR}/WriteAssets.cmake
  COMMENT "Embedding the web pages' assets" VERBATIM)
