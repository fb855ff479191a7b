# RuntimeBitcode.cmake - The hot runtime (Philox, streams, math builtins, samplers) as LLVM
# bitcode, embedded in the library so that every JIT/AOT kernel module links and inlines the
# very same code the interpreter calls natively.
#
# Bit-identical engines need both copies compiled by one compiler with one set of
# floating-point flags: no contraction, no fast-math, and no builtin knowledge of libm (so
# LLVM cannot constant-fold or rewrite `exp`/`pow` calls differently in one copy).
set(OMEN_RUNTIME_FP_FLAGS -ffp-contract=off -fno-fast-math -fno-builtin)

# The runtime that kernels inline: every source of runtime/kernel/, a folder whose only job
# is this (runtime/CMakeLists.txt builds its native copy with the same flags).
function(omen_runtime_hot_sources out)
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/runtime/kernel/*.cpp)
  list(SORT sources)
  set(${out} ${sources} PARENT_SCOPE)
endfunction()

# omen_runtime_bitcode(TARGET): compiles the hot runtime to one linked bitcode file and adds
# a generated .cpp holding it as a byte array (omen_runtime_bitcode / _size) to TARGET.
function(omen_runtime_bitcode target)
  find_program(OMEN_BITCODE_CLANG NAMES clang++ clang++-19 HINTS ${LLVM_TOOLS_BINARY_DIR}
               NO_DEFAULT_PATH REQUIRED)
  find_program(OMEN_LLVM_LINK NAMES llvm-link llvm-link-19 HINTS ${LLVM_TOOLS_BINARY_DIR}
               NO_DEFAULT_PATH REQUIRED)
  omen_runtime_hot_sources(sources)
  set(outdir ${CMAKE_CURRENT_BINARY_DIR}/runtime-bitcode)
  file(MAKE_DIRECTORY ${outdir})
  set(bitcodes)
  foreach(src ${sources})
    get_filename_component(name ${src} NAME_WE)
    set(bc ${outdir}/${name}.bc)
    add_custom_command(OUTPUT ${bc}
      COMMAND ${OMEN_BITCODE_CLANG} -c -emit-llvm -O2 -DNDEBUG -std=c++20 ${OMEN_RUNTIME_FP_FLAGS}
              -I${PROJECT_SOURCE_DIR} -I${PROJECT_SOURCE_DIR}/include -MD -MF ${bc}.d -o ${bc} ${src}
      DEPENDS ${src} DEPFILE ${bc}.d
      COMMENT "Compiling runtime/kernel/${name}.cpp to LLVM bitcode" VERBATIM)
    list(APPEND bitcodes ${bc})
  endforeach()
  set(linked ${outdir}/omen_runtime.bc)
  set(embedded ${outdir}/RuntimeBitcode.cpp)
  if(bitcodes)
    add_custom_command(OUTPUT ${linked}
      COMMAND ${OMEN_LLVM_LINK} -o ${linked} ${bitcodes}
      DEPENDS ${bitcodes} COMMENT "Linking the runtime bitcode" VERBATIM)
  else()
    # Nothing to compile yet: an empty file, which the loader reports as missing.
    add_custom_command(OUTPUT ${linked} COMMAND ${CMAKE_COMMAND} -E touch ${linked} VERBATIM)
  endif()
  add_custom_command(OUTPUT ${embedded}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${linked} -DOUTPUT=${embedded}
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedBitcode.cmake
    DEPENDS ${linked} ${PROJECT_SOURCE_DIR}/cmake/EmbedBitcode.cmake
    COMMENT "Embedding the runtime bitcode" VERBATIM)
  target_sources(${target} PRIVATE ${embedded})
  set(OMEN_RUNTIME_BITCODE_FILE ${linked} PARENT_SCOPE)
endfunction()
