# dossier_module(NAME DEPS...) builds every .cc directly in the module folder
# and its internal/ folder into the static library dossier_NAME.
#
# The sources are globbed (CONFIGURE_DEPENDS) rather than listed because
# several people add files to the same modules at once; a listed file that is
# not yet committed would break a clean build.
function(dossier_module name)
  file(GLOB _srcs CONFIGURE_DEPENDS
    "${CMAKE_CURRENT_SOURCE_DIR}/*.cc"
    "${CMAKE_CURRENT_SOURCE_DIR}/internal/*.cc")
  if(NOT _srcs)
    # A module with no code yet still links as an (empty) library.
    set(_srcs "${CMAKE_CURRENT_BINARY_DIR}/empty_${name}.cc")
    file(WRITE ${_srcs} "// empty module\n")
  endif()
  add_library(dossier_${name} STATIC ${_srcs})
  add_library(dossier::${name} ALIAS dossier_${name})
  target_include_directories(dossier_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(dossier_${name}
    PUBLIC dossier_sanitizers
    PRIVATE dossier_warnings)
endfunction()
