# DOSSIER_SANITIZE="address,undefined" instruments our targets and tests.
set(DOSSIER_SANITIZE "" CACHE STRING "Sanitizers to enable, e.g. address,undefined")
add_library(dossier_sanitizers INTERFACE)
if(DOSSIER_SANITIZE)
  target_compile_options(dossier_sanitizers INTERFACE
    -fsanitize=${DOSSIER_SANITIZE} -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(dossier_sanitizers INTERFACE -fsanitize=${DOSSIER_SANITIZE})
endif()
