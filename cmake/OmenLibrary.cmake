# omen_library(NAME DIR): one library per folder, from every .cpp below DIR. A folder whose
# sources are not written yet becomes an INTERFACE library so the tree still configures.
function(omen_library name dir)
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${dir}/*.cpp)
  if(sources)
    add_library(${name} STATIC ${sources})
    set(${name}_SCOPE PUBLIC PARENT_SCOPE)
  else()
    add_library(${name} INTERFACE)
    set(${name}_SCOPE INTERFACE PARENT_SCOPE)
  endif()
endfunction()
