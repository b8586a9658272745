# cmake -DLUPDATE=... -DTS_FILE=... -DSOURCE_DIRS=a;b -DWORK_DIR=... -P CheckTranslations.cmake
# Runs lupdate over the sources into a copy of TS_FILE and fails when any entry
# is unfinished or empty: a string added to the code without its translation.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(ts_name "${TS_FILE}" NAME)
set(copy "${WORK_DIR}/${ts_name}")
file(COPY_FILE "${TS_FILE}" "${copy}")
execute_process(
    COMMAND "${LUPDATE}" ${SOURCE_DIRS} -extensions cpp,h -no-obsolete -locations none -ts "${copy}"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed:\n${output}")
endif()
file(READ "${copy}" text)
string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\"" unfinished "${text}")
string(REGEX MATCHALL "<translation></translation>" empty "${text}")
list(LENGTH unfinished n_unfinished)
list(LENGTH empty n_empty)
string(REGEX MATCHALL "<message" messages "${text}")
list(LENGTH messages n_messages)
if(n_unfinished GREATER 0 OR n_empty GREATER 0)
    message(FATAL_ERROR "${ts_name}: ${n_unfinished} unfinished and ${n_empty} empty of ${n_messages} entries:\n${unfinished}")
endif()
message(STATUS "${ts_name}: all ${n_messages} entries translated")
